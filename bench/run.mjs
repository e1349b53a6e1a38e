#!/usr/bin/env node
// `npm run bench [-- <path>] [--files N] [--mb M] [--runs N] [--seed S] [--no-write] [--profile]`: audit
// throughput against the ripgrep floor, re-analysis latency (engine and language server) and server memory, on
// the same files; the findings of the fast path against the slow one (`--no-prefilter`) on test-fixtures and on
// the tree, exiting 1 on any difference; `--profile` adds where a single-threaded audit spends its time.
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
const FIXTURES = path.join(ROOT, 'test-fixtures');
const REANALYSIS_LINES = [1000, 5000, 20000];
const REANALYSIS_RUNS = 20;

function parseArgs(argv) {
  const o = { files: 20000, mb: 200, runs: 5, seed: 20240501, path: undefined, write: true, profile: false, before: undefined };
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
    else if (a === '--profile') o.profile = true;
    else if (a === '--before') o.before = path.resolve(argv[++i] ?? '.');
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

/**
 * Peak RSS in bytes and CPU time (user and system, every thread): GNU time's %M, %U and %S when present, else the
 * preload's report of the process's own resource usage.
 */
const GNU_TIME = fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0 ? '/usr/bin/time' : undefined;

/** One `hdguard scan` of the tree: by default a cold one (no cache), with one worker per core. */
async function scanOnce(target, extra = ['--no-cache'], cli = CLI) {
  const rssFile = path.join(os.tmpdir(), `hdguard-bench-rss-${process.pid}`);
  fs.rmSync(rssFile, { force: true });
  const nodeArgs = [cli, 'scan', target, '--format', 'json', '--fail-on', 'never', ...extra];
  const r = GNU_TIME
    ? await run(GNU_TIME, ['-f', 'HDGUARD_MAXRSS_KB=%M HDGUARD_CPU_S=%U %S', process.execPath, ...nodeArgs])
    : await run(process.execPath, ['--require', MAXRSS_PRELOAD, ...nodeArgs], { timeFile: rssFile });
  if (r.code !== 0) throw new Error(`hdguard scan exited ${r.code}: ${r.stderr.slice(-2000)}`);
  const json = JSON.parse(r.stdout);
  const [kb, cpuMs] = GNU_TIME ? gnuTimeReport(r.stderr) : fs.readFileSync(rssFile, 'utf8').split(' ').map(Number);
  fs.rmSync(rssFile, { force: true });
  const byRule = {};
  for (const f of json.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  return { wallMs: r.wallMs, cpuMs, stats: json.stats, findings: json.findings.length, byRule, skipped: json.skipped.length, peakRss: kb * 1024 };
}

/** GNU time's peak RSS (KB) and CPU time (ms) from the line scanOnce() asks it for. */
function gnuTimeReport(stderr) {
  const m = /HDGUARD_MAXRSS_KB=(\d+) HDGUARD_CPU_S=([\d.]+) ([\d.]+)/.exec(stderr);
  return m ? [Number(m[1]), (Number(m[2]) + Number(m[3])) * 1000] : [NaN, NaN];
}

/**
 * The floor: every byte of the tree read once with a literal search for the cleartext schemes. ripgrep when it is
 * installed (`apt-get install ripgrep`); else GNU grep, single-threaded and so a slower floor (said in the report).
 */
function floorTool() {
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.status === 0) {
    return { name: 'ripgrep', version: rg.stdout.split('\n')[0], args: (t) => ['rg', ['--no-ignore', '--hidden', '-c', '-F', '-e', 'http://', '-e', 'ftp://', t]] };
  }
  const grep = spawnSync('grep', ['--version'], { encoding: 'utf8' });
  if (grep.status === 0) {
    return { name: 'GNU grep (ripgrep not installed)', version: grep.stdout.split('\n')[0], args: (t) => ['grep', ['-r', '-c', '-F', '-e', 'http://', '-e', 'ftp://', t]] };
  }
  return undefined;
}

async function floorOnce(tool, target) {
  const [cmd, argv] = tool.args(target);
  const r = await run(cmd, argv);
  // Both exit 1 when nothing matches; 2 is an error.
  if (r.code !== 0 && r.code !== 1) throw new Error(`${cmd} exited ${r.code}: ${r.stderr.slice(-2000)}`);
  // grep -c prints every file (`path:0` where none matched), rg -c only the files that match.
  return { wallMs: r.wallMs, filesMatched: r.stdout.split('\n').filter((l) => l && !l.endsWith(':0')).length };
}

/**
 * The fast path (the literal prefilter and the detectors' shortcuts) against the slow one (`--no-prefilter`):
 * the SARIF of both, byte for byte.
 */
async function compareFastSlow(target) {
  const sarif = async (extra) => {
    const r = await run(process.execPath, [CLI, 'scan', target, '--format', 'sarif', '--fail-on', 'never', '--no-cache', ...extra]);
    if (r.code !== 0) throw new Error(`hdguard scan ${extra.join(' ')} exited ${r.code}: ${r.stderr.slice(-2000)}`);
    return { text: r.stdout, wallMs: r.wallMs };
  };
  const fast = await sarif([]);
  const slow = await sarif(['--no-prefilter']);
  const results = (text) => JSON.parse(text).runs.flatMap((run) => run.results ?? []);
  const fastResults = results(fast.text);
  const slowResults = results(slow.text);
  let firstDifference;
  if (fast.text !== slow.text) {
    const key = (r) => `${r.ruleId} ${r.locations?.[0]?.physicalLocation?.artifactLocation?.uri}:${r.locations?.[0]?.physicalLocation?.region?.startLine}`;
    const fastKeys = new Set(fastResults.map(key));
    const slowKeys = new Set(slowResults.map(key));
    firstDifference =
      slowResults.map(key).find((k) => !fastKeys.has(k))?.replace(/^/, 'only without the prefilter: ') ??
      fastResults.map(key).find((k) => !slowKeys.has(k))?.replace(/^/, 'only with the prefilter: ') ??
      'the same results, reported differently';
  }
  return { same: fast.text === slow.text, fast: fastResults.length, slow: slowResults.length, fastMs: fast.wallMs, slowMs: slow.wallMs, firstDifference };
}

function engineReanalysis(text, root = ROOT) {
  const engine = require(path.join(root, 'server', 'out', 'src', 'engine', 'index.js'));
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

/**
 * Where a single-threaded audit of the tree spends its time: the engine (server/out) in this process over the
 * same files, stage by stage, with the prefilter on; plus the start of hdguard and of a worker (the bundles).
 */
async function profileStages(target) {
  const out = (m) => require(path.join(ROOT, 'server', 'out', 'src', 'engine', m));
  const engine = out('index.js');
  const { discoverFiles } = out('discovery.js');
  const { readSourceBytes, decodeText, looksMinified } = out('fileReader.js');
  const { Worker } = await import('node:worker_threads');
  const rows = [];
  const timed = (what, f) => {
    const started = performance.now();
    const v = f();
    rows.push([what, performance.now() - started]);
    return v;
  };

  const startups = [];
  for (let i = 0; i < 3; i++) startups.push((await run(process.execPath, [CLI, '--version'])).wallMs);
  rows.push(['start of `hdguard` (`--version`: Node and the CLI bundle)', median(startups)]);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'hdguard-bench-one-'));
  fs.writeFileSync(path.join(empty, 'a.json'), '{"a": 1}\n');
  const ones = [];
  for (let i = 0; i < 3; i++) ones.push((await run(process.execPath, [CLI, 'scan', empty, '--no-cache', '--fail-on', 'never'])).wallMs);
  fs.rmSync(empty, { recursive: true, force: true });
  rows.push(['`hdguard scan` of one small file (start, rules, report)', median(ones)]);
  const rules = engine.loadBuiltinRules();
  const options = { maxFileSize: engine.DEFAULT_CONFIG.maxFileSize, timeLimitMs: 5000, settings: engine.DEFAULT_CONFIG.settings };
  const workerStarted = performance.now();
  const worker = new Worker(path.join(ROOT, 'server', 'dist', 'analysisWorker.js'), { workerData: { rules, options } });
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ type: 'files', items: [{ index: 0, file: { abs: 'a.json', rel: 'a.json', size: 9 }, bytes: Buffer.from('{"a": 1}\n') }], options });
  });
  rows.push(['start of a worker (its bundle, the rules compiled, one small file)', performance.now() - workerStarted]);
  await worker.terminate();

  const ruleSet = new engine.RuleSet(rules);
  await engine.prepareEngine();
  const files = timed('walk (discovery, ignore files)', () => [...discoverFiles(target, ['.'], { exclude: [] }, [])]);
  const texts = timed('read and decode', () =>
    files.flatMap((f) => {
      const read = readSourceBytes(f.abs, f.size, options);
      const decoded = read.ok ? decodeText(read.bytes) : read;
      return decoded.ok ? [[f.rel, decoded.text]] : [];
    }),
  );
  const docs = timed('languages, minified bundles', () =>
    texts.map(([rel, text]) => new engine.SourceDocument(rel, text)).filter((d) => !looksMinified(d.file, d.language.id, d.text)),
  );
  timed('lexing (code, strings, comments)', () => docs.forEach((d) => d.scopes));
  const timings = {};
  for (const doc of docs) engine.analyzeDocument(doc, ruleSet, { settings: options.settings, timings });
  const detectorOf = new Map(rules.map((r) => [r.id, r.detector ? `detector ${r.detector.name}` : 'patterns']));
  const byRule = Object.entries(timings).sort((a, b) => b[1] - a[1]);
  const shown = byRule.filter(([id], i) => i < 12 || id === 'literal scan');
  for (const [id, t] of shown) rows.push([id === 'literal scan' ? 'the literal prefilter (one scan of each file)' : `rule ${id} (${detectorOf.get(id)})`, t]);
  const rest = byRule.filter((e) => !shown.includes(e));
  rows.push([`the other ${rest.length} rules`, rest.reduce((a, [, t]) => a + t, 0)]);
  const total = rows.slice(3).reduce((a, [, t]) => a + t, 0);
  return {
    rows,
    total,
    note: `${docs.length.toLocaleString('en-US')} files analysed in ${ms(total)} in one thread (the first three rows are separate runs, not part of that total; the data flow's parse counts in the first flow rule of a file).`,
  };
}

