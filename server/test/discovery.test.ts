import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexPaths } from '../src/engine/gitIndex';
import { git, initRepo, write } from './gitRepo';
import { runCli } from './helpers';
import { CLEARTEXT, treeFactory } from './trees';

interface JsonReport {
  findings: Array<{ file: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }>;
  skipped: Array<{ file: string; reason: string; detail: string }>;
  stats: { filesScanned: number; lossyDecoded: number };
}

const URL = 'http://records.stmarys-hospital.org/api/patients';

describe('file discovery and reading', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  function scanJson(dir: string): JsonReport {
    const r = runCli(['scan', '.', '-f', 'json', '--fail-on', 'never'], dir);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  }
  const filesOf = (report: JsonReport) => report.findings.map((f) => f.file).sort();

  it('honours .gitignore (nested too) and .hdguardignore; skips .git and node_modules; scans dotfiles', () => {
    const dir = trees.make({
      '.gitignore': 'secrets/\n*.generated.js\n',
      '.hdguardignore': 'legacy/\n',
      'app/.gitignore': 'local.js\n',
      'app/local.js': CLEARTEXT(),
      'app/main.js': CLEARTEXT(),
      'app/x.generated.js': CLEARTEXT(),
      'secrets/keys.js': CLEARTEXT(),
      'legacy/old.js': CLEARTEXT(),
      '.git/hooks/pre-push.sh': `curl ${URL}\n`,
      'node_modules/lib/index.js': CLEARTEXT(),
      'packages/a/node_modules/lib/index.js': CLEARTEXT(),
      '.env': `FHIR_URL=${URL}\n`,
      '.gitlab-ci.yml': `deploy:\n  script: curl ${URL}\n`,
      '.github/workflows/x.yml': `env:\n  API: ${URL}\n`,
    });
    assert.deepEqual(filesOf(scanJson(dir)), ['.env', '.github/workflows/x.yml', '.gitlab-ci.yml', 'app/main.js']);
  });

  it('scans files git tracks even when a .gitignore matches them; .hdguardignore still applies', () => {
    const dir = trees.make({
      '.gitignore': '*.log\nexports/\n',
      '.hdguardignore': 'exports/old/\n',
      'logs/claims.log': 'claim 77182-A rejected: subscriber SSN 538-16-2047 does not match\n',
      'logs/today.log': 'claim 77190-C rejected: subscriber SSN 538-16-2047 does not match\n',
      'exports/ward.js': CLEARTEXT(),
      'exports/old/ward.js': CLEARTEXT(),
      'exports/tmp.js': CLEARTEXT(),
    });
    initRepo(dir);
    git(dir, 'add', '-f', 'logs/claims.log', 'exports/ward.js', 'exports/old/ward.js');
    git(dir, 'commit', '-q', '-m', 'committed despite the ignore rules');
    assert.deepEqual(filesOf(scanJson(dir)), ['exports/ward.js', 'logs/claims.log']);
  });

  it('reads the paths of git index versions 2, 3 and 4 as git lists them', () => {
    const dir = trees.make({ 'a.txt': 'a', 'src/deep/b.ts': 'b', 'src/deep/c.ts': 'c', 'zé/ü.md': 'u', [`long/${'x'.repeat(40)}.txt`]: 'x' });
    initRepo(dir);
    write(dir, 'later.txt', 'later');
    git(dir, 'add', '-N', 'later.txt'); // intent-to-add: an extended flag in version 3
    const listed = git(dir, '-c', 'core.quotepath=off', 'ls-files', '-z').split('\0').filter(Boolean);
    for (const version of ['2', '3', '4']) {
      git(dir, 'update-index', '--index-version', version);
      assert.deepEqual(indexPaths(fs.readFileSync(path.join(dir, '.git', 'index'))), listed, `version ${version}`);
    }
    assert.equal(indexPaths(Buffer.from('DIRC\0\0\0\x02\0\0\0\x05short')), undefined, 'cut short');
    assert.equal(indexPaths(Buffer.from('not an index')), undefined);
  });

  it('an ignored folder named explicitly on the command line is still scanned', () => {
    const dir = trees.make({ '.gitignore': 'gen/\n', 'gen/api.js': CLEARTEXT() });
    const r = runCli(['scan', 'gen/api.js', '-f', 'json'], dir);
    assert.deepEqual(filesOf(JSON.parse(r.stdout)), ['gen/api.js']);
  });

  describe('files that cannot be analysed are skipped with a reason, and the scan goes on', () => {
    let dir: string;
    let report: JsonReport;
    let text: string;
    before(() => {
      dir = trees.make({
        'ok.js': CLEARTEXT(),
        'data.dat': Buffer.concat([Buffer.from(`${URL}\n`), Buffer.from([0, 1, 2, 0])]),
        'scan.png': CLEARTEXT(),
        'big.js': `${'// padding\n'.repeat(800)}${CLEARTEXT()}`,
        'vendor.min.js': CLEARTEXT(),
        'bundle.js': `${'var a=1;'.repeat(700)}${CLEARTEXT()}`,
        'sub/nested.js': CLEARTEXT(),
        '.hdguard.yaml': 'maxFileSize: 8KB\n',
      });
      fs.symlinkSync('..', path.join(dir, 'sub', 'loop'));
      report = scanJson(dir);
      text = runCli(['scan', '.'], dir).stdout;
    });

    const expected: Array<[string, string, RegExp]> = [
      ['data.dat', 'binary', /NUL/],
      ['scan.png', 'binary', /binary file type/],
      ['big.js', 'too-large', /over the 8\.0 KB limit/],
      ['vendor.min.js', 'minified', /minified/],
      ['bundle.js', 'minified', /minified/],
      ['sub/loop', 'symlink-loop', /links back to \./],
    ];
    for (const [file, reason, detail] of expected) {
      it(`${file}: ${reason}`, () => {
        const s = report.skipped.find((x) => x.file === file);
        assert.ok(s, `${file} not in ${JSON.stringify(report.skipped)}`);
        assert.equal(s.reason, reason);
        assert.match(s.detail, detail);
        assert.match(text, new RegExp(`^ {2}${file.replace(/\./g, '\\.')} {2}${reason}: `, 'm'));
      });
    }

    it('the other files are scanned and reported', () => {
      assert.deepEqual(filesOf(report), ['ok.js', 'sub/nested.js']);
      assert.equal(report.skipped.length, expected.length, JSON.stringify(report.skipped));
      assert.match(text, /^Skipped 6 files$/m);
    });
  });

  it('invalid UTF-8 is read lossily and the URL is still found', () => {
    const bytes = Buffer.concat([Buffer.from('// caf\xe9 \xff\xfe\xc3\n', 'latin1'), Buffer.from(CLEARTEXT())]);
    const report = scanJson(trees.make({ 'latin1.js': bytes }));
    assert.deepEqual(report.findings.map((f) => [f.file, f.range.start.line, f.range.start.column]), [['latin1.js', 2, 8]]);
    assert.equal(report.stats.lossyDecoded, 1);
  });

  it('UTF-16 with a byte-order mark is decoded (little and big endian)', () => {
    const text = `// first\n${CLEARTEXT()}`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const report = scanJson(trees.make({ 'le.js': le, 'be.js': be }));
    assert.deepEqual(report.findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column}`).sort(), ['be.js:2:8', 'le.js:2:8']);
    assert.equal(report.stats.lossyDecoded, 0);
  });

  it('CRLF line endings give the right line and column, and the range ends before the CR', () => {
    const report = scanJson(trees.make({ 'crlf.js': `a();\r\n\r\n  ${CLEARTEXT().trim()}\r\nb();\r\n` }));
    assert.deepEqual(report.findings[0].range, { start: { line: 3, column: 10 }, end: { line: 3, column: 10 + URL.length } });
  });

  it('a UTF-8 byte-order mark does not shift columns', () => {
    const report = scanJson(trees.make({ 'bom.js': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEARTEXT())]) }));
    assert.equal(report.findings[0].range.start.column, 8);
  });
});
