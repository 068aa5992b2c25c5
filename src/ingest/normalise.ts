/**
 * Text normalisation, done once at import: line endings to \n (CRLF, CR, U+2028/9), Unicode NFC,
 * and decoding of plain-text files — UTF-8 (BOM dropped), else Windows-1252 (the usual encoding
 * of Swedish text files written on Windows), reported as a warning.
 */

export function normaliseText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFC');
}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

export function decodeText(bytes: Uint8Array): Decoded {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Windows-1252 maps every byte, so this cannot fail.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
