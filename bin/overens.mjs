#!/usr/bin/env node
// The `overens` command: runs src/cli/main.ts through tsx, so the CLI is exactly the
// TypeScript the app uses, with no separate build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
// `overens … | head` closes the pipe early: stop quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)));
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
