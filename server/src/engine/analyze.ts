import { compileRule, type CompiledCondition, type CompiledPattern, type CompiledRule } from './compiledRule';
import { releaseParsedDocument } from './dataflow/treeFlow';
import type { DetectorContext, DetectorHit } from './detectors';
import type { SourceDocument } from './document';
import { fileRoleOf, treatmentIn } from './fileRole';
import { LiteralScanner, mayMatch } from './prefilter';
import { detachedString } from './detachedString';
import { fingerprintOf } from './fingerprint';
import { clip, maskSpans } from './mask';
import { applySuppressions } from './suppressions';
import { DEFAULT_SETTINGS, type AnalysisSettings, type Finding, type LoadedRule } from './types';

/** Raw matched values, for tests that check none of them reaches an output. Never serialised. */
export interface RawValues {
  values: string[];
}

export interface AnalyzeOptions {
  settings?: AnalysisSettings;
  /** A performance.now() time; past it the remaining rules are not run (the scan drops the late result). */
  deadline?: number;
  /** Checked between rules: true stops the analysis (its result is then incomplete and to be dropped). */
  isCancelled?: () => boolean;
  /** Collects the raw sensitive substrings of every reported finding (tests only). */
  raw?: RawValues;
  /**
   * Skip the patterns and detectors whose literals the file does not hold (default true). False runs every
   * rule everywhere: the slow path that the benchmark and the tests compare the findings of the fast one with.
   */
  prefilter?: boolean;
  /** Adds the milliseconds spent on each rule (by id) and on the literal scan (`literal scan`): the benchmark's profile. */
  timings?: Record<string, number>;
}

export class RuleSet {
  readonly compiled: CompiledRule[];
  /** For each rule id, the rule ids its findings supersede. */
  readonly supersedes: Map<string, Set<string>>;

  /** Finds, in one pass over a file, which of the compiled rules' literals it holds. */
  readonly scanner: LiteralScanner;

  constructor(readonly rules: LoadedRule[]) {
    this.compiled = rules.map(compileRule);
    this.supersedes = new Map(rules.filter((r) => r.supersedes?.length).map((r) => [r.id, new Set(r.supersedes)]));
    this.scanner = new LiteralScanner(this.compiled.flatMap((c) => [...(c.detectorLiterals ?? []), ...c.partLiterals, ...c.patterns.flatMap((p) => p.literals ?? [])]));
  }
}

/** Runs every applicable rule over one document. Pure: no file system, no editor. */
export function analyzeDocument(doc: SourceDocument, ruleSet: RuleSet, options: AnalyzeOptions = {}): Finding[] {
  /** Claims (a finding of undefined) report nothing but keep the rules they supersede quiet inside them. */
  const results: Array<{ ruleId: string; extent: [number, number]; finding?: Finding; raw: string[] }> = [];
  const occurrences = new Map<string, number>();
  const context: DetectorContext = { settings: options.settings ?? DEFAULT_SETTINGS, prefilter: options.prefilter !== false };
  const role = fileRoleOf(doc.file);
  let present: Set<string> | undefined;
  context.mayHold = (literals) => mayMatch(literals, present);
  const timings = options.timings;
  for (const rule of ruleSet.compiled) {
    if (options.deadline !== undefined && performance.now() > options.deadline) break;
    if (options.isCancelled?.()) break;
    if (!rule.appliesTo(doc)) continue;
    if (options.prefilter !== false && !present) {
      const started = timings && performance.now();
      present = ruleSet.scanner.scan(doc.text);
      if (timings) timings['literal scan'] = (timings['literal scan'] ?? 0) + performance.now() - started!;
    }
    const started = timings && performance.now();
    const treatment = treatmentIn(role, rule.rule.fileRoles, context.settings.fileRoles);
    for (const hit of hitsOf(rule, doc, context, present)) {
      if (!passes(rule, doc, hit)) continue;
      const weak = treatment !== 'report' && !hit.strong;
      if (weak && treatment === 'info') {
        hit.severity = 'info';
        hit.note ??= `${role} file`;
      }
      const extent = hit.match ?? [hit.start, hit.end];
      const claimOnly = hit.claimOnly || (weak && treatment === 'skip');
      const raw = options.raw ? (hit.sensitive ?? []).map(([s, e]) => doc.text.slice(s, e)) : [];
      results.push({ ruleId: rule.rule.id, extent, finding: claimOnly ? undefined : toFinding(rule, doc, hit, occurrences), raw });
    }
    if (timings) timings[rule.rule.id] = (timings[rule.rule.id] ?? 0) + performance.now() - started!;
  }
  // The syntax tree the flow rules shared is of no use past this document: not kept until the next one is parsed.
  releaseParsedDocument();
  const reported = dropSuperseded(results, ruleSet).filter((r) => r.finding);
  if (options.raw) for (const r of reported) options.raw.values.push(...r.raw);
  const findings = reported
    .flatMap((r) => (r.finding ? [r.finding] : []))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || a.ruleId.localeCompare(b.ruleId));
  return applySuppressions(doc, findings, options);
}

