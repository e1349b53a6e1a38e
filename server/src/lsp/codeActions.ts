import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { Finding } from '../engine/types';
import { suppressionEdit } from '../engine/suppressions';
import type { Analysis } from './analysis';
import { findingDiagnostic, fromLspRange, overlaps, toLspRange } from './diagnostics';
import type { EditorSettings } from './settings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hdguard`;
export const ADD_TO_BASELINE = 'hdguard.server.addToBaseline';

/** A fix that cannot change what the code means beyond the problem (a scheme upgrade), so editors may apply it unasked. */
function isSafeFix(f: Finding): boolean {
  return f.category === 'insecure-transport';
}

function edits(f: Finding): LspTextEdit[] {
  return (f.fix?.edits ?? []).map((e) => ({ range: toLspRange(e.range), newText: e.newText }));
}

function expiry(settings: EditorSettings, today: Date): string | undefined {
  const days = settings.suppressions.defaultExpiryDays;
  if (!days) return undefined;
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function codeActions(analysis: Analysis, params: CodeActionParams, settings: EditorSettings, today = new Date()): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const { uri } = analysis;
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const range = fromLspRange(params.range);
    const uriOf = () => uri;
    for (const f of analysis.findings.filter((x) => overlaps(x.range, range))) {
      const diagnostic: Diagnostic = findingDiagnostic(f, uriOf);
      const quickFix = (title: string, changes: LspTextEdit[], isPreferred?: boolean): CodeAction => ({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred,
        edit: { changes: { [uri]: changes } },
      });
      if (f.fix) actions.push(quickFix(f.fix.description, edits(f), isSafeFix(f) || undefined));
      const until = expiry(settings, today);
      const reason = settings.suppressions.defaultReason;
      for (const scope of ['next-line', 'file'] as const) {
        const edit = suppressionEdit(analysis.doc, { scope, ruleId: f.ruleId, line: f.range.start.line, reason, until });
        if (!edit) continue;
        const title = `Suppress ${f.ruleId} ${scope === 'file' ? 'in this file' : 'on this line'}`;
        actions.push(quickFix(title, [{ range: toLspRange(edit.range), newText: edit.newText }]));
      }
      actions.push({
        title: `Add this ${f.ruleId} finding to the baseline`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: {
          title: 'Add to baseline',
          command: ADD_TO_BASELINE,
          arguments: [{ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file, evidence: f.evidence }],
        },
      });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const all = fixAllEdits(analysis.findings.filter(isSafeFix));
    if (all.length) actions.push({ title: 'Health Data Guard: fix all safe problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: all } } });
  }
  return actions;
}

/** Every finding's fix, skipping any edit that overlaps one already taken (edits in one change must not overlap). */
function fixAllEdits(findings: Finding[]): LspTextEdit[] {
  const taken: LspTextEdit[] = [];
  const key = (p: { line: number; character: number }) => p.line * 1e7 + p.character;
  for (const f of findings) {
    const candidate = edits(f);
    const clash = candidate.some((e) => taken.some((t) => key(e.range.start) < key(t.range.end) && key(t.range.start) < key(e.range.end)));
    if (!clash) taken.push(...candidate);
  }
  return taken;
}
