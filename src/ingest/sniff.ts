/** Recognise a file by its first bytes rather than its name. */

export type Sniffed = 'pdf' | 'zip' | 'image' | 'ole' | 'text' | 'binary' | 'empty';

function startsWith(bytes: Uint8Array, magic: number[], offset = 0): boolean {
  return magic.every((b, i) => bytes[offset + i] === b);
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  // %PDF may follow a little junk (the PDF spec lets readers search the first 1024 bytes).
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'ole';
  // Text: no NUL bytes in the first 8 KB.
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0) ? 'binary' : 'text';
}
