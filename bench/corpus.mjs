// The benchmark corpus: a fixed-seed tree of mostly clean code and data files in the languages and formats
// the rules cover, with a known number of planted problems (cleartext endpoints, checksum-valid national
// identifiers, disabled TLS verification, patient records in data files).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../server/package.json', import.meta.url));
const { Faker, en, base } = require('@faker-js/faker');
const { GENERATORS } = require('../server/out/test/recall/validIdentifiers.js');

const CORPUS_VERSION = 1;
/** One planted problem per this many files, on average. */
export const PLANT_EVERY = 10;

/** A tiny deterministic PRNG (mulberry32): faker is too slow for 200 MB of filler; bench:noise draws its samples with it. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function vocabulary(faker) {
  const words = new Set();
  while (words.size < 400) words.add(faker.word.noun().toLowerCase().replace(/[^a-z]/g, '') || 'item');
  return [...words].filter(Boolean);
}

const camel = (a, b) => a + b.charAt(0).toUpperCase() + b.slice(1);
const pascal = (a, b) => camel(a.charAt(0).toUpperCase() + a.slice(1), b);

/** Filler blocks per format: realistic-looking, finding-free code. `w()` picks a word, `n()` a number. */
const FILLER = {
  js: (w, n) => `export async function ${camel(w(), w())}(${w()}, options = {}) {\n  const ${w()} = await client.get(\`/api/${w()}/\${${'options'}.id}\`, { timeout: ${n(5000)} });\n  if (!${'options'}.${w()}) return null;\n  return { ${w()}: ${n(100)}, ${w()}: '${w()} ${w()}', items: [${n(9)}, ${n(9)}] };\n}\n\n`,
  ts: (w, n) => `export interface ${pascal(w(), w())} {\n  ${w()}: string;\n  ${w()}?: number;\n}\n\nexport function ${camel(w(), w())}(input: ${pascal(w(), 'dto')}): number {\n  // ${w()} ${w()} ${w()}\n  return input.${w()}.length * ${n(50)} + ${n(1000)};\n}\n\n`,
  py: (w, n) => `def ${w()}_${w()}(${w()}, ${w()}=None):\n    """${w()} the ${w()} for ${w()}."""\n    result = [${w()} for ${w()} in range(${n(100)})]\n    if ${w()} is None:\n        return {"${w()}": ${n(1000)}, "${w()}": "${w()}"}\n    return sorted(result)[:${n(20)}]\n\n\n`,
  java: (w, n) => `    public ${pascal(w(), 'result')} ${camel(w(), w())}(String ${w()}, int ${w()}) {\n        List<String> ${w()} = new ArrayList<>();\n        for (int i = 0; i < ${n(100)}; i++) {\n            ${w()}.add("${w()}-" + i);\n        }\n        return new ${pascal(w(), 'result')}(${w()}, ${n(500)});\n    }\n\n`,
  cs: (w, n) => `        public async Task<${pascal(w(), 'model')}> ${pascal(w(), w())}Async(string ${w()}, CancellationToken ct)\n        {\n            var ${w()} = await _repository.FindAsync(${w()}, ct);\n            if (${w()} == null) throw new NotFoundException("${w()}");\n            return new ${pascal(w(), 'model')} { Count = ${n(100)}, Label = "${w()}" };\n        }\n\n`,
  go: (w, n) => `func ${pascal(w(), w())}(ctx context.Context, ${w()} string) (int, error) {\n\tif ${w()} == "" {\n\t\treturn 0, fmt.Errorf("${w()}: empty ${w()}")\n\t}\n\tvalues := make([]int, ${n(64)})\n\treturn len(values) + ${n(1000)}, nil\n}\n\n`,
  yaml: (w, n) => `${w()}_${w()}:\n  replicas: ${n(9)}\n  image: registry.internal/${w()}:${n(20)}.${n(9)}\n  labels:\n    app: ${w()}\n    tier: ${w()}\n  resources:\n    limits: { cpu: "${n(4)}", memory: ${n(2048)}Mi }\n`,
  json: (w, n) => `  "${w()}_${n(100000)}": { "enabled": true, "retries": ${n(9)}, "name": "${w()} ${w()}", "tags": ["${w()}", "${w()}"] },\n`,
  xml: (w, n) => `  <${w()} id="${n(10000)}" enabled="true">\n    <name>${w()} ${w()}</name>\n    <value>${n(1000)}</value>\n  </${w()}>\n`,
  tf: (w, n) => `resource "aws_security_group_rule" "${w()}_${n(1000)}" {\n  type              = "ingress"\n  from_port         = ${n(9000)}\n  to_port           = ${n(9000)}\n  protocol          = "tcp"\n  cidr_blocks       = ["10.${n(255)}.0.0/16"]\n  description       = "${w()} ${w()}"\n}\n\n`,
  sql: (w, n) => `CREATE TABLE ${w()}_${w()} (\n  id BIGINT PRIMARY KEY,\n  ${w()} VARCHAR(${n(255)}) NOT NULL,\n  ${w()} INTEGER DEFAULT ${n(100)}\n);\nSELECT ${w()}, COUNT(*) FROM ${w()} WHERE ${w()} > ${n(1000)} GROUP BY ${w()};\n\n`,
  csv: (w, n) => `${n(100000)},${w()},${w()},${n(1000)}.${n(99)},${w()}\n`,
  hl7: (w, n) => `MSH|^~\\&|${w().toUpperCase()}|LAB|EHR|HOSP|2024010${n(9)}1200||ORU^R01|MSG${n(100000)}|P|2.5\nOBR|1||${n(100000)}|${n(99999)}-${n(9)}^${w()}^LN\nOBX|1|NM|${n(99999)}-${n(9)}^${w()}^LN||${n(200)}|mg/dL|${n(50)}-${n(200)}|N|||F\n`,
  fhir: (w, n) => `    { "resource": { "resourceType": "Observation", "status": "final", "code": { "coding": [ { "system": "http://loinc.org", "code": "${n(99999)}-${n(9)}", "display": "${w()} ${w()}" } ] }, "valueQuantity": { "value": ${n(300)}, "unit": "mg/dL", "system": "http://unitsofmeasure.org" } } },\n`,
  ipynb: (w, n) => `  { "cell_type": "code", "execution_count": ${n(99)}, "metadata": {}, "outputs": [], "source": [ "df_${w()} = df.groupby(\\"${w()}\\").agg({\\"${w()}\\": \\"mean\\"})\\n", "df_${w()}.head(${n(20)})" ] },\n`,
  md: (w, n) => `## ${pascal(w(), w())}\n\nThe ${w()} service reads ${w()} from the ${w()} queue and writes ${n(100)} ${w()} per batch. See \`${w()}.${w()}\` for the ${w()} settings.\n\n- ${w()}: ${n(1000)}\n- ${w()}: \`${w()}\`\n\n`,
};

