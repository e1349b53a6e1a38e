import * as vscode from 'vscode';

const SOURCE = 'Health Data Guard';

export function ourDiagnostics(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === SOURCE && typeof d.code !== 'undefined' && !String(codeOf(d)).startsWith('hdguard.'));
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Findings in the current file and in the workspace; a click opens the audit report. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('hdguard.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Health Data Guard';
    this.item.command = 'hdguard.showReport';
    this.item.show();
  }

  update(): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    const file = active ? ourDiagnostics(vscode.languages.getDiagnostics(active)).length : 0;
    const workspace = vscode.languages.getDiagnostics().reduce((n, [, ds]) => n + ourDiagnostics(ds).length, 0);
    this.item.text = `$(shield) ${file} · ${workspace}`;
    this.item.tooltip = `Health Data Guard: ${file} in this file, ${workspace} in the workspace. Click to open the audit report.`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
