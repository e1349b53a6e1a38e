import * as assert from 'node:assert/strict';
import { loadBuiltinRules } from '../src/engine';
import { analyzeSnippet } from './helpers';

/** The JS/TS dataflow, construct by construct: each case names the sink line it must (or must not) report. */
describe('storage dataflow (JS/TS)', () => {
  const rules = loadBuiltinRules().filter((r) => r.id.startsWith('storage.health-data'));
  const lines = (code: string, file = 'a.ts') => analyzeSnippet(file, code, rules).map((f) => `${f.ruleId.replace('storage.health-data-', '')}:${f.range.start.line}`);

  const cases: Array<[string, string, string[]]> = [
    ['parameter named after patient data', 'function f(patient) {\n  console.log(patient);\n}', ['in-logs:2']],
    ['assignment carries the source', 'function f(patient) {\n  let x;\n  x = patient;\n  console.log(x);\n}', ['in-logs:4']],
    ['reassignment to a clean value clears it', 'function f(patient) {\n  let x = patient;\n  x = "done";\n  console.log(x);\n}', []],
    ['object destructuring keeps non-opaque fields', 'function f(patient) {\n  const { name, id } = patient;\n  console.log(id);\n  console.log(name);\n}', ['in-logs:4']],
    ['array destructuring', 'function f(patients) {\n  const [first] = patients;\n  console.log(first);\n}', ['in-logs:3']],
    ['spread into a new object', 'function f(dossier) {\n  const copy = { ...dossier, seen: true };\n  logger.info(copy);\n}', ['in-logs:3']],
    ['template string', 'function f(p: Patient) {\n  const msg = `seen ${p.name}`;\n  console.warn(msg);\n}', ['in-logs:3']],
    ['property access of a clean object naming health data', 'function f(req, user) {\n  console.log(user.diagnosis);\n}', ['in-logs:2']],
    ['FHIR read returns a source', "async function f(fhir, id) {\n  const r = await fhir.read({ resourceType: 'Observation', id });\n  console.log(r.valueQuantity);\n}", ['in-logs:3']],
    ['FHIR search by path returns a source', "async function f(client) {\n  const b = await client.request('Condition?patient=1');\n  console.log(b);\n}", ['in-logs:3']],
    ['patient route request body', "router.post('/patients', (req, res) => {\n  console.log(req.body);\n  console.log(req.params.id);\n});", ['in-logs:2']],
    ['object assembled from health keys', 'function f(d) {\n  const o = {};\n  o.diagnosis = d;\n  console.log(o);\n}', ['in-logs:4']],
    ['module-level source used in a function', 'const patients = loadAll();\nfunction f() {\n  console.log(patients);\n}', ['in-logs:3']],
    ['opaque id is not health data', 'function f(patientId) {\n  console.log(patientId);\n}', []],
    ['hashed id under a health key is not health data', 'function f(hash) {\n  logger.info({ patientId: hash });\n}', []],
    ['constant message', "console.log('started');", []],
    ['count of patients', 'function f(patients) {\n  console.log(`${patients.length} patients`);\n}', []],
    ['encrypted before writing', "function f(patient) {\n  const blob = encrypt(JSON.stringify(patient));\n  fs.writeFileSync('out.bin', blob);\n}", []],
    ['plain write', "function f(patient) {\n  fs.writeFileSync('out.json', JSON.stringify(patient));\n}", ['in-plain-file:2']],
    ['expo-secure-store and Keychain are not sinks', "async function f(p: Patient) {\n  await SecureStore.setItemAsync('p', JSON.stringify(p));\n  await Keychain.setGenericPassword('p', JSON.stringify(p));\n}", []],
    ['storage key naming health data', "function f(p) {\n  localStorage.setItem('dossier', JSON.stringify(p));\n}", ['in-client-storage:2']],
    ['cookie already secure and httpOnly', "function f(res, patient) {\n  res.cookie('p', patient, { secure: true, httpOnly: true });\n}", []],
    ['cookie missing flags', "function f(res, patient) {\n  res.cookie('p', patient, { secure: true });\n}", ['in-insecure-cookie:2']],
    ['analytics', "function f(patient) {\n  Sentry.setContext('who', { nhsNumber: patient.nhsNumber });\n}", ['to-analytics:2']],
  ];
  for (const [name, code, expected] of cases) {
    it(name, () => assert.deepEqual(lines(code), expected));
  }

  it('points the finding at the sink and relates it to the source', () => {
    const [f] = analyzeSnippet('a.ts', 'function f(x) {\n  const chart = getPatientChart(x);\n  console.log(chart);\n}', rules);
    assert.equal(f.range.start.line, 3);
    assert.equal(f.evidence, 'console.log');
    assert.equal(f.related?.[0].range.start.line, 2);
  });

  it('adds secure and httpOnly to a cookie without options', () => {
    const [f] = analyzeSnippet('a.js', "function f(res, dossier) {\n  res.cookie('d', dossier);\n}", rules);
    assert.equal(f.fix?.edits[0].newText, ', { secure: true, httpOnly: true }');
  });
});

describe('storage token flow (other languages)', () => {
  const rules = loadBuiltinRules().filter((r) => r.id.startsWith('storage.health-data'));
  const lines = (file: string, code: string) => analyzeSnippet(file, code, rules).map((f) => `${f.ruleId.replace('storage.health-data-', '')}:${f.range.start.line}`);

  it('follows an assignment within a Python function, not across functions', () => {
    const code = 'def a(patient):\n    x = patient.name\n    logger.info(x)\n\ndef b(x):\n    logger.info(x)\n';
    assert.deepEqual(lines('a.py', code), ['in-logs:3']);
  });
  it('ignores arguments passed through a hashing call', () => {
    assert.deepEqual(lines('a.py', 'def a(patient):\n    logger.info(hash_id(patient.ssn))\n'), []);
  });
  it('Java typed parameter', () => {
    assert.deepEqual(lines('A.java', 'class A {\n  public void save(Patient p) {\n    log.info("saving {}", p);\n  }\n}\n'), ['in-logs:3']);
  });
  it('Kotlin SharedPreferences but not EncryptedSharedPreferences', () => {
    const plain = 'fun s(prefs: SharedPreferences, diagnosis: String) {\n    prefs.edit().putString("d", diagnosis).apply()\n}\n';
    assert.deepEqual(lines('A.kt', plain), ['in-client-storage:2']);
    assert.deepEqual(lines('A.kt', `val p = EncryptedSharedPreferences.create()\n${plain}`), []);
  });
});
