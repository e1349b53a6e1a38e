import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { prepareEngine } from './engine';
import { startSession } from './lsp/session';

/**
 * The language server: started by the extension over IPC, or by other editors with `--stdio`.
 * Everything it does is in lsp/. The connection starts once the parsers are loaded (the client's first
 * messages wait in the pipe meanwhile); if they cannot be, analysis goes on without them.
 */
void prepareEngine()
  .catch((e: unknown) => process.stderr.write(`hdguard: parsers not loaded, analysis is approximate: ${String(e)}\n`))
  .then(() => startSession(createConnection(ProposedFeatures.all)));
