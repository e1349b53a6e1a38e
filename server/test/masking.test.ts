import * as assert from 'node:assert/strict';
import { maskValue } from '../src/engine';
import { FIXTURES, runCli } from './helpers';
import { rawValuesOf, telling } from './rawValues';
import { treeFactory } from './trees';

const FORMATS = ['text', 'json', 'sarif', 'html'];

/** Every report format, as the CLI writes it. */
function reportsOf(root: string): Record<string, string> {
  return Object.fromEntries(
    FORMATS.map((format) => {
      const r = runCli(['scan', '.', '--format', format, '--fail-on', 'never'], root);
      assert.equal(r.status, 0, r.stderr);
      return [format, r.stdout + r.stderr];
    }),
  );
}

function assertNoneLeaks(root: string, values: string[]): Record<string, string> {
  const reports = reportsOf(root);
  for (const [format, report] of Object.entries(reports)) {
    const leaked = values.filter((v) => report.includes(v));
    assert.deepEqual(leaked, [], `${format} report leaks raw values`);
  }
  return reports;
}

describe('masking: no report holds a raw sensitive value', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  it('URL passwords and query values are masked in text, JSON, SARIF and HTML', () => {
    const root = trees.make({
      'export.js': "upload('ftp://exporter:S3cretPass@exports.clinic-partner.net/daily?ssn=123456789&mrn=MRN7781234');\n",
      'config/app.yaml': 'lab:\n  url: http://labuser:Tr0ub4dor3x@lab-gateway.acme-health.com/results?patientId=PX99887766\n',
      '.env': 'PACS_URL=http://pacs.radiology-group.com/dicom?token=eyJhbGciOiJIUzI1NiJ9xyz\n',
    });
    const raw = rawValuesOf(root);
    for (const v of ['S3cretPass', '123456789', 'MRN7781234', 'Tr0ub4dor3x', 'PX99887766', 'eyJhbGciOiJIUzI1NiJ9xyz']) {
      assert.ok(raw.includes(v), `the engine did not treat ${v} as sensitive: ${JSON.stringify(raw)}`);
    }
    const reports = assertNoneLeaks(root, telling(raw));
    // The masked form is what the reports show instead.
    for (const format of FORMATS) assert.ok(reports[format].includes(maskValue('S3cretPass')), format);
  });

  it('values given here, not the ones the engine marked, appear in no report (fix text included)', () => {
    const root = trees.make({
      // A literal identifier logged; a literal key that is an identifier; a client token in a sink's call.
      'audit.py': 'import logging\nlogger = logging.getLogger(__name__)\n\ndef admit():\n    logger.info("NHS number 4010232137 admitted")\n',
      'show.js': "function show(patients) {\n  console.log(patients['1850578006084'].diagnosis);\n}\n",
      'share.py': 'import dropbox, json\n\ndef share(patient):\n    dropbox.Dropbox("sl.BqT9xK2mZ7vQ4rW8").files_upload(json.dumps(patient), "/p.json")\n',
      // A CSV without a header line: its first row is taken for column names.
      'patients.csv': '1 85 05 78 006 084 91,Jean,Martin\n2 41 12 33 122 313 09,Marie,Dupont\n',
      // An HL7-style name whose middle name the synthetic replacement must not keep.
      'patient.json': '{ "patientName": "Dupont^Marie^Henriette^^Mme", "birthDate": "1984-03-12", "nhsNumber": "4010232137" }\n',
      // A token as the user name of a URL.
      'sync.sh': 'curl http://ghp_4f8Kq2Lz9Xw7Rt5Y@records.stmarys-clinic.org/export\n',
    });
    const reports = assertNoneLeaks(root, ['4010232137', '1850578006084', 'sl.BqT9xK2mZ7vQ4rW8', '1 85 05 78 006 084 91', 'Henriette', 'ghp_4f8Kq2Lz9Xw7Rt5Y']);
    // Each file was reported: the values were there to leak.
    for (const file of ['audit.py', 'show.js', 'share.py', 'patients.csv', 'patient.json', 'sync.sh']) assert.ok(reports.json.includes(`"${file}"`), file);
  });

  it('the test fixtures leak nothing either', () => {
    const values = telling(rawValuesOf(FIXTURES));
    assert.ok(values.length > 0, 'the fixtures hold no sensitive value to check');
    assertNoneLeaks(FIXTURES, values);
  });
});
