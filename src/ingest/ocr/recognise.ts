/**
 * OCR of a document's pages as a stream: each page is turned into a raster, recognised and
 * handed to `onPage` (which stores it) before the page after next is started, so memory holds at
 * most two page images whatever the page count, and what is recognised is usable at once. The
 * raster of the next page is made while the current one is recognised (they run in different
 * workers in the app).
 */
import type { OcrPageResult } from '../../core';
import { layoutRecognisedPage } from './layout';
import { rasterisePage, type OcrPdfPage } from './page-raster';
import { encodePgm, type Matrix, type OpsLike } from './raster';
import type { OcrEngine } from './tesseract';

/** A page ready for the OCR engine. */
export interface EncodedRaster {
  /** The page image as PGM, or null when the page paints no image. */
  image: Uint8Array | null;
  dpi: number;
  toViewport: Matrix;
  viewWidth: number;
  viewHeight: number;
}

export type { OcrPageResult };

/** Make page `page`'s raster from a pdf.js page (in the raster worker, or in Node). */
export async function encodePage(page: OcrPdfPage, OPS: OpsLike): Promise<EncodedRaster> {
  const { raster, viewWidth, viewHeight } = await rasterisePage(page, OPS);
  if (!raster) return { image: null, dpi: 0, toViewport: [1, 0, 0, 1, 0, 0], viewWidth, viewHeight };
  // Raster pixels per viewport unit (PDF point) → dots per inch.
  const dpi = 72 / Math.sqrt(Math.abs(raster.toViewport[0] * raster.toViewport[3] - raster.toViewport[1] * raster.toViewport[2]));
  return { image: encodePgm(raster), dpi, toViewport: raster.toViewport, viewWidth, viewHeight };
}

export interface RecogniseCallbacks {
  /** Store a recognised page; the next page waits for it. */
  onPage(result: OcrPageResult): Promise<void> | void;
  /** Progress within the page being recognised (0–1). */
  onProgress?(page: number, fraction: number): void;
  signal?: AbortSignal;
}

/** Recognise `pages` (1-based, in order) of a document whose rasters `rasterise` makes. */
export async function recognisePages(rasterise: (page: number) => Promise<EncodedRaster>, pages: readonly number[], engine: OcrEngine, callbacks: RecogniseCallbacks): Promise<void> {
  let ahead: Promise<EncodedRaster> | null = pages.length > 0 ? rasterise(pages[0]!) : null;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const raster = await ahead!;
    if (callbacks.signal?.aborted) return;
    ahead = i + 1 < pages.length ? rasterise(pages[i + 1]!) : null;
    // A rejected look-ahead is reported when its turn comes, not as an unhandled rejection now.
    ahead?.catch(() => undefined);
    let result: OcrPageResult = { page, text: '', words: [], confidence: 0 };
    if (raster.image) {
      const recognised = await engine.recognise(raster.image, raster.dpi, (f) => callbacks.onProgress?.(page, f));
      if (callbacks.signal?.aborted) return;
      result = { page, ...layoutRecognisedPage(recognised, raster.toViewport, raster.viewWidth, raster.viewHeight) };
    }
    await callbacks.onPage(result);
  }
}
