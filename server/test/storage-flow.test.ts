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
    ['a record looked up by a patient route\'s parameters', "router.get('/patients/:id', async (req, res) => {\n  const record = await service.get(req.params.id);\n  console.log(record);\n  const prefs = await settings.load();\n  console.log(prefs);\n  const n = await service.countVisits(req.params.id);\n  console.log(n);\n});", ['in-logs:3']],
    ['a lookup by a request outside patient routes', "router.get('/rota/:day', async (req, res) => {\n  const rota = await service.get(req.params.day);\n  console.log(rota);\n});", []],
    ['Intercom, FullStory and Amplitude instances', "function boot(patient) {\n  window.Intercom('update', { name: patient.name });\n  FS.identify(id, { diagnosis_str: patient.diagnosis });\n  amplitude.getInstance().logEvent('viewed', { plan: plan.id });\n}", ['to-analytics:2', 'to-analytics:3']],
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
    // values coming back from API calls, typed or routed, through promise callbacks
    ['then callback of a typed read', "function f(id) {\n  http.get<Patient>(`/p/${id}`).then(({ data }) => {\n    localStorage.setItem('p', JSON.stringify(data));\n  });\n}", ['in-client-storage:3']],
    ['then callback keeping only an id', "function f(id) {\n  http.get<Patient>(`/p/${id}`).then(({ data }) => localStorage.setItem('last', data.id));\n}", []],
    ['fetch of a patient route, json, then', "function f(id) {\n  fetch(`/api/patients/${id}/summary`).then((r) => r.json()).then((body) => {\n    sessionStorage.setItem('s', JSON.stringify(body));\n  });\n}", ['in-client-storage:3']],
    ['fetch of another route', "function f() {\n  fetch('/api/settings').then((r) => r.json()).then((body) => {\n    sessionStorage.setItem('s', JSON.stringify(body));\n  });\n}", []],
    ['fetch of a count or a setting under a patient route', "async function f() {\n  const n = await fetch('/api/patients/count').then((r) => r.json());\n  console.log(n);\n  const c = await fetch('/api/patients/search/config').then((r) => r.json());\n  console.log(c);\n}", []],
    ['type argument of a read', 'async function f(url) {\n  const { data } = await axios.get<Observation[]>(url);\n  console.log(data);\n}', ['in-logs:3']],
    ['type argument of something else', 'async function f(url) {\n  const { data } = await axios.get<UiSettings>(url);\n  console.log(data);\n}', []],
    ['a callback that sends returns no data', "function f(event) {\n  send({ mrn: event.mrn }).then((ack) => log.info({ ack }, 'sent'));\n}", []],
    ['errors about a patient form', 'const onError = (errors: FieldErrors<PatientForm>) => {\n  console.error(errors);\n};', []],
    // query results and ORMs
    ['rows of a SELECT of patient columns', "async function f(pool) {\n  const { rows } = await pool.query('SELECT given_name, birth_date, mrn FROM patients');\n  logger.info({ rows });\n}", ['in-logs:3']],
    ['rows of a SELECT template tagged sql', 'async function f(id) {\n  const [row] = await sql`SELECT * FROM patients WHERE id = ${id}`;\n  console.log(row);\n}', ['in-logs:3']],
    ['a count of patients', "async function f(pool) {\n  const result = await pool.query('SELECT count(*) AS n FROM patients');\n  logger.info(result.rows[0]);\n}", []],
    ['rows of another table', "async function f(pool) {\n  const { rows } = await pool.query('SELECT id, email FROM users');\n  logger.info(rows);\n}", []],
    ['repository typed in the constructor', 'class S {\n  constructor(private readonly repo: Repository<PatientEntity>) {}\n  async merge(id) {\n    const [dup] = await Promise.all([this.repo.findOneBy({ id })]);\n    this.logger.warn(`merging ${JSON.stringify(dup)}`);\n    const n = await this.repo.count();\n    this.logger.log(`${n} left`);\n  }\n}', ['in-logs:5']],
    ['array callbacks and for-of take the elements', "function f(bundle: Bundle<Observation>) {\n  for (const entry of bundle.entry) localStorage.setItem('o', JSON.stringify(entry));\n  bundle.entry.forEach((e) => console.log(e.resource));\n  console.log(bundle.entry.map((e) => e.id));\n}", ['in-client-storage:2', 'in-logs:3']],
    ['RxJS pipe: tap gets the value, map changes it', "function f(http: HttpClient, u: string) {\n  http.get<Patient>(u).pipe(tap((p) => sessionStorage.setItem('p', JSON.stringify(p))));\n  http.get<Patient>(u).pipe(map((p) => p.id), tap((id) => sessionStorage.setItem('i', String(id))));\n}", ['in-client-storage:2']],
    ['redacted before it is encoded', "function f(patient: Patient) {\n  localStorage.setItem('lastPatient', JSON.stringify(redactPatient(patient)));\n  localStorage.setItem('lastPatient', JSON.stringify(patient));\n}", ['in-client-storage:3']],
    ['a timestamp key under a patient name', "function f() {\n  sessionStorage.setItem('patientSelectedAt', String(Date.now()));\n}", []],
    // IndexedDB: idb, Dexie, the raw API
    ['idb handle', "async function f(obs: Observation) {\n  const conn = await openDB('np', 1);\n  await conn.put('pending', obs);\n  await conn.put('meta', new Date().toISOString(), 'at');\n}", ['in-client-storage:3']],
    ['idb database opened in place', "async function f(obs: Observation) {\n  await (await openDB('np', 1)).put('pending', obs);\n}", ['in-client-storage:2']],
    ['Dexie table of a database', "async function f(people: Patient[]) {\n  await clinicDb.patients.bulkPut(people);\n  await clinicDb.prefs.put({ key: 'theme', value: 'dark' });\n}", ['in-client-storage:2']],
    ['raw IndexedDB request, transaction and store', "function f(encounter) {\n  const req = indexedDB.open('x', 1);\n  req.onsuccess = () => {\n    const visits = req.result.transaction('v', 'readwrite').objectStore('v');\n    visits.put(encounter);\n  };\n}", ['in-client-storage:5']],
    // state stores persisted to web storage
    ['Pinia store persisting health state', "export const useEnc = defineStore('enc', {\n  state: () => ({ current: null as Encounter | null, theme: 'light' }),\n  persist: true,\n});", ['in-client-storage:3']],
    ['Pinia store persisting only layout', "export const useUi = defineStore('ui', {\n  state: () => ({ current: null as Encounter | null, theme: 'light' }),\n  persist: { pick: ['theme'] },\n});", []],
    ['redux-persist of a health slice', "const r = persistReducer({ key: 'root', storage, whitelist: ['ui', 'medications'] }, root);", ['in-client-storage:1']],
    // functions declared to return health data, data hooks, query builders, the debug module
    ['a data hook whose fetcher is declared to return health data', "async function load(id: string): Promise<DiagnosticReport[]> {\n  return (await fetch(`/r/${id}`)).json();\n}\nfunction P({ id }) {\n  const { data } = useQuery({ queryKey: ['r', id], queryFn: () => load(id) });\n  localStorage.setItem('r', JSON.stringify(data));\n  const { data: prefs } = useSWR('prefs', loadPrefs);\n  localStorage.setItem('p', JSON.stringify(prefs));\n}\nasync function loadPrefs(): Promise<UiPrefs> {\n  return {};\n}", ['in-client-storage:6']],
    ['rows of a query builder on a patient table, not its counts or inserts', "async function f(ward, row) {\n  const rows = await knex('patients').where({ ward }).select('first_name', 'dob');\n  console.log(rows);\n  const [{ n }] = await knex('patients').count('id as n');\n  console.log(n);\n  const ids = await knex('patients').insert(row);\n  console.log(ids);\n}", ['in-logs:3']],
    ['the debug module', "import createDebug from 'debug';\nconst debug = createDebug('clinic:patients');\nfunction f(patient, patients) {\n  debug('loaded %O', patient);\n  debug('%d patients', patients.length);\n}", ['in-logs:4']],
    // each alone in its file: the sinks the file must hold a second word for before it is parsed (mayCallJsSink)
    ['FullStory alone', "function boot(patient) {\n  FS.identify(id, { diagnosis_str: patient.diagnosis });\n}", ['to-analytics:2']],
    ['an upload to a file-sharing host', "async function f(patient) {\n  await fetch('https://content.dropboxapi.com/2/files/upload', { method: 'POST', body: JSON.stringify(patient) });\n}", ['to-sharing-service:2']],
    ['an upload to a sharing host joined from a base URL', "const BASE = 'https://api.github.com';\nasync function f(patient) {\n  await axios.post(BASE + '/gists', { files: { 'p.json': { content: JSON.stringify(patient) } } });\n}", ['to-sharing-service:3']],
    ['a fetch elsewhere is not a sink', "async function f(patient) {\n  await openmrsFetch('/ws/rest/v1/patient', { method: 'POST', body: patient });\n}", []],
    ['IndexedDB put on a Dexie table', "class ClinicDb extends Dexie {}\nconst clinicDb = new ClinicDb();\nasync function f(patient) {\n  await clinicDb.patients.put(patient);\n}", ['in-client-storage:4']],
    ['IndexedDB put in a transaction of a handle named database', "function f(database, patient) {\n  database.transaction('patients').put(patient);\n}", ['in-client-storage:2']],
    ['a set is not IndexedDB', "function f(patient, seen: Set<string>) {\n  seen.add(patient.name);\n}", []],
    ['a stream piped into a file', "function f(rows: Patient[]) {\n  const out = fs.createWriteStream('/tmp/recall.csv');\n  stringify(rows).pipe(out);\n  stringify([{ ok: true }]).pipe(out);\n}", ['in-plain-file:3']],
    ['a Set-Cookie header without its flags', "function f(res, patient, sid) {\n  res.setHeader('Set-Cookie', `p=${JSON.stringify(patient)}; Path=/`);\n  res.setHeader('Set-Cookie', `q=${JSON.stringify(patient)}; Path=/; Secure; HttpOnly`);\n  res.setHeader('Set-Cookie', `sid=${sid}; Path=/`);\n}", ['in-insecure-cookie:2']],
    ['a zustand store of a type holding health data', "interface Intake {\n  symptoms: string[];\n  showHints: boolean;\n}\ninterface State {\n  answers: Partial<Intake>;\n  step: number;\n}\nexport const useIntake = create<State>()(persist((set) => ({ answers: {}, step: 0 }), { name: 'intake' }));\nexport const useTheme = create<{ dark: boolean }>()(persist((set) => ({ dark: false }), { name: 'theme' }));", ['in-client-storage:9']],
    ['a value stored in a typed member is of that type', "class C {\n  rx: MedicationRequest[] = [];\n  count = 0;\n  load(svc) {\n    svc.activeFor().subscribe((list) => {\n      this.rx = list;\n      localStorage.setItem('rx', JSON.stringify(list));\n    });\n    svc.total().subscribe((n) => {\n      this.count = n;\n      localStorage.setItem('n', String(n));\n    });\n  }\n}", ['in-client-storage:7']],
    ['ngrx-store-localstorage and vuex-persistedstate of health slices', "const sync = localStorageSync({ keys: ['auth', { patient: ['current'] }], rehydrate: true });\nconst plugin = createPersistedState({ paths: ['ui.theme', 'medications'] });\nconst ui = createPersistedState({ paths: ['ui.theme'] });", ['in-client-storage:1', 'in-client-storage:2']],
    ['Capacitor Preferences', "async function f(p: Patient, theme: string) {\n  await Preferences.set({ key: 'patient', value: JSON.stringify(p) });\n  await Preferences.set({ key: 'theme', value: theme });\n}", ['in-client-storage:2']],
    ['MMKV without and with an encryption key', "import { MMKV } from 'react-native-mmkv';\nconst plain = new MMKV();\nconst sealed = new MMKV({ id: 'phi', encryptionKey: key });\nfunction f(p: Patient) {\n  plain.set('patient', JSON.stringify(p));\n  sealed.set('patient', JSON.stringify(p));\n}", ['in-client-storage:5']],
    ['the Cache API of a service worker, not an in-memory cache', "async function f(p: Patient, memo) {\n  const cache = await caches.open('v1');\n  await cache.put('/me', new Response(JSON.stringify(p)));\n  await cache.addAll(['/app.js', '/api/patients/me/summary']);\n  memo.put('p', p);\n  caches.open('v1').then((c) => c.put('/me', new Response(JSON.stringify(p))));\n}", ['in-client-storage:3', 'in-client-storage:4', 'in-client-storage:6']],
    ['workbox caching a patient route, not the assets', "registerRoute(({ url }) => url.pathname.startsWith('/api/patients/'), new NetworkFirst({ cacheName: 'api' }));\nregisterRoute(/\\/assets\\//, new CacheFirst());\nregisterRoute(/\\/api\\/patients\\//, new NetworkOnly());", ['in-client-storage:1']],
    ['React Native files and stdout', "async function f(p: Patient) {\n  await FileSystem.writeAsStringAsync(FileSystem.documentDirectory + 'p.json', JSON.stringify(p));\n  process.stdout.write(JSON.stringify(p));\n}", ['in-plain-file:2', 'in-logs:3']],
    ['redux-persist with an encrypt transform', "const r = persistReducer({ key: 'root', storage, whitelist: ['medications'], transforms: [encryptTransform({ secretKey })] }, root);", []],
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

  it('follows the script blocks of a Vue component', () => {
    const vue = '<template><p>{{ x }}</p></template>\n<script setup lang="ts">\nconst { data } = await http.get<Encounter[]>(url);\nlocalStorage.setItem(k, JSON.stringify(data));\n</script>\n';
    assert.deepEqual(lines(vue, 'Timeline.vue'), ['in-client-storage:4']);
    assert.deepEqual(lines(vue.replace('JSON.stringify(data)', 'String(data.length)'), 'Timeline.vue'), []);
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
