import { randomBytes } from 'node:crypto';

export type { AuditSummary } from '../../server/src/lsp/protocol';
import type { AuditSummary } from '../../server/src/lsp/protocol';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function bars(counts: Record<string, number>, id: string): string {
  const max = Math.max(1, ...Object.values(counts));
  const rows = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `<tr><td>${esc(k)}</td><td class="bar"><span style="width:${Math.round((n / max) * 100)}%"></span></td><td>${n}</td></tr>`);
  return `<table class="chart" id="${id}">${rows.join('') || '<tr><td>none</td></tr>'}</table>`;
}

/** The audit report: totals, charts by category and rule, top files, every finding linking to its location, exports. */
export function reportHtml(s: AuditSummary, cspSource: string): string {
  const nonce = randomBytes(16).toString('base64');
  const findings = s.findings
    .map(
      (f, i) =>
        `<tr><td>${esc(f.severity)}</td><td><code>${esc(f.ruleId)}</code></td><td><a href="#" data-index="${i}" class="loc">${esc(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}</a></td><td>${esc(f.message)}</td></tr>`,
    )
    .join('');
  const top = s.topFiles.map((t) => `<li>${esc(t.file)} — ${t.count}</li>`).join('');
  const sev = ['error', 'warning', 'info'].map((k) => `${k}: ${s.bySeverity[k] ?? 0}`).join(' · ');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; } td, th { padding: 2px 8px; text-align: left; vertical-align: top; }
.chart .bar { width: 240px; } .chart .bar span { display: inline-block; height: 10px; background: var(--vscode-charts-blue, #3794ff); }
button { margin-right: 6px; }
</style></head><body>
<h1>Health Data Guard audit</h1>
<p id="totals"><strong>${s.total}</strong> findings in ${s.filesScanned} files (${s.skipped} skipped, ${(s.durationMs / 1000).toFixed(1)} s). ${sev}</p>
<p><button data-format="sarif">Export SARIF</button><button data-format="html">Export HTML</button><button data-format="markdown">Export Markdown</button></p>
<h2>By category</h2>${bars(s.byCategory, 'by-category')}
<h2>By rule</h2>${bars(s.byRule, 'by-rule')}
<h2>Top files</h2><ol id="top-files">${top}</ol>
<h2>Findings</h2><table id="findings"><tr><th>severity</th><th>rule</th><th>location</th><th>message</th></tr>${findings}</table>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.querySelectorAll('a.loc').forEach((a) => a.addEventListener('click', (e) => { e.preventDefault(); vscode.postMessage({ type: 'open', index: Number(a.dataset.index) }); }));
document.querySelectorAll('button[data-format]').forEach((b) => b.addEventListener('click', () => vscode.postMessage({ type: 'export', format: b.dataset.format })));
</script></body></html>`;
}
