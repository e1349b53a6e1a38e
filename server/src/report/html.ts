import { toolVersion } from '../engine/paths';
import { CATEGORIES, SEVERITIES, type ScanResult } from '../engine/types';
import { groupByFile, summarise } from './summary';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
td.n{text-align:right}.error{color:#b42318}.warning{color:#9a6700}.info{color:#0969da}
code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
.muted{color:#57606a}`;

/** One self-contained HTML file: summary by category and rule, then findings by file, then skipped files. */
export function formatHtml(result: ScanResult, displayRoot: string): string {
  const summary = summarise(result);
  const parts: string[] = [];
  parts.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Health Data Guard report</title>`);
  parts.push(`<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head><body>`);
  parts.push(`<h1>Health Data Guard report</h1>`);
  parts.push(
    `<p class="muted">${esc(displayRoot)} · ${result.stats.filesScanned} files scanned · ${summary.total} findings in ${summary.files} files · hdguard ${esc(toolVersion())}</p>`,
  );
  parts.push(`<h2>By category</h2><table><tr><th>category</th>${SEVERITIES.map((s) => `<th class="${s}">${s}</th>`).join('')}</tr>`);
  for (const c of CATEGORIES) {
    parts.push(`<tr><td>${c}</td>${SEVERITIES.map((s) => `<td class="n">${summary.byCategory[c][s]}</td>`).join('')}</tr>`);
  }
  parts.push(`</table><h2>By rule</h2><table><tr><th>rule</th><th>title</th><th>category</th><th>severity</th><th>findings</th></tr>`);
  for (const r of summary.byRule) {
    parts.push(
      `<tr><td><code>${esc(r.ruleId)}</code></td><td>${esc(r.title)}</td><td>${r.category}</td><td class="${r.severity}">${r.severity}</td><td class="n">${r.count}</td></tr>`,
    );
  }
  parts.push(`</table><h2>Findings by file</h2>`);
  for (const [file, findings] of groupByFile(result.findings)) {
    parts.push(`<details open><summary>${esc(file)} (${findings.length})</summary><table>`);
    parts.push(`<tr><th>line:col</th><th>severity</th><th>message</th><th>evidence</th><th>rule</th></tr>`);
    for (const f of findings) {
      parts.push(
        `<tr><td>${f.range.start.line}:${f.range.start.column}</td><td class="${f.severity}">${f.severity}</td>` +
          `<td>${esc(f.message)}</td><td><code>${esc(f.evidence)}</code></td><td><code>${esc(f.ruleId)}</code></td></tr>`,
      );
    }
    parts.push(`</table></details>`);
  }
  if (result.skipped.length) {
    parts.push(`<h2>Skipped files</h2><table><tr><th>file</th><th>reason</th><th>detail</th></tr>`);
    for (const s of result.skipped) parts.push(`<tr><td>${esc(s.file)}</td><td>${s.reason}</td><td>${esc(s.detail)}</td></tr>`);
    parts.push(`</table>`);
  }
  parts.push(`</body></html>\n`);
  return parts.join('\n');
}
