import * as assert from 'node:assert/strict';
import { rawValuesOf, telling } from './rawValues';
import { treeFactory } from './trees';
import { TestClient, type LspDiagnostic } from './lspClient';

/** Documents holding raw patient identifiers, names with birth dates and URL passwords (with their language ids). */
const DOCUMENTS: Record<string, [string, string]> = {
  'export.js': ["upload('ftp://exporter:S3cretPass@exports.clinic-partner.net/daily?ssn=123456789&mrn=MRN7781234');\n", 'javascript'],
  'config/app.yaml': ['lab:\n  url: http://labuser:Tr0ub4dor3x@lab-gateway.acme-health.com/results?patientId=PX99887766\n', 'yaml'],
  'A.java': ['class A {\n  void f(Patient patient) {\n    patient.setSsn("536-96-6187");\n  }\n}\n', 'java'],
  'people.js': [
    "const p = { firstName: 'Léandre', lastName: 'Rousseau', dob: '1991-07-22', phone: '+44 7911 123456' };\nlogger.info(`Admitted Johanna Lindqvist born 1988-09-21`);\n",
    'javascript',
  ],
  'patients.sql': ["UPDATE patients SET first_name = 'Emmeline', last_name = 'Johansson', dob = '1988-09-21' WHERE id = 4;\n", 'sql'],
};

/** The values we put in DOCUMENTS, which the engine must treat as sensitive (or the test checks nothing). */
const EXPECTED_RAW = [
  ...['S3cretPass', 'Tr0ub4dor3x', 'MRN7781234', 'PX99887766', '536-96-6187'],
  ...['Rousseau', '1991-07-22', 'Johanna Lindqvist', 'Johansson', '1988-09-21'],
];

describe('masking: no language server output holds a raw sensitive value', function () {
  this.timeout(30_000);
  const trees = treeFactory();
  const root = trees.make(Object.fromEntries(Object.entries(DOCUMENTS).map(([rel, [text]]) => [rel, text])));
  let client: TestClient;
  let raw: string[];
  /** Every hover and code action the server answered, as sent. */
  const answers: Array<{ what: string; json: string }> = [];
  const verbose = { trace: { server: 'verbose' } };

  const leaksIn = (text: string) => raw.filter((v) => text.includes(v));
  const assertNoLeak = (what: string, text: string) => assert.deepEqual(leaksIn(text), [], `${what} leaks raw values`);

  before(async () => {
    raw = telling(rawValuesOf(root));
    for (const v of EXPECTED_RAW) assert.ok(raw.includes(v), `the engine did not treat ${v} as sensitive: ${JSON.stringify(raw)}`);
    client = new TestClient({
      root,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { trusted: true, settings: verbose },
      settings: () => verbose,
      trace: 'verbose',
    });
    await client.initialize();
    await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
    for (const [rel, [text, languageId]] of Object.entries(DOCUMENTS)) {
      const uri = await client.open(rel, text, languageId);
      const diagnostics = await client.diagnostics(uri);
      assert.ok(diagnostics.length > 0, `no diagnostics for ${rel}`);
      for (const d of diagnostics) await collectAnswers(uri, d);
    }
  });
  after(async () => {
    await client.close();
    trees.cleanup();
  });

  async function collectAnswers(uri: string, d: LspDiagnostic): Promise<void> {
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    assert.ok(hover?.contents.value, `no hover at ${uri} ${JSON.stringify(d.range.start)}`);
    answers.push({ what: `hover on ${d.code} in ${uri}`, json: JSON.stringify(hover) });
    const actions = await client.request<Array<{ title: string }>>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.ok(actions.length > 0, `no code action for ${d.code}`);
    // Titles, edits (a synthetic replacement; the raw value is only deleted by its range) and command arguments.
    answers.push({ what: `code actions on ${d.code} in ${uri}`, json: JSON.stringify(actions) });
  }


  it('published diagnostics: messages, related information, data', () => {
    assert.ok(client.published.some((p) => p.diagnostics.some((d) => d.relatedInformation?.length)), 'no related information to check');
    assertNoLeak('published diagnostics', JSON.stringify(client.published));
  });

  it('hovers and code actions (titles, edits, commands)', () => {
    assert.ok(answers.length >= 2 * Object.keys(DOCUMENTS).length);
    for (const a of answers) assertNoLeak(a.what, a.json);
  });

  it("the audit's summary and its SARIF, HTML and Markdown exports", async () => {
    const summary = await client.request<{ total: number }>('workspace/executeCommand', { command: 'hdguard.server.auditWorkspace', arguments: [] });
    assert.ok(summary.total >= Object.keys(DOCUMENTS).length, JSON.stringify(summary));
    assertNoLeak('the audit summary', JSON.stringify(summary));
    for (const format of ['sarif', 'html', 'markdown']) {
      const report = await client.request<string>('workspace/executeCommand', { command: 'hdguard.server.exportReport', arguments: [format] });
      assert.ok(report.length > 0, format);
      assertNoLeak(`the ${format} export`, report);
    }
    // The audit also published diagnostics for the workspace's files.
    assertNoLeak('published diagnostics after the audit', JSON.stringify(client.published));
  });
});
