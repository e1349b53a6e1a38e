import * as assert from 'node:assert/strict';
import { fileRoleOf, treatmentIn, type FileRole } from '../src/engine/fileRole';

describe('file roles', () => {
  const cases: Array<[string, FileRole]> = [
    ['src/main/java/org/acme/PatientService.java', 'production'],
    ['api/src/test/java/org/acme/PatientServiceTest.java', 'test'],
    ['src/Acme.Fhir.Tests.E2E/Rest/SortTests.cs', 'test'],
    ['src/Acme.Fhir.Tests.Common/TestFiles/R4/Patient.json', 'test'],
    ['src/features/__mocks__/patient.mock.ts', 'test'],
    ['src/patient/patient-banner.test.tsx', 'test'],
    ['hl7/tests/test_parse.py', 'test'],
    ['internal/export/export_test.go', 'test'],
    ['spec/models/patient_spec.rb', 'test'],
    ['src/main/resources/messages_fr.properties', 'translation'],
    ['app/src/main/res/values-de/strings.xml', 'translation'],
    ['src/locales/en.json', 'translation'],
    ['docs/rest/Sample_Requests.http', 'sample'],
    ['samples/docker/docker-compose.yaml', 'sample'],
    ['README.md', 'documentation'],
    ['docs/architecture.rst', 'documentation'],
    ['docs/deploy/runbook.txt', 'documentation'],
    // Words inside longer folder names are not roles.
    ['src/contest/Scoreboard.java', 'production'],
    ['src/latest/PatientExport.cs', 'production'],
    ['src/examplesApi/Client.ts', 'production'],
    // Package folders of a main source set name a package, not a sample (Spring's default `com.example.demo`).
    ['src/main/java/com/example/demo/PatientController.java', 'production'],
    ['app/src/main/kotlin/com/example/clinic/ChartStore.kt', 'production'],
    ['examples/spring/src/main/java/com/acme/App.java', 'sample'],
    ['demo/src/main/java/com/example/demo/App.java', 'sample'],
  ];
  for (const [file, role] of cases) it(`${file} is ${role}`, () => assert.equal(fileRoleOf(file), role));

  it('tests and samples list findings at info, documentation and translations as the rule says', () => {
    assert.equal(treatmentIn('production', { test: 'skip' }), 'report');
    assert.equal(treatmentIn('test', undefined), 'info');
    assert.equal(treatmentIn('sample', undefined), 'info');
    assert.equal(treatmentIn('documentation', undefined), 'report');
    assert.equal(treatmentIn('translation', undefined), 'report');
    assert.equal(treatmentIn('documentation', { documentation: 'skip' }), 'skip');
    assert.equal(treatmentIn('test', { test: 'report' }), 'report');
  });
});
