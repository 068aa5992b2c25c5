// Bundle the `overens` command (src/cli) into dist-cli/: ES modules, one chunk per command
// loaded on demand, dependencies left in node_modules (plain JavaScript, loaded by Node as they
// are) — so the command starts without transpiling TypeScript. `npm run build` and the install
// (scripts/postinstall.mjs) run it; bin/overens.mjs runs the result.
// Usage: node scripts/build-cli.mjs [--outdir <dir>]
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 && process.argv[outdirFlag + 1] ? path.resolve(process.argv[outdirFlag + 1]) : path.join(root, 'dist-cli');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

export async function buildCli(dir = outdir) {
  await build({
    absWorkingDir: root,
    entryPoints: { overens: 'src/cli/main.ts', 'extract-worker': 'src/cli/extract-worker.ts' },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    define: { __OVERENS_VERSION__: JSON.stringify(version) },
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = await buildCli();
  console.log(`Built ${path.relative(root, path.join(dir, 'overens.mjs'))}`);
}
