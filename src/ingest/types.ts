/**
 * What import produces: the extracted document, or an error value with a message in Swedish
 * and English that names the file and the problem.
 */
import type { DocumentKind, ImportWarning, SafeHtml, UserMessage } from '../core';

export interface ExtractedDocument {
  fileName: string;
  kind: DocumentKind;
  mimeType: string;
  sha256: string;
  size: number;
  /** Normalised text: \n line ends, NFC. Positions everywhere are UTF-16 offsets into it. */
  text: string;
  /** Offset where each page starts ([0] for documents without pages). */
  pageStarts: number[];
  pageCount: number;
  /** Sanitised HTML whose DOM text equals `text` (DOCX only). */
  html?: SafeHtml;
  hasText: boolean;
  warnings: ImportWarning[];
}

export type IngestErrorCode =
  | 'empty'
  | 'wrong-type'
  | 'corrupt'
  | 'truncated'
  | 'password-required'
  | 'password-wrong'
  | 'docx-invalid'
  | 'unsafe-zip'
  | 'too-large'
  | 'timeout'
  | 'cancelled'
  | 'worker-crashed'
  | 'unknown';

export interface IngestError {
  fileName: string;
  code: IngestErrorCode;
  message: UserMessage;
}

export type IngestResult = { ok: true; document: ExtractedDocument } | { ok: false; error: IngestError };

export type IngestFailure = { ok: false; error: IngestError };

export function ingestError(fileName: string, code: IngestErrorCode, sv: string, en: string): IngestFailure {
  return { ok: false, error: { fileName, code, message: { sv: `${fileName}: ${sv}`, en: `${fileName}: ${en}` } } };
}

/** Largest file imported (bytes). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/**
 * Longest text a document may have (UTF-16 code units): ≈ 10,000 dense pages, far beyond any
 * agreement, and small enough for the viewer, the store and every `[...text]` after import.
 */
export const MAX_TEXT_CHARS = 32_000_000;

/** A plain-text file larger than this is refused before it is decoded (UTF-8 is ≥ 1 byte a character). */
export const MAX_TEXT_FILE_BYTES = 128 * 1024 * 1024;

/** What a PDF may cost: pages, time per page and in all (pdf.js cannot be stopped half-way otherwise). */
export interface PdfLimits {
  maxPages: number;
  pageTimeoutMs: number;
  totalTimeoutMs: number;
}

export const PDF_LIMITS: PdfLimits = { maxPages: 5000, pageTimeoutMs: 20_000, totalTimeoutMs: 300_000 };

/**
 * The English half of an import warning. Warnings are stored with one message "Svenska / English"
 * (the app shows its own text per `code`); the CLI, which speaks English, prints this half.
 */
export function warningInEnglish(warning: { message: string }): string {
  const at = warning.message.indexOf(' / ');
  return at < 0 ? warning.message : warning.message.slice(at + 3);
}
