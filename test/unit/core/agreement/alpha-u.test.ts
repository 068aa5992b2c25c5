// Krippendorff's α_U (1995/2004) against his published worked examples.
import { describe, expect, it } from 'vitest';
import { krippendorffAlphaU } from '../../../../src/core/agreement/unitizing-alpha-u';
import type { UnitSegment } from '../../../../src/core/agreement';

const unit = (coder: string, code: string, start: number, length: number, document = 'd'): UnitSegment => ({ document, coder, code, start, end: start + length });

// The example data and expected values of Krippendorff (2004, p. 254) and (1995, p. 57) as
// reproduced in the test suite of DKPro Statistics (Meyer et al. 2014); read, not copied as code.
describe('α_U — Krippendorff (2004), Content Analysis, p. 254', () => {
  // Continuum 150–450 (length 300) shifted to 0–300; two coders, categories c and k.
  const o = 150;
  const segments = [
    unit('i', 'c', 225 - o, 70), unit('i', 'c', 370 - o, 30), unit('j', 'c', 220 - o, 80), unit('j', 'c', 355 - o, 20), unit('j', 'c', 400 - o, 20),
    unit('i', 'k', 180 - o, 60), unit('i', 'k', 300 - o, 50), unit('j', 'k', 180 - o, 60), unit('j', 'k', 300 - o, 50),
  ];
  const result = krippendorffAlphaU(segments, new Map([['d', 300]]), ['i', 'j']);

  it('category c: D_o = .0144, D_e = .0532, α_c = .7286', () => {
    const c = result.categories.find((x) => x.code === 'c')!;
    // D_o by hand: δ² = 50 + 850 + 400 for each ordered coder pair → 2600 / (2·1·300²) = .014444.
    expect(c.observed).toBeCloseTo(2600 / 180000, 10);
    expect(c.expected).toBeCloseTo(0.0532, 4);
    expect(c.alpha).toBeCloseTo(0.7286, 3);
  });

  it('category k: D_o = 0, D_e = .0490, α_k = 1; overall α_U = .8591', () => {
    const k = result.categories.find((x) => x.code === 'k')!;
    expect(k.observed).toBe(0);
    expect(k.expected).toBeCloseTo(0.049, 4);
    expect(k.alpha).toBe(1);
    expect(result.alpha).toBeCloseTo(0.8591, 3);
  });
});

describe('α_U — Krippendorff (1995), p. 57 (24 positions, stretched ×50,000 as the large-sample limit)', () => {
  function example(stretch: number): UnitSegment[] {
    const s = (coder: string, code: string, b: number, l: number) => unit(coder, code, Math.trunc(b * stretch), Math.trunc(l * stretch));
    return [
      s('0', 'A', 2, 8), s('0', 'A', 14, 6), s('1', 'A', 4, 4), s('1', 'A', 15, 2),
      s('0', 'B', 0, 18), s('1', 'B', 0, 2), s('1', 'B', 2, 1), s('1', 'B', 3, 1), s('1', 'B', 4, 1), s('1', 'B', 5, 1), s('1', 'B', 6, 3), s('1', 'B', 9, 1),
      s('0', 'C', 2, 6), s('0', 'C', 10, 2), s('0', 'C', 14, 4), s('0', 'C', 20, 2), s('1', 'C', 0, 2), s('1', 'C', 4, 4), s('1', 'C', 10, 4), s('1', 'C', 16, 2), s('1', 'C', 20, 2),
      s('0', 'D', 0, 2), s('0', 'D', 2, 8), s('0', 'D', 10, 4), s('0', 'D', 14, 6), s('0', 'D', 20, 4), s('1', 'D', 0, 4), s('1', 'D', 4, 4), s('1', 'D', 8, 7), s('1', 'D', 15, 2), s('1', 'D', 17, 7),
    ];
  }

  it('observed disagreements .03125 (A), 2.26736 (B), .02777 (C), .38715 (D)', () => {
    const r = krippendorffAlphaU(example(1), new Map([['d', 24]]), ['0', '1']);
    const observed = Object.fromEntries(r.categories.map((c) => [c.code, c.observed]));
    expect(observed.A).toBeCloseTo(0.03125, 5);
    expect(observed.B).toBeCloseTo(2.26736, 4);
    expect(observed.C).toBeCloseTo(0.02777, 4);
    expect(observed.D).toBeCloseTo(0.38715, 4);
  });

  it('category α: A .553, B −.926, C .679, D .066 (within .02, as the paper\'s D_e has a small error)', () => {
    const stretch = 1_200_000 / 24;
    const r = krippendorffAlphaU(example(stretch), new Map([['d', 24 * stretch]]), ['0', '1']);
    const alpha = Object.fromEntries(r.categories.map((c) => [c.code, c.alpha]));
    expect(Math.abs(alpha.A! - 0.553)).toBeLessThan(0.02);
    expect(Math.abs(alpha.B! + 0.926)).toBeLessThan(0.02);
    expect(Math.abs(alpha.C! - 0.679)).toBeLessThan(0.02);
    expect(Math.abs(alpha.D! - 0.066)).toBeLessThan(0.02);
  });
});
