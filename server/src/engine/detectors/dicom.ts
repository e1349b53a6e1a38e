import type { SourceDocument } from '../document';
import { items, objects, parseJson, prop, str, type JsonNode } from '../formats/jsonTree';
import type { Located } from '../formats/located';
import type { Detector, DetectorContext, DetectorHit } from './detector';
import { codeCellHits } from './notebookCode';
import { TYPE_CODES } from './hl7v2';
import { recordHits, systemTypes, type PersonName, type PersonRecord, type RecordField } from './structuredRecord';

type Found = Array<{ record: PersonRecord; params: Record<string, string> }>;

/** Patient-module attributes: DICOM JSON tag, keyword, and what the value is. */
const ATTRIBUTES: Array<{ tag: string; keyword: string; kind: 'name' | RecordField['kind'] }> = [
  { tag: '00100010', keyword: 'PatientName', kind: 'name' },
  { tag: '00100020', keyword: 'PatientID', kind: 'identifier' },
  { tag: '00100030', keyword: 'PatientBirthDate', kind: 'birth-date' },
  { tag: '00101000', keyword: 'OtherPatientIDs', kind: 'identifier' },
  { tag: '00101001', keyword: 'OtherPatientNames', kind: 'name' },
  { tag: '00101005', keyword: 'PatientBirthName', kind: 'name' },
  { tag: '00101040', keyword: 'PatientAddress', kind: 'address' },
  { tag: '00101060', keyword: 'PatientMotherBirthName', kind: 'name' },
  { tag: '00102154', keyword: 'PatientTelephoneNumbers', kind: 'phone' },
];

/** A PN value (Family^Given^Middle^Prefix^Suffix) as name parts with offsets. */
function personName(v: Located, label: string): PersonName {
  const parts: PersonName['parts'] = [];
  let s = 0;
  v.text.split('=')[0].split('^').forEach((text, i) => {
    const lead = text.length - text.trimStart().length;
    if (i < 3 && text.trim()) parts.push({ text: text.trim(), start: v.start + s + lead, end: v.start + s + lead + text.trim().length, role: i === 0 ? 'family' : 'given' });
    s += text.length + 1;
  });
  // Display order: given names first.
  return { label, parts: [...parts.filter((p) => p.role === 'given'), ...parts.filter((p) => p.role === 'family')] };
}

function addValue(record: PersonRecord, attr: (typeof ATTRIBUTES)[number], v: Located): void {
  if (!v.text.trim()) return;
  if (attr.kind === 'name') record.names.push(personName(v, attr.keyword));
  else record.fields.push({ ...v, kind: attr.kind, label: attr.keyword });
}

/** Issuers of Patient ID (0010,0021) that name a national register, beside HL7's identifier type codes. */
const ISSUERS: Record<string, string[]> = { NLMINBIZA: ['nl-bsn'], SSA: ['us-ssn'], 'US SSN': ['us-ssn'], 'NHS ENGLAND': ['uk-nhs'] };

/** The identifier types that a dataset's Issuer of Patient ID, by name or by OID (0010,0024 > 0040,0032), declares. */
function issuerTypes(obj: JsonNode): string[] | undefined {
  const first = (tag: string, from: JsonNode | undefined = obj) => str(items(prop(prop(from, tag), 'Value'))[0])?.text.trim();
  const issuer = first('00100021')?.toUpperCase();
  const qualifiers = items(prop(prop(obj, '00100024'), 'Value'))[0];
  const oid = qualifiers && first('00400032', qualifiers);
  return (issuer && (TYPE_CODES[issuer] ?? ISSUERS[issuer])) || systemTypes(oid && `urn:oid:${oid}`);
}

