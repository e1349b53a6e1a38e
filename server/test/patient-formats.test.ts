import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_SETTINGS,
  RuleSet,
  SourceDocument,
  analyzeDocument,
  loadBuiltinRules,
  type AnalysisSettings,
  type Finding,
  type RawValues,
  type SyntheticDataMode,
} from '../src/engine';
import { hl7Messages } from '../src/engine/formats/hl7';
import { parseXml } from '../src/engine/formats/xmlTree';
import { TextIndex } from '../src/engine/textIndex';
import { applyFixes, FIXTURES, runCli } from './helpers';

const FORMAT_RULES = ['patient.fhir-resource', 'patient.hl7v2-message', 'patient.cda-document', 'patient.dicom-attributes', 'patient.notebook-output'];

const ruleSet = new RuleSet(loadBuiltinRules().filter((r) => FORMAT_RULES.includes(r.id)));

function analyze(file: string, text: string, syntheticData: SyntheticDataMode = 'ignore', raw?: RawValues): Finding[] {
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, syntheticData };
  return analyzeDocument(new SourceDocument(file, text), ruleSet, { settings, raw });
}

/** 1-based line and column of the first occurrence of `needle` (after `after`, if given). */
function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const from = after ? text.indexOf(after) : 0;
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `${needle} not in the text`);
  return new TextIndex(text).positionAt(at);
}

/** Exactly one finding of `rule`, starting at `needle`. */
function assertOneAt(findings: Finding[], rule: string, text: string, needle: string, after = ''): Finding {
  assert.deepEqual(findings.map((f) => f.ruleId), [rule], JSON.stringify(findings.map((f) => [f.ruleId, f.range.start, f.evidence])));
  assert.deepEqual(findings[0].range.start, positionOf(text, needle, after));
  return findings[0];
}

/** The fix is a synthetic replacement of the reported value, and the engine does not report its own replacement. */
function assertFixIsSilent(file: string, text: string, f: Finding): void {
  assert.equal(f.fix?.description, 'Replace with a synthetic value');
  assert.deepEqual(f.fix!.edits[0].range, f.range);
  const fixed = applyFixes(text, [f]);
  assert.notEqual(fixed, text);
  const again = analyze(file, fixed).filter((g) => g.ruleId === f.ruleId && g.range.start.line === f.range.start.line);
  assert.deepEqual(again.map((g) => g.evidence), [], `the replacement is reported:\n${fixed}`);
}

/** No raw value collected as sensitive appears in a finding's message, evidence or related messages. */
function assertMasked(findings: Finding[], raw: RawValues, values: string[]): void {
  for (const v of values) assert.ok(raw.values.includes(v), `${v} was not declared sensitive: ${JSON.stringify(raw.values)}`);
  const out = JSON.stringify(findings);
  for (const v of raw.values.filter((x) => x.length >= 4)) assert.ok(!out.includes(v), `${v} leaks: ${out}`);
}

const NHS = '7210458336';
const NHS_BAD = '7210458337';
const NIR = '284037511223311';
const SSN = '412-73-5508';

