import type { Located } from '../formats/located';
import { child, childrenNamed, elements, parseXml, textOf, type XmlElement } from '../formats/xmlTree';
import type { Detector } from './detector';
import { recordHits, systemTypes, type PersonName, type PersonRecord, type RecordField } from './structuredRecord';

const CDA_NS = 'urn:hl7-org:v3';

const texts = (els: XmlElement[]) => els.flatMap((e) => textOf(e) ?? []);

/** recordTarget/patientRole: id (root OID → identifier type, extension = value), addr, telecom, patient name and birthTime. */
function patientRecord(role: XmlElement): PersonRecord {
  const fields: RecordField[] = [];
  for (const id of childrenNamed(role, 'id')) {
    const extension = id.attributes.get('extension');
    const root = id.attributes.get('root')?.text.trim();
    if (extension) fields.push({ ...extension, kind: 'identifier', label: 'id', declaredTypes: systemTypes(root && `urn:oid:${root}`) });
  }
  for (const addr of childrenNamed(role, 'addr')) {
    for (const part of ['streetAddressLine', 'city', 'postalCode']) {
      for (const v of texts(childrenNamed(addr, part))) fields.push({ ...v, kind: 'address', label: 'addr' });
    }
  }
  for (const t of childrenNamed(role, 'telecom')) {
    const v = t.attributes.get('value');
    if (v && !/^(tel|mailto|fax):?$/i.test(v.text.trim())) fields.push({ ...v, kind: /^mailto:/i.test(v.text) ? 'email' : 'phone', label: 'telecom' });
  }
  const patient = child(role, 'patient');
  const names: PersonName[] = childrenNamed(patient, 'name').map((n) => {
    const given: Located[] = texts(childrenNamed(n, 'given'));
    const family: Located[] = texts(childrenNamed(n, 'family'));
    const parts = given.length || family.length
      ? [...given.map((g) => ({ ...g, role: 'given' as const })), ...family.map((f) => ({ ...f, role: 'family' as const }))]
      : texts([n]).map((t) => ({ ...t, role: 'full' as const }));
    return { label: 'name', parts };
  });
  const birth = child(patient, 'birthTime')?.attributes.get('value');
  if (birth) fields.push({ ...birth, kind: 'birth-date', label: 'birthTime' });
  return { names, fields, extent: [role.start, role.end] };
}

/** CDA / C-CDA documents whose recordTarget/patientRole holds a real-looking patient: one hit per patientRole. */
export const cdaDocument: Detector = {
  name: 'cda-record-target',
  run(doc, _options, context) {
    if (doc.language.family !== 'xml' || !doc.text.includes('ClinicalDocument') || !doc.text.includes('recordTarget')) return [];
    const root = parseXml(doc.text);
    if (!root) return [];
    const roles = [...elements(root)]
      .filter((el) => el.local === 'recordTarget' && el.uri === CDA_NS)
      .flatMap((rt) => childrenNamed(rt, 'patientRole'));
    return recordHits(doc, context, roles.map((role) => ({ record: patientRecord(role), params: { resource: 'recordTarget' } })));
  },
};
