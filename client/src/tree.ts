import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { codeOf, ourDiagnostics } from './statusBar';

interface RuleInfo {
  id: string;
  title: string;
  category: string;
}

type Node =
  | { kind: 'category'; category: string; count: number }
  | { kind: 'rule'; category: string; rule: string; count: number }
  | { kind: 'file'; rule: string; uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }
  | { kind: 'finding'; uri: vscode.Uri; diagnostic: vscode.Diagnostic };

/** "Health Data" in the Explorer: every finding the editor knows, by category → rule → file → finding. */
export class FindingsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private rules = new Map<string, RuleInfo>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(): void {
    this.changed.fire();
  }

  private async ruleInfo(): Promise<Map<string, RuleInfo>> {
    const client = this.client();
    if (!this.rules.size && client?.isRunning()) {
      const list = (await client.sendRequest('hdguard/rules')) as RuleInfo[];
      this.rules = new Map(list.map((r) => [r.id, r]));
    }
    return this.rules;
  }

  private async all(): Promise<Array<{ uri: vscode.Uri; d: vscode.Diagnostic; rule: string; category: string }>> {
    const rules = await this.ruleInfo();
    return vscode.languages.getDiagnostics().flatMap(([uri, ds]) =>
      ourDiagnostics(ds).map((d) => ({ uri, d, rule: codeOf(d), category: rules.get(codeOf(d))?.category ?? 'other' })),
    );
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const all = await this.all();
    const count = <K extends string>(items: typeof all, key: (x: (typeof all)[number]) => K) => {
      const m = new Map<K, number>();
      for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
      return [...m].sort((a, b) => a[0].localeCompare(b[0]));
    };
    if (!node) return count(all, (x) => x.category).map(([category, n]) => ({ kind: 'category', category, count: n }));
    if (node.kind === 'category') {
      return count(all.filter((x) => x.category === node.category), (x) => x.rule).map(([rule, n]) => ({ kind: 'rule', category: node.category, rule, count: n }));
    }
    if (node.kind === 'rule') {
      const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
      for (const x of all.filter((y) => y.rule === node.rule)) {
        const entry = byFile.get(x.uri.toString()) ?? { uri: x.uri, diagnostics: [] };
        entry.diagnostics.push(x.d);
        byFile.set(x.uri.toString(), entry);
      }
      return [...byFile.values()]
        .sort((a, b) => a.uri.path.localeCompare(b.uri.path))
        .map((f) => ({ kind: 'file', rule: node.rule, uri: f.uri, diagnostics: f.diagnostics }));
    }
    if (node.kind === 'file') return node.diagnostics.map((diagnostic) => ({ kind: 'finding', uri: node.uri, diagnostic }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'category': {
        const item = new vscode.TreeItem(node.category, vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.count);
        return item;
      }
      case 'rule': {
        const item = new vscode.TreeItem(this.rules.get(node.rule)?.title ?? node.rule, collapsed);
        item.description = `${node.rule} · ${node.count}`;
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(node.uri, collapsed);
        item.description = `${vscode.workspace.asRelativePath(node.uri)} · ${node.diagnostics.length}`;
        item.command = reveal(node.uri, node.diagnostics[0].range);
        return item;
      }
      case 'finding': {
        const item = new vscode.TreeItem(`${node.diagnostic.range.start.line + 1}: ${node.diagnostic.message}`);
        item.command = reveal(node.uri, node.diagnostic.range);
        return item;
      }
    }
  }
}

function reveal(uri: vscode.Uri, range: vscode.Range): vscode.Command {
  return { title: 'Reveal', command: 'vscode.open', arguments: [uri, { selection: range }] };
}
