import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO_ROOT, writeTree } from './helpers';

interface PublishedDiagnostics {
  uri: string;
  diagnostics: Array<{ code: string; source: string; message: string; range: { start: { line: number; character: number } } }>;
}

/** The built language server over --stdio, as Neovim or any other editor starts it. */
describe('language server (--stdio)', () => {
  let server: ChildProcess;
  let connection: MessageConnection;
  const published: PublishedDiagnostics[] = [];
  const root = writeTree({ 'placeholder.txt': '' });

  before(async () => {
    server = spawn(process.execPath, [path.join(REPO_ROOT, 'server', 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      published.push(p);
    });
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: null });
    await connection.sendNotification('initialized', {});
  });

  after(() => {
    connection?.dispose();
    server?.kill();
  });

  async function diagnosticsFor(uri: string, timeoutMs = 10_000): Promise<PublishedDiagnostics> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = published.filter((p) => p.uri === uri).pop();
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`);
  }

  it('publishes a masked diagnostic with the rule id as code when a document opens', async () => {
    const uri = pathToFileURL(path.join(root, 'client.js')).href;
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'javascript', version: 1, text: "\nfetch('ftp://lab:Sup3rSecret@exports.partner-lab.com/results');\n" },
    });
    const { diagnostics } = await diagnosticsFor(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'transport.cleartext-url');
    assert.equal(diagnostics[0].source, 'Health Data Guard');
    assert.deepEqual(diagnostics[0].range.start, { line: 1, character: 7 });
    assert.ok(!JSON.stringify(diagnostics).includes('Sup3rSecret'));
  });

  it('clears the diagnostics when the problem is fixed', async () => {
    const uri = pathToFileURL(path.join(root, 'fixed.py')).href;
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'python', version: 1, text: 'requests.get("https://x.org", verify=False)\n' },
    });
    assert.equal((await diagnosticsFor(uri)).diagnostics.length, 1);
    published.length = 0;
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: 'requests.get("https://x.org")\n' }],
    });
    assert.equal((await diagnosticsFor(uri)).diagnostics.length, 0);
  });
});

describe('language server bundle', () => {
  it('leaves the analysis (parsers, the TypeScript compiler, faker) to analysis.js and the worker', () => {
    const dist = path.join(REPO_ROOT, 'server', 'dist');
    const server = fs.readFileSync(path.join(dist, 'server.js'), 'utf8');
    const analysis = fs.readFileSync(path.join(dist, 'analysis.js'), 'utf8');
    // The TypeScript compiler and faker are bundles of their own, which the analysis loads when it needs them.
    const apart = { createSourceFile: 'typescript.js', faker: 'faker.js' } as Record<string, string>;
    for (const marker of ['createSourceFile', 'function treeFlows', 'faker']) {
      const holder = apart[marker] ?? 'analysis.js';
      assert.ok(fs.readFileSync(path.join(dist, holder), 'utf8').includes(marker), `${holder} holds ${marker}`);
      assert.ok(!server.includes(marker), `server.js does not hold ${marker}`);
    }
    // (the TypeScript compiler, and the analysis itself, with their code caches: codeCache.ts)
    const loads = { 'typescript.js': 'loadBundle(require("node:path").join(__dirname, "typescript.js"))', 'faker.js': 'require("./faker.js")' } as Record<string, string>;
    for (const file of Object.values(apart)) assert.ok(analysis.includes(loads[file]), `analysis.js loads ${file}`);
    assert.ok(!analysis.includes('function createSourceFile'), 'analysis.js does not hold the TypeScript compiler');
    // The tree-sitter runtime uses import(), which a bundle run from its code cache cannot: it is loaded by require().
    assert.ok(analysis.includes('require("./tree-sitter.js")') && !analysis.includes('import("'), 'analysis.js loads tree-sitter.js');
    for (const bundle of ['server.js', 'analysisWorker.js', 'cli.js']) {
      assert.ok(fs.readFileSync(path.join(dist, bundle), 'utf8').includes('loadBundle(require("node:path").join(__dirname, "analysis.js"))'), `${bundle} loads analysis.js`);
    }
  });
});
