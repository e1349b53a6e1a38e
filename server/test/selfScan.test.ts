import * as assert from 'node:assert/strict';
import type { Finding } from '../src/engine';
import { runCli } from './helpers';

/** This repository's own sources (less the deliberate examples that .hdguardignore names) hold nothing to report. */
describe('self-scan', () => {
  it('scanning this repository reports no finding', () => {
    const run = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: Finding[]; stats: { filesScanned: number } };
    assert.ok(report.stats.filesScanned > 50, `only ${report.stats.filesScanned} files scanned`);
    assert.deepEqual(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.range.start.line}`), []);
  });
});
