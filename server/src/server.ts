import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startSession } from './lsp/session';

/**
 * The language server: started by the extension over IPC, or by other editors with `--stdio`.
 * Everything it does is in lsp/.
 */
startSession(createConnection(ProposedFeatures.all));
