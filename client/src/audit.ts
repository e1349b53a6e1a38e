import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { reportHtml, type AuditSummary } from './report';

const AUDIT = 'hdguard.server.auditWorkspace';
const EXPORT = 'hdguard.server.exportReport';
export const EXPORT_EXTENSIONS = { sarif: 'sarif', html: 'html', markdown: 'md' } as const;
export type ExportFormat = keyof typeof EXPORT_EXTENSIONS;

/** Runs the server's workspace audit behind a cancellable progress notification and shows the report. */
export class AuditController implements vscode.Disposable {
  last: AuditSummary | undefined;
  private panel: vscode.WebviewPanel | undefined;
  private counter = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {}

  async run(options: { showReport?: boolean } = {}): Promise<AuditSummary | undefined> {
    const client = this.client();
    if (!client) return undefined;
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Health Data Guard: auditing the workspace', cancellable: true },
      async (progress, token) => {
        const workDoneToken = `hdguard-audit-${++this.counter}`;
        let lastPercentage = 0;
        const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const percentage = value.percentage ?? lastPercentage;
          progress.report({ message: value.message, increment: percentage - lastPercentage });
          lastPercentage = percentage;
        });
        try {
          return (await client.sendRequest(ExecuteCommandRequest.type, { command: AUDIT, arguments: [], workDoneToken }, token)) as AuditSummary;
        } finally {
          listener.dispose();
        }
      },
    );
    if (!summary) return undefined;
    if (!summary.cancelled) this.last = summary;
    if (summary.cancelled) void vscode.window.showInformationMessage(`Health Data Guard: audit cancelled after ${summary.filesScanned} of ${summary.filesTotal} files.`);
    else if (options.showReport !== false) this.showReport();
    return summary;
  }

  showReport(): vscode.WebviewPanel | undefined {
    if (!this.last) {
      void vscode.window.showInformationMessage('Health Data Guard: run "Audit Workspace" first.');
      return undefined;
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('hdguard.report', 'Health Data Guard Report', vscode.ViewColumn.Active, { enableScripts: true });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: { type: string; index?: number; format?: ExportFormat }) => {
        if (m.type === 'open' && m.index !== undefined) void this.reveal(m.index);
        if (m.type === 'export' && m.format) void this.export(m.format);
      });
    }
    this.panel.webview.html = reportHtml(this.last, this.panel.webview.cspSource);
    this.panel.reveal();
    return this.panel;
  }

  get reportHtml(): string | undefined {
    return this.panel?.webview.html;
  }

  private async reveal(index: number): Promise<void> {
    const f = this.last?.findings[index];
    if (!f) return;
    const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(f.uri), { selection: range, viewColumn: vscode.ViewColumn.One });
  }

  /** Writes the last audit as SARIF, HTML or Markdown (asks where, unless a target is given). */
  async export(format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const client = this.client();
    if (!client || !this.last) return undefined;
    const text = (await client.sendRequest(ExecuteCommandRequest.type, { command: EXPORT, arguments: [format] })) as string;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: folder && vscode.Uri.joinPath(folder, `hdguard-report.${EXPORT_EXTENSIONS[format]}`),
        filters: { [format.toUpperCase()]: [EXPORT_EXTENSIONS[format]] },
      }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    void vscode.window.showInformationMessage(`Health Data Guard: report written to ${vscode.workspace.asRelativePath(uri)}`);
    return uri;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
