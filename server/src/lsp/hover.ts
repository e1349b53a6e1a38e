import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { referencesMarkdown } from '../cli/ruleText';
import type { Analysis } from './analysis';
import { toLspRange } from './diagnostics';
import { ruleDocUri, type WorkspaceState } from './workspace';

/** What was found (masked), why it matters and how to fix it (the rule's description), and its references. */
export function hover(analysis: Analysis, position: Position, ws: WorkspaceState): Hover | undefined {
  const at = { line: position.line + 1, column: position.character + 1 };
  const inside = (f: (typeof analysis.findings)[number]) =>
    (f.range.start.line < at.line || (f.range.start.line === at.line && f.range.start.column <= at.column)) &&
    (f.range.end.line > at.line || (f.range.end.line === at.line && f.range.end.column >= at.column));
  const found = analysis.findings.filter(inside);
  if (!found.length) return undefined;
  const sections = found.map((f) => {
    const rule = ws.rulesById.get(f.ruleId);
    const fence = '`'.repeat(Math.max(1, ...(f.evidence.match(/`+/g) ?? []).map((s) => s.length + 1)));
    return [
      `### ${rule?.title ?? f.ruleId}`,
      `\`${f.ruleId}\` · ${f.category} · ${f.severity} · [documentation](${ruleDocUri(f.ruleId)})`,
      `**Found:** ${fence} ${f.evidence} ${fence}`,
      f.message,
      rule?.description.trim() ?? '',
      f.fix ? `**Quick fix:** ${f.fix.description}` : '',
      rule ? referencesMarkdown(rule) : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  });
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: toLspRange(found[0].range) };
}