describe('patient formats: FHIR', () => {
  const patientJson = `{
  "resourceType": "Patient",
  "identifier": [
    { "system": "https://id.northwind-health.co.uk/mrn", "value": "NWH-0047719" },
    { "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "${NHS}" }
  ],
  "name": [{ "family": "Hartmann", "given": ["Harold"] }],
  "telecom": [{ "system": "phone", "value": "0113 496 0321" }],
  "birthDate": "1951-11-02",
  "address": [{ "line": ["12 Orchard Lane"], "city": "Leeds", "postalCode": "LS6 2QT" }]
}
`;

  it('reports a JSON Patient once, at its validated identifier, with every value masked and the others related', () => {
    const raw: RawValues = { values: [] };
    const findings = analyze('patient.json', patientJson, 'ignore', raw);
    const f = assertOneAt(findings, 'patient.fhir-resource', patientJson, NHS);
    assert.match(f.message, /UK NHS number/);
    assert.match(f.message, /name/);
    assert.match(f.message, /birthDate/);
    assert.ok((f.related?.length ?? 0) >= 5, JSON.stringify(f.related));
    assert.ok(f.related!.every((r) => !/\d{4}|Hartmann|Harold/.test(r.message)));
    assertMasked(findings, raw, [NHS, 'Hartmann', 'Harold', '1951-11-02', 'NWH-0047719', '12 Orchard Lane']);
    assertFixIsSilent('patient.json', patientJson, f);
  });

  it('reports at the family name when the only identifier is of an unknown system', () => {
    const text = patientJson.replace(`,\n    { "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "${NHS}" }`, '');
    const f = assertOneAt(analyze('patient.json', text), 'patient.fhir-resource', text, 'Hartmann');
    assertFixIsSilent('patient.json', text, f);
  });

  it('does not report an identifier of an unknown system, or a checksum-invalid one, without a real-looking name', () => {
    const text = `{ "resourceType": "Patient", "identifier": [
      { "system": "https://id.northwind-health.co.uk/mrn", "value": "NWH-0047719" },
      { "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "${NHS_BAD}" }], "birthDate": "1951-11-02" }`;
    for (const mode of ['ignore', 'info', 'report'] as const) assert.deepEqual(analyze('p.json', text, mode), [], mode);
  });

  it('finds Patient, RelatedPerson and Person resources in Bundle entries and contained resources, one finding each', () => {
    const text = `{ "resourceType": "Bundle", "entry": [
  { "fullUrl": "http://example.org/fhir/Patient/1", "resource": { "resourceType": "Patient",
      "identifier": [{ "system": "urn:oid:1.2.250.1.213.1.4.8", "value": "${NIR}" }],
      "contained": [{ "resourceType": "RelatedPerson", "name": [{ "family": "Fontaine", "given": ["Agnès"] }],
                      "telecom": [{ "system": "phone", "value": "07700 900461" }] }] } },
  { "resource": { "resourceType": "Person", "name": [{ "text": "Lena Vogel" }], "birthDate": "1962-04-19" } }
] }`;
    const findings = analyze('bundle.json', text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start]),
      [
        ['patient.fhir-resource', positionOf(text, NIR)],
        ['patient.fhir-resource', positionOf(text, 'Fontaine')],
        ['patient.fhir-resource', positionOf(text, 'Lena Vogel')],
      ],
    );
  });

  it('reads a resource logged on one line and one pasted in a fenced block of a note', () => {
    const resource = '{"resourceType":"Patient","name":[{"family":"Przybylski","given":["Tomasz"]}],"birthDate":"1976-03-21"}';
    const log = `2024-06-02 10:16:00 DEBUG fhir response ${resource}\n2024-06-02 10:16:01 DEBUG fhir response {"resourceType":"Bundle","total":0}\n`;
    assertOneAt(analyze('engine.log', log), 'patient.fhir-resource', log, 'Przybylski');
    const note = `# Incident\n\nThe response we got:\n\n\`\`\`json\n${JSON.stringify(JSON.parse(resource), null, 2)}\n\`\`\`\n`;
    assert.deepEqual(analyze('incident.md', note).map((f) => `${f.ruleId}:${f.range.start.line}`), ['patient.fhir-resource:10']);
  });

  it('reports a clinical resource whose subject reference names the patient, not a reference alone or a generated name', () => {
    const condition = (subject: string) =>
      `{\n  "resourceType": "Condition",\n  "code": { "text": "CKD stage 3b" },\n  "subject": ${subject},\n  "recorder": { "display": "Dr Morven Reid" }\n}\n`;
    const named = condition('{ "reference": "Patient/7f3e", "display": "Anders Holmqvist" }');
    assertOneAt(analyze('c.json', named), 'patient.fhir-resource', named, 'Anders Holmqvist');
    assert.deepEqual(analyze('c.json', condition('{ "reference": "Patient/7f3e" }')), []);
    assert.deepEqual(analyze('c.json', condition('{ "reference": "Patient/7f3e", "display": "Jacinto644 Kris249" }')), []);
    assert.deepEqual(analyze('c.json', condition('{ "reference": "Group/renal", "display": "Renal Clinic" }')), []);
  });

  it('treats Synthea patients and the FHIR specification example as synthetic: ignored, info or reported per setting', () => {
    const synthea = `{ "resourceType": "Patient", "name": [{ "family": "Kris249", "given": ["Jacinto644"] }], "birthDate": "1971-05-02" }`;
    const chalmers = `{ "resourceType": "Patient", "name": [{ "family": "Chalmers", "given": ["Peter", "James"] }], "birthDate": "1974-12-25" }`;
    for (const text of [synthea, chalmers]) {
      assert.deepEqual(analyze('p.json', text, 'ignore'), []);
      const info = analyze('p.json', text, 'info');
      assert.deepEqual(info.map((f) => [f.severity, /synthetic test value/.test(f.message)]), [['info', true]]);
      assert.deepEqual(analyze('p.json', text, 'report').map((f) => f.severity), ['error']);
    }
  });

  it('treats documented test identifiers as synthetic', () => {
    const text = `{ "resourceType": "Patient", "identifier": [{ "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990001234" }] }`;
    assert.deepEqual(analyze('p.json', text), []);
  });

  it('reports a FHIR XML Patient at the value attribute, and only in the FHIR namespace', () => {
    const xml = `<?xml version="1.0"?>
<Patient xmlns="http://hl7.org/fhir">
  <identifier><system value="urn:oid:1.2.250.1.213.1.4.8"/><value value="${NIR}"/></identifier>
  <name><family value="Marchand"/><given value="Clémence"/></name>
  <birthDate value="1984-03-12"/>
</Patient>
`;
    const f = assertOneAt(analyze('patient.xml', xml), 'patient.fhir-resource', xml, NIR);
    assertFixIsSilent('patient.xml', xml, f);
    const other = xml.replace('http://hl7.org/fhir', 'urn:example:not-fhir');
    assert.deepEqual(analyze('patient.xml', other), []);
  });

  it('reports FHIR JSON written in a code string, and not a resource built from variables', () => {
    const py = `PATIENT = """
{"resourceType": "Patient", "name": [{"family": "Marchand", "given": ["Clémence"]}],
 "telecom": [{"system": "phone", "value": "+33 6 12 34 56 78"}]}
"""
built = {"resourceType": "Patient", "name": [{"family": family, "given": [given]}], "birthDate": dob}
`;
    assertOneAt(analyze('fixtures.py', py), 'patient.fhir-resource', py, 'Marchand');
  });

  it('survives truncated and malformed JSON and XML', () => {
    const truncated = patientJson.slice(0, patientJson.indexOf('"birthDate"') + 5);
    assert.doesNotThrow(() => analyze('p.json', truncated));
    assert.doesNotThrow(() => analyze('p.json', '{"resourceType": "Patient", "name": [{"family": '));
    assert.doesNotThrow(() => analyze('p.xml', '<Patient xmlns="http://hl7.org/fhir"><name><family value="Hartmann"'));
    assert.doesNotThrow(() => analyze('p.xml', '<Patient xmlns="http://hl7.org/fhir"><a:b/></Patient><<<&&&'));
    assert.ok(parseXml('<a><b c="d"'), 'a partial tree');
  });

  it('leaves the FHIR fixtures holding only example.org URLs and an Observation clean', () => {
    for (const name of ['CapabilityStatement.json', 'lab-results-bundle.json']) {
      const text = fs.readFileSync(path.join(FIXTURES, 'fhir', name), 'utf8');
      assert.deepEqual(analyze(`fhir/${name}`, text, 'report'), [], name);
    }
  });
});

