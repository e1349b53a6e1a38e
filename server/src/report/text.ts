import { formatBytes } from '../engine/fileReader';
import { CATEGORIES, SEVERITIES, type ScanResult, type Severity } from '../engine/types';
import { groupByFile, summarise } from './summary';

export interface TextOptions {
  color: boolean;
}

const COLORS: Record<Severity | 'dim' | 'bold', [string, string]> = {
  error: ['\x1b[31m', '\x1b[39m'],
  warning: ['\x1b[33m', '\x1b[39m'],
  info: ['\x1b[36m', '\x1b[39m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  bold: ['\x1b[1m', '\x1b[22m'],
};

/** Findings grouped by file with file:line:col, then a summary by category and severity, then skipped files. */
export function formatText(result: ScanResult, options: TextOptions): string {
  const paint = (style: keyof typeof COLORS, s: string) => (options.color ? COLORS[style][0] + s + COLORS[style][1] : s);
  const out: string[] = [];
  for (const [file, findings] of groupByFile(result.findings)) {
    out.push(paint('bold', file));
    for (const f of findings) {
      const where = `${file}:${f.range.start.line}:${f.range.start.column}`;
      out.push(`  ${where}  ${paint(f.severity, f.severity.padEnd(7))}  ${f.message}  ${paint('dim', f.ruleId)}`);
      out.push(`      ${paint('dim', `evidence: ${f.evidence}`)}`);
    }
    out.push('');
  }
  const summary = summarise(result);
  out.push(paint('bold', 'Summary'));
  out.push(`  ${'category'.padEnd(20)}${SEVERITIES.map((s) => s.padStart(9)).join('')}${'total'.padStart(9)}`);
  for (const c of CATEGORIES) {
    const row = summary.byCategory[c];
    const total = SEVERITIES.reduce((n, s) => n + row[s], 0);
    out.push(`  ${c.padEnd(20)}${SEVERITIES.map((s) => String(row[s]).padStart(9)).join('')}${String(total).padStart(9)}`);
  }
  const secs = (result.stats.durationMs / 1000).toFixed(2);
  out.push(
    `  ${summary.total} finding${summary.total === 1 ? '' : 's'} in ${summary.files} file${summary.files === 1 ? '' : 's'}; ` +
      `${result.stats.filesScanned} files scanned (${formatBytes(result.stats.bytesScanned)}) in ${secs} s`,
  );
  if (result.stats.lossyDecoded) out.push(`  ${result.stats.lossyDecoded} file(s) were not valid UTF-8 and were read lossily`);
  if (result.skipped.length) {
    out.push('', paint('bold', `Skipped ${result.skipped.length} file${result.skipped.length === 1 ? '' : 's'}`));
    for (const s of result.skipped) out.push(`  ${s.file}  ${s.reason}: ${s.detail}`);
  }
  return `${out.join('\n')}\n`;
}
