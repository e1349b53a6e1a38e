/**
 * The analysis, loaded in this thread only when this thread analyses: a language server's main thread leaves it
 * to workers and so never loads the parsers, the TypeScript compiler or the name dictionaries.
 */
export function analysisHere(): typeof import('./analysisModules') {
  return require('./analysisModules') as typeof import('./analysisModules');
}
