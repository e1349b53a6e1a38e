import { toolVersion } from '../engine/paths';
import type { Finding, LoadedRule, ScanResult, Severity } from '../engine/types';
import { pathToFileURL } from 'node:url';
import { firstParagraph, referencesMarkdown } from './ruleText';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning reads this as critical/high (≥ 7), medium (4–6.9) and low (< 4). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '2.0' };
const ROOT_ID = '%SRCROOT%';

/** SARIF 2.1.0: one run, the rules in force, one result per finding with paths relative to the scan root. */
export function formatSarif(result: ScanResult): string {
  const ruleIndex = new Map(result.rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Health Data Guard',
            semanticVersion: toolVersion(),
            version: toolVersion(),
            rules: result.rules.map(sarifRule),
          },
        },
        originalUriBaseIds: { [ROOT_ID]: { uri: `${pathToFileURL(result.root).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((f) => sarifResult(f, ruleIndex.get(f.ruleId) ?? -1)),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.skipped.map((s) => ({
              level: 'note',
              message: { text: `Skipped (${s.reason}): ${s.detail}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(s.file), uriBaseId: ROOT_ID } } }],
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(rule: LoadedRule) {
  const cwes = rule.references.cwe ?? [];
  return {
    id: rule.id,
    name: pascalName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: firstParagraph(rule.description) },
    help: { text: rule.description, markdown: `${rule.description.trim()}\n\n${referencesMarkdown(rule)}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      category: rule.category,
      tags: ['security', 'health-data', rule.category, ...cwes.map((c) => `external/cwe/cwe-${c}`)],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

function sarifResult(f: Finding, ruleIndex: number) {
  const artifactLocation = { uri: uriOf(f.file), uriBaseId: ROOT_ID };
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(f.range) } }],
    partialFingerprints: { 'hdguardFingerprint/v1': f.fingerprint },
    properties: { category: f.category, evidence: f.evidence },
    ...(f.fix
      ? {
          fixes: [
            {
              description: { text: f.fix.description },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

function region(r: Finding['range']) {
  return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

function uriOf(relPath: string): string {
  return relPath.split('/').map(encodeURIComponent).join('/');
}

function pascalName(id: string): string {
  return id
    .split(/[.-]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}
