// `overens extract`: the JSON contract, text output and exit status.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFiles } from './run-cli';
import { makePdf } from '../ingest/fixtures';

const { dir, file } = tempFiles('overens-cli-');
const good = file('avtal.pdf', makePdf([['Överenskommelse'], ['Sida två']]));
const bad = file('tom.pdf', '');
const txt = file('anteckning.txt', 'Rad\r\nRad två');

describe('overens extract', () => {
  it('prints the JSON contract for every file and exits 1 when one failed', async () => {
    const { code, stdout } = await cli(['extract', good, bad, '--json']);
    expect(code).toBe(1);
    const reports = JSON.parse(stdout) as Record<string, unknown>[];
    expect(reports).toHaveLength(2);
    expect(Object.keys(reports[0]!)).toEqual(['file', 'kind', 'pages', 'characters', 'sha256', 'warnings', 'error']);
    expect(reports[0]).toMatchObject({ file: good, kind: 'pdf', pages: 2, error: null });
    expect(reports[1]).toMatchObject({ file: bad, error: { code: 'empty', message: 'tom.pdf: the file is empty (0 bytes).' } });
  });

  it('gives warnings in English (the CLI language), with their codes', async () => {
    const latin1 = file('latin1.txt', Buffer.from('Överenskommelse för vård', 'latin1'));
    const { code, stdout } = await cli(['extract', latin1, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].warnings).toEqual([{ code: 'encoding-fallback', message: 'the file was not UTF-8 and was read as Windows-1252' }]);
  });

  it('prints normalised text and exits 0 when all succeed', async () => {
    const { code, stdout } = await cli(['extract', txt, '--text']);
    expect(code).toBe(0);
    expect(stdout).toBe('Rad\nRad två\n');
  });

  it('reports a missing file without stopping the others', async () => {
    const { code, stdout } = await cli(['extract', path.join(dir, 'finns-inte.pdf'), txt]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAILED .*finns-inte\.pdf: .*cannot be read/);
    expect(stdout).toMatch(/ok .*anteckning\.txt .*txt/);
  });

  it("leaves the engine's own Array.prototype.push in place once pdf.js is loaded (its core-js polyfill is slow)", async () => {
    const { code, stdout } = await cli(['extract', good, '--text']);
    expect(code).toBe(0);
    expect(stdout).toBe('Överenskommelse\n\nSida två\n'); // two pages: a blank line between them (the app's text)
    // pdf.js' legacy build replaces push with a JavaScript function; extract-file.ts puts the native one back.
    expect(Function.prototype.toString.call(Array.prototype.push)).toMatch(/\[native code\]/);
    const list: number[] = [];
    list.push(1, 2);
    expect(list).toEqual([1, 2]);
  });

  it('is a usage error without files, and lists itself in --help', async () => {
    expect((await cli(['extract'])).code).toBe(2);
    expect((await cli(['--help'])).stdout).toMatch(/extract\s+extract text/);
  });
});
