#!/usr/bin/env node
// `npm run bench [-- <path>] [--files N] [--mb M] [--runs N] [--seed S] [--no-write]`: audit throughput against
// the ripgrep floor, re-analysis latency (engine and language server) and server memory, on the same files.
// Needs the build (`npm run build`, `cd server && npx tsc -p .`); installs nothing.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, pythonFile, PLANT_EVERY } from './corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'server', 'package.json'));
const CLI = path.join(ROOT, 'server', 'dist', 'cli.js');
const REPORT = path.join(ROOT, 'docs', 'performance.md');
const MAXRSS_PRELOAD = path.join(ROOT, 'bench', 'maxrss.cjs');
const REANALYSIS_LINES = [1000, 5000, 20000];
const REANALYSIS_RUNS = 20;

function parseArgs(argv) {
  const o = { files: 20000, mb: 200, runs: 5, seed: 20240501, path: undefined, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return v;
    };
    if (a === '--files') o.files = Math.round(num());
    else if (a === '--mb') o.mb = num();
    else if (a === '--runs') o.runs = Math.round(num());
    else if (a === '--seed') o.seed = Math.round(num());
    else if (a === '--no-write') o.write = false;
    else if (a === '--help' || a === '-h') o.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else o.path = path.resolve(a);
  }
  return o;
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => (x === undefined ? 'n/a' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The scans' content cache lives here for the run, not in the user's cache. */
const CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'hdguard-bench-cache-'));
process.env.HDGUARD_CACHE_DIR = CACHE_DIR;
process.on('exit', () => fs.rmSync(CACHE_DIR, { recursive: true, force: true }));

function run(cmd, args, { timeFile } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HDGUARD_BENCH_MAXRSS_FILE: timeFile ?? '' } });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, wallMs: performance.now() - started, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

/** Peak RSS in bytes: GNU time's %M when present, else the preload's report of the process's own maxRSS. */
const GNU_TIME = fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0 ? '/usr/bin/time' : undefined;

