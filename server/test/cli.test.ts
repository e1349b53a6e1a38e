import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from './helpers';
import { CLEARTEXT, rulePack, treeFactory } from './trees';

describe('CLI', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  describe('exit codes', () => {
    let warnings: string;
    let clean: string;
    let infoOnly: string;
    before(() => {
      warnings = trees.make({ 'api.js': CLEARTEXT() });
      clean = trees.make({ 'api.js': "fetch('https://records.stmarys-hospital.org/api');\n" });
      infoOnly = trees.make({ 'api.js': CLEARTEXT(), '.hdguard.yaml': 'rules:\n  severity:\n    transport.cleartext-url: info\n' });
    });

    it('0 when nothing is found', () => {
      const r = runCli(['scan', clean]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /0 findings/);
    });

    it('1 for a warning under the default --fail-on warning', () => {
      const r = runCli(['scan', warnings]);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /api\.js:1:8 +warning/);
    });

    it('0 for a warning under --fail-on error', () => {
      assert.equal(runCli(['scan', warnings, '--fail-on', 'error']).status, 0);
    });

    it('an info finding fails only --fail-on info', () => {
      assert.equal(runCli(['scan', infoOnly]).status, 0);
      assert.equal(runCli(['scan', infoOnly, '--fail-on', 'info']).status, 1);
    });

    it('0 under --fail-on never, findings still reported', () => {
      const r = runCli(['scan', warnings, '--fail-on', 'never', '--format', 'json']);
      assert.equal(r.status, 0);
      assert.equal(JSON.parse(r.stdout).findings.length, 1);
    });

    const usage: Array<[string, string[], RegExp]> = [
      ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
      ['an unknown option', ['scan', '--frobnicate'], /--frobnicate/],
      ['a bad --format', ['scan', '--format', 'xml'], /--format must be one of text, json, sarif, html/],
      ['a bad --fail-on', ['scan', '--fail-on', 'critical'], /--fail-on must be one of error, warning, info, never/],
      ['a missing path', ['scan', 'no/such/folder'], /no such file or folder: no\/such\/folder/],
      ['an argument to rules', ['rules', 'extra'], /rules/],
      ['no command', [], /Usage:/],
    ];
    for (const [what, args, message] of usage) {
      it(`2 for ${what}, with a one-line message on stderr`, () => {
        const r = runCli(args, clean);
        assert.equal(r.status, 2);
        assert.match(r.stderr, message);
        if (args.length) assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
        assert.equal(r.stdout, '');
      });
    }
  });

  it('--help exits 0 and prints the usage', () => {
    for (const args of [['--help'], ['-h'], ['scan', '--help']]) {
      const r = runCli(args);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /Usage:\n {2}hdguard scan/);
      assert.match(r.stdout, /--fail-on/);
    }
  });

  it('--version prints the version of the root package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const r = runCli(['--version'], trees.make({}));
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), version);
  });

  it('--output writes the report to the file, not to stdout', () => {
    const dir = trees.make({ 'src/api.js': CLEARTEXT() });
    const r = runCli(['scan', '.', '--format', 'json', '--output', 'report.json'], dir);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /1 findings?; report written to report\.json/);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
    assert.deepEqual(report.findings.map((f: { file: string }) => f.file), ['src/api.js']);
  });

  it('--output to a folder that does not exist is a usage error', () => {
    const dir = trees.make({ 'api.js': CLEARTEXT() });
    const r = runCli(['scan', '.', '-o', 'no/such/dir/report.txt'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot write no\/such\/dir\/report\.txt/);
  });

  it('--exclude skips matching files and folders, at any depth for a name glob', () => {
    const dir = trees.make({
      'keep.js': CLEARTEXT(),
      'generated/api.js': CLEARTEXT(),
      'src/api.snap': CLEARTEXT(),
      'src/deep/other.snap': CLEARTEXT(),
    });
    const r = runCli(['scan', '.', '-f', 'json', '--exclude', './generated/**', '--exclude', '*.snap'], dir);
    const files = JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file);
    assert.deepEqual(files, ['keep.js']);
  });

  it('scans several paths and single files relative to the current folder', () => {
    const dir = trees.make({ 'a/one.js': CLEARTEXT(), 'b/two.js': CLEARTEXT(), 'c/three.js': CLEARTEXT() });
    const r = runCli(['scan', 'a', 'b/two.js', '-f', 'json'], dir);
    assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file).sort(), ['a/one.js', 'b/two.js']);
  });

  it('rules lists the rules with their category and severity', () => {
    const r = runCli(['rules'], trees.make({}));
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^transport\.cleartext-url +insecure-transport +warning +Cleartext URL$/m);
  });

  it('rules includes the workspace rules of the current folder', () => {
    const dir = trees.make({ '.hdguard/rules/custom.yaml': rulePack('custom.marker', { severity: 'info' }) });
    assert.match(runCli(['rules'], dir).stdout, /^custom\.marker +patient-data +info +Test rule$/m);
  });
});
