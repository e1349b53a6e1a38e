import * as assert from 'node:assert/strict';
import { runCli } from './helpers';
import { CLEARTEXT, rulePack, treeFactory } from './trees';

describe('JSON and HTML reports', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  it('JSON has the documented shape: tool, root, summary, findings, skipped, stats', () => {
    const dir = trees.make({ 'api.js': CLEARTEXT(), 'logo.png': 'x' });
    const r = runCli(['scan', '.', '-f', 'json'], dir);
    assert.equal(r.status, 1);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(report), ['tool', 'root', 'summary', 'findings', 'skipped', 'stats']);
    assert.equal(report.tool.name, 'hdguard');
    assert.match(report.tool.version, /^\d+\.\d+\.\d+/);
    assert.equal(report.root, '.');
    assert.equal(report.summary.total, 1);
    assert.equal(report.summary.files, 1);
    assert.equal(report.summary.byCategory['insecure-transport'].warning, 1);
    assert.equal(report.summary.byCategory['patient-data'].error, 0);
    const [f] = report.findings;
    assert.equal(f.ruleId, 'transport.cleartext-url');
    assert.equal(f.category, 'insecure-transport');
    assert.equal(f.severity, 'warning');
    assert.equal(f.file, 'api.js');
    assert.deepEqual(f.range, { start: { line: 1, column: 8 }, end: { line: 1, column: 56 } });
    assert.equal(typeof f.message, 'string');
    assert.equal(f.evidence, 'http://records.stmarys-hospital.org/api/patients');
    assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
    assert.deepEqual(report.skipped, [{ file: 'logo.png', reason: 'binary', detail: 'binary file type' }]);
    assert.deepEqual(Object.keys(report.stats).sort(), ['bytesScanned', 'durationMs', 'filesScanned', 'lossyDecoded']);
    assert.equal(report.stats.filesScanned, 1);
  });

  describe('HTML', () => {
    let html: string;
    before(() => {
      const dir = trees.make({
        '<b>x.js': CLEARTEXT(),
        'page.js': 'const tag = "<script>alert(1)</script>";\n',
        '.hdguard/rules/custom.yaml': rulePack('custom.script-tag', { regex: '<script>[^"]*' }),
      });
      const r = runCli(['scan', '.', '-f', 'html'], dir);
      assert.equal(r.status, 1, r.stderr);
      html = r.stdout;
    });

    it('is one self-contained document', () => {
      assert.match(html, /^<!doctype html>/i);
      assert.match(html, /<\/html>\s*$/);
      assert.doesNotMatch(html, /<script\b/i);
      assert.doesNotMatch(html, /<link\b/i);
      assert.doesNotMatch(html, /\bsrc=|@import|url\(/i);
    });

    it('lists both findings with file, position and rule', () => {
      assert.match(html, /&lt;b&gt;x\.js \(1\)/);
      assert.match(html, /page\.js \(1\)/);
      assert.match(html, /<code>custom\.script-tag<\/code>/);
      assert.match(html, /<code>transport\.cleartext-url<\/code>/);
    });

    it('escapes file names and evidence', () => {
      assert.doesNotMatch(html, /<b>x\.js/);
      assert.match(html, /<code>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/code>/);
    });
  });
});
