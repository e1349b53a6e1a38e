import * as path from 'node:path';
import { RuleSet, analyzeDocument, type RawValues } from './analyze';
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
  onProgress?: (filesDone: number, file: string) => void;
  raw?: RawValues;
}

/** Discovers, reads and analyses every file under the given paths. */
export function scan(options: ScanOptions): ScanResult {
  const started = performance.now();
  const root = path.resolve(options.root);
  const ruleSet = new RuleSet(options.rules);
  const skipped: SkippedFile[] = [];
  const findings: Finding[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  let lossyDecoded = 0;
  const exclude = [...options.config.exclude, ...(options.exclude ?? [])];
  for (const file of discoverFiles(root, options.paths?.length ? options.paths : ['.'], { exclude }, skipped)) {
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
    if (read.lossy) lossyDecoded++;
    filesScanned++;
    bytesScanned += file.size;
    findings.push(...analyzeDocument(doc, ruleSet, { settings: options.config.settings, raw: options.raw }));
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
