// Text decoding shared by ingest, the REFI-QDA reader and the CLI: the expected characters come
// from the Windows-1252 code page (WHATWG Encoding Standard index windows-1252) and the Unicode
// byte-order marks.
import { describe, expect, it } from 'vitest';
import { decodeTextBytes, decodeWindows1252, decodeXmlBytes } from '../../../src/core/text-decoding';
import { decodeText } from '../../../src/ingest/normalise';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('text decoding', () => {
  it('decodes 0x80–0x9F as Windows-1252, not Latin-1 (€ – ’ “ ” …)', () => {
    // 0x80 €, 0x96 –, 0x92 ’, 0x93 “, 0x94 ”, 0x85 …, 0xE5 å (Latin-1 range), 0x81 stays U+0081.
    expect(decodeWindows1252(bytes(0x80, 0x96, 0x92, 0x93, 0x94, 0x85, 0xe5, 0x81))).toBe('€–’“”…å\u0081');
    const decoded = decodeTextBytes(bytes(0x50, 0x72, 0x69, 0x73, 0x20, 0x31, 0x30, 0x20, 0x80, 0x20, 0x96, 0x20, 0x76, 0xe5, 0x72, 0x64));
    expect(decoded).toEqual({ text: 'Pris 10 € – vård', encoding: 'windows-1252', by: 'fallback' });
    // The app's text import uses the same table.
    expect(decodeText(bytes(0x92, 0x61, 0x92))).toEqual({ text: '’a’', encoding: 'windows-1252' });
  });

  it('follows a byte-order mark (UTF-8, UTF-16 LE and BE) and drops it', () => {
    expect(decodeTextBytes(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa5))).toEqual({ text: 'å', encoding: 'utf-8', by: 'bom' });
    expect(decodeTextBytes(bytes(0xff, 0xfe, 0xe5, 0x00, 0x3d, 0xd8, 0x42, 0xde))).toEqual({ text: 'å🙂', encoding: 'utf-16le', by: 'bom' });
    expect(decodeTextBytes(bytes(0xfe, 0xff, 0x00, 0xe5))).toEqual({ text: 'å', encoding: 'utf-16be', by: 'bom' });
  });

  it('recognises UTF-16 without a BOM by its zero bytes, and uses a declared charset', () => {
    const le = new Uint8Array([...'Avtal om vård'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeTextBytes(le)).toMatchObject({ text: 'Avtal om vård', encoding: 'utf-16le', by: 'guessed-utf-16' });
    expect(decodeTextBytes(bytes(0xe5), 'ISO-8859-1')).toEqual({ text: 'å', encoding: 'windows-1252', by: 'declared' });
    expect(decodeTextBytes(bytes(0xc3, 0xa5))).toEqual({ text: 'å', encoding: 'utf-8', by: 'valid-utf-8' });
  });

  it('reads an XML declaration: ISO-8859-1 and UTF-16 project files', () => {
    const latin = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><Project name="V');
    const qde = new Uint8Array([...latin, 0xe5, ...new TextEncoder().encode('rd"/>')]);
    expect(decodeXmlBytes(qde)).toMatchObject({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><Project name="Vård"/>', by: 'declared' });
    const text = '<?xml version="1.0" encoding="UTF-16"?><Project name="Vård"/>';
    const utf16 = new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    expect(decodeXmlBytes(utf16).text).toBe(text);
    expect(decodeXmlBytes(new Uint8Array([0xff, 0xfe, ...utf16])).text).toBe(text);
  });
});
