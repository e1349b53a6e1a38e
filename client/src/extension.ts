import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { AuditController } from './audit';
import { FindingsTree } from './tree';
import { StatusBar } from './statusBar';
import { registerCommands } from './commands';

export const SOURCE = 'Health Data Guard';
let client: LanguageClient | undefined;

/** The language ids and files the server analyses (the same list as the manifest's activation events). */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('server/dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR as LanguageClientOptions['documentSelector'],
    synchronize: { configurationSection: 'hdguard' },
    initializationOptions: { trusted: vscode.workspace.isTrusted, settings: vscode.workspace.getConfiguration('hdguard') },
  };
  return new LanguageClient('hdguard', SOURCE, serverOptions, clientOptions);
}

export interface ExtensionApi {
  client(): LanguageClient | undefined;
  audit: AuditController;
}

/** Starts the language server (where the analysis lives) and adds the status bar, audit, report and tree view. */
export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  client = createClient(context);
  const audit = new AuditController(context, () => client);
  const tree = new FindingsTree(() => client);
  const status = new StatusBar();
  context.subscriptions.push(
    audit,
    status,
    vscode.window.registerTreeDataProvider('hdguard.findings', tree),
    vscode.languages.onDidChangeDiagnostics(() => {
      status.update();
      tree.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('hdguard/trustGranted')),
  );
  registerCommands(context, {
    client: () => client,
    audit,
    restart: async () => {
      await client?.stop();
      client = createClient(context);
      await client.start();
      tree.refresh();
    },
  });
  await client.start();
  status.update();
  return { client: () => client, audit };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
