import { analyzeDocument, type AnalyzeOptions, type RawValues, type RuleSet } from './analyze';
import type { DiscoveredFile } from './discovery';
import { SourceDocument } from './document';
import { decodeText, looksMinified, readSourceBytes } from './fileReader';
import { contentHash } from './parallel/scanCache';
import type { SuppressionProblem } from './suppressions';
import type { AnalysisSettings, Finding, SkippedFile } from './types';

/** What became of one discovered file: its findings, or why it was skipped. Plain data: it crosses threads and is cached. */
export type FileOutcome =
  | { kind: 'scanned'; findings: Finding[]; problems?: SuppressionProblem[]; lossy: boolean; size: number }
  | { kind: 'skipped'; skipped: SkippedFile };

export interface FileScanOptions {
  maxFileSize: number;
  timeLimitMs: number;
  settings: AnalysisSettings;
  /** Keep the suppression problems (expired or unused suppressions), as the editor shows them. */
  problems?: boolean;
  raw?: RawValues;
}

/**
 * Reads and analyses one file. `reuse` sees the content hash first and may return the outcome of an earlier
 * analysis of the same bytes. Never throws for a file it cannot read.
 */
export function scanFile(
  file: DiscoveredFile,
  ruleSet: RuleSet,
  options: FileScanOptions,
  reuse?: (hash: string) => FileOutcome | undefined,
): { outcome: FileOutcome; hash?: string } {
  const read = readSourceBytes(file.abs, file.size, options);
  if (!read.ok) return { outcome: { kind: 'skipped', skipped: { file: file.rel, reason: read.reason, detail: read.detail } } };
  const { bytes } = read;
  const hash = reuse ? contentHash(bytes) : undefined;
  const earlier = hash !== undefined ? reuse!(hash) : undefined;
  return { outcome: earlier ?? analyseBytes(file, bytes, ruleSet, options), hash };
}

/** Decodes and analyses a file's bytes. */
export function analyseBytes(file: DiscoveredFile, bytes: Uint8Array, ruleSet: RuleSet, options: FileScanOptions): FileOutcome {
  const decoded = decodeText(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!decoded.ok) return { kind: 'skipped', skipped: { file: file.rel, reason: decoded.reason, detail: decoded.detail } };
  return analyseFileText(file, decoded.text, decoded.lossy, ruleSet, options);
}

/** Analyses a file's text (read from disk, or an editor's unsaved text) within the time limit. */
export function analyseFileText(file: DiscoveredFile, text: string, lossy: boolean, ruleSet: RuleSet, options: FileScanOptions): FileOutcome {
  const doc = new SourceDocument(file.rel, text);
  if (looksMinified(file.rel, doc.language.id, text)) {
    return { kind: 'skipped', skipped: { file: file.rel, reason: 'minified', detail: 'minified or generated one-line bundle' } };
  }
  const deadline = performance.now() + options.timeLimitMs;
  const raw: string[] = [];
  const problems: SuppressionProblem[] = [];
  const analyzeOptions: AnalyzeOptions = {
    settings: options.settings,
    deadline,
    raw: options.raw && { values: raw },
    suppressionProblems: options.problems ? problems : undefined,
  };
  let findings: Finding[];
  try {
    findings = analyzeDocument(doc, ruleSet, analyzeOptions);
  } catch (e) {
    // Not the error's message: a parser's message may quote the file's content.
    const error = e instanceof Error ? e : new Error('non-error thrown');
    const where = error.stack?.split('\n').find((l) => l.trimStart().startsWith('at '))?.trim() ?? '';
    const detail = `internal error (${error.name} ${where}); please report it`;
    return { kind: 'skipped', skipped: { file: file.rel, reason: 'analysis-error', detail } };
  }
  if (performance.now() > deadline) {
    const detail = `analysis time limit of ${options.timeLimitMs / 1000} s exceeded`;
    return { kind: 'skipped', skipped: { file: file.rel, reason: 'time-limit', detail } };
  }
  options.raw?.values.push(...raw);
  return { kind: 'scanned', findings, problems: options.problems ? problems : undefined, lossy, size: file.size };
}

/** An editor's text as it is: no time limit (the newest version always gets its diagnostics), with the suppression problems. */
export function analyseEditorText(
  rel: string,
  text: string,
  languageId: string | undefined,
  ruleSet: RuleSet,
  settings: AnalysisSettings,
  isCancelled?: () => boolean,
): { doc: SourceDocument; findings: Finding[]; problems: SuppressionProblem[] } {
  const problems: SuppressionProblem[] = [];
  const doc = new SourceDocument(rel, text, languageId);
  const findings = analyzeDocument(doc, ruleSet, { settings, suppressionProblems: problems, isCancelled });
  return { doc, findings, problems };
}
