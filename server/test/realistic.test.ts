import * as assert from 'node:assert/strict';
import { scoreRealistic } from './realisticScore';

/** The bar of the held-out realistic corpus, on the project's own realistic fixtures (bench:recall prints them). */
const MIN_RECALL = 0.85;
const MIN_PRECISION = 0.95;

describe('realistic health code (test-fixtures/realistic)', function () {
  this.timeout(120_000);
  const score = scoreRealistic();

  for (const c of score.byCategory) {
    it(`${c.category}: recall ≥ ${MIN_RECALL} and precision ≥ ${MIN_PRECISION} (${c.found}/${c.labelled} found, ${c.falseAlarms} false alarms)`, () => {
      assert.ok(c.labelled >= 10, `only ${c.labelled} labelled problems: too few to measure`);
      const misses = score.misses.filter((m) => m.category === c.category).map((m) => `missed ${m.rule} ${m.file}:${m.line}${m.why ? ` (${m.why})` : ''}`);
      const alarms = score.falseAlarms.filter((f) => f.category === c.category).map((f) => `false alarm ${f.rule} ${f.file}:${f.line}`);
      assert.ok(c.recall >= MIN_RECALL, `recall ${c.recall.toFixed(2)}:\n  ${misses.join('\n  ')}`);
      assert.ok(c.precision >= MIN_PRECISION, `precision ${c.precision.toFixed(2)}:\n  ${alarms.join('\n  ')}`);
    });
  }
});
