import * as assert from 'node:assert/strict';
import { RuleSet, SourceDocument, analyzeDocument, loadBuiltinRules } from '../src/engine';
import { membersMayFlow } from '../src/engine/dataflow/memberGate';
import { syntaxTable } from '../src/engine/dataflow/syntaxRoles';

/**
 * The lexical gate before the Java and C# parse (memberGate.ts): a file is left unparsed only when no member
 * holding a sink can receive health data. Each case is a flow whose source lies outside the member holding the
 * sink, or a member the gate could misread: the fast path (with the gate) must report what the slow path
 * (`prefilter: false`, no gate) reports.
 */
const ruleSet = new RuleSet(loadBuiltinRules().filter((r) => r.id.startsWith('storage.health-data')));
const lines = (file: string, code: string, prefilter?: boolean) =>
  analyzeDocument(new SourceDocument(file, code), ruleSet, { prefilter }).map((f) => `${f.ruleId.replace('storage.health-data-', '')}:${f.range.start.line}`);

const CASES: Array<[file: string, name: string, code: string, expected: string[]]> = [
  ['A.java', 'a field of a resource type', 'class A {\n  private Patient current;\n\n  void f() {\n    log.info("now {}", current);\n  }\n}\n', ['in-logs:5']],
  [
    'A.java',
    'a constant given a constant given a query of patients',
    'class A {\n  static final String Q = "SELECT mrn, birth_date FROM patients";\n  static final String Q2 = Q;\n\n  void f(Connection c) throws Exception {\n    ResultSet rs = c.createStatement().executeQuery(Q2);\n    log.info("row {}", rs.getString(1));\n  }\n}\n',
    ['in-logs:7'],
  ],
  ['A.java', "the outer class's field, in a nested class", 'class A {\n  private Patient current;\n\n  class B {\n    void f() {\n      log.info("now {}", current);\n    }\n  }\n}\n', ['in-logs:6']],
  ['A.java', 'a record component', 'record Visit(Patient who) {\n  void f() {\n    log.info("visit {}", who);\n  }\n}\n', ['in-logs:3']],
  ['A.java', 'a method named record (not a record type)', 'class A {\n  void record(Patient p) {\n    if (p != null) {\n      log.info("p {}", p);\n    }\n  }\n}\n', ['in-logs:4']],
  ['A.java', 'a sink in a field initializer (no member)', 'class A {\n  private Patient current;\n  private final Runnable r = () -> log.info("now {}", current);\n}\n', ['in-logs:3']],
  ['A.java', 'braces that do not balance', 'class A {\n  private Patient current;\n  void f() {\n    log.info("now {}", current);\n  }\n', ['in-logs:4']],
  ['A.cs', 'a generic method constrained to classes (not a class)', 'class A {\n  public void F<T>(Patient p) where T : class {\n    if (p != null) {\n      _logger.LogInformation("{P}", p);\n    }\n  }\n}\n', ['in-logs:4']],
  ['A.cs', 'a field named with a reserved word', 'class A {\n  private readonly Patient @event;\n\n  public void F() {\n    _logger.LogInformation("{E}", @event);\n  }\n}\n', ['in-logs:5']],
  ['A.cs', 'a field read in an interpolated string', 'class A {\n  private Patient current;\n\n  public void F() {\n    _logger.LogInformation($"now {current}");\n  }\n}\n', ['in-logs:5']],
  ['A.cs', 'a key naming health data, in the arguments of the sink', 'class A {\n  public void F(DataRow row) {\n    _logger.LogInformation("{X}", row["Diagnosis"]);\n  }\n}\n', ['in-logs:3']],
  ['A.java', 'a storage key naming health data', 'class A {\n  void f(SharedPreferences prefs, String value) {\n    prefs.edit().putString("diagnosis", value).apply();\n  }\n}\n', ['in-client-storage:3']],
  [
    'A.java',
    'a query of patients in a call inside the sink arguments',
    'class A {\n  void f(Connection c) throws Exception {\n    log.info("rows {}", c.createStatement().executeQuery("SELECT mrn FROM patients").getString(1));\n  }\n}\n',
    ['in-logs:3'],
  ],
  ['A.cs', 'a field named with a word reserved in Java only', 'class A {\n  private Patient final;\n\n  public void F() {\n    Console.WriteLine(final);\n  }\n}\n', ['in-logs:5']],
  [
    'A.cs',
    'a member naming nothing of health, in a controller of patients',
    'namespace Health.Patients\n{\n    public class PatientController\n    {\n        private readonly ILogger<PatientController> _logger;\n\n        public void Deleted(int count)\n        {\n            _logger.LogInformation("Deleted {Count} resources", count);\n        }\n    }\n}\n',
    [],
  ],
];

