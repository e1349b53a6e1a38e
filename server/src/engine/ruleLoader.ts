import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from './errors';
import { DETECTOR_NAMES } from './detectors/names';
import { isKnownLanguage } from './languages';
import { builtinRulesDir } from './paths';
import { redosProblem } from './redos';
import { mainProblem, schemaValidator } from './schemaValidation';
import type { LoadedRule, RuleSpec } from './types';
import { readYaml, type ParsedYaml } from './yamlFile';

export interface LoadOptions {
  /**
   * Reject regexes that can backtrack catastrophically (default: on). The built-in packs are checked by a
   * test instead: at a second or more per regex, checking them at every start would cost minutes.
   */
  redosCheck?: boolean;
}

/** Loads every `*.yaml` pack in a folder, in name order. */
export function loadRuleDir(dir: string, displayBase = dir, options: LoadOptions = {}): LoadedRule[] {
  return packFiles(dir).flatMap((f) => loadRulePack(path.join(dir, f), path.join(displayBase, f), options));
}

function packFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort();
}

/**
 * The built-in packs, parsed and checked: as the build stored them (builtin-rules.json beside the bundles) when
 * the packs and their schema are byte for byte those it read, else from the YAML (parsing and validating them
 * costs a quarter of a second, at every start of hdguard).
 */
export function loadBuiltinRules(): LoadedRule[] {
  const dir = builtinRulesDir();
  try {
    const stored = JSON.parse(fs.readFileSync(path.join(__dirname, BUILTIN_RULES_FILE), 'utf8')) as BuiltinRulesSnapshot;
    if (stored.digest === builtinPacksDigest(dir) && Array.isArray(stored.rules)) return stored.rules;
  } catch {
    // Not built, or built from other packs: read them.
  }
  return loadRuleDir(dir, 'rules', { redosCheck: false });
}

/** The file the build writes the built-in rules to, beside the bundles. */
export const BUILTIN_RULES_FILE = 'builtin-rules.json';

export interface BuiltinRulesSnapshot {
  digest: string;
  rules: LoadedRule[];
}

/** What the build stores: the built-in rules and the digest of the files they were read from. */
export function builtinRulesSnapshot(): BuiltinRulesSnapshot {
  const dir = builtinRulesDir();
  return { digest: builtinPacksDigest(dir), rules: loadRuleDir(dir, 'rules', { redosCheck: false }) };
}

function builtinPacksDigest(dir: string): string {
  const hash = createHash('sha1');
  for (const f of [...packFiles(dir), path.join('schema', 'rule-pack.schema.json')]) hash.update(`${f}\0${fs.readFileSync(path.join(dir, f), 'utf8')}\0`);
  return hash.digest('hex');
}

/** Parses and validates one rule pack; any problem is a one-line UserError naming file, rule and field. */
export function loadRulePack(file: string, displayName = file, options: LoadOptions = {}): LoadedRule[] {
  const parsed = readYaml(file, 'rule', displayName);
  const validate = schemaValidator('rule-pack');
  if (!validate(parsed.value)) {
    const problem = mainProblem(validate.errors ?? []);
    throw packError(parsed, displayName, problem.path, problem.field, problem.message);
  }
  const rules = (parsed.value as { rules: RuleSpec[] }).rules;
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.id)) throw packError(parsed, displayName, ['rules', String(i), 'id'], 'id', `duplicate rule id '${rule.id}'`);
    seen.add(rule.id);
    checkSemantics(rule, (p, field, message) => packError(parsed, displayName, ['rules', String(i), ...p], field, message), options.redosCheck !== false);
  });
  return rules.map((r) => ({ ...r, source: displayName }));
}

type Fail = (path: string[], field: string, message: string) => UserError;

function checkSemantics(rule: RuleSpec, fail: Fail, redosCheck: boolean): void {
  const regexOk = (re: string, flags: string | undefined, p: string[], field: string) => {
    try {
      new RegExp(re, `${flags ?? ''}dg`);
    } catch (e) {
      throw fail(p, field, `is not a valid regular expression (${(e as Error).message})`);
    }
    const problem = redosCheck ? redosProblem(re, flags) : undefined;
    if (problem) throw fail(p, field, problem);
  };
  rule.patterns?.forEach((pt, j) => {
    regexOk(pt.regex, pt.flags, ['patterns', String(j), 'regex'], 'regex');
    pt.languages?.forEach((l, k) => {
      if (!isKnownLanguage(l)) throw fail(['patterns', String(j), 'languages', String(k)], 'languages', `unknown language '${l}'`);
    });
  });
  rule.conditions?.forEach((c, j) => regexOk(c.regex, c.flags, ['conditions', String(j), 'regex'], 'regex'));
  rule.exceptions?.forEach((x, j) => regexOk(x, 'i', ['exceptions', String(j)], 'exceptions'));
  rule.languages?.forEach((l, k) => {
    if (l !== 'any' && !isKnownLanguage(l)) throw fail(['languages', String(k)], 'languages', `unknown language '${l}'`);
  });
  if (rule.detector && !(DETECTOR_NAMES as readonly string[]).includes(rule.detector.name)) {
    throw fail(['detector', 'name'], 'detector', `unknown detector '${rule.detector.name}' (known: ${DETECTOR_NAMES.join(', ')})`);
  }
  [...rule.examples.bad, ...rule.examples.good].forEach((ex) => {
    if (ex.language && !isKnownLanguage(ex.language)) throw fail(['examples'], 'examples', `unknown language '${ex.language}'`);
  });
}

function packError(parsed: ParsedYaml, displayName: string, p: string[], field: string, message: string): UserError {
  const keys = p.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const line = parsed.lineOf(keys);
  const ruleIndex = p[0] === 'rules' && /^\d+$/.test(p[1] ?? '') ? Number(p[1]) : undefined;
  const rules = (parsed.value as { rules?: Array<{ id?: unknown }> } | null)?.rules;
  const id = ruleIndex !== undefined && Array.isArray(rules) ? rules[ruleIndex]?.id : undefined;
  const where = `${displayName}${line ? `:${line}` : ''}`;
  const rulePart = ruleIndex === undefined ? '' : typeof id === 'string' ? ` rule '${id}'` : ` rule #${ruleIndex + 1}`;
  return new UserError(`${where}:${rulePart} field '${field}' ${message}`, 'rule');
}
