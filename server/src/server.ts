import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyzeDocument,
  DEFAULT_CONFIG,
  loadConfig,
  resolveRules,
  RuleSet,
  SourceDocument,
  UserError,
  type AnalysisSettings,
  type Finding,
  type Severity,
} from './engine';

/**
 * The language server: analyses open documents with the same engine as the CLI and publishes diagnostics.
 * Started by the extension over IPC, or by other editors with `--stdio`.
 */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const DEBOUNCE_MS = 250;
const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

let root: string | undefined;
let ruleSet: RuleSet | undefined;
let settings: AnalysisSettings | undefined;
const pending = new Map<string, NodeJS.Timeout>();

connection.onInitialize((params) => {
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  root = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
  return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } };
});

function rules(): RuleSet | undefined {
  if (ruleSet) return ruleSet;
  const base = root ?? process.cwd();
  try {
    const config = loadConfig(base);
    settings = config.settings;
    ruleSet = new RuleSet(resolveRules(base, config));
  } catch (e) {
    const message = e instanceof UserError ? e.message : String(e);
    connection.window.showErrorMessage(`Health Data Guard: ${message}`);
    ruleSet = new RuleSet(resolveRules(base, DEFAULT_CONFIG, { workspaceRules: false }));
  }
  return ruleSet;
}

function relativePath(uri: string): string {
  const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  return (root ? path.relative(root, file) : path.basename(file)).split(path.sep).join('/');
}

function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: {
      start: { line: f.range.start.line - 1, character: f.range.start.column - 1 },
      end: { line: f.range.end.line - 1, character: f.range.end.column - 1 },
    },
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: 'Health Data Guard',
    message: f.message,
  };
}

function analyse(document: TextDocument): void {
  const set = rules();
  if (!set) return;
  const findings = analyzeDocument(new SourceDocument(relativePath(document.uri), document.getText()), set, { settings });
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: findings.map(toDiagnostic) });
}

function schedule(document: TextDocument): void {
  clearTimeout(pending.get(document.uri));
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) analyse(current);
    }, DEBOUNCE_MS),
  );
}

documents.onDidOpen((e) => analyse(e.document));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  clearTimeout(pending.get(e.document.uri));
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