/** Each format: extension, a header/footer around the filler, and the problems that can be planted in it. */
const FORMATS = [
  { kind: 'js', ext: 'js', weight: 12, head: "import { client } from './client';\n\n", foot: '' },
  { kind: 'ts', ext: 'ts', weight: 14, head: "import type { Request } from 'express';\n\n", foot: '' },
  { kind: 'py', ext: 'py', weight: 12, head: 'import os\nimport requests\n\n\n', foot: '' },
  { kind: 'java', ext: 'java', weight: 10, head: 'package org.example.app;\n\nimport java.util.*;\n\npublic class Service {\n', foot: '}\n' },
  { kind: 'cs', ext: 'cs', weight: 7, head: 'using System;\nusing System.Threading.Tasks;\n\nnamespace Example.App\n{\n    public class Service\n    {\n', foot: '    }\n}\n' },
  { kind: 'go', ext: 'go', weight: 7, head: 'package service\n\nimport (\n\t"context"\n\t"fmt"\n)\n\n', foot: '' },
  { kind: 'yaml', ext: 'yaml', weight: 6, head: '# deployment settings\n', foot: '' },
  { kind: 'json', ext: 'json', weight: 4, head: '{\n', foot: '  "version": 1\n}\n' },
  { kind: 'xml', ext: 'xml', weight: 4, head: '<?xml version="1.0" encoding="UTF-8"?>\n<config xmlns="http://www.example.org/schema/config" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n', foot: '</config>\n' },
  { kind: 'tf', ext: 'tf', weight: 4, head: 'terraform {\n  required_version = ">= 1.5"\n}\n\n', foot: '' },
  { kind: 'sql', ext: 'sql', weight: 4, head: '-- schema migration\n', foot: '' },
  { kind: 'csv', ext: 'csv', weight: 3, head: 'id,category,label,amount,region\n', foot: '' },
  { kind: 'hl7', ext: 'hl7', weight: 2, head: '', foot: '' },
  { kind: 'fhir', ext: 'json', weight: 4, head: '{\n  "resourceType": "Bundle",\n  "type": "collection",\n  "entry": [\n', foot: '    { "resource": { "resourceType": "Organization", "name": "Example" } }\n  ]\n}\n' },
  { kind: 'ipynb', ext: 'ipynb', weight: 2, head: '{\n "cells": [\n', foot: '  { "cell_type": "markdown", "metadata": {}, "source": [ "end" ] }\n ],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n' },
  { kind: 'md', ext: 'md', weight: 5, head: '# Service notes\n\n', foot: '' },
];

