// Unitizing agreement (Krippendorff, Mathet, Bouvry & Widlöcher 2016): length-weighted
// coincidences of the coders' valued stretches, gaps included.
import { describe, expect, it } from 'vitest';
import { buildReliabilityData, krippendorffAlpha, noteText, notesInEnglish, overlapMatchRate, seededRandom, unitizingAgreement, type UnitSegment } from '../../../../src/core/agreement';

const seg = (coder: string, code: string, start: number, end: number, document = 'd'): UnitSegment => ({ document, coder, code, start, end });

/** Nominal α with every character a unit — the definition the stretch computation must equal. */
function characterAlpha(segments: UnitSegment[], lengths: Map<string, number>, map: (codes: string[]) => string | null): number | null {
  const coders = [...new Set(segments.map((s) => s.coder))].sort();
  const codings = [];
  for (const [doc, length] of lengths) {
    for (let p = 0; p < length; p++) {
      for (const coder of coders) {
        const codes = [...new Set(segments.filter((s) => s.document === doc && s.coder === coder && s.start <= p && p < s.end).map((s) => s.code))].sort();
        codings.push({ unit: `${doc}:${p}`, coder, value: map(codes) });
      }
    }
  }
  return krippendorffAlpha(buildReliabilityData(codings).data).alpha;
}

describe('uα family', () => {
  it('hand-computed case: A marks [0,4), B marks [2,6) of a 10-character text', () => {
    // Per position (A,B): 0–1 (x,∅), 2–3 (x,x), 4–5 (∅,x), 6–9 (∅,∅).
    // o_xx = 4, o_x∅ = o_∅x = 4, o_∅∅ = 8; n_x = 8, n_∅ = 12, n = 20.
    // α = 1 − (n − 1)·(o_x∅ + o_∅x) / (2·n_x·n_∅) = 1 − 19·8/192 = 0.208333…
    const report = unitizingAgreement([seg('A', 'x', 0, 4), seg('B', 'x', 2, 6)], new Map([['d', 10]]));
    expect(report.u_alpha).toBeCloseTo(1 - 152 / 192, 12);
    expect(report.binary_u_alpha).toBeCloseTo(1 - 152 / 192, 12);
    expect(report.codes).toEqual([{ code: 'x', u_alpha: expect.closeTo(1 - 152 / 192, 12), alpha_u: expect.closeTo(1 - 0.08 / ((0.2 * 184) / 356), 12) }]);
    // α_U by hand (Krippendorff 2004): D_o = (8 + 8)/(2·1·10²) = .08; D_e = (2/10)·(56 + 128)/(20·19 − 24).
    expect(report.alpha_u).toBeCloseTo(0.226087, 5);
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

  it('equals nominal α over single characters, on random data with several documents and coders', () => {
    const random = seededRandom(3);
    const lengths = new Map([['d1', 60], ['d2', 45]]);
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
    const join = (codes: string[]) => (codes.length ? codes.join('+') : '∅');
    expect(r.u_alpha).toBeCloseTo(characterAlpha(segs, lengths, join)!, 10);
    expect(r.binary_u_alpha).toBeCloseTo(characterAlpha(segs, lengths, (c) => (c.length ? 'rel' : '∅'))!, 10);
    expect(r.cu_alpha).toBeCloseTo(characterAlpha(segs, lengths, (c) => (c.length ? c.join('+') : null))!, 10);
    expect(r.codes.find((c) => c.code === 'x')?.u_alpha).toBeCloseTo(characterAlpha(segs, lengths, (c) => (c.includes('x') ? 'x' : '∅'))!, 10);
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