describe('the member gate before the Java and C# parse', () => {
  for (const [file, name, code, expected] of CASES) {
    it(`${file}: ${name}`, () => {
      assert.deepEqual(lines(file, code), expected);
      assert.deepEqual(lines(file, code), lines(file, code, false));
    });
  }

  const mayFlow = (file: string, code: string, sink: string) => {
    const doc = new SourceDocument(file, code);
    return membersMayFlow(doc, syntaxTable(doc.language.id)!, [{ at: code.indexOf(sink), open: code.indexOf('(', code.indexOf(sink)), kind: 'log' }]);
  };

  it('leaves unparsed a file whose members holding sinks name nothing of health, whatever the rest of it says', () => {
    const code =
      'class PatientExporter {\n  private static final Logger log = LoggerFactory.getLogger(PatientExporter.class);\n  private final PatientRepository patientRepository;\n\n  void start(int count) {\n    log.info("started with {}", count);\n  }\n\n  void export(Patient p) {\n    patientRepository.save(p);\n  }\n}\n';
    assert.equal(mayFlow('A.java', code, 'log.info'), false);
    // the same member, given a field that holds a patient
    assert.equal(mayFlow('A.java', code.replace('void start(int count)', 'private Patient last;\n\n  void start(int count)').replace('count);', 'last);'), 'log.info'), true);
  });

  it('reads the plain strings given to a sink for a literal identifier only, not for their words', () => {
    const code = 'class A {\n  void f(int count) {\n    log.info("Merged {} patients, " + "skipped their diagnoses", count);\n  }\n}\n';
    assert.equal(mayFlow('A.java', code, 'log.info'), false);
    // the same words in a string that is no argument of the sink of its own may be a key or a query
    assert.equal(mayFlow('A.java', code.replace('count);', 'rows.get("patients"));'), 'log.info'), true);
  });

  it('parses when in doubt: no member around the sink, braces that do not balance, HL7 v2 text or a DICOM reader in the file', () => {
    const clean = 'class A {\n  void start(int count) {\n    log.info("started with {}", count);\n  }\n}\n';
    assert.equal(mayFlow('A.java', clean, 'log.info'), false);
    assert.equal(mayFlow('A.java', 'class A {\n  private final Runnable r = () -> log.info("started");\n}\n', 'log.info'), true);
    assert.equal(mayFlow('A.java', clean.replace(/\}\n$/, ''), 'log.info'), true);
    assert.equal(mayFlow('A.java', clean.replace('class A {', 'class A {\n  static final String HEADER = "MSH|^~\\\\&|";'), 'log.info'), true);
    // a source of the C# table's own, which needs no health word
    const dicom = 'class A {\n  void F(string path) {\n    var file = DicomFile.Open(path);\n    _logger.LogInformation("{D}", file.Dataset);\n  }\n}\n';
    assert.equal(mayFlow('A.cs', dicom, '_logger'), true);
    assert.equal(mayFlow('A.cs', dicom.replace('DicomFile.Open(path)', 'Reader.Open(path)'), '_logger'), false);
    // segment ids inside other words are no HL7 v2 text (`ENCOUNTER`, `Types.INTEGER`)
    assert.equal(mayFlow('A.java', clean.replace('count);', 'count + Types.INTEGER);'), 'log.info'), false);
  });
});
