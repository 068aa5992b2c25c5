/** A short fingerprint of plain data (FNV-1a over its JSON), so the views retrain only when the training input changed. */
export function fingerprint(data: unknown): string {
  const text = JSON.stringify(data);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(36)}:${text.length}`;
}
