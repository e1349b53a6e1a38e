import type { DiscoveredFile } from '../discovery';
import type { FileOutcome, FileScanOptions } from '../fileScan';
import type { SuppressionProblem } from '../suppressions';
import type { Finding, LoadedRule } from '../types';

/** The rules and options a worker analyses with (structured-cloned at start, and again when they change). */
export interface WorkerSetup {
  rules: LoadedRule[];
  options: Omit<FileScanOptions, 'raw'>;
  /** Slot 0 holds the id of a document request the main thread no longer wants (shared, read between rules). */
  stale?: Int32Array;
}

/** A file read by the main thread, for a worker to decode and analyse. */
export interface WorkItem {
  index: number;
  file: DiscoveredFile;
  bytes: Uint8Array;
}

export interface WorkResult {
  index: number;
  outcome: FileOutcome;
}

/** An editor's document, analysed as it is (no time limit: the newest version always gets its diagnostics). */
export interface DocumentRequest {
  id: number;
  rel: string;
  text: string;
  languageId?: string;
}

export interface DocumentResult {
  id: number;
  /** Stopped because the main thread marked the request stale: the findings are incomplete. */
  cancelled?: boolean;
  findings: Finding[];
  problems: SuppressionProblem[];
}

export type ToWorker =
  | { type: 'configure'; setup: WorkerSetup }
  | { type: 'files'; items: WorkItem[]; options: WorkerSetup['options'] }
  | ({ type: 'document' } & DocumentRequest);
export type FromWorker = { type: 'files'; results: WorkResult[] } | ({ type: 'document' } & DocumentResult);
