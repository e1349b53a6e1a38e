import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, RuleSet, SourceDocument, analyzeDocument, loadBuiltinRules, type Finding, type SyntheticDataMode } from '../src/engine';
import { IDENTIFIER_TYPES, identifierTypeById } from '../src/engine/identifiers/catalog';
import { contextWords, hasSyntheticRun, recognizeDeclared, recognizeInContext } from '../src/engine/identifiers/recognize';
import { syntheticReplacement } from '../src/engine/synthetic/replacement';

const RULES = loadBuiltinRules().filter((r) => r.id === 'patient.national-identifier' || r.id === 'patient.payment-card');

function scan(file: string, code: string, syntheticData: SyntheticDataMode = 'ignore'): Finding[] {
  return analyzeDocument(new SourceDocument(file, code), new RuleSet(RULES), { settings: { ...DEFAULT_SETTINGS, syntheticData } });
}

const typeOf = (value: string, context: string, label?: string) => recognizeInContext(value, context, { label })?.type.id;

/**
 * Checksum-valid values, none a documented test value, each computed with the validators (see
 * identifiers.test.ts for the arithmetic), with the key that names it.
 */
const SAMPLES: Array<{ type: string; value: string; key: string; invalid?: string }> = [
  // No one-digit change leaves the SSN's ranges without making it an ITIN or another valid SSN.
  { type: 'us-ssn', value: '536-96-6187', key: 'ssn', invalid: '666-96-6187' },
  { type: 'us-itin', value: '966-70-5456', key: 'itin' },
  { type: 'us-mbi', value: '7MR9-R15-FR43', key: 'medicareMbi' },
  { type: 'us-npi', value: '1184663155', key: 'npi' },
  { type: 'us-dea', value: 'BN3029205', key: 'deaNumber' },
  { type: 'fr-nir', value: '2 41 12 33 122 313 09', key: 'nir' },
  { type: 'fr-nir', value: '2 60 11 2A 874 635 32', key: 'numero_securite_sociale' },
  { type: 'uk-nhs', value: '489 108 8338', key: 'nhsNumber' },
  { type: 'nl-bsn', value: '256807760', key: 'bsn' },
  { type: 'be-national-number', value: '71.11.13-082.29', key: 'rijksregisternummer' },
  { type: 'de-kvnr', value: 'M607911444', key: 'kvnr' },
  { type: 'de-lanr', value: '566475329', key: 'lanr' },
  { type: 'ca-sin', value: '397 836 537', key: 'sin' },
  { type: 'ca-bc-phn', value: '9584 958 176', key: 'phn' },
  { type: 'ca-on-health-number', value: '1893-020-337', key: 'ohip' },
  { type: 'au-medicare', value: '5158 44931 7', key: 'medicareNumber' },
  { type: 'it-codice-fiscale', value: 'BNCLCU88B03F457U', key: 'codiceFiscale' },
  { type: 'es-dni-nie', value: '19055873M', key: 'dni' },
  { type: 'se-personnummer', value: '611104-8028', key: 'personnummer' },
  { type: 'in-aadhaar', value: '3946 2669 9700', key: 'aadhaar' },
  { type: 'payment-card', value: '4794 9986 8323 8155', key: 'cardNumber' },
];

/** The value with one digit changed so that its check (or, without one, its ranges) fails. */
function brokenVariant(typeId: string, value: string): string {
  const type = identifierTypeById(typeId)!;
  for (let i = value.length - 1; i >= 0; i--) {
    if (!/\d/.test(value[i])) continue;
    for (let d = 1; d <= 9; d++) {
      const v = value.slice(0, i) + String((Number(value[i]) + d) % 10) + value.slice(i + 1);
      if (!type.validate(v)) return v;
    }
  }
  throw new Error(`no invalid variant of ${value}`);
}

