/**
 * The uα family for unitized continua as Krippendorff (2019) *Content Analysis*, 4th ed., §12.6
 * defines it (the coefficients of Krippendorff, Mathet, Bouvry & Widlöcher 2016):
 *
 * Every coder partitions each document into sections: their units (a passage, or the stretch
 * where several of their passages of different codes overlap, valued "a+b") and the gaps between
 * them (valued ∅). Passages of one code that overlap are merged; passages that only touch stay
 * two units, as in the book's example.
 *
 * - Observed coincidences (eq. 32): l_ck = 1/(m − 1) · Σ_i Σ_{j≠i} Σ_g Σ_h |s_ig(c) ∩ s_jh(k)|.
 * - Expected coincidences (eq. 33): e_ck = (l_c· l_·k − [c = k] Σ_{sections valued c} w) /
 *   (l·· − Σ_{all sections} w / l··), where w = l² for a unit (its positions never pair with
 *   each other) and w = l for a gap (its positions pair with each other, not with themselves).
 * - uα (eq. 34) = 1 − Σ_{c≠k} l_ck / Σ_{c≠k} e_ck.
 * - |uα (eq. 35): the same two matrices collapsed to ∅ against "any value".
 * - cuα (eqs. 36–37): the matrix without the ∅ row and column; a unit's share of it is the part
 *   of it that other coders' units cover, each position weighted by the number of those coders
 *   / (m − 1), and its self-pairing correction is that share squared.
 * - per code k: the uα matrices collapsed to k against everything else.
 *
 * On the book's worked example (Figure 12.11: Alex, Paul, Suzan on a continuum of 60) this gives
 * uα = .510, |uα = .413, cuα = .724, the book's values (test/unit/core/agreement/unitizing.test.ts).
 * Computed on the elementary stretches between all boundaries, so the cost grows with the number
 * of passages, not with the length of the text.
 */
import type { UnitSegment } from './unitizing';

/** The value of a gap (unmarked text). */
export const GAP = '∅';

interface Stretch {
  length: number;
  /** Per coder: the value (code, "a+b" or ∅). */
  values: string[];
  /** Per coder: the index of the section (into `sections`) this stretch belongs to. */
  sections: number[];
}

interface Section {
  value: string;
  length: number;
  /** Share of the cuα matrix (positions weighted by the other coders' units there / (m − 1)). */
  cuShare: number;
}

interface Continuum {
  stretches: Stretch[];
  sections: Section[];
}

/** A coder's passages of one code merged where they overlap (touching ones stay apart). */
function mergeOverlapping(segments: readonly UnitSegment[], length: number): { start: number; end: number }[] {
  const spans = segments.map((s) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end) })).filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

function continuum(segments: readonly UnitSegment[], lengths: ReadonlyMap<string, number>, coders: readonly string[]): Continuum {
  const byDoc = new Map<string, UnitSegment[]>();
  for (const s of segments) {
    const list = byDoc.get(s.document) ?? [];
    list.push(s);
    byDoc.set(s.document, list);
  }
  const m = coders.length;
  const out: Continuum = { stretches: [], sections: [] };
  for (const [document, length] of lengths) {
    const segs = byDoc.get(document) ?? [];
    // Per coder: merged passages per code, and the coder's own boundaries.
    const spans = coders.map((coder) => {
      const mine = segs.filter((s) => s.coder === coder);
      const codes = [...new Set(mine.map((s) => s.code))].sort();
      return codes.flatMap((code) => mergeOverlapping(mine.filter((s) => s.code === code), length).map((span) => ({ ...span, code })));
    });
    const own = spans.map((list) => new Set(list.flatMap((s) => [s.start, s.end])));
    const bounds = [...new Set([0, length, ...own.flatMap((set) => [...set])])].sort((a, b) => a - b);
    const current = new Array<number>(m).fill(-1);
    for (let k = 0; k + 1 < bounds.length; k++) {
      const a = bounds[k]!;
      const b = bounds[k + 1]!;
      if (b <= a) continue;
      const values = spans.map((list) => {
        const codes = list.filter((s) => s.start <= a && s.end >= b).map((s) => s.code);
        return codes.length === 0 ? GAP : codes.join('+');
      });
      const sections = values.map((value, r) => {
        if (current[r] === -1 || own[r]!.has(a)) {
          current[r] = out.sections.length;
          out.sections.push({ value, length: 0, cuShare: 0 });
        }
        const section = out.sections[current[r]!]!;
        section.length += b - a;
        return current[r]!;
      });
      const valued = values.filter((v) => v !== GAP).length;
      values.forEach((v, r) => {
        if (v !== GAP && m > 1) out.sections[sections[r]!]!.cuShare += ((b - a) * (valued - 1)) / (m - 1);
      });
      out.stretches.push({ length: b - a, values, sections });
    }
    for (let r = 0; r < m; r++) current[r] = -1;
  }
  return out;
}

