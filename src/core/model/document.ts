/**
 * Imported documents. Text positions everywhere in Överens are UTF-16 offsets into the
 * document's normalised plain text (line endings \n, Unicode NFC), fixed once at import.
 * Metadata, extracted content and original bytes are separate records so that document
 * lists never load texts or files.
 */
import { z } from 'zod';
import { Id, Timestamp } from './common';
import { sanitiseHtml, type SafeHtml } from '../html/sanitize-html';
import { DocumentOcr, OcrPageLayer } from './ocr';

export const DocumentKind = z.enum(['pdf', 'docx', 'txt']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const ImportWarning = z
  .object({
    code: z.enum(['no-text-layer', 'pages-without-text', 'encoding-fallback', 'docx-conversion', 'type-mismatch', 'ocr-low-confidence', 'ocr-no-text', 'other']),
    message: z.string(),
    /** 1-based page numbers the warning concerns, if any. */
    pages: z.array(z.number().int().positive()).optional(),
  })
  .strict();
export type ImportWarning = z.infer<typeof ImportWarning>;

/** Attribute names used by the templates and results; any other name is a free column. */
export const WELL_KNOWN_ATTRIBUTES = ['level', 'county', 'municipality', 'valid_from', 'valid_to', 'title'] as const;

/** Longest attribute name and value (the attribute CSV's preview refuses the same). */
export const MAX_ATTRIBUTE_NAME = 64;
export const MAX_ATTRIBUTE_VALUE = 10_000;

export const AttributeName = z
  .string()
  .trim()
  .min(1, 'attribute name must not be empty')
  .max(MAX_ATTRIBUTE_NAME)
  .refine((name) => {
    for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) < 0x20) return false;
    return true;
  }, 'attribute name must not contain control characters');

export const DocumentAttributes = z.record(AttributeName, z.string().max(MAX_ATTRIBUTE_VALUE));
export type DocumentAttributes = z.infer<typeof DocumentAttributes>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits');

export const DocumentMeta = z
  .object({
    id: Id,
    projectId: Id,
    fileName: z.string().min(1).max(1000),
    kind: DocumentKind,
    sha256: Sha256,
    /** Size of the original file in bytes. */
    size: z.number().int().nonnegative(),
    /** 1 for the first import; a re-import of a changed or duplicate file is a new version. */
    version: z.number().int().positive().default(1),
    previousVersionId: Id.optional(),
    importedAt: Timestamp,
    pageCount: z.number().int().nonnegative(),
    /** Length of the normalised text in UTF-16 code units. */
    textLength: z.number().int().nonnegative(),
    /** False when the document has no extractable text (scanned PDF): it cannot be coded as text. */
    hasText: z.boolean(),
    attributes: DocumentAttributes.default({}),
    warnings: z.array(ImportWarning).default([]),
    /**
     * Another file of the same agreement (e.g. the DOCX of an imported PDF), linked at import:
     * the pair is one unit in every statistic, under the document `of`.
     */
    twin: z.object({ of: Id, similarity: z.number().min(0).max(1), linkedAt: Timestamp }).strict().optional(),
    /** Pages whose text is recognised in the page image (OCR), with each page's confidence. */
    ocr: DocumentOcr.optional(),
  })
  .strict();
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const DocumentContent = z
  .object({
    documentId: Id,
    /** Normalised plain text (\n line ends, NFC). */
    text: z.string(),
    /** Offset in `text` where each page starts (PDF); [0] for documents without pages. */
    pageStarts: z.array(z.number().int().nonnegative()).min(1),
    /**
     * HTML as rendered (DOCX); its text content equals `text`. Whatever comes in is run through
     * the one sanitiser (src/core/html/sanitize-html.ts) — on import, restore, a coder package or
     * any other parse — so the parsed value is `SafeHtml`; HTML whose text differs from `text` is
     * refused.
     */
    html: z.string().optional(),
    /** The recognised words of OCR pages with their boxes (for the viewer's text layer). */
    ocrLayers: z.array(OcrPageLayer).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.pageStarts[0] !== 0) ctx.addIssue({ code: 'custom', path: ['pageStarts', 0], message: 'the first page starts at offset 0' });
    for (let i = 1; i < c.pageStarts.length; i++) {
      const prev = c.pageStarts[i - 1] ?? 0;
      const cur = c.pageStarts[i] ?? 0;
      if (cur < prev || cur > c.text.length) {
        ctx.addIssue({ code: 'custom', path: ['pageStarts', i], message: 'page starts must be ascending and within the text' });
        return;
      }
    }
  })
  .transform((c, ctx) => {
    if (c.html === undefined) return c as Omit<typeof c, 'html'> & { html?: SafeHtml };
    const safe = sanitiseHtml(c.html);
    if (safe.text !== c.text) {
      ctx.issues.push({ code: 'custom', path: ['html'], message: 'the text of the HTML differs from the document text', input: c.html });
      return z.NEVER;
    }
    return { ...c, html: safe.html };
  });
export type DocumentContent = z.infer<typeof DocumentContent>;

export const DocumentFile = z
  .object({
    documentId: Id,
    mimeType: z.string(),
    bytes: z.instanceof(Blob),
  })
  .strict();
export type DocumentFile = z.infer<typeof DocumentFile>;
