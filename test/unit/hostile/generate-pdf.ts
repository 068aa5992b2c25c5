/**
 * PDFs written byte by byte for the hostile-file suite (the same layout as
 * test/unit/ingest/fixtures.ts' makePdf, with binary streams): a catalog, a page tree, a font,
 * pages and their content streams, an xref table with exact offsets.
 */
import { concat, filled, repeatedDeflate } from './generate';

const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff);

export interface PdfStream {
  /** The stream's bytes as stored. */
  data: Uint8Array;
  filter?: 'FlateDecode';
  /** What /Length says: the data's length (default), another number, or `indirect` (an object holding the true length). */
  length?: number | 'indirect';
}

/**
 * `pages` pages; page i shows content stream `contentOf(i)` (an index into `streams`, so
 * 100,000 pages can share one stream).
 */
export function pdfWith(streams: readonly PdfStream[], pages: number, contentOf: (page: number) => number = () => 0): Uint8Array {
  const parts: Uint8Array[] = [latin1('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  const add = (id: number, body: Uint8Array[]) => {
    offsets[id] = at;
    for (const b of [latin1(`${id} 0 obj\n`), ...body, latin1('\nendobj\n')]) {
      parts.push(b);
      at += b.length;
    }
  };
  const firstStream = 4;
  const firstPage = firstStream + streams.length;
  add(1, [latin1('<< /Type /Catalog /Pages 2 0 R >>')]);
  const kids: string[] = [];
  for (let i = 0; i < pages; i++) kids.push(`${firstPage + i} 0 R`);
  add(2, [latin1(`<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`)]);
  add(3, [latin1('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')]);
  // Objects holding indirect lengths come after the pages.
  const lengthId = (i: number) => firstPage + pages + i;
  streams.forEach((s, i) => {
    const filter = s.filter ? ` /Filter /${s.filter}` : '';
    const length = s.length === 'indirect' ? `${lengthId(i)} 0 R` : String(s.length ?? s.data.length);
    add(firstStream + i, [latin1(`<< /Length ${length}${filter} >>\nstream\n`), s.data, latin1('\nendstream')]);
  });
  for (let i = 0; i < pages; i++) {
    add(firstPage + i, [latin1(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${firstStream + contentOf(i)} 0 R >>`)]);
  }
  streams.forEach((s, i) => add(lengthId(i), [latin1(String(s.data.length))]));
  const count = firstPage + pages + streams.length;
  const xref: string[] = [`xref\n0 ${count}\n0000000000 65535 f \n`];
  for (let id = 1; id < count; id++) xref.push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  xref.push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`);
  parts.push(latin1(xref.join('')));
  return concat(parts);
}

/** A text content stream (uncompressed): `lines` lines of text. */
export function textStream(lines: readonly string[]): PdfStream {
  return { data: latin1(lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - (i % 36) * 20} Td (${line}) Tj ET`).join('\n')) };
}

/**
 * A zlib (FlateDecode) stream that unpacks to `total` bytes of `pattern` — a content stream of
 * whitespace pdf.js would read in full. The Adler-32 trailer is left zero: no reader gets that far.
 */
export function flateBomb(pattern: string, total: number): PdfStream {
  return { data: concat([Uint8Array.of(0x78, 0x9c), repeatedDeflate(filled(pattern, 16 * 1024 * 1024), total), new Uint8Array(4)]), filter: 'FlateDecode' };
}

/** A stored (uncompressed) DEFLATE block, not the last: its bytes appear in the stream as they are. */
export function storedBlock(text: string): Uint8Array {
  const raw = latin1(text);
  return concat([Uint8Array.of(0x00, raw.length & 0xff, raw.length >> 8, ~raw.length & 0xff, (~raw.length >> 8) & 0xff), raw]);
}
