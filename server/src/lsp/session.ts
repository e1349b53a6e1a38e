import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ExecuteCommandRequest,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type WorkDoneProgressReporter,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ScanResult } from '../engine/types';
import { DocumentAnalyser } from '../engine/parallel/documentAnalyser';
import { analyseInBackground, fileOf, type Analysis } from './analysis';
import { audit, AUDIT_COMMAND, EXPORT_COMMAND, type AuditSummary } from './audit';
import { addToBaseline, isBaselineEntry } from './baselineEdit';
import { ADD_TO_BASELINE, codeActions, FIX_ALL_KIND } from './codeActions';
import { hover } from './hover';
import { EXPORT_FORMATS, exportReport, type ExportFormat } from './report';
import { normaliseSettings } from './settings';
import { WorkspaceState } from './workspace';

export const DEBOUNCE_MS = 200;
export const RULES_REQUEST = 'hdguard/rules';
/** Sent by the extension when the user trusts the folder (VS Code restarts nothing on its own). */
export const TRUST_GRANTED = 'hdguard/trustGranted';
/** Files whose change alters the analysis. */
const WATCHED = ['**/.hdguard.yaml', '**/.hdguard/rules/**', '**/.hdguardignore', '**/.hdguard-baseline.json'];

/**
 * The language server's behaviour on a connection: diagnostics (pushed, or pulled when the client can),
 * code actions, hover, the workspace audit command, settings, watched files and workspace trust.
 */
