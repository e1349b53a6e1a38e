import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { SourceDocument } from '../engine/document';
import type { Finding } from '../engine/types';
import type { DocumentAnalyser, DocumentFindings } from '../engine/parallel/documentAnalyser';
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

/** What an editor's text is analysed as: its path in the workspace and, for an unsaved document, the editor's language. */
interface Subject {
  uri: string;
  version: number | null;
  rel: string;
  text: string;
  languageId?: string;
}

/** The document to analyse, or undefined when analysis is off, the file is excluded or too large. */
function subjectOf(ws: WorkspaceState, uri: string, version: number | null, text: string, languageId?: string): Subject | undefined {
  const rel = ws.relative(fileOf(uri));
  if (!ws.settings.enable || ws.isExcluded(rel) || Buffer.byteLength(text) > ws.config.maxFileSize) return undefined;
  // An unsaved document has no file name to tell its language: the editor's language id does.
  return { uri, version, rel, text, languageId: uri.startsWith('file:') ? undefined : languageId };
}

function analysisOf(ws: WorkspaceState, s: Subject, found: DocumentFindings): Analysis {
  return {
    uri: s.uri,
    version: s.version,
    doc: new SourceDocument(s.rel, s.text, s.languageId),
    problems: found.problems,
    ...shownFindings(ws, found.findings, found.problems),
  };
}

/** Analyses a text as the CLI would analyse the file, less baselined findings, in the background analyser's worker; 'superseded' when a newer request for the document came first. */
export async function analyseInBackground(
  ws: WorkspaceState,
  analyser: DocumentAnalyser,
  uri: string,
  version: number | null,
  text: string,
  languageId?: string,
): Promise<Analysis | undefined | 'superseded'> {
  const s = subjectOf(ws, uri, version, text, languageId);
  if (!s) return undefined;
  const found = await analyser.analyse(uri, s.rel, s.text, s.languageId);
  return found ? analysisOf(ws, s, found) : 'superseded';
}

/** The findings the editor shows (not those in the baseline) and their diagnostics, with the suppression problems. */
export function shownFindings(ws: WorkspaceState, all: Finding[], problems: SuppressionProblem[]): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const findings = ws.baseline.size ? all.filter((f) => !ws.baseline.has(f.fingerprint)) : all;
  const uriOf = (file: string) => pathToFileURL(path.resolve(ws.root, file)).href;
  return { findings, diagnostics: [...findings.map((f) => findingDiagnostic(f, uriOf)), ...problems.map(problemDiagnostic)] };
}
