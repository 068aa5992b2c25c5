// Unitizing agreement: the uα family of Krippendorff (2019) §12.6 (coincidences of the coders'
// sections by the lengths of their intersections, gaps included), α_U and the match rate.
import { describe, expect, it } from 'vitest';
import { noteText, notesInEnglish, overlapMatchRate, seededRandom, unitizingAgreement, type UnitSegment } from '../../../../src/core/agreement';

const seg = (coder: string, code: string, start: number, end: number, document = 'd'): UnitSegment => ({ document, coder, code, start, end });

/**
 * uα, |uα and cuα straight from the equations of Krippendorff (2019) §12.6, position by position
 * and section pair by section pair — slow, and written apart from the stretch computation it
 * checks. A coder's sections: their passages (one code; different codes overlapping give the
 * combined code) and the gaps; touching passages of one code stay two units, overlapping ones
 * are one.
 */
function bookFamily(segments: UnitSegment[], lengths: Map<string, number>) {
  const coders = [...new Set(segments.map((s) => s.coder))].sort();
  const m = coders.length;
  // value[coder][position] and section[coder][position] over the concatenated documents.
  const value: string[][] = coders.map(() => []);
  const section: number[][] = coders.map(() => []);
  let sectionId = 0;
  for (const [doc, length] of lengths) {
    coders.forEach((coder, r) => {
      const mine = segments.filter((s) => s.document === doc && s.coder === coder);
      let previous: string | null = null;
      for (let p = 0; p < length; p++) {
        const codes = [...new Set(mine.filter((s) => s.start <= p && p < s.end).map((s) => s.code))].sort();
        const v = codes.length ? codes.join('+') : '∅';
        // A passage starts or ends here, unless a passage of its code runs on across p.
        const boundary = mine.some((s) => (s.start === p || s.end === p) && !mine.some((t) => t.code === s.code && t.start < p && t.end > p));
        if (p === 0 || boundary || v !== previous) sectionId++;
        value[r]!.push(v);
        section[r]!.push(sectionId);
        previous = v;
      }
    });
  }
  const total = value[0]!.length;
  const matrix = (keep: (v: string) => boolean) => {
    const l = new Map<string, number>();
    for (let p = 0; p < total; p++) for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
      if (i === j || !keep(value[i]![p]!) || !keep(value[j]![p]!)) continue;
      const key = `${value[i]![p]}|${value[j]![p]}`;
      l.set(key, (l.get(key) ?? 0) + 1 / (m - 1));
    }
    return l;
  };
  const alpha = (l: Map<string, number>, correction: number, cls: (v: string) => string) => {
    const marg = new Map<string, number>();
    let n = 0;
    let dO = 0;
    for (const [key, x] of l) {
      const [c, k] = key.split('|') as [string, string];
      marg.set(c, (marg.get(c) ?? 0) + x);
      n += x;
      if (cls(c) !== cls(k)) dO += x;
    }
    let dE = 0;
    for (const [c, lc] of marg) for (const [k, lk] of marg) if (cls(c) !== cls(k)) dE += (lc * lk) / (n - correction / n);
    return 1 - dO / dE;
  };
  // Corrections: a unit's share squared, a gap's length.
  let uCorrection = 0;
  let cuCorrection = 0;
  for (let r = 0; r < m; r++) {
    const ids = [...new Set(section[r])];
    for (const id of ids) {
      const positions = [...Array(total).keys()].filter((p) => section[r]![p] === id);
      const v = value[r]![positions[0]!]!;
      if (v === '∅') uCorrection += positions.length;
      else {
        uCorrection += positions.length ** 2;
        const share = positions.reduce((a, p) => a + coders.filter((_, j) => j !== r && value[j]![p] !== '∅').length / (m - 1), 0);
        cuCorrection += share ** 2;
      }
    }
  }
  const all = matrix(() => true);
  return {
    u: alpha(all, uCorrection, (v) => v),
    binary: alpha(all, uCorrection, (v) => (v === '∅' ? '∅' : 'relevant')),
    cu: alpha(matrix((v) => v !== '∅'), cuCorrection, (v) => v),
    code: (code: string) => alpha(all, uCorrection, (v) => (v.split('+').includes(code) ? code : '∅')),
  };
}

/**
 * The worked example of Krippendorff (2019), Content Analysis, 4th ed., §12.6, Figure 12.11
 * (p. 340): observers Alex, Paul and Suzan unitize and code a continuum of 60 positions with the
 * values 1–7. The book's positions are 1-based and inclusive; here [start − 1, end). The book does
 * not ship as data: the sections are as transcribed from the figure in the tests of the R
 * package quallmer (tests/testthat/test-alpha_u.R), which checks the same three results.
 */
