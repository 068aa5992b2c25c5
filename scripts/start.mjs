// `npm start`: the Electron desktop app when its binary is installed; otherwise the web build of
// the same renderer, served on loopback (127.0.0.1, port 5173 or the next free one) with its URL
// printed, until Ctrl-C. See README.md and docs/ARCHITECTURE.md.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { ensureElectron } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configFile = path.join(root, 'vite.config.ts');
// vite.config.ts names its folders relative to the repository.
process.chdir(root);

// The install downloads the binary where it can (scripts/postinstall.mjs); a machine that was
// offline then tries once more here.
const { binary, reason } = await ensureElectron({ timeoutMs: 3 * 60_000, log: (line) => console.log(line) });
if (!binary) console.log(`Electron's binary is not available (${reason}); serving the web version instead.`);

console.log('Building the renderer…');
await build({ configFile, logLevel: 'warn' });

if (binary) {
  await import('./build-electron.mjs');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { stdio: 'inherit', cwd: root, env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Could not launch Electron (${binary}): ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const server = await preview({ configFile, preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview started but reported no local URL');
  console.log(`Överens (web version) is running at ${url}  — press Ctrl-C to stop.`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error('Could not stop the preview server cleanly', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
