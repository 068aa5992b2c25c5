/**
 * A pdf.js page → the raster OCR reads (raster.ts), using only what both pdf.js builds offer in
 * a worker or in Node: the operator list and the decoded images in `page.objs`/`commonObjs`.
 * Open the document with `isOffscreenCanvasSupported: false` and `isImageDecoderSupported: false`
 * so images arrive as pixels (not ImageBitmaps) in the browser too.
 */
import { collectImageDraws, imageToUnit, maskToGrey, multiply, pageRaster, toGrey, type Matrix, type OpsLike, type PageRaster, type PdfImageData, type ResolvedDraw } from './raster';

interface ObjsLike {
  get(id: string, callback: (data: unknown) => void): void;
}

/** The part of a pdf.js page used here. */
export interface OcrPdfPage {
  getViewport(params: { scale: number }): { width: number; height: number; transform: number[] };
  getOperatorList(): Promise<{ fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> }>;
  objs: ObjsLike;
  commonObjs: ObjsLike;
}

/** Images shared by pages (ids "g_…") live in commonObjs. */
function resolveImage(page: OcrPdfPage, id: string): Promise<PdfImageData | null> {
  const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => objs.get(id, (data) => resolve(typeof data === 'object' && data !== null ? (data as PdfImageData) : null)));
}

export interface PageRasterResult {
  raster: PageRaster | null;
  /** The page as shown at scale 1 (viewport units ≈ PDF points). */
  viewWidth: number;
  viewHeight: number;
  /** Images the page paints (0: nothing to recognise). */
  images: number;
}

export async function rasterisePage(page: OcrPdfPage, OPS: OpsLike): Promise<PageRasterResult> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as unknown as Matrix;
  const ops = await page.getOperatorList();
  const draws = collectImageDraws(ops.fnArray, ops.argsArray, OPS);
  const resolved: ResolvedDraw[] = [];
  for (const draw of draws) {
    const img = typeof draw.image === 'string' ? await resolveImage(page, draw.image) : draw.image;
    if (!img) continue;
    const toViewport = multiply(multiply(view, draw.ctm), imageToUnit(img.width, img.height));
    if (draw.mask) {
      const mask = maskToGrey(img);
      if (mask) resolved.push({ grey: mask, alpha: mask.alpha, toViewport });
    } else {
      const grey = toGrey(img);
      if (grey) resolved.push({ grey, toViewport });
    }
  }
  return { raster: pageRaster(resolved, viewport.width, viewport.height), viewWidth: viewport.width, viewHeight: viewport.height, images: resolved.length };
}
