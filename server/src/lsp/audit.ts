import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { discoverFiles, type DiscoveredFile } from '../engine/discovery';
import { ScanCache, cacheIdentity } from '../engine/parallel/scanCache';
import { scanFiles } from '../engine/parallel/scanFiles';
import { ScanCollector } from '../engine/scanCollector';
import type { Finding, ScanResult } from '../engine/types';
import { shownFindings } from './analysis';
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

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/**
 * Audits every file of the workspace with the CLI's file discovery, in the server's analysis worker (given:
 * one worker keeps the server's memory low; else in workers started for the audit), reusing the outcomes of
 * the previous audit for unchanged files. `openText` gives the editor's text of open documents, so that unsaved
 * edits count as the diagnostics already do. The message loop keeps being served: edits, hovers and the
 * cancellation itself are answered during a long audit.
 */
export async function audit(
  ws: WorkspaceState,
  token: Cancellation,
  progress: WorkDoneProgressReporter,
  openText: (uri: string) => string | undefined = () => undefined,
  worker?: Worker,
): Promise<AuditOutcome> {
  const started = performance.now();
  const { rules, options } = ws.workerSetup();
  const collected = new ScanCollector(rules);
  // Counted before analysis starts, for a progress bar with a total (discovery applies the excludes).
  const files = [...discoverFiles(ws.root, ['.'], { exclude: ws.config.exclude }, collected.skipped)];
  progress.begin('Health Data Guard: auditing the workspace', 0, `0/${files.length} files`, true);
  let lastReport = 0;
  let done = 0;
  const uriOf = (file: DiscoveredFile) => pathToFileURL(file.abs).href;
  const fileOptions = { ...options, problems: true };
  const cache = ScanCache.open(ws.root, cacheIdentity(rules, fileOptions.settings, fileOptions), 'editor');
  const { cancelled } = await scanFiles({
    files: files[Symbol.iterator](),
    rules,
    fileOptions,
    cache,
    textOf: (file) => openText(uriOf(file)),
    workers: worker ? [worker] : undefined,
    isCancelled: () => token.isCancellationRequested,
    onOutcome: (index, file, outcome) => {
      collected.add(index, file, outcome);
      done++;
      if (performance.now() - lastReport > 100) {
        lastReport = performance.now();
        progress.report(Math.round((done / Math.max(1, files.length)) * 100), `${done}/${files.length} files`);
      }
    },
  });
  if (!cancelled) cache.save();
  progress.done();
  // In discovery order, as the CLI reports them; baselined findings left out.
  const diagnostics = new Map<string, Diagnostic[]>();
  const findings: Finding[] = [];
  for (const [file, outcome] of collected.entries()) {
    if (outcome.kind !== 'scanned') continue;
    const shown = shownFindings(ws, outcome.findings, outcome.problems ?? []);
    if (shown.diagnostics.length) diagnostics.set(uriOf(file), shown.diagnostics);
    findings.push(...shown.findings);
  }
  const result: ScanResult = { ...collected.finish(ws.root, started), findings };
  return { summary: summarise(ws, result, cancelled, files.length), diagnostics, result };
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
