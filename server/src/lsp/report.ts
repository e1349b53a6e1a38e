import type { ScanResult } from '../engine/types';
import { formatHtml } from '../report/html';
import { formatMarkdown } from '../report/markdown';
import { formatSarif } from '../report/sarif';

export const EXPORT_FORMATS = ['sarif', 'html', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The last audit as SARIF or HTML (the CLI's formats) or Markdown. Every text in it is already masked. */
export function exportReport(result: ScanResult, format: ExportFormat): string {
  if (format === 'sarif') return formatSarif(result);
  if (format === 'html') return formatHtml(result, '.');
  return formatMarkdown(result);
}
