import * as fs from 'node:fs';
import { createBaseline, readBaseline, type Baseline, type BaselineEntry } from '../engine/baseline';
import { toolVersion } from '../engine/paths';

/** Adds one finding to the workspace's baseline file, creating it when missing; returns how many it holds. */
export function addToBaseline(file: string, entry: BaselineEntry): number {
  const existing: Baseline = fs.existsSync(file) ? readBaseline(file) : createBaseline([], `hdguard ${toolVersion()}`);
  if (!existing.findings.some((e) => e.fingerprint === entry.fingerprint)) {
    const { fingerprint, ruleId, file: where, evidence } = entry;
    existing.findings.push({ fingerprint, ruleId, file: where, evidence });
    existing.findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  }
  fs.writeFileSync(file, `${JSON.stringify(existing, null, 2)}\n`);
  return existing.findings.length;
}

export function isBaselineEntry(value: unknown): value is BaselineEntry {
  const v = value as BaselineEntry;
  return !!v && typeof v === 'object' && ['fingerprint', 'ruleId', 'file', 'evidence'].every((k) => typeof (v as any)[k] === 'string');
}
