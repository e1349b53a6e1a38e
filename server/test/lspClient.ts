import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ProgressType, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from './helpers';

export interface LspDiagnostic {
  code: string;
  source: string;
  message: string;
  severity: number;
  codeDescription?: { href: string };
  data?: { fingerprint: string; category: string };
  tags?: number[];
  relatedInformation?: unknown[];
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

export interface TextEdit {
  range: LspDiagnostic['range'];
  newText: string;
}

export interface ClientOptions {
  root: string;
  capabilities?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Answers workspace/configuration for the `hdguard` section. */
  settings?: () => unknown;
  /** Node options before the server script (e.g. a `--require` preload). */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** The initial trace level ('off', 'messages', 'verbose'). */
  trace?: string;
}

/** A language client over stdio against the built server (server/dist/server.js), as any editor would be. */
export class TestClient {
  readonly published: Published[] = [];
  readonly progress: Array<{ token: string | number; value: { kind: string; message?: string; percentage?: number } }> = [];
  readonly server: ChildProcess;
  readonly connection: MessageConnection;
  readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();
  /** Everything the server logged: its stderr, and its log, trace, message and telemetry notifications. */
  readonly logs: string[] = [];

  constructor(private readonly options: ClientOptions) {
    const script = path.join(REPO_ROOT, 'server', 'dist', 'server.js');
    this.server = spawn(process.execPath, [...(options.execArgv ?? []), script, '--stdio'], { stdio: 'pipe', env: options.env ?? process.env });
    this.server.stderr!.on('data', (chunk: Buffer) => void this.logs.push(`stderr: ${chunk.toString()}`));
    this.connection = createMessageConnection(new StreamMessageReader(this.server.stdout!), new StreamMessageWriter(this.server.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => void this.published.push(p));
    for (const method of ['window/showMessage', 'window/logMessage', '$/logTrace', 'telemetry/event']) {
      this.connection.onNotification(method, (params: unknown) => void this.logs.push(`${method}: ${JSON.stringify(params)}`));
    }
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings?.() ?? null));
    this.connection.listen();
  }

  async initialize(): Promise<{ capabilities: Record<string, any> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, any> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.options.root).href,
      capabilities: this.options.capabilities ?? {},
      initializationOptions: this.options.initializationOptions,
      trace: this.options.trace,
      workspaceFolders: [{ uri: pathToFileURL(this.options.root).href, name: 'root' }],
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  uri(rel: string): string {
    return pathToFileURL(path.join(this.options.root, rel)).href;
  }

  async open(rel: string, text: string, languageId = 'plaintext'): Promise<string> {
    const uri = this.uri(rel);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Applies edits to the client's copy of the document and sends it. */
  async applyEdits(uri: string, edits: TextEdit[]): Promise<string> {
    const text = applyTextEdits(this.texts.get(uri)!, edits);
    await this.change(uri, text);
    return text;
  }

  /** The diagnostics published for the URI's current version (or, with no version, the latest), within a time limit. */
  async diagnostics(uri: string, timeoutMs = 10_000, accept: (p: Published) => boolean = () => true): Promise<LspDiagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    const version = this.versions.get(uri);
    while (Date.now() < deadline) {
      const found = this.published.filter((p) => p.uri === uri && (p.version === undefined || version === undefined || p.version === version)).pop();
      if (found && accept(found)) return found.diagnostics;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no diagnostics for ${uri} (version ${version}) within ${timeoutMs} ms`);
  }

  /** Collects the work-done progress reported against a token the client chose. */
  watchProgress(token: string): void {
    this.connection.onProgress(new ProgressType<{ kind: string; message?: string; percentage?: number }>(), token, (value) => void this.progress.push({ token, value }));
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.server.kill();
  }
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
