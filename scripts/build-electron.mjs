// Bundle the Electron main process and the sandboxed preload into single CommonJS files in
// dist-electron/ (a sandboxed preload may require only `electron`, so it must be one file; main
// carries zod and the IPC schemas inside it, so the packaged app needs no node_modules).
// Usage: node scripts/build-electron.mjs [--outdir <dir>]
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 && process.argv[outdirFlag + 1] ? path.resolve(process.argv[outdirFlag + 1]) : path.join(root, 'dist-electron');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outdir, 'main.cjs') });
// The preload runs in a sandboxed renderer: browser-like globals, no Node modules but `electron`.
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outdir, 'preload.cjs') });
console.log(`Built ${path.relative(root, path.join(outdir, 'main.cjs'))} and ${path.relative(root, path.join(outdir, 'preload.cjs'))}`);
