/**
 * Word accuracy of recognised text against the original (ISRI-style: the share of the reference's
 * words found, in order, in the recognised text — the longest common subsequence of the two word
 * sequences). Words are runs of letters and digits, NFC, case kept; å/ä/ö are letters like any other.
 */
export const ocrWords = (s: string): string[] => s.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];

const SWEDISH = /[åäöÅÄÖ]/;

export interface AccuracyCount {
  words: number;
  found: number;
  /** Reference words holding å, ä or ö, and how many of them were found. */
  swedish: number;
  swedishFound: number;
}

/** LCS alignment of two word sequences; counts the reference words matched. */
export function countAccuracy(reference: readonly string[], recognised: readonly string[]): AccuracyCount {
  const n = reference.length;
  const m = recognised.length;
  // Full table (pages have a few hundred words), then walk back to know which reference words matched.
  const table = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = reference[i] === recognised[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  let found = 0;
  let swedishFound = 0;
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (reference[i] === recognised[j]) {
      found++;
      if (SWEDISH.test(reference[i]!)) swedishFound++;
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return { words: n, found, swedish: reference.filter((w) => SWEDISH.test(w)).length, swedishFound };
}

export function addCounts(a: AccuracyCount, b: AccuracyCount): AccuracyCount {
  return { words: a.words + b.words, found: a.found + b.found, swedish: a.swedish + b.swedish, swedishFound: a.swedishFound + b.swedishFound };
}
