import type { ScanResult } from '../engine/types';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The audit as a Markdown table, one row per finding (the editor's Markdown export). */
export function formatMarkdown(result: ScanResult): string {
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
