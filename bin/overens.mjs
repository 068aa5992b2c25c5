#!/usr/bin/env node
// The `overens` command: runs the bundle in dist-cli/ that `npm run build` and the install make
// from src/cli (scripts/build-cli.mjs) — plain JavaScript, nothing transpiled at start. Where it
// is missing (a checkout before its first build) it is built once, here.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `overens … | head` closes the pipe early: stop quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const bundle = new URL('../dist-cli/overens.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('overens: building the command (dist-cli/) once…\n');
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
