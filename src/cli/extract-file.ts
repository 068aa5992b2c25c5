/** One file through the app's import extraction, in Node (the extract command and its workers). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractDocument, type ExtractDeps, type IngestResult } from '../ingest';
import { withOcr, type OcrOptions } from './extract-ocr';

let deps: Promise<ExtractDeps> | undefined;

/**
 * pdf.js, loaded once per thread, with its worker module (which pdf.js' in-thread "fake worker"
 * then takes from `globalThis.pdfjsWorker` instead of importing it later). pdf.js' legacy build
 * (the one for Node) carries core-js polyfills, one of which replaces the engine's own
 * `Array.prototype.push` with a JavaScript version for a corner case no code here meets (a push
 * onto an array whose length is read-only must throw); every push of the process then runs
 * through it. The engine's own methods of Array.prototype are put back once both modules are
 * loaded: the same results (the build test compares them), about a quarter less CPU per file.
 */
async function loadPdfjs(): Promise<ExtractDeps> {
  const own = Object.getOwnPropertyDescriptors(Array.prototype);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  for (const [key, now] of Object.entries(Object.getOwnPropertyDescriptors(Array.prototype))) {
    const before = own[key];
    if (before && before.value !== now.value && typeof before.value === 'function') Object.defineProperty(Array.prototype, key, before);
  }
  return { pdfjs };
}

export const extractDeps = (): Promise<ExtractDeps> => (deps ??= loadPdfjs());

export async function extractFile(file: string, password?: string, ocr?: OcrOptions): Promise<IngestResult> {
  try {
    const bytes = new Uint8Array(await readFile(file));
    const deps = await extractDeps();
    const result = await extractDocument({ fileName: path.basename(file), bytes, password }, deps);
    return ocr ? await withOcr(result, bytes, deps, ocr, password) : result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { fileName: file, code: 'unknown', message: { sv: `${file}: kan inte läsas (${message})`, en: `${file}: cannot be read (${message})` } } };
  }
}
