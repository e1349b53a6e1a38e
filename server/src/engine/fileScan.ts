import { analyzeDocument, type AnalyzeOptions, type RawValues, type RuleSet } from './analyze';
import type { DiscoveredFile } from './discovery';
import { SourceDocument } from './document';
import { decodeText, looksMinified, readSourceBytes } from './fileReader';
import type { SuppressionProblem } from './suppressions';
import { skipped, type FileOutcome } from './fileOutcome';
import type { AnalysisSettings, Finding } from './types';

export type { FileOutcome } from './fileOutcome';

export interface FileScanOptions {
  maxFileSize: number;
  timeLimitMs: number;
  settings: AnalysisSettings;
  /** Keep the suppression problems (expired or unused suppressions), as the editor shows them. */
  problems?: boolean;
  raw?: RawValues;
  /** False: run every rule on every file (see AnalyzeOptions.prefilter). */
  prefilter?: boolean;
}

/** Reads and analyses one file. Never throws for a file it cannot read. */
export function scanFile(file: DiscoveredFile, ruleSet: RuleSet, options: FileScanOptions): FileOutcome {
  const read = readSourceBytes(file.abs, file.size, options);
  return read.ok ? analyseBytes(file, read.bytes, ruleSet, options) : skipped(file, read.reason, read.detail);
}

/** Decodes and analyses a file's bytes. */
export function analyseBytes(file: DiscoveredFile, bytes: Uint8Array, ruleSet: RuleSet, options: FileScanOptions): FileOutcome {
  const decoded = decodeText(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!decoded.ok) return skipped(file, decoded.reason, decoded.detail);
  return analyseFileText(file, decoded.text, decoded.lossy, ruleSet, options);
}

/** Analyses a file's text (read from disk, or an editor's unsaved text) within the time limit. */
export function analyseFileText(file: DiscoveredFile, text: string, lossy: boolean, ruleSet: RuleSet, options: FileScanOptions): FileOutcome {
  const doc = new SourceDocument(file.rel, text);
  if (looksMinified(file.rel, doc.language.id, text)) return skipped(file, 'minified', 'minified or generated one-line bundle');
  const deadline = performance.now() + options.timeLimitMs;
  const raw: string[] = [];
  const problems: SuppressionProblem[] = [];
  const analyzeOptions: AnalyzeOptions = {
    settings: options.settings,
    deadline,
    raw: options.raw && { values: raw },
    suppressionProblems: options.problems ? problems : undefined,
    prefilter: options.prefilter,
  };
  let findings: Finding[];
  try {
    findings = analyzeDocument(doc, ruleSet, analyzeOptions);
  } catch (e) {
    // Not the error's message: a parser's message may quote the file's content.
    const error = e instanceof Error ? e : new Error('non-error thrown');
    const where = error.stack?.split('\n').find((l) => l.trimStart().startsWith('at '))?.trim() ?? '';
    return skipped(file, 'analysis-error', `internal error (${error.name} ${where}); please report it`);
  }
  if (performance.now() > deadline) return skipped(file, 'time-limit', `analysis time limit of ${options.timeLimitMs / 1000} s exceeded`);
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
