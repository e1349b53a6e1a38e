import { prepareTreeSitter } from './parsers/treeSitter';

/**
 * Loads what analysis needs that cannot be loaded synchronously (the tree-sitter WebAssembly grammars), for the
 * given languages or for all. Call before analysing files of those languages (again for new ones: what is
 * loaded stays); analysis without it still works, with lexical approximations where a parser is missing.
 */
export function prepareEngine(languages?: Iterable<string>): Promise<void> {
  return prepareTreeSitter(languages);
}
