// Bundles the CLI and the language server into one file each, as the extension ships them, with the tree-sitter
// WebAssembly files they load in dist/grammars (the list comes from the tsc output, which the build makes first).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

await build({
  // The analysis worker (scans, and the server's document analysis) is a bundle of its own, loaded by path.
  entryPoints: { cli: 'src/cli/main.ts', server: 'src/server.ts', analysisWorker: 'src/engine/parallel/analysisWorker.ts' },
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
});

const { wasmFiles } = createRequire(import.meta.url)('./out/src/engine/parsers/treeSitter.js');
rmSync('dist/grammars', { recursive: true, force: true });
mkdirSync('dist/grammars', { recursive: true });
for (const { file, path } of wasmFiles()) copyFileSync(path, `dist/grammars/${file}`);