describe('patient formats: HL7 v2', () => {
  const adt = [
    'MSH|^~\\&|PAS|NWH|LAB|NWH|20240514083000||ADT^A01|MSG1|P|2.5',
    'EVN|A01|20240514083000',
    `PID|1||NWH-0047719^^^NWH^MR~${NHS}^^^NHS^NH||HARTMANN^HAROLD^J||19511102|M|||12 Orchard Lane^^Leeds^^LS6 2QT||0113 496 0321||||||412735508`,
    'NK1|1|FONTAINE^AGNES|DAU|4 Mill Road^^Leeds|07700 900461',
    'IN1|1|NHS|NHS001|NHS England||||||||||||HARTMANN^HAROLD|SEL|19511102',
    'PV1|1|I|WARD3^12^1',
  ];

  for (const [name, sep] of [['carriage returns', '\r'], ['line feeds', '\n'], ['CR LF', '\r\n']] as const) {
    it(`reports an .hl7 message separated by ${name} once, at PID-5`, () => {
      const text = adt.join(sep) + sep;
      const raw: RawValues = { values: [] };
      const findings = analyze('adt.hl7', text, 'ignore', raw);
      const f = assertOneAt(findings, 'patient.hl7v2-message', text, 'HARTMANN');
      for (const field of ['PID-3, PID-5, PID-7, PID-11, PID-13, PID-19, NK1, IN1', 'UK NHS number, US Social Security number']) {
        assert.ok(f.message.includes(field), `${field} missing from: ${f.message}`);
      }
      assertMasked(findings, raw, [NHS, 'HARTMANN', '19511102', '412735508', 'FONTAINE', '07700 900461']);
      assertFixIsSilent('adt.hl7', text, f);
    });
  }

  it('validates identifiers whose type PID-3.5 or the assigning authority OID declares', () => {
    const msg = (pid3: string) => `MSH|^~\\&|A|B|C|D|20240514||ADT^A04|1|P|2.5\rPID|1||${pid3}\r`;
    const at = (pid3: string) => analyze('m.hl7', msg(pid3)).map((f) => f.range.start.column);
    assert.deepEqual(at('536221234^^^SSA^SS'), [positionOf(msg('536221234^^^SSA^SS'), '536221234').column]);
    assert.deepEqual(at(`${NIR}^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS`), [positionOf(msg(NIR), NIR).column]);
    assert.deepEqual(at(`${NIR}^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO`), [positionOf(msg(NIR), NIR).column]);
    assert.deepEqual(at('000221234^^^SSA^SS'), [], 'an invalid SSN');
    assert.deepEqual(at(`${NHS_BAD}^^^NHS^NH`), [], 'a checksum-invalid NHS number');
    assert.deepEqual(at(`${NHS}^^^NWH^MR`), [], 'an MRN alone');
  });

  it('reads messages in JavaScript, Java and Python strings, and skips messages built from variables', () => {
    const js = `const a = 'MSH|^~\\\\&|A|B|C|D|20240514||ADT^A04|1|P|2.5\\rPID|1||${NHS}^^^NHS^NH||Bergstrom^Margaret||19720605\\r';\n`;
    assertOneAt(analyze('a.test.js', js), 'patient.hl7v2-message', js, 'Bergstrom');
    const java = `String m =
    "MSH|^~\\\\&|A|B|C|D|20240514||ADT^A01|1|P|2.5\\r" +
    "EVN|A01|20240514\\r" +
    "PID|1||NWH-0051182^^^NWH^MR||Vermeulen^Ruben||19670822|M\\r";
String built = "MSH|^~\\\\&|A|B|C|D|20240514||ADT^A01|1|P|2.5\\r" +
    "PID|1||" + mrn + "^^^NWH^MR||" + family + "^" + given + "||" + dob + "\\r";
`;
    assertOneAt(analyze('T.java', java), 'patient.hl7v2-message', java, 'Vermeulen');
    const py = `MESSAGE = (\n    "MSH|^~\\\\&|A|B|C|D|20240514||ORU^R01|9|P|2.5\\r"\n    "PID|1||||Marchand^Clémence||19840312|F\\r"\n)\n`;
    assertOneAt(analyze('m.py', py), 'patient.hl7v2-message', py, 'Marchand');
  });

  it("keeps names with apostrophes, and skips single-quoted concatenation", () => {
    const hl7 = "MSH|^~\\&|A|B|C|D|20240514||ADT^A04|1|P|2.5\rPID|1||||O'Neill^Jordan||19800412\r";
    assertOneAt(analyze('m.hl7', hl7), 'patient.hl7v2-message', hl7, "O'Neill");
    const js = "const m = 'MSH|^~\\\\&|A|B|C|D|20240514||ADT^A04|1|P|2.5\\r' +\n  'PID|1||||' + family + '^' + given + '||' + dob + '\\r';\n";
    assert.deepEqual(analyze('m.js', js), []);
  });

  it('reads a message a log printed on one line with <CR> for each carriage return', () => {
    const log = '2024-06-02 10:15:03 ERROR inbound: MSH|^~\\&|PAS|NWH|EHR|NWH|20240602101503||ADT^A08|1|P|2.4<CR>PID|1||NW-118207^^^NWH^MR||PRZYBYLSKI^TOMASZ^J||19760321|M<CR>PV1|1|I\n';
    assertOneAt(analyze('engine.log', log), 'patient.hl7v2-message', log, 'PRZYBYLSKI');
  });

  it('splits messages and segments with offsets', () => {
    const text = 'x = "MSH|^~\\\\&|A\\rPID|1||X^^^Y^MR\\r" + "PV1|1"\nMSH|^~\\&|B\nPID|2\n';
    const messages = hl7Messages(text);
    assert.deepEqual(messages.map((m) => m.segments.map((s) => s.id)), [['MSH', 'PID', 'PV1'], ['MSH', 'PID']]);
    const pid = messages[0].segments[1];
    assert.equal(text.slice(pid.fields[3].start, pid.fields[3].end), 'X^^^Y^MR');
    assert.equal(messages[0].segments[0].fields[2]?.text, '^~\\\\&', 'MSH-2');
  });

  it('treats ZZTEST and HL7 example patients and test identifiers as synthetic', () => {
    const text = 'MSH|^~\\&|A|B|C|D|20240514||ADT^A04|1|T|2.5\rPID|1||9990001234^^^NHS^NH||ZZTEST^PATIENT||19800101\rNK1|1|EVERYWOMAN^EVE\r';
    assert.deepEqual(analyze('t.hl7', text), []);
    assert.deepEqual(analyze('t.hl7', text, 'info').map((f) => [f.severity, f.message.endsWith('(synthetic test value)')]), [['info', true]]);
  });

  it('survives binary-ish and truncated input', () => {
    const noise = 'MSH|' + Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('') + 'PID|||||\rPID|';
    assert.doesNotThrow(() => analyze('x.hl7', noise));
    assert.doesNotThrow(() => analyze('x.hl7', 'MSH|'));
    assert.doesNotThrow(() => analyze('x.hl7', adt.join('\r').slice(0, 150)));
  });
});

