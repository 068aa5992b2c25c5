/**
 * PDF text extraction with pdf.js (pdfjs-dist): the text of every page from getTextContent(),
 * laid out by pdf-text.ts (the same rule the viewer's text layer uses), page start offsets, and
 * warnings for pages without a text layer. The pdf.js module is passed in, so this runs with the
 * browser build in a Web Worker and with the legacy build in Node (the CLI).
 */
import type { ImportWarning } from '../core';
import { joinPages, layoutPageText } from './pdf-text';
import { ingestError, type IngestFailure } from './types';

/** The part of the pdf.js API used here (structural, so both builds fit). */
export interface PdfjsLike {
  getDocument(src: {
    data: Uint8Array;
    password?: string;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
    stopAtErrors?: boolean;
    verbosity?: number;
  }): { promise: Promise<PdfDocumentLike>; destroy(): Promise<void> };
}

interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{
    getTextContent(): Promise<{ items: unknown[] }>;
    cleanup(): void;
  }>;
  destroy(): Promise<void>;
}

export interface PdfText {
  text: string;
  pageStarts: number[];
  pageCount: number;
  warnings: ImportWarning[];
  hasText: boolean;
}

function isTextItem(item: unknown): item is { str: string; hasEOL: boolean } {
  return typeof item === 'object' && item !== null && 'str' in item && typeof (item as { str: unknown }).str === 'string';
}

export async function extractPdfText(pdfjs: PdfjsLike, bytes: Uint8Array, fileName: string, password?: string): Promise<{ ok: true; pdf: PdfText } | IngestFailure> {
  // pdf.js may transfer (detach) the buffer it gets: give it a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), password, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let doc: PdfDocumentLike;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const code = (error as { code?: number }).code;
    if (name === 'PasswordException') {
      // pdf.js: code 1 = password needed, 2 = incorrect password.
      return code === 2
        ? ingestError(fileName, 'password-wrong', 'lösenordet är fel.', 'the password is wrong.')
        : ingestError(fileName, 'password-required', 'PDF-filen är lösenordsskyddad. Ange lösenordet för att importera den.', 'the PDF is password-protected. Give its password to import it.');
    }
    const message = error instanceof Error ? error.message : String(error);
    return ingestError(fileName, 'corrupt', `PDF-filen är skadad eller ofullständig och kan inte läsas (${message}).`, `the PDF is damaged or incomplete and cannot be read (${message}).`);
  }
  try {
    const pages: string[] = [];
    const empty: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const layout = layoutPageText(content.items.filter(isTextItem));
      pages.push(layout.text);
      if (layout.text.trim() === '') empty.push(n);
      page.cleanup();
    }
    const { text, pageStarts } = joinPages(pages);
    const warnings: ImportWarning[] = [];
    const hasText = empty.length < pages.length;
    if (!hasText) {
      warnings.push({ code: 'no-text-layer', message: 'Inget textlager – kan inte kodas som text / no text layer — cannot be coded as text', pages: empty });
    } else if (empty.length > 0) {
      warnings.push({ code: 'pages-without-text', message: `Sidor utan textlager / pages without a text layer: ${empty.join(', ')}`, pages: empty });
    }
    return { ok: true, pdf: { text, pageStarts, pageCount: doc.numPages, warnings, hasText } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return ingestError(fileName, 'corrupt', `en sida i PDF-filen kunde inte läsas (${message}).`, `a page of the PDF could not be read (${message}).`);
  } finally {
    await doc.destroy();
  }
}
