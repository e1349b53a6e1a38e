import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { en, fr, de, nl, it as itLocale, es, sv } from '@faker-js/faker';
import { DEFAULT_SETTINGS, SourceDocument, RuleSet, analyzeDocument, loadBuiltinRules, type Finding, type RawValues, type SyntheticDataMode } from '../src/engine';
import { parseBirthDate, birthDatesIn } from '../src/engine/people/dates';
import { fieldKind } from '../src/engine/people/fields';
import { isKnownFamilyName, isKnownGivenName, isSyntheticName, looksLikeRealName } from '../src/engine/people/names';
import { detectDelimiter, parseDelimited } from '../src/engine/people/tables';
import { applyFixes, FIXTURES } from './helpers';

const RULES = loadBuiltinRules().filter((r) => r.id === 'patient.person-record' || r.id === 'patient.tabular-records');

function scan(file: string, code: string, syntheticData: SyntheticDataMode = 'ignore', raw?: RawValues): Finding[] {
  return analyzeDocument(new SourceDocument(file, code), new RuleSet(RULES), { settings: { ...DEFAULT_SETTINGS, syntheticData }, raw });
}

const lines = (fs: Finding[]) => fs.map((f) => `${f.ruleId.replace('patient.', '')}:${f.range.start.line}`);

describe('patient people: names', () => {
  const cases: Array<[string, string, string]> = [
    ['en', 'Oliver', 'Hughes'],
    ['fr', 'Léa', 'Rousseau'],
    ['de', 'Jonas', 'Becker'],
    ['nl', 'Daan', 'Visser'],
    ['it', 'Giulia', 'Ferrari'],
    ['es', 'Lucía', 'Navarro'],
    ['sv', 'Ingrid', 'Nilsson'],
    ['pl', 'Agnieszka', 'Kowalczyk'],
    ['ro', 'Andrei', 'Popescu'],
    ['en_NG', 'Emeka', 'Okonkwo'],
    ['en_GH', 'Kwame', 'Mensah'],
    ['en_IN', 'Priya', 'Sharma'],
  ];
  for (const [locale, given, family] of cases) {
    it(`knows ${locale} names (${given} ${family})`, () => {
      assert.ok(isKnownGivenName(given), given);
      assert.ok(isKnownFamilyName(family), family);
      assert.ok(looksLikeRealName(`${given} ${family}`, true));
    });
  }

  it('takes its dictionaries from faker for every required locale', () => {
    for (const [name, locale] of Object.entries({ en, fr, de, nl, it: itLocale, es, sv })) {
      const first = Object.values(locale.person!.first_name ?? {}).flat()[0] as string;
      const last = Object.values(locale.person!.last_name ?? {}).flat()[0] as string;
      assert.ok(isKnownGivenName(first), `${name}: ${first}`);
      assert.ok(isKnownFamilyName(last), `${name}: ${last}`);
    }
  });

  it('ignores case and accents, and reads compound and inverted forms', () => {
    assert.ok(isKnownGivenName('LÉA') && isKnownGivenName('lea') && isKnownGivenName('Jean-Lucas'));
    assert.ok(looksLikeRealName('ROUSSEAU, Léa', true));
    assert.ok(looksLikeRealName('Rousseau^Léa^^^', true));
    assert.ok(looksLikeRealName('Sanne de Vries'));
  });

  it('does not take words or identifiers for names', () => {
    assert.equal(looksLikeRealName('Aspirin'), false, 'one word');
    assert.equal(looksLikeRealName('May Long', true), false, 'common words in free text');
    assert.equal(looksLikeRealName('Page Long'), false);
    assert.equal(looksLikeRealName('patient record'), false, 'lower case');
    assert.equal(looksLikeRealName('${first} ${last}'), false, 'template');
    assert.equal(looksLikeRealName('ACME-1234 Hughes'), false, 'digits');
  });

  it('recognises placeholders, Synthea names and the specification example patients', () => {
    for (const n of ['John Doe', 'DOE, JANE', 'ZZTEST Oliver', 'Test Patient', 'Jacinto644 Kris249', 'Peter James Chalmers', 'Amy V. Shaw', 'Henry Levin', 'Pieter van de Heuvel', 'Max Mustermann', 'Erika Mustermann', 'Mario Rossi', 'Jan Jansen', 'EVERYMAN^ADAM']) {
      assert.ok(isSyntheticName(n), n);
    }
    for (const n of ['Marie Dupont', 'Giulia Testa', 'Noah Evans', 'Peter Hughes', 'Amy Walsh']) assert.equal(isSyntheticName(n), false, n);
  });
});

