// pdf.js loaded through withDeferredCanvas (src/cli/lazy-canvas.ts): the native canvas package is
// not loaded by loading pdf.js or by reading text, yet everything that needs it still works —
// Path2D and ImageData construct the package's own objects and answer instanceof, and pdf.js
// renders a page onto one of its canvases. This file runs in a process of its own (vitest's
// isolation), so nothing else has loaded pdf.js or the package before.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withDeferredCanvas } from '../../../src/cli/lazy-canvas';
import { makePdf } from '../ingest/fixtures';

const require = createRequire(import.meta.url);
const pdfjsPath = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
const canvasLoaded = () => Object.keys(require.cache).some((file) => /@napi-rs[\\/]canvas[\\/](index|js-binding)\.js$/.test(file));

type Canvas = { createCanvas(w: number, h: number): { getContext(kind: '2d'): unknown; toBuffer(mime: 'image/png'): Buffer } };

describe('pdf.js with the canvas package deferred', () => {
  it('loads pdf.js and reads text without loading the canvas package; rendering still works', async () => {
    expect(canvasLoaded()).toBe(false);
    const pdfjs = await withDeferredCanvas(pdfjsPath, () => import('pdfjs-dist/legacy/build/pdf.mjs'));
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const g = globalThis as unknown as Record<string, new (...args: unknown[]) => object>;
    // DOMMatrix is the package's own pure-JavaScript class.
    expect(g.DOMMatrix).toBe((require('@napi-rs/canvas/geometry') as { DOMMatrix: unknown }).DOMMatrix);
    const doc = await pdfjs.getDocument({ data: makePdf([['Överenskommelse om samverkan']]), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const items = (await page.getTextContent()).items as { str: string }[];
    expect(items.map((i) => i.str).join('')).toBe('Överenskommelse om samverkan');
    expect(canvasLoaded()).toBe(false);
    // The require pdf.js made was answered from the cache only while it loaded: now the real package.
    const canvas = require('@napi-rs/canvas') as Canvas & Record<string, new (...args: unknown[]) => object>;
    expect(canvasLoaded()).toBe(true);
    const path = new g.Path2D!();
    expect(path).toBeInstanceOf(canvas.Path2D);
    expect(path).toBeInstanceOf(g.Path2D);
    expect(new canvas.Path2D()).toBeInstanceOf(g.Path2D);
    const image = new g.ImageData!(2, 3) as { width: number; height: number };
    expect([image.width, image.height]).toEqual([2, 3]);
    expect(image).toBeInstanceOf(canvas.ImageData);
    // pdf.js renders (its canvas code uses Path2D, DOMMatrix and instanceof checks) onto a real canvas.
    const viewport = page.getViewport({ scale: 0.5 });
    const target = canvas.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas: target as unknown as HTMLCanvasElement, canvasContext: target.getContext('2d') as CanvasRenderingContext2D, viewport }).promise;
    const png = target.toBuffer('image/png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    await doc.destroy();
  });
});
