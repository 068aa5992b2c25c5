/**
 * Agreement on highlighted passages (unitizing):
 * - the uα family of Krippendorff (2019, §12.6; unitizing-u-alpha.ts): uα on codes and gaps,
 *   |uα on where the passages are, cuα on the codes given the passages, and per code;
 * - per code and overall: Krippendorff's α_U (1995/2004; unitizing-alpha-u.ts), which also
 *   weighs how far the boundaries of matched passages are apart;
 * - a simple overlap-threshold match rate, as known from other QDA programs.
 * Every coder present in the data is taken to have read every document: a document a coder
 * marked nothing in is one gap. Positions a coder marked with several codes count as the
 * combined code ("a+b").
 */
import type { AgreementNote } from './notes';
import { krippendorffAlphaU } from './unitizing-alpha-u';
import { GAP, uAlphaFamily } from './unitizing-u-alpha';

export { GAP };

export interface UnitSegment {
  document: string;
  coder: string;
  code: string;
  /** 0-based character offsets, end exclusive. */
  start: number;
  end: number;
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
  /** Per code: Krippendorff's α_U, and uα of this code against everything else (gaps and other codes). */
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
  const alphaU = krippendorffAlphaU(segments, lengths, coders);
  const family = uAlphaFamily(segments, lengths, coders, codes);
  const perCode = codes.map((code) => ({
    code,
    alpha_u: alphaU.categories.find((c) => c.code === code)?.alpha ?? null,
    u_alpha: family.perCode.get(code) ?? null,
  }));
  const { u_alpha: uAlpha, binary_u_alpha: binary, cu_alpha: cu } = family;
  if (family.overlapping) notes.push({ code: 'overlapping-codes' });
  for (const c of perCode) if (c.alpha_u === null) notes.push({ code: 'alpha-u-undefined', category: c.code });
  if (cu === null) notes.push({ code: 'cu-alpha-undefined' });
  return { codes: perCode, alpha_u: alphaU.alpha, u_alpha: uAlpha, binary_u_alpha: binary, cu_alpha: cu, coders, match, notes };
}
