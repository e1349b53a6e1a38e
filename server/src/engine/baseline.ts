import * as fs from 'node:fs';
import { UserError } from './errors';
import type { Finding } from './types';

export const BASELINE_FILE = '.hdguard-baseline.json';

/** One accepted finding. Only masked text: a baseline is committed and shared like any report. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  evidence: string;
}

/** The `.hdguard-baseline.json` file (documented in README). */
export interface Baseline {
  version: 1;
  tool: string;
  /** When the baseline was written, ISO 8601. */
  created: string;
  findings: BaselineEntry[];
}

export function createBaseline(findings: Finding[], tool: string, created = new Date()): Baseline {
  const entries = findings
    .map(({ fingerprint, ruleId, file, evidence }) => ({ fingerprint, ruleId, file, evidence }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, tool, created: created.toISOString(), findings: entries };
}

/** Reads a baseline; anything that is not one is a one-line UserError naming the file. */
export function readBaseline(file: string, display = file): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${display}: ${code === 'ENOENT' ? 'baseline file not found' : `cannot read the baseline (${code ?? e})`}`, 'usage');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${display}: not a baseline: invalid JSON (${(e as Error).message.split('\n')[0]})`, 'usage');
  }
  const problem = baselineProblem(value);
  if (problem) throw new UserError(`${display}: not a baseline: ${problem} (write one with hdguard baseline)`, 'usage');
  return value as Baseline;
}

function baselineProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'expected an object';
  const b = value as Partial<Baseline>;
  if (b.version !== 1) return `field 'version' must be 1`;
  if (!Array.isArray(b.findings)) return `field 'findings' must be a list`;
  const bad = b.findings.findIndex((e) => !e || typeof e !== 'object' || typeof (e as BaselineEntry).fingerprint !== 'string');
  if (bad >= 0) return `field 'findings[${bad}].fingerprint' must be a string`;
  return undefined;
}

/** The findings a baseline does not hold. */
export function newFindings(findings: Finding[], baseline: Baseline): Finding[] {
  const known = new Set(baseline.findings.map((e) => e.fingerprint));
  return findings.filter((f) => !known.has(f.fingerprint));
}