/** A planted problem, by format: a snippet that the rules are meant to report. */
function plant(kind, faker, ctx) {
  const host = `${faker.internet.domainWord()}.${faker.helpers.arrayElement(['clinic.org', 'health.net', 'hospital.com'])}`;
  const nhs = () => GENERATORS['uk-nhs'](faker);
  const ssn = () => GENERATORS['us-ssn'](faker);
  const given = faker.person.firstName();
  const family = faker.person.lastName();
  const dob = faker.date.birthdate({ min: 1930, max: 2015, mode: 'year' }).toISOString().slice(0, 10);
  switch (kind) {
    case 'js':
      return ctx.r() < 0.5 ? `const PATIENT_API = 'http://${host}/fhir/Patient';\n\n` : `const patient = { nhsNumber: '${nhs()}', firstName: '${given}', lastName: '${family}', birthDate: '${dob}' };\n\n`;
    case 'ts':
      return `export const fixture = {\n  ssn: "${ssn()}",\n  givenName: "${given}",\n  familyName: "${family}",\n};\n\n`;
    case 'py':
      return ctx.r() < 0.5 ? `resp = requests.get("https://${host}/fhir/Patient", verify=False)\n\n` : `r = requests.post("http://${host}/fhir/Observation", json=payload)\n\n`;
    case 'java':
      return `    private static final String ENDPOINT = "http://${host}/fhir/Patient";\n\n`;
    case 'cs':
      return `        private const string FhirBase = "http://${host}/fhir/";\n\n`;
    case 'go':
      return `var patientEndpoint = "http://${host}/fhir/Patient"\n\n`;
    case 'yaml':
      return `fhir:\n  baseUrl: http://${host}/fhir\n`;
    case 'json':
      return `  "patientServiceUrl": "http://${host}/fhir/Patient",\n`;
    case 'xml':
      return `  <endpoint url="http://${host}/fhir/Patient"/>\n`;
    case 'tf':
      return `resource "aws_db_instance" "patients" {\n  engine            = "postgres"\n  instance_class    = "db.t3.medium"\n  storage_encrypted = false\n}\n\n`;
    case 'sql':
      return `INSERT INTO patients (nhs_number, first_name, last_name, birth_date) VALUES ('${nhs()}', '${given}', '${family}', '${dob}');\n`;
    case 'csv':
      return `${faker.number.int(99999)},patient,${given} ${family},${ssn()},${dob}\n`;
    case 'hl7':
      return `MSH|^~\\&|ADT|HOSP|EHR|HOSP|202401011200||ADT^A01|MSG${faker.number.int(99999)}|P|2.5\nPID|1||${faker.number.int({ min: 100000, max: 999999 })}^^^HOSP^MR||${family.toUpperCase()}^${given.toUpperCase()}||${dob.replace(/-/g, '')}|F|||${faker.location.streetAddress()}^^${faker.location.city()}\n`;
    case 'fhir':
      return `    { "resource": { "resourceType": "Patient", "identifier": [ { "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "${nhs().replace(/ /g, '')}" } ], "name": [ { "family": "${family}", "given": [ "${given}" ] } ], "birthDate": "${dob}" } },\n`;
    case 'ipynb':
      return `  { "cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [ { "output_type": "stream", "name": "stdout", "text": [ "patient ${given} ${family} nhs ${nhs()} dob ${dob}\\n" ] } ], "source": [ "print(patients.iloc[0])" ] },\n`;
    case 'md':
      return `Call the sandbox at \`http://${host}/fhir/Patient\` to load the patients.\n\n`;
    default:
      return '';
  }
}

