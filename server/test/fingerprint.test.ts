import * as assert from 'node:assert/strict';
import { loadBuiltinRules, type Finding } from '../src/engine';
import { analyzeSnippet } from './helpers';
import { CLEARTEXT } from './trees';

describe('fingerprints', () => {
  const rules = loadBuiltinRules();
  const analyze = (file: string, code: string): Finding[] => {
    const found = analyzeSnippet(file, code, rules);
    assert.ok(found.length > 0, `nothing found in ${file}`);
    return found;
  };

  it('survive lines inserted above and indentation changes', () => {
    const [before] = analyze('api.js', CLEARTEXT());
    const [after] = analyze('api.js', `// header\nimport x from 'y';\n\nfunction f() {\n    ${CLEARTEXT()}}\n`);
    assert.equal(after.range.start.line, 5);
    assert.equal(after.fingerprint, before.fingerprint);
  });

  it('two identical findings in one file differ, and keep their order-based identity', () => {
    const twice = analyze('api.js', `${CLEARTEXT()}${CLEARTEXT()}`);
    assert.equal(twice.length, 2);
    assert.notEqual(twice[0].fingerprint, twice[1].fingerprint);
    const moved = analyze('api.js', `\n\n${CLEARTEXT()}\n${CLEARTEXT()}`);
    assert.deepEqual(moved.map((f) => f.fingerprint), twice.map((f) => f.fingerprint));
  });

  it('the same finding in different files differs', () => {
    const [a] = analyze('a.js', CLEARTEXT());
    const [b] = analyze('b.js', CLEARTEXT());
    assert.notEqual(a.fingerprint, b.fingerprint);
  });

  it('a different finding on the same line differs', () => {
    const [a] = analyze('api.js', CLEARTEXT('one.hospital.org'));
    const [b] = analyze('api.js', CLEARTEXT('two.hospital.org'));
    assert.notEqual(a.fingerprint, b.fingerprint);
  });
});
