import * as path from 'node:path';
import { RuleSet, analyzeDocument, type AnalyzeOptions, type RawValues } from './analyze';
import type { Config } from './config';
import { discoverFiles } from './discovery';
import { SourceDocument } from './document';
import { looksMinified, readSourceFile } from './fileReader';
import type { Finding, LoadedRule, ScanResult, SkippedFile } from './types';

export interface ScanOptions {
  /** Findings and skipped files are reported relative to this folder. */
  root: string;
  /** Files or folders to scan, relative to root or absolute; default: the root itself. */
  paths?: string[];
  config: Config;
  rules: LoadedRule[];
  /** Extra exclude globs (from the command line), added to the config's. */
  exclude?: string[];
  /** Absolute paths: scan only these of the files found under `paths` (such as the files changed since a commit). */
  only?: string[];
  onProgress?: (filesDone: number, file: string) => void;
  raw?: RawValues;
  /** A file whose analysis takes longer is abandoned and listed as skipped (default 5 s). */
  fileTimeLimitMs?: number;
}

export const DEFAULT_FILE_TIME_LIMIT_MS = 5000;

/** Discovers, reads and analyses every file under the given paths. */
export function scan(options: ScanOptions): ScanResult {
  const started = performance.now();
  const root = path.resolve(options.root);
  const ruleSet = new RuleSet(options.rules);
  const timeLimit = options.fileTimeLimitMs ?? DEFAULT_FILE_TIME_LIMIT_MS;
  const skipped: SkippedFile[] = [];
  const findings: Finding[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  let lossyDecoded = 0;
  const exclude = [...options.config.exclude, ...(options.exclude ?? [])];
  const only = options.only && new Set(options.only.map((f) => path.resolve(f)));
  for (const file of discoverFiles(root, options.paths?.length ? options.paths : ['.'], { exclude, only }, skipped)) {
    const read = readSourceFile(file.abs, file.size, { maxFileSize: options.config.maxFileSize });
    if (!read.ok) {
      skipped.push({ file: file.rel, reason: read.reason, detail: read.detail });
      continue;
    }
    const doc = new SourceDocument(file.rel, read.text);
    if (looksMinified(file.rel, doc.language.id, read.text)) {
      skipped.push({ file: file.rel, reason: 'minified', detail: 'minified or generated one-line bundle' });
      continue;
    }
    const analysed = analyzeWithin(doc, ruleSet, timeLimit, { settings: options.config.settings, raw: options.raw });
    if (!analysed) {
      skipped.push({ file: file.rel, reason: 'time-limit', detail: `analysis time limit of ${timeLimit / 1000} s exceeded` });
      continue;
    }
    if (read.lossy) lossyDecoded++;
    filesScanned++;
    bytesScanned += file.size;
    findings.push(...analysed);
    options.onProgress?.(filesScanned, file.rel);
  }
  return {
    root,
    findings,
    skipped,
    stats: { filesScanned, bytesScanned, lossyDecoded, durationMs: performance.now() - started },
    rules: options.rules,
  };
}

/**
 * Analyses a document; undefined when that took longer than the time limit, whose findings are then dropped
 * (a file that slow is listed as skipped, not half reported).
 */
function analyzeWithin(doc: SourceDocument, ruleSet: RuleSet, timeLimitMs: number, options: AnalyzeOptions): Finding[] | undefined {
  const deadline = performance.now() + timeLimitMs;
  const raw: string[] = [];
  const found = analyzeDocument(doc, ruleSet, { ...options, deadline, raw: options.raw && { values: raw } });
  if (performance.now() > deadline) return undefined;
  options.raw?.values.push(...raw);
  return found;
}
