import * as assert from 'node:assert/strict';
import { loadBuiltinRules } from '../src/engine';
import { analyzeExample, applyFixes } from './helpers';

/** A fix is only worth offering if, once applied, the rule no longer reports the place it fixed. */
describe('rule fixes', () => {
  const rules = loadBuiltinRules();
  let tests = 0;

  for (const rule of rules) {
    rule.examples.bad.forEach((ex, i) => {
      // A test only where the example offers a fix: the rule examples test that it is reported at all.
      const findings = analyzeExample(ex, [rule]);
      findings.forEach((f, j) => {
        if (!f.fix) return;
        tests++;
        it(`${rule.id} bad #${i + 1}, fix #${j + 1} (${f.fix.description}) removes its finding`, () => {
          const fixed = applyFixes(ex.code, [f]);
          assert.notEqual(fixed, ex.code, `${rule.id}: the fix changes nothing`);
          assert.ok(analyzeExample({ ...ex, code: fixed }, [rule]).length < findings.length, `${rule.id}: still reported after the fix:\n${fixed}`);
        });
      });
    });
  }

  it('covers the fixes of many rules', () => assert.ok(tests > 50, `${tests} fixes tested`));
});
