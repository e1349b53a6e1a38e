import type { SourceDocument } from '../document';
import { items, objects, parseJson, prop, str, type JsonNode } from '../formats/jsonTree';
import type { Located } from '../formats/located';
import { elements, parseXml, type XmlElement } from '../formats/xmlTree';
import { HEALTH_RESOURCE_TYPES } from '../dataflow/healthNames';
import type { Detector, DetectorHit } from './detector';
import { codeCellHits } from './notebookCode';
import { recordHits, systemTypes, type PersonName, type PersonRecord, type RecordField } from './structuredRecord';

const PERSON_RESOURCES = new Set(['Patient', 'RelatedPerson', 'Person']);
/** Resources about one patient's health, which name the patient in a reference's `display`. */
const CLINICAL_RESOURCES = new Set([...HEALTH_RESOURCE_TYPES].filter((t) => !PERSON_RESOURCES.has(t) && t !== 'Bundle'));
/** The references of a clinical resource that point at the patient. */
const PATIENT_REFERENCES = ['subject', 'patient', 'beneficiary'];
const FHIR_NS = 'http://hl7.org/fhir';

/** JSON's white space and comments, where the JSON parser allows them. */
const JSON_GAP = String.raw`(?:\s|//[^\n]*|/\*[\s\S]*?\*/)*`;
/** `"resourceType": "Patient"` as JSON writes a person resource's type (what fromJson looks for, parsed). */
/** A clinical resource may name its patient in `subject.display` or `patient.display`. */
const REFERENCE_KEY = /"(?:subject|patient)"/;
const PERSON_RESOURCE_TYPE = new RegExp(`"resourceType"${JSON_GAP}:${JSON_GAP}"(?:${[...PERSON_RESOURCES].join('|')})"`);

/** FHIR's JSON and XML forms, seen the same way: complex children and primitive values, with spans. */
interface FhirElement {
  children(name: string): FhirElement[];
  values(name: string): Located[];
}

function jsonElement(node: JsonNode): FhirElement {
  return {
    children: (name) => items(prop(node, name)).filter((n) => n.type === 'object').map(jsonElement),
    values: (name) => items(prop(node, name)).flatMap((n) => str(n) ?? []),
  };
}

function xmlElement(el: XmlElement): FhirElement {
  const named = (name: string) => el.children.filter((c) => c.local === name && c.uri === FHIR_NS);
  return {
    children: (name) => named(name).map(xmlElement),
    values: (name) => named(name).flatMap((c) => c.attributes.get('value') ?? []),
  };
}

/** The person fields of a Patient, RelatedPerson or Person resource. */
function personRecord(resource: FhirElement, extent: [number, number]): PersonRecord {
  const names: PersonName[] = resource.children('name').map((n) => {
    const given = n.values('given').map((v) => ({ ...v, role: 'given' as const }));
    const family = n.values('family').map((v) => ({ ...v, role: 'family' as const }));
    const parts = given.length || family.length ? [...given, ...family] : n.values('text').map((v) => ({ ...v, role: 'full' as const }));
    return { parts, label: 'name' };
  });
  const fields: RecordField[] = [];
  for (const v of resource.values('birthDate')) fields.push({ ...v, kind: 'birth-date', label: 'birthDate' });
  for (const id of resource.children('identifier')) {
    const declaredTypes = systemTypes(id.values('system')[0]?.text);
    for (const v of id.values('value')) fields.push({ ...v, kind: 'identifier', label: 'identifier', declaredTypes });
  }
  for (const t of resource.children('telecom')) {
    const kind = t.values('system')[0]?.text === 'email' ? 'email' : 'phone';
    for (const v of t.values('value')) fields.push({ ...v, kind, label: 'telecom' });
  }
  for (const a of resource.children('address')) {
    for (const key of ['line', 'text', 'city', 'postalCode']) {
      for (const v of a.values(key)) fields.push({ ...v, kind: 'address', label: 'address' });
    }
  }
  return { names, fields, extent };
}

/**
 * A clinical resource (a Condition, an Observation, a MedicationRequest) that names its patient: the
 * `display` of its subject or patient reference, with what the resource says about them (`code.text`,
 * `code.coding.display`). A reference without a display, or to a generated or placeholder name, is no record.
 */
function clinicalRecord(resource: FhirElement, extent: [number, number]): PersonRecord {
  const names: PersonName[] = PATIENT_REFERENCES.flatMap((key) =>
    resource.children(key).flatMap((ref) => ref.values('display').map((v) => ({ parts: [{ ...v, role: 'full' as const }], label: `${key}.display` }))),
  );
  const fields: RecordField[] = [];
  for (const code of [...resource.children('code'), ...resource.children('medicationCodeableConcept')]) {
    const values = [...code.values('text'), ...code.children('coding').flatMap((c) => c.values('display'))];
    if (values[0]) fields.push({ ...values[0], kind: 'other', label: 'code' });
  }
  return { names, fields, extent };
}

