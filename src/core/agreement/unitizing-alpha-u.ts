/**
 * Krippendorff's α_U for unitized continua (Krippendorff 1995, "On the reliability of unitizing
 * continuous data", Sociological Methodology 25; Content Analysis 2004, §12.4), per category with
 * gaps. For each category c the continuum is split, per coder, into units of c and gaps (all
 * stretches not marked c). The distance between two coders' intersecting sections is
 *   δ² = (b_g − b_h)² + (e_g − e_h)²   when both are units,
 *   δ² = l²                            when a unit of length l lies wholly inside the other's gap,
 *   0                                  otherwise.
 *   D_o(c) = Σ_{i≠j} Σ_g Σ_h δ² / (m(m−1)L²)
 *   D_e(c) = (2/L) · [ (N_c − 1)/3 · Σ_units (2l³ − 3l² + l) + Σ_units Σ_{gaps ≥ l} l²(l_gap − l + 1) ]
 *                  / [ mL(mL − 1) − Σ_units l(l − 1) ]
 *   α_U(c) = 1 − D_o(c)/D_e(c);  overall α_U = 1 − Σ_c D_o(c) / Σ_c D_e(c).
 * Checked against the worked examples of Krippendorff (2004, p. 254: α_U = .8591, α_c = .7286,
 * D_o(c) = .0144, D_e(c) = .0532) and Krippendorff (1995, p. 57). Several documents form one
 * continuum of total length L whose sections never cross a document boundary.
 */
import type { UnitSegment } from './unitizing';

interface Section {
  start: number;
  end: number;
  unit: boolean;
}

export interface AlphaUCategory {
  code: string;
  observed: number;
  expected: number;
  alpha: number | null;
}

export interface AlphaUResult {
  categories: AlphaUCategory[];
  alpha: number | null;
}

/** One coder's sections (units of `code` merged where they overlap, and the gaps) in one document. */
function sections(segments: readonly UnitSegment[], length: number): Section[] {
  const units = segments.map((s) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end) })).filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const u of units) {
    const last = merged.at(-1);
    if (last && u.start < last.end) last.end = Math.max(last.end, u.end);
    else merged.push({ ...u });
  }
  const out: Section[] = [];
  let at = 0;
  for (const u of merged) {
    if (u.start > at) out.push({ start: at, end: u.start, unit: false });
    out.push({ start: u.start, end: u.end, unit: true });
    at = u.end;
  }
  if (at < length) out.push({ start: at, end: length, unit: false });
  return out;
}

function distance(g: Section, h: Section): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && !h.unit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (!g.unit && h.unit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

/** Σ over intersecting section pairs of two coders (both are sorted partitions of [0, length)). */
function pairDistance(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let j = 0;
  for (const g of a) {
    while (j < b.length && b[j]!.end <= g.start) j++;
    for (let k = j; k < b.length && b[k]!.start < g.end; k++) sum += distance(g, b[k]!);
  }
  return sum;
}

export function krippendorffAlphaU(segments: readonly UnitSegment[], lengths: ReadonlyMap<string, number>, coders: readonly string[]): AlphaUResult {
  const m = coders.length;
  const L = [...lengths.values()].reduce((a, b) => a + b, 0);
  const codes = [...new Set(segments.map((s) => s.code))].sort();
  const categories = codes.map((code): AlphaUCategory => {
    // sectionsBy[coder][document]
    const sectionsBy = coders.map((coder) => [...lengths].map(([doc, length]) => sections(segments.filter((s) => s.coder === coder && s.code === code && s.document === doc), length)));
    let observedSum = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
      if (i === j) continue;
      sectionsBy[i]!.forEach((secs, d) => (observedSum += pairDistance(secs, sectionsBy[j]![d]!)));
    }
    const all = sectionsBy.flat(2);
    const units = all.filter((s) => s.unit).map((s) => s.end - s.start);
    const gaps = all.filter((s) => !s.unit).map((s) => s.end - s.start).sort((a, b) => a - b);
    // Suffix sums over sorted gaps: count and total length of gaps ≥ l.
    const suffixCount = new Float64Array(gaps.length + 1);
    const suffixLength = new Float64Array(gaps.length + 1);
    for (let k = gaps.length - 1; k >= 0; k--) {
      suffixCount[k] = suffixCount[k + 1]! + 1;
      suffixLength[k] = suffixLength[k + 1]! + gaps[k]!;
    }
    const firstAtLeast = (l: number) => {
      let lo = 0;
      let hi = gaps.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (gaps[mid]! < l) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const n = units.length;
    let within = 0;
    let inGaps = 0;
    let selfPairs = 0;
    for (const l of units) {
      within += 2 * l ** 3 - 3 * l ** 2 + l;
      const k = firstAtLeast(l);
      inGaps += l * l * (suffixLength[k]! - (l - 1) * suffixCount[k]!);
      selfPairs += l * (l - 1);
    }
    const observed = m < 2 || L === 0 ? Number.NaN : observedSum / (m * (m - 1) * L * L);
    const denominator = m * L * (m * L - 1) - selfPairs;
    const expected = denominator <= 0 ? Number.NaN : ((2 / L) * (((n - 1) / 3) * within + inGaps)) / denominator;
    const alpha = Number.isFinite(observed) && Number.isFinite(expected) && expected > 0 ? 1 - observed / expected : null;
    return { code, observed, expected, alpha };
  });
  const defined = categories.filter((c) => Number.isFinite(c.observed) && Number.isFinite(c.expected));
  const eSum = defined.reduce((a, c) => a + c.expected, 0);
  const alpha = defined.length === 0 || eSum <= 0 ? null : 1 - defined.reduce((a, c) => a + c.observed, 0) / eSum;
  return { categories, alpha };
}