describe('patient formats: CDA', () => {
  const cda = `<ClinicalDocument xmlns="urn:hl7-org:v3">
  <recordTarget>
    <patientRole>
      <id root="2.16.840.1.113883.19.5.99999.2" extension="MRN-3378120"/>
      <id root="2.16.840.1.113883.4.1" extension="${SSN}"/>
      <addr><streetAddressLine>2231 Cedar Hollow Drive</streetAddressLine><city>Columbus</city></addr>
      <telecom value="tel:+1(614)555-0187"/>
      <patient>
        <name><given>Margaret</given><family>Bergstrom</family></name>
        <birthTime value="19580917"/>
      </patient>
    </patientRole>
  </recordTarget>
</ClinicalDocument>
`;

  it('reports recordTarget/patientRole once, at the id its root OID declares', () => {
    const raw: RawValues = { values: [] };
    const findings = analyze('ccd.xml', cda, 'ignore', raw);
    const f = assertOneAt(findings, 'patient.cda-document', cda, SSN);
    assertMasked(findings, raw, [SSN, 'Bergstrom', 'Margaret', '19580917', '2231 Cedar Hollow Drive', 'MRN-3378120']);
    assertFixIsSilent('ccd.xml', cda, f);
  });

  it('reports at the family name when no id is a valid national identifier', () => {
    const text = cda.replace(`extension="${SSN}"`, 'extension="000-12-3456"');
    assertOneAt(analyze('ccd.xml', text), 'patient.cda-document', text, 'Bergstrom');
  });

  it('does not report templates, placeholders or truncated documents', () => {
    const template = cda.replace('Margaret', '${given}').replace('Bergstrom', '${family}').replace(`extension="${SSN}"`, 'extension="${ssn}"');
    assert.deepEqual(analyze('t.xml', template), []);
    assert.doesNotThrow(() => analyze('t.xml', cda.slice(0, cda.indexOf('<birthTime'))));
  });
});

