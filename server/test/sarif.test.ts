import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { FIXTURES, runCli } from './helpers';
import { CLEARTEXT, rulePack, treeFactory } from './trees';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'schemas', 'sarif-2.1.0.json'), 'utf8')));

interface SarifRule {
  id: string;
  name?: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text?: string; markdown?: string };
  properties?: { category?: string; tags?: string[]; 'security-severity'?: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
  partialFingerprints: Record<string, string>;
  properties: { category?: string };
}

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }>;
}

/** Scans a folder as SARIF, checks it against the schema and returns it. */
function sarifOf(dir: string): SarifLog {
  const r = runCli(['scan', '.', '--format', 'sarif', '--fail-on', 'never'], dir);
  assert.equal(r.status, 0, r.stderr);
  const log = JSON.parse(r.stdout) as SarifLog;
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
  return log;
}

/** What GitHub code scanning and other SARIF readers need of each result and rule. */
function checkShape(log: SarifLog): void {
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const rules = run.tool.driver.rules;
  for (const rule of rules) {
    assert.match(rule.id, /^[a-z][\w-]*(\.[\w-]+)+$/);
    assert.ok(rule.name && /^[A-Z]\w+$/.test(rule.name), `${rule.id}: name ${rule.name}`);
    assert.ok(rule.shortDescription?.text, `${rule.id}: shortDescription`);
    assert.ok(rule.fullDescription?.text, `${rule.id}: fullDescription`);
    assert.ok(rule.help?.markdown, `${rule.id}: help.markdown`);
    assert.match(rule.properties?.category ?? '', /^(patient-data|insecure-storage|insecure-transport)$/);
    assert.ok(rule.properties?.tags?.includes(rule.properties.category!), `${rule.id}: tags`);
    assert.match(rule.properties?.['security-severity'] ?? '', /^\d+(\.\d)?$/, `${rule.id}: security-severity`);
  }
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'duplicate rule ids');
  const baseIds = Object.keys(run.originalUriBaseIds);
  for (const result of run.results) {
    assert.equal(rules[result.ruleIndex]?.id, result.ruleId, `ruleIndex of ${result.ruleId}`);
    assert.equal(result.properties.category, rules[result.ruleIndex].properties?.category);
    assert.match(result.level, /^(error|warning|note)$/);
    assert.ok(result.message.text);
    assert.equal(result.locations.length, 1);
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.ok(!path.isAbsolute(artifactLocation.uri) && !/^[a-z]+:/i.test(artifactLocation.uri), artifactLocation.uri);
    assert.ok(artifactLocation.uriBaseId && baseIds.includes(artifactLocation.uriBaseId));
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(region[k]) && region[k] >= 1, `${k}: ${region[k]}`);
    assert.ok(region.endLine > region.startLine || region.endColumn > region.startColumn, 'empty region');
    const fingerprints = Object.values(result.partialFingerprints);
    assert.ok(fingerprints.length > 0 && fingerprints.every((f) => /^[0-9a-f]{16,}$/.test(f)));
  }
}

describe('SARIF output', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  it('validates against the SARIF 2.1.0 schema and has what code scanning needs', () => {
    const dir = trees.make({
      'src/api.js': `// client\n${CLEARTEXT()}`,
      'config/app settings.yaml': 'fhir:\n  baseUrl: http://fhir.regional-hie.org/r4\n',
      'notes.js': 'const tag = TEST_MARKER_7;\n',
      '.hdguard/rules/custom.yaml': rulePack('custom.marker', { severity: 'info' }),
      'image.png': 'not really a png',
    });
    const log = sarifOf(dir);
    checkShape(log);
    const run = log.runs[0];
    assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file://'));
    assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'));
    const byUri = new Map(run.results.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r]));
    assert.deepEqual([...byUri.keys()].sort(), ['config/app%20settings.yaml', 'notes.js', 'src/api.js']);
    const api = byUri.get('src/api.js')!;
    assert.deepEqual(api.locations[0].physicalLocation.region, { startLine: 2, startColumn: 8, endLine: 2, endColumn: 56 });
    assert.equal(api.level, 'warning');
    assert.equal(byUri.get('notes.js')!.level, 'note');
    assert.equal(byUri.get('notes.js')!.properties.category, 'patient-data');
  });

  it('a scan with no finding is still valid SARIF and lists the rules', () => {
    const log = sarifOf(trees.make({ 'ok.js': 'const x = 1;\n' }));
    checkShape(log);
    assert.deepEqual(log.runs[0].results, []);
    assert.ok(log.runs[0].tool.driver.rules.some((r) => r.id === 'transport.cleartext-url'));
  });

  it('the SARIF of the test fixtures validates, and every result and rule has a category', () => {
    const log = sarifOf(FIXTURES);
    assert.ok(log.runs[0].results.length > 0);
    checkShape(log);
  });
});
