/**
 * The OCR raster worker: opens a PDF with pdf.js (in this thread, like the import worker) and
 * turns pages into grey rasters for Tesseract (src/ingest/ocr), off the UI thread.
 * Protocol: {id, open: bytes, password?} → {id, pages}; {id, page} → {id, raster}; {id, close} → {id};
 * failures → {id, error}.
 */
import * as pdfjs from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { encodePage, openForOcr, type EncodedRaster, type OcrPdfjs } from '../../src/ingest/ocr';

(globalThis as unknown as { pdfjsWorker: unknown }).pdfjsWorker = pdfjsWorker;

export type RasterRequest = { id: number; open: Uint8Array; password?: string } | { id: number; page: number } | { id: number; close: true };
export type RasterResponse = { id: number; pages?: number; raster?: EncodedRaster; error?: string };

type Doc = Awaited<ReturnType<typeof openForOcr>>;
let doc: Doc | null = null;

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<RasterRequest>) => void) | null; postMessage(m: RasterResponse, transfer?: Transferable[]): void };

async function handle(request: RasterRequest): Promise<[RasterResponse, Transferable[]]> {
  if ('open' in request) {
    await doc?.destroy();
    doc = await openForOcr(pdfjs as unknown as OcrPdfjs, request.open, request.password);
    return [{ id: request.id, pages: doc.numPages }, []];
  }
  if ('page' in request) {
    if (!doc) throw new Error('no document is open');
    const page = await doc.getPage(request.page);
    try {
      const raster = await encodePage(page, pdfjs.OPS);
      return [{ id: request.id, raster }, raster.image ? [raster.image.buffer] : []];
    } finally {
      page.cleanup();
    }
  }
  await doc?.destroy();
  doc = null;
  return [{ id: request.id }, []];
}

scope.onmessage = (event) => {
  handle(event.data)
    .then(([response, transfer]) => scope.postMessage(response, transfer))
    .catch((error: unknown) => scope.postMessage({ id: event.data.id, error: error instanceof Error ? error.message : String(error) }));
};
