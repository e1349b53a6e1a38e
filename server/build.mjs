// Bundles the CLI and the language server into one file each, as the extension ships them.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts', server: 'src/server.ts' },
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