/**
 * A finding gives way to a result of a rule that declares it `supersedes` its rule when their extents overlap:
 * the superseding hit's whole match (a FHIR resource, an HL7 message), reported or only claimed.
 */
function dropSuperseded<T extends { ruleId: string; extent: [number, number] }>(results: T[], ruleSet: RuleSet): T[] {
  if (!ruleSet.supersedes.size) return results;
  const claims = results.filter((r) => ruleSet.supersedes.has(r.ruleId));
  if (!claims.length) return results;
  return results.filter(
    ({ ruleId, extent: [s, e] }) =>
      !claims.some((c) => ruleSet.supersedes.get(c.ruleId)!.has(ruleId) && s < c.extent[1] && c.extent[0] < Math.max(e, s + 1)),
  );
}

/** The rule's detector hits and pattern matches; `present` (the file's literals) skips what cannot match. */
function* hitsOf(rule: CompiledRule, doc: SourceDocument, context: DetectorContext, present: Set<string> | undefined): Generator<DetectorHit> {
  if (rule.detector && mayMatch(rule.detectorLiterals, present)) {
    for (const hit of rule.detector.run(doc, rule.rule.detector?.options ?? {}, context)) {
      if (rule.scopes.includes(doc.scopes.scopeAt(hit.start))) yield hit;
    }
  }
  for (const pattern of rule.patterns) {
    if (pattern.languages && !pattern.languages.has(doc.language.id)) continue;
    if (!mayMatch(pattern.literals, present)) continue;
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(doc.text); m; m = pattern.re.exec(doc.text)) {
      if (m[0].length === 0) pattern.re.lastIndex++;
      const indices = m.indices!;
      const [start, end] = indices.groups?.hit ?? indices[0];
      if (!pattern.scopes.includes(doc.scopes.scopeAt(start))) continue;
      yield regexHit(rule, pattern, m, start, end);
    }
  }
}

function regexHit(rule: CompiledRule, pattern: CompiledPattern, m: RegExpExecArray, start: number, end: number): DetectorHit {
  const groups = m.groups ?? {};
  const spans = m.indices!.groups ?? {};
  const sensitive = (rule.rule.redact ?? []).flatMap((g) => (spans[g] ? [spans[g] as [number, number]] : []));
  const fixSpec = pattern.fix;
  const fixSpan = fixSpec?.group ? spans[fixSpec.group] : m.indices![0];
  let fix: DetectorHit['fix'];
  if (fixSpec && fixSpan) {
    const [fs, fe] = fixSpan;
    const newText = fixSpec.replace.replace(/\$<(\w+)>/g, (_, name: string) => groups[name] ?? '');
    fix = { description: fixSpec.description ?? `Replace with ${newText}`, edits: [{ start: fs, end: fe, newText }] };
  }
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(groups)) if (v !== undefined) params[k] = v;
  return { start, end, params, sensitive, fix, match: [m.index, m.index + m[0].length] };
}

