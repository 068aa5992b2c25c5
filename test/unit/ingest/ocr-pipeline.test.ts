/**
 * The OCR pipeline's pure parts: following a page's operator list to its images, composing the
 * raster, Tesseract's words → page text and boxes, and putting a page into a document. Expected
 * values are worked out by hand from the inputs written here.
 */
import { describe, expect, it } from 'vitest';
import { applyOcrPage, OCR_PAGE_SEPARATOR, ocrWarnings, planOcr, type DocumentOcr, type ImportWarning, type OcrPageLayer } from '../../../src/core';
import { PAGE_SEPARATOR } from '../../../src/ingest/pdf-text';
import { collectImageDraws, encodePgm, layoutRecognisedPage, maskToGrey, multiply, pageRaster, toGrey, type TesseractPage } from '../../../src/ingest/ocr';

const OPS = { save: 10, restore: 11, transform: 12, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, paintImageXObject: 85, paintInlineImageXObject: 86, paintImageMaskXObject: 83 };

describe('collectImageDraws', () => {
  it('follows save/restore, transforms and form XObjects to each image', () => {
    const fn = [OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore, OPS.paintFormXObjectBegin, OPS.transform, OPS.paintImageXObject, OPS.paintFormXObjectEnd, OPS.paintImageXObject];
    const args = [null, [595, 0, 0, 842, 0, 0], ['img_1'], null, [[1, 0, 0, 1, 10, 20], null], [2, 0, 0, 2, 0, 0], ['img_2'], null, ['img_3']];
    const draws = collectImageDraws(fn, args, OPS);
    expect(draws.map((d) => d.image)).toEqual(['img_1', 'img_2', 'img_3']);
    expect(draws[0]!.ctm).toEqual([595, 0, 0, 842, 0, 0]);
    // Form matrix (translate 10,20) then scale 2: points scale first, then move.
    expect(draws[1]!.ctm).toEqual([2, 0, 0, 2, 10, 20]);
    // After the form and the restore, the CTM is the identity again.
    expect(draws[2]!.ctm).toEqual([1, 0, 0, 1, 0, 0]);
  });
});

describe('toGrey and maskToGrey', () => {
  it('reads 1-bit (1 = white), RGB and RGBA (alpha on white) images', () => {
    // 1 bpp, width 3: bits 101 → white, black, white.
    expect([...toGrey({ width: 3, height: 1, kind: 1, data: new Uint8Array([0b10100000]) })!.data]).toEqual([255, 0, 255]);
    // RGB pure red: (255·77) >> 8 = 76.
    expect([...toGrey({ width: 1, height: 1, kind: 2, data: new Uint8Array([255, 0, 0]) })!.data]).toEqual([76]);
    // RGBA black at alpha 0 is white on paper.
    expect([...toGrey({ width: 1, height: 1, kind: 3, data: new Uint8Array([0, 0, 0, 0]) })!.data]).toEqual([255]);
    expect(toGrey({ width: 2, height: 2, kind: 2, data: new Uint8Array(3) })).toBeNull();
  });
  it('paints a stencil mask where its bit is 0', () => {
    const mask = maskToGrey({ width: 2, height: 1, data: new Uint8Array([0b01000000]) })!;
    expect([...mask.alpha]).toEqual([255, 0]);
  });
});

describe('pageRaster', () => {
  const white = (w: number, h: number) => ({ width: w, height: h, data: new Uint8Array(w * h).fill(255) });

  it('passes one upright image of 200–400 dpi through unchanged', () => {
    // A 300 dpi image covering a 72 × 72 pt page: 300 × 300 pixels; image px → viewport = scale 72/300.
    const grey = white(300, 300);
    const raster = pageRaster([{ grey, toViewport: [72 / 300, 0, 0, 72 / 300, 0, 0] }], 72, 72)!;
    expect(raster.data).toBe(grey.data);
    expect(raster.toViewport).toEqual([72 / 300, 0, 0, 72 / 300, 0, 0]);
  });

  it('composes a page turned by 90° into the displayed orientation', () => {
    // Image 4 × 2 px with its top-left pixel black; drawn turned a quarter turn clockwise on a
    // page shown 2 × 4 units: image (x, y) → view (2 − y, x) — its top-left lands top-right.
    const grey = white(4, 2);
    grey.data[0] = 0;
    const raster = pageRaster([{ grey, toViewport: [0, 1, -1, 0, 2, 0] }], 2, 4)!;
    // Raster at MIN_SCALE (200 dpi ⇒ 200/72 px per unit): 6 × 11 pixels.
    expect([raster.width, raster.height]).toEqual([Math.round(2 * (200 / 72)), Math.round(4 * (200 / 72))]);
    const s = 200 / 72;
    expect(raster.toViewport).toEqual([1 / s, 0, 0, 1 / s, 0, 0]);
    // The view point (1.5, 0.5) lies in image pixel (0, 0): black. (0.5, 3.5) lies in image pixel (3, 1): white.
    const at = (vx: number, vy: number) => raster.data[Math.floor(vy * s) * raster.width + Math.floor(vx * s)];
    expect(at(1.5, 0.5)).toBe(0);
    expect(at(0.5, 3.5)).toBe(255);
  });

  it('returns null for a page that paints no image', () => {
    expect(pageRaster([], 100, 100)).toBeNull();
  });

  it('encodes PGM with its header', () => {
    const pgm = encodePgm({ width: 2, height: 1, data: new Uint8Array([0, 255]) });
    expect(new TextDecoder().decode(pgm.subarray(0, 11))).toBe('P5\n2 1\n255\n');
    expect([...pgm.subarray(11)]).toEqual([0, 255]);
  });

  it('multiply applies the right matrix first', () => {
    expect(multiply([2, 0, 0, 2, 0, 0], [1, 0, 0, 1, 5, 5])).toEqual([2, 0, 0, 2, 10, 10]);
  });
});

