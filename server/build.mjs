// Bundles the CLI, the language server and the analysis worker, as the extension ships them, with the tree-sitter
// WebAssembly files they load in dist/grammars (the list comes from the tsc output, which the build makes first).
// The TypeScript compiler and faker are bundles of their own beside them, loaded only by the analyses that use
// them (a JS/TS data flow, a synthetic replacement): every hdguard start and every worker would otherwise compile
// their 14 MB of code. The analysis and the TypeScript compiler load with a V8 code cache the build makes by running
// them (codeCache.ts). The name dictionaries come from faker at build time (name-dictionaries.json), and the
// built-in rules are parsed and checked then too (builtin-rules.json, used while the packs are unchanged), and the
// literals their regexes require found (regex-literals.json).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD entry requires its modules dynamically, which a bundle cannot resolve: prefer ES modules.
  mainFields: ['module', 'main'],
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  // recheck runs its checker in a worker thread from its own files, which a bundle cannot hold.
  external: ['recheck'],
  logLevel: 'warning',
  // The tree-sitter runtime is apart too, and loaded by require(): it imports Node's modules with import(), which a
  // bundle loaded with its code cache (run as a script) cannot.
  plugins: [withCodeCache(/^typescript$/, 'typescript.js'), apart(/^@faker-js\/faker$/, './faker.js'), apart(/^@vscode\/tree-sitter-wasm$/, './tree-sitter.js')],
};

/** Imports of `filter` load `file` beside the bundle at run time instead of being bundled. */
function apart(filter, file) {
  return {
    name: `apart:${file}`,
    setup(b) {
      b.onResolve({ filter }, () => ({ path: file, external: true }));
    },
  };
}

/** Imports of `filter` load the bundle `file` beside the bundle at run time, with its code cache (codeCache.ts). */
function withCodeCache(filter, file) {
  return {
    name: `code-cache:${file}`,
    setup(b) {
      b.onResolve({ filter }, () => ({ path: file, namespace: 'code-cache' }));
      b.onLoad({ filter: new RegExp(`^${file.replace(/\./g, '\\.')}$`), namespace: 'code-cache' }, () => ({
        contents: `module.exports = require('./src/codeCache').loadBundle(require('node:path').join(__dirname, ${JSON.stringify(file)}));`,
        resolveDir: process.cwd(),
        loader: 'js',
      }));
    },
  };
}

// What a thread needs to analyse files is a bundle of its own, analysis.js, loaded with its code cache: by each
// analysis worker (scans, and the server's document analysis), by the CLI when it analyses in its own thread, and
// by the language server only if a worker cannot start (its own bundle holds no analysis: parsers, the TypeScript
// compiler, the name dictionaries), which keeps it small to load and to hold.
const analysisApart = withCodeCache(/[/\\]analysisModules$/, 'analysis.js');
await build({ ...common, entryPoints: { cli: 'src/cli/main.ts', analysisWorker: 'src/engine/parallel/analysisWorker.ts', server: 'src/server.ts' }, plugins: [...common.plugins, analysisApart] });
await build({ ...common, entryPoints: { analysis: 'src/engine/parallel/analysisModules.ts' } });

// The bundles kept apart, each loaded by the bundles above on first use.
await build({ ...common, plugins: [], entryPoints: { typescript: 'typescript', faker: '@faker-js/faker', 'tree-sitter': '@vscode/tree-sitter-wasm' } });

const require = createRequire(import.meta.url);
const { computeNameDictionaries, NAME_DICTIONARIES_FILE } = require('./out/src/engine/people/names.js');
writeFileSync(`dist/${NAME_DICTIONARIES_FILE}`, JSON.stringify(computeNameDictionaries()));
// The built-in rule packs, parsed and checked (used while the packs are unchanged: see loadBuiltinRules).
const { builtinRulesSnapshot, BUILTIN_RULES_FILE } = require('./out/src/engine/ruleLoader.js');
const snapshot = builtinRulesSnapshot();
writeFileSync(`dist/${BUILTIN_RULES_FILE}`, JSON.stringify(snapshot));
// The literals of the built-in rules' regexes, found by compiling the rules here (see requiredLiterals).
const { RuleSet } = require('./out/src/engine/analyze.js');
new RuleSet(snapshot.rules);
const { knownLiterals, REGEX_LITERALS_FILE } = require('./out/src/engine/regexLiterals.js');
writeFileSync(`dist/${REGEX_LITERALS_FILE}`, JSON.stringify(knownLiterals()));

const { wasmFiles } = require('./out/src/engine/parsers/treeSitter.js');
rmSync('dist/grammars', { recursive: true, force: true });
mkdirSync('dist/grammars', { recursive: true });
for (const { file, path } of wasmFiles()) copyFileSync(path, `dist/grammars/${file}`);

// The TypeScript compiler's code cache: compiled and run here as the JS/TS data flow runs it (parsing sources),
// then what V8 compiled stored for this V8 (codeCache.ts), under the V8 settings of hdguard's command line (V8
// rejects a cache made under others).
require('./out/src/v8Tuning.js').tuneV8ForOneShotRun();
const { compileBundle, runBundle, storeCodeCache } = require('./out/src/codeCache.js');
const tsBundle = resolve('dist/typescript.js');
for (const old of readdirSync('dist').filter((f) => /\.v8-.*\.cache$/.test(f))) rmSync(`dist/${old}`);
const tsScript = compileBundle(tsBundle);
const ts = runBundle(tsScript, tsBundle);
for (const file of ['src/engine/dataflow/jsFlow.ts', 'src/engine/dataflow/embeddedFlows.ts']) {
  for (const kind of [ts.ScriptKind.TS, ts.ScriptKind.JS]) ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
}
storeCodeCache(tsBundle, tsScript);

// The analysis's code cache, made after analysing every built-in rule's examples (every detector runs).
const analysisBundle = resolve('dist/analysis.js');
const analysisScript = compileBundle(analysisBundle);
const analysis = runBundle(analysisScript, analysisBundle);
await analysis.prepareEngine();
const { DEFAULT_CONFIG } = require('./out/src/engine/config.js');
const { sampleFileName } = require('./out/src/engine/languages.js');
const examplesRuleSet = new analysis.RuleSet(snapshot.rules);
const options = { maxFileSize: DEFAULT_CONFIG.maxFileSize, timeLimitMs: 5000, settings: DEFAULT_CONFIG.settings };
for (const rule of snapshot.rules) {
  for (const example of [...rule.examples.bad, ...rule.examples.good]) {
    const rel = example.file ?? (example.language?.includes('.') ? example.language : sampleFileName(example.language ?? 'plaintext'));
    analysis.analyseFileText({ abs: resolve(rel), rel, size: example.code.length }, example.code, false, examplesRuleSet, options);
  }
}
storeCodeCache(analysisBundle, analysisScript);
