import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { createRequire } from 'node:module';

/**
 * Large bundles loaded with a V8 code cache. The build runs such a bundle (the TypeScript compiler) and stores
 * what V8 compiled for it beside it; a thread that loads it later with the same V8 deserialises that instead of
 * parsing 9 MB of JavaScript again (about 180 → 75 ms, in every worker that meets a JS/TS file). Another V8
 * (VS Code's, another Node) finds no cache of its version and loads the bundle as require() does.
 */

/** Where the code cache of a bundle for this Node's V8 is kept: the bundle's digest, then V8's data. */
export function codeCacheFile(bundle: string): string {
  return `${bundle}.v8-${process.versions.v8}.cache`;
}

const DIGEST_BYTES = 20;
// V8 checks a cache against its source's length only: the digest keeps a cache from another bundle unused.
const digestOf = (bytes: Buffer) => createHash('sha1').update(bytes).digest();

/** A bundle compiled as Node compiles a CommonJS module (without its `#!` line), with a code cache if given. */
export function compileBundle(bundle: string, cachedData?: Buffer, bytes = fs.readFileSync(bundle)): vm.Script {
  const source = bytes.toString('utf8').replace(/^#!.*/, '');
  return new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
}

/** Runs a compiled bundle as a module, and gives its exports. */
export function runBundle(script: vm.Script, bundle: string): unknown {
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  run(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return module.exports;
}

/** Stores what V8 compiled for a bundle (best after running it: the functions it ran are then in too). */
export function storeCodeCache(bundle: string, script: vm.Script): void {
  fs.writeFileSync(codeCacheFile(bundle), Buffer.concat([digestOf(fs.readFileSync(bundle)), script.createCachedData()]));
}

/** The stored code cache of a bundle as it is now, if there is one for this V8. */
export function storedCodeCache(bundle: string, bytes = fs.readFileSync(bundle)): Buffer | undefined {
  let stored: Buffer;
  try {
    stored = fs.readFileSync(codeCacheFile(bundle));
  } catch {
    return undefined;
  }
  return stored.subarray(0, DIGEST_BYTES).equals(digestOf(bytes)) ? stored.subarray(DIGEST_BYTES) : undefined;
}

/** Loads a bundle, with its code cache when one was stored for it and this V8 (one V8 rejects is only unused). */
export function loadBundle(bundle: string): unknown {
  const bytes = fs.existsSync(codeCacheFile(bundle)) ? fs.readFileSync(bundle) : undefined;
  const cache = bytes && storedCodeCache(bundle, bytes);
  return cache ? runBundle(compileBundle(bundle, cache, bytes), bundle) : require(bundle);
}
