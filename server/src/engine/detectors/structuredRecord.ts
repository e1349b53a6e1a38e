import type { SourceDocument } from '../document';
import type { Located } from '../formats/located';
import { identifierTypeBySystem } from '../identifiers/catalog';
import { recognizeDeclared } from '../identifiers/recognize';
import { parseBirthDate } from '../people/dates';
import { isSyntheticName, looksLikeRealName } from '../people/names';
import { syntheticReplacement, type ReplacementKind } from '../synthetic/replacement';
import type { IdentifierSet } from '../types';
import type { DetectorContext, DetectorHit } from './detector';

export type NameRole = 'given' | 'family' | 'full';

/** One person's name as a format writes it, in display order (given names, then the family name). */
export interface PersonName {
  parts: Array<Located & { role: NameRole }>;
  label: string;
}

/** A value of a record that is not a name. */
export interface RecordField extends Located {
  kind: 'birth-date' | 'identifier' | 'phone' | 'email' | 'address' | 'other';
  /** The field's name in messages: 'birthDate', 'PID-19', 'address' (never a value). */
  label: string;
  /** For identifiers: the catalog types the format declares (a FHIR system, an HL7 type code), in order of trial. */
  declaredTypes?: string[];
}

/** What a format parser found about one person (a FHIR resource, an HL7 message, a DICOM dataset, a table row). */
export interface PersonRecord {
  names: PersonName[];
  fields: RecordField[];
  /** The whole resource / message / dataset, for superseding generic findings inside it. */
  extent: [number, number];
}

/** Where the finding goes when both a validated identifier and a name are present. */
export type Preference = 'identifier' | 'name';

interface Primary {
  span: Located;
  kind: ReplacementKind;
}

/** A record judged: whether it holds real-looking patient data, which values, and whether it is synthetic. */
export interface Assessment {
  synthetic: boolean;
  primary: Primary;
  /** Safe labels of the fields that hold data, in document order. */
  labels: string[];
  /** Labels of the identifier types whose check the values passed. */
  identifiers: string[];
  /** Whether one of those identifiers has a check digit (a NIR, an NHS number): evidence that holds anywhere. */
  checkedIdentifier: boolean;
  /** Every raw value of the record (all masked in outputs). */
  values: Located[];
  /** The values other than the primary, with their labels (related locations). */
  others: Array<{ span: Located; label: string }>;
  extent: [number, number];
}

const fullName = (name: PersonName) =>
  [...name.parts.filter((p) => p.role !== 'family'), ...name.parts.filter((p) => p.role === 'family')]
    .map((p) => p.text.trim())
    .filter(Boolean)
    .join(' ');

/** HL7 and DICOM timestamps (yyyymmddhhmm...) are birth dates by their first eight digits. */
export function birthDateOf(text: string): Date | undefined {
  const t = text.trim();
  return parseBirthDate(/^\d{9,}([.+-]\d+)*$/.test(t) ? t.slice(0, 8) : t);
}

/**
 * The decision shared by every format: a validated identifier of a declared type is patient data by
 * itself; a real-looking name is patient data together with any other field (birth date, identifier of
 * any kind, phone, email, address). A checksum-invalid identifier counts for nothing. A record with a
 * placeholder or generated name, or with a documented test identifier, is synthetic.
 */
export function assessRecord(record: PersonRecord, sets: readonly IdentifierSet[], prefer: Preference = 'identifier'): Assessment | undefined {
  const labels: Array<{ at: number; label: string }> = [];
  const values: Located[] = [];
  const others: Array<{ span: Located; label: string }> = [];
  const identifiers: string[] = [];
  let synthetic = false;
  let strong: Primary | undefined;
  let nameSpan: Primary | undefined;
  let hasOther = false;
  let hasName = false;
  let checkedIdentifier = false;

  for (const name of record.names) {
    const text = fullName(name);
    const parts = name.parts.filter((p) => p.text.trim());
    if (!parts.length) continue;
    const real = looksLikeRealName(text);
    const fake = isSyntheticName(text);
    if (!real && !fake) continue;
    hasName = true;
    synthetic ||= fake;
    labels.push({ at: parts[0].start, label: name.label });
    values.push(...parts);
    if (!nameSpan) {
      const main = parts.find((p) => p.role === 'family') ?? parts.find((p) => p.role === 'full') ?? parts[0];
      nameSpan = { span: main, kind: main.role === 'family' ? 'family-name' : main.role === 'given' ? 'given-name' : 'full-name' };
    }
    for (const p of parts) others.push({ span: p, label: name.label });
  }

  for (const field of record.fields) {
    if (!field.text.trim()) continue;
    if (field.kind === 'identifier' && field.declaredTypes?.length) {
      const recognized = field.declaredTypes.map((t) => recognizeDeclared(t, field.text.trim(), sets)).find(Boolean);
      if (!recognized || recognized.type.kind === 'provider') continue;
      synthetic ||= recognized.testValue;
      strong ??= { span: field, kind: { identifier: recognized.type.id } };
      labels.push({ at: field.start, label: field.label });
      identifiers.push(recognized.type.label.replace(/\s*\(.*\)\s*$/, ''));
      checkedIdentifier ||= !recognized.type.unchecked && !recognized.testValue;
    } else if (field.kind === 'birth-date') {
      if (!birthDateOf(field.text)) continue;
      hasOther = true;
      labels.push({ at: field.start, label: field.label });
    } else {
      hasOther = true;
      labels.push({ at: field.start, label: field.label });
    }
    values.push(field);
    others.push({ span: field, label: field.label });
  }

  if (!strong && !(hasName && hasOther)) return undefined;
  const primary = prefer === 'name' ? nameSpan ?? strong! : strong ?? nameSpan!;
  return {
    synthetic,
    primary,
    labels: [...new Set(labels.sort((a, b) => a.at - b.at).map((l) => l.label))],
    identifiers: [...new Set(identifiers)],
    checkedIdentifier,
    values,
    others: others.filter((o) => o.span !== primary.span),
    extent: record.extent,
  };
}

