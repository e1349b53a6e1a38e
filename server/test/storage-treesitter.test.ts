import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltinRules, builtinRulesDir, SourceDocument } from '../src/engine';
import { grammarOf, parse } from '../src/engine/parsers/treeSitter';
import { namesInTable, syntaxTable } from '../src/engine/dataflow/syntaxRoles';
import { analyzeSnippet } from './helpers';

/**
 * The tree-sitter flow, construct by construct and language by language: each case names the sink lines it must
 * report (`rule:line`), none when it must stay silent. Several negatives are where the token flow was wrong.
 */
const rules = loadBuiltinRules().filter((r) => r.id.startsWith('storage.health-data'));
const lines = (file: string, code: string) => analyzeSnippet(file, code, rules).map((f) => `${f.ruleId.replace('storage.health-data-', '')}:${f.range.start.line}`);

type Case = [name: string, code: string, expected: string[]];

const CASES: Record<string, Case[]> = {
  'a.py': [
    ['parameter named after patient data', 'def f(patient):\n    logger.info("x %s", patient)\n', ['in-logs:2']],
    ['typed parameter', 'def f(p: Patient):\n    logging.info(p)\n', ['in-logs:2']],
    ['f-string assigned over several lines', 'def f(p: Patient):\n    msg = (\n        f"seen {p.name}"\n    )\n    logger.info(msg)\n', ['in-logs:5']],
    ['multi-line call', 'def f(record):\n    logger.info(\n        "x %s",\n        record.diagnosis,\n    )\n', ['in-logs:2']],
    ['reassignment to a constant clears a health name', 'def f(patient):\n    patient = None\n    logger.info(patient)\n', []],
    ['reassignment to a clean value clears a variable', 'def f(patient):\n    x = patient.name\n    x = "done"\n    logger.info(x)\n', []],
    ['braces in a plain string are not interpolation', 'def f(patient):\n    logger.info("use {patient} or ${patient} or #{patient}")\n', []],
    ['tuple assignment pairs its sides', 'def f(patient, n):\n    who, count = patient.name, n\n    logger.info(count)\n    logger.info(who)\n', ['in-logs:4']],
    ['unpacking a call', 'def f(record):\n    first, rest = split(record.diagnosis)\n    logger.info(first)\n', ['in-logs:3']],
    ['binding survives a nested function', 'def f(p: Patient):\n    x = p.name\n    def g(y):\n        return y\n    logger.info(x)\n', ['in-logs:5']],
    ['nested function parameter shadows the outer name', 'def f(p: Patient):\n    x = p.name\n    def g(x):\n        logger.info(x)\n    return g\n', []],
    ['not across functions', 'def a(patient):\n    x = patient.name\n\ndef b(x):\n    logger.info(x)\n', []],
    ['dict key naming health data', 'def f(d):\n    sentry_sdk.set_context("ctx", {"diagnosis": d})\n', ['to-analytics:2']],
    ['opaque id and length', 'def f(patient, patients):\n    logger.info("%s %d", patient.id, len(patients))\n', []],
    ['comparison is not the data', 'def f(patient):\n    logger.info("present: %s", patient is not None)\n', []],
    ['hashed before logging', 'def f(patient):\n    logger.info(hash_identifier(patient.ssn))\n', []],
    ['encrypted value under a health name', 'def f(patient, fernet):\n    patient_blob = fernet.encrypt(patient.to_json())\n    logger.info(patient_blob)\n', []],
    ['loop variable takes the collection', 'def f(patients):\n    for p in patients:\n        print(p)\n', ['in-logs:3']],
    ['file written from a with block', 'def f(p: Patient):\n    with open("/tmp/p.json", "w") as out:\n        out.write(p.json())\n', ['in-plain-file:3']],
    ['format call', 'def f(dossier):\n    print("{}".format(dossier))\n', ['in-logs:2']],
    ['keyword argument', 'def f(record):\n    logger.info("x", extra=dict(dob=record.birth_date))\n', ['in-logs:2']],
    // sources without a health word in the names: a DICOM dataset, rows of a query of patients, an HL7 segment
    ['a DICOM dataset', 'def f(path):\n    ds = pydicom.dcmread(path)\n    print(ds)\n    log.info("%s %s", ds.SOPInstanceUID, ds.Modality)\n', ['in-logs:3']],
    ['rows of a query reading health columns', 'def f(conn):\n    cur = conn.cursor()\n    cur.execute("SELECT mrn, birth_date FROM admissions")\n    for row in cur.fetchall():\n        log.info("%s", row)\n', ['in-logs:5']],
    ['a query through a module constant', 'QUERY = """\nSELECT p.family_name, p.birth_date\n  FROM patients p\n"""\ndef f(engine):\n    frame = pd.read_sql(QUERY, engine)\n    frame.to_csv("/tmp/out.csv")\n', ['in-plain-file:7']],
    ['a count or ids are not health data', 'def f(conn):\n    n = conn.execute("SELECT count(*) FROM patients").scalar()\n    ids = conn.execute("SELECT id FROM patients").fetchall()\n    log.info("%s %s", n, ids)\n', []],
    ['a query parameter does not make the cursor a record', 'def f(conn, mrn):\n    cur = conn.cursor()\n    cur.execute("SELECT id FROM visits WHERE mrn = %s", (mrn,))\n    rows = cur.fetchall()\n    log.info("%s", rows)\n', []],
    ['a segment tested against HL7', 'def f(raw):\n    for seg in raw.split("\\r"):\n        if seg.startswith("PID|"):\n            log.debug(seg)\n', ['in-logs:4']],
    ['appended to a list', 'def f(patient):\n    rows = []\n    rows.append([patient.mrn, patient.name])\n    log.info(rows)\n', ['in-logs:4']],
    ['a writer over a buffer in memory is not a file', 'def f(patients):\n    buf = io.StringIO()\n    w = csv.writer(buf)\n    for p in patients:\n        w.writerow([p.mrn])\n    return buf.getvalue()\n', []],
    ['to_csv without a path returns the text', 'def f(patients_df):\n    text = patients_df.to_csv(index=False)\n    return text\n', []],
    ['another query leaves the cursor with its own results', 'def f(cur):\n    cur.execute("SELECT mrn, dob FROM patients")\n    rows = cur.fetchall()\n    cur.execute("SELECT count(*) FROM patients")\n    (n,) = cur.fetchone()\n    print(n)\n    print(rows)\n', ['in-logs:7']],
    ['the payload of a patient route', '@app.route("/api/patients", methods=["POST"])\ndef create():\n    log.info("payload %s", request.get_json())\n\n@app.route("/api/login", methods=["POST"])\ndef login():\n    log.info("login %s", request.json)\n', ['in-logs:3']],
    ['rows written by a chained csv writer', 'def f(cur):\n    cur.execute("SELECT mrn, dob FROM patients")\n    with open("/tmp/p.csv", "w") as out:\n        csv.writer(out).writerows(cur.fetchall())\n', ['in-plain-file:4']],
  ],
  'A.java': [
    ['typed parameter', 'class A {\n  void f(Patient p) {\n    log.info("p {}", p);\n  }\n}\n', ['in-logs:3']],
    ['typed local and concatenation', 'class A {\n  void f() {\n    Observation o = client.read();\n    String s = "obs " + o.getValue();\n    System.out.println(s);\n  }\n}\n', ['in-logs:5']],
    ['getter of an id is opaque', 'class A {\n  void f(Patient p) {\n    log.info("saved {}", p.getId());\n  }\n}\n', []],
    ['a template placeholder in a string is not interpolation', 'class A {\n  void f(String patient) {\n    log.info("see #{patient} and ${patient}");\n  }\n}\n', []],
    ['enhanced for over patients', 'class A {\n  void f(List<Patient> ps) {\n    for (Patient p : ps) {\n      log.debug(p.toString());\n    }\n  }\n}\n', ['in-logs:4']],
    ['lambda parameter shadows', 'class A {\n  void f(Patient p) {\n    ids.forEach(p -> log.info("id {}", p));\n  }\n}\n', []],
    ['plain writer', 'class A {\n  void f(Patient p, Writer writer) throws IOException {\n    writer.write(mapper.writeValueAsString(p));\n  }\n}\n', ['in-plain-file:3']],
    ['System.out is a log, not a file', 'class A {\n  void f(Patient p) {\n    System.out.println(p);\n  }\n}\n', ['in-logs:3']],
    ['a message tested against HL7', 'class A {\n  void f(String message) {\n    if (!message.startsWith("MSH|")) return;\n    log.debug("in {}", message);\n  }\n}\n', ['in-logs:4']],
    ['appended to a builder', 'class A {\n  void f(Patient p) {\n    StringBuilder sb = new StringBuilder();\n    sb.append(p.getFamilyName());\n    log.info(sb.toString());\n  }\n}\n', ['in-logs:5']],
    ['a StringWriter is not a file', 'class A {\n  String f(Patient p) {\n    StringWriter writer = new StringWriter();\n    writer.write(p.getMrn());\n    return writer.toString();\n  }\n}\n', []],
    ['a mapping to ids is not the data', 'class A {\n  void f(List<Patient> patients) {\n    log.info("ids {}", patients.stream().map(p -> p.getId()).toList());\n    log.info("names {}", patients.stream().map(p -> p.getFamilyName()).toList());\n  }\n}\n', ['in-logs:4']],
  ],
  'A.cs': [
    ['interpolated string', 'class A {\n  void F(Patient patient) {\n    var s = $"x {patient.Name}";\n    _logger.LogInformation(s);\n  }\n}\n', ['in-logs:4']],
    ['nameof is not the data', 'class A {\n  void F(Patient patient) {\n    _logger.LogInformation("{Name}", nameof(patient));\n  }\n}\n', []],
    ['foreach', 'class A {\n  void F(IEnumerable<Observation> obs) {\n    foreach (var o in obs) { Console.WriteLine(o); }\n  }\n}\n', ['in-logs:3']],
    ['tuple deconstruction', 'class A {\n  void F(Patient p) {\n    var (first, last) = Split(p);\n    Console.WriteLine(first);\n  }\n}\n', ['in-logs:4']],
    ['type names in a cast are not values', 'class A {\n  void F(object o) {\n    Console.WriteLine((Patient)o is null);\n    Console.WriteLine(typeof(Patient));\n  }\n}\n', []],
    ['file write', 'class A {\n  void F(Patient p) {\n    File.WriteAllText("/tmp/p.json", JsonSerializer.Serialize(p));\n  }\n}\n', ['in-plain-file:3']],
    ['a message tested against HL7', 'class A {\n  void F(string message) {\n    if (!message.StartsWith("MSH|")) { _logger.LogWarning("{N} bytes", message.Length); return; }\n    _logger.LogDebug("Inbound {M}", message);\n  }\n}\n', ['in-logs:4']],
    ['lines added to a list then written', 'class A {\n  void F(IEnumerable<Patient> patients) {\n    var lines = new List<string>();\n    foreach (var p in patients) lines.Add(p.FamilyName);\n    File.WriteAllLines("out.csv", lines);\n  }\n}\n', ['in-plain-file:5']],
    ['a projection to ids is not the data', 'class A {\n  void F(List<string> explicitPatients) {\n    var targets = new List<(string PatientId, string Class)>();\n    targets.AddRange(explicitPatients.Select(p => (p, "x")));\n    Console.WriteLine(string.Join(",", targets.Select(t => $"{t.PatientId} ({t.Class})")));\n  }\n}\n', []],
    ['a fo-dicom dataset', 'class A {\n  void F(string path) {\n    var file = DicomFile.Open(path);\n    _logger.LogInformation("{D}", file.Dataset);\n  }\n}\n', ['in-logs:4']],
  ],
  'a.go': [
    ['two results, one carrying the data', 'package a\nfunc f(p *Patient) error {\n\tdata, err := json.Marshal(p)\n\tlog.Println(err == nil)\n\treturn os.WriteFile("/tmp/p.json", data, 0600)\n}\n', ['in-plain-file:5']],
    ['range loop', 'package a\nfunc f(patients []Patient) {\n\tfor _, p := range patients {\n\t\tfmt.Println(p)\n\t}\n}\n', ['in-logs:4']],
    ['keyed struct literal', 'package a\nfunc f(d string) {\n\tlog.Printf("%v", Rec{Diagnosis: d})\n}\n', ['in-logs:3']],
    ['len is not the data', 'package a\nfunc f(patients []Patient) {\n\tlog.Printf("%d", len(patients))\n}\n', []],
    ['opaque id', 'package a\nfunc f(patientID string) {\n\tlog.Printf("handled %s", patientID)\n}\n', []],
    ['a message tested against HL7', 'package a\nfunc f(frame []byte) {\n\tmsg := string(frame)\n\tif !strings.HasPrefix(msg, "MSH|") {\n\t\tlog.Printf("dropping %d bytes", len(msg))\n\t\treturn\n\t}\n\tlog.Printf("got %s", msg)\n}\n', ['in-logs:8']],
    ['an error is not the data', 'package a\nfunc f(p *Patient) {\n\terr := db.Exec("UPDATE x SET y = $1", p.Name)\n\tlog.Printf("failed: %v", err)\n}\n', []],
    ['an HL7 message written with its PID segment, not an acknowledgement', 'package a\nfunc f(mrn string) {\n\tmsg := "MSH|^~\\\\&|EHR|X|||||ORM^O01|1|P|2.5\\r" +\n\t\t"PID|1||" + mrn + "\\r"\n\tlog.Printf("sending %s", msg)\n\tack := "MSH|^~\\\\&|LAB|X|||||ACK|1|P|2.5\\rMSA|AA|1"\n\tlog.Printf("ack %s", ack)\n}\n', ['in-logs:5']],
    ['HL7 names are per function', 'package a\nfunc f(msg string) bool {\n\treturn strings.HasPrefix(msg, "MSH|")\n}\nfunc g(msg string) {\n\tlog.Printf("%s", msg)\n}\n', []],
  ],
  'a.php': [
    ['interpolated member', '<?php\nfunction f($patient) {\n    error_log("storing {$patient->name}");\n}\n', ['in-logs:3']],
    ['single quotes do not interpolate', "<?php\nfunction f($patient) {\n    error_log('missing $patient variable');\n}\n", []],
    ['array key naming health data', "<?php\nfunction f($d) {\n    $this->logger->info('x', ['diagnosis' => $d]);\n}\n", ['in-logs:3']],
    ['foreach', '<?php\nfunction f($patients) {\n    foreach ($patients as $k => $p) {\n        fwrite($fh, json_encode($p));\n    }\n}\n', ['in-plain-file:4']],
    ['counted, not written', '<?php\nfunction f($patients) {\n    error_log(count($patients) . " patients");\n}\n', []],
    ['rows of a prepared query', "<?php\nfunction f($db) {\n    $stmt = $db->prepare('SELECT mrn, family_name FROM patients WHERE ward = ?');\n    $stmt->execute([4]);\n    while ($row = $stmt->fetch()) {\n        error_log(print_r($row, true));\n    }\n}\n", ['in-logs:6']],
    ['query builders and models of health tables', "<?php\nfunction f($id) {\n    $row = DB::table('patients')->where('id', $id)->first();\n    Log::debug('row', (array) $row);\n    $p = Patient::findOrFail($id);\n    Log::info($p->toJson());\n    $counts = DB::table('admissions')->select('ward', DB::raw('count(*) as total'))->groupBy('ward')->get();\n    Log::info($counts->toJson());\n}\n", ['in-logs:4', 'in-logs:6']],
    ['request payloads of a patient form or controller, not of others', "<?php\nfunction saveIntake() {\n    error_log(print_r($_POST, true));\n    insertPatient($_POST);\n}\nfunction subscribe() {\n    error_log(print_r($_POST, true));\n}\nclass PatientController {\n    public function store($request) {\n        Log::info('store', $request->all());\n    }\n}\n", ['in-logs:3', 'in-logs:11']],
    ['a cookie without secure and httponly', "<?php\nfunction f($patient) {\n    setcookie('dx', $patient['diagnosis'], time() + 60);\n    setcookie('dx', $patient['diagnosis'], ['secure' => true, 'httponly' => true]);\n}\n", ['in-insecure-cookie:3']],
  ],
  'a.rb': [
    ['interpolation without parentheses', 'def f(patient)\n  puts "admitting #{patient.name}"\nend\n', ['in-logs:2']],
    ['symbol key', 'def f(record)\n  Rails.logger.info(record[:diagnosis])\nend\n', ['in-logs:2']],
    ['single quotes do not interpolate', "def f(patient)\n  puts 'see \#{patient}'\nend\n", []],
    ['instance variable assigned from a source', 'def f(patient)\n  @current = patient\n  logger.info(@current)\nend\n', ['in-logs:3']],
    ['predicate is not the data', 'def f(patient)\n  logger.info(patient.nil?)\nend\n', []],
  ],
  'A.kt': [
    ['string template', 'fun f(patient: Patient) {\n    Log.d(TAG, "showing ${patient.name}")\n}\n', ['in-logs:2']],
    ['message lambda over several lines', 'fun f(p: Patient) {\n    log.debug {\n        "loaded $p"\n    }\n}\n', ['in-logs:2']],
    ['to pair with a health key', 'fun f(d: String) {\n    firebaseAnalytics.logEvent("viewed", bundleOf("diagnosis" to d))\n}\n', ['to-analytics:2']],
    ['type check is not the data', 'fun f(p: Any) {\n    Log.d(TAG, "patient? ${p is Patient}")\n}\n', []],
    ['reassigned to a constant', 'fun f(patient: Patient) {\n    var s = patient.name\n    s = "none"\n    println(s)\n}\n', []],
    ['android Bundle is not a FHIR Bundle', 'import android.os.Bundle\nfun f(state: Bundle?) {\n    Log.d(TAG, "state $state")\n}\n', []],
    ['every call of an editor chain', 'fun f(prefs: SharedPreferences, p: Patient) {\n    prefs.edit()\n        .putString("patient_id", p.id)\n        .putString("mrn", p.mrn)\n        .apply()\n}\n', ['in-client-storage:4']],
    ['mapping with it', 'fun f(patients: List<Patient>) {\n    Log.d(TAG, "${patients.map { it.id }}")\n    Log.d(TAG, "${patients.map { it.name }}")\n}\n', ['in-logs:3']],
  ],
  // Swift has no grammar here (parsers/treeSitter.ts says why): the token flow answers these.
  'a.swift': [
    ['interpolation', 'func f(patient: Patient) {\n    print("patient \\(patient)")\n}\n', ['in-logs:2']],
    ['opaque id', 'func f(patient: Patient) {\n    print(patient.id)\n}\n', []],
    ['storage key naming health data', 'func f(value: String) {\n    UserDefaults.standard.set(value, forKey: "diagnosis")\n}\n', ['in-client-storage:2']],
    ['storage with an opaque key', 'func f(patientId: String) {\n    UserDefaults.standard.set(patientId, forKey: "lastPatientId")\n}\n', []],
  ],
};

