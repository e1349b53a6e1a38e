import { toolVersion } from '../engine/paths';
import type { ScanResult } from '../engine/types';
import { summarise } from './summary';

/**
 * The JSON report (documented in README): `{ tool, root, summary, findings, skipped, stats }`. Findings are
 * the engine's Finding objects, which hold only masked text.
 */
export function formatJson(result: ScanResult, displayRoot: string): string {
  const summary = summarise(result);
  return `${JSON.stringify(
    {
      tool: { name: 'hdguard', version: toolVersion() },
      root: displayRoot,
      summary: { total: summary.total, files: summary.files, byCategory: summary.byCategory },
      findings: result.findings,
      skipped: result.skipped,
      stats: result.stats,
    },
    null,
    2,
  )}\n`;
}
