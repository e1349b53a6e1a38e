import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range as LspRange } from 'vscode-languageserver/node';
import type { Finding, Range, Severity } from '../engine/types';
import type { SuppressionProblem } from '../engine/suppressions';
import { ruleDocUri } from './workspace';

export const SOURCE = 'Health Data Guard';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Engine ranges are 1-based; LSP ranges are 0-based (both count UTF-16 code units). */
export function toLspRange(r: Range): LspRange {
  return {
    start: { line: r.start.line - 1, character: r.start.column - 1 },
    end: { line: r.end.line - 1, character: r.end.column - 1 },
  };
}

export function fromLspRange(r: LspRange): Range {
  return {
    start: { line: r.start.line + 1, column: r.start.character + 1 },
    end: { line: r.end.line + 1, column: r.end.character + 1 },
  };
}

/** What a diagnostic carries back to code actions and the extension (all masked). */
export interface DiagnosticData {
  fingerprint: string;
  category: string;
}

export function findingDiagnostic(f: Finding, uriOf: (file: string) => string): Diagnostic {
  return {
    range: toLspRange(f.range),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocUri(f.ruleId) },
    source: SOURCE,
    message: f.message,
    relatedInformation: f.related?.map((r) => ({ location: { uri: uriOf(r.file), range: toLspRange(r.range) }, message: r.message })),
    data: { fingerprint: f.fingerprint, category: f.category } satisfies DiagnosticData,
  };
}

const PROBLEM_CODE: Record<SuppressionProblem['kind'], string> = {
  expired: 'hdguard.suppression-expired',
  unused: 'hdguard.suppression-unused',
  malformed: 'hdguard.suppression-malformed',
};

export function problemDiagnostic(p: SuppressionProblem): Diagnostic {
  return {
    range: toLspRange(p.range),
    severity: p.kind === 'expired' ? DiagnosticSeverity.Warning : p.kind === 'unused' ? DiagnosticSeverity.Hint : DiagnosticSeverity.Information,
    code: PROBLEM_CODE[p.kind],
    source: SOURCE,
    message: p.message,
    tags: p.kind === 'unused' ? [DiagnosticTag.Unnecessary] : undefined,
  };
}

export function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.column < y.column);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
