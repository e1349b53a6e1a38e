import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import dns = require('node:dns');
import http = require('node:http');
import net = require('node:net');
import { FIXTURES } from './helpers';
import { initRepo } from './gitRepo';
import { TestClient } from './lspClient';
import { stubNetwork } from './networkStub';
import { CLEARTEXT, rulePack, runMain, treeFactory } from './trees';

describe('no network: the CLI makes no connection and sends no telemetry', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  it('the stubs catch a connection attempt (the test can fail)', () => {
    const attempts: string[] = [];
    const restore = stubNetwork((a) => attempts.push(a));
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
    const restore = stubNetwork((a) => attempts.push(a));
    try {
      for (const format of ['text', 'json', 'sarif', 'html']) {
        assert.equal((await runMain(['scan', FIXTURES, '-f', format, '--fail-on', 'never'], repo)).status, 0);
      }
      for (const args of [['baseline'], ['scan', '--baseline', '.hdguard-baseline.json', '--changed-since', 'HEAD'], ['fix'], ['init'], ['rules']]) {
        const r = await runMain(args, repo);
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

describe('no network: the language server makes no connection and sends no telemetry', function () {
  this.timeout(30_000);
  const trees = treeFactory();
  after(trees.cleanup);
  const preload = path.join(__dirname, 'networkPreload.js');
  const recordIn = (dir: string) => path.join(dir, 'network-attempts.txt');
  const attemptsIn = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

  it('the preload stubs the network of a child process and records attempts (the test can fail)', () => {
    const record = recordIn(trees.make({}));
    const r = spawnSync(process.execPath, ['--require', preload, '-e', "for (const f of [() => require('http').get('http://example.org/'), () => fetch('https://example.org/'), () => require('dns').lookup('example.org', () => {})]) try { f(); } catch {}"], {
      env: { ...process.env, HDGUARD_NETWORK_RECORD: record },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(attemptsIn(record).map((a) => a.split('(')[0]), ['http.get', 'fetch', 'dns.lookup']);
  });

  it('open, diagnostics, hover, code actions, the audit and its exports, with workspace rules', async () => {
    const root = initRepo(trees.make({ 'api.js': CLEARTEXT(), 'A.java': 'class A {\n  void f(Patient p) {\n    p.setSsn("536-96-6187");\n  }\n}\n', '.hdguard/rules/custom.yaml': rulePack('custom.marker'), 'a.js': 'x = TEST_MARKER_7\n' }));
    const record = recordIn(trees.make({}));
    const client = new TestClient({ root, execArgv: ['--require', preload], env: { ...process.env, HDGUARD_NETWORK_RECORD: record }, trace: 'verbose' });
    try {
      await client.initialize();
      let diagnostics = 0;
      for (const [rel, languageId] of [['api.js', 'javascript'], ['A.java', 'java'], ['a.js', 'javascript']]) {
        const uri = await client.open(rel, fs.readFileSync(path.join(root, rel), 'utf8'), languageId);
        for (const d of await client.diagnostics(uri)) {
          diagnostics++;
          assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position: d.range.start }));
          await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        }
      }
      assert.ok(diagnostics >= 3, `only ${diagnostics} diagnostics`);
      const summary = await client.request<{ total: number }>('workspace/executeCommand', { command: 'hdguard.server.auditWorkspace', arguments: [] });
      assert.ok(summary.total >= 3);
      for (const format of ['sarif', 'html', 'markdown']) await client.request('workspace/executeCommand', { command: 'hdguard.server.exportReport', arguments: [format] });
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(client.server.exitCode, null, `the server exited: ${client.logs.join('\n')}`);
    } finally {
      await client.close();
    }
    assert.deepEqual(attemptsIn(record), []);
  });
});