describe('patient identifiers: recognition in context', () => {
  for (const s of SAMPLES) {
    it(`${s.type} ${s.key}: recognised with its own key, not without context, not with a wrong check`, () => {
      assert.equal(typeOf(s.value, `${s.key}: '${s.value}'`, s.key), s.type);
      assert.equal(typeOf(s.value, `value: '${s.value}'`, 'value'), undefined);
      const broken = s.invalid ?? brokenVariant(s.type, s.value);
      assert.equal(typeOf(broken, `${s.key}: '${broken}'`, s.key), undefined, broken);
    });
  }

  it('patient words accept a value written in its own grouping, not the same digits plain', () => {
    assert.equal(typeOf('536-96-6187', 'patient 536-96-6187 admitted'), 'us-ssn');
    assert.equal(typeOf('536966187', 'patient 536966187 admitted'), undefined);
    assert.equal(typeOf('489 108 8338', 'Patient 489 108 8338 seen in clinic'), 'uk-nhs');
    assert.equal(typeOf('4891088338', 'Patient 4891088338 seen in clinic'), undefined);
    assert.equal(typeOf('2 41 12 33 122 313 09', 'dossier patient 2 41 12 33 122 313 09'), 'fr-nir');
  });

  it('identifiers without a check digit need their own words', () => {
    assert.equal(typeOf('7MR9-R15-FR43', 'patient 7MR9-R15-FR43'), undefined);
    assert.equal(typeOf('7MR9-R15-FR43', 'medicare 7MR9-R15-FR43'), 'us-mbi');
    assert.equal(typeOf('966-70-5456', 'taxpayer 966-70-5456'), 'us-itin');
  });

  it('matches whole words only, accents and case folded, camelCase and snake_case split', () => {
    assert.equal(contextWords('patientNHSNumber numéro_Sécu'), ' patient nhs number numero secu ');
    assert.equal(typeOf('397 836 537', 'using 397 836 537 items', 'using'), undefined);
    assert.equal(typeOf('2 41 12 33 122 313 09', 'inside 2 41 12 33 122 313 09', 'inside'), undefined);
    assert.equal(typeOf('2 41 12 33 122 313 09', 'Numéro de Sécurité Sociale : 2 41 12 33 122 313 09'), 'fr-nir');
    assert.equal(typeOf('M607911444', 'KRANKENVERSICHERTENNUMMER M607911444'), 'de-kvnr');
  });

  it('short ambiguous words count only as the key', () => {
    assert.equal(typeOf('397836537', 'let y = sin(x) * 397836537'), undefined);
    assert.equal(typeOf('397836537', 'sin = 397836537', 'sin'), 'ca-sin');
    assert.equal(typeOf('BNCLCU88B03F457U', 'see cf notes BNCLCU88B03F457U'), undefined);
    assert.equal(typeOf('BNCLCU88B03F457U', 'cf: BNCLCU88B03F457U', 'cf'), 'it-codice-fiscale');
  });

  it('a key naming something else vetoes the value: phones, orders, timestamps, codes', () => {
    assert.equal(typeOf('489 108 8338', 'patient phone 489 108 8338', 'patient phone'), undefined);
    assert.equal(typeOf('4891088338', 'orderId: 4891088338 for the nhs trust', 'orderId'), undefined);
    assert.equal(typeOf('1184663155', 'createdAt: 1184663155 npi lookup', 'createdAt'), undefined);
    assert.equal(typeOf('489 108 8338', 'Call the patient on 489 108 8338'), undefined);
    // …unless the key names the identifier too.
    assert.equal(typeOf('489 108 8338', 'nhsNumberFromOrder: 489 108 8338', 'nhsNumberFromOrder'), 'uk-nhs');
  });

  it('several fitting types: own words win, then patient ids over provider ids', () => {
    // 2022157362 passes the NHS mod 11, Ontario's Luhn and the Australian Medicare check.
    assert.equal(typeOf('2022157362', 'nhs: 2022157362', 'nhs'), 'uk-nhs');
    assert.equal(typeOf('2022157362', 'ohip: 2022157362', 'ohip'), 'ca-on-health-number');
    assert.equal(typeOf('2022157362', 'medicare number: 2022157362', 'medicare number'), 'au-medicare');
    // 1002114373 passes the NHS mod 11 and the NPI's Luhn.
    assert.equal(typeOf('1002114373', 'npi: 1002114373', 'npi'), 'us-npi');
    assert.equal(typeOf('1002114373', 'national_id: 1002114373', 'national_id'), 'uk-nhs');
    // 105939250 is a valid SSN, BSN, SIN and LANR at once.
    assert.equal(typeOf('105939250', 'bsn: 105939250', 'bsn'), 'nl-bsn');
    assert.equal(typeOf('105939250', 'lanr: 105939250', 'lanr'), 'de-lanr');
  });

  it('test values and obviously made-up values are flagged as test values', () => {
    assert.equal(recognizeInContext('999 000 0018', 'nhs 999 000 0018')?.testValue, true);
    assert.equal(recognizeInContext('123-45-6789', 'ssn 123-45-6789')?.testValue, true);
    assert.equal(recognizeInContext('987-65-4321', 'itin 987-65-4321')?.testValue, true);
    // Synthea writes SSNs as 999-XX-XXXX: not a valid SSN, and an ITIN only where named so.
    assert.equal(typeOf('999-58-1732', '"system": "http://hl7.org/fhir/sid/us-ssn", "value": "999-58-1732"', 'value'), undefined);
    assert.equal(recognizeInContext('1234567893', 'npi 1234567893')?.testValue, true);
    assert.equal(recognizeInContext('536-96-6187', 'ssn 536-96-6187', { label: 'fakeSsn' })?.testValue, true);
    assert.equal(recognizeInContext('536-96-6187', "ssn: faker.helpers.fake('536-96-6187')")?.testValue, true);
    assert.equal(recognizeInContext('536-96-6187', 'ssn 536-96-6187')?.testValue, false);
    assert.ok(hasSyntheticRun('1 85 05 99 999 123 45') && hasSyntheticRun('4111111111111111') && hasSyntheticRun('x234567'));
    assert.ok(!hasSyntheticRun('2 41 12 33 122 313 09'));
  });

  it('a declared type is decided by its check alone', () => {
    assert.equal(recognizeDeclared('uk-nhs', '4891088338')?.type.id, 'uk-nhs');
    assert.equal(recognizeDeclared('uk-nhs', '4891088339'), undefined);
    assert.equal(recognizeDeclared('uk-nhs', '9990000018')?.testValue, true);
  });
});