/** One `hdguard scan` of the tree: by default a cold one (no cache), with one worker per core. */
async function scanOnce(target, extra = ['--no-cache']) {
  const rssFile = path.join(os.tmpdir(), `hdguard-bench-rss-${process.pid}`);
  fs.rmSync(rssFile, { force: true });
  const nodeArgs = [CLI, 'scan', target, '--format', 'json', '--fail-on', 'never', ...extra];
  const r = GNU_TIME
    ? await run(GNU_TIME, ['-f', 'HDGUARD_MAXRSS_KB=%M', process.execPath, ...nodeArgs])
    : await run(process.execPath, ['--require', MAXRSS_PRELOAD, ...nodeArgs], { timeFile: rssFile });
  if (r.code !== 0) throw new Error(`hdguard scan exited ${r.code}: ${r.stderr.slice(-2000)}`);
  const json = JSON.parse(r.stdout);
  const kb = GNU_TIME ? Number(/HDGUARD_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1]) : Number(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(rssFile, { force: true });
  const byRule = {};
  for (const f of json.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  return { wallMs: r.wallMs, stats: json.stats, findings: json.findings.length, byRule, skipped: json.skipped.length, peakRss: kb * 1024 };
}

function ripgrepVersion() {
  const r = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

async function ripgrepOnce(target) {
  const r = await run('rg', ['--no-ignore', '--hidden', '-c', '-F', '-e', 'http://', '-e', 'ftp://', target]);
  // rg exits 1 when nothing matches; 2 is an error.
  if (r.code !== 0 && r.code !== 1) throw new Error(`rg exited ${r.code}: ${r.stderr.slice(-2000)}`);
  return { wallMs: r.wallMs, filesMatched: r.stdout.split('\n').filter(Boolean).length };
}

function engineReanalysis(text) {
  const engine = require(path.join(ROOT, 'server', 'out', 'src', 'engine', 'index.js'));
  const ruleSet = new engine.RuleSet(engine.loadBuiltinRules());
  const once = () => {
    const started = performance.now();
    const findings = engine.analyzeDocument(new engine.SourceDocument('big.py', text), ruleSet);
    return { ms: performance.now() - started, findings: findings.length };
  };
  const warm = once();
  const times = Array.from({ length: REANALYSIS_RUNS }, () => once().ms);
  return { median: median(times), p95: p95(times), findings: warm.findings };
}

/** Keystroke (didChange) → publishDiagnostics through the built server, the server's debounce included. */
async function serverReanalysis(TestClient, applyTextEdits, text) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hdguard-bench-lsp-'));
  const client = new TestClient({ root });
  try {
    await client.initialize();
    const uri = await client.open('big.py', text, 'python');
    await client.diagnostics(uri, 60_000);
    const times = [];
    for (let i = 0; i < REANALYSIS_RUNS; i++) {
      const edited = applyTextEdits(text, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: `# edit ${i}\n` }]);
      const started = performance.now();
      await client.change(uri, edited);
      await client.diagnostics(uri, 60_000);
      times.push(performance.now() - started);
    }
    return { median: median(times), p95: p95(times) };
  } finally {
    await client.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function vmStatus(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

async function serverAuditMemory(TestClient, target) {
  const client = new TestClient({ root: target });
  try {
    await client.initialize();
    const before = vmStatus(client.server.pid);
    const started = performance.now();
    const summary = await client.request('workspace/executeCommand', { command: 'hdguard.server.auditWorkspace', arguments: [] });
    const auditMs = performance.now() - started;
    const after = vmStatus(client.server.pid);
    return { before, after, auditMs, total: summary?.total };
  } finally {
    await client.close();
  }
}

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(os.availableParallelism());
  return { nproc, model, memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`, node: process.version, os: `${os.type()} ${os.release()}` };
}

function render(r) {
  const rows = [
    ['Files / bytes audited', `${r.scan.stats.filesScanned} files, ${mb(r.scan.stats.bytesScanned)}`, `${r.corpusFiles} files`, ''],
    ['Wall time (median)', ms(r.scanMs), r.rgMs === undefined ? 'n/a' : ms(r.rgMs), r.rgMs === undefined ? 'n/a' : `${(r.scanMs / r.rgMs).toFixed(1)}×`],
    ['Throughput', `${(r.scan.stats.filesScanned / (r.scanMs / 1000)).toFixed(0)} files/s, ${(r.scan.stats.bytesScanned / 1e6 / (r.scanMs / 1000)).toFixed(1)} MB/s`, r.rgMs === undefined ? 'n/a' : `${(r.corpusBytes / 1e6 / (r.rgMs / 1000)).toFixed(1)} MB/s`, ''],
    ['Peak memory', mb(r.scan.peakRss), '', ''],
    [`Wall time with one worker (\`--jobs 1\`)`, `${ms(r.singleMs)}: ${(r.singleMs / r.scanMs).toFixed(2)}× slower than with ${r.jobs}`, '', ''],
    ['Second audit of the unchanged tree (content cache)', `${ms(r.cachedMs)}: ${((100 * r.cachedMs) / r.scanMs).toFixed(0)} % of the first`, '', ''],
    ['Findings', `${r.scan.findings}`, r.rgMatched === undefined ? 'n/a' : `${r.rgMatched} files with a literal`, ''],
  ];
  const table = (head, body) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((b) => `| ${b.join(' | ')} |`)].join('\n');
  const out = [];
  out.push(`Runs: median of ${r.runs}. ${r.corpusNote}`);
  out.push('');
  out.push('### Targets (issue 5)');
  out.push('');
  out.push(table(['Target', 'Measured', 'Met'], targets(r).map(([what, value, met]) => [what, value, met ? 'yes' : '**no**'])));
  out.push('');
  out.push('### Workspace audit');
  out.push('');
  out.push(table(['', '`hdguard scan` (CLI)', `ripgrep floor${r.rgVersion ? ` (${r.rgVersion})` : ''}`, 'ours / floor'], rows));
  out.push('');
  out.push(`Findings by rule: ${Object.entries(r.scan.byRule).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}.`);
  out.push('');
  out.push('### Re-analysis of one file (Python, one cleartext URL per 250 lines; 20 runs)');
  out.push('');
  out.push(table(
    ['Lines', 'Engine median', 'Engine p95', 'Server keystroke → diagnostics median', 'Server p95', `Server median / p95 less the ${r.debounceMs} ms debounce`],
    r.reanalysis.map((x) => [x.lines.toLocaleString('en-US'), ms(x.engine.median), ms(x.engine.p95), ms(x.server?.median), ms(x.server?.p95), x.server ? `${ms(x.server.median - r.debounceMs)} / ${ms(x.server.p95 - r.debounceMs)}` : 'n/a']),
  ));
  out.push('');
  out.push('### Language server memory');
  out.push('');
  out.push(r.memory
    ? table(['', 'Resident (VmRSS)', 'Peak (VmHWM)'], [
        ['After initialize', mb(r.memory.before.rss), mb(r.memory.before.hwm)],
        [`After auditing the corpus (${ms(r.memory.auditMs)}, ${r.memory.total ?? '?'} findings)`, mb(r.memory.after.rss), mb(r.memory.after.hwm)],
      ])
    : 'n/a (no /proc on this system)');
  return out.join('\n');
}

