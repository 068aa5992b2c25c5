#!/usr/bin/env node
// The `overens` command: runs the bundle in dist-cli/ that `npm run build` and the install make
// from src/cli (scripts/build-cli.mjs) — plain JavaScript, nothing transpiled at start. Where it
// is missing (a checkout before its first build) or older than the sources (scripts/cli-bundle.mjs)
// it is rebuilt first, with a line on stderr; where it cannot be rebuilt, the command says so.
import { fileURLToPath } from 'node:url';
import { bundleState, rebuildBundle } from '../scripts/cli-bundle.mjs';

// `overens … | head` closes the pipe early: stop quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = new URL('../dist-cli/overens.mjs', import.meta.url);
const state = bundleState(root);
if (state.state !== 'fresh') {
  process.stderr.write(state.state === 'missing' ? 'overens: building the command (dist-cli/) once…\n' : `overens: dist-cli/ is older than ${state.newer}; rebuilding it…\n`);
  try {
    await rebuildBundle(root);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (state.state === 'missing') {
      process.stderr.write(`overens: the command could not be built (${why}). Run \`npm run build:cli\` after \`npm install\`.\n`);
      process.exit(1);
    }
    process.stderr.write(`overens: dist-cli/ could not be rebuilt (${why}); running the old build, made before ${state.newer} changed. Run \`npm run build:cli\` to bring it up to date.\n`);
  }
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
