/**
 * A check of a PDF's compressed streams before pdf.js sees the file: pdf.js unpacks a content
 * stream in full into memory (a 4.6 MB file with a 1.5 GB content stream took 87 s and gigabytes),
 * so every FlateDecode stream that is not an image is inflated here through a byte counter
 * (fflate's streaming Unzlib, 64 KB slices) and the file is refused as soon as one stream passes
 * MAX_STREAM_BYTES or all of them together MAX_STREAMS_TOTAL. Streams that cannot be inflated here
 * (encrypted, damaged) are left to pdf.js, whose work is bounded by the per-page time limit.
 * Where a stream ends: as pdf.js decides it — its /Length (direct, or the plain integer object an
 * indirect one points to) where "endstream" follows, else the first "endstream" after it. A
 * /Length inside an object stream is not resolved here: such a stream is counted to the first
 * "endstream", and the per-page time limit bounds what pdf.js does with it beyond.
 */
import { Unzlib } from 'fflate';

const MB = 1024 * 1024;
/** One stream: a page's text in real agreements is well under 1 MB; fonts a few MB. */
export const MAX_STREAM_BYTES = 64 * MB;
/** All checked streams of one file. */
export const MAX_STREAMS_TOTAL = 512 * MB;

const SLICE = 64 * 1024;
const enc = new TextEncoder();
const STREAM = enc.encode('stream');
const ENDSTREAM = enc.encode('endstream');
const latin1 = new TextDecoder('latin1');

function indexOf(bytes: Uint8Array, pattern: Uint8Array, from: number): number {
  const first = pattern[0]!;
  for (let at = bytes.indexOf(first, from); at !== -1 && at <= bytes.length - pattern.length; at = bytes.indexOf(first, at + 1)) {
    let k = 1;
    while (k < pattern.length && bytes[at + k] === pattern[k]) k++;
    if (k === pattern.length) return at;
  }
  return -1;
}

const isWhite = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;

/** True when "endstream" follows `pos` after PDF whitespace: where pdf.js takes a /Length as right. */
function endstreamAt(bytes: Uint8Array, pos: number): boolean {
  let p = pos;
  while (p < bytes.length && isWhite(bytes[p])) p++;
  let k = 0;
  while (k < ENDSTREAM.length && bytes[p + k] === ENDSTREAM[k]) k++;
  return k === ENDSTREAM.length;
}

/** Every plain integer object `N G obj <n> endobj` of the file (what an indirect /Length points to), by "N G". */
function integerObjects(bytes: Uint8Array): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const m of latin1.decode(bytes).matchAll(/(\d+)\s+(\d+)\s+obj\s*(\d+)\s*endobj/g)) {
    const key = `${m[1]} ${m[2]}`;
    found.set(key, [...(found.get(key) ?? []), Number(m[3])]);
  }
  return found;
}

export type StreamCheck = { ok: true } | { ok: false; problem: 'stream-too-large' | 'streams-too-large'; limit: number };

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Unpacked size of one zlib stream, counted up to `cap` (more is reported as cap + 1); where it
 * cannot be inflated (encrypted, damaged, trailing bytes), what was counted before the fault.
 */
export type StreamSizer = (data: Uint8Array, cap: number) => number | Promise<number>;

/** The counter everywhere (browser and Node): fflate's streaming inflater through a byte counter. */
export async function inflatedSize(data: Uint8Array, cap: number): Promise<number> {
  let total = 0;
  let over = false;
  const inflater = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > cap) over = true;
  });
  let sinceYield = 0;
  try {
    for (let at = 0; at < data.length && !over; at += SLICE) {
      const end = Math.min(data.length, at + SLICE);
      inflater.push(data.subarray(at, end), end === data.length);
      if (total - sinceYield >= 16 * MB) {
        sinceYield = total;
        await yieldToEventLoop();
      }
    }
  } catch {
    // Not inflatable here (encrypted, damaged, trailing bytes): what was counted stands.
  }
  return over ? cap + 1 : total;
}

/** `sizer`: how a stream is counted (a platform's native inflater may stand in: same counts). */
export async function checkPdfStreams(bytes: Uint8Array, sizer: StreamSizer = inflatedSize): Promise<StreamCheck> {
  let total = 0;
  let objects: Map<string, number[]> | undefined;
  for (let at = indexOf(bytes, STREAM, 0); at !== -1; at = indexOf(bytes, STREAM, at + STREAM.length)) {
    // "endstream" contains "stream": skip it.
    if (at >= 3 && bytes[at - 3] === 0x65 && bytes[at - 2] === 0x6e && bytes[at - 1] === 0x64) continue;
    let start = at + STREAM.length;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a) continue; // not the keyword (the word inside text or data)
    start++;
    const dict = latin1.decode(bytes.subarray(Math.max(0, at - 1024), at));
    const own = dict.slice(dict.lastIndexOf(' obj') + 1);
    if (!/\/FlateDecode|\/Fl\b/.test(own) || /\/Subtype\s*\/Image/.test(own)) continue;
    // Where the stream ends for pdf.js: at a /Length (direct, or an object it points to) that
    // "endstream" follows; else pdf.js searches for the first "endstream" itself. A /Length that
    // is wrong therefore never narrows what is counted here below what pdf.js will unpack.
    const indirect = /\/Length\s+(\d+)\s+(\d+)\s+R/.exec(own);
    const direct = indirect ? null : /\/Length\s+(\d+)/.exec(own);
    const lengths = direct ? [Number(direct[1])] : indirect ? ((objects ??= integerObjects(bytes)).get(`${indirect[1]} ${indirect[2]}`) ?? []) : [];
    const fitting = lengths.filter((n) => start + n <= bytes.length && endstreamAt(bytes, start + n));
    let end = fitting.length ? start + Math.max(...fitting) : indexOf(bytes, ENDSTREAM, start);
    if (end === -1) end = bytes.length;
    const size = await sizer(bytes.subarray(start, end), Math.min(MAX_STREAM_BYTES, MAX_STREAMS_TOTAL - total));
    if (size > MAX_STREAM_BYTES) return { ok: false, problem: 'stream-too-large', limit: MAX_STREAM_BYTES };
    total += size;
    if (total >= MAX_STREAMS_TOTAL) return { ok: false, problem: 'streams-too-large', limit: MAX_STREAMS_TOTAL };
    at = Math.max(at, end - STREAM.length);
  }
  return { ok: true };
}
