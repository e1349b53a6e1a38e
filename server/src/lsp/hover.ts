import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { hoverMarkdown } from '../report/hover';
import type { Analysis } from './analysis';
import { toLspRange } from './diagnostics';
import { ruleDocUri, type WorkspaceState } from './workspace';

/** The findings under the cursor, described by the report's hover text, over the first one's range. */
export function hover(analysis: Analysis, position: Position, ws: WorkspaceState): Hover | undefined {
  const at = { line: position.line + 1, column: position.character + 1 };
  const inside = (f: (typeof analysis.findings)[number]) =>
    (f.range.start.line < at.line || (f.range.start.line === at.line && f.range.start.column <= at.column)) &&
    (f.range.end.line > at.line || (f.range.end.line === at.line && f.range.end.column >= at.column));
  const found = analysis.findings.filter(inside);
  if (!found.length) return undefined;
  const value = hoverMarkdown(found, (id) => ws.rulesById.get(id), ruleDocUri);
  return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(found[0].range) };
}
