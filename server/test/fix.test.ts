import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, planEdits } from '../src/cli/edits';
import { maskValue } from '../src/engine';
import { runCli } from './helpers';
import { git, initRepo } from './gitRepo';
import { CLEARTEXT, treeFactory } from './trees';

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, column: c1 }, end: { line: l2, column: c2 } });

describe('hdguard fix', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  describe('edits', () => {
    it('apply from last to first with 1-based positions, across lines and CRLF', () => {
      const text = 'ab\r\ncdef\nghi';
      const { edits, skipped } = planEdits(text, [
        [{ range: range(1, 1, 1, 2), newText: 'A' }],
        [{ range: range(2, 2, 3, 2), newText: '-' }],
        [{ range: range(3, 4, 3, 4), newText: '!' }],
      ]);
      assert.equal(skipped, 0);
      assert.equal(applyEdits(text, edits), 'Ab\r\nc-hi!');
    });

    it('skip a fix overlapping one before it, count a repeated one once, drop one outside the text', () => {
      const { edits, skipped } = planEdits('0123456789', [
        [{ range: range(1, 3, 1, 6), newText: 'x' }],
        [{ range: range(1, 5, 1, 8), newText: 'y' }],
        [{ range: range(1, 3, 1, 6), newText: 'x' }],
        [{ range: range(4, 1, 4, 2), newText: 'z' }],
      ]);
      assert.deepEqual(edits, [{ start: 2, end: 5, newText: 'x' }]);
      assert.equal(skipped, 2);
    });

    it('a fix of several edits is applied whole or not at all', () => {
      const { edits, skipped } = planEdits('0123456789', [
        [{ range: range(1, 1, 1, 2), newText: 'a' }, { range: range(1, 9, 1, 10), newText: 'b' }],
        [{ range: range(1, 4, 1, 5), newText: 'c' }, { range: range(1, 9, 1, 11), newText: 'd' }],
        [{ range: range(1, 4, 1, 5), newText: 'e' }],
      ]);
      assert.equal(skipped, 1);
      assert.equal(applyEdits('0123456789', edits), 'a12e4567b9');
    });
  });

  describe('end to end in a git repository', () => {
    const api = `const a = 1;\n${CLEARTEXT()}https.request({ rejectUnauthorized: false });\n`;
    const secret = "upload('ftp://exporter:S3cretPass@exports.clinic-partner.net/daily');\n";
    let repo: string;
    beforeEach(() => {
      repo = initRepo(trees.make({ 'src/api.js': api, 'src/export.js': secret, 'latin1.js': Buffer.concat([Buffer.from('// caf\xe9\n', 'latin1'), Buffer.from(CLEARTEXT())]) }));
    });

    it('a dry run by default: prints a summary and a masked preview, changes nothing', () => {
      const r = runCli(['fix'], repo);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^src\/api\.js: 2 fixes: transport\.cleartext-url, transport\.tls-verification-disabled$/m);
      assert.match(r.stdout, /^-fetch\('http:\/\/records/m);
      assert.match(r.stdout, /^\+fetch\('https:\/\/records/m);
      assert.match(r.stdout, /^\+https\.request\(\{ rejectUnauthorized: true \}\);$/m);
      assert.match(r.stdout, /^latin1\.js: not fixed: not UTF-8 text$/m);
      assert.match(r.stdout, /dry run: nothing written; --write applies them/);
      assert.ok(!r.stdout.includes('S3cretPass'), 'the preview leaks a password');
      assert.match(r.stdout, new RegExp(`^\\+upload\\('sftp://exporter:${maskValue('S3cretPass').replace(/\*/g, '\\*')}@`, 'm'));
      assert.equal(git(repo, 'status', '--porcelain'), '');
    });

    it('--write applies the fixes; the next scan finds nothing to fix there', () => {
      const r = runCli(['fix', '--write'], repo);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Applied \d+ fixes in 2 files/);
      assert.equal(
        fs.readFileSync(path.join(repo, 'src/api.js'), 'utf8'),
        api.replace('http://', 'https://').replace('rejectUnauthorized: false', 'rejectUnauthorized: true'),
      );
      assert.deepEqual(git(repo, 'status', '--porcelain').split('\n').filter(Boolean).map((l) => l.trim()).sort(), ['M src/api.js', 'M src/export.js']);
      const again = runCli(['fix', 'src/api.js'], repo);
      assert.match(again.stdout, /^0 fixes in 0 files/m);
    });

    it('--rule applies only that rule\'s fixes; an unknown rule is an error', () => {
      runCli(['fix', '--write', '--rule', 'transport.tls-verification-disabled'], repo);
      const text = fs.readFileSync(path.join(repo, 'src/api.js'), 'utf8');
      assert.ok(text.includes('http://') && text.includes('rejectUnauthorized: true'));
      const bad = runCli(['fix', '--rule', 'no.such.rule'], repo);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--rule: unknown rule id 'no\.such\.rule'/);
    });

    it('keeps a UTF-8 byte-order mark', () => {
      fs.writeFileSync(path.join(repo, 'bom.js'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEARTEXT())]));
      runCli(['fix', 'bom.js', '--write'], repo);
      const bytes = fs.readFileSync(path.join(repo, 'bom.js'));
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.ok(bytes.subarray(3).toString('utf8').includes("fetch('https://"));
    });
  });
});
