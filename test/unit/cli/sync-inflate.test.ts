// The CLI's synchronous DecompressionStream (src/cli/sync-inflate.ts) and its zlib stream counter:
// the same bytes and the same failures as Node's own DecompressionStream, the same counts as the
// shared fflate counter, and — through pdf.js — the same text for sound, truncated and
// junk-trailed content streams. Expected values: the input bytes themselves (round trip), and the
// platform's DecompressionStream / the shared counter run on the same data in the same test.
import { brotliCompressSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SyncDecompressionStream, zlibStreamSizer } from '../../../src/cli/sync-inflate';
import { inflatedSize } from '../../../src/ingest/pdf-streams';

type DecompressionCtor = new (format: string) => { readable: AsyncIterable<Uint8Array>; writable: { getWriter(): { ready: Promise<void>; write(c: Uint8Array): Promise<void>; close(): Promise<void> } } };
const NativeDecompressionStream = globalThis.DecompressionStream as unknown as DecompressionCtor;

/** The calls pdf.js makes (its asyncGetBytesFromDecompressionStream), written out here: bytes or the failure. */
async function unpack(Ctor: DecompressionCtor, format: string, bytes: Uint8Array): Promise<Uint8Array | 'failed'> {
  try {
    const { readable, writable } = new Ctor(format);
    const writer = writable.getWriter();
    await writer.ready;
    writer
      .write(bytes)
      .then(async () => {
        await writer.ready;
        await writer.close();
      })
      .catch(() => {});
    const chunks: Uint8Array[] = [];
    for await (const chunk of readable) chunks.push(chunk);
    return new Uint8Array(Buffer.concat(chunks));
  } catch {
    return 'failed';
  }
}

const text = new TextEncoder().encode('BT /F1 12 Tf 72 720 Td (Överenskommelse om samverkan) Tj ET\n'.repeat(2000));
const deflated = new Uint8Array(deflateSync(text));
const cases: [string, Uint8Array][] = [
  ['sound', deflated],
  ['truncated', deflated.subarray(0, deflated.length >> 1)],
  ['damaged', Uint8Array.from(deflated, (b, i) => (i > 40 && i < 80 ? b ^ 0x5a : b))],
  ['not zlib at all', new TextEncoder().encode('BT (plain) Tj ET')],
  ['empty', new Uint8Array(0)],
];

describe('the synchronous DecompressionStream', () => {
  it('gives back exactly what was deflated, and Brotli too', async () => {
    expect(await unpack(SyncDecompressionStream, 'deflate', deflated)).toEqual(text);
    expect(await unpack(SyncDecompressionStream, 'brotli', new Uint8Array(brotliCompressSync(text)))).toEqual(text);
  });

  it.each(cases)('behaves as Node’s own DecompressionStream on %s data', async (_name, bytes) => {
    const ours = await unpack(SyncDecompressionStream, 'deflate', bytes);
    const platform = await unpack(NativeDecompressionStream, 'deflate', bytes);
    expect(ours).toEqual(platform);
  });

  it('refuses a format it does not know, as the platform does', () => {
    expect(() => new SyncDecompressionStream('lzw')).toThrow(TypeError);
    expect(() => new NativeDecompressionStream('lzw')).toThrow(TypeError);
  });

  it('takes several chunks and refuses a write after close', async () => {
    const stream = new SyncDecompressionStream('deflate');
    const writer = stream.writable.getWriter();
    void writer.write(deflated.subarray(0, 100));
    void writer.write(deflated.subarray(100));
    await writer.close();
    await expect(writer.write(deflated)).rejects.toThrow(/after close/);
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream.readable) chunks.push(chunk);
    expect(new Uint8Array(Buffer.concat(chunks))).toEqual(text);
  });
});

describe('the zlib stream counter of the PDF stream check', () => {
  const trailed = new Uint8Array(Buffer.concat([deflated, Buffer.from('\r\nend')]));
  it.each([...cases, ['junk after the end', trailed] as [string, Uint8Array]])('counts %s data as the shared fflate counter does', async (_name, bytes) => {
    expect(await zlibStreamSizer(bytes, 10 * text.length)).toBe(await inflatedSize(bytes, 10 * text.length));
  });

  it('stops at the cap and reports cap + 1, as the shared counter does', async () => {
    const bomb = new Uint8Array(deflateSync(new Uint8Array(8 * 1024 * 1024)));
    expect(zlibStreamSizer(bomb, 1024 * 1024)).toBe(1024 * 1024 + 1);
    expect(await inflatedSize(bomb, 1024 * 1024)).toBe(1024 * 1024 + 1);
    expect(zlibStreamSizer(bomb, 16 * 1024 * 1024)).toBe(8 * 1024 * 1024);
  });
});

/** A one-page PDF whose content stream is FlateDecode-compressed, then `mangle`d. */
function flatePdf(lines: string[], mangle: (z: Uint8Array) => Uint8Array): Uint8Array {
  const ops = lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 20} Td (${line}) Tj ET`).join('\n');
  const stream = mangle(new Uint8Array(deflateSync(Buffer.from(ops, 'latin1'))));
  const parts: (string | Uint8Array)[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (part: string | Uint8Array) => {
    parts.push(part);
    length += typeof part === 'string' ? Buffer.byteLength(part, 'latin1') : part.length;
  };
  add('%PDF-1.4\n');
  const objects: (string | [string, Uint8Array, string])[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    [`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, stream, '\nendstream'],
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  objects.forEach((body, i) => {
    offsets.push(length);
    add(`${i + 1} 0 obj\n`);
    if (typeof body === 'string') add(body);
    else body.forEach(add);
    add('\nendobj\n');
  });
  const xref = length;
  add(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  add(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p))));
}

describe('pdf.js with the synchronous DecompressionStream', () => {
  const lines = Array.from({ length: 30 }, (_, i) => `Punkt ${i + 1}: kommunen och regionen samverkar`);
  const pdfs: [string, Uint8Array][] = [
    ['a sound content stream', flatePdf(lines, (z) => z)],
    ['a truncated content stream', flatePdf(lines, (z) => z.subarray(0, Math.floor(z.length * 0.6)))],
    ['junk after the content stream', flatePdf(lines, (z) => new Uint8Array(Buffer.concat([z, Buffer.from('\r\n%junk')])))],
    ['a damaged content stream', flatePdf(lines, (z) => Uint8Array.from(z, (b, i) => (i === z.length - 6 ? b ^ 0xff : b)))],
  ];

  /** The page's text items, or the error pdf.js gives. */
  async function pageText(bytes: Uint8Array): Promise<string> {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
    try {
      const page = await doc.getPage(1);
      const items = (await page.getTextContent()).items as { str?: string }[];
      return items.map((i) => i.str ?? '').join('|');
    } catch (error) {
      return `error: ${(error as Error).message}`;
    } finally {
      await doc.destroy();
    }
  }

  it.each(pdfs)('reads the same text (or the same error) as with the platform’s DecompressionStream from %s', async (_name, bytes) => {
    const g = globalThis as { DecompressionStream: unknown };
    const platform = await pageText(bytes);
    g.DecompressionStream = SyncDecompressionStream;
    try {
      expect(await pageText(bytes)).toBe(platform);
    } finally {
      g.DecompressionStream = NativeDecompressionStream;
    }
    if (_name === 'a sound content stream' || _name === 'junk after the content stream') expect(platform).toContain('Punkt 30: kommunen och regionen samverkar');
  });
});