function passes(rule: CompiledRule, doc: SourceDocument, hit: DetectorHit): boolean {
  if (rule.exceptions.length) {
    const [s, e] = hit.match ?? [hit.start, hit.end];
    const matched = doc.text.slice(s, e);
    if (rule.exceptions.some((x) => x.test(matched))) return false;
  }
  return rule.conditions.every((c) => c.re.test(conditionText(c, doc, hit)) !== c.absent);
}

function conditionText(c: CompiledCondition, doc: SourceDocument, hit: DetectorHit): string {
  if (c.within === 'file') return doc.text;
  const idx = doc.index;
  const first = idx.lineIndexAt(hit.start);
  const last = idx.lineIndexAt(Math.max(hit.start, hit.end - 1));
  const span = c.within === 'lines' ? c.lines : 0;
  return doc.text.slice(idx.lineStart(first - span), idx.lineEnd(Math.min(last + span, idx.lineCount - 1)));
}

const LINE_CONTEXT = 160;

function toFinding(
  rule: CompiledRule,
  doc: SourceDocument,
  hit: DetectorHit,
  occurrences: Map<string, number>,
): Finding {
  const spec = rule.rule;
  const sensitive = hit.sensitive ?? [];
  const relative = sensitive.map(([s, e]) => [s - hit.start, e - hit.start] as [number, number]);
  // Detached: a finding outlives its document (an audit keeps thousands), a slice would keep the whole text alive.
  const evidence = detachedString(clip(maskSpans(doc.text.slice(hit.start, hit.end), relative)));
  const filled = fillTemplate(spec.message, hit, doc, spec.redact ?? []);
  const message = hit.note ? `${filled} (${hit.note})` : filled;
  // The line around the hit, bounded so that a finding on a very long line costs no more than any other.
  const lineIdx = doc.index.lineIndexAt(hit.start);
  const lineStart = Math.max(doc.index.lineStart(lineIdx), hit.start - LINE_CONTEXT);
  const lineEnd = Math.min(doc.index.lineEnd(lineIdx), Math.max(hit.end, hit.start) + LINE_CONTEXT);
  const maskedLine = maskSpans(
    doc.text.slice(lineStart, lineEnd),
    sensitive
      .filter(([s, e]) => e > lineStart && s < lineEnd)
      .map(([s, e]) => [Math.max(s, lineStart) - lineStart, Math.min(e, lineEnd) - lineStart]),
  );
  const key = `${spec.id}\u0000${evidence}\u0000${maskedLine.replace(/\s+/g, ' ').trim()}`;
  const occurrence = occurrences.get(key) ?? 0;
  occurrences.set(key, occurrence + 1);
  return {
    ruleId: spec.id,
    category: spec.category,
    severity: hit.severity ?? spec.severity,
    file: doc.file,
    range: doc.index.rangeOf(hit.start, hit.end),
    message: detachedString(message),
    evidence,
    fix: hit.fix
      ? { description: hit.fix.description, edits: hit.fix.edits.map((e) => ({ range: doc.index.rangeOf(e.start, e.end), newText: detachedString(e.newText) })) }
      : undefined,
    related: hit.related?.map((r) => ({ ...r, message: detachedString(r.message) })),
    fingerprint: fingerprintOf(spec.id, doc.file, evidence, maskedLine, occurrence),
  };
}

/** `{name}` in a rule message takes the hit's parameter; a redacted one is masked. */
function fillTemplate(template: string, hit: DetectorHit, doc: SourceDocument, redact: string[]): string {
  const sensitiveTexts = (hit.sensitive ?? []).map(([s, e]) => doc.text.slice(s, e)).filter((s) => s.length > 0);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    // `{cipher}` also takes `cipher2`, `cipher3`: the same value captured by another alternative of a regex
    const value = hit.params?.[name] ?? Object.entries(hit.params ?? {}).find(([k]) => k.startsWith(name) && /^\d+$/.test(k.slice(name.length)))?.[1];
    if (value === undefined) return whole;
    if (redact.includes(name)) return maskSpans(value, [[0, value.length]]);
    let out = value;
    for (const s of sensitiveTexts) out = out.split(s).join(maskSpans(s, [[0, s.length]]));
    return clip(out, 80);
  });
}
