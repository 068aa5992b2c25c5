/**
 * OCR end to end in Node on scans made here: a text PDF (the test's own words) rendered by
 * pdftoppm, wrapped into an image-only PDF, imported (no text layer) and recognised by
 * Tesseract (tesseract.js with the shipped Swedish and English data). The expected text is
 * the text the test wrote; the expected boxes come from where makePdf draws it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createNodeOcrEngine } from '../../../src/cli/ocr-node';
import { extractDocument } from '../../../src/ingest';
import { encodePage, openForOcr, recogniseDocument, recognisePages, type GreyImage, type OcrEngine } from '../../../src/ingest/ocr';
import { makePdf } from './fixtures';
import { makeImagePdf, renderPages } from './image-pdf';

const DPI = 200;
/** The top `points` of a rendered page (the text sits there), so OCR has little to scan. */
function top(image: GreyImage, points: number): GreyImage {
  const height = Math.round((points * DPI) / 72);
  return { width: image.width, height, data: image.data.slice(0, image.width * height) };
}

const LINES = [['Överenskommelse om samverkan mellan kommunen och regionen'], ['Gemensamma mål för vården av personer med missbruk']];

let engine: OcrEngine;
beforeAll(async () => {
  engine = await createNodeOcrEngine('swe+eng');
}, 60_000);
afterAll(async () => {
  await engine?.terminate();
});

describe('OCR of an image-only PDF', () => {
  // makePdf draws line 1 at x = 72 pt, baseline y = 720 pt on a 612 × 792 pt page.
  const rendered = renderPages(makePdf(LINES), DPI).map((image) => top(image, 100));
  const scan = makeImagePdf(rendered.map((image) => ({ image, dpi: DPI })));

  it('imports without a text layer, then recognises every word with page offsets', async () => {
    const extracted = await extractDocument({ fileName: 'skannad.pdf', bytes: scan }, { pdfjs });
    if (!extracted.ok) throw new Error(extracted.error.message.en);
    expect(extracted.document.hasText).toBe(false);
    expect(extracted.document.warnings.map((w) => w.code)).toEqual(['no-text-layer']);

    const seen: number[] = [];
    const doc = await recogniseDocument(pdfjs, scan, extracted.document, engine, { onPage: (r, done, total) => seen.push(r.page, done, total) });
    expect(seen).toEqual([1, 1, 2, 2, 2, 2]);
    expect(doc.hasText).toBe(true);
    const pageText = (p: number) => doc.text.slice(doc.pageStarts[p - 1], p < doc.pageStarts.length ? doc.pageStarts[p]! - 2 : undefined);
    expect(pageText(1).trim()).toBe(LINES[0]![0]);
    expect(pageText(2).trim()).toBe(LINES[1]![0]);
    expect(doc.ocr!.status).toBe('done');
    for (const p of doc.ocr!.pages) expect(p.confidence).toBeGreaterThan(80);
    expect(doc.warnings).toEqual([]);

    // The first word's box: x from 72 pt of the 612 pt page width (1176 units); its top below
    // the baseline's 72 pt from the page top minus a capital's height (≈ 9 pt at 12 pt Helvetica,
    // the Ö's ring a little more): of the cropped 100 pt page, 63/100 → 6300 units.
    const layer = doc.ocrLayers!.find((l) => l.page === 1)!;
    const [start, length, x0, y0, x1, y1] = layer.words[0]!;
    expect(pageText(1).slice(start, start + length)).toBe('Överenskommelse');
    expect(Math.abs(x0 - 1176)).toBeLessThan(60);
    expect(Math.abs(y0 - 6000)).toBeLessThan(500);
    expect(y1).toBeGreaterThan(y0);
    expect(x1 - x0).toBeGreaterThan(1000);
  }, 120_000);

  it('flags a page too poor to read instead of importing empty text', async () => {
    // Salt-and-pepper noise: no text to find.
    let seed = 7;
    const noise = new Uint8Array(400 * 120).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 2 ? 0 : 255);
    const bad = makeImagePdf([{ image: { width: 400, height: 120, data: noise }, dpi: DPI }]);
    const extracted = await extractDocument({ fileName: 'dålig.pdf', bytes: bad }, { pdfjs });
    if (!extracted.ok) throw new Error(extracted.error.message.en);
    const doc = await recogniseDocument(pdfjs, bad, extracted.document, engine);
    const flags = doc.warnings.map((w) => [w.code, w.pages]);
    expect(flags.length).toBe(1);
    expect([['ocr-no-text', [1]], ['ocr-low-confidence', [1]]]).toContainEqual(flags[0]);
  }, 120_000);

  it('holds at most two page images at a time, however many pages (a stream)', async () => {
    const blank = { width: 60, height: 40, data: new Uint8Array(60 * 40).fill(255) };
    const pages = 40;
    const many = makeImagePdf(Array.from({ length: pages }, () => ({ image: blank, dpi: DPI })));
    const doc = await openForOcr(pdfjs, many);
    let made = 0;
    let stored = 0;
    let most = 0;
    await recognisePages(
      async (n) => {
        made++;
        most = Math.max(most, made - stored);
        const page = await doc.getPage(n);
        const raster = await encodePage(page, pdfjs.OPS);
        page.cleanup();
        return raster;
      },
      Array.from({ length: pages }, (_, i) => i + 1),
      engine,
      { onPage: () => void stored++ },
    );
    await doc.destroy();
    expect(stored).toBe(pages);
    expect(most).toBeLessThanOrEqual(2);
  }, 120_000);
});