const BOOK: [string, number, number, string][] = [
  ['Alex', 1, 7, '1'], ['Alex', 8, 13, '2'], ['Alex', 31, 32, '5'], ['Alex', 33, 37, '6'], ['Alex', 38, 44, '6'], ['Alex', 45, 60, '7'],
  ['Paul', 1, 7, '1'], ['Paul', 8, 13, '3'], ['Paul', 14, 21, '5'], ['Paul', 33, 44, '6'],
  ['Suzan', 1, 7, '1'], ['Suzan', 8, 13, '4'], ['Suzan', 14, 21, '5'], ['Suzan', 33, 37, '6'], ['Suzan', 38, 41, '6'], ['Suzan', 42, 44, '6'],
];

describe('uα family', () => {
  it("reproduces the book's worked example: uα = .510, |uα = .413, cuα = .724", () => {
    // Expected values: Krippendorff (2019) §12.6, the results printed for Figure 12.11. The old
    // computation (every position a unit of nominal α) gave uα .497, |uα .399 and cuα .705.
    const segs = BOOK.map(([coder, start, end, code]) => seg(coder, code, start - 1, end));
    const r = unitizingAgreement(segs, new Map([['d', 60]]));
    expect(r.u_alpha!.toFixed(3)).toBe('0.510');
    // |uα: eq. 35 on these data is 1 − 52 / (2·71·109 / (180 − 982/180)) = 0.41360; the book prints
    // .413, having rounded its expected coincidences (e_∅R = 44.338 → 44.3 gives 0.4131).
    expect(r.binary_u_alpha).toBeCloseTo(1 - 52 / ((2 * 71 * 109) / (180 - 982 / 180)), 12);
    expect(Math.abs(r.binary_u_alpha! - 0.413)).toBeLessThan(0.001);
    expect(r.cu_alpha!.toFixed(3)).toBe('0.724');
    // By hand from eqs. 32–37: the cuα matrix has l·· = 83 with 18 off the diagonal, Σ l_c·l_k
    // (c ≠ k) = 83² − (21² + 8² + 36² + 3·6²) = 4980 and units' shares² 159 + 245 + 151 = 555
    // (Paul's and Suzan's 5 meet one of two other coders: share 8/2 = 4), so
    // cuα = 1 − 18 / (4980 / (83 − 555/83)).
    expect(r.cu_alpha).toBeCloseTo(1 - 18 / (4980 / (83 - 555 / 83)), 12);
    expect(r.coders).toEqual(['Alex', 'Paul', 'Suzan']);
  });

  it('hand-computed case: A marks [0,4), B marks [2,6) of a 10-character text', () => {
    // Sections: A x[0,4) ∅[4,10); B ∅[0,2) x[2,6) ∅[6,10). Eq. 32: l_xx = 4, l_x∅ = l_∅x = 4,
    // l_∅∅ = 8; l_x = 8, l_∅ = 12, l·· = 20. Eq. 33 corrections: units 4² + 4², gaps 6 + 2 + 4:
    // 44. uα = 1 − 8 / (2·8·12 / (20 − 44/20)) = 0.258427…
    const report = unitizingAgreement([seg('A', 'x', 0, 4), seg('B', 'x', 2, 6)], new Map([['d', 10]]));
    const expected = 1 - 8 / ((2 * 8 * 12) / (20 - 44 / 20));
    expect(report.u_alpha).toBeCloseTo(expected, 12);
    expect(report.binary_u_alpha).toBeCloseTo(expected, 12);
    // cuα: only [2,4) is marked by both; each unit's share is 2, so l·· = 4, all of it x: no variation.
    expect(report.cu_alpha).toBeNull();
    expect(report.codes).toEqual([{ code: 'x', u_alpha: expect.closeTo(expected, 12), alpha_u: expect.closeTo(1 - 0.08 / ((0.2 * 184) / 356), 12) }]);
    // α_U by hand (Krippendorff 2004): D_o = (8 + 8)/(2·1·10²) = .08; D_e = (2/10)·(56 + 128)/(20·19 − 24).
    expect(report.alpha_u).toBeCloseTo(0.226087, 5);
  });

  it('keeps touching passages of one code as two units, and merges overlapping ones', () => {
    // Same positions marked; only the unit structure differs, and with it eq. 33's correction.
    const lengths = new Map([['d', 20]]);
    const one = unitizingAgreement([seg('A', 'x', 0, 10), seg('B', 'x', 0, 10), seg('B', 'y', 12, 14)], lengths).u_alpha;
    const split = unitizingAgreement([seg('A', 'x', 0, 5), seg('A', 'x', 5, 10), seg('B', 'x', 0, 10), seg('B', 'y', 12, 14)], lengths).u_alpha;
    const overlapping = unitizingAgreement([seg('A', 'x', 0, 7), seg('A', 'x', 3, 10), seg('B', 'x', 0, 10), seg('B', 'y', 12, 14)], lengths).u_alpha;
    expect(split).not.toBeCloseTo(one!, 6);
    expect(overlapping).toBeCloseTo(one!, 12);
  });

  it('is 1 for identical segmentations and codes', () => {
    const segs = [seg('A', 'LVM', 3, 9), seg('B', 'LVM', 3, 9), seg('A', 'SIP', 20, 30), seg('B', 'SIP', 20, 30)];
    const r = unitizingAgreement(segs, new Map([['d', 50]]));
    expect([r.u_alpha, r.binary_u_alpha, r.cu_alpha, r.alpha_u]).toEqual([1, 1, 1, 1]);
    expect(r.match.rate).toBe(1);
  });

  it('separates where from what: same stretches, different codes → |uα = 1, cuα < 0', () => {
    const r = unitizingAgreement([seg('A', 'LVM', 0, 10), seg('B', 'SIP', 0, 10), seg('A', 'SIP', 20, 30), seg('B', 'LVM', 20, 30)], new Map([['d', 40]]));
    expect(r.binary_u_alpha).toBe(1);
    expect(r.cu_alpha).toBeLessThan(0);
    expect(r.match.rate).toBe(0);
  });

  it('equals the equations computed position by position, on random data with several documents and coders', () => {
    const random = seededRandom(3);
    const lengths = new Map([['d1', 60], ['d2', 45]]);
    for (let trial = 0; trial < 5; trial++) {
      const segs: UnitSegment[] = [];
      for (const coder of ['A', 'B', 'C']) {
        for (const [doc, length] of lengths) {
          for (let k = 0; k < 4; k++) {
            const start = Math.floor(random() * (length - 5));
            segs.push(seg(coder, random() < 0.5 ? 'x' : 'y', start, start + 1 + Math.floor(random() * 10), doc));
          }
        }
      }
      const r = unitizingAgreement(segs, lengths);
      const book = bookFamily(segs, lengths);
      expect(r.u_alpha).toBeCloseTo(book.u, 10);
      expect(r.binary_u_alpha).toBeCloseTo(book.binary, 10);
      expect(r.cu_alpha).toBeCloseTo(book.cu, 10);
      expect(r.codes.find((c) => c.code === 'x')?.u_alpha).toBeCloseTo(book.code('x'), 10);
    }
    // The reference itself reproduces the book.
    const bookSegs = BOOK.map(([coder, start, end, code]) => seg(coder, code, start - 1, end));
    expect(bookFamily(bookSegs, new Map([['d', 60]])).u.toFixed(3)).toBe('0.510');
  });

  it('does not change when everything moves along the text, or coders are renamed', () => {
    const segs = [seg('A', 'x', 0, 4), seg('B', 'x', 2, 6), seg('A', 'y', 7, 9)];
    const base = unitizingAgreement(segs, new Map([['d', 10]])).u_alpha;
    const moved = unitizingAgreement(segs.map((s) => ({ ...s, start: s.start + 100, end: s.end + 100 })), new Map([['d', 110]])).u_alpha;
    // Moving adds 100 positions of shared gap, which changes expected disagreement: compare with the same padding.
    const padded = unitizingAgreement(segs, new Map([['d', 110]])).u_alpha;
    expect(moved).toBeCloseTo(padded!, 12);
    const renamed = unitizingAgreement(segs.map((s) => ({ ...s, coder: s.coder === 'A' ? 'Z' : 'Y' })), new Map([['d', 10]])).u_alpha;
    expect(renamed).toBeCloseTo(base!, 12);
  });

  it('gives null with a note for one coder', () => {
    const r = unitizingAgreement([seg('A', 'x', 0, 4)], new Map([['d', 10]]));
    expect(r.u_alpha).toBeNull();
    expect(r.notes).toEqual([{ code: 'one-coder' }]);
    expect(notesInEnglish(r.notes)).toEqual(['only one coder: agreement needs at least two']);
    expect(noteText(r.notes[0]!, 'sv')).toBe('bara en kodare: överensstämmelse kräver minst två kodare');
  });
});

describe('overlapMatchRate', () => {
  it('matches same-code segments overlapping at least the threshold of the longer one, one to one', () => {
    const segs = [seg('A', 'x', 0, 10), seg('B', 'x', 4, 12), seg('A', 'x', 20, 30), seg('B', 'x', 28, 40), seg('B', 'y', 0, 10)];
    // Pair 1: overlap 6 of 10 → match at 50 %; pair 2: overlap 2 of 12 → no match.
    expect(overlapMatchRate(segs, 0.5)).toEqual({ matched: 2, unmatched: 3, rate: 2 / 5, threshold: 0.5 });
    expect(overlapMatchRate(segs, 0.7).matched).toBe(0);
  });
});
