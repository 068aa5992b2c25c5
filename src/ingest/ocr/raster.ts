/**
 * A scanned page as one grey image for OCR, made from the images the page paints — no canvas,
 * so the same code runs in a Web Worker and in Node. pdf.js decodes the images (JPEG, Flate,
 * CCITT, JBIG2, JPX) in its operator list; this module follows the graphics state (save/restore,
 * transforms, form XObjects) to learn where each image lands, and either passes the page's one
 * upright image through as it is or composes all of them into a raster in the page's displayed
 * orientation. Every raster carries the affine map from its pixels to the page as shown
 * (viewport units at scale 1), so recognised word boxes can be placed over the page image.
 */

/** PDF/canvas affine matrix [a, b, c, d, e, f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 · m2: apply m2 first, then m1 (pdf.js' Util.transform). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function invert(m: Matrix): Matrix | null {
  const det = m[0] * m[3] - m[1] * m[2];
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdf.js' decoded image (`page.objs` entry or inline image argument). */
export interface PdfImageData {
  width: number;
  height: number;
  /** pdf.js ImageKind: 1 = 1 bit per pixel (1 = white), 2 = RGB, 3 = RGBA. */
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray | string;
}

/** An image the page paints: `image` (pdf.js object id, or the inline data) under the matrix `ctm` (image unit square → PDF user space). */
export interface ImageDraw {
  image: string | PdfImageData;
  /** A stencil mask: painted (dark) where its bit is 0, transparent elsewhere. */
  mask: boolean;
  ctm: Matrix;
}

/** The pdf.js operator numbers used here (pdfjs-dist's `OPS`). */
export interface OpsLike {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
}

/** Follow a page's operator list and list the images it paints, with where they land. */
export function collectImageDraws(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, OPS: OpsLike): ImageDraw[] {
  const draws: ImageDraw[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && args && args.length >= 6) ctm = multiply(ctm, args.slice(0, 6) as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0];
      if (Array.isArray(matrix) && matrix.length >= 6) ctm = multiply(ctm, matrix.slice(0, 6) as unknown as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.paintImageXObject && typeof args?.[0] === 'string') draws.push({ image: args[0], mask: false, ctm });
    else if (fn === OPS.paintInlineImageXObject && isImageData(args?.[0])) draws.push({ image: args[0], mask: false, ctm });
    else if (fn === OPS.paintImageMaskXObject && isImageData(args?.[0])) {
      const img = args[0];
      draws.push({ image: typeof img.data === 'string' ? img.data : img, mask: true, ctm });
    }
  }
  return draws;
}

function isImageData(value: unknown): value is PdfImageData {
  return typeof value === 'object' && value !== null && typeof (value as PdfImageData).width === 'number' && typeof (value as PdfImageData).height === 'number';
}

/** A grey (0 = black … 255 = white) image, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A page raster ready for OCR: its pixels and the map from pixel coordinates to the page as shown. */
export interface PageRaster extends GreyImage {
  /** Raster pixel (x right, y down) → viewport units at scale 1 (origin top-left of the shown page). */
  toViewport: Matrix;
}

/** An image's pixels as grey (alpha composed on white); null for data it cannot read. */
export function toGrey(img: PdfImageData): GreyImage | null {
  const { width, height, data, kind } = img;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray) || width <= 0 || height <= 0) return null;
  const n = width * height;
  const out = new Uint8Array(n);
  if (kind === 1) {
    const rowBytes = (width + 7) >> 3;
    if (data.length < rowBytes * height) return null;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) out[y * width + x] = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return { width, height, data: out };
  }
  const channels = kind === 3 ? 4 : kind === 2 ? 3 : data.length === n ? 1 : data.length === n * 3 ? 3 : data.length === n * 4 ? 4 : 0;
  if (channels === 0 || data.length < n * channels) return null;
  if (channels === 1) {
    out.set(data.subarray(0, n));
    return { width, height, data: out };
  }
  for (let p = 0, q = 0; p < n; p++, q += channels) {
    // ITU-R BT.601 luma, in integers.
    const luma = (data[q]! * 77 + data[q + 1]! * 150 + data[q + 2]! * 29) >> 8;
    out[p] = channels === 4 ? 255 - (((255 - luma) * data[q + 3]!) / 255) : luma;
  }
  return { width, height, data: out };
}

/** A stencil mask as grey: 0 (painted) where the bit is 0, 255 elsewhere, plus its coverage. */
export function maskToGrey(img: PdfImageData): (GreyImage & { alpha: Uint8Array }) | null {
  const { width, height, data } = img;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray) || width <= 0 || height <= 0) return null;
  const rowBytes = (width + 7) >> 3;
  if (data.length < rowBytes * height) return null;
  const alpha = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) alpha[y * width + x] = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 0 : 255;
  }
  return { width, height, data: new Uint8Array(width * height), alpha };
}

