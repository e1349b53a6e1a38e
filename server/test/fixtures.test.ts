import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../src/engine';
import { FIXTURES, runCli } from './helpers';

/** One finding as a file in test-fixtures/expected/ states it. */
interface Expected {
  rule: string;
  file: string;
  line: number;
  /** When given, the finding's severity too (a finding listed at info in a test file, kept as error when strong). */
  severity?: string;
}

const key = (e: Expected) => `${e.rule} ${e.file}:${e.line}`;

function compare(a: Expected, b: Expected): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}

/** Entries of `from` not matched one for one in `other` (a multiset difference, in order). */
function minus(from: Expected[], other: Expected[]): Expected[] {
  const left = new Map<string, number>();
  for (const e of other) left.set(key(e), (left.get(key(e)) ?? 0) + 1);
  return from.filter((e) => {
    const n = left.get(key(e)) ?? 0;
    if (n > 0) left.set(key(e), n - 1);
    return n === 0;
  });
}

/** The realistic sample repositories under test-fixtures: every true problem reported, every trap silent. */
describe('fixtures', () => {
  const dir = path.join(FIXTURES, 'expected');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const byFile = new Map(files.map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Expected[]]));
  const expected = [...byFile.values()].flat().sort(compare);

  for (const [file, list] of byFile) {
    it(`expected/${file} is sorted by file, line and rule`, () => {
      assert.deepEqual(list.map(key), [...list].sort(compare).map(key));
    });
  }

  it('scanning test-fixtures reports exactly the expected findings', () => {
    const run = runCli(['scan', 'test-fixtures', '--format', 'json', '--fail-on', 'never']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: Finding[]; skipped: unknown[] };
    assert.deepEqual(report.skipped, [], 'a fixture file was skipped');
    // realistic/ is scored by precision and recall (realistic.test.ts), not line for line.
    const actual = report.findings
      .filter((f) => !f.file.startsWith('realistic/'))
      .map((f): Expected => ({ rule: f.ruleId, file: f.file, line: f.range.start.line, severity: f.severity }))
      .sort(compare);
    const severities = new Map(actual.map((a) => [key(a), a.severity]));
    const diff = [
      ...minus(expected, actual).map((e) => `missing:    ${key(e)}`),
      ...minus(actual, expected).map((e) => `unexpected: ${key(e)}`),
      ...expected
        .filter((e) => e.severity && severities.has(key(e)) && severities.get(key(e)) !== e.severity)
        .map((e) => `severity:   ${key(e)} is ${severities.get(key(e))}, expected ${e.severity}`),
    ];
    if (diff.length) assert.fail(`findings differ from test-fixtures/expected/*.json:\n  ${diff.join('\n  ')}\n`);
  });
});
