/**
 * The zip central directory, read without inflating anything: entry names as stored (a "../x"
 * stays "../x"), compression method, flags, declared sizes and where each entry's data lies. ZIP64
 * sizes and offsets are understood. Nothing here trusts a declared size: the sizes are what the
 * file claims, and `inflate.ts` counts what it really unpacks.
 */

export interface ZipEntryRecord {
  /** The name exactly as stored (UTF-8 when flagged, else CP437 read as Latin-1). */
  name: string;
  /** 0 = stored, 8 = deflate; anything else cannot be read. */
  method: number;
  encrypted: boolean;
  directory: boolean;
  crc32: number;
  compressedSize: number;
  /** What the file claims the entry unpacks to. */
  declaredSize: number;
  /** Offset of the entry's local header. */
  localHeaderOffset: number;
}

export type DirectoryResult =
  | { ok: true; entries: ZipEntryRecord[] }
  | { ok: false; problem: 'not-zip' | 'truncated'; detail: string }
  | { ok: false; problem: 'too-many-entries'; detail: string; count: number; max: number };

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** End record (22 bytes) plus the longest comment (65,535 bytes). */
const EOCD_SEARCH = 22 + 0xffff;

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A 64-bit little-endian integer as a number (exact below 2^53, which any real file is). */
function u64(dv: DataView, at: number): number {
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x100000000;
}

function findEndRecord(bytes: Uint8Array, dv: DataView): number {
  const stop = Math.max(0, bytes.length - EOCD_SEARCH);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (dv.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** Reads the central directory; at most `maxEntries` entries are accepted. */
export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): DirectoryResult {
  if (bytes.length < 22) return { ok: false, problem: 'not-zip', detail: 'the file is too short to be a zip' };
  const dv = view(bytes);
  const end = findEndRecord(bytes, dv);
  if (end < 0) return { ok: false, problem: 'not-zip', detail: 'no end-of-central-directory record' };
  let count = dv.getUint16(end + 10, true);
  let size = dv.getUint32(end + 12, true);
  let offset = dv.getUint32(end + 16, true);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && end >= 20 && dv.getUint32(end - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
    const z64 = u64(dv, end - 20 + 8);
    if (z64 + 56 > bytes.length || dv.getUint32(z64, true) !== ZIP64_EOCD_SIGNATURE) return { ok: false, problem: 'truncated', detail: 'the ZIP64 end record lies outside the file' };
    count = u64(dv, z64 + 32);
    size = u64(dv, z64 + 40);
    offset = u64(dv, z64 + 48);
  }
  if (count > maxEntries) return { ok: false, problem: 'too-many-entries', detail: `${count} entries (at most ${maxEntries})`, count, max: maxEntries };
  if (offset + size > bytes.length) return { ok: false, problem: 'truncated', detail: 'the central directory lies outside the file' };
  const entries: ZipEntryRecord[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL_SIGNATURE) return { ok: false, problem: 'truncated', detail: `central directory entry ${i + 1} is damaged` };
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    const crc32 = dv.getUint32(at + 16, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let declaredSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localHeaderOffset = dv.getUint32(at + 42, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) return { ok: false, problem: 'truncated', detail: `central directory entry ${i + 1} runs past the end of the file` };
    const rawName = bytes.subarray(nameStart, extraStart);
    const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
    // ZIP64 extended information: the 64-bit values appear, in this order, only for the fields
    // that are 0xFFFFFFFF in the record.
    for (let x = extraStart; x + 4 <= extraStart + extraLength; ) {
      const id = dv.getUint16(x, true);
      const len = dv.getUint16(x + 2, true);
      if (id === 0x0001) {
        let p = x + 4;
        const stop = p + len;
        if (declaredSize === 0xffffffff && p + 8 <= stop) {
          declaredSize = u64(dv, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff && p + 8 <= stop) {
          compressedSize = u64(dv, p);
          p += 8;
        }
        if (localHeaderOffset === 0xffffffff && p + 8 <= stop) localHeaderOffset = u64(dv, p);
      }
      x += 4 + len;
    }
    entries.push({ name, method, encrypted: (flags & 1) === 1, directory: name.endsWith('/'), crc32, compressedSize, declaredSize, localHeaderOffset });
    at = next;
  }
  return { ok: true, entries };
}

/** Where an entry's compressed data starts (after its local header), or null if that lies outside. */
export function entryDataStart(bytes: Uint8Array, entry: ZipEntryRecord): number | null {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  return start + entry.compressedSize <= bytes.length ? start : null;
}
