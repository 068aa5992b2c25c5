/**
 * Text recognised in page images (OCR). A document records which of its pages were (or are to
 * be) recognised and with what confidence (`DocumentMeta.ocr`); the recognised words with their
 * boxes live beside the text (`DocumentContent.ocrLayers`), so the viewer can lay an invisible
 * text layer over the page image. Pages not listed in `DocumentMeta.ocr.pages` have their text
 * from the PDF's own text layer.
 */
import { z } from 'zod';

/** Below this mean word confidence (0–100) a recognised page is flagged for checking. */
export const OCR_LOW_CONFIDENCE = 70;

/** Word boxes are stored in these units of the page's width and height (as shown, rotation applied). */
export const OCR_BOX_UNITS = 10_000;

const BoxCoordinate = z.number().int().min(0).max(OCR_BOX_UNITS);

/**
 * One recognised word: [start, length, x0, y0, x1, y1] — `start` its offset within the page's
 * text, `length` its UTF-16 length, the box from the page's top-left corner in OCR_BOX_UNITS.
 */
export const OcrWord = z.tuple([z.number().int().nonnegative(), z.number().int().positive(), BoxCoordinate, BoxCoordinate, BoxCoordinate, BoxCoordinate]);
export type OcrWord = z.infer<typeof OcrWord>;

export const OcrPageLayer = z
  .object({
    /** 1-based page number. */
    page: z.number().int().positive(),
    words: z.array(OcrWord),
  })
  .strict();
export type OcrPageLayer = z.infer<typeof OcrPageLayer>;

export const OcrStatus = z.enum(['pending', 'done', 'cancelled', 'failed']);
export type OcrStatus = z.infer<typeof OcrStatus>;

export const OcrPageState = z
  .object({
    page: z.number().int().positive(),
    /** Mean word confidence 0–100 (weighted by word length); null while the page is not recognised yet. */
    confidence: z.number().min(0).max(100).nullable(),
    /** Words recognised (0 = nothing readable). */
    words: z.number().int().nonnegative(),
  })
  .strict();
export type OcrPageState = z.infer<typeof OcrPageState>;

export const DocumentOcr = z
  .object({
    status: OcrStatus,
    /** Tesseract language codes, e.g. "swe+eng". */
    languages: z.string().regex(/^[a-z_]{3,8}(\+[a-z_]{3,8})*$/),
    /** The pages recognised or to be recognised, ascending. */
    pages: z.array(OcrPageState),
    /** Why recognition stopped (status `failed`), in Swedish and English. */
    error: z.object({ sv: z.string(), en: z.string() }).strict().optional(),
  })
  .strict();
export type DocumentOcr = z.infer<typeof DocumentOcr>;

/** Page `page`'s source of text: its own text layer, or OCR (recognised or still pending). */
export function pageSource(ocr: DocumentOcr | undefined, page: number): 'text-layer' | 'ocr' {
  return ocr?.pages.some((p) => p.page === page) ? 'ocr' : 'text-layer';
}

/** Recognised pages whose confidence is below OCR_LOW_CONFIDENCE, or on which nothing was read. */
export function lowConfidencePages(ocr: DocumentOcr | undefined): number[] {
  return (ocr?.pages ?? []).filter((p) => p.confidence !== null && (p.words === 0 || p.confidence < OCR_LOW_CONFIDENCE)).map((p) => p.page);
}