describe('patient people: dates and keys', () => {
  const now = new Date(Date.UTC(2025, 0, 1));
  const iso = (s: string) => parseBirthDate(s, now)?.toISOString().slice(0, 10);

  it('parses birth dates in the usual formats', () => {
    const expected: Array<[string, string]> = [
      ['1984-03-12', '1984-03-12'],
      ['1984-03-12T00:00:00Z', '1984-03-12'],
      ['12/03/1984', '1984-03-12'],
      ['03/25/1984', '1984-03-25'],
      ['12.03.1984', '1984-03-12'],
      ['12-03-1984', '1984-03-12'],
      ['19840312', '1984-03-12'],
      ['198403121530', '1984-03-12'],
      ['March 12, 1984', '1984-03-12'],
      ['Mar 12 1984', '1984-03-12'],
      ['12 mars 1984', '1984-03-12'],
      ['1er mars 1984', '1984-03-01'],
      ['12. März 1984', '1984-03-12'],
      ['12 maart 1984', '1984-03-12'],
      ['12 de marzo de 1984', '1984-03-12'],
      ['12 marzo 1984', '1984-03-12'],
    ];
    for (const [text, date] of expected) assert.equal(iso(text), date, text);
  });

  it('rejects impossible and implausible dates', () => {
    for (const text of ['1899-12-31', '2025-06-01', '31/02/1984', '13/13/1984', '1984', '12 Foo 1984', '1984-02-30', '12345678']) {
      assert.equal(parseBirthDate(text, now), undefined, text);
    }
  });

  it('finds dates in free text', () => {
    const text = 'Admitted on 2024-05-02, born 12 mars 1984 (ref 20240502)';
    assert.deepEqual(birthDatesIn(text, now).map(([s, e]) => text.slice(s, e)), ['2024-05-02', '12 mars 1984', '20240502']);
  });

  it('understands keys in several languages', () => {
    const kinds: Record<string, string> = {
      firstName: 'given-name', prénom: 'given-name', Vorname: 'given-name', voornaam: 'given-name', nombre: 'given-name', förnamn: 'given-name',
      last_name: 'family-name', nom_naissance: 'family-name', Nachname: 'family-name', achternaam: 'family-name', cognome: 'family-name', efternamn: 'family-name',
      'Date of birth': 'birth-date', dob: 'birth-date', date_naissance: 'birth-date', Geburtsdatum: 'birth-date', fecha_nacimiento: 'birth-date', födelsedatum: 'birth-date', patientDob: 'birth-date',
      téléphone: 'phone', email: 'email', Adresse: 'address', postcode: 'address', icd10: 'diagnosis', fullName: 'full-name',
    };
    for (const [key, kind] of Object.entries(kinds)) assert.equal(fieldKind(key), kind, key);
    for (const key of ['title', 'createdAt', 'nominal', 'version']) assert.equal(fieldKind(key), undefined, key);
  });
});

