import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeNameDictionaries, NAME_DICTIONARIES_FILE } from '../src/engine/people/names';
import { builtinRulesSnapshot, BUILTIN_RULES_FILE, loadRuleDir } from '../src/engine/ruleLoader';
import { builtinRulesDir } from '../src/engine/paths';
import { REGEX_LITERALS_FILE, requiredLiterals } from '../src/engine/regexLiterals';
import { storedCodeCache } from '../src/codeCache';
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

  it('the stored literals of the built-in rules’ regexes are those the engine finds without the file', () => {
    const stored = JSON.parse(fs.readFileSync(path.join(DIST, REGEX_LITERALS_FILE), 'utf8')) as Record<string, string[] | null>;
    assert.ok(Object.keys(stored).length > 100, `${Object.keys(stored).length} regexes`);
    for (const [key, literals] of Object.entries(stored)) {
      const slash = key.indexOf('/');
      assert.deepEqual(requiredLiterals(key.slice(slash + 1), key.slice(0, slash)) ?? null, literals, key);
    }
  });

  for (const file of ['typescript.js', 'analysis.js']) {
    it(`the code cache of ${file} is one this Node accepts under the settings of hdguard’s command line`, () => {
      const bundle = path.join(DIST, file);
      assert.ok(storedCodeCache(bundle), 'a code cache for this bundle and this V8');
      // V8 takes a cache only under the settings it was made with: a fresh process with the command line's.
      const rejected = (tuned: boolean) => {
        const script = `
          ${tuned ? `require(${JSON.stringify(require.resolve('../src/v8Tuning'))}).tuneV8ForOneShotRun();` : ''}
          const { compileBundle, storedCodeCache } = require(${JSON.stringify(require.resolve('../src/codeCache'))});
          process.stdout.write(String(compileBundle(${JSON.stringify(bundle)}, storedCodeCache(${JSON.stringify(bundle)})).cachedDataRejected));`;
        const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
        assert.equal(run.status, 0, run.stderr);
        return run.stdout;
      };
      assert.equal(rejected(true), 'false');
      // The test can tell: V8's default settings are not the command line's.
      assert.equal(rejected(false), 'true');
    });
  }

  it('the stored built-in rules are used only for the packs they were read from', () => {
    const stored = JSON.parse(fs.readFileSync(path.join(DIST, BUILTIN_RULES_FILE), 'utf8'));
    const now = builtinRulesSnapshot();
    // A pack edited since the build gives another digest (the engine then reads the YAML); the same packs, the same rules.
    if (stored.digest === now.digest) assert.deepEqual(stored.rules, JSON.parse(JSON.stringify(now.rules)));
  });
});