describe('patient identifiers: the detector in files', () => {
  it('reports identifiers in code, strings, comments, logs and markdown, masked, with a synthetic fix', () => {
    const code = [
      "const patient = { nhsNumber: '489 108 8338' };",
      '// patient SSN 536-96-6187, from the ticket',
      'String prescriber = "npi 1184663155";',
    ].join('\n');
    const found = scan('a.ts', code);
    assert.deepEqual(found.map((f) => [f.ruleId, f.range.start.line, f.severity]), [
      ['patient.national-identifier', 1, 'error'],
      ['patient.national-identifier', 2, 'error'],
      ['patient.national-identifier', 3, 'info'],
    ]);
    for (const f of found) {
      for (const raw of ['489 108 8338', '4891088338', '536-96-6187', '1184663155']) {
        assert.ok(!f.message.includes(raw) && !f.evidence.includes(raw), `${raw} leaked in ${f.message} / ${f.evidence}`);
      }
      assert.equal(f.fix?.description, 'Replace with a synthetic value');
    }
    assert.equal(found[0].evidence, '48* *** **38');
    assert.match(found[0].message, /^UK NHS number hard-coded here: a real patient identifier/);
    assert.equal(found[0].fix?.edits[0].newText.replace(/\d/g, '0'), '000 000 0000');
    assert.match(found[0].fix!.edits[0].newText, /^999 /);
    assert.equal(found[1].fix?.edits[0].newText.slice(0, 10), '987-65-432');
    assert.match(scan('incident.md', 'Aadhaar number 3946 2669 9700 was exported.\n')[0].message, /Indian Aadhaar number/);
    assert.equal(scan('app.log', '10:14:07 WARN eligibility failed medicare_mbi=7MR9-R15-FR43\n').length, 1);
  });

  it('stays silent on near-misses: order numbers, phones, timestamps, versions, IPs, UUIDs, hashes, long numbers', () => {
    const code = [
      "const order = { orderId: '4891088338', invoice: '1184663155', sku: '536966187' };",
      "const contact = { patient: 'P-1', phone: '489 108 8338', mobile: '+44 489 108 8338', fax: '(489) 108-8338' };",
      'const createdAt = 1184663155; const ms = 1712345678123; const ver = "2.41.12"; const ip = "10.12.4.201";',
      "const trace = '550e8400-e29b-41d4-a716-489108833800'; const sha = 'a3f1c9e40b7d2c554891088338';",
      "const big = '94891088338'; const longer = 4891088338123; const part = '4891088338.5'; const ts = '2024-05-02T10:14:07';",
      'patient ids: 4891088338, 536966187 (record numbers, not identifiers)',
      "nhs_numbers_masked = '***-***-' + last4; const SSN_REGEX = /^\\d{3}-\\d{2}-\\d{4}$/;",
      "const luhnButRandom = { ref: '4794998683238155', count: 4794998683238155 };",
    ].join('\n');
    assert.deepEqual(scan('a.js', code).map((f) => `${f.range.start.line}:${f.evidence}`), []);
  });

  it('leaves CSV files to the tabular rule and HL7 v2 fields to the HL7 rule', () => {
    assert.deepEqual(scan('patients.csv', 'nhs_number,name\n489 108 8338,x\n'), []);
    assert.deepEqual(scan('adt.hl7', 'PID|1||4891088338^^^NHS^NH||Vogel^Lena||19620419|F\n'), []);
    assert.deepEqual(scan('a.js', "const msg = 'MSH|^~\\\\&|REG\\rPID|1||NWH-1~4891088338^^^NHS^NH||Vogel^Lena';\n"), []);
    assert.equal(scan('a.js', "// nhs 4891088338 | ward 3\n").length, 1);
  });

  it('payment cards need card words, and are warnings', () => {
    const found = scan('billing.js', "const billing = { cardNumber: '4794 9986 8323 8155' };\nconst order = { orderId: '4794998683238155' };\n");
    assert.deepEqual(found.map((f) => [f.ruleId, f.range.start.line, f.severity, f.evidence]), [
      ['patient.payment-card', 1, 'warning', '47** **** **** **55'],
    ]);
    assert.equal(found[0].fix?.edits[0].newText.replace(/\d/g, '0'), '0000 0000 0000 0000');
    assert.deepEqual(scan('billing.js', "const billing = { cardNumber: '4111 1111 1111 1111' };\n"), []);
  });

  it('follows syntheticData for test values: ignore, info with a note, or report as real', () => {
    const code = "const p = { nhsNumber: '999 000 0018', ssn: '123-45-6789' };\n";
    assert.deepEqual(scan('a.ts', code, 'ignore'), []);
    const info = scan('a.ts', code, 'info');
    assert.deepEqual(info.map((f) => f.severity), ['info', 'info']);
    assert.ok(info.every((f) => f.message.endsWith('(synthetic test value)')));
    const real = scan('a.ts', code, 'report');
    assert.deepEqual(real.map((f) => f.severity), ['error', 'error']);
    assert.ok(real.every((f) => !f.message.includes('(synthetic test value)')));
  });
});

