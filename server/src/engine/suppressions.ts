import type { SourceDocument } from './document';
import type { Finding, Range, TextEdit } from './types';

/**
 * Suppression comments, written in the language's own comment syntax:
 *   hdguard-ignore <rule-id>[, <rule-id>] -- <reason> [until YYYY-MM-DD]             (this line)
 *   hdguard-ignore-next-line <rule-id>[, <rule-id>] -- <reason> [until YYYY-MM-DD]   (the next line)
 *   hdguard-ignore-file <rule-id>[, <rule-id>] -- <reason> [until YYYY-MM-DD]        (the whole file)
 * Applied at the end of every analysis, so the CLI and the editor honour them the same way.
 */
export type SuppressionScope = 'line' | 'next-line' | 'file';

export interface Suppression {
  scope: SuppressionScope;
  ruleIds: string[];
  reason: string;
  /** YYYY-MM-DD, inclusive. */
  until?: string;
  /** The directive's range in the document (1-based, as findings). */
  range: Range;
  /** 1-based line it covers (for line scopes). */
  line: number;
}

export type SuppressionProblemKind = 'expired' | 'unused' | 'malformed';

/** A suppression that needs attention: the editor shows it; the CLI does not count it as a finding. */
export interface SuppressionProblem {
  kind: SuppressionProblemKind;
  range: Range;
  message: string;
  ruleIds: string[];
}

declare module './analyze' {
  interface AnalyzeOptions {
    /** Receives the document's expired, unused and malformed suppressions. */
    suppressionProblems?: SuppressionProblem[];
    /** Today as YYYY-MM-DD, for expiry (default: the current UTC date). */
    today?: string;
  }
}

const DIRECTIVE = /hdguard-ignore(-next-line|-file)?\b([^\n]*)/g;
const BODY = /^\s+([\w.*-]+(?:\s*,\s*[\w.*-]+)*)\s+--\s+(.*?)(?:\s+until\s+(\d{4}-\d{2}-\d{2}))?\s*(?:\*\/|-->|#>|\]\])?\s*$/;

/** Language ids whose files cannot hold a comment (a suppression there would break the file). */
const NO_COMMENTS = new Set(['json', 'ipynb', 'csv', 'hl7', 'plaintext']);

export function parseSuppressions(doc: SourceDocument): { suppressions: Suppression[]; malformed: SuppressionProblem[] } {
  const suppressions: Suppression[] = [];
  const malformed: SuppressionProblem[] = [];
  if (!doc.text.includes('hdguard-ignore')) return { suppressions, malformed };
  const commentsOnly = !NO_COMMENTS.has(doc.language.id);
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(doc.text); m; m = DIRECTIVE.exec(doc.text)) {
    if (commentsOnly && doc.scopes.scopeAt(m.index) !== 'comment') continue;
    const range = doc.index.rangeOf(m.index, m.index + m[0].trimEnd().length);
    const body = BODY.exec(m[2]);
    if (!body || !body[2].trim()) {
      malformed.push({
        kind: 'malformed',
        range,
        ruleIds: [],
        message: 'Malformed suppression: write hdguard-ignore[-next-line|-file] <rule-id>[, <rule-id>] -- <reason> [until YYYY-MM-DD]',
      });
      continue;
    }
    const scope: SuppressionScope = m[1] === '-next-line' ? 'next-line' : m[1] === '-file' ? 'file' : 'line';
    suppressions.push({
      scope,
      ruleIds: body[1].split(',').map((s) => s.trim()),
      reason: body[2].trim(),
      until: body[3],
      range,
      line: range.start.line + (scope === 'next-line' ? 1 : 0),
    });
  }
  return { suppressions, malformed };
}

function covers(s: Suppression, f: Finding, ruleId: string): boolean {
  if (ruleId !== f.ruleId && ruleId !== '*') return false;
  return s.scope === 'file' || s.line === f.range.start.line;
}

/** The findings no live suppression covers; expired, unused and malformed suppressions go to the options' sink. */
export function applySuppressions(
  doc: SourceDocument,
  findings: Finding[],
  options: { suppressionProblems?: SuppressionProblem[]; today?: string } = {},
): Finding[] {
  const { suppressions, malformed } = parseSuppressions(doc);
  const problems = options.suppressionProblems;
  problems?.push(...malformed);
  if (!suppressions.length) return findings;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const live: Suppression[] = [];
  for (const s of suppressions) {
    if (s.until && s.until < today) {
      problems?.push({
        kind: 'expired',
        range: s.range,
        ruleIds: s.ruleIds,
        message: `Suppression of ${s.ruleIds.join(', ')} expired on ${s.until}: fix the finding or renew the suppression`,
      });
    } else live.push(s);
  }
  const used = new Set<string>();
  const kept = findings.filter((f) => {
    let suppressed = false;
    live.forEach((s, i) =>
      s.ruleIds.forEach((id) => {
        if (covers(s, f, id)) {
          used.add(`${i}\u0000${id}`);
          suppressed = true;
        }
      }),
    );
    return !suppressed;
  });
  live.forEach((s, i) => {
    const unused = s.ruleIds.filter((id) => !used.has(`${i}\u0000${id}`));
    if (unused.length) {
      problems?.push({ kind: 'unused', range: s.range, ruleIds: unused, message: `Unused suppression: ${unused.join(', ')} reports nothing here` });
    }
  });
  return kept;
}

/** The comment syntax a suppression is written in, or undefined where the file cannot hold one. */
export function commentSyntax(languageId: string, family: string): { open: string; close: string } | undefined {
  if (NO_COMMENTS.has(languageId)) return undefined;
  if (languageId === 'css' || languageId === 'less') return { open: '/* ', close: ' */' };
  switch (family) {
    case 'c-like':
    case 'json':
      return { open: '// ', close: '' };
    case 'xml':
    case 'markdown':
      return { open: '<!-- ', close: ' -->' };
    case 'sql':
    case 'lua':
      return { open: '-- ', close: '' };
    case 'plain':
      return undefined;
    default:
      return { open: '# ', close: '' };
  }
}

export interface SuppressionRequest {
  scope: 'next-line' | 'file';
  ruleId: string;
  /** 1-based line of the finding (for next-line). */
  line: number;
  reason: string;
  until?: string;
}

/** An edit inserting a suppression comment line, indented like the finding's line; undefined where no comment fits. */
export function suppressionEdit(doc: SourceDocument, request: SuppressionRequest): TextEdit | undefined {
  const syntax = commentSyntax(doc.language.id, doc.language.family);
  if (!syntax) return undefined;
  const directive = `hdguard-ignore${request.scope === 'file' ? '-file' : '-next-line'} ${request.ruleId} -- ${request.reason}${
    request.until ? ` until ${request.until}` : ''
  }`;
  const comment = `${syntax.open}${directive}${syntax.close}`;
  const lines = doc.text.split('\n');
  let line: number;
  let indent = '';
  if (request.scope === 'file') {
    // Keep a shebang or an XML declaration first.
    line = lines[0]?.startsWith('#!') || lines[0]?.startsWith('<?xml') ? 2 : 1;
  } else {
    line = request.line;
    indent = /^[ \t]*/.exec(lines[line - 1] ?? '')![0];
  }
  const at = { line, column: 1 };
  return { range: { start: at, end: at }, newText: `${indent}${comment}\n` };
}
