/**
 * Unpacking one zip entry through a byte counter: the data is inflated in small slices (fflate's
 * streaming `Inflate`), every slice's output is counted, and unpacking stops as soon as the count
 * passes the entry's cap or what the entry claims to hold. A zip bomb therefore costs at most the
 * cap plus one slice's output (a 16 KB slice unpacks to ≤ 16.5 MB; DEFLATE's ratio is ≤ 1032:1),
 * whatever sizes it declares. The CRC-32 of the result is checked.
 */
import { Inflate } from 'fflate';

export type InflateOutcome =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem: 'over-cap'; unpacked: number }
  | { ok: false; problem: 'size-mismatch' | 'crc-mismatch' | 'corrupt'; detail: string };

/** Compressed bytes handed to the inflater at a time. */
const SLICE = 16 * 1024;
/** Unpacked bytes between two yields to the event loop (keeps a UI thread responsive). */
const YIELD_EVERY = 8 * 1024 * 1024;

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, as zip uses it). */
export function crc32(bytes: Uint8Array, seed = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = ~seed >>> 0;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.length === total) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Unpacks `data` (stored: method 0, or raw DEFLATE: method 8) to at most `cap` bytes. `declared`
 * is the size the zip claims; more output than that is refused as a lying entry, less as damage.
 */
export async function inflateBounded(data: Uint8Array, method: number, declared: number, expectedCrc: number, cap: number): Promise<InflateOutcome> {
  if (method === 0) {
    if (data.length > cap) return { ok: false, problem: 'over-cap', unpacked: data.length };
    if (data.length !== declared) return { ok: false, problem: 'size-mismatch', detail: `holds ${data.length} bytes but declares ${declared}` };
    if (crc32(data) !== expectedCrc) return { ok: false, problem: 'crc-mismatch', detail: 'the checksum does not match' };
    return { ok: true, bytes: data.slice() };
  }
  // An honest bomb says what it is: refused before anything is unpacked.
  if (declared > cap) return { ok: false, problem: 'over-cap', unpacked: declared };
  const limit = declared;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let crc = 0;
  let overflow = false;
  let sinceYield = 0;
  const inflater = new Inflate((chunk) => {
    if (overflow) return;
    total += chunk.length;
    if (total > limit) {
      overflow = true;
      return;
    }
    crc = crc32(chunk, crc);
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && !overflow; at += SLICE) {
      const end = Math.min(data.length, at + SLICE);
      inflater.push(data.subarray(at, end), end === data.length);
      if (total - sinceYield >= YIELD_EVERY) {
        sinceYield = total;
        await yieldToEventLoop();
      }
    }
  } catch (error) {
    return { ok: false, problem: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
  if (overflow) {
    // It declared at most the cap and unpacks to more: it lies about itself, and unpacking stopped.
    return { ok: false, problem: 'size-mismatch', detail: `unpacks to more than the ${declared} bytes it declares` };
  }
  if (total !== declared) return { ok: false, problem: 'size-mismatch', detail: `unpacks to ${total} bytes but declares ${declared}` };
  if (crc !== expectedCrc) return { ok: false, problem: 'crc-mismatch', detail: 'the checksum does not match' };
  return { ok: true, bytes: concat(chunks, total) };
}
