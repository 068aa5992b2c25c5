/**
 * PDF text extraction with pdf.js (pdfjs-dist): the text of every page from getTextContent(),
 * laid out by pdf-text.ts (the same rule the viewer's text layer uses), page start offsets, and
 * warnings for pages without a text layer. The pdf.js module is passed in, so this runs with the
 * browser build in a Web Worker and with the legacy build in Node (the CLI).
 */
import type { ImportWarning } from '../core';
import { checkPdfStreams, type StreamSizer } from './pdf-streams';
import { joinPages, layoutPageText } from './pdf-text';
import { ingestError, MAX_TEXT_CHARS, PDF_LIMITS, type IngestFailure, type PdfLimits } from './types';

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

const MB = 1024 * 1024;

/** Resolves with `undefined` when `ms` pass first (the timer never keeps a process alive). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

export async function extractPdfText(pdfjs: PdfjsLike, bytes: Uint8Array, fileName: string, password?: string, limits: PdfLimits = PDF_LIMITS, sizer?: StreamSizer): Promise<{ ok: true; pdf: PdfText } | IngestFailure> {
  const streams = await checkPdfStreams(bytes, sizer);
  if (!streams.ok) {
    const limit = `${streams.limit / MB} MB`;
    return streams.problem === 'stream-too-large'
      ? ingestError(fileName, 'too-large', `en del av PDF-filen (en ström) packas upp till mer än ${limit}; filen importeras inte.`, `a part of the PDF (a stream) unpacks to more than ${limit}; the file is not imported.`)
      : ingestError(fileName, 'too-large', `PDF-filens delar packas upp till mer än ${limit} sammanlagt; filen importeras inte.`, `the PDF's parts unpack to more than ${limit} in all; the file is not imported.`);
  }
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
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    return ingestError(fileName, 'corrupt', `PDF-filen är skadad eller ofullständig och kan inte läsas (${message}).`, `the PDF is damaged or incomplete and cannot be read (${message}).`);
  }
  try {
    if (doc.numPages > limits.maxPages) {
      const count = doc.numPages.toLocaleString('en');
      return ingestError(fileName, 'too-large', `PDF-filen har ${count.replace(/,/g, '\u202f')} sidor; högst ${limits.maxPages} importeras. Dela upp filen.`, `the PDF has ${count} pages; at most ${limits.maxPages} are imported. Split the file.`);
    }
    const pages: string[] = [];
    const empty: number[] = [];
    const started = Date.now();
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const pageStarted = Date.now();
      const left = limits.totalTimeoutMs - (pageStarted - started);
      const content = await within(
        doc.getPage(n).then(async (page) => {
          const items = (await page.getTextContent()).items;
          page.cleanup();
          return items;
        }),
        Math.max(1, Math.min(limits.pageTimeoutMs, left)),
      );
      const took = Date.now() - pageStarted;
      if (content === undefined || took > limits.pageTimeoutMs || Date.now() - started > limits.totalTimeoutMs) {
        return took > limits.pageTimeoutMs || left > limits.pageTimeoutMs
          ? ingestError(fileName, 'too-large', `sidan ${n} i PDF-filen tog mer än ${seconds(limits.pageTimeoutMs)} att läsa; filen importeras inte.`, `page ${n} of the PDF took more than ${seconds(limits.pageTimeoutMs)} to read; the file is not imported.`)
          : ingestError(fileName, 'too-large', `PDF-filen tog mer än ${seconds(limits.totalTimeoutMs)} att läsa (vid sidan ${n}); filen importeras inte.`, `the PDF took more than ${seconds(limits.totalTimeoutMs)} to read (at page ${n}); the file is not imported.`);
      }
      const layout = layoutPageText(content.filter(isTextItem));
      characters += layout.text.length + 2;
      if (characters > MAX_TEXT_CHARS) {
        return ingestError(fileName, 'too-large', `PDF-filens text är längre än ${MAX_TEXT_CHARS / 1e6} miljoner tecken (vid sidan ${n}); filen importeras inte.`, `the PDF's text is longer than ${MAX_TEXT_CHARS / 1e6} million characters (at page ${n}); the file is not imported.`);
      }
      pages.push(layout.text);
      if (layout.text.trim() === '') empty.push(n);
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
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    return ingestError(fileName, 'corrupt', `en sida i PDF-filen kunde inte läsas (${message}).`, `a page of the PDF could not be read (${message}).`);
  } finally {
    await doc.destroy();
  }
}