describe('layoutRecognisedPage', () => {
  const word = (text: string, confidence: number, x0: number, y0: number, x1: number, y1: number) => ({ text, confidence, bbox: { x0, y0, x1, y1 } });
  const page: TesseractPage = {
    blocks: [
      {
        paragraphs: [
          { lines: [{ words: [word('Gemensamma', 90, 0, 0, 100, 20), word('mål', 80, 110, 0, 140, 20)] }, { words: [word('för', 95, 0, 30, 30, 50)] }] },
          { lines: [{ words: [word('Vården', 60, 0, 80, 60, 100), word(' ', 0, 70, 80, 71, 100)] }] },
        ],
      },
    ],
  };

  it('joins words by spaces, lines by \\n and paragraphs by an empty line, with NFC offsets', () => {
    const r = layoutRecognisedPage(page, [1, 0, 0, 1, 0, 0], 200, 100);
    expect(r.text).toBe('Gemensamma mål\nför\n\nVården\n');
    expect(r.words.map(([start, length]) => r.text.slice(start, start + length))).toEqual(['Gemensamma', 'mål', 'för', 'Vården']);
  });

  it('maps boxes to OCR_BOX_UNITS of the page as shown', () => {
    // Raster 2 px per unit: word (110, 0)–(140, 20) px → (55, 0)–(70, 10) units on a 200 × 100 page.
    const r = layoutRecognisedPage(page, [0.5, 0, 0, 0.5, 0, 0], 200, 100);
    expect(r.words[1]!.slice(2)).toEqual([2750, 0, 3500, 1000]);
  });

  it('weights confidence by word length', () => {
    // (90·10 + 80·3 + 95·3 + 60·6) / 22 = 1785 / 22.
    expect(layoutRecognisedPage(page, [1, 0, 0, 1, 0, 0], 200, 100).confidence).toBeCloseTo(1785 / 22, 6);
  });
});

describe('applyOcrPage', () => {
  it('uses the separator of PDF import', () => {
    expect(OCR_PAGE_SEPARATOR).toBe(PAGE_SEPARATOR);
  });

  // Three pages: "A", "" (scanned), "C" → "A\n\n\n\nC", page starts 0, 3, 5.
  const content: { text: string; pageStarts: number[]; ocrLayers?: OcrPageLayer[] } = { text: 'A\n\n\n\nC', pageStarts: [0, 3, 5] };
  const ocr = planOcr(content.text, content.pageStarts)!;
  const meta = { ocr, warnings: [] as ImportWarning[], textLength: content.text.length, hasText: true };

  it('plans the pages without text', () => {
    expect(ocr).toEqual({ status: 'pending', languages: 'swe', pages: [{ page: 2, confidence: null, words: 0 }] });
  });

  it('inserts the page text and moves later pages', () => {
    const r = applyOcrPage(meta, content, { page: 2, text: 'bb b\n', words: [[0, 2, 0, 0, 10, 10], [3, 1, 20, 0, 30, 10]], confidence: 91.25 });
    expect(r.content.text).toBe('A\n\nbb b\n\n\nC');
    expect(r.content.pageStarts).toEqual([0, 3, 10]);
    expect(r.content.text.slice(r.content.pageStarts[2])).toBe('C');
    // Offsets from the old end of page 2 (3) on move by the page's 5 characters.
    expect(r.shift).toEqual({ from: 3, delta: 5 });
    expect(r.meta.ocr!.status).toBe('done');
    expect(r.meta.ocr!.pages).toEqual([{ page: 2, confidence: 91.3, words: 2 }]);
    expect(r.content.ocrLayers).toEqual([{ page: 2, words: [[0, 2, 0, 0, 10, 10], [3, 1, 20, 0, 30, 10]] }]);
    expect(r.meta.warnings).toEqual([]);
    expect(r.meta.textLength).toBe(11);
  });

  it('flags a page recognised with low confidence, and one on which nothing was read', () => {
    const low = applyOcrPage(meta, content, { page: 2, text: 'x\n', words: [[0, 1, 0, 0, 1, 1]], confidence: 40 });
    expect(low.meta.warnings.map((w) => [w.code, w.pages])).toEqual([['ocr-low-confidence', [2]]]);
    const none = applyOcrPage(meta, content, { page: 2, text: '', words: [], confidence: 0 });
    expect(none.meta.warnings.map((w) => [w.code, w.pages])).toEqual([['ocr-no-text', [2]]]);
  });

  it('says pages are without text when OCR was cancelled before them', () => {
    const cancelled: DocumentOcr = { ...ocr, status: 'cancelled' };
    expect(ocrWarnings([], content.text, content.pageStarts, cancelled).map((w) => [w.code, w.pages])).toEqual([['pages-without-text', [2]]]);
    // While pending, the page is waiting for OCR, not flagged.
    expect(ocrWarnings([], content.text, content.pageStarts, ocr)).toEqual([]);
  });
});
