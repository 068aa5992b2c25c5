// bin/overens.mjs never runs a stale bundle silently: dist-cli/ older than a source file (or
// missing) is rebuilt first, with a line on stderr (scripts/cli-bundle.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleState } from '../../../scripts/cli-bundle.mjs';
import { tempFiles } from './run-cli';

const past = new Date('2001-01-01T00:00:00Z');
const later = new Date('2002-01-01T00:00:00Z');

describe('the bundle freshness check', () => {
  it('says fresh, stale (naming the newer file) or missing', () => {
    const { dir } = tempFiles('overens-fresh-');
    mkdirSync(path.join(dir, 'src', 'core'), { recursive: true });
    mkdirSync(path.join(dir, 'dist-cli'));
    const source = path.join(dir, 'src', 'core', 'a.ts');
    const bundle = path.join(dir, 'dist-cli', 'overens.mjs');
    writeFileSync(source, 'export {};\n');
    writeFileSync(bundle, '\n');
    utimesSync(source, past, past);
    utimesSync(bundle, later, later);
    expect(bundleState(dir)).toEqual({ state: 'fresh' });
    utimesSync(source, new Date(), new Date());
    expect(bundleState(dir)).toEqual({ state: 'stale', newer: path.join('src', 'core', 'a.ts') });
    rmSync(bundle);
    expect(bundleState(dir)).toEqual({ state: 'missing' });
    // An installed copy has no src/: nothing to compare with.
    writeFileSync(bundle, '\n');
    rmSync(path.join(dir, 'src'), { recursive: true });
    expect(bundleState(dir)).toEqual({ state: 'fresh' });
  });

  it('bin/overens.mjs rebuilds a stale dist-cli/ before it runs, and says so', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    execFileSync(process.execPath, ['bin/overens.mjs', '--version']); // make sure it exists
    utimesSync('dist-cli/overens.mjs', past, past);
    expect(bundleState(process.cwd()).state).toBe('stale');
    const run = spawnSync(process.execPath, ['bin/overens.mjs', '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^overens: dist-cli\/ is older than \S+; rebuilding it…\n$/);
    expect(run.stdout.trim()).toBe(version);
    expect(bundleState(process.cwd())).toEqual({ state: 'fresh' });
    const again = spawnSync(process.execPath, ['bin/overens.mjs', '--version'], { encoding: 'utf8' });
    expect(again.stderr).toBe('');
  }, 60_000);
});
