// The command as installed: the esbuild bundle (scripts/build-cli.mjs, run by `npm run build` and
// the install) starts without tsx, reports its version, extracts on worker threads exactly what
// the in-process extraction gives, and prints no stack trace for bad input.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build-cli.mjs';
import { shared } from '../../shared-dir';
import { cli } from './run-cli';

const outdir = path.resolve('test-results/cli-bundle');
const wrapper = (args: string[]) => spawnSync(process.execPath, ['-e', `import(${JSON.stringify(path.join(outdir, 'overens.mjs'))}).then(async (m) => { process.exitCode = await m.main(${JSON.stringify(args)}, { stdout: process.stdout, stderr: process.stderr }); })`], { encoding: 'utf8' });

describe('the built overens command', () => {
  beforeAll(async () => {
    await buildCli(outdir);
  }, 60_000);

  it('is plain JavaScript that knows its version (no tsx at start)', () => {
    const files = readdirSync(outdir).filter((f) => f.endsWith('.mjs'));
    expect(files).toContain('overens.mjs');
    expect(files).toContain('extract-worker.mjs');
    for (const f of files) expect(readFileSync(path.join(outdir, f), 'utf8')).not.toMatch(/from "tsx|\.ts"/);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(wrapper(['--version']).stdout.trim()).toBe(pkg.version);
    // bin/overens.mjs runs dist-cli/ (built by the install): the same version.
    expect(execFileSync(process.execPath, ['bin/overens.mjs', '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
  });

  it('extracts on worker threads what the in-process extraction gives, in the files’ order', async () => {
    const folder = shared('corpus', 'synthetic');
    const files = readdirSync(folder).filter((f) => /^s00[1-5].*\.(pdf|docx)$/.test(f)).map((f) => path.join(folder, f));
    const threaded = wrapper(['extract', ...files, '--json', '--jobs', '2']);
    expect(threaded.status).toBe(0);
    const here = await cli(['extract', ...files, '--json', '--jobs', '1']);
    const strip = (s: string) => (JSON.parse(s) as { file: string; sha256: string; characters: number; pages: number }[]).map(({ file, sha256, characters, pages }) => ({ file, sha256, characters, pages }));
    expect(strip(threaded.stdout)).toEqual(strip(here.stdout));
    expect(strip(threaded.stdout).map((r) => r.file)).toEqual(files);
  }, 120_000);

  it('prints a message, never a stack trace, for bad input', () => {
    const missing = wrapper(['agreement', 'no-such-file.csv']);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('no-such-file.csv: no such file');
    const folder = wrapper(['agreement', '.']);
    expect(folder.stderr.trim()).toBe('.: is a folder, not a file');
    for (const r of [missing, folder]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
