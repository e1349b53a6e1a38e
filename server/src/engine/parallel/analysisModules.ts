// What a thread needs to analyse files: the build makes it a bundle of its own (analysis.js) with a code cache, which
// the workers, the CLI and the language server load (each thread then holds one copy of the engine's state, such as
// the loaded grammars, and the CLI's scan asks it for them).
export { RuleSet } from '../analyze';
export { analyseBytes, analyseEditorText, analyseFileText } from '../fileScan';
export { prepareEngine } from '../prepare';
