import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './helpers';
import { commitAll, initRepo, write } from './gitRepo';
import { CLEARTEXT, treeFactory } from './trees';

const findingsOf = (stdout: string) => JSON.parse(stdout).findings as Array<{ file: string; ruleId: string; fingerprint: string; range: { start: { line: number } } }>;

describe('baseline: hdguard baseline, then scan --baseline reports only new findings', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  const original = `const a = 1;\n${CLEARTEXT('lab.stmarys-hospital.org')}https.request({ rejectUnauthorized: false });\n`;
  let repo: string;
  before(() => {
    repo = initRepo(trees.make({ 'src/api.js': original, 'src/other.js': 'export const b = 2;\n' }));
  });

  it('writes .hdguard-baseline.json with fingerprints, rule, file, masked evidence and the date', () => {
    const r = runCli(['baseline'], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /2 findings recorded in \.hdguard-baseline\.json/);
    const baseline = JSON.parse(fs.readFileSync(path.join(repo, '.hdguard-baseline.json'), 'utf8'));
    assert.equal(baseline.version, 1);
    assert.ok(!Number.isNaN(Date.parse(baseline.created)));
    assert.deepEqual(baseline.findings.map((e: { ruleId: string }) => e.ruleId).sort(), ['transport.cleartext-url', 'transport.tls-verification-disabled']);
    for (const e of baseline.findings) {
      assert.deepEqual(Object.keys(e).sort(), ['evidence', 'file', 'fingerprint', 'ruleId']);
      assert.equal(e.file, 'src/api.js');
      assert.match(e.fingerprint, /^[0-9a-f]{32}$/);
    }
    commitAll(repo, 'baseline');
  });

  it('with the baseline, the same tree has no finding and exits 0', () => {
    const r = runCli(['scan', '--baseline', '.hdguard-baseline.json', '-f', 'json'], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(findingsOf(r.stdout), []);
  });

  it('known findings stay known when lines move and unrelated lines change; a new one is reported', () => {
    const moved = `// Lab client\nimport https from 'node:https';\n\n${original.replace('const a = 1;', 'const a = 42; // changed')}\nconst c = 3;\n`;
    write(repo, 'src/api.js', `${moved}${CLEARTEXT('billing.stmarys-hospital.org')}`);
    write(repo, 'src/other.js', 'export const b = 3;\n');
    const r = runCli(['scan', '--baseline', '.hdguard-baseline.json', '-f', 'json'], repo);
    assert.equal(r.status, 1, r.stderr);
    const findings = findingsOf(r.stdout);
    assert.equal(findings.length, 1, r.stdout);
    assert.equal(findings[0].range.start.line, 9);
    // Without the baseline all three are there, the known ones on new lines.
    assert.equal(findingsOf(runCli(['scan', '-f', 'json'], repo).stdout).length, 3);
  });

  it('the text report says how many baseline findings it leaves out', () => {
    const r = runCli(['scan', '--baseline', '.hdguard-baseline.json'], repo);
    assert.match(r.stderr, /2 findings in the baseline are not shown/);
  });

  it('the baseline file itself is never scanned (it quotes findings)', () => {
    const r = runCli(['scan', '-f', 'json', '--fail-on', 'never'], repo);
    assert.ok(findingsOf(r.stdout).every((f) => !f.file.includes('baseline')));
    const renamed = path.join(repo, 'accepted.json');
    fs.copyFileSync(path.join(repo, '.hdguard-baseline.json'), renamed);
    const withRenamed = runCli(['scan', '--baseline', 'accepted.json', '-f', 'json'], repo);
    assert.ok(findingsOf(withRenamed.stdout).every((f) => f.file !== 'accepted.json'));
    fs.rmSync(renamed);
  });

  const broken: Array<[string, string, RegExp]> = [
    ['not JSON', '{"version": 1, findings: [', /not-json\.json: not a baseline: invalid JSON/],
    ['JSON of another shape', '[1, 2, 3]', /not-json\.json: not a baseline: expected an object/],
    ['entries without a fingerprint', '{"version": 1, "findings": [{"ruleId": "x"}]}', /field 'findings\[0\]\.fingerprint' must be a string/],
  ];
  for (const [what, content, message] of broken) {
    it(`a baseline that is ${what} is an error: exit 2, one line naming the file`, () => {
      const dir = trees.make({ 'api.js': CLEARTEXT(), 'not-json.json': content });
      const r = runCli(['scan', '--baseline', 'not-json.json'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  it('a missing baseline is an error too', () => {
    const r = runCli(['scan', '--baseline', 'nope.json'], trees.make({ 'api.js': CLEARTEXT() }));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /nope\.json: baseline file not found/);
  });

  it('baseline -o writes elsewhere', () => {
    const dir = trees.make({ 'api.js': CLEARTEXT() });
    const r = runCli(['baseline', '.', '-o', 'ci/accepted.json'], trees.make({}));
    assert.equal(r.status, 2, 'a folder that does not exist cannot be written');
    const ok = runCli(['baseline', '-o', 'accepted.json'], dir);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'accepted.json'), 'utf8')).findings.length, 1);
  });
});
