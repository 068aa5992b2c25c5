// Where Electron's binary is, and getting it when it is missing. Shared by `npm install`
// (scripts/postinstall.mjs) and `npm start` (scripts/start.mjs).
//
// package.json denies the `electron` package's own install script (`allowScripts`), because on a
// machine that cannot download the binary that script fails and npm rolls the whole install
// back. We run the same download ourselves, after the install, and never fail the install on it:
// where the binary cannot be had, `npm start` serves the web build of the same renderer instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron executable, or the reason there is none. */
export function findElectron() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { binary: null, packageDir: null, reason: 'the electron package is not installed' };
  }
  let binary;
  try {
    // The package exports the path of the binary its install script downloaded.
    binary = require('electron');
  } catch {
    return { binary: null, packageDir, reason: 'its binary has not been downloaded' };
  }
  if (typeof binary !== 'string') return { binary: null, packageDir, reason: 'the electron package did not name a binary' };
  if (!existsSync(binary)) return { binary: null, packageDir, reason: `${binary} does not exist` };
  return { binary, packageDir, reason: '' };
}

/** The first line of an error report that says what went wrong (not a stack frame). */
function firstReason(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const line = lines.find((candidate) => !candidate.startsWith('at ')) ?? 'no reason given';
  return line.replace(/^[A-Za-z]*Error: /, '');
}

/**
 * Runs the electron package's own download (its install.js: checksum-verified, cached) when the
 * binary is missing. Resolves `{ binary, reason }`; never rejects. `timeoutMs` bounds a download
 * that hangs (a closed network usually fails at once with ENOTFOUND).
 */
export async function ensureElectron({ timeoutMs = 10 * 60_000, log = () => {} } = {}) {
  const found = findElectron();
  if (found.binary || !found.packageDir) return found;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { ...found, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded' };
  log('Downloading the Electron binary…');
  const result = await new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [path.join(found.packageDir, 'install.js')], { cwd: found.packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill();
      resolve({ ok: false, reason: `the download did not finish within ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? { ok: true, reason: '' } : { ok: false, reason: firstReason(output) });
    });
  });
  if (!result.ok) return { binary: null, packageDir: found.packageDir, reason: `the download failed: ${result.reason}` };
  return findElectron();
}
