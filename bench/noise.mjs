#!/usr/bin/env node
// `npm run bench:noise -- <folder> [--sample N] [--seed S] [--judged FILE]`: what a team would see on its first scan
// of a code base: the counts by rule and severity, and a random sample of the findings at warning or above, each
// with its masked line, for a person to judge. With --judged, a JSON file of { "<fingerprint>": true|false, ... }
// (a person's verdicts), the sample is scored: how many of the judged findings were true. With --report, a JSON report
// written earlier (`hdguard scan --format json`, by another version say) is read instead of scanning.
// Runs the built CLI (`npm run build`) as a user would, without the cache.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { prng } from './corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'server', 'package.json'));
const CLI = path.join(ROOT, 'server', 'dist', 'cli.js');
const { maskValue } = require(path.join(ROOT, 'server', 'out', 'src', 'engine', 'mask.js'));

const USAGE = `usage: npm run bench:noise -- <folder> [--sample N] [--seed S] [--judged FILE]
  <folder>        the code base to scan (for example the corpus laid out by shared/corpus/real-code.sh)
  --sample N      how many findings at warning or above to draw (default 40)
  --seed S        the seed of the draw (default 12), so a sample can be judged again later
  --judged FILE   a person's verdicts, { "<fingerprint>": true | false }: prints the share judged true
  --report FILE   read this JSON report of <folder> instead of scanning it`;

function parseArgs(argv) {
  const o = { sample: 40, seed: 12 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--sample') o.sample = Number(value());
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--judged') o.judged = path.resolve(value());
    else if (a === '--report') o.report = path.resolve(value());
    else if (a === '--help' || a === '-h') o.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else o.folder = path.resolve(a);
  }
  if (!o.help && !o.folder) throw new Error('a folder to scan is needed');
  if (!Number.isInteger(o.sample) || o.sample < 0 || !Number.isInteger(o.seed)) throw new Error('--sample and --seed take whole numbers');
  return o;
}

function draw(items, n, seed) {
  const next = prng(seed);
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

/**
 * The finding's line as a person needs it to judge, with nothing of a patient in it: the matched text is replaced
 * by the finding's own masked evidence, every run of five digits or more is masked, and for patient data every
 * quoted text too (code around it stays readable).
 */
function maskedLine(root, finding) {
  let text;
  try {
    text = fs.readFileSync(path.join(root, finding.file), 'utf8').split('\n')[finding.range.start.line - 1] ?? '';
  } catch {
    return '(unreadable)';
  }
  const { start, end } = finding.range;
  if (end.line === start.line && finding.evidence) {
    text = text.slice(0, start.column - 1) + finding.evidence + text.slice(end.column - 1);
  }
  if (finding.category === 'patient-data') {
    text = text.replace(/(["'`])([^"'`]{3,})\1/g, (m, q, inner) => (inner.includes('*') ? m : `${q}${maskValue(inner)}${q}`));
  }
  return text
    .trim()
    .replace(/\d{5,}/g, (d) => maskValue(d))
    .slice(0, 200);
}

function scanFolder(folder) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hdguard-noise-')), 'scan.json');
  const scan = spawnSync(process.execPath, [CLI, 'scan', folder, '--no-cache', '--format', 'json', '--fail-on', 'never', '-o', out], { encoding: 'utf8' });
  try {
    if (scan.status !== 0) {
      console.error(`bench:noise: the scan failed (exit ${scan.status}): ${scan.stderr.trim()}`);
      process.exit(1);
    }
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench:noise: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (o.help) return console.log(USAGE);
  if (!o.report && !fs.existsSync(CLI)) {
    console.error('bench:noise: the CLI is not built: run `npm run build` first');
    process.exit(2);
  }
  const started = performance.now();
  const report = o.report ? JSON.parse(fs.readFileSync(o.report, 'utf8')) : scanFolder(o.folder);
  const findings = report.findings;

  const byRule = new Map();
  for (const f of findings) {
    const row = byRule.get(f.ruleId) ?? { error: 0, warning: 0, info: 0 };
    row[f.severity]++;
    byRule.set(f.ruleId, row);
  }
  const rows = [...byRule].sort(([a], [b]) => a.localeCompare(b)).map(([id, r]) => [id, r.error, r.warning, r.info, r.error + r.warning]);
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  rows.push(['all rules', sum(1), sum(2), sum(3), sum(4)]);
  const loud = findings.filter((f) => f.severity !== 'info');

  console.log(`Scanned ${report.stats?.filesScanned ?? '?'} files in ${o.folder} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  console.log(table(rows, ['rule', 'error', 'warning', 'info', 'warning+']));
  console.log(`\nfindings at warning or above: ${loud.length}`);

  const sample = draw(loud, o.sample, o.seed);
  const verdicts = o.judged ? JSON.parse(fs.readFileSync(o.judged, 'utf8')) : {};
  console.log(`\nSample of ${sample.length} (seed ${o.seed}):`);
  sample.forEach((f, i) => {
    const verdict = f.fingerprint in verdicts ? (verdicts[f.fingerprint] ? '  [judged true]' : '  [judged false]') : '';
    console.log(`\n${String(i + 1).padStart(2)}. ${f.severity} ${f.ruleId}  ${f.file}:${f.range.start.line}  ${f.fingerprint}${verdict}`);
    console.log(`    ${f.message.split(': ')[0]}`);
    console.log(`    | ${maskedLine(o.folder, f)}`);
  });
  if (o.judged) {
    const judged = sample.filter((f) => f.fingerprint in verdicts);
    const yes = judged.filter((f) => verdicts[f.fingerprint]).length;
    const share = judged.length ? ((100 * yes) / judged.length).toFixed(0) : 'n/a';
    console.log(`\njudged true: ${yes} of ${judged.length} judged (${share} %); not judged: ${sample.length - judged.length}`);
  }
}

main();
