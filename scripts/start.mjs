// `npm start`: the Electron app when its binary is installed; otherwise the web build, served on
// loopback with its URL printed (the same renderer, see docs/ARCHITECTURE.md).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build, preview } from 'vite';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const configFile = new URL('../vite.config.ts', import.meta.url).pathname;
await build({ configFile, logLevel: 'warn' });

const binary = electronBinary();
if (binary) {
  await import('./build-electron.mjs');
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron binary is not installed (e.g. ELECTRON_SKIP_BINARY_DOWNLOAD=1); serving the web version instead.');
  const server = await preview({ configFile, preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false } });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
  console.log(`Överens is running at ${url}  (Ctrl-C to stop)`);
}
