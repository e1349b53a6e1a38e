import type { SourceDocument } from '../document';
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

export interface Notebook {
  cells: NotebookCell[];
  language: string;
}

/** Several detectors read the same notebook: parse it once per document. */
const parsed = new WeakMap<SourceDocument, Notebook>();

/** The notebook's cells and the language of its code cells (python when it does not say). */
export function notebookOf(doc: SourceDocument): Notebook {
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
