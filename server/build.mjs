// Bundles the CLI and the language server into one file each, as the extension ships them.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts', server: 'src/server.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
