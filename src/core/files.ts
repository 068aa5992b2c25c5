/** Small helpers for file contents and names, shared by import, exchange and export. */

/** SHA-256 of bytes as 64 lower-case hex digits (Web Crypto: the same in the browser and in Node). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes.slice());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file-name-safe form of a project or coder name: letters and digits, runs of anything else as "-". */
export function fileNamePart(name: string, fallback = 'overens'): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || fallback;
}
