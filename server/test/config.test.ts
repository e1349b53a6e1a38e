import * as assert from 'node:assert/strict';
import { CLEARTEXT, rulePack, runMain, treeFactory } from './trees';

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
}

describe('rule packs and configuration', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  /** Scans a tree holding one extra file; expects exit 2 with exactly one line on stderr, and returns it. */
  async function oneLineError(files: Record<string, string>, args: string[] = []): Promise<string> {
    const dir = trees.make({ 'api.js': CLEARTEXT(), ...files });
    const r = await runMain(['scan', '.', ...args], dir);
    assert.equal(r.status, 2, `exit ${r.status}: ${r.stderr}${r.stdout}`);
    assert.equal(r.stdout, '');
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
    return lines[0];
  }

  async function findings(files: Record<string, string>): Promise<JsonFinding[]> {
    const r = await runMain(['scan', '.', '-f', 'json', '--fail-on', 'never'], trees.make(files));
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout).findings;
  }

  describe('an invalid workspace rule pack is a one-line error naming file, rule and field', () => {
    it('a bad severity', async () => {
      const line = await oneLineError({ '.hdguard/rules/bad.yaml': rulePack('custom.bad-severity', { severity: 'critical' }) });
      assert.match(line, /\.hdguard\/rules\/bad\.yaml:4:/);
      assert.match(line, /'custom\.bad-severity'/);
      assert.match(line, /'severity' must be one of error, warning, info/);
    });

    it('a regex that does not compile', async () => {
      const line = await oneLineError({ '.hdguard/rules/bad.yaml': rulePack('custom.bad-regex', { regex: 'MARK(ER' }) });
      assert.match(line, /\.hdguard\/rules\/bad\.yaml:\d+:/);
      assert.match(line, /'custom\.bad-regex'/);
      assert.match(line, /'regex' is not a valid regular expression/);
    });

    it('a bad category', async () => {
      const line = await oneLineError({ '.hdguard/rules/bad.yaml': rulePack('custom.bad-category', { category: 'privacy' }) });
      assert.match(line, /\.hdguard\/rules\/bad\.yaml:3: rule 'custom\.bad-category' field 'category'/);
    });

    it('a missing required field', async () => {
      const line = await oneLineError({ '.hdguard/rules/bad.yaml': rulePack('custom.no-title').replace(/ {4}title: .*\n/, '') });
      assert.match(line, /\.hdguard\/rules\/bad\.yaml:\d+: rule 'custom\.no-title' field 'title' is required/);
    });

    it('an unknown field', async () => {
      const line = await oneLineError({ '.hdguard/rules/bad.yaml': rulePack('custom.extra').replace('title:', 'titel: x\n    title:') });
      assert.match(line, /rule 'custom\.extra' field 'titel' is not a known field/);
    });

    it('YAML syntax errors, with line and column', async () => {
      const line = await oneLineError({ '.hdguard/rules/bad.yaml': 'rules:\n  - id: [unclosed\n    x: : y\n' });
      assert.match(line, /^hdguard: \.hdguard\/rules\/bad\.yaml:\d+:\d+: invalid YAML: /);
    });

    it('two rules with the same id in one pack', async () => {
      const pack = rulePack('custom.twice') + rulePack('custom.twice').replace(/^rules:\n/, '');
      const line = await oneLineError({ '.hdguard/rules/bad.yaml': pack });
      assert.match(line, /rule 'custom\.twice' field 'id' duplicate rule id/);
    });
  });

  describe('an invalid configuration is a one-line error naming file and field', () => {
    it('an unknown field', async () => {
      const line = await oneLineError({ '.hdguard.yaml': 'exclude: []\nmaxFileSise: 1KB\n' });
      assert.match(line, /\.hdguard\.yaml:2: field 'maxFileSise' is not a known field/);
    });

    for (const bad of ['huge', '-5', '0', '0KB', '[1]']) {
      it(`maxFileSize: ${bad}`, async () => {
        const line = await oneLineError({ '.hdguard.yaml': `maxFileSize: ${bad}\n` });
        assert.match(line, /\.hdguard\.yaml:1: field 'maxFileSize' /);
        assert.match(line, /must be a number of bytes|size such as/);
      });
    }

    it('a bad file role treatment', async () => {
      assert.match(await oneLineError({ '.hdguard.yaml': 'fileRoles:\n  test: hide\n' }), /^hdguard: \.hdguard\.yaml:2: field 'fileRoles\.test' must be one of report, info, skip$/);
    });

    it('a bad severity override', async () => {
      const line = await oneLineError({ '.hdguard.yaml': 'rules:\n  severity:\n    transport.cleartext-url: critical\n' });
      assert.match(line, /\.hdguard\.yaml:3: field 'rules\.severity\.transport\.cleartext-url' must be one of error, warning, info/);
    });

    it('an unknown rule id', async () => {
      const line = await oneLineError({ '.hdguard.yaml': 'rules:\n  disable: [transport.no-such-rule]\n' });
      assert.match(line, /\.hdguard\.yaml(:\d+)?: .*unknown rule id 'transport\.no-such-rule'/);
    });

    it('YAML syntax errors', async () => {
      assert.match(await oneLineError({ '.hdguard.yaml': 'rules: [a\n' }), /\.hdguard\.yaml:\d+:\d+: invalid YAML/);
    });

    it('--config naming a file that does not exist', async () => {
      assert.match(await oneLineError({}, ['--config', 'missing.yaml']), /missing\.yaml: configuration file not found/);
    });

    it('--config naming an invalid file: the message names it as typed', async () => {
      assert.match(await oneLineError({ 'conf/bad.yaml': 'exclude: []\nbogus: 1\n' }, ['--config', 'conf/bad.yaml']), /^hdguard: conf\/bad\.yaml:2: field 'bogus'/);
    });

    it('--config naming a file elsewhere is used instead of the scanned folder one', async () => {
      const dir = trees.make({ 'api.js': CLEARTEXT(), '.hdguard.yaml': 'bogus: 1\n', 'conf/ok.yaml': 'rules:\n  disable: [transport.cleartext-url]\n' });
      const r = await runMain(['scan', '.', '--config', 'conf/ok.yaml'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /0 findings/);
    });
  });

  describe('what a configuration and workspace rules change', () => {
    it('a workspace rule adds to the built-in ones', async () => {
      const found = await findings({
        'api.js': `${CLEARTEXT()}const tag = TEST_MARKER_42;\n`,
        '.hdguard/rules/custom.yaml': rulePack('custom.marker'),
      });
      assert.deepEqual(found.map((f) => f.ruleId).sort(), ['custom.marker', 'transport.cleartext-url']);
    });

    it('a workspace rule with a built-in id replaces it', async () => {
      const found = await findings({
        'api.js': `${CLEARTEXT()}const tag = TEST_MARKER_42;\n`,
        '.hdguard/rules/override.yaml': rulePack('transport.cleartext-url', { severity: 'info' }),
      });
      assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity}`), ['transport.cleartext-url info']);
    });

    it('rules.disable turns a rule off', async () => {
      const found = await findings({ 'api.js': CLEARTEXT(), '.hdguard.yaml': 'rules:\n  disable: [transport.cleartext-url]\n' });
      assert.deepEqual(found, []);
    });

    it('rules.severity changes a rule severity', async () => {
      const found = await findings({ 'api.js': CLEARTEXT(), '.hdguard.yaml': 'rules:\n  severity:\n    transport.cleartext-url: error\n' });
      assert.deepEqual(found.map((f) => f.severity), ['error']);
    });

    it('exclude globs skip files', async () => {
      const found = await findings({ 'api.js': CLEARTEXT(), 'gen/api.js': CLEARTEXT(), '.hdguard.yaml': 'exclude: ["gen/**"]\n' });
      assert.deepEqual(found.map((f) => f.file), ['api.js']);
    });

    it('fileRoles weighs tests: info by default, as in production with report, not at all with skip', async () => {
      const tree = { 'api.js': CLEARTEXT(), 'test/api.test.js': CLEARTEXT() };
      const shown = (found: JsonFinding[]) => found.map((f) => `${f.file} ${f.severity}`);
      assert.deepEqual(shown(await findings(tree)), ['api.js warning', 'test/api.test.js info']);
      assert.deepEqual(shown(await findings({ ...tree, '.hdguard.yaml': 'fileRoles:\n  test: report\n' })), ['api.js warning', 'test/api.test.js warning']);
      assert.deepEqual(shown(await findings({ ...tree, '.hdguard.yaml': 'fileRoles:\n  test: skip\n' })), ['api.js warning']);
    });
  });
});
