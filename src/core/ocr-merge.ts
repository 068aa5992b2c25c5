/**
 * Putting a recognised page into a stored document (pure): the page's text replaces what the page
 * had (nothing, for a page without a text layer), later pages' offsets move by the difference, the
 * word layer is kept for the viewer, and the document's OCR state and warnings are brought up to
 * date. Pages are separated by OCR_PAGE_SEPARATOR as at import, so offsets keep their meaning.
 */
import { lowConfidencePages, type DocumentContent, type DocumentMeta, type DocumentOcr, type ImportWarning, type OcrPageLayer, type OcrWord } from './model';

/** Between two pages' texts, as PDF import joins them (src/ingest/pdf-text.ts; a test holds them equal). */
export const OCR_PAGE_SEPARATOR = '\n\n';
const PAGE_SEPARATOR = OCR_PAGE_SEPARATOR;

/** One recognised page, as the OCR pipeline (src/ingest/ocr) delivers it. */
export interface OcrPageResult {
  page: number;
  text: string;
  words: OcrWord[];
  /** 0–100; 0 when nothing was read. */
  confidence: number;
}

/**
 * Tesseract languages used unless the caller asks for others. Swedish alone: with "swe+eng" the
 * English model wins on short Swedish words and drops their diacritics ("for", "pa", "vard" for
 * "för", "på", "vård" — measured on the OCR benchmark's pages); English data ships for English texts.
 */
export const DEFAULT_OCR_LANGUAGES = 'swe';

/** End (exclusive) of page `page`'s text, before the separator to the next page. */
export function pageEnd(pageStarts: readonly number[], textLength: number, page: number): number {
  return page < pageStarts.length ? pageStarts[page]! - PAGE_SEPARATOR.length : textLength;
}

/** The pages (1-based) whose text is empty or only white space. */
export function emptyPages(text: string, pageStarts: readonly number[]): number[] {
  const out: number[] = [];
  for (let p = 1; p <= pageStarts.length; p++) if (text.slice(pageStarts[p - 1], pageEnd(pageStarts, text.length, p)).trim() === '') out.push(p);
  return out;
}

const OCR_CODES = new Set<ImportWarning['code']>(['no-text-layer', 'pages-without-text', 'ocr-low-confidence', 'ocr-no-text']);

/** The text-layer and OCR warnings for the document as it now stands (others kept as they were). */
export function ocrWarnings(warnings: readonly ImportWarning[], text: string, pageStarts: readonly number[], ocr: DocumentOcr | undefined): ImportWarning[] {
  const kept = warnings.filter((w) => !OCR_CODES.has(w.code));
  const ocrPages = new Map((ocr?.pages ?? []).map((p) => [p.page, p]));
  const waiting = (p: number) => ocr?.status === 'pending' && ocrPages.get(p)?.confidence === null;
  const empty = emptyPages(text, pageStarts).filter((p) => !waiting(p) && !(ocrPages.get(p)?.confidence !== null && ocrPages.has(p)));
  if (empty.length === pageStarts.length) {
    kept.push({ code: 'no-text-layer', message: 'Inget textlager – kan inte kodas som text / no text layer — cannot be coded as text', pages: empty });
  } else if (empty.length > 0) {
    kept.push({ code: 'pages-without-text', message: `Sidor utan textlager / pages without a text layer: ${empty.join(', ')}`, pages: empty });
  }
  const unread = (ocr?.pages ?? []).filter((p) => p.confidence !== null && p.words === 0).map((p) => p.page);
  if (unread.length > 0) kept.push({ code: 'ocr-no-text', message: `Textigenkänningen hittade ingen läsbar text på sidorna / text recognition found no readable text on pages: ${unread.join(', ')}`, pages: unread });
  const low = lowConfidencePages(ocr).filter((p) => !unread.includes(p));
  if (low.length > 0) kept.push({ code: 'ocr-low-confidence', message: `Osäker textigenkänning, kontrollera sidorna / uncertain text recognition, check pages: ${low.join(', ')}`, pages: low });
  return kept;
}

/** The OCR plan for a freshly extracted PDF: its pages without text, pending. Undefined when every page has text. */
export function planOcr(text: string, pageStarts: readonly number[], languages = DEFAULT_OCR_LANGUAGES): DocumentOcr | undefined {
  const pages = emptyPages(text, pageStarts);
  if (pages.length === 0) return undefined;
  return { status: 'pending', languages, pages: pages.map((page) => ({ page, confidence: null, words: 0 })) };
}

type OcrMeta = Pick<DocumentMeta, 'ocr' | 'warnings' | 'textLength' | 'hasText'>;
type OcrContent = Pick<DocumentContent, 'text' | 'pageStarts' | 'ocrLayers'>;

export interface AppliedPage<M extends OcrMeta, C extends OcrContent> {
  content: C;
  meta: M;
  /** Offsets at or after `from` (in the old text) move by `delta`. */
  shift: { from: number; delta: number };
}

/** Put a recognised page into the document. */
export function applyOcrPage<M extends OcrMeta, C extends OcrContent>(meta: M, content: C, result: OcrPageResult): AppliedPage<M, C> {
  const { page } = result;
  if (page < 1 || page > content.pageStarts.length) throw new RangeError(`page ${page} is not in the document (${content.pageStarts.length} pages)`);
  const from = content.pageStarts[page - 1]!;
  const oldEnd = pageEnd(content.pageStarts, content.text.length, page);
  const delta = result.text.length - (oldEnd - from);
  const text = content.text.slice(0, from) + result.text + content.text.slice(oldEnd);
  const pageStarts = content.pageStarts.map((start, i) => (i >= page ? start + delta : start));
  const layer: OcrPageLayer = { page, words: result.words };
  const ocrLayers = [...(content.ocrLayers ?? []).filter((l) => l.page !== page), layer].sort((a, b) => a.page - b.page);
  const base: DocumentOcr = meta.ocr ?? { status: 'pending', languages: DEFAULT_OCR_LANGUAGES, pages: [] };
  const state = { page, confidence: Math.round(result.confidence * 10) / 10, words: result.words.length };
  const pages = [...base.pages.filter((p) => p.page !== page), state].sort((a, b) => a.page - b.page);
  const status = pages.every((p) => p.confidence !== null) ? 'done' : base.status;
  const ocr: DocumentOcr = { ...base, status, pages };
  return {
    content: { ...content, text, pageStarts, ocrLayers },
    meta: { ...meta, ocr, textLength: text.length, hasText: text.trim() !== '', warnings: ocrWarnings(meta.warnings, text, pageStarts, ocr) },
    shift: { from: oldEnd, delta },
  };
}

/** The pages still to recognise. */
export function pendingOcrPages(ocr: DocumentOcr | undefined): number[] {
  return (ocr?.pages ?? []).filter((p) => p.confidence === null).map((p) => p.page);
}
