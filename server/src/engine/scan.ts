import * as path from 'node:path';
import { RuleSet, type RawValues } from './analyze';
import type { Config } from './config';
import { discoverFiles, type DiscoveredFile } from './discovery';
import { scanFile, type FileScanOptions } from './fileScan';
import { ScanCache, cacheIdentity } from './parallel/scanCache';
import { ScanCollector } from './scanCollector';
import { scanFiles } from './parallel/scanFiles';
import type { LoadedRule, ScanResult, SkippedFile } from './types';

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
  /** Skip what a file's literals show cannot match (default true; see AnalyzeOptions.prefilter). */
  prefilter?: boolean;
}

export { DEFAULT_FILE_TIME_LIMIT_MS } from './types';
import { DEFAULT_FILE_TIME_LIMIT_MS } from './types';

/** Discovers, reads and analyses every file under the given paths, in this thread. */
export function scan(options: ScanOptions): ScanResult {
  const started = performance.now();
  const root = path.resolve(options.root);
  const ruleSet = new RuleSet(options.rules);
  const result = new ScanCollector(options.rules, options.onProgress);
  const fileOptions = { ...fileScanOptions(options), raw: options.raw };
  for (const file of discover(root, options, result.skipped)) {
    result.add(result.size, file, scanFile(file, ruleSet, fileOptions));
  }
  return result.finish(root, started);
}

export interface ParallelScanOptions extends ScanOptions {
  /** Worker threads (default: one per core); 1 analyses in this thread. */
  jobs?: number;
  /** Reuse the outcomes of an earlier scan of unchanged files (default true). */
  cache?: boolean;
  /** Bytes to analyse below which no worker starts (see scanFiles). */
  inlineBytes?: number;
}

/** As scan(), with worker threads and the content cache: the CLI's audit of a whole tree. */
export async function scanParallel(options: ParallelScanOptions): Promise<ScanResult & { cacheHits: number }> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const result = new ScanCollector(options.rules, options.onProgress);
  const fileOptions = fileScanOptions(options);
  const cache = options.cache === false ? undefined : ScanCache.open(root, cacheIdentity(options.rules, fileOptions.settings, fileOptions));
  await scanFiles({
    files: discover(root, options, result.skipped),
    rules: options.rules,
    fileOptions,
    jobs: options.jobs,
    inlineBytes: options.inlineBytes,
    cache,
    onOutcome: (index, file, outcome) => result.add(index, file, outcome),
  });
  cache?.save();
  return { ...result.finish(root, started), cacheHits: cache?.hits ?? 0 };
}

function discover(root: string, options: ScanOptions, skipped: SkippedFile[]): Generator<DiscoveredFile> {
  const exclude = [...options.config.exclude, ...(options.exclude ?? [])];
  const only = options.only && new Set(options.only.map((f) => path.resolve(f)));
  return discoverFiles(root, options.paths?.length ? options.paths : ['.'], { exclude, only }, skipped);
}

function fileScanOptions(options: ScanOptions): FileScanOptions {
  return {
    maxFileSize: options.config.maxFileSize,
    timeLimitMs: options.fileTimeLimitMs ?? DEFAULT_FILE_TIME_LIMIT_MS,
    settings: options.config.settings,
    ...(options.prefilter === false ? { prefilter: false } : {}),
  };
}
