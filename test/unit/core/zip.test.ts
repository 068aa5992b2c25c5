/**
 * The one bounded zip reader (src/core/zip): archives written by JSZip (what our own writers use)
 * are read back exactly; names are kept as stored; entries that lie about their size, honest zip
 * bombs, damaged data and truncated files are refused with a message, never unpacked in full.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { deflateSync } from 'fflate';
import { ZipArchive, crc32, formatBytes, type ZipLimits } from '../../../src/core';
import { handZip as writeZip } from '../hostile/generate';

const LIMITS: ZipLimits = { maxEntries: 1000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 };
const enc = new TextEncoder();

async function jszip(files: Record<string, string | Uint8Array>, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression });
}

/** A one-entry zip written by hand: `declared` is what the headers claim the entry unpacks to. */
function handZip(name: string, payload: Uint8Array, opts: { method: 0 | 8; declared: number; crc: number; compressed?: Uint8Array }): Uint8Array {
  const data = opts.compressed ?? (opts.method === 8 ? deflateSync(payload) : payload);
  return writeZip([{ name, data, method: opts.method, declared: opts.declared, crc: opts.crc }]);
}

function open(bytes: Uint8Array, limits = LIMITS): ZipArchive {
  const opened = ZipArchive.open(bytes, limits);
  if (!opened.ok) throw new Error(opened.problem.detail);
  return opened.value;
}

describe('ZipArchive', () => {
  it('reads deflated and stored entries written by JSZip exactly', async () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    for (const compression of ['DEFLATE', 'STORE'] as const) {
      const zip = open(await jszip({ 'word/document.xml': '<w:document>Överenskommelse</w:document>', 'media/x.bin': big }, compression));
      // JSZip writes folder entries too; they are entries like any other.
      expect(zip.names.sort()).toEqual(['media/', 'media/x.bin', 'word/', 'word/document.xml']);
      expect(zip.entries.filter((e) => e.directory).map((e) => e.name).sort()).toEqual(['media/', 'word/']);
      const text = await zip.textOf('word/document.xml');
      expect(text).toEqual({ ok: true, value: '<w:document>Överenskommelse</w:document>' });
      const bin = await zip.bytesOf('media/x.bin');
      expect(bin.ok && Buffer.from(bin.value).equals(Buffer.from(big))).toBe(true);
    }
  });

  it('keeps entry names as stored, "../" included', async () => {
    const bytes = handZip('../../evil.txt', enc.encode('x'), { method: 0, declared: 1, crc: crc32(enc.encode('x')) });
    expect(open(bytes).names).toEqual(['../../evil.txt']);
  });

  it('computes the zip CRC-32 (check value of "123456789" is CBF43926)', () => {
    expect(crc32(enc.encode('123456789')).toString(16)).toBe('cbf43926');
  });

  it('stops an entry that unpacks to more than it declares, after a few slices, whatever its real size', async () => {
    // 512 MB of zeros deflate to about 0.5 MB; the headers claim 1,000 bytes.
    const zeros = new Uint8Array(512 * 1024 * 1024);
    const compressed = deflateSync(zeros, { level: 9 });
    const bytes = handZip('word/document.xml', zeros, { method: 8, declared: 1000, crc: 0, compressed });
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    const read = await open(bytes).bytesOf('word/document.xml');
    const ms = performance.now() - t0;
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problem.code).toBe('damaged-entry');
      expect(read.problem.message.en).toContain('word/document.xml');
      expect(read.problem.message.sv).toContain('storleken');
    }
    // Generous bounds (measured: a few ms and a few MB): it did not unpack 512 MB.
    expect(ms).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses an honest bomb (declared beyond the cap) before unpacking anything', async () => {
    const zeros = new Uint8Array(80 * 1024 * 1024);
    const bytes = handZip('project.qde', zeros, { method: 8, declared: zeros.length, crc: crc32(zeros) });
    const zip = open(bytes, { ...LIMITS, maxEntryBytes: 10 * 1024 * 1024 });
    const read = await zip.textOf('project.qde');
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problem.code).toBe('entry-too-large');
      expect(read.problem.message).toEqual({ sv: 'project.qde packas upp till mer än 10 MB', en: 'project.qde unpacks to more than 10 MB' });
    }
    // A read may narrow the cap further.
    const small = open(await jszip({ 'a.txt': 'x'.repeat(5000) }));
    const narrowed = await small.bytesOf('a.txt', 1000);
    expect(!narrowed.ok && narrowed.problem.code).toBe('entry-too-large');
  });

  it('caps what all reads together unpack', async () => {
    const zip = open(await jszip({ 'a.bin': new Uint8Array(600_000), 'b.bin': new Uint8Array(600_000) }), { maxEntries: 10, maxEntryBytes: 1_000_000, maxTotalBytes: 1_000_000 });
    expect((await zip.bytesOf('a.bin')).ok).toBe(true);
    const second = await zip.bytesOf('b.bin');
    expect(!second.ok && second.problem.code).toBe('total-too-large');
  });

  it('refuses damaged data: a wrong checksum, a short entry, garbage instead of DEFLATE', async () => {
    const payload = enc.encode('hej hej hej');
    const wrongCrc = await open(handZip('a.txt', payload, { method: 8, declared: payload.length, crc: 12345 })).bytesOf('a.txt');
    expect(!wrongCrc.ok && wrongCrc.problem.message.sv).toContain('kontrollsumman');
    const short = await open(handZip('a.txt', payload, { method: 8, declared: payload.length + 10, crc: crc32(payload) })).bytesOf('a.txt');
    expect(!short.ok && short.problem.code).toBe('damaged-entry');
    const garbage = await open(handZip('a.txt', payload, { method: 8, declared: 50, crc: 0, compressed: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) })).bytesOf('a.txt');
    expect(!garbage.ok && garbage.problem.code).toBe('damaged-entry');
    const unsupported = await open(handZip('a.txt', payload, { method: 12 as 8, declared: payload.length, crc: crc32(payload), compressed: payload })).bytesOf('a.txt');
    expect(!unsupported.ok && unsupported.problem.code).toBe('unsupported-method');
  });

  it('refuses what is not a zip, a truncated zip and too many entries', async () => {
    const notZip = ZipArchive.open(enc.encode('%PDF-1.7 not a zip at all, just text'), LIMITS);
    expect(!notZip.ok && notZip.problem.message).toEqual({ sv: 'filen är ingen zip-fil', en: 'the file is not a zip file' });
    const whole = await jszip({ 'a.txt': 'a', 'b.txt': 'b' });
    const truncated = ZipArchive.open(whole.subarray(0, Math.floor(whole.length * 0.4)), LIMITS);
    expect(truncated.ok).toBe(false);
    const many = ZipArchive.open(await jszip(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.txt`, 'x']))), { ...LIMITS, maxEntries: 10 });
    expect(!many.ok && many.problem.message.en).toBe('the zip file has too many entries (20; at most 10)');
    // The central directory claims an offset beyond the file.
    const lying = whole.slice();
    const dv = new DataView(lying.buffer);
    dv.setUint32(lying.length - 6, 0x7fffffff, true);
    const outside = ZipArchive.open(lying, LIMITS);
    expect(!outside.ok && outside.problem.code).toBe('truncated');
  });

  it('names sizes for people', () => {
    expect([formatBytes(2 * 1024 ** 3), formatBytes(300 * 1024 ** 2), formatBytes(12_000)]).toEqual(['2 GB', '300 MB', '12 KB']);
  });
});