/** The issue's targets against this run's numbers. */
function targets(r) {
  const mbps = r.scan.stats.bytesScanned / 1e6 / (r.scanMs / 1000);
  const five = r.reanalysis.find((x) => x.lines === 5000);
  const serverP95 = five?.server ? five.server.p95 - r.debounceMs : undefined;
  return [
    ['Audit throughput ≥ 60 MB/s', `${mbps.toFixed(1)} MB/s`, mbps >= 60],
    ['Audit within 10× of the ripgrep floor', r.rgMs === undefined ? 'n/a' : `${(r.scanMs / r.rgMs).toFixed(1)}×`, r.rgMs !== undefined && r.scanMs / r.rgMs <= 10],
    ['Second audit of the unchanged tree ≤ 20 % of the first', `${((100 * r.cachedMs) / r.scanMs).toFixed(0)} %`, r.cachedMs / r.scanMs <= 0.2],
    ['Re-analysis of 5,000 lines ≤ 30 ms median (engine)', ms(five?.engine.median), (five?.engine.median ?? Infinity) <= 30],
    [`Keystroke → diagnostics, 5,000 lines, ≤ 100 ms p95 (server, less the ${r.debounceMs} ms debounce)`, ms(serverP95), (serverP95 ?? Infinity) <= 100],
    ['Language-server memory ≤ 250 MB after auditing the corpus', r.memory ? mb(r.memory.after.rss) : 'n/a', r.memory !== undefined && r.memory.after.rss <= 250e6],
    [`Throughput with ${r.jobs} workers ≥ 1.6× that with 1`, `${(r.singleMs / r.scanMs).toFixed(2)}×`, r.singleMs / r.scanMs >= 1.6],
  ];
}

