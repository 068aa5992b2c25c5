/** A Tesseract engine in the browser: tesseract.js' worker as a Web Worker, data from the app's assets. */
import { createTesseractEngine, type OcrEngine, type PortLike } from '../../src/ingest/ocr';
import { OCR_LANGUAGE_URLS, OCR_WORKER_URL, ocrCoreUrl } from './assets';

function webPort(): PortLike {
  // A classic worker: tesseract.js' worker loads the core with importScripts.
  const worker = new Worker(OCR_WORKER_URL, { name: 'ocr-tesseract' });
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage: (handler) => worker.addEventListener('message', (e) => handler(e.data)),
    onError: (handler) => worker.addEventListener('error', (e) => handler(new Error(e.message || 'the OCR worker failed to start'))),
    terminate: () => worker.terminate(),
  };
}

async function languageData(code: string): Promise<Uint8Array> {
  const url = OCR_LANGUAGE_URLS[code];
  if (!url) throw new Error(`no OCR data for the language "${code}"`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the OCR data for "${code}" could not be read (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function createBrowserOcrEngine(languages: string): Promise<OcrEngine> {
  const codes = languages.split('+');
  const data = await Promise.all(codes.map(async (code) => ({ code, data: await languageData(code) })));
  return createTesseractEngine({ spawn: webPort, corePath: new URL(ocrCoreUrl(), location.href).href, languages: data });
}
