/** One file through the app's import extraction, in Node (the extract command and its workers). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractDocument, type ExtractDeps, type IngestResult } from '../ingest';

let deps: Promise<ExtractDeps> | undefined;
/** pdf.js, loaded once per thread. */
export const extractDeps = (): Promise<ExtractDeps> => (deps ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => ({ pdfjs })));

export async function extractFile(file: string, password?: string): Promise<IngestResult> {
  try {
    const bytes = new Uint8Array(await readFile(file));
    return await extractDocument({ fileName: path.basename(file), bytes, password }, await extractDeps());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { fileName: file, code: 'unknown', message: { sv: `${file}: kan inte läsas (${message})`, en: `${file}: cannot be read (${message})` } } };
  }
}
