import type { DiscoveredFile } from './discovery';
import type { FileOutcome } from './fileOutcome';
import type { Finding, LoadedRule, ScanResult, SkippedFile } from './types';

/** Gathers outcomes (arriving in any order) into a result in discovery order: the same report from run to run. */
export class ScanCollector {
  /** Files discovery passed over, then the files skipped when read or analysed. */
  readonly skipped: SkippedFile[] = [];
  private readonly outcomes: Array<[DiscoveredFile, FileOutcome]> = [];
  private done = 0;

  constructor(
    private readonly rules: LoadedRule[],
    private readonly onProgress?: (filesDone: number, file: string) => void,
  ) {}

  get size(): number {
    return this.outcomes.length;
  }

  add(index: number, file: DiscoveredFile, outcome: FileOutcome): void {
    this.outcomes[index] = [file, outcome];
    if (outcome.kind === 'scanned') this.onProgress?.(++this.done, file.rel);
  }

  /** The outcomes in discovery order (files never reached, after a cancellation, left out). */
  entries(): Array<[DiscoveredFile, FileOutcome]> {
    return this.outcomes.filter(Boolean);
  }

  finish(root: string, started: number): ScanResult {
    const findings: Finding[] = [];
    let filesScanned = 0;
    let bytesScanned = 0;
    let lossyDecoded = 0;
    for (const [, outcome] of this.entries()) {
      if (outcome.kind === 'skipped') {
        this.skipped.push(outcome.skipped);
        continue;
      }
      filesScanned++;
      bytesScanned += outcome.size;
      if (outcome.lossy) lossyDecoded++;
      findings.push(...outcome.findings);
    }
    return {
      root,
      findings,
      skipped: this.skipped,
      stats: { filesScanned, bytesScanned, lossyDecoded, durationMs: performance.now() - started },
      rules: this.rules,
    };
  }
}
