import { SourceDocument } from '../document';
import type { DetectorHit } from '../detectors/detector';
import { decodedOffsets, items, parseJson, prop, str, type JsonNode } from './jsonTree';

/** Text decoded from one or more JSON strings, with the document offset of each of its characters. */
export interface DecodedText {
  text: string;
  /** offsets[i] is the raw offset of text[i]. */
  offsets: number[];
}

/** One form of an output: 'stream', or a MIME type of an execute_result / display_data bundle. */
export interface OutputForm {
  kind: string;
  text: DecodedText;
}

/** An output's forms, text/plain first (a DataFrame result has a text/plain and a text/html form of one table). */
export type NotebookOutput = OutputForm[];

export interface NotebookCell {
  type: string;
  source: DecodedText;
  outputs: NotebookOutput[];
}

/** A notebook field is a string or a list of line strings: joined, with offsets into the .ipynb text. */
function decode(doc: SourceDocument, node: JsonNode | undefined): DecodedText {
  let text = '';
  const offsets: number[] = [];
  for (const n of items(node)) {
    const s = str(n);
    if (!s) continue;
    const map = decodedOffsets(doc.text.slice(s.start, s.end), s.start);
    text += s.text;
    // The decoded value and the map agree in length unless a surrogate pair was escaped; pad to be safe.
    for (let i = 0; i < s.text.length; i++) offsets.push(map[Math.min(i, map.length - 1)]);
  }
  return { text, offsets };
}

/** The raw offset where decoded text[i] starts. */
export function rawStart(t: DecodedText, i: number): number {
  return t.offsets[Math.max(0, Math.min(i, t.offsets.length - 1))] ?? 0;
}

/** The raw offset just after decoded text[0, i): past the last character's escape sequence, if any. */
export function rawEnd(doc: SourceDocument, t: DecodedText, i: number): number {
  if (i <= 0) return rawStart(t, 0);
  const last = rawStart(t, i - 1);
  if (doc.text[last] !== '\\') return last + 1;
  return last + (doc.text[last + 1] === 'u' ? 6 : 2);
}

interface Notebook {
  cells: NotebookCell[];
  language: string;
}

/** Several detectors read the same notebook: parse it once per document. */
const parsed = new WeakMap<SourceDocument, Notebook>();

function notebookOf(doc: SourceDocument): Notebook {
  let nb = parsed.get(doc);
  if (!nb) {
    nb = doc.text.includes('"cells"') ? parseNotebook(doc) : { cells: [], language: 'python' };
    parsed.set(doc, nb);
  }
  return nb;
}

/** The cells of a Jupyter notebook (nbformat 4), or none when the file is not one. */
export function notebookCells(doc: SourceDocument): NotebookCell[] {
  return notebookOf(doc).cells;
}

function parseNotebook(doc: SourceDocument): Notebook {
  const { root } = parseJson(doc.text);
  const cells = items(prop(root, 'cells')).map((cell) => ({
    type: str(prop(cell, 'cell_type'))?.text ?? '',
    source: decode(doc, prop(cell, 'source')),
    outputs: items(prop(cell, 'outputs')).map((out): NotebookOutput => {
      if (str(prop(out, 'output_type'))?.text === 'stream') return [{ kind: 'stream', text: decode(doc, prop(out, 'text')) }];
      const forms = (prop(out, 'data')?.children ?? []).flatMap((p): OutputForm[] => {
        const mime = p.children?.[0]?.value;
        return typeof mime === 'string' && mime.startsWith('text/') ? [{ kind: mime, text: decode(doc, p.children?.[1]) }] : [];
      });
      return forms.sort((a, b) => Number(b.kind === 'text/plain') - Number(a.kind === 'text/plain'));
    }),
  }));
  const metadata = prop(root, 'metadata');
  const lang = (str(prop(prop(metadata, 'language_info'), 'name')) ?? str(prop(prop(metadata, 'kernelspec'), 'language')))?.text;
  const language = lang && /^(python|r|julia|javascript|typescript|java|scala|sql)$/i.test(lang) ? lang.toLowerCase() : 'python';
  return { cells, language };
}

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
