import { SourceDocument } from '../document';
import { notebookOf, rawEnd, rawStart } from '../formats/notebookCells';
import type { DetectorHit } from './detector';

/**
 * Runs a detector over each code cell holding `literal` (the detector's cheap pre-check), as a file of the
 * notebook's language, and maps its hits back to the .ipynb text (so that a finding sits on the notebook's
 * JSON line of the offending source line).
 */
export function codeCellHits(doc: SourceDocument, literal: string, run: (cell: SourceDocument) => DetectorHit[]): DetectorHit[] {
  if (!doc.text.includes(literal)) return [];
  const { cells, language } = notebookOf(doc);
  return cells.filter((c) => c.type === 'code' && c.source.text.includes(literal)).flatMap((cell) => {
    const cellDoc = new SourceDocument(doc.file, cell.source.text, language);
    const at = (o: number) => rawStart(cell.source, o);
    const atEnd = (o: number) => rawEnd(doc, cell.source, o);
    const range = (r: { start: { line: number; column: number }; end: { line: number; column: number } }) => {
      const offset = (p: { line: number; column: number }) => cellDoc.index.lineStart(p.line - 1) + p.column - 1;
      return doc.index.rangeOf(at(offset(r.start)), atEnd(offset(r.end)));
    };
    return run(cellDoc).map(
      (h): DetectorHit => ({
        ...h,
        start: at(h.start),
        end: atEnd(h.end),
        sensitive: h.sensitive?.map(([s, e]) => [at(s), atEnd(e)]),
        fix: h.fix && { ...h.fix, edits: h.fix.edits.map((e) => ({ ...e, start: at(e.start), end: atEnd(e.end) })) },
        match: h.match && [at(h.match[0]), atEnd(h.match[1])],
        related: h.related?.map((r) => ({ ...r, range: range(r.range) })),
      }),
    );
  });
}
