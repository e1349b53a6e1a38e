import * as assert from 'node:assert/strict';
import dgram = require('node:dgram');
import dns = require('node:dns');
import http = require('node:http');
import http2 = require('node:http2');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');
import { FIXTURES } from './helpers';
import { initRepo } from './gitRepo';
import { CLEARTEXT, rulePack, runMain, treeFactory } from './trees';

// `import x = require()` gives the modules themselves, whose functions can be replaced (a namespace import has getters).
type Patchable = Record<string, unknown>;

/** Replaces every way Node opens a connection or resolves a name with a stub that records the attempt and throws. */
function stubNetwork(attempts: string[]): () => void {
  const restore: Array<() => void> = [];
  const stub = (owner: Patchable, name: string, label: string) => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    owner[name] = (...args: unknown[]) => {
      attempts.push(`${label}(${String(args[0]).slice(0, 80)})`);
      throw new Error(`network use in a test: ${label}`);
    };
    restore.push(() => (owner[name] = original));
  };
  for (const name of ['connect', 'createConnection']) stub(net as unknown as Patchable, name, `net.${name}`);
  stub(net.Socket.prototype as unknown as Patchable, 'connect', 'net.Socket.connect');
  for (const name of ['request', 'get']) {
    stub(http as unknown as Patchable, name, `http.${name}`);
    stub(https as unknown as Patchable, name, `https.${name}`);
  }
  stub(tls as unknown as Patchable, 'connect', 'tls.connect');
  stub(http2 as unknown as Patchable, 'connect', 'http2.connect');
  stub(dgram as unknown as Patchable, 'createSocket', 'dgram.createSocket');
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) {
    stub(dns as unknown as Patchable, name, `dns.${name}`);
    stub(dns.promises as unknown as Patchable, name, `dns.promises.${name}`);
  }
  stub(globalThis as unknown as Patchable, 'fetch', 'fetch');
  return () => restore.forEach((r) => r());
}

describe('no network: the CLI makes no connection and sends no telemetry', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  it('the stubs catch a connection attempt (the test can fail)', () => {
    const attempts: string[] = [];
    const restore = stubNetwork(attempts);
    try {
      assert.throws(() => http.get('http://example.org/'));
      assert.throws(() => net.connect(80, 'example.org'));
      assert.throws(() => dns.lookup('example.org', () => undefined));
    } finally {
      restore();
    }
    assert.equal(attempts.length, 3);
  });

  it('scan (every format), baseline, fix, init and rules, over the fixtures and a repository with workspace rules', async () => {
    const repo = initRepo(trees.make({ 'api.js': CLEARTEXT(), '.hdguard/rules/custom.yaml': rulePack('custom.marker'), 'a.js': 'x = TEST_MARKER_7\n' }));
    const attempts: string[] = [];
    const restore = stubNetwork(attempts);
    try {
      for (const format of ['text', 'json', 'sarif', 'html']) {
        assert.equal(runMain(['scan', FIXTURES, '-f', format, '--fail-on', 'never'], repo).status, 0);
      }
      for (const args of [['baseline'], ['scan', '--baseline', '.hdguard-baseline.json', '--changed-since', 'HEAD'], ['fix'], ['init'], ['rules']]) {
        const r = runMain(args, repo);
        assert.ok(r.status !== 2, `${args.join(' ')}: ${r.stderr}`);
      }
      // Anything asynchronous a command might have started gets its chance to run.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      restore();
    }
    assert.deepEqual(attempts, []);
  });
});
