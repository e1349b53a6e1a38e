import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { discoverFiles } from '../engine/discovery';
import { looksMinified, readSourceFile } from '../engine/fileReader';
import { detectLanguage, type Finding, type ScanResult, type SkippedFile } from '../engine';
import { analyseText } from './analysis';
import { toLspRange } from './diagnostics';
import type { AuditSummary } from './protocol';
import type { WorkspaceState } from './workspace';

export const AUDIT_COMMAND = 'hdguard.server.auditWorkspace';
export const EXPORT_COMMAND = 'hdguard.server.exportReport';

export type { AuditFinding, AuditSummary } from './protocol';

export interface AuditOutcome {
  summary: AuditSummary;
  /** Diagnostics per URI for every file with findings. */
  diagnostics: Map<string, Diagnostic[]>;
  result: ScanResult;
}

const YIELD_EVERY_MS = 15;

/**
 * Scans the workspace with the CLI's file discovery, in slices that yield to the message loop so that
 * edits, hovers and the cancellation itself are served during a long audit.
 */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/**
 * Audits every file of the workspace. `openText` gives the editor's text of open documents, so that unsaved
 * edits count as the diagnostics already do.
 */
export async function audit(
  ws: WorkspaceState,
  token: Cancellation,
  progress: WorkDoneProgressReporter,
  openText: (uri: string) => string | undefined = () => undefined,
): Promise<AuditOutcome> {
  const started = performance.now();
  const skipped: SkippedFile[] = [];
  const files = [...discoverFiles(ws.root, ['.'], { exclude: ws.config.exclude }, skipped)].filter((f) => !ws.isExcluded(f.rel));
  progress.begin('Health Data Guard: auditing the workspace', 0, `0/${files.length} files`, true);
  const diagnostics = new Map<string, Diagnostic[]>();
  const findings: Finding[] = [];
  let scanned = 0;
  let bytes = 0;
  let lastYield = performance.now();
  for (const file of files) {
    if (token.isCancellationRequested) break;
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((r) => setImmediate(r));
      lastYield = performance.now();
      progress.report(Math.round((scanned / Math.max(1, files.length)) * 100), `${scanned}/${files.length} files`);
      if (token.isCancellationRequested) break;
    }
    const uri = pathToFileURL(file.abs).href;
    const open = openText(uri);
    const read = open === undefined ? readSourceFile(file.abs, file.size, { maxFileSize: ws.config.maxFileSize }) : ({ ok: true, text: open } as const);
    if (!read.ok) {
      skipped.push({ file: file.rel, reason: read.reason, detail: read.detail });
      continue;
    }
    if (looksMinified(file.rel, detectLanguage(file.rel).id, read.text)) {
      skipped.push({ file: file.rel, reason: 'minified', detail: 'minified or generated one-line bundle' });
      continue;
    }
    const analysis = analyseText(ws, uri, null, read.text);
    scanned++;
    bytes += file.size;
    if (!analysis?.diagnostics.length) continue;
    diagnostics.set(uri, analysis.diagnostics);
    findings.push(...analysis.findings);
  }
  progress.done();
  const durationMs = performance.now() - started;
  const result: ScanResult = {
    root: ws.root,
    findings,
    skipped,
    stats: { filesScanned: scanned, bytesScanned: bytes, lossyDecoded: 0, durationMs },
    rules: [...ws.rulesById.values()],
  };
  return { summary: summarise(ws, result, token.isCancellationRequested, files.length), diagnostics, result };
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

function summarise(ws: WorkspaceState, result: ScanResult, cancelled: boolean, filesTotal: number): AuditSummary {
  const uriOf = (file: string) => pathToFileURL(path.resolve(ws.root, file)).href;
  const byFile = countBy(result.findings, (f) => f.file);
  return {
    cancelled,
    filesScanned: result.stats.filesScanned,
    filesTotal,
    skipped: result.skipped.length,
    durationMs: Math.round(result.stats.durationMs),
    total: result.findings.length,
    byCategory: countBy(result.findings, (f) => f.category),
    bySeverity: countBy(result.findings, (f) => f.severity),
    byRule: countBy(result.findings, (f) => f.ruleId),
    topFiles: Object.entries(byFile)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([file, count]) => ({ file, uri: uriOf(file), count })),
    findings: result.findings.map((f) => ({
      uri: uriOf(f.file),
      file: f.file,
      range: toLspRange(f.range),
      ruleId: f.ruleId,
      title: ws.rulesById.get(f.ruleId)?.title ?? f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
    })),
  };
}
