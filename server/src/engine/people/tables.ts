import type { SourceDocument } from '../document';

/**
 * Tables of people as they appear in repositories: CSV/TSV files, markdown tables, SQL `INSERT INTO … VALUES`
 * and `COPY … FROM stdin` blocks. Cells keep the offsets of their raw text so findings point into the file.
 */
export interface Cell {
  value: string;
  start: number;
  end: number;
}

export interface Row {
  cells: Cell[];
}

export interface Table {
  /** Column headers as written (safe for messages). */
  columns: string[];
  rows: Row[];
  /** The table's name or the file's (words that help recognise identifiers, e.g. `patients`). */
  context: string;
}

// ---------------------------------------------------------------------------------------------------------
// CSV / TSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes)

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter that splits the header line into the most fields (outside quotes). */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = parseDelimited(headerLine, d, 0, 1)[0]?.cells.length ?? 0;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** Parses delimited text into rows of cells (offsets relative to `base`), at most `maxRows` rows. */
export function parseDelimited(text: string, delimiter: string, base = 0, maxRows = Infinity): Row[] {
  const rows: Row[] = [];
  let cells: Cell[] = [];
  let i = 0;
  const n = text.length;
  const endRow = () => {
    if (cells.length > 1 || (cells.length === 1 && cells[0].value !== '')) rows.push({ cells });
    cells = [];
  };
  while (i <= n && rows.length < maxRows) {
    if (text[i] === '"') {
      const { value, end: j } = readQuoted(text, i, n);
      cells.push({ value, start: base + i + 1, end: base + j });
      i = j + 1;
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
    } else {
      let j = i;
      while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
      const raw = text.slice(i, j);
      const lead = raw.length - raw.trimStart().length;
      const value = raw.trim();
      cells.push({ value, start: base + i + lead, end: base + i + lead + value.length });
      i = j;
    }
    if (i >= n) {
      endRow();
      break;
    }
    if (text[i] === delimiter) {
      i++;
      if (i >= n) {
        cells.push({ value: '', start: base + i, end: base + i });
        endRow();
        break;
      }
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    endRow();
  }
  return rows;
}

export function csvTable(doc: SourceDocument): Table | undefined {
  const text = doc.text;
  const headerEnd = text.indexOf('\n');
  const headerLine = headerEnd < 0 ? text : text.slice(0, headerEnd);
  const delimiter = doc.baseName.toLowerCase().endsWith('.tsv') ? '\t' : detectDelimiter(headerLine);
  const rows = parseDelimited(text, delimiter);
  if (rows.length < 2) return undefined;
  return { columns: rows[0].cells.map((c) => c.value), rows: rows.slice(1), context: doc.baseName };
}

// ---------------------------------------------------------------------------------------------------------
// Markdown tables

export function markdownTables(doc: SourceDocument): Table[] {
  const idx = doc.index;
  const tables: Table[] = [];
  for (let line = 0; line + 1 < idx.lineCount; line++) {
    if (!idx.lineText(line).includes('|') || !/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(idx.lineText(line + 1))) continue;
    const columns = pipeCells(idx.lineText(line), idx.lineStart(line)).map((c) => c.value);
    const rows: Row[] = [];
    let l = line + 2;
    for (; l < idx.lineCount && idx.lineText(l).includes('|'); l++) rows.push({ cells: pipeCells(idx.lineText(l), idx.lineStart(l)) });
    if (rows.length) tables.push({ columns, rows, context: doc.baseName });
    line = l;
  }
  return tables;
}

function pipeCells(line: string, base: number): Cell[] {
  const cells: Cell[] = [];
  const first = line.search(/\S/);
  let start = first >= 0 && line[first] === '|' ? first + 1 : 0;
  for (let j = start; j <= line.length; j++) {
    if (j < line.length && (line[j] !== '|' || line[j - 1] === '\\')) continue;
    const raw = line.slice(start, j);
    if (j === line.length && raw.trim() === '' && cells.length) break;
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trim();
    cells.push({ value, start: base + start + lead, end: base + start + lead + value.length });
    start = j + 1;
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------------------
// SQL

/** Tables that hold people: patients, person, people, members, beneficiaries, admissions, encounters, dossiers… */
export const PATIENT_TABLE =
  /^(?:\w+_)?(?:patients?|persons?|people|personnes?|patienten|pazienti|pacientes|members?|beneficiar(?:y|ies)|admissions?|encounters?|dossiers?|insured|subscribers?|residents?)(?:_\w+)?$/i;

const INSERT = /\bINSERT\s+INTO\s+(?<table>[\w."`[\]]+)\s*\((?<cols>[^)]{1,2000})\)\s*VALUES\s*/gi;
const COPY = /^COPY\s+(?<table>[\w."`[\]]+)\s*\((?<cols>[^)]{1,2000})\)\s+FROM\s+stdin[^\n]*\n/gim;

function tableName(raw: string): string {
  return raw.replace(/[`"[\]]/g, '').split('.').pop()!;
}

function columnList(raw: string): string[] {
  return raw.split(',').map((c) => c.trim().replace(/[`"[\]]/g, ''));
}

export function sqlTables(doc: SourceDocument): Table[] {
  const text = doc.text;
  const tables: Table[] = [];
  for (const m of text.matchAll(INSERT)) {
    const name = tableName(m.groups!.table);
    if (!PATIENT_TABLE.test(name)) continue;
    const columns = columnList(m.groups!.cols);
    const rows = valueTuples(text, m.index + m[0].length).filter((r) => r.cells.length === columns.length);
    if (rows.length) tables.push({ columns, rows, context: name });
  }
  for (const m of text.matchAll(COPY)) {
    const name = tableName(m.groups!.table);
    if (!PATIENT_TABLE.test(name)) continue;
    const columns = columnList(m.groups!.cols);
    const from = m.index + m[0].length;
    const endMark = /^\\\.\s*$/m.exec(text.slice(from));
    const body = text.slice(from, endMark ? from + endMark.index : text.length);
    const rows = parseDelimited(body, '\t', from).filter((r) => r.cells.length === columns.length);
    for (const r of rows) for (const c of r.cells) if (c.value === '\\N') c.value = '';
    if (rows.length) tables.push({ columns, rows, context: name });
  }
  return tables;
}

/** `('Marie', 'Dupont', DATE '1984-03-12', NULL), (…)`: the first string or number of each value. */
function valueTuples(text: string, at: number): Row[] {
  const rows: Row[] = [];
  let i = at;
  const limit = Math.min(text.length, at + 1_000_000);
  while (i < limit) {
    while (i < limit && /\s/.test(text[i])) i++;
    if (text[i] !== '(') break;
    const row = tuple(text, i + 1, limit);
    if (!row) break;
    rows.push(row.row);
    i = row.end;
    while (i < limit && /\s/.test(text[i])) i++;
    if (text[i] !== ',') break;
    i++;
  }
  return rows;
}

function tuple(text: string, at: number, limit: number): { row: Row; end: number } | undefined {
  const cells: Cell[] = [];
  let cell: Cell | undefined;
  let depth = 0;
  let tokenStart = at;
  for (let i = at; i < limit; i++) {
    const c = text[i];
    if (c === "'") {
      const { value, end: j } = readQuoted(text, i, limit);
      cell ??= { value, start: i + 1, end: j };
      i = j;
    } else if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (c === ',' || c === ')') {
      if (!cell) {
        const raw = text.slice(tokenStart, i).trim();
        const start = tokenStart + text.slice(tokenStart, i).indexOf(raw);
        cell = { value: /^null$/i.test(raw) ? '' : raw, start, end: start + raw.length };
      }
      cells.push(cell);
      cell = undefined;
      tokenStart = i + 1;
      if (c === ')') return { row: { cells }, end: i + 1 };
    } else if (c === '\n' && text.slice(i + 1, i + 3) === '\n\n') return undefined;
  }
  return undefined;
}

/**
 * The quoted value opening at `open` (CSV "..." or SQL '...', a doubled quote standing for one) and the offset
 * of its closing quote (or `limit` when unterminated).
 */
function readQuoted(text: string, open: number, limit: number): { value: string; end: number } {
  const quote = text[open];
  let value = '';
  let j = open + 1;
  for (; j < limit; j++) {
    if (text[j] === quote) {
      if (text[j + 1] !== quote) break;
      j++;
    }
    value += text[j];
  }
  return { value, end: j };
}
