export { RuleSet } from '../analyze';
export { analyseBytes, analyseEditorText, analyseFileText } from '../fileScan';
