/**
 * Hostile PDFs: a flate bomb (a 1.5 GB content stream in a small file; before, 87 s in the app and
 * 230 s / 3.6 GB in the CLI), 100,000 pages (before: past 400 s), a page that takes too long. Each
 * is refused fast with a message naming the file, in the extraction the app and `overens extract`
 * share; time and memory bounds are generous.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractDocument, PDF_LIMITS, type IngestResult } from '../../../src/ingest';
import { concat, measure, report } from './generate';
import { flateBomb, pdfWith, storedBlock, textStream } from './generate-pdf';

const MB = 1024 * 1024;
const run = (fileName: string, bytes: Uint8Array, limits = PDF_LIMITS) => extractDocument({ fileName, bytes }, { pdfjs, pdfLimits: limits });
const error = (r: IngestResult) => (r.ok ? null : r.error);

describe('hostile PDFs', () => {
  it('refuses a flate bomb (a 1.5 GB content stream) before pdf.js reads it', async () => {
    const bytes = pdfWith([flateBomb(' ', 1536 * MB)], 1);
    expect(bytes.length).toBeLessThan(5 * MB);
    const m = await measure(() => run('bomb.pdf', bytes));
    report('PDF, 1.5 GB content stream (flate bomb)', m);
    expect(error(m.value)).toMatchObject({ code: 'too-large', message: { en: 'bomb.pdf: a part of the PDF (a stream) unpacks to more than 64 MB; the file is not imported.' } });
    expect(error(m.value)?.message.sv).toMatch(/^bomb\.pdf: en del av PDF-filen \(en ström\) packas upp till mer än 64 MB/);
    expect(m.ms).toBeLessThan(15_000);
    expect(m.rssMB).toBeLessThan(400);
  });

  it('refuses a flate bomb behind a /Length that is too short (pdf.js then searches for "endstream" and reads it all)', async () => {
    const bomb = flateBomb(' ', 100 * MB);
    const m = await measure(() => run('kort-längd.pdf', pdfWith([{ ...bomb, length: 20 }], 1)));
    expect(error(m.value)).toMatchObject({ code: 'too-large', message: { en: 'kort-längd.pdf: a part of the PDF (a stream) unpacks to more than 64 MB; the file is not imported.' } });
  });

  it('refuses a flate bomb behind an indirect /Length whose data holds the word "endstream" early', async () => {
    // A stored block first: the bytes "endstream" lie inside the compressed data, where a search
    // for the keyword would end the stream; pdf.js takes the indirect /Length and reads it all.
    const bomb = flateBomb(' ', 100 * MB);
    const data = concat([bomb.data.subarray(0, 2), storedBlock('\nendstream\n'), bomb.data.subarray(2)]);
    const m = await measure(() => run('indirekt.pdf', pdfWith([{ data, filter: 'FlateDecode', length: 'indirect' }], 1)));
    expect(error(m.value)).toMatchObject({ code: 'too-large', message: { en: 'indirekt.pdf: a part of the PDF (a stream) unpacks to more than 64 MB; the file is not imported.' } });
  });

  it('reads compressed content streams with an indirect /Length (as LibreOffice writes them)', async () => {
    const content = textStream(['Överenskommelse om LVM']).data;
    const doc = await run('indirekt-ok.pdf', pdfWith([{ data: deflateSync(content), filter: 'FlateDecode', length: 'indirect' }], 1));
    expect(doc.ok && doc.document.text).toBe('Överenskommelse om LVM');
  });

  it('reads a PDF whose compressed content stream is of a normal size (the control)', async () => {
    const content = textStream(['Överenskommelse om LVM']).data;
    const doc = await run('ok.pdf', pdfWith([{ data: deflateSync(content), filter: 'FlateDecode' }], 2));
    expect(doc.ok && doc.document.text).toBe('Överenskommelse om LVM\n\nÖverenskommelse om LVM');
  });

  it('refuses a PDF of 100,000 pages quickly', async () => {
    const bytes = pdfWith([textStream(['sida'])], 100_000);
    const m = await measure(() => run('sidor.pdf', bytes));
    report('PDF, 100,000 pages', m);
    expect(error(m.value)).toMatchObject({ code: 'too-large', message: { en: 'sidor.pdf: the PDF has 100,000 pages; at most 5000 are imported. Split the file.' } });
    expect(m.ms).toBeLessThan(20_000);
    expect(m.rssMB).toBeLessThan(600);
  });

  it('stops at the per-page time limit and names the page', async () => {
    // 40,000 text operators on page 2: far more than 5 ms of work for pdf.js on any machine.
    const heavy = textStream(Array.from({ length: 40_000 }, (_, i) => `rad ${i}`));
    const bytes = pdfWith([textStream(['kort']), heavy], 2, (page) => page);
    const fast = await run('lång.pdf', bytes, { ...PDF_LIMITS, pageTimeoutMs: 60_000 });
    expect(fast.ok).toBe(true); // with room, the file is fine
    const limited = await run('lång.pdf', bytes, { ...PDF_LIMITS, pageTimeoutMs: 5 });
    expect(error(limited)?.message.en).toMatch(/^lång\.pdf: page [12] of the PDF took more than 5 ms to read; the file is not imported\.$/);
    const total = await run('lång.pdf', bytes, { maxPages: 10, pageTimeoutMs: 60_000, totalTimeoutMs: 5 });
    expect(error(total)?.message.en).toMatch(/^lång\.pdf: the PDF took more than 5 ms to read \(at page [12]\); the file is not imported\.$/);
  });
});
