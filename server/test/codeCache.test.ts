import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeCacheFile, compileBundle, loadBundle, runBundle, storeCodeCache, storedCodeCache } from '../src/codeCache';

describe('bundles loaded with a V8 code cache', () => {
  let dir: string;
  let bundle: string;
  const write = (answer: number) => fs.writeFileSync(bundle, `#!/usr/bin/env node\nconst { join } = require('node:path');\nmodule.exports = { answer: ${answer}, where: join(__dirname, 'x'), double: (n) => n * 2 };\n`);
  /** Compiles and runs the bundle as the build does, and stores its cache. */
  const storeCache = () => {
    const script = compileBundle(bundle);
    runBundle(script, bundle);
    storeCodeCache(bundle, script);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdguard-code-cache-'));
    bundle = path.join(dir, 'lib.js');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a bundle as a CommonJS module, with its cache (which V8 accepts)', () => {
    write(42);
    storeCache();
    assert.equal(compileBundle(bundle, storedCodeCache(bundle)).cachedDataRejected, false);
    const lib = loadBundle(bundle) as { answer: number; where: string; double: (n: number) => number };
    assert.equal(lib.answer, 42);
    assert.equal(lib.where, path.join(dir, 'x'));
    assert.equal(lib.double(21), 42);
  });

  it('loads a bundle without a cache as require() does', () => {
    write(7);
    assert.equal((loadBundle(bundle) as { answer: number }).answer, 7);
  });

  it('a cache left from an older bundle of the same length is not used: the bundle as it is now is loaded', () => {
    write(1);
    storeCache();
    write(2);
    // V8 itself would take it (it checks the length only), and run the old bundle's code.
    assert.equal(compileBundle(bundle, fs.readFileSync(codeCacheFile(bundle)).subarray(20)).cachedDataRejected, false);
    assert.equal(storedCodeCache(bundle), undefined);
    assert.equal((loadBundle(bundle) as { answer: number }).answer, 2);
  });

  it('a damaged cache is not used either', () => {
    write(3);
    fs.writeFileSync(codeCacheFile(bundle), Buffer.from('not a code cache, nor a digest'));
    assert.equal((loadBundle(bundle) as { answer: number }).answer, 3);
  });
});
