/**
 * pdf.js in the renderer: one shared worker (bundled by Vite as an asset URL), eval disabled so
 * the Electron CSP holds, and the document opened from the stored original bytes.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export async function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  // pdf.js transfers (detaches) the buffer it is given: pass a copy.
  const task = getDocument({ data: bytes.slice(), password, isEvalSupported: false, enableXfa: false, useSystemFonts: true });
  return task.promise;
}
