/**
 * Hostile files made at test time, small on disk and huge when unpacked, without ever holding the
 * unpacked data: a DEFLATE stream that unpacks to `total` bytes is one chunk compressed once (ended
 * with a sync flush, so it is byte-aligned and not final) repeated, then an empty final block.
 * Concatenated DEFLATE blocks are one valid stream (RFC 1951 §3.2.3); back-references stay inside
 * their own chunk. Nothing here comes from another program's test files.
 */
import { constants, deflateRawSync } from 'node:zlib';

const enc = new TextEncoder();

/** Raw DEFLATE data that unpacks to `total` bytes: `chunk` repeated (the last copy cut short). */
export function repeatedDeflate(chunk: Uint8Array, total: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let whole = compressed.get(chunk);
  if (!whole) compressed.set(chunk, (whole = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH })));
  let left = total;
  while (left >= chunk.length) {
    parts.push(whole);
    left -= chunk.length;
  }
  if (left > 0) parts.push(deflateRawSync(chunk.subarray(0, left), { level: 9, finishFlush: constants.Z_SYNC_FLUSH }));
  parts.push(deflateRawSync(new Uint8Array(0))); // the final (empty) block
  return concat(parts);
}

const compressed = new WeakMap<Uint8Array, Uint8Array>();

/** A chunk of `size` bytes repeating `pattern`. */
export function filled(pattern: string, size: number): Uint8Array {
  const p = enc.encode(pattern);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += p.length) out.set(p.subarray(0, Math.min(p.length, size - i)), i);
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface HandEntry {
  name: string;
  /** The stored data (raw DEFLATE when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** What the headers claim the entry unpacks to. */
  declared: number;
  crc: number;
}

/** A zip written by hand (local headers, central directory, end record), sizes as given. */
export function handZip(entries: readonly HandEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, e.method, true);
    lv.setUint32(14, e.crc >>> 0, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.declared, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, e.crc >>> 0, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.declared, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const dir = concat(centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dir.length, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, dir, end]);
}

/** A small entry stored as it is (its true size and CRC). */
export function storedEntry(name: string, content: string | Uint8Array, crc: (b: Uint8Array) => number): HandEntry {
  const data = typeof content === 'string' ? enc.encode(content) : content;
  return { name, data, method: 0, declared: data.length, crc: crc(data) };
}

/**
 * A bomb entry: DEFLATE data that really unpacks to `real` bytes of `pattern`, claiming `declared`
 * bytes. The CRC is not computed (it would mean unpacking it all): a reader must stop long before
 * it could check it.
 */
export function bombEntry(name: string, pattern: string, real: number, declared: number): HandEntry {
  let chunk = chunks.get(pattern);
  if (!chunk) chunks.set(pattern, (chunk = filled(pattern, 16 * 1024 * 1024)));
  return { name, data: repeatedDeflate(chunk, real), method: 8, declared, crc: 0 };
}
const chunks = new Map<string, Uint8Array>();

/** Heap and RSS growth and the time a call takes (generous bounds are asserted on them). */
export async function measure<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; heapMB: number; rssMB: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const start = performance.now();
  try {
    const value = await run();
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    return { value, ms: performance.now() - start, heapMB: (peakHeap - before.heapUsed) / 1048576, rssMB: (peakRss - before.rss) / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

/** One line per measured case, collected for the README's "Hostile files" table. */
export function report(name: string, m: { ms: number; heapMB: number; rssMB: number }): void {
  console.log(`[hostile] ${name}: ${Math.round(m.ms)} ms, heap +${Math.max(0, Math.round(m.heapMB))} MB, RSS +${Math.max(0, Math.round(m.rssMB))} MB`);
}
