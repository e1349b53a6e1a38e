#!/usr/bin/env node
// `npm run bench:recall [-- <folder>]`: precision and recall per category on realistic health code whose true
// problems are labelled (labels.json in each area; default test-fixtures/realistic), with every miss and false
// alarm listed. Findings at warning or above count. Needs the build (`npm run build`, `cd server && npx tsc -p .`).
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'server', 'package.json'));
const { scoreRealistic, REALISTIC } = require(path.join(ROOT, 'server', 'out', 'test', 'realisticScore.js'));

const arg = process.argv[2];
if (arg === '--help' || arg === '-h') {
  console.log('usage: npm run bench:recall [-- <folder with labels.json files>]   (default: test-fixtures/realistic)');
  process.exit(0);
}
const root = arg ? path.resolve(arg) : REALISTIC;
const started = performance.now();
const score = scoreRealistic(root);
const pct = (x) => `${(100 * x).toFixed(1)} %`;
console.log(`Realistic corpus: ${root} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
const rows = [['category', 'labelled', 'found', 'reported', 'false alarms', 'recall', 'precision']];
for (const c of score.byCategory) rows.push([c.category, c.labelled, c.found, c.reported, c.falseAlarms, pct(c.recall), pct(c.precision)]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
if (score.misses.length) {
  console.log('\nMissed:');
  for (const m of score.misses) console.log(`  ${m.rule}  ${m.file}:${m.line}${m.why ? `  (${m.why})` : ''}`);
}
if (score.falseAlarms.length) {
  console.log('\nFalse alarms:');
  for (const f of score.falseAlarms) console.log(`  ${f.rule}  ${f.file}:${f.line}`);
}
