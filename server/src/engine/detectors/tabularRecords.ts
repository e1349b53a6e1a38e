import type { SourceDocument } from '../document';
import { fieldKind } from '../people/fields';
import { identifierOf, judgeRecord, type FieldValue } from '../people/record';
import { csvTable, markdownTables, sqlTables, type Row, type Table } from '../people/tables';
import { syntheticReplacement, type ReplacementKind } from '../synthetic/replacement';
import type { IdentifierSet } from '../types';
import type { Detector, DetectorContext, DetectorHit } from './detector';

/**
 * `patient.tabular-records`: a CSV/TSV file, a markdown table or an SQL `INSERT`/`COPY` into a patient-like
 * table whose header names person columns and whose rows hold validated identifiers, or real-looking names
 * with birth dates. One hit per table, on its first such row; the message counts rows and names columns.
 */
export const tabularRecords: Detector = {
  name: 'tabular-records',
  run(doc: SourceDocument, _options: Record<string, unknown>, context: DetectorContext): DetectorHit[] {
    return tablesOf(doc).flatMap((t) => tableHit(t, context) ?? []);
  },
};

function tablesOf(doc: SourceDocument): Table[] {
  const text = doc.text;
  const tables: Table[] = [];
  if (doc.language.id === 'csv') {
    const t = csvTable(doc);
    if (t) tables.push(t);
    return tables;
  }
  if (['markdown', 'plain'].includes(doc.language.family) && text.includes('|')) tables.push(...markdownTables(doc));
  if (/\b(?:INSERT\s+INTO|COPY)\b/i.test(text)) tables.push(...sqlTables(doc));
  return tables;
}

interface RowVerdict {
  row: Row;
  /** The cell a fix replaces (the name, else the identifier) and its kind. */
  target: FieldValue;
  kind: ReplacementKind;
  columns: string[];
  synthetic: boolean;
}

function tableHit(table: Table, context: DetectorContext): DetectorHit | undefined {
  const kinds = table.columns.map((c) => fieldKind(c));
  // Bail out early: a table with neither a name nor an unknown column (a possible identifier) is not about people.
  if (!kinds.some((k) => k === undefined || k.endsWith('-name'))) return undefined;
  const verdicts = table.rows.flatMap((r) => rowVerdict(r, table, kinds, context.settings.identifierSets) ?? []);
  const mode = context.settings.syntheticData;
  const real = verdicts.filter((v) => !v.synthetic || mode === 'report');
  const shown = real.length ? real : mode === 'info' ? verdicts : [];
  if (shown.length === 0) return undefined;
  const first = shown[0];
  const cells = first.row.cells.filter((c) => c.value !== '');
  const columns = table.columns.filter((c) => shown.some((v) => v.columns.includes(c)));
  const hit: DetectorHit = {
    start: cells[0].start,
    end: cells[cells.length - 1].end,
    params: { rows: String(shown.length), s: shown.length === 1 ? '' : 's', columns: columns.map(columnName).join(', '), table: table.context },
    sensitive: cells.map((c) => [c.start, c.end]),
    // The whole block, so that the identifier rules it supersedes stay silent inside it.
    match: [Math.min(...shown.map((v) => v.row.cells[0].start)), Math.max(...shown.map((v) => v.row.cells[v.row.cells.length - 1].end))],
    // Every reported row's name (or identifier) is replaced, so the block is no longer patient data.
    fix: {
      description: 'Replace with synthetic values',
      edits: shown.map((v) => ({ start: v.target.start, end: v.target.end, newText: syntheticReplacement(v.kind, v.target.value) })),
    },
  };
  if (!real.length) {
    hit.severity = 'info';
    hit.note = 'synthetic test value';
  }
  return hit;
}

/**
 * A column as the message names it. Without a header line the first row is taken for one, and its cells are
 * data: a "column name" holding a digit run is not shown.
 */
function columnName(name: string): string {
  return /\d{3}/.test(name.replace(/[\s.\-/]/g, '')) ? 'an unnamed column' : name;
}

/** A row with a validated identifier, or a real-looking name with a birth date. */
function rowVerdict(row: Row, table: Table, kinds: Array<FieldValue['kind']>, sets: readonly IdentifierSet[]): RowVerdict | undefined {
  const fields: FieldValue[] = row.cells.flatMap((c, i) => (c.value && i < table.columns.length ? [{ key: table.columns[i], kind: kinds[i], value: c.value, start: c.start, end: c.end }] : []));
  const person = judgeRecord(fields, { context: table.context, sets });
  const strong = person?.companions.filter((c) => c.field.kind === 'birth-date' || !c.field.kind) ?? [];
  if (person && strong.length) {
    return {
      row,
      target: person.name[0],
      kind: person.nameKind,
      columns: [...person.name, ...strong.map((c) => c.field)].map((f) => f.key),
      synthetic: person.nameSynthetic || strong.every((c) => c.synthetic),
    };
  }
  const ids = fields.flatMap((f) => {
    const id = f.kind ? undefined : identifierOf(f.value, `${f.key} ${table.context}`, { besideName: false, sets });
    return id ? [{ field: f, id }] : [];
  });
  if (!ids.length) return undefined;
  return {
    row,
    target: ids[0].field,
    kind: { identifier: ids[0].id.type.id },
    columns: ids.map((c) => c.field.key),
    synthetic: ids.every((c) => c.id.testValue),
  };
}
