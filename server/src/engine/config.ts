import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from './errors';
import type { FileRoleTreatments } from './fileRole';
import { loadBuiltinRules, loadRuleDir } from './ruleLoader';
import { mainProblem, schemaValidator } from './schemaValidation';
import { DEFAULT_SETTINGS, IDENTIFIER_SETS, type AnalysisSettings, type IdentifierSet, type LoadedRule, type Severity, type SyntheticDataMode } from './types';
import { readYaml } from './yamlFile';

export const CONFIG_FILE = '.hdguard.yaml';
export const WORKSPACE_RULES_DIR = path.join('.hdguard', 'rules');
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface Config {
  disable: string[];
  severity: Record<string, Severity>;
  exclude: string[];
  maxFileSize: number;
  settings: AnalysisSettings;
  /** The file it came from, if any. */
  source?: string;
}

export const DEFAULT_CONFIG: Config = {
  disable: [],
  severity: {},
  exclude: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  settings: DEFAULT_SETTINGS,
};

const MAX_FILE_SIZE_HINT = 'must be a number of bytes (at least 1) or a size such as 512KB or 2MB';

interface RawConfig {
  rules?: { disable?: string[]; severity?: Record<string, Severity> };
  exclude?: string[];
  maxFileSize?: number | string;
  patientData?: { syntheticData?: SyntheticDataMode; identifierSets?: IdentifierSet[] };
  fileRoles?: FileRoleTreatments;
}

/**
 * Reads `.hdguard.yaml`: the file given, or the one at the scan root if there is one. A problem is a one-line
 * UserError naming the file (as `display`: what the user typed, or relative to the root), the line and the field.
 */
export function loadConfig(root: string, explicitFile?: string, display = explicitFile ?? CONFIG_FILE): Config {
  const file = explicitFile ?? path.join(root, CONFIG_FILE);
  if (!explicitFile && !fs.existsSync(file)) return { ...DEFAULT_CONFIG };
  const parsed = readYaml(file, 'config', display);
  const raw = (parsed.value ?? {}) as RawConfig;
  const validate = schemaValidator('config');
  const fail = (path: string[], field: string, message: string) => {
    const line = parsed.lineOf(path);
    return new UserError(`${display}${line ? `:${line}` : ''}: field '${field}' ${message}`, 'config');
  };
  if (!validate(raw)) {
    const problem = mainProblem(validate.errors ?? []);
    const field = [...problem.path.filter((s) => !/^\d+$/.test(s)).slice(0, -1), problem.field].join('.') || problem.field;
    // The schema's oneOf (integer or size string) yields a branch's message, which misleads: say what is allowed.
    throw fail(problem.path, field, problem.path[0] === 'maxFileSize' ? MAX_FILE_SIZE_HINT : identifierSetsProblem(problem.path, raw) ?? problem.message);
  }
  const maxFileSize = parseSize(raw.maxFileSize) ?? DEFAULT_MAX_FILE_SIZE;
  if (maxFileSize < 1) throw fail(['maxFileSize'], 'maxFileSize', MAX_FILE_SIZE_HINT);
  return {
    disable: raw.rules?.disable ?? [],
    severity: raw.rules?.severity ?? {},
    exclude: raw.exclude ?? [],
    maxFileSize,
    settings: { ...DEFAULT_SETTINGS, ...raw.patientData, ...(raw.fileRoles ? { fileRoles: raw.fileRoles } : {}) },
    source: display,
  };
}

/** An identifier set the schema does not know, named with the ones it does (the schema's enum lists them too). */
function identifierSetsProblem(problemPath: string[], raw: RawConfig): string | undefined {
  if (problemPath[0] !== 'patientData' || problemPath[1] !== 'identifierSets') return undefined;
  const value = problemPath.length > 2 ? (raw.patientData?.identifierSets as unknown[])[Number(problemPath[2])] : undefined;
  const known = `(known: ${IDENTIFIER_SETS.join(', ')})`;
  return typeof value === 'string' ? `names an unknown identifier set '${value}' ${known}` : `must list identifier sets ${known}`;
}

export function parseSize(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const m = /^([0-9]+(?:\.[0-9]+)?) ?([kmg]?)i?b?$/i.exec(value.trim());
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * unit);
}

/**
 * The rules in force for a scan root: the built-in packs, then the workspace's `.hdguard/rules/*.yaml`
 * (a workspace rule with a built-in id replaces it), less the disabled ones, with severity overrides.
 */
export function resolveRules(root: string, config: Config, options: { workspaceRules?: boolean } = {}): LoadedRule[] {
  const byId = new Map<string, LoadedRule>();
  for (const r of loadBuiltinRules()) byId.set(r.id, r);
  if (options.workspaceRules !== false) {
    for (const r of loadRuleDir(path.join(root, WORKSPACE_RULES_DIR), WORKSPACE_RULES_DIR)) byId.set(r.id, r);
  }
  const where = config.source ?? CONFIG_FILE;
  for (const id of [...config.disable, ...Object.keys(config.severity)]) {
    if (!byId.has(id)) throw new UserError(`${where}: field 'rules' names an unknown rule id '${id}'`, 'config');
  }
  for (const id of config.disable) byId.delete(id);
  return [...byId.values()].map((r) => (config.severity[r.id] ? { ...r, severity: config.severity[r.id] } : r));
}
