/**
 * `overens extract` and `overens agreement` as installed (the esbuild bundle) on hostile files: each
 * file is reported with its message, the exit status is 1, nothing prints a stack trace, and it
 * is quick (before: a 4.6 MB PDF flate bomb took the CLI 230 s and 3.6 GB; a 1.2 MB DOCX bomb
 * ended in V8's "heap limit" crash).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build-cli.mjs';
import { crc32 } from '../../../src/core';
import { bombEntry, handZip, storedEntry } from './generate';
import { flateBomb, pdfWith, textStream } from './generate-pdf';

const MB = 1024 * 1024;
const outdir = path.resolve('test-results/cli-bundle-hostile');
const dir = mkdtempSync(path.join(tmpdir(), 'overens-cli-hostile-'));
const run = (args: string[]) => {
  const started = performance.now();
  // As test/unit/cli/build.test.ts runs the bundle: its main() with the process' streams.
  const script = `import(${JSON.stringify(path.join(outdir, 'overens.mjs'))}).then(async (m) => { process.exitCode = await m.main(${JSON.stringify(args)}, { stdout: process.stdout, stderr: process.stderr }); })`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 * MB });
  return { ...r, ms: performance.now() - started };
};
const file = (name: string, bytes: Uint8Array | string) => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
const deepXml = (depth: number) => `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p>'.repeat(depth)}${'</w:p>'.repeat(depth)}</w:body></w:document>`;

describe('the CLI on hostile files', () => {
  beforeAll(async () => {
    await buildCli(outdir);
  }, 120_000);

  it('reports every hostile file to extract with its message and no stack trace', () => {
    const files = [
      file('bomb.pdf', pdfWith([flateBomb(' ', 1536 * MB)], 1)),
      file('sidor.pdf', pdfWith([textStream(['sida'])], 100_000)),
      file('bomb.docx', handZip([storedEntry('[Content_Types].xml', '<Types/>', crc32), bombEntry('word/document.xml', '<w:p/>', 400 * MB, 400 * MB)])),
      file('ljuger.docx', handZip([storedEntry('[Content_Types].xml', '<Types/>', crc32), bombEntry('word/document.xml', '<w:p/>', 400 * MB, 2048)])),
      file('djup.docx', handZip([storedEntry('[Content_Types].xml', '<Types/>', crc32), storedEntry('word/document.xml', deepXml(100_000), crc32)])),
      file('ok.txt', 'Överenskommelse'),
    ];
    const r = run(['extract', ...files, '--json', '--jobs', '1']);
    console.log(`[hostile] CLI extract of six hostile files: ${Math.round(r.ms)} ms`);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at |RangeError|heap limit/);
    const out = JSON.parse(r.stdout) as { file: string; error: null | { code: string; message: string } }[];
    const byName = Object.fromEntries(out.map((o) => [path.basename(o.file), o.error]));
    expect(byName['bomb.pdf']).toEqual({ code: 'too-large', message: 'bomb.pdf: a part of the PDF (a stream) unpacks to more than 64 MB; the file is not imported.' });
    expect(byName['sidor.pdf']).toEqual({ code: 'too-large', message: 'sidor.pdf: the PDF has 100,000 pages; at most 5000 are imported. Split the file.' });
    expect(byName['bomb.docx']?.message).toMatch(/^bomb\.docx: word\/document\.xml unpacks to more than 32 MB/);
    expect(byName['ljuger.docx']?.message).toMatch(/^ljuger\.docx: the Word file is damaged/);
    // 100,000 nested paragraphs: refused with a message, never a crash.
    expect(byName['djup.docx']?.message).toBe('djup.docx: the Word file’s content is nested too deeply to be read; the file is not imported.');
    expect(byName['ok.txt']).toBeNull();
    expect(r.ms).toBeLessThan(120_000);
  }, 180_000);

  it('refuses a CSV with a 58 MB header, and echoes a 1 MB header in a short message', () => {
    const huge = run(['agreement', file('stor.csv', `${'x'.repeat(58 * MB)},b\n1,2\n`)]);
    console.log(`[hostile] CLI agreement, 58 MB header line: ${Math.round(huge.ms)} ms`);
    expect(huge.status).toBe(1);
    expect(huge.stderr.trim()).toMatch(/stor\.csv:1: the line is longer than 10,000,000 characters; the file is not read further$/);
    expect(huge.ms).toBeLessThan(30_000);
    const long = run(['agreement', file('lang.csv', `${'x'.repeat(MB)},b\n1,2\n`)]);
    expect(long.status).toBe(1);
    expect(long.stderr.length).toBeLessThan(1000);
    expect(long.stderr).toMatch(/x{200}… \([\d,]+ more characters\)/);
    for (const r of [huge, long]) expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