/** DICOM JSON (DICOMweb): each object holding patient-module tags is one dataset. */
function fromJson(text: string): Found {
  const { root } = parseJson(text);
  const found: Found = [];
  for (const obj of objects(root)) {
    const record: PersonRecord = { names: [], fields: [], extent: [obj.offset, obj.offset + obj.length] };
    for (const attr of ATTRIBUTES) {
      const element = prop(obj, attr.tag);
      if (!element) continue;
      for (const item of items(prop(element, 'Value'))) {
        const v: Located | undefined = str(item) ?? str(prop(item as JsonNode, 'Alphabetic'));
        if (v) addValue(record, attr, v);
      }
    }
    const declared = record.fields.some((f) => f.label === 'PatientID') ? issuerTypes(obj) : undefined;
    for (const f of record.fields) if (f.label === 'PatientID' && declared) f.declaredTypes = declared;
    if (record.names.length || record.fields.length) found.push({ record, params: { dataset: 'DICOM JSON dataset' } });
  }
  return found;
}

const KEYWORDS = ATTRIBUTES.map((a) => a.keyword).join('|');
/**
 * `ds.PatientName = "Doe^John"`, `PatientName="..."` (keyword arguments), `"PatientName": "..."` (keyword
 * dictionaries), `Tag.PatientName, VR.PN, "..."` (dcm4che), `DicomTag.PatientName, "..."` (fo-dicom).
 * Only literal values: a value from a variable is not data.
 */
const ASSIGNMENT = new RegExp(
  `(?:\\b(?<receiver>[A-Za-z_]\\w*)\\.|\\b(?:Dicom)?Tag\\.|["'])?\\b(?<keyword>${KEYWORDS})\\b["']?\\s*(?:=|:|,\\s*(?:VR\\.\\w+\\s*,\\s*)?)\\s*[rbuf]?(?<q>["'])(?<value>[^"'\\n]*)\\k<q>`,
  'g',
);
const GROUP_GAP_LINES = 15;

/** Keyword assignments in code, grouped per receiver and nearness: each group is one dataset. */
function fromCode(doc: SourceDocument): Found {
  const groups = new Map<string, { record: PersonRecord; lastLine: number; keywords: Set<string> }>();
  const found: Found = [];
  for (const m of doc.text.matchAll(ASSIGNMENT)) {
    const g = m.groups!;
    const attr = ATTRIBUTES.find((a) => a.keyword === g.keyword)!;
    const valueStart = m.index! + m[0].length - 1 - g.value.length;
    const line = doc.index.lineIndexAt(m.index!);
    const key = g.receiver && !/^(Dicom)?Tag$/.test(g.receiver) ? g.receiver : '';
    let group = groups.get(key);
    // A keyword set again starts another dataset, and so does a long gap.
    if (!group || line - group.lastLine > GROUP_GAP_LINES || group.keywords.has(g.keyword)) {
      group = { record: { names: [], fields: [], extent: [m.index!, m.index! + m[0].length] }, lastLine: line, keywords: new Set() };
      groups.set(key, group);
      found.push({ record: group.record, params: { dataset: 'DICOM dataset' } });
    }
    group.lastLine = line;
    group.keywords.add(g.keyword);
    group.record.extent[1] = m.index! + m[0].length;
    addValue(group.record, attr, { text: g.value, start: valueStart, end: valueStart + g.value.length });
  }
  return found;
}

function run(doc: SourceDocument, context: DetectorContext): DetectorHit[] {
  const text = doc.text;
  if (doc.language.family === 'json') {
    return text.includes('"00100010"') || text.includes('"00100020"') ? recordHits(doc, context, fromJson(text)) : [];
  }
  if (doc.language.family === 'xml' || doc.language.family === 'plain' || !text.includes('Patient') || !/dicom|dcm4che/i.test(text)) return [];
  return recordHits(doc, context, fromCode(doc));
}

/** DICOM patient-module attributes with real-looking values: DICOM JSON datasets and keyword assignments in code. */
export const dicomAttributes: Detector = {
  name: 'dicom-patient-attributes',
  run(doc, _options, context) {
    if (doc.language.id === 'ipynb') return codeCellHits(doc, 'Patient', (cell) => run(cell, context));
    return run(doc, context);
  },
};
