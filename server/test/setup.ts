import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { prepareEngine } from '../src/engine';

// The scan cache of every scan the tests run (in this process and in the CLIs and servers they start) goes to
// one temporary folder, removed at the end.
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdguard-test-cache-'));
process.env.HDGUARD_CACHE_DIR = cacheDir;

/** Mocha root hooks: the engine's parsers are loaded once before any test analyses a file. */
export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await prepareEngine();
  },
  afterAll(): void {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  },
};
