// Bundles the CLI, the language server and the analysis worker, as the extension ships them, with the tree-sitter
// WebAssembly files they load in dist/grammars (the list comes from the tsc output, which the build makes first).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
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
};

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
await build({ ...common, entryPoints: { server: 'src/server.ts' }, plugins: [analysisApart] });
await build({ ...common, entryPoints: { analysis: 'src/engine/parallel/analysisModules.ts' } });

const { wasmFiles } = createRequire(import.meta.url)('./out/src/engine/parsers/treeSitter.js');
rmSync('dist/grammars', { recursive: true, force: true });
mkdirSync('dist/grammars', { recursive: true });
for (const { file, path } of wasmFiles()) copyFileSync(path, `dist/grammars/${file}`);