describe('patient formats: DICOM', () => {
  const json = `[{
  "00100010": { "vr": "PN", "Value": [{ "Alphabetic": "Lemaire^Thibault" }] },
  "00100020": { "vr": "LO", "Value": ["NWH-0062231"] },
  "00100030": { "vr": "DA", "Value": ["19790214"] }
}, {
  "00100010": { "vr": "PN", "Value": [{ "Alphabetic": "ANONYMOUS" }] },
  "00100020": { "vr": "LO", "Value": ["ANON-1"] }
}]
`;

  it('reports a DICOM JSON dataset once, at the family name component', () => {
    const raw: RawValues = { values: [] };
    const findings = analyze('studies.json', json, 'ignore', raw);
    const f = assertOneAt(findings, 'patient.dicom-attributes', json, 'Lemaire');
    assert.equal(f.range.end.column - f.range.start.column, 'Lemaire'.length);
    assertMasked(findings, raw, ['Lemaire', 'Thibault', 'NWH-0062231', '19790214']);
    assertFixIsSilent('studies.json', json, f);
  });

  it('validates a PatientID whose Issuer of Patient ID names a national register, whatever the name', () => {
    const dataset = (issuer: string, id = NHS) =>
      `[{\n  "00100010": { "vr": "PN", "Value": [{ "Alphabetic": "Zqwerty^Xlorp" }] },\n  "00100020": { "vr": "LO", "Value": ["${id}"] },\n  "00100021": { "vr": "LO", "Value": ["${issuer}"] }\n}]\n`;
    assertOneAt(analyze('s.json', dataset('NHS')), 'patient.dicom-attributes', dataset('NHS'), NHS);
    assert.deepEqual(analyze('s.json', dataset('NHS', NHS_BAD)), [], 'checksum-invalid');
    assert.deepEqual(analyze('s.json', dataset('RIS')), [], 'a local issuer, and a name the dictionaries do not hold');
  });

  it('reports pydicom keyword assignments per dataset, not values from variables or anonymised ones', () => {
    const py = `import pydicom
def anonymize(ds, pseudonym):
    ds.PatientName = "ANONYMOUS^" + pseudonym
    ds.PatientBirthDate = ""
def fixture(patient):
    ds.PatientName = patient.name
    ds.PatientBirthDate = patient.birth_date
def ticket():
    ds = pydicom.dcmread("a.dcm")
    ds.PatientName = "Ferrara^Giulia"
    ds.PatientID = "NWH-0071154"
    ds.PatientBirthDate = "19930730"
`;
    const f = assertOneAt(analyze('anon.py', py), 'patient.dicom-attributes', py, 'Ferrara');
    assertFixIsSilent('anon.py', py, f);
  });

  it('reads dcm4che and fo-dicom keyword calls', () => {
    const java = `import org.dcm4che3.data.Tag;
attrs.setString(Tag.PatientName, VR.PN, "Vermeulen^Ruben");
attrs.setString(Tag.PatientBirthDate, VR.DA, "19670822");
`;
    assertOneAt(analyze('A.java', java), 'patient.dicom-attributes', java, 'Vermeulen');
    const cs = `using FellowOakDicom;
dataset.AddOrUpdate(DicomTag.PatientName, "Fontaine^Agnes");
dataset.AddOrUpdate(DicomTag.PatientID, "NWH-0099812");
`;
    assertOneAt(analyze('A.cs', cs), 'patient.dicom-attributes', cs, 'Fontaine');
  });

  it('survives malformed DICOM JSON', () => {
    assert.doesNotThrow(() => analyze('s.json', '[{"00100010": {"vr": "PN", "Value": [{"Alphabetic": '));
    assert.doesNotThrow(() => analyze('s.json', '{"00100010": 5, "00100020": {"Value": [null, 3, {}]}}'));
  });
});

