import { Faker, allLocales, type LocaleDefinition } from '@faker-js/faker';
import { identifierTypeById } from '../../src/engine/identifiers/catalog';
import { GENERATORS } from './validIdentifiers';

/**
 * The recall and noise suite's cases, generated with a fixed seed: synthetic-but-valid patient data in
 * several locales and formats (each must be reported), and near-misses of the same shapes (none may be).
 */
export type CaseKind = 'identifier' | 'record' | 'near-miss';

export interface Case {
  kind: CaseKind;
  format: string;
  locale: string;
  file: string;
  text: string;
}

interface LocaleSetup {
  locale: string;
  faker: Faker;
  identifier: string;
  /** The key a developer of that country would give the identifier. */
  idKey: string;
  keys: { given: string; family: string; birth: string };
}

const loc = (...names: string[]): LocaleDefinition[] => [...names.map((n) => (allLocales as Record<string, LocaleDefinition>)[n]), allLocales.en, allLocales.base];

function setups(seed: number): LocaleSetup[] {
  const make = (locale: string, identifier: string, idKey: string, keys: LocaleSetup['keys']): LocaleSetup => {
    const faker = new Faker({ locale: loc(locale) });
    faker.seed(seed + locale.length * 7919 + locale.charCodeAt(0));
    return { locale, faker, identifier, idKey, keys };
  };
  const en = { given: 'firstName', family: 'lastName', birth: 'birthDate' };
  return [
    make('en_US', 'us-ssn', 'ssn', en),
    make('en_GB', 'uk-nhs', 'nhsNumber', en),
    make('fr', 'fr-nir', 'nir', { given: 'prenom', family: 'nom', birth: 'date_naissance' }),
    make('de', 'de-kvnr', 'kvnr', { given: 'vorname', family: 'nachname', birth: 'geburtsdatum' }),
    make('nl', 'nl-bsn', 'bsn', { given: 'voornaam', family: 'achternaam', birth: 'geboortedatum' }),
    make('it', 'it-codice-fiscale', 'codiceFiscale', { given: 'nome', family: 'cognome', birth: 'dataNascita' }),
    make('es', 'es-dni-nie', 'dni', { given: 'nombre', family: 'apellido', birth: 'fechaNacimiento' }),
    make('sv', 'se-personnummer', 'personnummer', { given: 'fornamn', family: 'efternamn', birth: 'fodelsedatum' }),
    make('en_AU', 'au-medicare', 'medicareNumber', en),
    make('en_US', 'us-mbi', 'mbi', en),
    make('fr', 'be-national-number', 'rijksregisternummer', { given: 'prenom', family: 'nom', birth: 'date_naissance' }),
  ];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const hl7Date = (d: Date) => iso(d).replace(/-/g, '');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Person {
  given: string;
  family: string;
  birth: Date;
}

function personOf(s: LocaleSetup): Person {
  return { given: s.faker.person.firstName(), family: s.faker.person.lastName(), birth: s.faker.date.birthdate({ min: 1930, max: 2015, mode: 'year' }) };
}

const q = (s: string) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
const dq = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** An identifier in the setting a developer would paste it into, by format. */
const IDENTIFIER_TEMPLATES: Record<string, { file: string; render: (key: string, value: string) => string }> = {
  javascript: { file: 'patient.test.js', render: (k, v) => `const patient = { id: 42, ${k}: '${q(v)}', active: true };\n` },
  typescript: { file: 'fixtures.ts', render: (k, v) => `export const fixture: PatientDto = {\n  ${k}: "${dq(v)}",\n  ward: "B2",\n};\n` },
  python: { file: 'seed.py', render: (k, v) => `patient = {"${k}": "${dq(v)}", "active": True}\n` },
  java: { file: 'PatientTest.java', render: (k, v) => `patient.set${cap(k)}("${dq(v)}");\n` },
  yaml: { file: 'patients.yaml', render: (k, v) => `patient:\n  ${k}: "${dq(v)}"\n  ward: B2\n` },
};

const RECORD_FORMATS = ['javascript', 'python', 'java', 'fhir-json', 'fhir-xml', 'hl7', 'csv', 'sql', 'notebook'] as const;

function renderRecord(format: (typeof RECORD_FORMATS)[number], s: LocaleSetup, p: Person): { file: string; text: string } {
  const { given, family, birth } = s.keys;
  switch (format) {
    case 'javascript':
      return { file: 'patients.fixture.js', text: `module.exports = [{ ${given}: '${q(p.given)}', ${family}: '${q(p.family)}', ${birth}: '${iso(p.birth)}' }];\n` };
    case 'python':
      return { file: 'seed_patients.py', text: `PATIENT = {"${given}": "${dq(p.given)}", "${family}": "${dq(p.family)}", "${birth}": "${iso(p.birth)}"}\n` };
    case 'java':
      return {
        file: 'PatientFixtures.java',
        text: `Patient p = Patient.builder()\n    .${given}("${dq(p.given)}")\n    .${family}("${dq(p.family)}")\n    .${birth}("${iso(p.birth)}")\n    .build();\n`,
      };
    case 'fhir-json':
      return {
        file: 'patient.json',
        text: `${JSON.stringify({ resourceType: 'Patient', name: [{ family: p.family, given: [p.given] }], gender: 'female', birthDate: iso(p.birth) }, null, 2)}\n`,
      };
    case 'fhir-xml':
      return {
        file: 'patient.xml',
        text: `<Patient xmlns="http://hl7.org/fhir">\n  <name>\n    <family value="${xml(p.family)}"/>\n    <given value="${xml(p.given)}"/>\n  </name>\n  <birthDate value="${iso(p.birth)}"/>\n</Patient>\n`,
      };
    case 'hl7':
      return {
        file: 'adt_a01.hl7',
        text: `MSH|^~\\&|ADT|HOSP|LAB|HOSP|20240101120000||ADT^A01|MSG00001|P|2.5\rPID|1||${s.faker.number.int({ min: 100000, max: 999999 })}^^^HOSP^MR||${p.family}^${p.given}||${hl7Date(p.birth)}|F\r`,
      };
    case 'csv':
      return { file: 'export.csv', text: `first_name,last_name,date_of_birth\n${p.given},${p.family},${iso(p.birth)}\n` };
    case 'sql':
      return { file: 'seed.sql', text: `INSERT INTO patients (first_name, last_name, birth_date) VALUES ('${p.given.replace(/'/g, "''")}', '${p.family.replace(/'/g, "''")}', '${iso(p.birth)}');\n` };
    case 'notebook':
      return {
        file: 'analysis.ipynb',
        text: `${JSON.stringify(
          {
            cells: [
              {
                cell_type: 'code',
                execution_count: 3,
                metadata: {},
                source: ['df.head(1)'],
                outputs: [
                  {
                    output_type: 'execute_result',
                    execution_count: 3,
                    metadata: {},
                    data: { 'text/plain': ['  first_name   last_name date_of_birth\n', `0 ${p.given} ${p.family} ${iso(p.birth)}`] },
                  },
                ],
              },
            ],
            metadata: {},
            nbformat: 4,
            nbformat_minor: 5,
          },
          null,
          1,
        )}\n`,
      };
  }
}

/** Values of identifier shapes that are not identifiers, in the same kinds of places. */
function nearMiss(s: LocaleSetup, i: number): { format: string; file: string; text: string } {
  const f = s.faker;
  const valid = GENERATORS[s.identifier](f);
  switch (i % 8) {
    case 0:
      return { format: 'checksum-invalid', file: 'patient.test.js', text: `const patient = { ${s.idKey}: '${q(breakCheck(s.identifier, valid))}' };\n` };
    case 1:
      return { format: 'phone', file: 'clinic.ts', text: `export const clinic = { name: 'Riverside clinic', phone: '${q(f.phone.number())}' };\n` };
    case 2:
      return { format: 'order-id', file: 'orders.py', text: `order = {"order_id": "${f.string.numeric(10)}", "total": ${f.number.int(500)}}\n` };
    case 3:
      return { format: 'uuid', file: 'Visit.java', text: `visit.setPatientId("${f.string.uuid()}");\n` };
    case 4:
      return { format: 'timestamp', file: 'events.js', text: `const event = { type: 'admit', at: ${f.date.recent().getTime()}, seq: ${f.string.numeric(9)} };\n` };
    case 5:
      return { format: 'random-digits', file: 'config.yaml', text: `batch:\n  size: ${f.number.int(1000)}\n  token: "${f.string.numeric({ length: { min: 9, max: 12 } })}"\n` };
    case 6:
      return { format: 'names-only', file: 'doctors.js', text: `const attendings = ['${q(f.person.fullName())}', '${q(f.person.fullName())}'];\n` };
    default:
      return { format: 'invoice', file: 'invoice.sql', text: `UPDATE invoices SET amount = ${f.number.int(9999)} WHERE invoice_no = '${f.string.numeric(11)}';\n` };
  }
}

/** The identifier made invalid by the smallest change: a digit off (a forbidden part for unchecked types). */
function breakCheck(typeId: string, value: string): string {
  if (typeId === 'us-ssn') return value.replace(/\d{4}$/, '0000');
  if (typeId === 'us-mbi') return `${value[0]}S${value.slice(2)}`;
  const type = identifierTypeById(typeId)!;
  for (let i = value.length - 1; i >= 0; i--) {
    if (!/\d/.test(value[i])) continue;
    const broken = value.slice(0, i) + ((Number(value[i]) + 1) % 10) + value.slice(i + 1);
    if (!type.validate(broken)) return broken;
  }
  throw new Error(`cannot break ${typeId}`);
}

/** `perLocale` identifier cases and record cases for each locale, and as many near-misses. */
export function generateCases(perLocale = 455, seed = 20261129): Case[] {
  const cases: Case[] = [];
  const identifierFormats = Object.keys(IDENTIFIER_TEMPLATES);
  for (const s of setups(seed)) {
    for (let i = 0; i < perLocale; i++) {
      const format = identifierFormats[i % identifierFormats.length];
      const t = IDENTIFIER_TEMPLATES[format];
      cases.push({ kind: 'identifier', format, locale: s.locale, file: t.file, text: t.render(s.idKey, GENERATORS[s.identifier](s.faker)) });
      const recordFormat = RECORD_FORMATS[i % RECORD_FORMATS.length];
      cases.push({ kind: 'record', format: recordFormat, locale: s.locale, ...renderRecord(recordFormat, s, personOf(s)) });
      for (const j of [2 * i, 2 * i + 1]) cases.push({ kind: 'near-miss', locale: s.locale, ...nearMiss(s, j) });
    }
  }
  return cases;
}
