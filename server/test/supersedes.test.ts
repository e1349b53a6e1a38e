import * as assert from 'node:assert/strict';
import type { LoadedRule } from '../src/engine';
import { analyzeSnippet } from './helpers';

function rule(id: string, regex: string, supersedes?: string[]): LoadedRule {
  return {
    id,
    category: 'patient-data',
    severity: 'error',
    title: id,
    message: id,
    description: id,
    references: { cwe: [359] },
    patterns: [{ regex }],
    supersedes,
    examples: { bad: [], good: [] },
    source: 'test',
  };
}

describe('supersedes', () => {
  const generic = rule('t.generic', '\\d{3}-\\d{2}-\\d{4}');
  const structured = rule('t.structured', '"ssn": "[^"]*"', ['t.generic']);

  it('drops a generic finding that overlaps a finding of a rule superseding it', () => {
    const ids = analyzeSnippet('a.json', '{"ssn": "536-22-1234"}\n', [generic, structured]).map((f) => f.ruleId);
    assert.deepEqual(ids, ['t.structured']);
  });

  it('keeps the generic finding where nothing overlaps it', () => {
    const ids = analyzeSnippet('a.json', '{"ssn": "x"}\n["536-22-1234"]\n', [generic, structured]).map((f) => f.ruleId).sort();
    assert.deepEqual(ids, ['t.generic', 't.structured']);
  });
});
