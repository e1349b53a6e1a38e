// Bundles the extension into one file; `vscode` is provided by the editor at run time.
import { build } from 'esbuild';

await build({
  entryPoints: { extension: 'src/extension.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: true,
  logLevel: 'warning',
});
