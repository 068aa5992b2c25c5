/**
 * What a zip (as JSZip loaded it) says about itself before anything is unpacked, for the checks
 * every reader makes first: the entry names as stored — JSZip rewrites "../x" to "x" but keeps the
 * stored name in `unsafeOriginalName` — and the total declared uncompressed size (zip bombs).
 * Structural types only, so core does not depend on JSZip.
 */
interface LoadedEntry {
  name: string;
  unsafeOriginalName?: string;
  _data?: { uncompressedSize?: number };
}

/** Each entry's name as stored in the zip. */
export function storedEntryNames(zip: { files: Record<string, object> }): string[] {
  return Object.values(zip.files).map((e) => (e as LoadedEntry).unsafeOriginalName ?? (e as LoadedEntry).name);
}

/** The sum of the entries' declared uncompressed sizes, in bytes. */
export function declaredUnpackedSize(zip: { files: Record<string, object> }): number {
  return Object.values(zip.files).reduce((n, e) => n + ((e as LoadedEntry)._data?.uncompressedSize ?? 0), 0);
}

/** An absolute path, a drive letter, or a `..` segment: an entry that could land outside its folder. */
export function unsafeEntryName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[a-zA-Z]:/.test(n) || n.split('/').includes('..');
}
