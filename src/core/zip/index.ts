/**
 * The one zip reader of every container the app opens — DOCX, REFI-QDA .qdpx, project backups,
 * coder packages and codings files. It reads the central directory without unpacking anything,
 * keeps entry names as stored (so "../x" is seen for what it is), and unpacks an entry only on
 * request, through a byte counter that stops at a real cap (per entry and for the whole archive),
 * whatever sizes the file declares. Every problem is a value with a Swedish and English message;
 * nothing throws for a bad file.
 */
import type { UserMessage } from '../errors';
import { entryDataStart, readCentralDirectory, type ZipEntryRecord } from './central-directory';
import { inflateBounded } from './inflate';

export type { ZipEntryRecord } from './central-directory';
export { crc32 } from './inflate';

export interface ZipLimits {
  /** Most entries the archive may have. */
  maxEntries: number;
  /** Most bytes one entry may unpack to (a read may ask for less). */
  maxEntryBytes: number;
  /** Most bytes all reads together may unpack to. */
  maxTotalBytes: number;
}

export type ZipProblemCode = 'not-zip' | 'truncated' | 'too-many-entries' | 'missing-entry' | 'entry-too-large' | 'total-too-large' | 'damaged-entry' | 'unsupported-method' | 'encrypted';

export interface ZipProblem {
  code: ZipProblemCode;
  /** The entry concerned, as stored. */
  entry?: string;
  /** English detail for logs and the CLI. */
  detail: string;
  /** What to tell the user (without the file name; callers put it first). */
  message: UserMessage;
}

export type ZipRead<T> = { ok: true; value: T } | { ok: false; problem: ZipProblem };

const MB = 1024 * 1024;

/** A size for people: "2 GB", "300 MB", "12 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * MB) return `${Math.round((n / (1024 * MB)) * 10) / 10} GB`;
  if (n >= MB) return `${Math.round(n / MB)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

function problem(code: ZipProblemCode, detail: string, message: UserMessage, entry?: string): ZipProblem {
  return entry === undefined ? { code, detail, message } : { code, detail, message, entry };
}

const utf8 = new TextDecoder('utf-8');

export class ZipArchive {
  /** Bytes unpacked by all reads so far. */
  private unpacked = 0;
  private readonly byName: Map<string, ZipEntryRecord>;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntryRecord[],
    private readonly limits: ZipLimits,
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  /** Opens a zip: the central directory only, nothing unpacked. */
  static open(bytes: Uint8Array, limits: ZipLimits): ZipRead<ZipArchive> {
    const directory = readCentralDirectory(bytes, limits.maxEntries);
    if (!directory.ok) {
      const message: UserMessage =
        directory.problem === 'too-many-entries'
          ? { sv: `zip-filen har för många delar (${directory.count}; högst ${directory.max})`, en: `the zip file has too many entries (${directory.count}; at most ${directory.max})` }
          : directory.problem === 'truncated'
            ? { sv: 'zip-filen är ofullständig eller skadad', en: 'the zip file is incomplete or damaged' }
            : { sv: 'filen är ingen zip-fil', en: 'the file is not a zip file' };
      return { ok: false, problem: problem(directory.problem, directory.detail, message) };
    }
    return { ok: true, value: new ZipArchive(bytes, directory.entries, limits) };
  }

  /** Entry names as stored, in the order of the central directory. */
  get names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The sum of what the entries claim to unpack to (a claim, not a measurement). */
  get declaredSize(): number {
    return this.entries.reduce((n, e) => n + e.declaredSize, 0);
  }

  entry(name: string): ZipEntryRecord | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** An entry's bytes, unpacked through the counter; `maxBytes` narrows the per-entry cap. */
  async bytesOf(name: string, maxBytes = this.limits.maxEntryBytes): Promise<ZipRead<Uint8Array>> {
    const entry = this.byName.get(name);
    if (!entry) return { ok: false, problem: problem('missing-entry', `${name} is missing`, { sv: `${name} saknas`, en: `${name} is missing` }, name) };
    if (entry.encrypted) return { ok: false, problem: problem('encrypted', `${name} is encrypted`, { sv: `${name} är krypterad och kan inte läsas`, en: `${name} is encrypted and cannot be read` }, name) };
    if (entry.method !== 0 && entry.method !== 8) {
      return { ok: false, problem: problem('unsupported-method', `${name} uses compression method ${entry.method}`, { sv: `${name} är packad med en metod som inte stöds (${entry.method})`, en: `${name} is compressed with an unsupported method (${entry.method})` }, name) };
    }
    const start = entryDataStart(this.bytes, entry);
    if (start === null) return { ok: false, problem: problem('truncated', `${name} lies outside the file`, { sv: `${name} ligger utanför filen (den är ofullständig)`, en: `${name} lies outside the file (it is incomplete)` }, name) };
    const cap = Math.min(maxBytes, this.limits.maxEntryBytes);
    const left = this.limits.maxTotalBytes - this.unpacked;
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    const outcome = await inflateBounded(data, entry.method, entry.declaredSize, entry.crc32, Math.min(cap, left));
    if (!outcome.ok) {
      if (outcome.problem === 'over-cap') {
        if (left < cap) {
          const total = formatBytes(this.limits.maxTotalBytes);
          return { ok: false, problem: problem('total-too-large', `unpacks to more than ${total} in all`, { sv: `innehållet packas upp till mer än ${total} sammanlagt`, en: `the contents unpack to more than ${total} in all` }, name) };
        }
        const size = formatBytes(cap);
        return { ok: false, problem: problem('entry-too-large', `${name} unpacks to more than ${size}`, { sv: `${name} packas upp till mer än ${size}`, en: `${name} unpacks to more than ${size}` }, name) };
      }
      return { ok: false, problem: problem('damaged-entry', `${name}: ${outcome.detail}`, { sv: `${name} är skadad (${outcome.problem === 'size-mismatch' ? 'storleken stämmer inte med vad filen anger' : outcome.problem === 'crc-mismatch' ? 'kontrollsumman stämmer inte' : 'kan inte packas upp'})`, en: `${name} is damaged (${outcome.detail})` }, name) };
    }
    this.unpacked += outcome.bytes.length;
    return { ok: true, value: outcome.bytes };
  }

  /** An entry as UTF-8 text (a byte-order mark dropped). */
  async textOf(name: string, maxBytes?: number): Promise<ZipRead<string>> {
    const read = await this.bytesOf(name, maxBytes);
    if (!read.ok) return read;
    return { ok: true, value: utf8.decode(read.value).replace(/^\uFEFF/, '') };
  }
}
