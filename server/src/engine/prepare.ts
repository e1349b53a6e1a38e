import { prepareTreeSitter } from './parsers/treeSitter';

/**
 * Loads what analysis needs that cannot be loaded synchronously (the tree-sitter WebAssembly grammars). Call
 * once per process or worker thread before analysing; analysis before it resolves still works, with lexical
 * approximations where a parser is missing.
 */
export function prepareEngine(): Promise<void> {
  return prepareTreeSitter();
}
