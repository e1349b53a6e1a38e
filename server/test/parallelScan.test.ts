import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, loadBuiltinRules, scan, scanParallel, type ScanResult } from '../src/engine';
import { detectorByName } from '../src/engine/detectors';
import { discoverFiles } from '../src/engine/discovery';
import { DocumentAnalyser } from '../src/engine/parallel/documentAnalyser';
import { scanFiles } from '../src/engine/parallel/scanFiles';
import { analyzeSnippet, FIXTURES } from './helpers';
import { CLEARTEXT, treeFactory } from './trees';

/** A tree big enough for worker threads (several hundred files): the test fixtures, copied a few times over. */
function largeTree(make: (files: Record<string, string>) => string): string {
  const files: Record<string, string> = {};
  const fixtures = [...discoverFiles(FIXTURES, ['.'], { exclude: ['expected/**'] }, [])];
  for (let copy = 0; copy < 4; copy++) {
    for (const f of fixtures) files[`copy${copy}/${f.rel}`] = fs.readFileSync(f.abs, 'utf8');
  }
  return make(files);
}

/** What a scan reports, as its JSON output carries it (the cache stores outcomes as JSON: no undefined fields). */
const comparable = (r: ScanResult) =>
  JSON.parse(JSON.stringify({ findings: r.findings, skipped: r.skipped, files: r.stats.filesScanned, bytes: r.stats.bytesScanned }));