function vmStatus(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

const SETTLE_MS = 3000;

async function serverAuditMemory(TestClient, target) {
  const client = new TestClient({ root: target });
  try {
    await client.initialize();
    const before = vmStatus(client.server.pid);
    const started = performance.now();
    const summary = await client.request('workspace/executeCommand', { command: 'hdguard.server.auditWorkspace', arguments: [] });
    const auditMs = performance.now() - started;
    const after = vmStatus(client.server.pid);
    // The server replaces its analysis worker after an audit; what it keeps is read once the old one is gone.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const settled = vmStatus(client.server.pid);
    return { before, after, settled, auditMs, total: summary?.total };
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
    ['CPU time, all threads (median)', ms(r.scan.cpuMs), '', ''],
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
  out.push('### Cold audit of a tree (issue 14)');
  out.push('');
  out.push(table(['Target', 'Measured', 'Met'], coldTargets(r).map(([what, value, met]) => [what, value, met ? 'yes' : '**no**'])));
  out.push('');
  if (r.before) {
    const five = r.reanalysis.find((x) => x.lines === 5000);
    out.push(`Before: the build of ${r.beforeDir}, measured in the same run (its runs interleaved with these and the floor's).`);
    out.push('');
    out.push(table(['', 'Before', 'Now', 'Floor'], [
      ['Cold audit, wall time (median)', ms(r.before.wallMs), ms(r.scanMs), r.rgMs === undefined ? 'n/a' : ms(r.rgMs)],
      ['Ratio to the floor', r.rgMs === undefined ? 'n/a' : `${(r.before.wallMs / r.rgMs).toFixed(1)}×`, r.rgMs === undefined ? 'n/a' : `${(r.scanMs / r.rgMs).toFixed(1)}×`, '1×'],
      ['CPU time of the audit, all threads (median)', ms(r.before.cpuMs), ms(r.scan.cpuMs), ''],
      ['Peak memory', mb(r.before.peakRss), mb(r.scan.peakRss), ''],
      ['Findings', `${r.before.findings}`, `${r.scan.findings}`, ''],
      ['Re-analysis of 5,000 lines (engine median)', ms(r.before.reanalysis5000), ms(five?.engine.median), ''],
    ]));
    out.push('');
  }
  out.push(table(
    ['Fast path (prefilter) against the slow one (`--no-prefilter`)', 'Results fast / slow', 'SARIF', 'Wall time fast / slow'],
    r.comparisons.map((c) => [c.label, `${c.fast} / ${c.slow}`, c.same ? 'identical' : `**different**: ${c.firstDifference}`, `${ms(c.fastMs)} / ${ms(c.slowMs)}`]),
  ));
  out.push('');
  if (r.stages) {
    out.push('### Where a single-threaded audit spends its time (`--profile`)');
    out.push('');
    out.push(r.stages.note);
    out.push('');
    out.push(table(['Stage', 'Time', 'Share of the analysis'], r.stages.rows.map(([what, t], i) => [what, ms(t), i < 3 ? '' : `${((100 * t) / r.stages.total).toFixed(1)} %`])));
    out.push('');
  }
  out.push('### Workspace audit');
  out.push('');
  out.push(table(['', '`hdguard scan` (CLI)', `floor${r.rgVersion ? ` (${r.rgVersion})` : ''}`, 'ours / floor'], rows));
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
        [`As the audit of the corpus returns (${ms(r.memory.auditMs)}, ${r.memory.total ?? '?'} findings)`, mb(r.memory.after.rss), mb(r.memory.after.hwm)],
        [`${SETTLE_MS / 1000} s later (the audit's worker replaced)`, mb(r.memory.settled.rss), mb(r.memory.settled.hwm)],
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
    ['Language-server memory ≤ 250 MB after auditing the corpus', r.memory ? mb(r.memory.settled.rss) : 'n/a', r.memory !== undefined && r.memory.settled.rss <= 250e6],
    [`Throughput with ${r.jobs} workers ≥ 1.6× that with 1`, `${(r.singleMs / r.scanMs).toFixed(2)}×`, r.singleMs / r.scanMs >= 1.6],
  ];
}

/** Issue 14's targets: a cold audit within 20× (then 10×) of the floor, in 300 MB, finding what the slow path finds. */
function coldTargets(r) {
  const ratio = r.rgMs === undefined ? undefined : r.scanMs / r.rgMs;
  const five = r.reanalysis.find((x) => x.lines === 5000);
  return [
    ['Cold audit within 20× of the floor', ratio === undefined ? 'n/a' : `${ratio.toFixed(1)}× (${ms(r.scanMs)} / ${ms(r.rgMs)})`, ratio !== undefined && ratio <= 20],
    ['Cold audit within 10× of the floor', ratio === undefined ? 'n/a' : `${ratio.toFixed(1)}×`, ratio !== undefined && ratio <= 10],
    ['Peak memory of the audit ≤ 300 MB', mb(r.scan.peakRss), r.scan.peakRss <= 300e6],
    ['Keystroke re-analysis of 5,000 lines ≤ 30 ms (engine median)', ms(five?.engine.median), (five?.engine.median ?? Infinity) <= 30],
    ...r.comparisons.map((c) => [`Findings with the prefilter identical to those without, ${c.label}`, c.same ? `identical (${c.fast} results)` : `different: ${c.firstDifference}`, c.same]),
  ];
}

/** The report with the measured part (between the markers) replaced: what is written by hand around it stays. */
function withMeasured(existing, generated) {
  const START = '<!-- measured by npm run bench: start -->';
  const END = '<!-- measured by npm run bench: end -->';
  const block = `${START}\n${generated.trimEnd()}\n${END}\n`;
  const s = existing.indexOf(START);
  const e = existing.indexOf(END);
  if (s < 0 || e < s) return block;
  return existing.slice(0, s) + block + existing.slice(e + END.length).replace(/^\n/, '');
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
  \`/usr/bin/time -f %M\` (or the process's own maxRSS), CPU time of all its threads from \`%U\` and \`%S\` (or its
  own resource usage). Files and bytes are the CLI's \`stats\`. The same with
  \`--jobs 1\` gives the scaling; the second audit is the same command without \`--no-cache\` after one run that
  filled the content cache (kept in a temporary \`HDGUARD_CACHE_DIR\` for the benchmark).
- **Floor**: \`rg --no-ignore --hidden -c -F -e http:// -e ftp://\` over the same tree in the same run: every byte
  read once with a literal search. Without \`rg\` (\`apt-get install ripgrep\`, Debian's package) the floor is
  GNU \`grep -r -c -F\` with the same literals, single-threaded and so slower: the report names which.
- **Fast against slow**: \`hdguard scan --format sarif --no-cache\` with and without \`--no-prefilter\` (which runs
  every rule's patterns and detectors on every file, and the detectors' shortcuts off), on test-fixtures and on
  the tree; the SARIF must be identical byte for byte, else the benchmark exits 1 and records nothing.
- **Profile** (\`--profile\`): the engine in this process (server/out), one thread, over the same files: the
  time of each stage (walk, read and decode, the literal scan, lexing, each rule) and of starting hdguard and a
  worker.
- **Re-analysis**: a Python file of 1,000 / 5,000 / 20,000 lines; the engine is \`analyzeDocument\` on a fresh
  \`SourceDocument\` (server/out/src/engine, rules loaded once, one warm-up run); the server is the built
  \`server/dist/server.js\` over stdio (the test suite's protocol client), timed from \`didChange\` to the
  \`publishDiagnostics\` of that version, which includes the server's ${r.debounceMs} ms debounce.
- **Server memory**: \`VmRSS\`/\`VmHWM\` of the server process from \`/proc/<pid>/status\` after the
  \`hdguard.server.auditWorkspace\` command over the corpus returns, and again ${SETTLE_MS / 1000} s later, once the
  server has replaced the worker that ran the audit (the target is read there).

## Reproduce

\`\`\`sh
npm ci && npm run build && (cd server && npx tsc -p .)
sudo apt-get install -y ripgrep        # the floor; optional
npm run bench                          # 20,000 files / 200 MB, median of 5
npm run bench -- --files 2000 --mb 20  # a quick run
npm run bench -- /path/to/a/real/tree  # a real tree instead of the corpus
\`\`\`
Options: \`--runs N\` (default 5), \`--seed S\`, \`--no-write\` (print only, leave this file alone), \`--profile\`
(add the stage timings), \`--before <checkout>\` (another build of hdguard, such as an earlier commit's built
in a folder of its own, measured in the same run: cold audit, peak memory, findings, re-analysis).
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
    console.log('usage: npm run bench [-- <path>] [--files N] [--mb M] [--runs N] [--seed S] [--no-write] [--profile] [--before <checkout>]');
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

  const floor = floorTool();
  if (!floor) console.error('neither ripgrep (rg) nor grep found: the floor is n/a. Install ripgrep with `sudo apt-get install -y ripgrep`.');
  else if (floor.name !== 'ripgrep') console.error(`ripgrep (rg) not found: the floor is ${floor.name}, slower than ripgrep's. Install it with \`sudo apt-get install -y ripgrep\`.`);

  // Findings first: the fast path must find exactly what the slow one finds, on the fixtures and on the tree.
  const comparisons = [];
  for (const [label, dir] of [['test-fixtures', FIXTURES], [args.path ? 'the tree' : 'the corpus', target]]) {
    const c = await compareFastSlow(dir);
    comparisons.push({ label, ...c });
    console.error(`fast vs slow on ${label}: ${c.same ? 'identical' : `DIFFERENT (${c.firstDifference})`}, ${c.fast} / ${c.slow} results, ${ms(c.fastMs)} / ${ms(c.slowMs)}`);
  }

  // Interleaved runs so that all see the same page-cache state; one unmeasured pass warms the page cache.
  if (floor) await floorOnce(floor, target).catch(() => undefined);
  const scans = [];
  const singles = [];
  const rgs = [];
  const befores = [];
  const beforeCli = args.before && path.join(args.before, 'server', 'dist', 'cli.js');
  for (let i = 0; i < args.runs; i++) {
    const s = await scanOnce(target);
    scans.push(s);
    console.error(`scan ${i + 1}/${args.runs}: ${ms(s.wallMs)}, CPU ${ms(s.cpuMs)}, ${s.findings} findings, peak ${mb(s.peakRss)}`);
    if (beforeCli) {
      const b = await scanOnce(target, ['--no-cache'], beforeCli);
      befores.push(b);
      console.error(`scan before ${i + 1}/${args.runs}: ${ms(b.wallMs)}, CPU ${ms(b.cpuMs)}, ${b.findings} findings, peak ${mb(b.peakRss)}`);
    }
    const one = await scanOnce(target, ['--no-cache', '--jobs', '1']);
    singles.push(one);
    console.error(`scan -j 1 ${i + 1}/${args.runs}: ${ms(one.wallMs)}`);
    if (floor) {
      const g = await floorOnce(floor, target);
      rgs.push(g);
      console.error(`floor ${i + 1}/${args.runs}: ${ms(g.wallMs)}`);
    }
  }
  const scanMs = median(scans.map((s) => s.wallMs));
  const scan = scans.find((s) => s.wallMs === scanMs) ?? scans[0];
  scan.peakRss = median(scans.map((s) => s.peakRss));
  scan.cpuMs = median(scans.map((s) => s.cpuMs));
  const singleMs = median(singles.map((s) => s.wallMs));
  const before = befores.length
    ? { wallMs: median(befores.map((b) => b.wallMs)), cpuMs: median(befores.map((b) => b.cpuMs)), peakRss: median(befores.map((b) => b.peakRss)), findings: befores[0].findings, reanalysis5000: engineReanalysis(pythonFile(5000), args.before).median }
    : undefined;

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
  const stages = args.profile ? await profileStages(target) : undefined;
  if (memory) console.error(`server after audit: RSS ${mb(memory.after.rss)}, ${mb(memory.settled.rss)} ${SETTLE_MS / 1000} s later, peak ${mb(memory.after.hwm)} (${ms(memory.auditMs)})`);

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
    rgVersion: floor && (floor.name === 'ripgrep' ? floor.version : `${floor.name}: ${floor.version}`),
    comparisons,
    stages,
    before,
    beforeDir: args.before,
    reanalysis,
    debounceMs: DEBOUNCE_MS,
    jobs: Math.min(os.availableParallelism(), 8),
    memory,
  };
  const m = machine();
  console.log(`\nHealth Data Guard benchmark — ${result.date}, ${m.nproc} CPUs (${m.model}), ${m.memory}, Node ${m.node}\n`);
  console.log(render(result));
  const different = comparisons.filter((c) => !c.same);
  if (different.length) {
    // Nothing is recorded from a run whose fast path loses or adds a finding.
    console.error(`\nbench: the fast path's findings differ from the slow path's on ${different.map((c) => c.label).join(' and ')}`);
    process.exitCode = 1;
    return;
  }
  if (args.write) {
    const argsText = process.argv.slice(2).filter((a) => a !== '--no-write').join(' ');
    fs.mkdirSync(path.dirname(REPORT), { recursive: true });
    fs.writeFileSync(REPORT, withMeasured(fs.existsSync(REPORT) ? fs.readFileSync(REPORT, 'utf8') : '', document(result, m, argsText)));
    console.log(`\nwrote ${path.relative(process.cwd(), REPORT) || REPORT}`);
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
