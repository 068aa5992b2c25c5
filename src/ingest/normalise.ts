/**
 * Text normalisation, done once at import: line endings to \n (CRLF, CR, U+2028/9), Unicode NFC,
 * and decoding of plain-text files — UTF-8 (BOM dropped), else Windows-1252 (the usual encoding
 * of Swedish text files written on Windows), reported as a warning.
 */
import { decodeTextBytes, type TextEncodingName } from '../core/text-decoding';

export function normaliseText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFC');
}

export interface Decoded {
  text: string;
  encoding: TextEncodingName;
}

/** UTF-8 / UTF-16 by BOM, valid UTF-8, else Windows-1252 (our own table: src/core/text-decoding.ts). */
export function decodeText(bytes: Uint8Array): Decoded {
  const { text, encoding } = decodeTextBytes(bytes);
  return { text, encoding };
}
