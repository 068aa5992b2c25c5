/** One file through the app's import extraction, in Node (the extract command and its workers). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { extractDocument, type ExtractDeps, type IngestResult } from '../ingest';
import type { OcrOptions } from './extract-ocr';
import { withDeferredCanvas } from './lazy-canvas';
import { installSyncDecompression, zlibStreamSizer } from './sync-inflate';

let deps: Promise<ExtractDeps> | undefined;

/**
 * pdf.js, loaded once per thread, with its worker module (which pdf.js' in-thread "fake worker"
 * then takes from `globalThis.pdfjsWorker` instead of importing it later). pdf.js' legacy build
 * (the one for Node) carries core-js polyfills, one of which replaces the engine's own
 * `Array.prototype.push` with a JavaScript version for a corner case no code here meets (a push
 * onto an array whose length is read-only must throw); every push of the process then runs
 * through it. The engine's own methods of Array.prototype are put back once both modules are
 * loaded: the same results (the build test compares them), about a quarter less CPU per file.
 * Its streams are inflated in one synchronous zlib call (sync-inflate.ts) rather than through
 * Node's web-streams DecompressionStream, and the stream check before it counts with zlib too:
 * the same bytes, a fifth less time per file. The canvas package pdf.js loads at start for
 * rendering (never done here) is loaded only if a page is ever rendered (lazy-canvas.ts).
 */
async function loadPdfjs(): Promise<ExtractDeps> {
  installSyncDecompression();
  const own = Object.getOwnPropertyDescriptors(Array.prototype);
  const pdfjs = await withDeferredCanvas(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'), () => import('pdfjs-dist/legacy/build/pdf.mjs'));
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  for (const [key, now] of Object.entries(Object.getOwnPropertyDescriptors(Array.prototype))) {
    const before = own[key];
    if (before && before.value !== now.value && typeof before.value === 'function') Object.defineProperty(Array.prototype, key, before);
  }
  return { pdfjs, streamSizer: zlibStreamSizer };
}

export const extractDeps = (): Promise<ExtractDeps> => (deps ??= loadPdfjs());

export async function extractFile(file: string, password?: string, ocr?: OcrOptions): Promise<IngestResult> {
  try {
    const bytes = new Uint8Array(await readFile(file));
    const deps = await extractDeps();
    const result = await extractDocument({ fileName: path.basename(file), bytes, password }, deps);
    if (!ocr) return result;
    // The OCR side (Tesseract, the codebook model's schemas) is loaded only for --ocr.
    const { withOcr } = await import('./extract-ocr');
    return await withOcr(result, bytes, deps, ocr, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { fileName: file, code: 'unknown', message: { sv: `${file}: kan inte läsas (${message})`, en: `${file}: cannot be read (${message})` } } };
  }
}
