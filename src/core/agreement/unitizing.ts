/**
 * Agreement on highlighted passages (unitizing), after Krippendorff, Mathet, Bouvry &
 * Widlöcher (2016), "On the reliability of unitizing textual continua: Further developments",
 * Quality & Quantity 50: coincidences are measured by the *lengths of the intersections* of the
 * coders' valued stretches of the continuum, gaps (unmarked text) included as the value ∅. Then
 * - uα:   all codes and ∅ as nominal values;
 * - |uα:  binary, relevant (any code) vs ∅ — agreement on where the passages are;
 * - cuα:  only where at least two coders marked something — agreement on the codes given the
 *         segmentation;
 * - per code and overall: Krippendorff's α_U (1995/2004; unitizing-alpha-u.ts), which also
 *   weighs how far the boundaries of matched passages are apart.
 * Computed on the elementary stretches between all segment boundaries (weighted by length), so
 * the cost grows with the number of segments, not the text length. Every coder present in the
 * data is taken to have read every document: a document a coder marked nothing in is all ∅.
 * Positions a coder marked with several codes count as the combined code ("a+b").
 * Also a simple overlap-threshold match rate, as known from other QDA programs.
 */
import { alphaFromCoincidences, coincidences } from './krippendorff';
import type { AgreementNote } from './notes';
import { MISSING, type ReliabilityData } from './reliability-data';
import { krippendorffAlphaU } from './unitizing-alpha-u';

export interface UnitSegment {
  document: string;
  coder: string;
  code: string;
  /** 0-based character offsets, end exclusive. */
  start: number;
  end: number;
}

export const GAP = '∅';

interface Stretches {
  /** Per elementary stretch: its length, and per coder the value label. */
  lengths: number[];
  values: string[][];
}

function stretches(segments: readonly UnitSegment[], lengths: ReadonlyMap<string, number>, coders: readonly string[]): Stretches {
  const byDoc = new Map<string, UnitSegment[]>();
  for (const s of segments) {
    const list = byDoc.get(s.document) ?? [];
    list.push(s);
    byDoc.set(s.document, list);
  }
  const out: Stretches = { lengths: [], values: [] };
  for (const [document, length] of lengths) {
    const segs = byDoc.get(document) ?? [];
    const bounds = new Set<number>([0, length]);
    for (const s of segs) {
      bounds.add(Math.max(0, Math.min(length, s.start)));
      bounds.add(Math.max(0, Math.min(length, s.end)));
    }
    const sorted = [...bounds].sort((a, b) => a - b);
    for (let k = 0; k + 1 < sorted.length; k++) {
      const a = sorted[k]!;
      const b = sorted[k + 1]!;
      if (b <= a) continue;
      const values = coders.map((coder) => {
        const codes = [...new Set(segs.filter((s) => s.coder === coder && s.start <= a && s.end >= b).map((s) => s.code))].sort();
        return codes.length === 0 ? GAP : codes.join('+');
      });
      out.lengths.push(b - a);
      out.values.push(values);
    }
  }
  return out;
}

function alphaOver(st: Stretches, map: (value: string) => string | null): number | null {
  const categories: string[] = [];
  const index = new Map<string, number>();
  const m = st.values[0]?.length ?? 0;
  const values = new Int32Array(st.lengths.length * m);
  st.values.forEach((row, u) => {
    row.forEach((v, r) => {
      const mapped = map(v);
      if (mapped === null) {
        values[u * m + r] = MISSING;
        return;
      }
      if (!index.has(mapped)) {
        index.set(mapped, categories.length);
        categories.push(mapped);
      }
      values[u * m + r] = index.get(mapped)!;
    });
  });
  const data: ReliabilityData = { units: st.lengths.length, coders: m, values, categories, numeric: new Float64Array(categories.length).fill(Number.NaN) };
  const weights = Uint32Array.from(st.lengths);
  return alphaFromCoincidences(coincidences(data, weights), 'nominal', data.numeric).alpha;
}