function document(r, m, argsText) {
  return `# Performance

Measured by \`npm run bench\` (bench/run.mjs). Targets and design levers: issue 5.

- Date: ${r.date}
- Machine: ${m.nproc} CPUs (${m.model}), ${m.memory} memory, ${m.os}
- Node ${m.node}
- Command: \`npm run bench${argsText ? ` -- ${argsText}` : ''}\`

${render(r)}

## How it is measured

- **Corpus**: generated with a fixed seed under \`$TMPDIR/hdguard-bench-corpus-<seed>/\` (reused when seed and
  size match): JS/TS, Python, Java, C#, Go, YAML, JSON, XML, Terraform, SQL, CSV, HL7 v2, FHIR JSON bundles,
  notebooks and Markdown, mostly finding-free code, with one planted problem (cleartext endpoint, disabled
  TLS verification, checksum-valid national identifier, patient record, unencrypted data store) in about one
  file in ${PLANT_EVERY}; names, dates and identifiers come from \`@faker-js/faker\`. Or pass a path to a real tree.
- **Audit**: \`node server/dist/cli.js scan <corpus> --format json --fail-on never --no-cache\` as a child process
  (one worker thread per core), wall time measured around it, process start included; peak memory from
  \`/usr/bin/time -f %M\` (or the process's own maxRSS). Files and bytes are the CLI's \`stats\`. The same with
  \`--jobs 1\` gives the scaling; the second audit is the same command without \`--no-cache\` after one run that
  filled the content cache (kept in a temporary \`HDGUARD_CACHE_DIR\` for the benchmark).
- **Floor**: \`rg --no-ignore --hidden -c -F -e http:// -e ftp://\` over the same tree in the same run: every byte
  read once with a literal search. Without \`rg\` (\`apt-get install ripgrep\`) the floor is reported as n/a.
- **Re-analysis**: a Python file of 1,000 / 5,000 / 20,000 lines; the engine is \`analyzeDocument\` on a fresh
  \`SourceDocument\` (server/out/src/engine, rules loaded once, one warm-up run); the server is the built
  \`server/dist/server.js\` over stdio (the test suite's protocol client), timed from \`didChange\` to the
  \`publishDiagnostics\` of that version, which includes the server's ${r.debounceMs} ms debounce.
- **Server memory**: \`VmRSS\`/\`VmHWM\` of the server process from \`/proc/<pid>/status\` after the
  \`hdguard.server.auditWorkspace\` command over the corpus returns.

## Reproduce

\`\`\`sh
npm ci && npm run build && (cd server && npx tsc -p .)
sudo apt-get install -y ripgrep        # the floor; optional
npm run bench                          # 20,000 files / 200 MB, median of 5
npm run bench -- --files 2000 --mb 20  # a quick run
npm run bench -- /path/to/a/real/tree  # a real tree instead of the corpus
\`\`\`
Options: \`--runs N\` (default 5), \`--seed S\`, \`--no-write\` (print only, leave this file alone).
`;
}

