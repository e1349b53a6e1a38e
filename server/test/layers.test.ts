import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './helpers';

/**
 * Every import points down the layers of docs/architecture.md: engine → report → cli | lsp → client. A rule
 * names the files it governs and the paths they must not import (both relative to the repository root); an
 * import is a path starting with one of them, unless it starts with an allowed path.
 */
interface LayerRule {
  files: string[];
  mustNotImport: string[];
  allowed?: string[];
  why: string;
}

const LOWER_ENGINE = ['formats', 'dataflow', 'identifiers', 'people', 'synthetic', 'iac', 'parsers'];

const RULES: LayerRule[] = [
  { files: ['server/src/lsp/'], mustNotImport: ['server/src/cli/'], why: 'the editor and the command line share report/ and engine/, never each other' },
  { files: ['server/src/cli/'], mustNotImport: ['server/src/lsp/'], why: 'the command line and the editor share report/ and engine/, never each other' },
  { files: ['server/src/report/'], mustNotImport: ['server/src/cli/', 'server/src/lsp/'], why: 'outputs are shown the same way by both shells' },
  {
    files: ['server/src/engine/'],
    mustNotImport: ['server/src/report/', 'server/src/cli/', 'server/src/lsp/', 'server/src/server/'],
    why: 'the engine finds; how findings are shown is above it',
  },
  {
    files: LOWER_ENGINE.map((folder) => `server/src/engine/${folder}/`),
    mustNotImport: ['server/src/engine/detectors/'],
    why: 'detectors use the parsers and analyses below them; what both need lives below both',
  },
  {
    files: ['client/src/'],
    mustNotImport: ['server/'],
    allowed: ['server/src/lsp/protocol/'],
    why: 'the extension talks to the server over the protocol and shares only its types',
  },
];

interface Import {
  /** The importing file and the imported module, from the repository root, with a trailing slash. */
  file: string;
  target: string;
  /** As written in the file. */
  specifier: string;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const fromRoot = (p: string) => `${path.relative(REPO_ROOT, p).split(path.sep).join('/')}/`;

/** The relative imports, re-exports, require() and import() calls of every .ts file under `dir`. */
function importsUnder(dir: string): Import[] {
  return tsFiles(dir).flatMap((file) =>
    ts
      .preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
      .importedFiles.filter((i) => i.fileName.startsWith('.'))
      .map((i) => ({ file: fromRoot(file), target: fromRoot(path.resolve(path.dirname(file), i.fileName)), specifier: i.fileName })),
  );
}

/** Each import that breaks a rule, as "file imports 'specifier' (why)". */
function violations(imports: Import[], rules: LayerRule[]): string[] {
  const breaks = (r: LayerRule, i: Import) =>
    r.files.some((f) => i.file.startsWith(f)) && r.mustNotImport.some((p) => i.target.startsWith(p)) && !r.allowed?.some((p) => i.target.startsWith(p));
  return imports.flatMap((i) => rules.filter((r) => breaks(r, i)).map((r) => `${i.file.slice(0, -1)} imports '${i.specifier}' (${r.why})`));
}

describe('layers: every import points down (docs/architecture.md)', () => {
  const imports = [...importsUnder(path.join(REPO_ROOT, 'server', 'src')), ...importsUnder(path.join(REPO_ROOT, 'client', 'src'))];

  it('reads the imports of the server and the client', () => {
    assert.ok(imports.some((i) => i.file.startsWith('server/src/lsp/') && i.target.startsWith('server/src/report/')));
    assert.ok(imports.some((i) => i.file.startsWith('client/src/') && i.target.startsWith('server/src/lsp/protocol/')));
  });

  for (const rule of RULES) {
    it(`${rule.files.join(', ')} import nothing from ${rule.mustNotImport.join(', ')}${rule.allowed ? ` but ${rule.allowed.join(', ')}` : ''}`, () => {
      assert.deepEqual(violations(imports, [rule]), []);
    });
  }

  it('reports an import that runs the wrong way, with its file', () => {
    const planted: Import[] = [
      { file: 'server/src/lsp/hover.ts/', target: 'server/src/cli/main/', specifier: '../cli/main' },
      { file: 'server/src/engine/formats/hl7.ts/', target: 'server/src/engine/detectors/detector/', specifier: '../detectors/detector' },
      { file: 'server/src/cli/main.ts/', target: 'server/src/report/text/', specifier: '../report/text' },
    ];
    assert.deepEqual(violations(planted, RULES), [
      "server/src/lsp/hover.ts imports '../cli/main' (the editor and the command line share report/ and engine/, never each other)",
      "server/src/engine/formats/hl7.ts imports '../detectors/detector' (detectors use the parsers and analyses below them; what both need lives below both)",
    ]);
  });
});
