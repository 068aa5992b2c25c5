/**
 * What import produces: the extracted document, or an error value with a message in Swedish
 * and English that names the file and the problem.
 */
import type { DocumentKind, ImportWarning, UserMessage } from '../core';

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
  html?: string;
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
 * The English half of an import warning. Warnings are stored with one message "Svenska / English"
 * (the app shows its own text per `code`); the CLI, which speaks English, prints this half.
 */
export function warningInEnglish(warning: { message: string }): string {
  const at = warning.message.indexOf(' / ');
  return at < 0 ? warning.message : warning.message.slice(at + 3);
}
