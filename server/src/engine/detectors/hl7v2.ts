import type { SourceDocument } from '../document';
import { component, hl7Messages, repetitions, split, type Hl7Message, type Hl7Segment, type Hl7Value } from '../formats/hl7';
import type { Detector, DetectorContext, DetectorHit } from './detector';
import { codeCellHits } from './notebookCode';
import { recordHits, systemTypes, type PersonName, type PersonRecord, type RecordField } from './structuredRecord';

/** HL7 table 0203 identifier type codes (PID-3.5) that declare a national identifier (DICOM issuers use them too). */
export const TYPE_CODES: Record<string, string[]> = {
  SS: ['us-ssn'],
  NNUSA: ['us-ssn'],
  MC: ['us-mbi', 'au-medicare'],
  NH: ['uk-nhs'],
  NHS: ['uk-nhs'],
  NNGBR: ['uk-nhs'],
  NNFRA: ['fr-nir'],
  INS: ['fr-nir'],
  'INS-NIR': ['fr-nir'],
  NNNLD: ['nl-bsn'],
  NNBEL: ['be-national-number'],
  NNITA: ['it-codice-fiscale'],
  NNESP: ['es-dni-nie'],
  NNSWE: ['se-personnummer'],
  NNIND: ['in-aadhaar'],
  NNCAN: ['ca-sin'],
  JHN: ['ca-on-health-number', 'ca-bc-phn', 'au-medicare'],
};

type FieldKind = RecordField['kind'];

/** Code building a message from variables (`"PID|1||" + mrn + "^^^`), not data; an apostrophe alone is a name's (O'Neill). */
const CODE_GLUE = /["`]|'\s*[+.,)]|[+.(,]\s*'/;

/** A populated value that is data. */
const value = (v: Hl7Value | undefined) => (v && v.text.trim() && v.text !== '""' && !CODE_GLUE.test(v.text) ? v : undefined);

/** An XPN/XCN name (family^given^middle...) as name parts. */
function nameOf(field: Hl7Value | undefined, label: string): PersonName[] {
  return repetitions(field).map((rep) => {
    const family = value(component(rep, 1));
    const given = [value(component(rep, 2)), value(component(rep, 3))].filter((v): v is Hl7Value => Boolean(v));
    return {
      label,
      parts: [...given.map((g) => ({ ...g, role: 'given' as const })), ...(family ? [{ ...family, role: 'family' as const }] : [])],
    };
  });
}

/** The whole of a field's first repetition (an address, a phone) as one value. */
function whole(field: Hl7Value | undefined, kind: FieldKind, label: string): RecordField[] {
  const rep = repetitions(field)[0];
  if (!rep || !value(rep) || !/[\p{L}\p{N}]/u.test(rep.text.replace(/\^/g, ''))) return [];
  const kindOf: FieldKind = kind === 'phone' && rep.text.includes('@') ? 'email' : kind;
  return [{ ...rep, kind: kindOf, label }];
}

function identifiers(field: Hl7Value | undefined, label: string, declared?: string[]): RecordField[] {
  return repetitions(field).flatMap((rep): RecordField[] => {
    const id = value(component(rep, 1));
    if (!id) return [];
    const authority = split(split(rep, '^')[3], '&');
    const typeCode = component(rep, 5)?.text.trim().toUpperCase();
    const declaredTypes =
      declared ?? (typeCode ? TYPE_CODES[typeCode] : undefined) ?? systemTypes(authority[1] && `urn:oid:${authority[1].text.trim()}`);
    return [{ ...id, kind: 'identifier', label, declaredTypes }];
  });
}

function birthDate(field: Hl7Value | undefined, label: string): RecordField[] {
  const v = value(component(field, 1));
  return v ? [{ ...v, kind: 'birth-date', label }] : [];
}

/** The person fields of PID, NK1, IN1 and IN2 (HL7 v2.5 field numbers). */
function collect(seg: Hl7Segment, names: PersonName[], fields: RecordField[]): void {
  const f = (n: number) => seg.fields[n];
  switch (seg.id) {
    case 'PID':
      fields.push(...identifiers(f(2), 'PID-2'), ...identifiers(f(3), 'PID-3'), ...identifiers(f(4), 'PID-4'));
      names.push(...nameOf(f(5), 'PID-5'));
      fields.push(...birthDate(f(7), 'PID-7'));
      fields.push(...whole(f(11), 'address', 'PID-11'), ...whole(f(13), 'phone', 'PID-13'));
      fields.push(...identifiers(f(19), 'PID-19', ['us-ssn']));
      break;
    case 'NK1':
      names.push(...nameOf(f(2), 'NK1'));
      fields.push(...whole(f(4), 'address', 'NK1'), ...whole(f(5), 'phone', 'NK1'));
      break;
    case 'IN1':
      names.push(...nameOf(f(16), 'IN1'));
      fields.push(...birthDate(f(18), 'IN1'), ...whole(f(19), 'address', 'IN1'));
      fields.push(...identifiers(f(36), 'IN1'), ...identifiers(f(49), 'IN1'));
      break;
    case 'IN2':
      fields.push(...identifiers(f(2), 'IN2', ['us-ssn']), ...identifiers(f(8), 'IN2', ['us-mbi']));
      break;
  }
}

function recordOf(message: Hl7Message): { record: PersonRecord; params: Record<string, string> } {
  const names: PersonName[] = [];
  const fields: RecordField[] = [];
  for (const seg of message.segments) collect(seg, names, fields);
  const msh = message.segments[0];
  const type = msh?.id === 'MSH' ? /^[A-Z0-9]{3}(\^[A-Z0-9]{3})?/.exec(msh.fields[9]?.text ?? '')?.[0] : undefined;
  return { record: { names, fields, extent: [message.start, message.end] }, params: { message: type ? `${type} message` : 'message' } };
}

function run(doc: SourceDocument, context: DetectorContext): DetectorHit[] {
  if (!doc.text.includes('MSH|')) return [];
  return recordHits(doc, context, hl7Messages(doc.text).map(recordOf), 'name');
}

/** HL7 v2 messages (.hl7 files, message strings in code) carrying a real-looking patient: one hit per message. */
export const hl7v2: Detector = {
  name: 'hl7v2-patient-segments',
  run(doc, _options, context) {
    if (doc.language.id === 'ipynb') return codeCellHits(doc, 'MSH|', (cell) => run(cell, context));
    return run(doc, context);
  },
};
