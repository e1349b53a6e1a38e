import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSourceFile } from '../src/engine/fileReader';
import { loadConfig, resolveRules, scan } from '../src/engine';
import { tempDir } from './helpers';
import { CLEARTEXT, rulePack, runMain } from './trees';

const MB = 1024 * 1024;
const URL_LINE = CLEARTEXT().trim();

/** Deterministic bytes (a linear congruential generator), so the test sees the same "random" file every run. */
function pseudoRandomBytes(n: number, seed = 42): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

/** Every path below dir with its type, mode and a hash of its content (symbolic links and FIFOs are not followed or opened). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string) => {
    const st = fs.lstatSync(abs);
    const rel = path.relative(dir, abs);
    if (st.isSymbolicLink()) out.set(rel, `link ${fs.readlinkSync(abs)}`);
    else if (st.isDirectory()) {
      out.set(rel, `dir ${st.mode}`);
      for (const name of fs.readdirSync(abs)) walk(path.join(abs, name));
    } else if (st.isFile()) {
      const hash = st.mode & 0o444 ? createHash('sha256').update(fs.readFileSync(abs)).digest('hex') : 'unreadable';
      out.set(rel, `file ${st.mode} ${st.size} ${st.mtimeMs} ${hash}`);
    } else out.set(rel, `special ${st.mode}`);
  };
  walk(dir);
  return out;
}

interface Report {
  findings: Array<{ file: string; range: { start: { line: number; column: number } } }>;
  skipped: Array<{ file: string; reason: string; detail: string }>;
}

describe('hostile input: every file gets a finding, a skip reason or nothing; the scan completes; nothing changes on disk', function () {
  this.timeout(120_000);
  let root: string;
  let tree: string;
  let report: Report;
  let status: number;
  let initial: Map<string, string>;
  const isRoot = process.getuid?.() === 0;

  before(async () => {
    root = tempDir('hdguard-hostile-');
    tree = path.join(root, 'tree');
    const files: Record<string, string | Buffer> = {
      '.hdguard.yaml': 'maxFileSize: 8MB\n',
      'big.log': Buffer.alloc(50 * MB, 'patient record line\n'),
      'bundle.js': `${'var a=1,b=function(){return a};'.repeat((5 * MB) / 32)}${URL_LINE}`,
      'nested.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'nested.xml': `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`,
      'digits.txt': `${'7'.repeat(MB)}\n`,
      'random.dat': pseudoRandomBytes(64 * 1024),
      'invalid-utf8.js': Buffer.concat([Buffer.from('// caf\xe9 \xff\xfe\xc3\n', 'latin1'), Buffer.from(CLEARTEXT())]),
      'utf16.js': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`// first\n${CLEARTEXT()}`, 'utf16le')]),
      'crlf.js': `a();\r\n\r\n${URL_LINE}\r\n`,
      'lone-cr.js': `a();\r\r${URL_LINE}\r`,
      'notebook.ipynb': JSON.stringify({ cells: [{ cell_type: 'code', source: [], outputs: [{ output_type: 'stream', name: 'stdout', text: ['x'.repeat(20 * MB)] }] }], nbformat: 4, nbformat_minor: 5, metadata: {} }),
      'unreadable.js': CLEARTEXT(),
      'sub/ok.js': CLEARTEXT(),
    };
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
      fs.writeFileSync(path.join(tree, rel), content);
    }
    fs.symlinkSync('..', path.join(tree, 'sub', 'loop'));
    fs.symlinkSync('no-such-target.js', path.join(tree, 'dangling.js'));
    spawnSync('mkfifo', [path.join(tree, 'pipe.js')]);
    fs.chmodSync(path.join(tree, 'unreadable.js'), 0o000);

    const bad = (rel: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), content);
    };
    bad('bad-config/.hdguard.yaml', 'rules:\n  disable: [transport.cleartext-url\nexclude: {\n');
    bad('bad-config/api.js', CLEARTEXT());
    bad('bad-rules/.hdguard/rules/slow.yaml', rulePack('custom.redos', { regex: '^(\\w+\\s?)*$' }));
    bad('bad-rules/api.js', CLEARTEXT());
    bad('bad-baseline/baseline.json', '\u0000\u00ff not json at all');
    bad('bad-baseline/api.js', CLEARTEXT());

    initial = snapshot(root);
    const r = await runMain(['scan', 'tree', '-f', 'json'], root);
    status = r.status;
    assert.ok(r.stdout, r.stderr);
    report = JSON.parse(r.stdout);
  });

  after(() => {
    fs.chmodSync(path.join(tree, 'unreadable.js'), 0o644);
    fs.rmSync(root, { recursive: true, force: true });
  });

  const skippedAs: Array<[string, string, RegExp]> = [
    ['big.log', 'too-large', /50\.0 MB is over the 8\.0 MB limit/],
    ['notebook.ipynb', 'too-large', /over the 8\.0 MB limit/],
    ['bundle.js', 'minified', /minified/],
    ['random.dat', 'binary', /NUL/],
    ['sub/loop', 'symlink-loop', /links back to/],
    ['dangling.js', 'unreadable', /broken symbolic link \(ENOENT\)/],
  ];
  for (const [file, reason, detail] of skippedAs) {
    it(`${file}: skipped, ${reason}`, () => {
      const s = report.skipped.find((x) => x.file === file);
      assert.ok(s, `${file} not skipped: ${JSON.stringify(report.skipped)}`);
      assert.equal(s.reason, reason);
      assert.match(s.detail, detail);
    });
  }

  it('deep nesting and a 1 MB line of digits are analysed without a finding or an error', () => {
    for (const file of ['nested.json', 'nested.xml', 'digits.txt']) {
      assert.ok(!report.skipped.some((s) => s.file === file), file);
      assert.ok(!report.findings.some((f) => f.file === file), file);
    }
  });

  it('invalid UTF-8, UTF-16 with a BOM, CRLF and lone CR line endings: the URL is found', () => {
    const at = (file: string) => report.findings.filter((f) => f.file === file).map((f) => `${f.range.start.line}:${f.range.start.column}`);
    assert.deepEqual(at('invalid-utf8.js'), ['2:8']);
    assert.deepEqual(at('utf16.js'), ['2:8']);
    assert.deepEqual(at('crlf.js'), ['3:8']);
    // A lone CR ends a line, as it does for editors and the LSP.
    assert.deepEqual(at('lone-cr.js'), ['3:8']);
  });

  it('a FIFO is passed over without blocking the scan', () => {
    assert.ok(fs.lstatSync(path.join(tree, 'pipe.js')).isFIFO());
    assert.ok(!report.findings.some((f) => f.file === 'pipe.js'));
  });

  it('an unreadable file is skipped as unreadable (not testable as root, who can read it)', function () {
    if (isRoot) this.skip();
    const s = report.skipped.find((x) => x.file === 'unreadable.js');
    assert.equal(s?.reason, 'unreadable');
    assert.match(s!.detail, /EACCES/);
  });

  it('a file removed between discovery and reading is skipped as unreadable', () => {
    assert.deepEqual(readSourceFile(path.join(tree, 'vanished.js'), 10, { maxFileSize: MB }), { ok: false, reason: 'unreadable', detail: 'ENOENT' });
    const dir = tempDir();
    try {
      for (const name of ['a.js', 'b.js', 'c.js']) fs.writeFileSync(path.join(dir, name), CLEARTEXT());
      const config = loadConfig(dir);
      // Once a.js is analysed, b.js (already listed by the folder walk) disappears.
      const result = scan({ root: dir, config, rules: resolveRules(dir, config), onProgress: (_, file) => file === 'a.js' && fs.rmSync(path.join(dir, 'b.js')) });
      assert.deepEqual(result.findings.map((f) => f.file), ['a.js', 'c.js']);
      assert.deepEqual(result.skipped.map((s) => [s.file, s.reason]), [['b.js', 'unreadable']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the scan completes and exits 1 for the findings; the other files are reported', () => {
    assert.equal(status, 1);
    assert.ok(report.findings.some((f) => f.file === 'sub/ok.js'));
  });

  const broken: Array<[string, string[], RegExp]> = [
    ['a malformed .hdguard.yaml', ['scan', 'bad-config'], /^hdguard: \.hdguard\.yaml:\d+:\d+: invalid YAML: /],
    ['a rule pack with a vulnerable regex', ['scan', 'bad-rules'], /^hdguard: \.hdguard\/rules\/slow\.yaml:\d+: rule 'custom\.redos' field 'regex' can backtrack catastrophically/],
    ['a baseline that is not JSON', ['scan', 'bad-baseline', '--baseline', 'bad-baseline/baseline.json'], /^hdguard: bad-baseline\/baseline\.json: not a baseline: invalid JSON/],
  ];
  for (const [what, args, message] of broken) {
    it(`${what}: exit 2 with one line naming the file`, async () => {
      const r = await runMain(args, root);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  it('nothing on disk changed (every path, mode, size, time and content hash)', () => {
    assert.deepEqual(snapshot(root), initial);
  });
});
