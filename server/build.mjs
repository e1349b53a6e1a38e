// Bundles the CLI, the language server and the analysis worker, as the extension ships them, with the tree-sitter
// WebAssembly files they load in dist/grammars (the list comes from the tsc output, which the build makes first).
// The TypeScript compiler and faker are bundles of their own beside them, loaded only by the analyses that use
// them (a JS/TS data flow, a synthetic replacement): every hdguard start and every worker would otherwise compile
// their 14 MB of code. The name dictionaries come from faker at build time (name-dictionaries.json), and the
// built-in rules are parsed and checked then too (builtin-rules.json, used while the packs are unchanged).
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
  plugins: [apart(/^typescript$/, './typescript.js'), apart(/^@faker-js\/faker$/, './faker.js')],
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

// The CLI, and the analysis worker (scans, and the server's document analysis), loaded by path.
await build({ ...common, entryPoints: { cli: 'src/cli/main.ts', analysisWorker: 'src/engine/parallel/analysisWorker.ts' } });

// The language server leaves analysis to its workers: its own bundle holds none of it (parsers, the TypeScript
// compiler, the name dictionaries), which keeps it small to load and to hold. Only if a worker cannot start does
// it load the analysis, from analysis.js.
const analysisApart = {
  name: 'analysis-apart',
  setup(b) {
    b.onResolve({ filter: /[/\\]analysisModules$/ }, () => ({ path: './analysis.js', external: true }));
  },
};
await build({ ...common, entryPoints: { server: 'src/server.ts' }, plugins: [...common.plugins, analysisApart] });
await build({ ...common, entryPoints: { analysis: 'src/engine/parallel/analysisModules.ts' } });

// The bundles kept apart, each loaded by the bundles above on first use.
await build({ ...common, plugins: [], entryPoints: { typescript: 'typescript', faker: '@faker-js/faker' } });

const require = createRequire(import.meta.url);
const { computeNameDictionaries, NAME_DICTIONARIES_FILE } = require('./out/src/engine/people/names.js');
writeFileSync(`dist/${NAME_DICTIONARIES_FILE}`, JSON.stringify(computeNameDictionaries()));
// The built-in rule packs, parsed and checked (used while the packs are unchanged: see loadBuiltinRules).
const { builtinRulesSnapshot, BUILTIN_RULES_FILE } = require('./out/src/engine/ruleLoader.js');
writeFileSync(`dist/${BUILTIN_RULES_FILE}`, JSON.stringify(builtinRulesSnapshot()));

const { wasmFiles } = require('./out/src/engine/parsers/treeSitter.js');
rmSync('dist/grammars', { recursive: true, force: true });
mkdirSync('dist/grammars', { recursive: true });
for (const { file, path } of wasmFiles()) copyFileSync(path, `dist/grammars/${file}`);