/** Observed coincidences (eq. 32), optionally without the ∅ row and column. */
function observed(st: Continuum, m: number, withGaps: boolean): Map<string, Map<string, number>> {
  const o = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, x: number) => {
    const row = o.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + x);
    o.set(c, row);
  };
  for (const s of st.stretches) {
    const counts = new Map<string, number>();
    for (const v of s.values) if (withGaps || v !== GAP) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [c, nc] of counts) for (const [k, nk] of counts) add(c, k, (s.length * nc * (c === k ? nk - 1 : nk)) / (m - 1));
  }
  return o;
}

/**
 * 1 − D_o/D_e from observed coincidences and the sections' self-pairing corrections (eq. 33),
 * nominal, with the values grouped by `classOf` (identity for uα and cuα; two classes for |uα
 * and per code).
 */
function alphaFrom(o: Map<string, Map<string, number>>, correction: number, classOf: (value: string) => string): number | null {
  const marginals = new Map<string, number>();
  let n = 0;
  let disagreeing = 0;
  for (const [c, row] of o) {
    for (const [k, x] of row) {
      marginals.set(c, (marginals.get(c) ?? 0) + x);
      n += x;
      if (classOf(c) !== classOf(k)) disagreeing += x;
    }
  }
  if (n <= 0) return null;
  let expectedProducts = 0;
  for (const [c, lc] of marginals) for (const [k, lk] of marginals) if (classOf(c) !== classOf(k)) expectedProducts += lc * lk;
  const expected = expectedProducts / (n - correction / n);
  if (!(expected > 0)) return null;
  return 1 - disagreeing / expected;
}

export interface UAlphaFamily {
  u_alpha: number | null;
  binary_u_alpha: number | null;
  cu_alpha: number | null;
  /** Per code: the uα matrices collapsed to this code against everything else. */
  perCode: Map<string, number | null>;
  /** Whether some coder marked a stretch with more than one code. */
  overlapping: boolean;
}

export function uAlphaFamily(segments: readonly UnitSegment[], lengths: ReadonlyMap<string, number>, coders: readonly string[], codes: readonly string[]): UAlphaFamily {
  const m = coders.length;
  const st = continuum(segments, lengths, coders);
  const o = observed(st, m, true);
  const uCorrection = st.sections.reduce((a, s) => a + (s.value === GAP ? s.length : s.length * s.length), 0);
  const cuCorrection = st.sections.reduce((a, s) => a + (s.value === GAP ? 0 : s.cuShare * s.cuShare), 0);
  const identity = (v: string) => v;
  const perCode = new Map(codes.map((code) => [code, alphaFrom(o, uCorrection, (v) => (v !== GAP && v.split('+').includes(code) ? code : GAP))] as const));
  return {
    u_alpha: alphaFrom(o, uCorrection, identity),
    binary_u_alpha: alphaFrom(o, uCorrection, (v) => (v === GAP ? GAP : 'relevant')),
    cu_alpha: alphaFrom(observed(st, m, false), cuCorrection, identity),
    perCode,
    overlapping: st.sections.some((s) => s.value.includes('+')),
  };
}
