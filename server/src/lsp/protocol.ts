/**
 * What the audit command returns to the extension: shared by the server (which builds it) and the client
 * (which shows it), so both sides agree on one shape. Types only: the client imports nothing at run time.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Category, Severity } from '../engine/types';

/** A finding as the extension's report and tree show it: masked, with its location as a URI. */
export interface AuditFinding {
  uri: string;
  file: string;
  range: Range;
  ruleId: string;
  title: string;
  category: Category;
  severity: Severity;
  message: string;
}

export interface AuditSummary {
  cancelled: boolean;
  filesScanned: number;
  filesTotal: number;
  skipped: number;
  durationMs: number;
  total: number;
  byCategory: Record<string, number>;
  bySeverity: Record<string, number>;
  byRule: Record<string, number>;
  topFiles: Array<{ file: string; uri: string; count: number }>;
  findings: AuditFinding[];
}
