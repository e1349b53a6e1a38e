import * as assert from 'node:assert/strict';
import { loadBuiltinRules } from '../src/engine';
import { detectorNames } from '../src/engine/detectors';
import { DETECTOR_NAMES } from '../src/engine/detectors/names';
import { analyzeExample } from './helpers';

/** Every rule's own good and bad examples are its first tests. */
describe('rule examples', () => {
  const rules = loadBuiltinRules();

  it('loads the built-in packs', () => {
    assert.ok(rules.length > 0);
  });

  it('the rule loader knows every registered detector by name, and only those', () => {
    assert.deepEqual([...DETECTOR_NAMES].sort(), detectorNames().sort());
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('has bad and good examples', () => {
        assert.ok(rule.examples.bad.length > 0, 'no bad example');
        assert.ok(rule.examples.good.length > 0, 'no good example');
      });
      rule.examples.bad.forEach((ex, i) => {
        it(`bad #${i + 1} (${ex.file ?? ex.language}) is reported`, () => {
          const ids = analyzeExample(ex, [rule]).map((f) => f.ruleId);
          assert.ok(ids.includes(rule.id), `expected ${rule.id} on:\n${ex.code}`);
        });
      });
      rule.examples.good.forEach((ex, i) => {
        it(`good #${i + 1} (${ex.file ?? ex.language}) is not reported`, () => {
          const found = analyzeExample(ex, [rule]).filter((f) => f.ruleId === rule.id);
          assert.deepEqual(found.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.evidence}`), [], `unexpected ${rule.id} on:\n${ex.code}`);
        });
      });
    });
  }
});