/** Image pixel (x right, y down) → the image's unit square as PDF paints it (y up). */
export function imageToUnit(width: number, height: number): Matrix {
  return [1 / width, 0, 0, -1 / height, 0, 1];
}

/** Raster resolution bounds in pixels per PDF point (72 per inch). */
export const MIN_SCALE = 200 / 72;
export const MAX_SCALE = 400 / 72;
/** Largest raster handed to OCR (pixels): an A3 page at 400 dpi. */
export const MAX_PIXELS = 4961 * 7016;

export interface ResolvedDraw {
  grey: GreyImage;
  /** Coverage 0–255 per pixel (stencil masks); absent = opaque. */
  alpha?: Uint8Array;
  /** Image pixel → viewport units at scale 1. */
  toViewport: Matrix;
}

/**
 * The raster for a page of `viewWidth` × `viewHeight` viewport units that paints `draws` in order.
 * One upright image at a resolution between MIN_SCALE and MAX_SCALE is passed through untouched;
 * otherwise the images are composed (nearest pixel; a low-resolution image is enlarged to
 * MIN_SCALE, which Tesseract reads better) on white at the images' own resolution within those bounds.
 */
export function pageRaster(draws: readonly ResolvedDraw[], viewWidth: number, viewHeight: number): PageRaster | null {
  if (draws.length === 0 || viewWidth <= 0 || viewHeight <= 0) return null;
  const densities = draws.map((d) => 1 / Math.sqrt(Math.abs(d.toViewport[0] * d.toViewport[3] - d.toViewport[1] * d.toViewport[2])));
  const only = draws.length === 1 ? draws[0]! : null;
  const density = Math.max(...densities.filter(Number.isFinite));
  if (only && !only.alpha) {
    const m = only.toViewport;
    const upright = Math.abs(m[1]) < 1e-9 && Math.abs(m[2]) < 1e-9 && m[0] > 0 && m[3] > 0;
    if (upright && density >= MIN_SCALE * 0.99 && density <= MAX_SCALE * 1.01 && only.grey.width * only.grey.height <= MAX_PIXELS) {
      return { ...only.grey, toViewport: m };
    }
  }
  let scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, Number.isFinite(density) ? density : MIN_SCALE));
  if (viewWidth * viewHeight * scale * scale > MAX_PIXELS) scale = Math.sqrt(MAX_PIXELS / (viewWidth * viewHeight));
  const width = Math.max(1, Math.round(viewWidth * scale));
  const height = Math.max(1, Math.round(viewHeight * scale));
  const data = new Uint8Array(width * height).fill(255);
  for (const draw of draws) paint(data, width, height, scale, draw);
  return { width, height, data, toViewport: [1 / scale, 0, 0, 1 / scale, 0, 0] };
}

/** Paint one image into the raster: each raster pixel's centre is mapped back into the image. */
function paint(out: Uint8Array, width: number, height: number, scale: number, draw: ResolvedDraw): void {
  const toRaster = multiply([scale, 0, 0, scale, 0, 0], draw.toViewport);
  const back = invert(toRaster);
  if (!back) return;
  const { grey, alpha } = draw;
  const iw = grey.width;
  const ih = grey.height;
  // The raster rows the image touches.
  const corners = [apply(toRaster, 0, 0), apply(toRaster, iw, 0), apply(toRaster, 0, ih), apply(toRaster, iw, ih)];
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0]))));
  const x1 = Math.min(width, Math.ceil(Math.max(...corners.map((c) => c[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1]))));
  const y1 = Math.min(height, Math.ceil(Math.max(...corners.map((c) => c[1]))));
  for (let y = y0; y < y1; y++) {
    let [u, v] = apply(back, x0 + 0.5, y + 0.5);
    for (let x = x0; x < x1; x++, u += back[0], v += back[1]) {
      if (u < 0 || v < 0 || u >= iw || v >= ih) continue;
      const src = (v | 0) * iw + (u | 0);
      const at = y * width + x;
      if (!alpha) out[at] = grey.data[src]!;
      else if (alpha[src]! > 0) out[at] = (out[at]! * (255 - alpha[src]!) + grey.data[src]! * alpha[src]!) / 255;
    }
  }
}

/** Binary PGM (P5), which Tesseract's image reader (Leptonica) reads as it is. */
export function encodePgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header);
  out.set(image.data, header.length);
  return out;
}
