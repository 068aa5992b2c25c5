/**
 * Decoding text bytes the way every reader of the app does — imported text files, REFI-QDA
 * source texts and project.qde, CSV input of the CLI:
 * 1. a byte-order mark decides (UTF-8, UTF-16 LE/BE) and is dropped;
 * 2. else a declared charset (an XML declaration, or what the caller knows) is used;
 * 3. else valid UTF-8 is UTF-8;
 * 4. else Windows-1252, reported as a fallback (the usual encoding of Swedish text written on
 *    Windows; it maps every byte, so decoding never fails).
 *
 * Windows-1252 is decoded with our own table for 0x80–0x9F: Node's `TextDecoder('windows-1252')`
 * (ICU as built into Node 20) decodes those bytes as Latin-1 control characters, which turns
 * "€", "–" and "’" into invisible C1 controls. 0xA0–0xFF are Latin-1 in both.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** How the encoding was decided. */
  by: 'bom' | 'declared' | 'valid-utf-8' | 'guessed-utf-16' | 'fallback';
}

/**
 * Windows-1252 0x80–0x9F (WHATWG Encoding Standard's index; the five bytes Windows leaves
 * undefined — 0x81, 0x8D, 0x8F, 0x90, 0x9D — map to the C1 control of the same number, as there).
 */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Windows-1252 bytes → text (every byte maps to one UTF-16 unit). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(bytes.length, at + CHUNK);
    for (let i = at; i < end; i++) {
      const b = bytes[i]!;
      units[i - at] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode.apply(null, Array.from(units.subarray(0, end - at))));
  }
  return parts.join('');
}

/** The encoding a charset label names, or null when it is none we read. Latin-1 labels mean Windows-1252 (as browsers read them). */
export function encodingForLabel(label: string | undefined): TextEncodingName | null {
  const l = (label ?? '').trim().toLowerCase();
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (l === 'utf-16' || l === 'utf-16le' || l === 'ucs-2' || l === 'unicode') return 'utf-16le';
  if (l === 'utf-16be' || l === 'unicodefffe') return 'utf-16be';
  if (['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'latin-1', 'l1', 'ascii', 'us-ascii', 'iso-8859-15', 'latin-9'].includes(l)) return 'windows-1252';
  return null;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** The byte-order mark's encoding and length, if the bytes start with one. */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: text in Latin script has a zero byte in every other position (the high
 * byte of each unit), which neither UTF-8 nor Windows-1252 text has.
 */
function utf16Shape(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const units = n / 2;
  if (oddZero >= units * 0.4 && evenZero <= units * 0.05) return 'utf-16le';
  if (evenZero >= units * 0.4 && oddZero <= units * 0.05) return 'utf-16be';
  return null;
}

/** Decode by BOM, then the declared charset, then UTF-8 if valid, else Windows-1252 (see the module comment). */
export function decodeTextBytes(bytes: Uint8Array, declared?: string): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, by: 'bom' };
  const named = encodingForLabel(declared);
  if (named && named !== 'utf-8') return { text: decodeAs(bytes, named), encoding: named, by: 'declared' };
  const utf16 = named ? null : utf16Shape(bytes);
  if (utf16) return { text: decodeAs(bytes, utf16), encoding: utf16, by: 'guessed-utf-16' };
  try {
    return { text: utf8Fatal.decode(bytes), encoding: 'utf-8', by: named ? 'declared' : 'valid-utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', by: 'fallback' };
  }
}

/**
 * An XML document's bytes as text: BOM, else the `encoding` of its XML declaration (read in
 * ASCII, or in UTF-16 when the first bytes say so: "<\0?\0" or "\0<\0?"), else UTF-8 if valid,
 * else Windows-1252.
 */
export function decodeXmlBytes(bytes: Uint8Array): DecodedText {
  if (byteOrderMark(bytes)) return decodeTextBytes(bytes);
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) return { text: decodeAs(bytes, 'utf-16le'), encoding: 'utf-16le', by: 'declared' };
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f) return { text: decodeAs(bytes, 'utf-16be'), encoding: 'utf-16be', by: 'declared' };
  const head = decodeWindows1252(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  // A UTF-16 label on bytes without a BOM or UTF-16 shape is a wrong label; read as UTF-8 then.
  const named = encodingForLabel(declared);
  return decodeTextBytes(bytes, named === 'utf-16le' || named === 'utf-16be' ? undefined : declared);
}
