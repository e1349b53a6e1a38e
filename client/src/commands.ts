import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AuditController, ExportFormat } from './audit';
import { codeOf, ourDiagnostics } from './statusBar';

interface Context {
  client(): LanguageClient | undefined;
  audit: AuditController;
  restart(): Promise<void>;
}

/** Every command in the manifest's contributes.commands. */
export function registerCommands(context: vscode.ExtensionContext, c: Context): void {
  const register = (id: string, run: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register('hdguard.auditWorkspace', () => c.audit.run());
  register('hdguard.rerunAudit', () => c.audit.run());
  register('hdguard.showReport', () => (c.audit.last ? c.audit.showReport() : c.audit.run()));
  register('hdguard.exportReport', async (format?: ExportFormat, target?: vscode.Uri) => {
    const chosen = format ?? ((await vscode.window.showQuickPick(['sarif', 'html', 'markdown'], { placeHolder: 'Export the audit as' })) as ExportFormat | undefined);
    return chosen && c.audit.export(chosen, target);
  });
  register('hdguard.restartServer', () => c.restart());
  register('hdguard.openBaseline', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return undefined;
    const uri = vscode.Uri.joinPath(folder, '.hdguard-baseline.json');
    if (!fs.existsSync(uri.fsPath)) {
      void vscode.window.showInformationMessage('Health Data Guard: no baseline yet. Use the "Add to baseline" quick fix or run `hdguard baseline`.');
      return undefined;
    }
    return vscode.window.showTextDocument(uri);
  });
  register('hdguard.showRuleDocs', async (ruleId?: string) => {
    let id = ruleId;
    if (!id) {
      const editor = vscode.window.activeTextEditor;
      const here = editor && ourDiagnostics(vscode.languages.getDiagnostics(editor.document.uri)).find((d) => d.range.contains(editor.selection.active));
      id = here ? codeOf(here) : await vscode.window.showInputBox({ prompt: 'Rule id (for example transport.cleartext-url)' });
    }
    if (!id) return undefined;
    const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
    const document = await vscode.workspace.openTextDocument(docs);
    const line = document.getText().split('\n').indexOf(`## ${id}`);
    return vscode.window.showTextDocument(document, { preview: true, selection: new vscode.Range(Math.max(0, line), 0, Math.max(0, line), 0) });
  });
}
