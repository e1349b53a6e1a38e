import type { SourceDocument } from '../document';
import { IDENTIFIER_TYPES } from '../identifiers/catalog';
import { recognizeInContext } from '../identifiers/recognize';
import { isKnownFamilyName, isKnownGivenName } from '../people/names';
import type { Located } from '../formats/located';
import { notebookCells, type DecodedText } from '../formats/notebookCells';
import type { IdentifierSet } from '../types';
import type { Detector, DetectorHit } from './detector';
import { assessRecord, recordHit, type Assessment, type PersonRecord, type RecordField } from './structuredRecord';

/** A row of printed output: its text and the .ipynb offset of each character. */
interface Row {
  text: string;
  offsets: number[];
}

const DATE = /(?<![\d./-])(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}|(?:19|20)\d{6})(?![\d./-])/g;
/**
 * Two to four name-like words: capitalised (McGlynn, D'Amore), particles (van den Pol), or a lower-case word
 * after a prefix (Le roux, Da silva).
 */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*|(?:van|von|der|den|de|del|della|di|da|du|des|la|le|ter|ten|dos|das|y)(?=[ \t])|(?<=(?:Le|La|De|Da|Di|Du|Del|Van|Von)[ \t])\p{Ll}[\p{L}'’-]*)`;
const NAME = new RegExp(String.raw`(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*(?:[ \t]{1,3}${NAME_WORD}){1,3}(?![\p{L}\p{N}])`, 'gu');
const IDENTIFIER_SHAPES = IDENTIFIER_TYPES.filter((t) => t.kind !== 'provider').map(
  (t) => new RegExp(`(?<![\\p{L}\\p{N}-])(?:${t.shape})(?![\\p{L}\\p{N}-])`, 'gu'),
);

function rowOf(t: DecodedText, from: number, to: number): Row {
  return { text: t.text.slice(from, to), offsets: t.offsets.slice(from, to) };
}

/** A text/plain or stream output: one row per line, the first line as the header. */
function plainRows(t: DecodedText): { header: string; rows: Row[] } {
  const rows: Row[] = [];
  let from = 0;
  for (let i = 0; i <= t.text.length; i++) {
    if (i === t.text.length || t.text[i] === '\n') {
      if (t.text.slice(from, i).trim()) rows.push(rowOf(t, from, i));
      from = i + 1;
    }
  }
  return { header: rows[0]?.text ?? '', rows };
}

/** A text/html output: each `<tr>` a row of its cells' text joined by spaces, the `<th>` texts as the header. */
function htmlRows(t: DecodedText): { header: string; rows: Row[] } {
  const rows: Row[] = [];
  const header: string[] = [];
  for (const tr of t.text.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const row: Row = { text: '', offsets: [] };
    const base = tr.index! + tr[0].indexOf('>') + 1;
    for (const cell of tr[1].matchAll(/<(t[hd])\b[^>]*>([^<]*)<\/t[hd]>/gi)) {
      const content = cell[2];
      const lead = content.length - content.trimStart().length;
      const from = base + cell.index! + cell[0].indexOf('>') + 1 + lead;
      const value = content.trim();
      if (cell[1].toLowerCase() === 'th' && !/^\d+$/.test(value)) header.push(value);
      if (!value) continue;
      if (row.text) {
        row.text += ' ';
        row.offsets.push(row.offsets[row.offsets.length - 1]);
      }
      row.text += value;
      row.offsets.push(...t.offsets.slice(from, from + value.length));
    }
    if (row.text) rows.push(row);
  }
  return { header: header.join(' '), rows };
}

/** The raw [start, end) of row.text[i, j): past the escape sequence of the last character, if it has one. */
function located(doc: SourceDocument, row: Row, i: number, j: number): Located {
  const last = row.offsets[j - 1];
  const width = doc.text[last] === '\\' ? (doc.text[last + 1] === 'u' ? 6 : 2) : 1;
  return { text: row.text.slice(i, j), start: row.offsets[i], end: last + width };
}

/** Drops capitalised words around a name that are no name ("Patient Lena Vogel" → "Lena Vogel"). */
function trimToName(text: string, at: number): [number, number] {
  const words = [...text.matchAll(/\S+/g)];
  // A lower-case word and the word after it belong to a compound family name (Le roux, van Dongen): kept.
  const lower = (i: number) => i >= 0 && /^\p{Ll}/u.test(words[i][0]);
  const isName = (i: number) => lower(i) || lower(i - 1) || isKnownGivenName(words[i][0]) || isKnownFamilyName(words[i][0]);
  let first = 0;
  let last = words.length - 1;
  while (first < last && !isName(first)) first++;
  while (last > first && !isName(last)) last--;
  if (last - first < 1) return [at, at];
  return [at + words[first].index!, at + words[last].index! + words[last][0].length];
}

/** The person values printed on one row: names, birth dates, identifiers recognised with the header as context. */
function rowRecord(doc: SourceDocument, row: Row, header: string, sets: readonly IdentifierSet[]): PersonRecord {
  const record: PersonRecord = { names: [], fields: [], extent: [row.offsets[0], located(doc, row, 0, row.text.length).end] };
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
  const context = `${header} ${row.text}`;
  // Several identifier shapes match the same digits: recognise each candidate span once.
  const candidates = new Set<string>();
  for (const re of IDENTIFIER_SHAPES) for (const m of row.text.matchAll(re)) candidates.add(`${m.index!}:${m.index! + m[0].length}`);
  for (const span of candidates) {
    const [s, e] = span.split(':').map(Number);
    if (!free(s, e)) continue;
    const recognized = recognizeInContext(row.text.slice(s, e), context, { sets });
    if (!recognized || recognized.type.kind === 'provider') continue;
    taken.push([s, e]);
    const field: RecordField = { ...located(doc, row, s, e), kind: 'identifier', label: 'identifier', declaredTypes: [recognized.type.id] };
    record.fields.push(field);
  }
  for (const m of row.text.matchAll(DATE)) {
    const [s, e] = [m.index!, m.index! + m[0].length];
    if (free(s, e)) record.fields.push({ ...located(doc, row, s, e), kind: 'birth-date', label: 'birth date' });
  }
  for (const m of row.text.matchAll(NAME)) {
    const [s, e] = trimToName(m[0], m.index!);
    if (e > s) record.names.push({ label: 'name', parts: [{ ...located(doc, row, s, e), role: 'full' }] });
  }
  return record;
}

/**
 * Jupyter notebook outputs (stream text, text/plain and text/html results) that print patient rows: one hit
 * per output, at the first row's most telling value, i.e. on the notebook's JSON line of that output line.
 */
export const notebookOutput: Detector = {
  name: 'notebook-patient-output',
  run(doc, _options, context) {
    if (doc.language.id !== 'ipynb' || !doc.text.includes('"outputs"')) return [];
    const hits: DetectorHit[] = [];
    const sets = context.settings.identifierSets;
    for (const cell of notebookCells(doc)) {
      for (const output of cell.outputs) {
        for (const form of output) {
          const { header, rows } = form.kind === 'text/html' ? htmlRows(form.text) : plainRows(form.text);
          // A row without a digit holds neither a birth date nor an identifier: no record.
          const assessed = rows
            .filter((r) => /\d/.test(r.text))
            .map((r) => assessRecord(rowRecord(doc, r, header, sets), sets))
            .filter((a): a is Assessment => Boolean(a));
          if (!assessed.length) continue;
          const hit = recordHit(doc, context, assessed, { output: form.kind });
          if (hit) hits.push(hit);
          break;
        }
      }
    }
    return hits;
  },
};