/** Whether the synthetic-data setting lets an assessment through, and at which severity. */
function syntheticTreatment(a: Pick<Assessment, 'synthetic'>, context: DetectorContext): Pick<DetectorHit, 'severity' | 'note'> | undefined {
  if (!a.synthetic) return {};
  switch (context.settings.syntheticData) {
    case 'ignore':
      return undefined;
    case 'info':
      return { severity: 'info', note: 'synthetic test value' };
    case 'report':
      return {};
  }
}

const MAX_RELATED = 20;

/**
 * The finding for one or more assessed records of a unit (a resource, a message, a notebook output): at the
 * first record's primary value, every raw value sensitive, the other values as related locations.
 */
export function recordHit(
  doc: SourceDocument,
  context: DetectorContext,
  assessments: Assessment[],
  params: Record<string, string>,
): DetectorHit | undefined {
  const shown = assessments.filter((a) => syntheticTreatment(a, context));
  if (!shown.length) return claimOf(assessments);
  const real = shown.filter((a) => !a.synthetic || context.settings.syntheticData === 'report');
  const treatment = syntheticTreatment({ synthetic: real.length === 0 }, context)!;
  const lead = (real.length ? real : shown)[0];
  const { span, kind } = lead.primary;
  const spans = shown.flatMap((a) => a.values);
  const related = shown
    .flatMap((a) => (a === lead ? a.others : [{ span: a.primary.span, label: 'record' }, ...a.others]))
    .slice(0, MAX_RELATED)
    .map((o) => ({ file: doc.file, range: doc.index.rangeOf(o.span.start, o.span.end), message: o.label }));
  const extentStart = Math.min(...shown.map((a) => a.extent[0]));
  const extentEnd = Math.max(...shown.map((a) => a.extent[1]));
  return {
    start: span.start,
    end: span.end,
    params: {
      fields: [...new Set(shown.flatMap((a) => a.labels))].join(', '),
      identifiers: [...new Set(shown.flatMap((a) => a.identifiers))].join(', ') || 'none',
      count: String(shown.length),
      ...params,
    },
    sensitive: spans.map((s) => [s.start, s.end] as [number, number]),
    fix: {
      description: 'Replace with a synthetic value',
      edits: [{ start: span.start, end: span.end, newText: syntheticReplacement(kind, doc.text.slice(span.start, span.end)) }],
    },
    match: [Math.min(extentStart, span.start), Math.max(extentEnd, span.end)],
    related: related.length ? related : undefined,
    strong: real.some((a) => a.checkedIdentifier),
    ...treatment,
  };
}

/** The extent of synthetic records that are not reported: nothing inside them is reported either. */
function claimOf(assessments: Assessment[]): DetectorHit | undefined {
  if (!assessments.length) return undefined;
  const { span } = assessments[0].primary;
  const start = Math.min(...assessments.map((a) => a.extent[0]));
  const end = Math.max(...assessments.map((a) => a.extent[1]));
  return { start: span.start, end: span.end, params: {}, match: [Math.min(start, span.start), Math.max(end, span.end)], claimOnly: true };
}

/** Assesses each record and reports each on its own (one finding per resource, message or dataset). */
export function recordHits(
  doc: SourceDocument,
  context: DetectorContext,
  records: Array<{ record: PersonRecord; params: Record<string, string> }>,
  prefer: Preference = 'identifier',
): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const { record, params } of records) {
    const a = assessRecord(record, context.settings.identifierSets, prefer);
    const hit = a && recordHit(doc, context, [a], params);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** The catalog type a FHIR system or OID declares, as a `declaredTypes` list. */
export function systemTypes(system: string | undefined): string[] | undefined {
  const type = system ? identifierTypeBySystem(system) : undefined;
  return type ? [type.id] : undefined;
}