describe('parallel scan: worker threads, streaming discovery and the content cache', () => {
  const trees = treeFactory();
  after(trees.cleanup);
  const rules = loadBuiltinRules();
  let root: string;
  before(() => {
    root = largeTree(trees.make);
  });

  it('finds exactly what the single-threaded scan finds, in the same order', async () => {
    const single = scan({ root, config: DEFAULT_CONFIG, rules });
    assert.ok(single.stats.filesScanned > 300 && single.findings.length > 100, `${single.stats.filesScanned} files, ${single.findings.length} findings`);
    const parallel = await scanParallel({ root, config: DEFAULT_CONFIG, rules, jobs: 2, inlineBytes: 0, cache: false });
    assert.deepEqual(comparable(parallel), comparable(single));
  });

  it('answers a second scan of unchanged files from the cache, and re-analyses a changed file', async () => {
    const tree = largeTree(trees.make);
    const first = await scanParallel({ root: tree, config: DEFAULT_CONFIG, rules, jobs: 2, inlineBytes: 0 });
    assert.equal(first.cacheHits, 0);
    const second = await scanParallel({ root: tree, config: DEFAULT_CONFIG, rules, jobs: 2, inlineBytes: 0 });
    assert.equal(second.cacheHits, second.stats.filesScanned + second.skipped.filter((s) => s.reason === 'minified').length);
    assert.deepEqual(comparable(second), comparable(first));

    fs.appendFileSync(path.join(tree, 'copy0/nginx/nginx.conf'), `\n# ${CLEARTEXT()}`);
    fs.writeFileSync(path.join(tree, 'copy1/new.js'), CLEARTEXT());
    const third = await scanParallel({ root: tree, config: DEFAULT_CONFIG, rules, jobs: 2, inlineBytes: 0 });
    assert.equal(third.cacheHits, second.cacheHits - 1, 'every file but the changed one (and the new one)');
    assert.ok(third.findings.some((f) => f.file === 'copy1/new.js'));
  });

  it('does not reuse outcomes found with other rules or settings', async () => {
    const tree = trees.make({ 'a.js': CLEARTEXT(), 'b.py': CLEARTEXT() });
    await scanParallel({ root: tree, config: DEFAULT_CONFIG, rules });
    const fewer = rules.filter((r) => r.id !== 'transport.cleartext-url');
    const again = await scanParallel({ root: tree, config: DEFAULT_CONFIG, rules: fewer });
    assert.equal(again.cacheHits, 0);
    assert.deepEqual(again.findings, []);
    const synthetic = await scanParallel({ root: tree, config: { ...DEFAULT_CONFIG, settings: { ...DEFAULT_CONFIG.settings, syntheticData: 'report' } }, rules: fewer });
    assert.equal(synthetic.cacheHits, 0);
  });

  it('replaces a worker that runs out of heap and reads its files again: nothing is lost', async () => {
    const files = discoverFiles(root, ['.'], { exclude: [] }, []);
    const options = { maxFileSize: DEFAULT_CONFIG.maxFileSize, timeLimitMs: 5000, settings: DEFAULT_CONFIG.settings };
    const outcomes = new Map<number, unknown>();
    // A heap far too small for the engine: each worker runs out at once and is replaced by one without a cap.
    const { replacedWorkers } = await scanFiles({ files, rules, fileOptions: options, jobs: 2, inlineBytes: 0, workerHeapMb: 4, onOutcome: (i, _f, outcome) => outcomes.set(i, outcome) });
    assert.equal(replacedWorkers, 2);
    const single = scan({ root, config: DEFAULT_CONFIG, rules });
    const found = [...outcomes.values()].flatMap((o) => ((o as { kind: string }).kind === 'scanned' ? (o as { findings: unknown[] }).findings : []));
    assert.equal(outcomes.size, [...discoverFiles(root, ['.'], { exclude: [] }, [])].length);
    assert.equal(found.length, single.findings.length);
  });

  it('starts no worker for a tree too small to repay starting one: this thread analyses it', async () => {
    const files = discoverFiles(root, ['.'], { exclude: [] }, []);
    const options = { maxFileSize: DEFAULT_CONFIG.maxFileSize, timeLimitMs: 5000, settings: DEFAULT_CONFIG.settings };
    let outcomes = 0;
    // Workers with this heap would run out at once and be replaced (as above): none is, since none starts.
    const { replacedWorkers } = await scanFiles({ files, rules, fileOptions: options, jobs: 2, workerHeapMb: 4, onOutcome: () => outcomes++ });
    assert.equal(replacedWorkers, 0);
    assert.equal(outcomes, [...discoverFiles(root, ['.'], { exclude: [] }, [])].length);
  });

  it('loads a grammar in this thread only to analyse a file of its language here', () => {
    // A flow only the Java parse finds (the lexical fallback does not follow `who` into `label`).
    const tree = trees.make({
      'Export.java': 'class Export {\n  void run(Patient patient) {\n    String who = patient.getName();\n    String label = "exported " + who;\n    log.info(label);\n  }\n}\n',
    });
    // A fresh process: this one loaded every grammar for the other tests.
    const script = `
      const engine = require(${JSON.stringify(path.join(__dirname, '..', 'src', 'engine'))});
      const { grammarOf } = require(${JSON.stringify(path.join(__dirname, '..', 'src', 'engine', 'parsers', 'treeSitter'))});
      const options = { root: ${JSON.stringify(tree)}, config: engine.DEFAULT_CONFIG, rules: engine.loadBuiltinRules(), cache: false };
      const lines = (r) => r.findings.map((f) => f.ruleId + ':' + f.range.start.line);
      (async () => {
        const inWorkers = await engine.scanParallel({ ...options, jobs: 2, inlineBytes: 0 });
        const grammarAfterWorkers = grammarOf('java') !== undefined;
        const here = await engine.scanParallel({ ...options, jobs: 1 });
        console.log(JSON.stringify({ grammarAfterWorkers, grammarAfterHere: grammarOf('java') !== undefined, inWorkers: lines(inWorkers), here: lines(here) }));
      })();`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      grammarAfterWorkers: false,
      grammarAfterHere: true,
      inWorkers: ['storage.health-data-in-logs:5'],
      here: ['storage.health-data-in-logs:5'],
    });
  });

  it('stops reading and analysing when cancelled', async () => {
    let outcomes = 0;
    const files = discoverFiles(root, ['.'], { exclude: [] }, []);
    const options = { maxFileSize: DEFAULT_CONFIG.maxFileSize, timeLimitMs: 5000, settings: DEFAULT_CONFIG.settings };
    const { cancelled } = await scanFiles({ files, rules, fileOptions: options, jobs: 2, inlineBytes: 0, isCancelled: () => outcomes >= 5, onOutcome: () => outcomes++ });
    assert.equal(cancelled, true);
    const total = [...discoverFiles(root, ['.'], { exclude: [] }, [])].length;
    assert.ok(outcomes < total, `${outcomes} of ${total} files`);
  });

  it('a fault while analysing a file skips that file with a reason that quotes nothing of it, and the scan goes on', async () => {
    const detector = detectorByName('cleartext-url')!;
    const run = detector.run;
    detector.run = (doc, options, context) => {
      if (doc.file === 'bad.js') throw new SyntaxError('Unexpected token in "536-96-6187"');
      return run.call(detector, doc, options, context);
    };
    try {
      const tree = trees.make({ 'bad.js': CLEARTEXT(), 'good.js': CLEARTEXT() });
      const result = await scanParallel({ root: tree, config: DEFAULT_CONFIG, rules, jobs: 1, cache: false });
      assert.deepEqual(result.findings.map((f) => f.file), ['good.js']);
      const [skipped] = result.skipped;
      assert.equal(skipped.file, 'bad.js');
      assert.equal(skipped.reason, 'analysis-error');
      assert.match(skipped.detail, /^internal error \(SyntaxError at .*\); please report it$/);
      assert.ok(!skipped.detail.includes('536-96-6187'));
    } finally {
      detector.run = run;
    }
  });
});