function treeStats(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        bytes += fs.statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('usage: npm run bench [-- <path>] [--files N] [--mb M] [--runs N] [--seed S] [--no-write]');
    return;
  }
  for (const [file, hint] of [[CLI, 'npm run build'], [path.join(ROOT, 'server', 'out', 'test', 'lspClient.js'), 'cd server && npx tsc -p .']]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`${hint}\` first`);
  }
  const { TestClient, applyTextEdits } = require(path.join(ROOT, 'server', 'out', 'test', 'lspClient.js'));
  const { DEBOUNCE_MS } = require(path.join(ROOT, 'server', 'out', 'src', 'lsp', 'session.js'));

  let target;
  let corpusNote;
  if (args.path) {
    if (!fs.statSync(args.path, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${args.path} is not a folder`);
    target = args.path;
    corpusNote = `Tree: ${target}.`;
  } else {
    const started = performance.now();
    const c = ensureCorpus(path.join(os.tmpdir(), `hdguard-bench-corpus-${args.seed}`), { seed: args.seed, files: args.files, bytes: Math.round(args.mb * 1e6) });
    target = c.dir;
    const m = c.manifest;
    corpusNote = `Corpus: seed ${m.seed}, ${m.files.toLocaleString('en-US')} files, ${mb(m.bytes)}, ${m.plantedTotal} planted problems (one per ${(m.files / Math.max(1, m.plantedTotal)).toFixed(1)} files, one per ${(m.bytes / 1e3 / Math.max(1, m.plantedTotal)).toFixed(0)} KB).`;
    console.error(`${c.reused ? 'reusing' : 'built'} ${target} (${ms(performance.now() - started)})`);
  }
  const tree = treeStats(target);
  console.error(corpusNote);

  const rgVersion = ripgrepVersion();
  if (!rgVersion) console.error('ripgrep (rg) not found: the floor is n/a. Install it with `sudo apt-get install -y ripgrep` (or see https://github.com/BurntSushi/ripgrep#installation).');

  // Interleaved runs so that all see the same page-cache state; one unmeasured pass warms the page cache.
  await ripgrepOnce(target).catch(() => undefined);
  const scans = [];
  const singles = [];
  const rgs = [];
  for (let i = 0; i < args.runs; i++) {
    const s = await scanOnce(target);
    scans.push(s);
    console.error(`scan ${i + 1}/${args.runs}: ${ms(s.wallMs)}, ${s.findings} findings, peak ${mb(s.peakRss)}`);
    const one = await scanOnce(target, ['--no-cache', '--jobs', '1']);
    singles.push(one);
    console.error(`scan -j 1 ${i + 1}/${args.runs}: ${ms(one.wallMs)}`);
    if (rgVersion) {
      const g = await ripgrepOnce(target);
      rgs.push(g);
      console.error(`rg   ${i + 1}/${args.runs}: ${ms(g.wallMs)}`);
    }
  }
  const scanMs = median(scans.map((s) => s.wallMs));
  const scan = scans.find((s) => s.wallMs === scanMs) ?? scans[0];
  scan.peakRss = median(scans.map((s) => s.peakRss));
  const singleMs = median(singles.map((s) => s.wallMs));

  // The second audit: a first one fills the cache, then unchanged re-runs.
  await scanOnce(target, []);
  const cached = [];
  for (let i = 0; i < args.runs; i++) {
    const c = await scanOnce(target, []);
    if (c.findings !== scan.findings) throw new Error(`the cached scan found ${c.findings}, the first ${scan.findings}`);
    cached.push(c.wallMs);
    console.error(`second audit ${i + 1}/${args.runs}: ${ms(c.wallMs)}`);
  }
  const cachedMs = median(cached);

  const reanalysis = [];
  for (const lines of REANALYSIS_LINES) {
    const text = pythonFile(lines);
    const engine = engineReanalysis(text);
    const server = await serverReanalysis(TestClient, applyTextEdits, text);
    reanalysis.push({ lines, engine, server });
    console.error(`re-analysis ${lines} lines: engine ${ms(engine.median)} (p95 ${ms(engine.p95)}), server ${ms(server.median)} (p95 ${ms(server.p95)})`);
  }

  const memory = fs.existsSync('/proc/self/status') ? await serverAuditMemory(TestClient, target) : undefined;
  if (memory) console.error(`server after audit: RSS ${mb(memory.after.rss)}, peak ${mb(memory.after.hwm)} (${ms(memory.auditMs)})`);

  const result = {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    runs: args.runs,
    corpusNote,
    corpusFiles: tree.files,
    corpusBytes: tree.bytes,
    scan,
    scanMs,
    singleMs,
    cachedMs,
    rgMs: rgs.length ? median(rgs.map((g) => g.wallMs)) : undefined,
    rgMatched: rgs[0]?.filesMatched,
    rgVersion,
    reanalysis,
    debounceMs: DEBOUNCE_MS,
    jobs: Math.min(os.availableParallelism(), 8),
    memory,
  };
  const m = machine();
  console.log(`\nHealth Data Guard benchmark — ${result.date}, ${m.nproc} CPUs (${m.model}), ${m.memory}, Node ${m.node}\n`);
  console.log(render(result));
  if (args.write) {
    const argsText = process.argv.slice(2).filter((a) => a !== '--no-write').join(' ');
    fs.mkdirSync(path.dirname(REPORT), { recursive: true });
    fs.writeFileSync(REPORT, document(result, m, argsText));
    console.log(`\nwrote ${path.relative(process.cwd(), REPORT) || REPORT}`);
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
