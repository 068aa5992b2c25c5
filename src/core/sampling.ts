/**
 * Drawing a reliability sample: a seeded random sample of documents for a second coder, either
 * n documents or a share per stratum (e.g. per `level`, so county and local agreements are both
 * represented). The same seed and input give the same sample (documents are ordered by id
 * before drawing, so the order they come in does not matter).
 */
import { seededRandom } from './agreement/bootstrap';

export interface SampleSpec {
  /** Either a number of documents (whole sample, split proportionally over strata)… */
  n?: number;
  /** …or a percentage 0–100 of each stratum (rounded up, at least one per non-empty stratum). */
  percent?: number;
  /** Attribute to stratify by; documents without it form their own stratum. */
  stratum?: string;
  seed: number;
}

export interface SampledDocument {
  id: string;
  attributes: Readonly<Record<string, string>>;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function drawSample<T extends SampledDocument>(documents: readonly T[], spec: SampleSpec): T[] {
  const random = seededRandom(spec.seed);
  const sorted = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const strata = new Map<string, T[]>();
  for (const d of sorted) {
    const key = spec.stratum === undefined ? '' : (d.attributes[spec.stratum] ?? '');
    strata.set(key, [...(strata.get(key) ?? []), d]);
  }
  const keys = [...strata.keys()].sort();
  const quota = new Map<string, number>();
  if (spec.percent !== undefined) {
    const p = Math.min(100, Math.max(0, spec.percent));
    for (const k of keys) quota.set(k, p === 0 ? 0 : Math.max(1, Math.ceil((strata.get(k)!.length * p) / 100)));
  } else {
    const n = Math.min(sorted.length, Math.max(0, Math.floor(spec.n ?? 0)));
    // Largest-remainder allocation of n over the strata, proportional to their sizes.
    const exact = keys.map((k) => ({ k, x: (n * strata.get(k)!.length) / Math.max(1, sorted.length) }));
    let left = n;
    for (const e of exact) {
      quota.set(e.k, Math.floor(e.x));
      left -= Math.floor(e.x);
    }
    for (const e of [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)) || (a.k < b.k ? -1 : 1))) {
      if (left <= 0) break;
      quota.set(e.k, quota.get(e.k)! + 1);
      left--;
    }
  }
  return keys.flatMap((k) => shuffle([...strata.get(k)!], random).slice(0, quota.get(k)));
}