describe('patient.person-record', () => {
  it('reports one finding per record, at the name, with field names and related locations', () => {
    const code = "const p = {\n  firstName: 'Noah',\n  lastName: 'Evans',\n  dob: '1984-03-12',\n  phone: '+44 7911 123456',\n};\n";
    const [f, ...rest] = scan('p.ts', code);
    assert.equal(rest.length, 0);
    assert.equal(f.ruleId, 'patient.person-record');
    assert.deepEqual([f.range.start.line, f.range.start.column], [2, 15]);
    assert.match(f.message, /date of birth \(dob\), phone number \(phone\)/);
    assert.deepEqual(f.related?.map((r) => `${r.range.start.line} ${r.message}`), ['3 name', '4 date of birth', '5 phone number']);
    for (const raw of ['Noah', 'Evans', '1984-03-12', '7911 123456']) {
      assert.ok(!f.message.includes(raw) && !f.evidence.includes(raw) && !JSON.stringify(f.related).includes(raw), raw);
    }
  });

  it('tells records apart: array entries, nested name objects, setters, metadata', () => {
    const array = `[\n  { "name": "Noah Evans", "birthDate": "1984-03-12" },\n  { "name": "Isla Murphy", "birthDate": "1990-11-02" }\n]\n`;
    assert.deepEqual(lines(scan('a.json', array)), ['person-record:2', 'person-record:3']);
    const fhirLike = "const p = { name: [{ family: 'Rousseau', given: ['Léa'] }], birthDate: '1991-07-22' };\n";
    assert.deepEqual(lines(scan('f.js', fhirLike)), ['person-record:1']);
    const setters = 'void seed() {\n  a.setFirstName("Jonas");\n  a.setLastName("Becker");\n  a.setDob("1968-05-30");\n  b.setFirstName("Mila");\n  b.setLastName("Wagner");\n  b.setDob("1972-11-03");\n}\n';
    assert.deepEqual(lines(scan('S.java', setters)), ['person-record:2', 'person-record:5']);
    const author = '{ "author": { "name": "Noah Evans", "email": "noah.evans@gmail.com" } }\n';
    assert.deepEqual(lines(scan('meta.json', author)), []);
  });

  it('reads Python kwargs, C# initialisers, YAML entries, SQL updates and text notes', () => {
    assert.equal(scan('s.py', 'p = Patient(first_name="Léa", last_name="Rousseau", dob=date(1991, 7, 22))\n').length, 1);
    assert.equal(scan('s.cs', 'var p = new Patient { FirstName = "Sanne", LastName = "de Vries", DateOfBirth = new DateTime(1975, 2, 14) };\n').length, 1);
    assert.deepEqual(lines(scan('d.yml', 'patients:\n  - voornaam: Daan\n    achternaam: Visser\n    geboortedatum: 14-02-1975\n  - voornaam: Fenna\n    achternaam: Smit\n')), ['person-record:2']);
    assert.equal(scan('u.sql', "UPDATE patients SET first_name = 'Emma', last_name = 'Johansson', dob = '1988-09-21' WHERE id = 4;\n").length, 1);
    assert.equal(scan('n.md', '**Name:** Freya Khan\n**DOB:** 1990-11-02\n').length, 1);
  });

  it("reads Go composite literals by position, as constructor calls, and only person-like types", () => {
    assert.deepEqual(lines(scan('s.go', 'package s\nvar demo = Patient{"Léa", "Rousseau", "1991-07-22"}\n')), ['person-record:2']);
    assert.deepEqual(lines(scan('s.go', 'package s\nvar c = Clinic{"Léa", "Rousseau", "1991-07-22"}\nvar s = PatientStore{db, cache}\n')), []);
  });

  it('reads log lines with a name and a birth date or an identifier, not a name with any date', () => {
    assert.deepEqual(lines(scan('a.log', 'INFO Admitted Léa Rousseau born 1991-07-22 to bed 12\n')), ['person-record:1']);
    assert.deepEqual(lines(scan('a.js', 'log.warn(`Duplicate record for Noah Evans NHS 617 304 9252`);\n')), ['person-record:1']);
    assert.deepEqual(lines(scan('a.log', 'INFO Bed 12 cleaned by Théo Fontaine at 2024-05-02T10:14:00Z\n')), []);
    assert.deepEqual(lines(scan('a.log', 'INFO May Long born 1991-07-22\n')), [], 'common words');
  });

  it('reads HL7-style names in logs: Family^Given with a known part, or any after PID-5', () => {
    assert.deepEqual(lines(scan('adt.log', 'WARN rejected: duplicate patient ACHTERBERG^ROSALIND dob 19490623\n')), ['person-record:1']);
    assert.deepEqual(lines(scan('adt.log', 'ERROR mapping failed: PID-5 "Okonkwo^Chidinma^A" PID-7 "19830417" has no PV1\n')), ['person-record:1']);
    assert.deepEqual(lines(scan('adt.log', 'ERROR mapping failed: "Okonkwo^Chidinma^A" on 19830417\n')), [], 'unknown names need the field');
    assert.deepEqual(lines(scan('adt.log', 'INFO test registration ZZTEST^PATIENT dob 19800101 accepted\n')), [], 'synthetic');
    assert.deepEqual(lines(scan('adt.log', 'INFO routed ADT^A08 from PAS^NWH at 20240502\n')), [], 'message types and applications');
  });

  it('reads names as registers and letters write them: Family, Given and titled', () => {
    assert.deepEqual(lines(scan('a.log', 'WARN lookup mismatch for Okafor, Harriet DOB: 1957-09-14\n')), ['person-record:1']);
    assert.deepEqual(lines(scan('a.log', 'WARN lookup mismatch for OKAFOR, HARRIET dob 1957-09-14\n')), ['person-record:1']);
    assert.deepEqual(lines(scan('a.log', 'INFO results for Mr Samuel Adeyemi (DOB 02/02/1961) sent to the GP\n')), ['person-record:1']);
    assert.deepEqual(lines(scan('a.log', 'INFO results for Mr Xyzzt Qwrtp (DOB 02/02/1961) sent\n')), [], 'no known part');
    assert.deepEqual(lines(scan('a.log', 'INFO Leeds, Yorkshire dob 1957-09-14 backup done\n')), [], 'places');
    assert.deepEqual(lines(scan('a.md', 'Reviewed by Dr Morven Reid on 12/08/2024.\n')), [], 'no birth date');
  });

  it("takes the date a birth cue is about, not the line's timestamp", () => {
    const raw: RawValues = { values: [] };
    const found = scan('a.log', '2024-06-04 02:00:42 DIFF "Okafor, Harriet" DOB 1957-09-14 (kept PAS)\n', 'ignore', raw);
    assert.deepEqual(lines(found), ['person-record:1']);
    assert.ok(raw.values.includes('1957-09-14') && !raw.values.includes('2024-06-04'), JSON.stringify(raw.values));
  });

  it('reads a sentence of prose wrapped over two lines, not two log events', () => {
    const note = 'The result concerned Anders Holmqvist,\nborn 30/11/1971, seen in the renal clinic.\n';
    assert.deepEqual(lines(scan('incident.md', note)), ['person-record:1']);
    assert.deepEqual(lines(scan('incident.md', note.replace(',\n', '.\n'))), [], 'the sentence ended');
    assert.deepEqual(lines(scan('incident.md', note.replace(',\n', ',\n\n'))), [], 'a new paragraph');
    assert.deepEqual(lines(scan('events.log', note)), [], 'log lines are events of their own');
  });

  it('reads JSON log lines with the JSON parser, each object a record: a patient\'s, not a staff member\'s', () => {
    const log = [
      '{"level":50,"msg":"payer callback rejected","body":{"member":{"first":"Lucia","last":"Fernandez","dob":"1988-02-09"},"reason":"terminated"}}',
      '{"level":30,"msg":"GET /v1/patients/P-0048812 200","patientId":"P-0048812","user":{"first":"Lucia","role":"nurse"}}',
      '{"level":30,"msg":"synthetic monitor","member":{"first":"Jane","last":"Doe","dob":"1970-01-01"}}',
      '{"level":30,"msg":"login ok","user":{"first":"Sarah","last":"Patel","email":"sarah.patel@northwind-health.org"}}',
    ].join('\n');
    assert.deepEqual(lines(scan('api.log', `${log}\n`)), ['person-record:1']);
  });

  it('stays silent on names alone, contact data alone, faker calls and non-person records', () => {
    const code = [
      "const names = ['Noah Evans', 'Isla Murphy'];",
      "const users = [{ email: 'ops@northwind-health.com', phone: '+44 20 7946 0000' }];",
      'const gen = { name: faker.person.fullName(), dob: faker.date.birthdate(), phone: faker.phone.number() };',
      "const drug = { name: 'Aspirin', expires: '2023-04-01' };",
      "const ward = { name: 'Young Wing', opened: '2004-09-15' };",
      "const banner = { title: 'May', subtitle: 'Will Long', date: '2019-05-01' };",
      "const p = new Doctor('Hugo', 'Navarro', 'hugo@clinic.org');",
    ].join('\n');
    assert.deepEqual(lines(scan('x.ts', code)), []);
  });

  it('follows the synthetic-data setting', () => {
    const code = "const a = { name: 'John Doe', dob: '1970-01-01' };\nconst b = { name: 'Jacinto644 Kris249', dob: '1961-05-04' };\nconst c = { name: 'Amelia Walsh', phone: '(202) 555-0147' };\n";
    assert.deepEqual(lines(scan('s.ts', code, 'ignore')), []);
    const info = scan('s.ts', code, 'info');
    assert.deepEqual(lines(info), ['person-record:1', 'person-record:2', 'person-record:3']);
    assert.ok(info.every((f) => f.severity === 'info' && f.message.endsWith('(synthetic test value)')));
    const report = scan('s.ts', code, 'report');
    assert.ok(report.length === 3 && report.every((f) => f.severity === 'error'));
  });

  it('offers a synthetic replacement that the engine does not report', () => {
    const code = "const p = { firstName: 'Noah', lastName: 'Evans', dob: '1984-03-12' };\nlogger.info(`Admitted Léa Rousseau born 1991-07-22`);\n";
    const findings = scan('p.ts', code);
    assert.equal(findings.length, 2);
    for (const f of findings) assert.equal(f.fix?.description, 'Replace with a synthetic value');
    const fixed = applyFixes(code, findings);
    assert.notEqual(fixed, code);
    assert.deepEqual(lines(scan('p.ts', fixed, 'ignore')), []);
  });
});

