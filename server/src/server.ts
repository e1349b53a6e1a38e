import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startSession } from './lsp/session';

/**
 * The language server: started by the extension over IPC, or by other editors with `--stdio`.
 * Everything it does is in lsp/. Analysis runs in worker threads, which load the parsers; this thread
 * loads none of the analysis (only if a worker cannot start does it analyse, without the parsers).
 */
startSession(createConnection(ProposedFeatures.all));
