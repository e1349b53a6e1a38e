import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, IDENTIFIER_SETS, RuleSet, SourceDocument, analyzeDocument, loadBuiltinRules, type IdentifierSet } from '../src/engine';
import { IDENTIFIER_TYPES } from '../src/engine/identifiers/catalog';
import { recognizeDeclared, recognizeInContext } from '../src/engine/identifiers/recognize';
import { REPO_ROOT } from './helpers';
import { CLEARTEXT, runMain, treeFactory } from './trees';

const PATIENT_RULES = new RuleSet(loadBuiltinRules().filter((r) => r.category === 'patient-data'));

function ruleIds(file: string, text: string, identifierSets: readonly IdentifierSet[]): string[] {
  return analyzeDocument(new SourceDocument(file, text), PATIENT_RULES, { settings: { ...DEFAULT_SETTINGS, identifierSets } }).map((f) => f.ruleId);
}

const allBut = (set: IdentifierSet) => IDENTIFIER_SETS.filter((s) => s !== set);
const NIR = '284037511223311';

/** One file per detector that recognises identifiers, each holding one country's identifier as its only evidence. */
const CASES: Array<{ what: string; set: IdentifierSet; file: string; text: string; rule: string }> = [
  { what: 'a NIR in code', set: 'fr', file: 'patient.js', text: "const nir = '2 41 12 33 122 313 09';\n", rule: 'patient.national-identifier' },
  { what: 'an SSN in code', set: 'us', file: 'Fixture.java', text: 'class A { void f(Patient patient) { patient.setSsn("536-96-6187"); } }\n', rule: 'patient.national-identifier' },
  { what: 'an NHS number in a log', set: 'uk', file: 'app.log', text: 'admitted patient, nhs number 721 045 8336\n', rule: 'patient.national-identifier' },
  {
    what: 'a name with a NIR (person record)',
    set: 'fr',
    file: 'seed.js',
    text: "const patient = { name: 'Émile Garnier', nir: '1 79 10 69 111 383 72' };\n",
    rule: 'patient.person-record',
  },
  { what: 'a CSV of names and BSNs', set: 'nl', file: 'patients.csv', text: 'naam,bsn\nDaan de Vries,240005375\nSanne Jansen,830006783\n', rule: 'patient.tabular-records' },
  {
    what: 'a FHIR Patient with a declared INS-NIR',
    set: 'fr',
    file: 'patient.json',
    text: `{ "resourceType": "Patient", "identifier": [{ "system": "urn:oid:1.2.250.1.213.1.4.8", "value": "${NIR}" }] }\n`,
    rule: 'patient.fhir-resource',
  },
  {
    what: 'an HL7 PID with a declared INS-NIR',
    set: 'fr',
    file: 'adt.hl7',
    text: `MSH|^~\\&|A|B|C|D|20240514||ADT^A04|1|P|2.5\rPID|1||${NIR}^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS\r`,
    rule: 'patient.hl7v2-message',
  },
  {
    what: 'a notebook output printing names and NHS numbers',
    set: 'uk',
    file: 'nb.ipynb',
    text: JSON.stringify({
      cells: [{ cell_type: 'code', source: [], outputs: [{ output_type: 'stream', name: 'stdout', text: ['         name  nhs_number\n', '0  Lena Vogel  7210458336\n'] }] }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    }),
    rule: 'patient.notebook-output',
  },
];

describe('identifier sets (patientData.identifierSets)', () => {
  for (const c of CASES) {
    it(`${c.what}: found by default and with '${c.set}', not with every other set`, () => {
      assert.deepEqual(ruleIds(c.file, c.text, DEFAULT_SETTINGS.identifierSets), [c.rule]);
      assert.deepEqual(ruleIds(c.file, c.text, [c.set]), [c.rule]);
      assert.deepEqual(ruleIds(c.file, c.text, allBut(c.set)), []);
    });
  }

  it('a French NIR is found with fr, not with us only; by default both the NIR and an SSN are', () => {
    const text = "const nir = '2 41 12 33 122 313 09';\nconst ssn = '536-96-6187';\n";
    const lines = (sets: readonly IdentifierSet[]) =>
      analyzeDocument(new SourceDocument('ids.js', text), PATIENT_RULES, { settings: { ...DEFAULT_SETTINGS, identifierSets: sets } }).map((f) => f.range.start.line);
    assert.deepEqual(lines(DEFAULT_SETTINGS.identifierSets), [1, 2]);
    assert.deepEqual(lines(['fr']), [1]);
    assert.deepEqual(lines(['us']), [2]);
    assert.deepEqual(lines(['fr', 'us']), [1, 2]);
  });

  it('payment cards are checked whatever sets are enabled', async () => {
    const text = "const billing = { patientId: 'P-1042', cardNumber: '4432 8607 9560 4450', expiry: '09/27' };\n";
    for (const sets of [DEFAULT_SETTINGS.identifierSets, ['fr'], ['se']] as const) assert.deepEqual(ruleIds('billing.js', text, sets), ['patient.payment-card'], sets.join());
  });

  it('a value that fits a disabled and an enabled type is recognised as the enabled one', async () => {
    // Nine digits that pass both the Dutch eleven-test and the Canadian SIN's Luhn check, under an identity word.
    const both = '593393788';
    assert.equal(recognizeInContext(both, 'national id', { sets: ['nl'] })?.type.id, 'nl-bsn');
    assert.equal(recognizeInContext(both, 'national id', { sets: ['ca'] })?.type.id, 'ca-sin');
    assert.equal(recognizeInContext(both, 'national id', { sets: ['fr'] }), undefined);
  });

  it('a declared identifier of a disabled set is not recognised', async () => {
    assert.equal(recognizeDeclared('fr-nir', NIR, ['fr'])?.type.id, 'fr-nir');
    assert.equal(recognizeDeclared('fr-nir', NIR, ['us', 'uk']), undefined);
  });

  it('every set has identifiers, and the schema and the editor setting list the same sets', async () => {
    for (const set of IDENTIFIER_SETS) assert.ok(IDENTIFIER_TYPES.some((t) => t.set === set), `no identifier type in '${set}'`);
    assert.deepEqual(IDENTIFIER_TYPES.filter((t) => t.set === 'international').map((t) => t.id), ['payment-card']);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'rules', 'schema', 'config.schema.json'), 'utf8'));
    assert.deepEqual(schema.properties.patientData.properties.identifierSets.items.enum, [...IDENTIFIER_SETS]);
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['hdguard.patientData.identifierSets'];
    assert.deepEqual(setting.items.enum, [...IDENTIFIER_SETS]);
    assert.equal(setting.items.enumDescriptions.length, IDENTIFIER_SETS.length);
  });

  describe('in .hdguard.yaml', () => {
    const trees = treeFactory();
    after(trees.cleanup);
    const IDS = { 'ids.js': "const nir = '2 41 12 33 122 313 09';\nconst ssn = '536-96-6187';\n" };

    async function scanned(config: string): Promise<string[]> {
      const r = await runMain(['scan', '.', '-f', 'json', '--fail-on', 'never'], trees.make({ ...IDS, '.hdguard.yaml': config }));
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout).findings.map((f: { message: string }) => f.message.replace(/ hard-coded.*/s, ''));
    }

    it('limits the scan to the sets listed', async () => {
      assert.deepEqual(await scanned('patientData:\n  syntheticData: ignore\n'), ['French NIR / INS (numéro de sécurité sociale)', 'US Social Security number']);
      assert.deepEqual(await scanned('patientData:\n  identifierSets: [fr]\n'), ['French NIR / INS (numéro de sécurité sociale)']);
      assert.deepEqual(await scanned('patientData:\n  identifierSets:\n    - us\n    - uk\n'), ['US Social Security number']);
    });

    async function oneLineError(config: string): Promise<string> {
      const r = await runMain(['scan', '.'], trees.make({ 'api.js': CLEARTEXT(), '.hdguard.yaml': config }));
      assert.equal(r.status, 2, `exit ${r.status}: ${r.stderr}${r.stdout}`);
      const lines = r.stderr.split('\n').filter(Boolean);
      assert.equal(lines.length, 1, r.stderr);
      return lines[0];
    }

    it('an unknown set is a one-line error naming the file, the line, the field and the value', async () => {
      assert.equal(
        await oneLineError('patientData:\n  identifierSets: [fr, xx]\n'),
        `hdguard: .hdguard.yaml:2: field 'patientData.identifierSets' names an unknown identifier set 'xx' (known: ${IDENTIFIER_SETS.join(', ')})`,
      );
      assert.match(await oneLineError('patientData:\n  identifierSets:\n    - fr\n    - FR\n'), /^hdguard: \.hdguard\.yaml:4: field 'patientData\.identifierSets' names an unknown identifier set 'FR' /);
    });

    it('an empty list or a single word is a one-line error saying what is expected', async () => {
      for (const value of ['[]', 'fr']) {
        assert.match(await oneLineError(`patientData:\n  identifierSets: ${value}\n`), /^hdguard: \.hdguard\.yaml:2: field 'patientData\.identifierSets' must list identifier sets \(known: us, fr, /);
      }
    });
  });
});