describe('patient.tabular-records', () => {
  it('parses delimited text with quotes, doubled quotes, delimiters and line breaks inside quotes', () => {
    const text = 'a;b;c\n1;"x; ""y""";"multi\nline"\n';
    assert.equal(detectDelimiter('a;b;c'), ';');
    assert.equal(detectDelimiter('a\tb,c\td'), '\t');
    const rows = parseDelimited(text, ';');
    assert.deepEqual(rows.map((r) => r.cells.map((c) => c.value)), [['a', 'b', 'c'], ['1', 'x; "y"', 'multi\nline']]);
    assert.equal(text.slice(rows[1].cells[1].start, rows[1].cells[1].end), 'x; ""y""');
  });

  it('reports a CSV export once, on its first patient row, with row count and columns', () => {
    const csv = 'patient_id;nom;prénom;date_naissance;nhs_number\n1;Evans;Noah;12/03/1984;617 304 9252\n2;Murphy;Isla;;\n3;"Quinn";"Arthur";03/07/1955;\n';
    const raw: RawValues = { values: [] };
    const findings = scan('export.csv', csv, 'ignore', raw);
    assert.deepEqual(lines(findings), ['tabular-records:2']);
    assert.match(findings[0].message, /2 rows of patient data \(columns: nom, prénom, date_naissance, nhs_number\)/);
    assert.ok(raw.values.includes('617 304 9252') && raw.values.includes('Evans'));
    assert.ok(!findings[0].evidence.includes('Evans') && !findings[0].evidence.includes('617 304 9252'));
  });

  it('reports SQL INSERT and COPY blocks into patient-like tables and markdown tables', () => {
    const sql = [
      'INSERT INTO patients (first_name, last_name, dob) VALUES',
      "  ('Lucía', 'Navarro', '1988-09-21'),",
      "  ('Hugo', 'Sánchez', DATE '1957-01-30');",
      "INSERT INTO products (name, created) VALUES ('Alessandro Conti', '1984-03-12');",
      'COPY public.patients_archive (id, given, family, birth_date) FROM stdin;',
      '7\tDaan\tVisser\t1975-02-14',
      '\\.',
    ].join('\n');
    const findings = scan('dump.sql', sql);
    assert.deepEqual(lines(findings), ['tabular-records:2', 'tabular-records:6']);
    assert.match(findings[0].message, /^patients holds 2 rows/);
    const md = '| Name | DOB |\n|---|---|\n| Noah Evans | 12/03/1984 |\n| Isla Murphy | 02/11/1990 |\n';
    assert.deepEqual(lines(scan('note.md', md)), ['tabular-records:3']);
  });

  it('stays silent on products, users with emails only, names without dates, and synthetic rows', () => {
    assert.deepEqual(lines(scan('products.csv', 'sku,name,price\nA-1,Aspirin,3.20\n')), []);
    assert.deepEqual(lines(scan('users.csv', 'id,email\n1,ops@northwind-health.com\n')), []);
    assert.deepEqual(lines(scan('staff.md', '| Name | Role |\n|---|---|\n| Noah Evans | Nurse |\n')), []);
    const synthea = 'FIRST,LAST,BIRTHDATE,SSN\nJacinto644,Kris249,1961-05-04,999-73-4417\n';
    assert.deepEqual(lines(scan('synthea.csv', synthea)), []);
    const info = scan('synthea.csv', synthea, 'info');
    assert.equal(info[0]?.severity, 'info');
    assert.equal(scan('synthea.csv', synthea, 'report')[0]?.severity, 'error');
  });

  it('offers a replacement for the first row that the engine does not report again', () => {
    const csv = 'first_name,last_name,dob\nNoah,Evans,1984-03-12\n';
    const findings = scan('e.csv', csv);
    assert.equal(findings.length, 1);
    assert.deepEqual(lines(scan('e.csv', applyFixes(csv, findings))), []);
  });
});

describe('patient people: faker data and the fixtures', () => {
  it("faker's own name data are names without records", () => {
    for (const [name, locale] of Object.entries({ en, fr, de, nl, it: itLocale, es, sv })) {
      const json = JSON.stringify(locale.person, null, 2);
      assert.deepEqual(lines(scan(`${name}.json`, json, 'report')), [], name);
      const js = `export default ${JSON.stringify(locale.person).replace(/"(\w+)":/g, '$1:')};\n`;
      assert.deepEqual(lines(scan(`${name}.js`, js, 'report')), [], name);
    }
  });

  it('the people fixtures hold the traps the rules must pass over', () => {
    const dir = path.join(FIXTURES, 'patient-data', 'people');
    for (const file of ['web/src/staff.ts', 'exports/products.csv', 'exports/users.csv', 'exports/synthea_patients.csv']) {
      assert.deepEqual(lines(scan(file, fs.readFileSync(path.join(dir, file), 'utf8'))), [], file);
    }
  });
});