export function startSession(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let ws = new WorkspaceState(process.cwd(), true);
  let pull = false;
  let configurationSupport = false;
  let refreshSupport = false;
  let watchRegistration = false;
  let configurationRegistration = false;
  const analyses = new Map<string, Analysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  let auditDiagnostics = new Map<string, Diagnostic[]>();
  let auditGeneration = 0;
  let lastAudit: ScanResult | undefined;
  let runningAudit: { cancelled: boolean } | undefined;
  let shownProblems = '';

  // Documents are analysed in a worker thread: the message loop (edits, hovers, other documents) never waits.
  let analyser = new DocumentAnalyser(ws.workerSetup());

  /** Counts the changes of rules and settings: an analysis begun before one is not shown. */
  let configGeneration = 0;
  /** Analyses under way, by document: callers asking about the same version share one. */
  const running = new Map<string, { version: number; analysis: Promise<Analysis | undefined | 'superseded'> }>();

  /** The analysis of this version of the document; 'superseded' when a newer version was asked for meanwhile. */
  const analyse = (document: TextDocument): Promise<Analysis | undefined | 'superseded'> => {
    const { uri, version } = document;
    const done = analyses.get(uri);
    if (done?.version === version) return Promise.resolve(done);
    const same = running.get(uri);
    if (same?.version === version) return same.analysis;
    const entry = { version, analysis: Promise.resolve<Analysis | undefined | 'superseded'>(undefined) };
    const generation = configGeneration;
    entry.analysis = (async () => {
      const result = await analyseInBackground(ws, analyser, uri, version, document.getText(), document.languageId);
      if (running.get(uri) === entry) running.delete(uri);
      // Made with rules or settings that have changed since: the re-analysis they started stands instead.
      if (generation !== configGeneration) return 'superseded';
      if (result === 'superseded' || documents.get(uri)?.version !== version) return result;
      if (result) analyses.set(uri, result);
      else analyses.delete(uri);
      return result;
    })();
    running.set(uri, entry);
    return entry.analysis;
  };

  const publish = async (document: TextDocument) => {
    // The TextDocument object is updated in place by edits: this version is the one analysed.
    const { uri, version } = document;
    const analysis = await analyse(document);
    // A stale version's diagnostics are not sent: the newer version's analysis will be.
    if (analysis === 'superseded' || documents.get(uri)?.version !== version) return;
    if (!pull) void connection.sendDiagnostics({ uri, version, diagnostics: analysis?.diagnostics ?? [] });
  };

  const schedule = (document: TextDocument) => {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        // Each change replaces the timer: this one is for the document's latest version.
        const current = documents.get(document.uri);
        if (current) void publish(current);
      }, DEBOUNCE_MS),
    );
  };

  /** The analysis of the document's current version (the last one in run-on-save mode). */
  const current = async (uri: string): Promise<Analysis | undefined> => {
    for (;;) {
      const document = documents.get(uri);
      if (!document) return undefined;
      const cached = analyses.get(uri);
      if (cached && (cached.version === document.version || ws.settings.run === 'onSave')) return cached;
      const { version } = document;
      const analysis = await analyse(document);
      // Superseded or outdated by an edit meanwhile (the document object is updated in place): ask about the newest.
      if (analysis !== 'superseded' && documents.get(uri)?.version === version) return analysis;
    }
  };

  const reanalyseAll = () => {
    configGeneration++;
    analyses.clear();
    // Under way with the old rules or settings: not to be shared any more.
    running.clear();
    analyser.configure(ws.workerSetup());
    if (ws.problems.join('\n') !== shownProblems) {
      shownProblems = ws.problems.join('\n');
      for (const p of ws.problems) void connection.window.showErrorMessage(`Health Data Guard: ${p}`);
    }
    if (pull) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const d of documents.all()) void publish(d);
    }
  };

  const loadSettings = async () => {
    if (!configurationSupport) return;
    const raw = await connection.workspace.getConfiguration({ scopeUri: undefined, section: 'hdguard' });
    ws.settings = normaliseSettings(raw);
    ws.reload();
  };

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = folder?.startsWith('file:') ? fileURLToPath(folder) : process.cwd();
    const options = (params.initializationOptions ?? {}) as { trusted?: boolean; settings?: unknown };
    ws = new WorkspaceState(root, options.trusted !== false);
    ws.settings = normaliseSettings(options.settings);
    ws.reload();
    analyser.dispose();
    analyser = new DocumentAnalyser(ws.workerSetup());
    const caps = params.capabilities;
    pull = !!caps.textDocument?.diagnostic;
    configurationSupport = !!caps.workspace?.configuration;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [AUDIT_COMMAND, ADD_TO_BASELINE, EXPORT_COMMAND] },
      },
      serverInfo: { name: 'Health Data Guard' },
    };
    if (pull) result.capabilities.diagnosticProvider = { identifier: 'hdguard', interFileDependencies: false, workspaceDiagnostics: true };
    watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    configurationRegistration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    return result;
  });

  connection.onInitialized(async () => {
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
    }
    if (configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'hdguard' });
    await loadSettings();
    reanalyseAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (configurationSupport) await loadSettings();
    else {
      ws.settings = normaliseSettings((change.settings as { hdguard?: unknown })?.hdguard);
      ws.reload();
    }
    reanalyseAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    ws.reload();
    reanalyseAll();
  });

  connection.onNotification(TRUST_GRANTED, () => {
    ws.trusted = true;
    ws.reload();
    reanalyseAll();
  });

  // A client that pulls asks for a document's diagnostics on open and on change itself: nothing to push.
  documents.onDidOpen((e) => {
    if (!pull) void publish(e.document);
  });
  documents.onDidChangeContent((e) => {
    // Fired on open too, right after onDidOpen started the analysis of this version.
    const { uri, version } = e.document;
    if (pull || ws.settings.run !== 'onType' || analyses.get(uri)?.version === version || running.get(uri)?.version === version) return;
    schedule(e.document);
  });
  documents.onDidSave((e) => {
    if (ws.settings.run === 'onSave') {
      void publish(e.document);
      if (pull && refreshSupport) void connection.languages.diagnostics.refresh();
    }
  });
  documents.onDidClose(async (e) => {
    clearTimeout(timers.get(e.document.uri));
    analyses.delete(e.document.uri);
    if (pull) return;
    // A file the audit reported keeps its (re-read) diagnostics after it closes.
    let diagnostics: Diagnostic[] = [];
    if (auditDiagnostics.has(e.document.uri)) {
      diagnostics = await diskDiagnostics(e.document.uri);
      auditDiagnostics.set(e.document.uri, diagnostics);
    }
    // Opened again meanwhile: the open document's diagnostics stand.
    if (!documents.get(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics });
  });

  const diskDiagnostics = async (uri: string): Promise<Diagnostic[]> => {
    try {
      const analysis = await analyseInBackground(ws, analyser, uri, null, fs.readFileSync(fileOf(uri), 'utf8'));
      return analysis === 'superseded' ? [] : (analysis?.diagnostics ?? []);
    } catch {
      return [];
    }
  };

  connection.languages.diagnostics.on(async (params) => ({
    kind: DocumentDiagnosticReportKind.Full,
    items: (await current(params.textDocument.uri))?.diagnostics ?? [],
  }));

  connection.languages.diagnostics.onWorkspace((params) => {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const resultId = String(auditGeneration);
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const [uri, diagnostics] of auditDiagnostics) {
      if (documents.get(uri)) continue;
      items.push(
        previous.get(uri) === resultId
          ? { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId }
          : { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: diagnostics },
      );
    }
    // Files the previous audit reported and this one does not: cleared.
    for (const uri of previous.keys()) {
      if (!auditDiagnostics.has(uri) && !documents.get(uri)) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: [] });
    }
    return { items };
  });

  /** For the extension's tree view: which category each rule belongs to. */
  connection.onRequest(RULES_REQUEST, () => [...ws.rulesById.values()].map((r) => ({ id: r.id, title: r.title, category: r.category })));

  connection.onCodeAction(async (params) => {
    const analysis = await current(params.textDocument.uri);
    return analysis ? codeActions(analysis, params, ws.settings) : [];
  });

  connection.onHover(async (params) => {
    const analysis = await current(params.textDocument.uri);
    return analysis ? hover(analysis, params.position, ws) : undefined;
  });

  // Not onExecuteCommand: it takes the client's workDoneToken out of the params before the handler sees it.
  connection.onRequest(ExecuteCommandRequest.type, async (params, token) => {
    switch (params.command) {
      case AUDIT_COMMAND: {
        if (runningAudit) runningAudit.cancelled = true;
        const mine = { cancelled: false };
        runningAudit = mine;
        let reporter: WorkDoneProgressReporter = connection.window.attachWorkDoneProgress(params.workDoneToken);
        let progressToken: { isCancellationRequested: boolean } | undefined;
        if (params.workDoneToken === undefined) {
          const created = await connection.window.createWorkDoneProgress().catch(() => undefined);
          if (created) {
            reporter = created;
            progressToken = created.token;
          }
        }
        const cancellation = {
          get isCancellationRequested() {
            return mine.cancelled || token.isCancellationRequested || !!progressToken?.isCancellationRequested;
          },
        };
        // In the document worker: one worker keeps the server's memory low, and it starts afresh after the audit.
        const openText = (uri: string) => documents.get(uri)?.getText();
        const outcome = await analyser.lending((worker) => audit(ws, cancellation, reporter, openText, worker));
        if (runningAudit === mine) runningAudit = undefined;
        if (!outcome.summary.cancelled) applyAudit(outcome.diagnostics, outcome.result);
        return outcome.summary satisfies AuditSummary;
      }
      case ADD_TO_BASELINE: {
        const entry = params.arguments?.[0];
        if (!isBaselineEntry(entry)) throw new Error('hdguard.server.addToBaseline expects a baseline entry');
        const count = addToBaseline(ws.baselineFile, entry);
        ws.reload();
        reanalyseAll();
        return { baselineFile: ws.baselineFile, count };
      }
      case EXPORT_COMMAND: {
        const format = params.arguments?.[0] as ExportFormat;
        if (!EXPORT_FORMATS.includes(format)) throw new Error(`format must be one of ${EXPORT_FORMATS.join(', ')}`);
        if (!lastAudit) throw new Error('run the workspace audit first');
        return exportReport(lastAudit, format);
      }
      default:
        throw new Error(`unknown command ${params.command}`);
    }
  });

  const applyAudit = (diagnostics: Map<string, Diagnostic[]>, result: ScanResult) => {
    const before = auditDiagnostics;
    auditDiagnostics = diagnostics;
    auditGeneration++;
    lastAudit = result;
    if (pull) return; // the client pulls workspace diagnostics itself
    for (const [uri, items] of diagnostics) if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: items });
    for (const uri of before.keys()) if (!diagnostics.has(uri) && !documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  };

  connection.onShutdown(() => analyser.dispose());
  documents.listen(connection);
  connection.listen();
}
