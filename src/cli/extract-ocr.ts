/**
 * `overens extract --ocr`: after the app's extraction, the pages without a text layer are
 * recognised as the app does (src/ingest/ocr), with one Tesseract engine per thread, kept for the
 * thread's files and closed at the end.
 */
import { planOcr } from '../core';
import type { ExtractDeps, IngestResult } from '../ingest';
import { recogniseDocument, type OcrEngine, type OcrPdfjs, type RecognisedDocument } from '../ingest/ocr';
import { createNodeOcrEngine } from './ocr-node';

export interface OcrOptions {
  languages: string;
  /** `empty`: the pages without a text layer (default); `all`: every page, replacing its text layer. */
  pages?: 'empty' | 'all';
}

let engine: { languages: string; engine: Promise<OcrEngine> } | null = null;

function engineFor(languages: string): Promise<OcrEngine> {
  if (!engine || engine.languages !== languages) {
    void engine?.engine.then((e) => e.terminate());
    engine = { languages, engine: createNodeOcrEngine(languages) };
  }
  return engine.engine;
}

/** Recognise the result's pages without text (PDFs only); other results are returned as they are. */
export async function withOcr(result: IngestResult, bytes: Uint8Array, deps: ExtractDeps, options: OcrOptions, password?: string): Promise<IngestResult> {
  if (!result.ok || result.document.kind !== 'pdf') return result;
  const all = options.pages === 'all';
  if (!all && !planOcr(result.document.text, result.document.pageStarts)) return result;
  try {
    const document = await recogniseDocument(deps.pdfjs as unknown as OcrPdfjs, bytes, result.document, await engineFor(options.languages), {
      languages: options.languages,
      password,
      ...(all ? { pages: Array.from({ length: result.document.pageCount }, (_, i) => i + 1) } : {}),
    });
    return { ok: true, document };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { fileName } = result.document;
    return { ok: false, error: { fileName, code: 'unknown', message: { sv: `${fileName}: textigenkänningen misslyckades (${message}).`, en: `${fileName}: text recognition failed (${message}).` } } };
  }
}

export type { RecognisedDocument };

/** Stop this thread's engine (so the process can end). */
export async function closeOcr(): Promise<void> {
  const current = engine;
  engine = null;
  await current?.engine.then((e) => e.terminate()).catch(() => undefined);
}