describe('document analyser: editor documents analysed in a worker thread', () => {
  const rules = loadBuiltinRules();
  const setup = { rules, options: { maxFileSize: DEFAULT_CONFIG.maxFileSize, timeLimitMs: 5000, settings: DEFAULT_CONFIG.settings } };
  let analyser: DocumentAnalyser;
  // The worker does not keep the process alive on its own (a server's connection does): this test does.
  let keepAlive: NodeJS.Timeout;
  before(() => {
    analyser = new DocumentAnalyser(setup);
    keepAlive = setInterval(() => {}, 1000);
  });
  after(() => {
    analyser.dispose();
    clearInterval(keepAlive);
  });

  it('finds what the engine finds in this thread', async () => {
    const code = CLEARTEXT();
    const found = await analyser.analyse('a', 'api.js', code);
    assert.deepEqual(found?.findings, analyzeSnippet('api.js', code, rules));
    assert.equal(found.findings.length, 1);
  });

  it('a queued request gives way to a newer one for the same document', async () => {
    const big = `${'const x = 1;\n'.repeat(20_000)}${CLEARTEXT()}`;
    const busy = analyser.analyse('big', 'big.js', big);
    const stale = analyser.analyse('doc', 'doc.js', 'const a = 1;\n');
    const fresh = analyser.analyse('doc', 'doc.js', CLEARTEXT());
    assert.equal(await stale, undefined);
    assert.equal((await fresh)?.findings.length, 1);
    assert.equal((await busy)?.findings.length, 1);
  });

  it('a running analysis of a document stops when a newer version of it is asked for', async () => {
    const big = `${'const x = { status: 200, name: "item" };\n'.repeat(40_000)}${CLEARTEXT()}`;
    const stale = analyser.analyse('edited', 'edited.js', big);
    await new Promise((r) => setTimeout(r, 20));
    const fresh = analyser.analyse('edited', 'edited.js', CLEARTEXT());
    assert.equal(await stale, undefined, 'the older version gives way (its analysis stopped between rules)');
    assert.equal((await fresh)?.findings.length, 1);
  });

  it('uses new rules once configured', async () => {
    analyser.configure({ ...setup, rules: rules.filter((r) => r.id !== 'transport.cleartext-url') });
    assert.deepEqual((await analyser.analyse('a', 'api.js', CLEARTEXT()))?.findings, []);
    analyser.configure(setup);
    assert.equal((await analyser.analyse('a', 'api.js', CLEARTEXT()))?.findings.length, 1);
  });
});
