/**
 * OCR of an extracted PDF in one process (the CLI, the tests, the benchmark): the pages planned
 * for OCR are recognised one by one and put into the document as they finish. The app does the
 * same page by page across its workers (renderer/ocr/).
 */
import { applyOcrPage, DEFAULT_OCR_LANGUAGES, planOcr, type DocumentOcr, type OcrPageLayer, type OcrPageResult } from '../../core';
import type { ExtractedDocument } from '../types';
import type { OcrPdfPage } from './page-raster';
import type { OpsLike } from './raster';
import { encodePage, recognisePages } from './recognise';
import type { OcrEngine } from './tesseract';

/** The pdf.js API used for OCR (both builds fit). */
export interface OcrPdfjs {
  OPS: OpsLike;
  getDocument(src: { data: Uint8Array; password?: string; isEvalSupported?: boolean; isOffscreenCanvasSupported?: boolean; isImageDecoderSupported?: boolean; verbosity?: number }): {
    promise: Promise<{ numPages: number; getPage(n: number): Promise<OcrPdfPage & { cleanup(): void }>; destroy(): Promise<void> }>;
  };
}

/** Open a PDF so that pdf.js hands images over as pixels (no ImageBitmap, no ImageDecoder). */
export function openForOcr(pdfjs: OcrPdfjs, bytes: Uint8Array, password?: string) {
  return pdfjs.getDocument({ data: bytes.slice(), password, isEvalSupported: false, isOffscreenCanvasSupported: false, isImageDecoderSupported: false, verbosity: 0 }).promise;
}

export interface RecognisedDocument extends ExtractedDocument {
  ocr?: DocumentOcr;
  ocrLayers?: OcrPageLayer[];
}

export interface RecogniseDocumentOptions {
  languages?: string;
  password?: string;
  /** Recognise these pages (1-based) instead of the pages without text. */
  pages?: readonly number[];
  onPage?: (result: OcrPageResult, done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function recogniseDocument(pdfjs: OcrPdfjs, bytes: Uint8Array, extracted: ExtractedDocument, engine: OcrEngine, options: RecogniseDocumentOptions = {}): Promise<RecognisedDocument> {
  const plan = planOcr(extracted.text, extracted.pageStarts, options.languages);
  const pages = options.pages ?? plan?.pages.map((p) => p.page) ?? [];
  if (pages.length === 0) return extracted;
  const ocr: DocumentOcr = { status: 'pending', languages: options.languages ?? plan?.languages ?? DEFAULT_OCR_LANGUAGES, pages: pages.map((page) => ({ page, confidence: null, words: 0 })) };
  let meta = { ocr, warnings: extracted.warnings, textLength: extracted.text.length, hasText: extracted.hasText };
  let content: { text: string; pageStarts: number[]; ocrLayers?: OcrPageLayer[] } = { text: extracted.text, pageStarts: extracted.pageStarts };
  const doc = await openForOcr(pdfjs, bytes, options.password);
  let done = 0;
  try {
    await recognisePages(
      async (n) => {
        const page = await doc.getPage(n);
        try {
          return await encodePage(page, pdfjs.OPS);
        } finally {
          page.cleanup();
        }
      },
      pages,
      engine,
      {
        signal: options.signal,
        onPage(result) {
          const applied = applyOcrPage(meta, content, result);
          meta = applied.meta;
          content = applied.content;
          options.onPage?.(result, ++done, pages.length);
        },
      },
    );
  } finally {
    await doc.destroy();
  }
  return { ...extracted, text: content.text, pageStarts: content.pageStarts, hasText: meta.hasText, warnings: meta.warnings, ocr: meta.ocr, ocrLayers: content.ocrLayers };
}
