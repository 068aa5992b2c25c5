// Is dist-cli/ (the `overens` bundle) current? bin/overens.mjs asks at every start, so a bundle
// older than the sources it was built from never runs silently: it is rebuilt, or — where it
// cannot be (no esbuild) — the command says so. Watched: src/ (every file), package.json (the
// version) and scripts/build-cli.mjs. A copy without src/ (an installed package) is always current.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest watched source file under `root`, or null without src/. */
export function newestSource(root) {
  const src = path.join(root, 'src');
  if (!existsSync(src)) return null;
  let newest = { file: '', mtimeMs: -Infinity };
  const consider = (file) => {
    const { mtimeMs } = statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  };
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) consider(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  for (const file of ['package.json', 'scripts/build-cli.mjs']) if (existsSync(path.join(root, file))) consider(path.join(root, file));
  return newest.file ? newest : null;
}

/** 'fresh', 'missing', or 'stale' with the source file that is newer than the bundle. */
export function bundleState(root, bundleDir = path.join(root, 'dist-cli')) {
  const bundle = path.join(bundleDir, 'overens.mjs');
  if (!existsSync(bundle)) return { state: 'missing' };
  const newest = newestSource(root);
  if (newest && newest.mtimeMs > statSync(bundle).mtimeMs) return { state: 'stale', newer: path.relative(root, newest.file) };
  return { state: 'fresh' };
}

/**
 * Build into a folder of its own, then put it in place of dist-cli/ by renaming, so a command
 * starting meanwhile never loads half a bundle. Where another start has just done the same, its
 * bundle stays.
 */
export async function rebuildBundle(root, bundleDir = path.join(root, 'dist-cli')) {
  const { buildCli } = await import('./build-cli.mjs');
  const fresh = `${bundleDir}.build-${process.pid}`;
  const old = `${bundleDir}.old-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  await buildCli(fresh);
  try {
    if (existsSync(bundleDir)) renameSync(bundleDir, old);
    renameSync(fresh, bundleDir);
  } catch (error) {
    if (!existsSync(path.join(bundleDir, 'overens.mjs'))) throw error;
  } finally {
    rmSync(old, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  }
}