describe('storage dataflow (tree-sitter)', () => {
  for (const [file, cases] of Object.entries(CASES)) {
    describe(path.extname(file).slice(1), () => {
      for (const [name, code, expected] of cases) {
        it(name, () => assert.deepEqual(lines(file, code), expected));
      }
    });
  }

  it('every syntax table names node types and fields its grammar has', () => {
    const dir = path.join(builtinRulesDir(), 'flow');
    const languages = fs.readdirSync(dir).map((f) => path.basename(f, '.yaml'));
    assert.deepEqual(languages.sort(), ['csharp', 'go', 'java', 'kotlin', 'php', 'python', 'ruby']);
    for (const id of languages) {
      const grammar = grammarOf(id);
      const table = syntaxTable(id);
      assert.ok(grammar && table, `no grammar or table for ${id}`);
      const { types, fields } = namesInTable(table);
      assert.deepEqual(types.filter((t) => grammar.idForNodeType(t, true) === null), [], `${id}: unknown node types`);
      assert.deepEqual(fields.filter((f) => grammar.fieldIdForName(f) === null), [], `${id}: unknown fields`);
    }
  });

  it("tells a node's type and whether it is named by its type id alone, as the syntax roles read them", () => {
    let nodes = 0;
    for (const [file, cases] of Object.entries(CASES)) {
      const id = new SourceDocument(file, '').language.id;
      if (!grammarOf(id)) continue;
      for (const [, code] of cases) {
        const tree = parse(id, code)!;
        const cursor = tree.walk();
        try {
          for (let more = true; more; ) {
            nodes++;
            const typeId = cursor.nodeTypeId;
            assert.equal(tree.language.nodeTypeIsNamed(typeId), cursor.nodeIsNamed, `${file}: ${cursor.nodeType}`);
            assert.equal(tree.language.nodeTypeForId(typeId) ?? 'ERROR', cursor.nodeType, file);
            if (cursor.gotoFirstChild()) continue;
            while (more && !cursor.gotoNextSibling()) more = cursor.gotoParent();
          }
        } finally {
          cursor.delete();
          tree.delete();
        }
      }
    }
    assert.ok(nodes > 1000, `${nodes} nodes`);
  });

  it('parses with offsets in UTF-16 code units, as the document uses', () => {
    const tree = parse('python', 'x = "é😀"\ny = 1\n')!;
    try {
      assert.equal(tree.rootNode.descendantForIndex(10, 11)?.text, 'y');
    } finally {
      tree.delete();
    }
  });

  it('points the finding at the sink and relates it to the source', () => {
    const [f] = analyzeSnippet('a.py', 'def f(p: Patient):\n    msg = p.name\n    logger.info(\n        msg)\n', rules);
    assert.equal(f.range.start.line, 3);
    assert.equal(f.evidence, 'logger.info');
    assert.equal(f.related?.[0].range.start.line, 1);
    assert.match(f.message, /^`p` of type Patient is written to the log by logger\.info/);
  });

  it('a literal national identifier is a source, named by its type only', () => {
    const value = nhsNumber('401023213');
    const [f] = analyzeSnippet('a.py', `def f():\n    logger.info("NHS number ${value} admitted")\n`, rules);
    assert.equal(f?.ruleId, 'storage.health-data-in-logs');
    assert.match(f.message, /^a literal UK NHS number is written/);
    assert.ok(!f.message.includes(value.slice(0, 6)));
    const js = analyzeSnippet('a.js', `function f() {\n  console.log('NHS number ${value}');\n}\n`, rules);
    assert.deepEqual(js.map((x) => x.ruleId), ['storage.health-data-in-logs']);
    // A documented test value (the 999 range) is not a patient's.
    assert.deepEqual(lines('a.py', `def f():\n    logger.info("NHS number ${nhsNumber('999000001')}")\n`), []);
  });
});

/** A checksum-valid NHS number from its first nine digits, built here so no such value sits in the sources. */
function nhsNumber(nine: string): string {
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  assert.notEqual(check, 10, 'pick other digits: no check digit exists');
  return `${nine.slice(0, 3)} ${nine.slice(3, 6)} ${nine.slice(6)}${check}`;
}
