import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltinRules } from '../src/engine';
import { formatRuleDocs } from '../src/report/ruleText';
import { REPO_ROOT } from './helpers';

describe('rule docs', () => {
  it('docs/rules.md is generated from the current packs (run `npm run docs` after changing a rule)', () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
    assert.equal(committed, formatRuleDocs(loadBuiltinRules()));
  });

  it('documents every rule with its description and examples', () => {
    const doc = formatRuleDocs(loadBuiltinRules());
    for (const rule of loadBuiltinRules()) {
      assert.ok(doc.includes(`## ${rule.id}\n`), rule.id);
      assert.ok(doc.includes(rule.description.trim()), `${rule.id} description`);
    }
  });
});