describe('patient identifiers: synthetic replacements', () => {
  for (const s of SAMPLES) {
    it(`${s.type} (${s.value.replace(/\w/g, '#')}): same layout, reproducible, never reported again`, () => {
      const replacement = syntheticReplacement({ identifier: s.type }, s.value);
      assert.notEqual(replacement, s.value);
      assert.equal(syntheticReplacement({ identifier: s.type }, s.value), replacement, 'not reproducible');
      assert.equal(replacement.replace(/[A-Za-z0-9]/g, '#'), s.value.replace(/[A-Za-z0-9]/g, '#'), 'layout changed');
      const type = identifierTypeById(s.type)!;
      // The SSN advertising range lies outside the SSN's issued areas; every other replacement passes its check.
      if (s.type !== 'us-ssn') assert.ok(type.validate(replacement), `${replacement} fails its own check`);
      const line = (v: string) => `const patient = { ${s.key}: '${v}' };\n`;
      assert.equal(scan('a.ts', line(s.value)).length, 1, 'the original is not reported');
      assert.deepEqual(scan('a.ts', line(replacement)).map((f) => f.evidence), [], `${replacement} is reported`);
      const again = recognizeInContext(replacement, line(replacement), { label: s.key });
      assert.ok(!again || again.testValue, `${replacement} is not recognised as synthetic`);
    });
  }

  it('every identifier type has a sample here', () => {
    assert.deepEqual([...new Set(SAMPLES.map((s) => s.type))].sort(), IDENTIFIER_TYPES.map((t) => t.id).sort());
  });

  it('uses the official test ranges where one exists', () => {
    assert.match(syntheticReplacement({ identifier: 'uk-nhs' }, '489 108 8338'), /^999 \d{3} \d{4}$/);
    assert.match(syntheticReplacement({ identifier: 'us-ssn' }, '536966187'), /^98765432\d$/);
    assert.match(syntheticReplacement({ identifier: 'payment-card' }, '4794998683238155'), /^(4111111111111111|4242424242424242|4012888888881881|4000056655665556)$/);
  });

  it('names carry a Synthea-style number, in the original layout and case', () => {
    assert.match(syntheticReplacement('given-name', 'Louise', 'fr'), /^\p{Lu}[\p{L}' -]+\d{2,3}$/u);
    assert.match(syntheticReplacement('family-name', 'MARCHAND', 'fr'), /^[\p{Lu}' -]+\d{2,3}$/u);
    assert.match(syntheticReplacement('full-name', 'Marchand, Louise', 'fr'), /^[\p{L}' -]+\d+, [\p{L}' -]+\d+$/u);
    assert.match(syntheticReplacement('full-name', 'MARCHAND^LOUISE^^^'), /^[\p{Lu}' -]+\d+\^[\p{Lu}' -]+\d+\^\^\^$/u);
    assert.equal(syntheticReplacement('full-name', 'Louise Marchand'), syntheticReplacement('full-name', 'Louise Marchand'));
  });

  it('dates, phones, emails and addresses keep their format and use reserved values', () => {
    assert.match(syntheticReplacement('birth-date', '1961-04-13'), /^\d{4}-\d{2}-\d{2}$/);
    assert.match(syntheticReplacement('birth-date', '13/04/1961'), /^\d{2}\/\d{2}\/\d{4}$/);
    assert.match(syntheticReplacement('birth-date', '19610413'), /^(19|20)\d{6}$/);
    assert.match(syntheticReplacement('phone', '(212) 448-7391'), /^\(\d{3}\) 555-01\d{2}$/);
    assert.match(syntheticReplacement('phone', '+44 7911 123456'), /^\+44 7700 900\d{3}$/);
    assert.match(syntheticReplacement('phone', '06 12 34 56 78'), /^06 39 98 \d{2} \d{2}$/);
    assert.match(syntheticReplacement('email', 'louise.marchand@orange.fr'), /@example\.(com|net|org)$/);
    assert.ok(syntheticReplacement('address', '12 rue de la Paix, 75002 Paris', 'fr').includes(','));
  });
});
