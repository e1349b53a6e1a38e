import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { analyzeDocument, SourceDocument, type Finding } from '../engine';
import type { SuppressionProblem } from '../engine/suppressions';
import { findingDiagnostic, problemDiagnostic } from './diagnostics';
import type { WorkspaceState } from './workspace';

/** One analysis of one version of a document. */
export interface Analysis {
  uri: string;
  version: number | null;
  doc: SourceDocument;
  findings: Finding[];
  problems: SuppressionProblem[];
  diagnostics: Diagnostic[];
}

export function fileOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** Analyses a text as the CLI would analyse the file, less baselined findings; undefined when the file is excluded or too large. */
export function analyseText(ws: WorkspaceState, uri: string, version: number | null, text: string, languageId?: string): Analysis | undefined {
  const rel = ws.relative(fileOf(uri));
  if (!ws.settings.enable || ws.isExcluded(rel) || Buffer.byteLength(text) > ws.config.maxFileSize) return undefined;
  // An unsaved document has no file name to tell its language: the editor's language id does.
  const doc = new SourceDocument(rel, text, uri.startsWith('file:') ? undefined : languageId);
  const problems: SuppressionProblem[] = [];
  const all = analyzeDocument(doc, ws.ruleSet, { settings: ws.config.settings, suppressionProblems: problems });
  const findings = ws.baseline.size ? all.filter((f) => !ws.baseline.has(f.fingerprint)) : all;
  const uriOf = (file: string) => pathToFileURL(path.resolve(ws.root, file)).href;
  return {
    uri,
    version,
    doc,
    findings,
    problems,
    diagnostics: [...findings.map((f) => findingDiagnostic(f, uriOf)), ...problems.map(problemDiagnostic)],
  };
}
