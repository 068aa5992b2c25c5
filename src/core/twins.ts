/**
 * Twins: another file of an agreement already in the project (the DOCX of an imported PDF, a
 * re-export with other line breaks). The rule, stated so a methods section can repeat it: both
 * texts are normalised (Unicode NFC, lower case, split into words at every character that is not
 * a letter or digit), cut into overlapping word 5-grams ("shingles"), and the pair is a twin
 * candidate when they share at least 98 % of the shingles of the larger set:
 * |A ∩ B| / max(|A|, |B|) ≥ 0.98. Equal texts score 1. Texts under 5 words compare their words.
 * The user then decides: the same agreement (linked) or a separate document.
 */

export const TWIN_SHINGLE = 5;
export const TWIN_THRESHOLD = 0.98;

export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The set of word shingles of a text, as 32-bit FNV-1a hashes (collisions are negligible at this size). */
export function shingles(text: string, size: number = TWIN_SHINGLE): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  const n = Math.max(1, w.length - size + 1);
  for (let i = 0; i < n && i < w.length; i++) {
    let hash = 0x811c9dc5;
    const gram = w.slice(i, i + size).join(' ');
    for (let k = 0; k < gram.length; k++) hash = Math.imul(hash ^ gram.charCodeAt(k), 0x01000193) >>> 0;
    out.add(hash);
  }
  return out;
}

/** |A ∩ B| / max(|A|, |B|): 1 for equal texts, 0 when nothing is shared (or a text is empty). */
export function shingleSimilarity(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / Math.max(a.size, b.size);
}

export interface TwinCandidate {
  documentId: string;
  similarity: number;
}

/** The most similar of `existing` at or above the threshold, if any. */
export function findTwin(text: string, existing: readonly { documentId: string; shingles: ReadonlySet<number> }[], threshold: number = TWIN_THRESHOLD): TwinCandidate | undefined {
  const mine = shingles(text);
  let best: TwinCandidate | undefined;
  for (const e of existing) {
    const similarity = shingleSimilarity(mine, e.shingles);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { documentId: e.documentId, similarity };
  }
  return best;
}
