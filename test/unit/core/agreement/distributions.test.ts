// Student's t quantiles against printed tables (R: qt(p, df); any statistics textbook's t table).
import { describe, expect, it } from 'vitest';
import { logGamma, studentTCdf, studentTQuantile } from '../../../../src/core/agreement/distributions';

describe("Student's t", () => {
  it('quantiles match the t table', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 5);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(studentTQuantile(0.975, 14)).toBeCloseTo(2.144787, 6);
    expect(studentTQuantile(0.975, 99)).toBeCloseTo(1.984217, 6);
    expect(studentTQuantile(0.95, 5)).toBeCloseTo(2.015048, 6);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228139, 6);
  });
  it('the CDF inverts the quantile and is symmetric', () => {
    for (const df of [1, 3, 30, 300]) {
      for (const p of [0.6, 0.9, 0.975, 0.999]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
      expect(studentTCdf(-1.3, df) + studentTCdf(1.3, df)).toBeCloseTo(1, 12);
    }
  });
  it('ln Γ matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 10);
  });
  it('refuses p outside (0, 1) and df ≤ 0', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});