export interface MatchRate {
  /** Segments that found a partner of the same code overlapping at least `threshold` of the longer one. */
  matched: number;
  unmatched: number;
  /** 2 · pairs / all segments, over all coder pairs. */
  rate: number | null;
  threshold: number;
}

/** Greedy one-to-one matching per pair of coders, document and code. */
export function overlapMatchRate(segments: readonly UnitSegment[], threshold = 0.5): MatchRate {
  const coders = [...new Set(segments.map((s) => s.coder))];
  let pairs = 0;
  let total = 0;
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const a = segments.filter((s) => s.coder === coders[i]);
      const b = segments.filter((s) => s.coder === coders[j]);
      total += a.length + b.length;
      const used = new Set<UnitSegment>();
      for (const s of a) {
        let best: UnitSegment | null = null;
        let bestOverlap = 0;
        for (const t of b) {
          if (used.has(t) || t.document !== s.document || t.code !== s.code) continue;
          const overlap = Math.min(s.end, t.end) - Math.max(s.start, t.start);
          if (overlap > bestOverlap && overlap >= threshold * Math.max(s.end - s.start, t.end - t.start)) {
            best = t;
            bestOverlap = overlap;
          }
        }
        if (best) {
          used.add(best);
          pairs++;
        }
      }
    }
  }
  return { matched: 2 * pairs, unmatched: total - 2 * pairs, rate: total === 0 ? null : (2 * pairs) / total, threshold };
}

export interface UnitizingReport {
  /** Per code: Krippendorff's α_U, and the binary uα of this code against everything else. */
  codes: { code: string; alpha_u: number | null; u_alpha: number | null }[];
  /** Krippendorff's α_U over all codes (1 − Σ D_o / Σ D_e). */
  alpha_u: number | null;
  u_alpha: number | null;
  binary_u_alpha: number | null;
  cu_alpha: number | null;
  coders: string[];
  match: MatchRate;
  /** Texts in both languages via `noteMessage`; the CLI prints them in English. */
  notes: AgreementNote[];
}

export function unitizingAgreement(segments: readonly UnitSegment[], lengths: ReadonlyMap<string, number>, options: { threshold?: number } = {}): UnitizingReport {
  const coders = [...new Set(segments.map((s) => s.coder))].sort();
  const notes: AgreementNote[] = [];
  const codes = [...new Set(segments.map((s) => s.code))].sort();
  const match = overlapMatchRate(segments, options.threshold ?? 0.5);
  if (coders.length < 2) {
    notes.push(coders.length === 0 ? { code: 'no-segments' } : { code: 'one-coder' });
    return { codes: codes.map((code) => ({ code, alpha_u: null, u_alpha: null })), alpha_u: null, u_alpha: null, binary_u_alpha: null, cu_alpha: null, coders, match, notes };
  }
  const st = stretches(segments, lengths, coders);
  const alphaU = krippendorffAlphaU(segments, lengths, coders);
  const perCode = codes.map((code) => ({
    code,
    alpha_u: alphaU.categories.find((c) => c.code === code)?.alpha ?? null,
    u_alpha: alphaOver(st, (v) => (v.split('+').includes(code) ? code : GAP)),
  }));
  const uAlpha = alphaOver(st, (v) => v);
  const binary = alphaOver(st, (v) => (v === GAP ? GAP : 'relevant'));
  const cu = alphaOver(st, (v) => (v === GAP ? null : v));
  if (st.values.some((row) => row.some((v) => v.includes('+')))) notes.push({ code: 'overlapping-codes' });
  for (const c of perCode) if (c.alpha_u === null) notes.push({ code: 'alpha-u-undefined', category: c.code });
  if (cu === null) notes.push({ code: 'cu-alpha-undefined' });
  return { codes: perCode, alpha_u: alphaU.alpha, u_alpha: uAlpha, binary_u_alpha: binary, cu_alpha: cu, coders, match, notes };
}
