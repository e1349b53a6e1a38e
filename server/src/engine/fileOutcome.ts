import type { DiscoveredFile } from './discovery';
import type { SuppressionProblem } from './suppressions';
import type { Finding, SkippedFile } from './types';

/** What became of one discovered file: its findings, or why it was skipped. Plain data: it crosses threads and is cached. */
export type FileOutcome =
  | { kind: 'scanned'; findings: Finding[]; problems?: SuppressionProblem[]; lossy: boolean; size: number }
  | { kind: 'skipped'; skipped: SkippedFile };

export function skipped(file: DiscoveredFile, reason: SkippedFile['reason'], detail: string): FileOutcome {
  return { kind: 'skipped', skipped: { file: file.rel, reason, detail } };
}
