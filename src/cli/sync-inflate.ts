/**
 * pdf.js unpacks every FlateDecode (and Brotli) stream through the platform's
 * `DecompressionStream`. In Node that is a web-streams wrapper around an asynchronous zlib stream:
 * per content stream a TransformStream, a Duplex, transfers and a round trip to libuv's thread
 * pool — for the small streams of an agreement's pages the machinery costs far more than the
 * inflating (a quarter of `overens extract`'s time on the synthetic corpus, much of it idle).
 *
 * `installSyncDecompression()` puts in its place, in this thread only, the part of the interface
 * pdf.js uses (`new DecompressionStream(format)`, `writable.getWriter()` with ready/write/close,
 * `for await` over `readable`), inflating with Node's own zlib in one synchronous call. The bytes
 * are zlib's either way; where zlib refuses a stream (damaged, truncated) the readable fails as
 * the platform's does, and pdf.js falls back to its own inflater as it would anyway — so the text
 * is the same (the build test compares whole-corpus output with and without it).
 */
import { brotliDecompressSync, inflateSync } from 'node:zlib';
import { inflatedSize, type StreamSizer } from '../ingest/pdf-streams';

type Format = 'deflate' | 'brotli';
const decoders: Record<Format, (bytes: Uint8Array) => Buffer> = { deflate: inflateSync, brotli: brotliDecompressSync };

export class SyncDecompressionStream {
  readonly writable: { getWriter(): { ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor(format: string) {
    const decode = decoders[format as Format] as ((bytes: Uint8Array) => Buffer) | undefined;
    if (!decode) throw new TypeError(`DecompressionStream: unsupported format "${format}"`);
    const chunks: Uint8Array[] = [];
    let closed = false;
    let markClosed!: () => void;
    const whenClosed = new Promise<void>((resolve) => (markClosed = resolve));
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write(chunk: Uint8Array) {
          if (closed) return Promise.reject(new TypeError('DecompressionStream: write after close'));
          chunks.push(chunk);
          return Promise.resolve();
        },
        close() {
          closed = true;
          markClosed();
          return Promise.resolve();
        },
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        await whenClosed;
        const out = decode(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
        chunks.length = 0;
        yield new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      },
    };
  }
}

/** Put the synchronous inflater in place of `globalThis.DecompressionStream` for this thread. */
export function installSyncDecompression(): void {
  Object.defineProperty(globalThis, 'DecompressionStream', { value: SyncDecompressionStream, writable: true, configurable: true });
}

/**
 * The PDF stream check's counter (src/ingest/pdf-streams.ts) on Node's zlib: one native call that
 * stops at cap + 1 bytes. Where zlib refuses the stream (damaged, truncated) the shared counter
 * counts it instead, so that what was unpacked before the fault counts as it does in the app.
 */
export const zlibStreamSizer: StreamSizer = (data, cap) => {
  try {
    return inflateSync(data, { maxOutputLength: cap + 1 }).byteLength;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return cap + 1;
    return inflatedSize(data, cap);
  }
};
