// The agreement report: κ and π from each variable's own two coders (not the file's first two
// coder columns), numeric spellings as one category, pairable values as a whole number, κ's
// Wald interval and value-based weights.
import { describe, expect, it } from 'vitest';
import { agreementReport, type LongCoding } from '../../../../src/core/agreement';

const rows = (text: string): LongCoding[] =>
  text
    .trim()
    .split('\n')
    .map((line) => {
      const [document, coder, variable, value] = line.split(',') as [string, string, string, string];
      return { document, coder, variable, value };
    });

describe('agreementReport', () => {
  it('takes κ and π from the two coders of the variable (issue 14: v2 by B and C in a file whose first coders are A and B)', () => {
    const report = agreementReport(
      rows(`d1,A,v1,1\nd1,B,v1,1\nd2,A,v1,2\nd2,B,v1,2\nd1,B,v2,1\nd1,C,v2,1\nd2,B,v2,2\nd2,C,v2,2\nd3,B,v2,1\nd3,C,v2,2`),
    );
    const v2 = report.variables.find((r) => r.variable === 'v2')!;
    // By hand: B = 1,2,1; C = 1,2,2. p_o = 2/3; Cohen p_e = 2/3·1/3 + 1/3·2/3 = 4/9 → κ = (2/9)/(5/9) = 0.4
    // (scikit-learn cohen_kappa_score gives 0.4); Scott p_e = ½² + ½² → π = (2/3 − ½)/½ = 1/3 (irrCAC scott2.raw).
    expect(v2.coders).toBe(2);
    expect(v2.cohen_kappa).toBeCloseTo(0.4, 12);
    expect(v2.scott_pi).toBeCloseTo(1 / 3, 12);
    expect(v2.notes).not.toContainEqual({ code: 'cohen-no-shared-units' });
    expect(v2.confusion).toEqual([
      [1, 1],
      [0, 1],
    ]);
    const v1 = report.variables.find((r) => r.variable === 'v1')!;
    expect(v1.cohen_kappa).toBe(1);
  });

  it('reads "1", "1.0" and "01" of a numeric variable as one category', () => {
    const report = agreementReport(rows(`d1,A,x,1\nd1,B,x,1.0\nd2,A,x,2\nd2,B,x,02\nd3,A,x,1\nd3,B,x,2`));
    const x = report.variables[0]!;
    // As numbers: A = 1,2,1; B = 1,2,2 — the v2 case above: κ 0.4.
    expect(x.categories.map((c) => c.category)).toEqual(['1', '2']);
    expect(x.cohen_kappa).toBeCloseTo(0.4, 12);
    expect(x.percent_agreement).toBeCloseTo(2 / 3, 12);
  });

  it('keeps label spellings apart when a variable is not numeric', () => {
    const report = agreementReport(rows(`d1,A,x,Ja\nd1,B,x,ja\nd2,A,x,Nej\nd2,B,x,Nej`));
    expect(report.variables[0]!.categories.map((c) => c.category)).toEqual(['Ja', 'ja', 'Nej']);
  });

  it('counts pairable values as a whole number, also at the ordinal level (the coincidence sum is a float)', () => {
    // 3 coders on 3 units, one value missing on the last: 3 + 3 + 2 pairable values.
    const data = rows(`u1,A,x,1\nu1,B,x,2\nu1,C,x,3\nu2,A,x,1\nu2,B,x,1\nu2,C,x,3\nu3,A,x,2\nu3,B,x,3`);
    for (const level of ['nominal', 'ordinal', 'interval'] as const) {
      const row = agreementReport(data, { level }).variables[0]!;
      expect(row.pairable_values).toBe(8);
      expect(Number.isInteger(row.pairable_values)).toBe(true);
    }
  });

  it("gives κ's 95% CI as κ ± 1.959964·ASE (SAS PROC FREQ, statsmodels), not with t", () => {
    const data = rows(`d1,A,x,a\nd1,B,x,a\nd2,A,x,b\nd2,B,x,b\nd3,A,x,a\nd3,B,x,b\nd4,A,x,b\nd4,B,x,b\nd5,A,x,a\nd5,B,x,a`);
    const row = agreementReport(data).variables[0]!;
    // By hand: A = a,b,a,b,a; B = a,b,b,b,a. p_o = .8, p_e = .6·.4 + .4·.6 = .48, κ = .32/.52.
    const kappa = 0.32 / 0.52;
    expect(row.cohen_kappa).toBeCloseTo(kappa, 12);
    const [lo, hi] = row.ci95.cohen_kappa!;
    expect((lo + hi) / 2).toBeLessThanOrEqual(kappa + 1e-12);
    expect(hi).toBe(1); // clipped
    expect(kappa - lo).toBeGreaterThan(0);
  });

  it('weights κ by the values (irrCAC) or by their ranks (scikit-learn)', () => {
    // Codes 1, 2, 10: ranks put 2 midway, values put it near 1.
    const data = rows(`d1,A,x,1\nd1,B,x,2\nd2,A,x,2\nd2,B,x,10\nd3,A,x,10\nd3,B,x,10\nd4,A,x,1\nd4,B,x,1`);
    const rank = agreementReport(data, { weights: 'linear' }).variables[0]!;
    const value = agreementReport(data, { weights: 'linear', weightScale: 'value' }).variables[0]!;
    // By hand, value-based linear weights w = 1 − |x − y|/9: w(1,2) = 8/9, w(2,10) = 1/9, w(1,10) = 0.
    // p_o = (8/9 + 1/9 + 1 + 1)/4 = .75; marginals A (1: .5, 2: .25, 10: .25), B (1: .25, 2: .25, 10: .5);
    // p_e = Σ w_kl a_k b_l = .5(.25 + .25·8/9) + .25(.25·8/9 + .25 + .5/9) + .25(.25/9 + .5) = 0.5625.
    const pe = 0.5 * (0.25 + (0.25 * 8) / 9) + 0.25 * ((0.25 * 8) / 9 + 0.25 + 0.5 / 9) + 0.25 * (0.25 / 9 + 0.5);
    expect(value.cohen_kappa).toBeCloseTo((0.75 - pe) / (1 - pe), 12);
    // Rank-based: w(1,2) = w(2,10) = .5, w(1,10) = 0: p_o = (.5 + .5 + 1 + 1)/4 = .75, p_e = .5(.25 + .125) + .25(.125 + .25 + .25) + .25(.125 + .5).
    const peRank = 0.5 * (0.25 + 0.125) + 0.25 * (0.125 + 0.25 + 0.25) + 0.25 * (0.125 + 0.5);
    expect(rank.cohen_kappa).toBeCloseTo((0.75 - peRank) / (1 - peRank), 12);
  });

  it('refuses value-based weights for labels, with a note', () => {
    const row = agreementReport(rows(`d1,A,x,Ja\nd1,B,x,Nej\nd2,A,x,Nej\nd2,B,x,Nej`), { weights: 'linear', weightScale: 'value' }).variables[0]!;
    expect(row.cohen_kappa).toBeNull();
    expect(row.notes).toContainEqual({ code: 'kappa-weights-need-numbers' });
  });
});