type Found = Array<{ record: PersonRecord; params: Record<string, string> }>;

function fromJson(text: string, base = 0): Found {
  const { root } = parseJson(text, base);
  const found: Found = [];
  for (const obj of objects(root)) {
    const type = str(prop(obj, 'resourceType'))?.text;
    if (type && PERSON_RESOURCES.has(type)) {
      found.push({ record: personRecord(jsonElement(obj), [obj.offset, obj.offset + obj.length]), params: { resource: type } });
    } else if (type && CLINICAL_RESOURCES.has(type)) {
      found.push({ record: clinicalRecord(jsonElement(obj), [obj.offset, obj.offset + obj.length]), params: { resource: type } });
    }
  }
  return found;
}

function fromXml(text: string): Found {
  const root = parseXml(text);
  if (!root) return [];
  return [...elements(root)]
    .filter((el) => el.uri === FHIR_NS && (PERSON_RESOURCES.has(el.local) || CLINICAL_RESOURCES.has(el.local)))
    .map((el) => ({
      record: (PERSON_RESOURCES.has(el.local) ? personRecord : clinicalRecord)(xmlElement(el), [el.start, el.end]),
      params: { resource: el.local },
    }));
}

/** JSON written inside a code string (a Python triple-quoted string, a template literal, a text block). */
function fromCodeStrings(doc: SourceDocument): Found {
  const found: Found = [];
  const seen = new Set<number>();
  for (let i = doc.text.indexOf('"resourceType"'); i >= 0; i = doc.text.indexOf('"resourceType"', i + 1)) {
    const region = doc.scopes.regionAt(i);
    if (!region || region.kind !== 'string' || seen.has(region.start)) continue;
    seen.add(region.start);
    const body = doc.text.slice(region.start, region.end);
    const open = body.indexOf('{');
    const close = body.lastIndexOf('}');
    if (open < 0 || close < open) continue;
    found.push(...fromJson(body.slice(open, close + 1), region.start + open));
  }
  return found;
}

/**
 * JSON in text: a resource logged on one line (`DEBUG fhir response {"resourceType":"Patient",…}`), or pasted in
 * a fenced block of a Markdown note.
 */
function fromTextBlocks(doc: SourceDocument): Found {
  const text = doc.text;
  const found: Found = [];
  for (const m of text.matchAll(/^(```|~~~)[^\n]*\n([\s\S]*?)^\1/gm)) {
    if (m[2].includes('"resourceType"')) found.push(...fromJson(m[2], m.index! + m[0].indexOf('\n') + 1));
  }
  if (found.length || doc.language.family === 'markdown') return found;
  for (let line = 0; line < doc.index.lineCount; line++) {
    const lineText = doc.index.lineText(line);
    const open = lineText.indexOf('{');
    const close = lineText.lastIndexOf('}');
    if (open < 0 || close < open || !lineText.includes('"resourceType"')) continue;
    found.push(...fromJson(lineText.slice(open, close + 1), doc.index.lineStart(line) + open));
  }
  return found;
}

function run(doc: SourceDocument, context: Parameters<Detector['run']>[2]): DetectorHit[] {
  const text = doc.text;
  const family = doc.language.family;
  let found: Found = [];
  if (family === 'json') {
    if (!text.includes('"resourceType"')) return [];
    // Parsing the file is in vain when neither a person resource nor a subject or patient reference with a display
    // is in it (most FHIR JSON is profiles, bundles of other resources, search parameters); escapes could hide the
    // declaration from the regex.
    if (context.prefilter !== false && !text.includes('\\u') && !PERSON_RESOURCE_TYPE.test(text) && !(text.includes('"display"') && REFERENCE_KEY.test(text))) return [];
    found = fromJson(text);
  } else if (family === 'xml') {
    if (!text.includes(FHIR_NS) || !/<(?:\w+:)?(?:Patient|RelatedPerson|Person|subject|patient)\b/.test(text)) return [];
    found = fromXml(text);
  } else {
    if (!text.includes('"resourceType"')) return [];
    found = family === 'plain' || family === 'markdown' ? fromTextBlocks(doc) : fromCodeStrings(doc);
  }
  return recordHits(doc, context, found, 'identifier');
}

/**
 * FHIR Patient, RelatedPerson and Person resources (standalone, in Bundle entries, `contained`) with
 * real-looking names, birth dates, validated identifiers, telecom and addresses, and clinical resources whose
 * subject or patient reference names the patient in its `display`: one hit per resource.
 */
export const fhirResource: Detector = {
  name: 'fhir-person-resource',
  run(doc, _options, context) {
    if (doc.language.id === 'ipynb') return codeCellHits(doc, 'resourceType', (cell) => run(cell, context));
    return run(doc, context);
  },
};
