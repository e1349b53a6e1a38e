import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeNameDictionaries, NAME_DICTIONARIES_FILE } from '../src/engine/people/names';
import { builtinRulesSnapshot, BUILTIN_RULES_FILE, loadRuleDir } from '../src/engine/ruleLoader';
import { builtinRulesDir } from '../src/engine/paths';
import { REPO_ROOT } from './helpers';

const DIST = path.join(REPO_ROOT, 'server', 'dist');

describe('data the build precomputes beside the bundles', () => {
  it('the name dictionaries are faker’s, as the engine computes them without the file', () => {
    const stored = JSON.parse(fs.readFileSync(path.join(DIST, NAME_DICTIONARIES_FILE), 'utf8'));
    assert.deepEqual(stored, computeNameDictionaries());
  });

  it('the built-in rules survive being stored as JSON unchanged', () => {
    const snapshot = builtinRulesSnapshot();
    assert.deepEqual(JSON.parse(JSON.stringify(snapshot)).rules, loadRuleDir(builtinRulesDir(), 'rules', { redosCheck: false }));
  });

  it('the stored built-in rules are used only for the packs they were read from', () => {
    const stored = JSON.parse(fs.readFileSync(path.join(DIST, BUILTIN_RULES_FILE), 'utf8'));
    const now = builtinRulesSnapshot();
    // A pack edited since the build gives another digest (the engine then reads the YAML); the same packs, the same rules.
    if (stored.digest === now.digest) assert.deepEqual(stored.rules, JSON.parse(JSON.stringify(now.rules)));
  });
});
