import * as assert from 'node:assert/strict';
import { loadBuiltinRules, type Finding, type TextEdit } from '../src/engine';
import { TextIndex } from '../src/engine/textIndex';
import { analyzeExample } from './helpers';

/** Applies edits (1-based positions) from last to first so earlier offsets stay valid. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new TextIndex(text);
  const offset = (p: { line: number; column: number }) => index.lineStart(p.line - 1) + p.column - 1;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

/** A fix is only worth offering if, once applied, the rule no longer reports the place it fixed. */
describe('rule fixes', () => {
  const rules = loadBuiltinRules();
  let fixesSeen = 0;

  for (const rule of rules) {
    rule.examples.bad.forEach((ex, i) => {
      it(`${rule.id} bad #${i + 1}: each fix removes its finding`, () => {
        const findings = analyzeExample(ex, [rule]).filter((f): f is Finding & { fix: NonNullable<Finding['fix']> } => Boolean(f.fix));
        const before = analyzeExample(ex, [rule]).length;
        for (const f of findings) {
          fixesSeen++;
          const fixed = applyEdits(ex.code, f.fix.edits);
          assert.notEqual(fixed, ex.code, `${rule.id}: the fix changes nothing`);
          assert.ok(analyzeExample({ ...ex, code: fixed }, [rule]).length < before, `${rule.id}: still reported after the fix:\n${fixed}`);
        }
      });
    });
  }

  after(() => assert.ok(fixesSeen > 0, 'no rule example exercised a fix'));
});