describe('patient formats: notebooks', () => {
  const notebook = (cells: unknown[]) => JSON.stringify({ cells, metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 }, null, 1);
  const lines = (s: string) => s.split(/(?<=\n)/);

  it('reports a printed table once per output, on the JSON line of its first patient row', () => {
    const text = notebook([
      {
        cell_type: 'code',
        source: ['df.head()'],
        outputs: [
          {
            output_type: 'execute_result',
            data: {
              'text/plain': lines(`               name  birth_date  nhs_number\n0        Lena Vogel  1962-04-19  ${NHS}\n1   Ruben Vermeulen  1967-08-22  6324189058\n`),
              'text/html': lines(`<table><tr><th>name</th><th>birth_date</th></tr>\n<tr><td>Lena Vogel</td><td>1962-04-19</td></tr>\n</table>`),
            },
          },
        ],
      },
    ]);
    const raw: RawValues = { values: [] };
    const findings = analyze('nb.ipynb', text, 'ignore', raw);
    const f = assertOneAt(findings, 'patient.notebook-output', text, NHS);
    assert.match(f.message, /prints 2 patient row/);
    assertMasked(findings, raw, [NHS, '6324189058', 'Ruben Vermeulen', '1967-08-22']);
    assertFixIsSilent('nb.ipynb', text, f);
  });

  it('reads text/html tables and stream output, and trims words around names', () => {
    const html = notebook([
      { cell_type: 'code', source: [], outputs: [{ output_type: 'display_data', data: { 'text/html': lines('<table>\n <tr>\n  <td>Agnès Fontaine</td>\n  <td>1949-01-30</td>\n </tr>\n</table>') } }] },
    ]);
    assertOneAt(analyze('nb.ipynb', html), 'patient.notebook-output', html, 'Agnès Fontaine');
    const stream = notebook([{ cell_type: 'code', source: [], outputs: [{ output_type: 'stream', name: 'stdout', text: ['Patient Lena Vogel born 1962-04-19\n'] }] }]);
    const f = assertOneAt(analyze('nb.ipynb', stream), 'patient.notebook-output', stream, 'Lena Vogel');
    assert.equal(f.range.end.column - f.range.start.column, 'Lena Vogel'.length);
  });

  it('reads compound family names in printed rows (van Dongen, McGlynn)', () => {
    const text = notebook([
      { cell_type: 'code', source: [], outputs: [{ output_type: 'stream', name: 'stdout', text: ['0 Lotte van Dongen 1992-01-02\n', '1 Marques McGlynn 1968-12-18\n'] }] },
    ]);
    const f = assertOneAt(analyze('nb.ipynb', text), 'patient.notebook-output', text, 'Lotte van Dongen');
    assert.equal(f.range.end.column - f.range.start.column, 'Lotte van Dongen'.length);
    assert.match(f.message, /prints 2 patient row/);
  });

  it('does not report synthetic rows, aggregates, or numbers without identifier context', () => {
    const text = notebook([
      { cell_type: 'code', source: [], outputs: [{ output_type: 'stream', name: 'stdout', text: ['54.2\n', 'Jacinto644 Kris249 1971-05-02\n', `order ${NHS} shipped 2024-05-14\n`] }] },
    ]);
    assert.deepEqual(analyze('nb.ipynb', text), []);
  });

  it('runs the format rules on code cells and maps positions back to the notebook JSON', () => {
    const text = notebook([
      {
        cell_type: 'code',
        source: ['import pydicom\n', 'ds.PatientName = "Ferrara^Giulia"\n', 'ds.PatientBirthDate = "19930730"\n', `m = "MSH|^~\\\\&|A|B|C|D|20240514||ADT^A04|1|P|2.5\\rPID|1||${NHS}^^^NHS^NH||Bergstrom^Margaret\\r"\n`],
        outputs: [],
      },
    ]);
    const findings = analyze('nb.ipynb', text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start]),
      [
        ['patient.dicom-attributes', positionOf(text, 'Ferrara')],
        ['patient.hl7v2-message', positionOf(text, 'Bergstrom')],
      ],
    );
    const fixed = findings.reduce((t, f) => applyFixes(t, [f]), text);
    assert.doesNotThrow(() => JSON.parse(fixed), 'a fix keeps the notebook valid JSON');
  });

  it('survives malformed notebooks', () => {
    assert.doesNotThrow(() => analyze('nb.ipynb', '{"cells": [{"cell_type": "code", "outputs": [{"output_type": "stream", "text": ["Lena Vogel 1962'));
    assert.doesNotThrow(() => analyze('nb.ipynb', '{"cells": 3, "outputs": {}}'));
  });
});

describe('patient formats: scope', () => {
  const fakerRoot = path.dirname(require.resolve('@faker-js/faker/package.json'));

  it('stays silent on @faker-js/faker: the CLI scan, and each of its files analysed directly (minified ones too)', function () {
    this.timeout(120_000);
    const run = runCli(['scan', fakerRoot, '--format', 'json', '--fail-on', 'never']);
    assert.equal(run.status, 0, run.stderr);
    const scanned = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.ruleId.startsWith('patient.'));
    assert.deepEqual(scanned.map((f) => `${f.ruleId} ${f.file}:${f.range.start.line}`), []);
    const files = fs.readdirSync(fakerRoot, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(c?js|mjs|json|ts)$/.test(f));
    assert.ok(files.length > 100, `only ${files.length} files`);
    const found = files.flatMap((f) => analyze(f, fs.readFileSync(path.join(fakerRoot, f), 'utf8'), 'report').map((x) => `${x.ruleId} ${f}:${x.range.start.line}`));
    assert.deepEqual(found, []);
  });
});