/** Fills `count` files so that they total about `bytes`; returns the manifest. */
export function generateCorpus(dir, { seed, files, bytes }) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  const words = vocabulary(faker);
  const r = prng(seed);
  const w = () => words[Math.floor(r() * words.length)];
  const n = (max) => Math.floor(r() * max);
  const totalWeight = FORMATS.reduce((s, f) => s + f.weight, 0);
  const pick = () => {
    let x = r() * totalWeight;
    for (const f of FORMATS) if ((x -= f.weight) < 0) return f;
    return FORMATS[0];
  };
  const planted = {};
  let written = 0;
  for (let i = 0; i < files; i++) {
    const fmt = pick();
    // Sizes vary (a few large files, many small ones) around the mean that meets the byte budget.
    const mean = (bytes - written) / (files - i);
    const target = Math.max(200, Math.round(mean * (0.25 + 1.5 * r() * r() * 2)));
    const parts = [fmt.head];
    let size = fmt.head.length + fmt.foot.length;
    const plantAt = r() < 1 / PLANT_EVERY ? r() : -1;
    let planting = plantAt >= 0;
    while (size < target) {
      if (planting && size >= target * plantAt) {
        const snippet = plant(fmt.kind, faker, { r });
        parts.push(snippet);
        size += snippet.length;
        planted[fmt.kind] = (planted[fmt.kind] ?? 0) + 1;
        planting = false;
        continue;
      }
      const block = FILLER[fmt.kind](w, n);
      parts.push(block);
      size += block.length;
    }
    parts.push(fmt.foot);
    const sub = path.join(dir, `pkg${String(i % 97).padStart(2, '0')}`, fmt.kind, `m${Math.floor(i / 970)}`);
    fs.mkdirSync(sub, { recursive: true });
    const name = fmt.kind === 'fhir' ? `bundle_${i}.json` : `${w()}_${i}.${fmt.ext}`;
    const text = parts.join('');
    fs.writeFileSync(path.join(sub, name), text);
    written += Buffer.byteLength(text);
  }
  const manifest = { version: CORPUS_VERSION, seed, files, requestedBytes: bytes, bytes: written, planted, plantedTotal: Object.values(planted).reduce((a, b) => a + b, 0) };
  fs.writeFileSync(path.join(dir, '..', `${path.basename(dir)}.manifest.json`), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Reuses the corpus built with the same seed and size, or builds it. */
export function ensureCorpus(root, options) {
  const dir = path.join(root, `${options.files}files-${Math.round(options.bytes / 1e6)}mb`);
  const manifestFile = path.join(root, `${path.basename(dir)}.manifest.json`);
  try {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (m.version === CORPUS_VERSION && m.seed === options.seed && m.files === options.files && m.requestedBytes === options.bytes && fs.existsSync(dir)) return { dir, manifest: m, reused: true };
  } catch {
    // not built yet
  }
  fs.mkdirSync(root, { recursive: true });
  return { dir, manifest: generateCorpus(dir, options), reused: false };
}

/** A Python file of exactly `lines` lines with one cleartext URL per 250 lines, for the re-analysis timings. */
export function pythonFile(lines, seed = 1) {
  const r = prng(seed);
  const out = ['import requests'];
  while (out.length < lines) {
    const i = out.length;
    out.push(i % 250 === 0 ? `r${i} = requests.get("http://api${i}.stmarys-clinic.org/fhir")` : `def handler_${i}(request):  return {"status": ${Math.floor(r() * 500)}, "name": "item ${i}"}`);
  }
  return `${out.join('\n')}\n`;
}
