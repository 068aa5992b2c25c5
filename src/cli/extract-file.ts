/** One file through the app's import extraction, in Node (the extract command and its workers). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractDocument, type ExtractDeps, type IngestResult } from '../ingest';
import { withOcr, type OcrOptions } from './extract-ocr';

let deps: Promise<ExtractDeps> | undefined;
/** pdf.js, loaded once per thread. */
export const extractDeps = (): Promise<ExtractDeps> => (deps ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => ({ pdfjs })));

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
