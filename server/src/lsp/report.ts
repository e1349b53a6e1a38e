import type { ScanResult } from '../engine/types';
import { formatHtml } from '../cli/format/html';
import { formatSarif } from '../cli/format/sarif';

export const EXPORT_FORMATS = ['sarif', 'html', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The last audit as SARIF or HTML (the CLI's formats) or Markdown. Every text in it is already masked. */
export function exportReport(result: ScanResult, format: ExportFormat): string {
  if (format === 'sarif') return formatSarif(result);
  if (format === 'html') return formatHtml(result, '.');
  return markdown(result);
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function markdown(result: ScanResult): string {
  const titles = new Map(result.rules.map((r) => [r.id, r.title]));
  const lines = [
    '# Health Data Guard audit',
    '',
    `${result.findings.length} findings in ${result.stats.filesScanned} files.`,
    '',
    '| severity | rule | location | message |',
    '|---|---|---|---|',
    ...result.findings.map(
      (f) => `| ${f.severity} | \`${f.ruleId}\` ${cell(titles.get(f.ruleId) ?? '')} | ${cell(f.file)}:${f.range.start.line}:${f.range.start.column} | ${cell(f.message)} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
