/**
 * The import Web Worker: extraction off the UI thread. pdf.js runs inside this worker on its own
 * ("fake worker": its message handler is registered on globalThis, so it spawns no second worker).
 * Protocol: request {id, fileName, bytes, password?} → response {id, result: IngestResult}.
 */
import * as pdfjs from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { extractDocument } from './extract';
import type { IngestResult } from './types';

export interface ExtractRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  password?: string;
}

export interface ExtractResponse {
  id: number;
  result: IngestResult;
}

(globalThis as unknown as { pdfjsWorker: unknown }).pdfjsWorker = pdfjsWorker;

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<ExtractRequest>) => void) | null; postMessage(message: ExtractResponse): void };

scope.onmessage = (event) => {
  const { id, fileName, bytes, password } = event.data;
  extractDocument({ fileName, bytes, password }, { pdfjs })
    .catch((error: unknown): IngestResult => {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { fileName, code: 'unknown', message: { sv: `${fileName}: importen misslyckades (${message}).`, en: `${fileName}: the import failed (${message}).` } } };
    })
    .then((result) => scope.postMessage({ id, result }));
};
