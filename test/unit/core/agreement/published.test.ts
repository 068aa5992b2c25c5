// Agreement coefficients against published worked examples. Each expected value names its source.
import { describe, expect, it } from 'vitest';
import {
  buildReliabilityData,
  categoryAgreement,
  cohenKappa,
  fleissKappaNullSE,
  krippendorffAlpha,
  multiCoderAgreement,
  scottPi,
  scottPiWithPrecision,
  type TwoCoderTable,
} from '../../../../src/core/agreement';

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 coders × 12 units
 * example with missing values (rows = coders A–D, columns = units 1–12, null = missing).
 */
const K2011: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

function fromCoderRows(rows: (number | string | null)[][], categoryOrder?: string[]) {
  const codings = rows.flatMap((row, c) => row.map((v, u) => ({ unit: `u${u}`, coder: `c${c}`, value: v === null ? null : String(v) })));
  return buildReliabilityData(codings, { categoryOrder }).data;
}

describe("Krippendorff's α — Krippendorff (2011)", () => {
  const data = fromCoderRows(K2011, ['1', '2', '3', '4', '5']);
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('4 coders × 12 units, %s: α = %s', (level, expected) => {
    const result = krippendorffAlpha(data, level);
    expect(result.alpha).toBeCloseTo(expected, 3);
    // Unit 12 has a single value and is not pairable: n = 40 pairable values, as in the paper.
    expect(result.pairableValues).toBe(40);
  });

  it('nominal α to six decimals matches the fast-krippendorff peer (0.743421, peers/README)', () => {
    expect(krippendorffAlpha(data, 'nominal').alpha).toBeCloseTo(0.743421, 6);
  });

  it('binary data, 2 coders × 10 units: α = 0.095 (Krippendorff 2011, section C)', () => {
    const binary = fromCoderRows([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(krippendorffAlpha(binary, 'nominal').alpha).toBeCloseTo(0.095, 3);
  });
});

describe("Cohen's κ — Cohen (1960), Table 1", () => {
  // 200 subjects, 3 categories: p_o = .70, p_e = .41, κ = .492.
  const table: TwoCoderTable = { q: 3, n: 200, counts: Float64Array.from([88, 14, 18, 10, 40, 10, 2, 6, 12]) };
  it('κ = (.70 − .41)/(1 − .41) = .492', () => {
    expect(cohenKappa(table).value).toBeCloseTo(0.4915, 4);
  });
  it('the 95% CI is κ ± z(.975)·ASE (z = 1.959964, R qnorm(.975); SAS PROC FREQ and statsmodels) and the SE is positive and small for n = 200', () => {
    const k = cohenKappa(table);
    expect(k.se).toBeGreaterThan(0.04);
    expect(k.se).toBeLessThan(0.07);
    expect(k.ci95![1] - k.value!).toBeCloseTo(1.959964 * k.se!, 6);
    expect(k.value! - k.ci95![0]).toBeCloseTo(1.959964 * k.se!, 6);
  });
  it('weights change nothing for two categories', () => {
    const two: TwoCoderTable = { q: 2, n: 100, counts: Float64Array.from([40, 10, 20, 30]) };
    expect(cohenKappa(two, 'linear').value).toBeCloseTo(cohenKappa(two).value!, 12);
    expect(cohenKappa(two, 'quadratic').value).toBeCloseTo(cohenKappa(two).value!, 12);
  });
});

describe("Fleiss' κ — Fleiss (1971), Table 1 (30 patients × 6 psychiatrists)", () => {
  // The diagnoses data as distributed with the R package irr (diagnoses), categories 1–5:
  // depression, personality disorder, schizophrenia, neurosis, other.
  const rows = [
    '444444', '222555', '233335', '555555', '222444', '113333', '333355', '113334', '114444', '555555',
    '144444', '124444', '222333', '144444', '224445', '333335', '111455', '111112', '224444', '133555',
    '555555', '244444', '224555', '114444', '144445', '222224', '111155', '224444', '133333', '555555',
  ];
  const byCoder = Array.from({ length: 6 }, (_, c) => rows.map((r) => Number(r[c])));
  const data = fromCoderRows(byCoder, ['1', '2', '3', '4', '5']);

  it('κ = .430 (Fleiss 1971, p. 381)', () => {
    expect(multiCoderAgreement(data).fleissKappa).toBeCloseTo(0.43, 3);
  });
  it('z = κ / SE₀ = 17.7 (Fleiss, Nee & Landis 1979 null SE; irr::kappam.fleiss)', () => {
    const kappa = multiCoderAgreement(data).fleissKappa!;
    expect(kappa / fleissKappaNullSE(data)!).toBeCloseTo(17.7, 1);
  });
  it('category κ = .245, .245, .520, .471, .566 (Fleiss 1971, Table 2; irr::kappam.fleiss detail)', () => {
    const kappas = categoryAgreement(data).map((c) => c.kappa);
    [0.245, 0.245, 0.52, 0.471, 0.566].forEach((expected, i) => expect(kappas[i]).toBeCloseTo(expected, 3));
  });
});

describe("Gwet's AC1 — the kappa paradox with high agreement (hand-computed)", () => {
  // A high-agreement 2 × 2 table of the kind Gwet (2008) uses to show the kappa paradox: 125
  // units, (+,+) = 118, (+,−) = 5, (−,+) = 2, (−,−) = 0. Expected values computed by hand from
  // Gwet's (2008) AC1 formula and Cohen's κ:
  // p_a = 118/125 = .944; κ: p_e = .984·.960 + .016·.040 = .94528 → κ = −.0234;
  // AC1: π₊ = (.984 + .960)/2 = .972, p_e = 2·.972·.028 = .054432 → AC1 = .9408.
  const rows = [
    [...Array(118).fill('+'), ...Array(5).fill('+'), ...Array(2).fill('-')],
    [...Array(118).fill('+'), ...Array(5).fill('-'), ...Array(2).fill('+')],
  ];
  const data = fromCoderRows(rows, ['+', '-']);
  it('AC1 = .941 where κ = −.023', () => {
    const multi = multiCoderAgreement(data);
    expect(multi.percentAgreement).toBeCloseTo(0.944, 6);
    expect(multi.gwetAc1).toBeCloseTo(0.9408, 4);
    const table: TwoCoderTable = { q: 2, n: 125, counts: Float64Array.from([118, 5, 2, 0]) };
    expect(cohenKappa(table).value).toBeCloseTo(-0.0234, 4);
    // Brennan–Prediger with q = 2: (.944 − .5)/.5 = .888.
    expect(multi.brennanPrediger).toBeCloseTo(0.888, 6);
  });
  it("Scott's π equals Fleiss' κ for two coders with complete data (Fleiss 1971 generalises π)", () => {
    const table: TwoCoderTable = { q: 2, n: 125, counts: Float64Array.from([118, 5, 2, 0]) };
    expect(scottPi(table)).toBeCloseTo(multiCoderAgreement(data).fleissKappa!, 12);
  });
});

describe('Gwet (2014), Handbook of Inter-Rater Reliability — the cont3x3abstractors example of his irrCAC package', () => {
  // 100 pregnant women classified by two abstractors (Ectopic, AIU, NIU). Published values
  // (irrCAC vignette "Calculating Chance-corrected Agreement Coefficients", Gwet):
  // κ = 0.7964094 (SE 0.05891072), π = 0.7962397, AC1 = 0.8493305, BP = 0.835,
  // Krippendorff's α = 0.7972585, percent agreement = 0.89.
  const counts = [13, 0, 0, 0, 20, 7, 0, 4, 56];
  const table: TwoCoderTable = { q: 3, n: 100, counts: Float64Array.from(counts) };
  const codings: { unit: string; coder: string; value: string }[] = [];
  let unit = 0;
  counts.forEach((n, cell) => {
    for (let k = 0; k < n; k++, unit++) {
      codings.push({ unit: `u${unit}`, coder: 'A', value: String(Math.floor(cell / 3)) });
      codings.push({ unit: `u${unit}`, coder: 'B', value: String(cell % 3) });
    }
  });
  const data = buildReliabilityData(codings, { categoryOrder: ['0', '1', '2'] }).data;

  it("Cohen's κ and its standard error (the Fleiss–Cohen–Everitt variance)", () => {
    const k = cohenKappa(table);
    expect(k.value).toBeCloseTo(0.7964094, 7);
    expect(k.se).toBeCloseTo(0.05891072, 8);
  });
  it("Scott's π, Gwet's AC1, Brennan–Prediger, α and percent agreement", () => {
    expect(scottPi(table)).toBeCloseTo(0.7962397, 7);
    const multi = multiCoderAgreement(data);
    expect(multi.gwetAc1).toBeCloseTo(0.8493305, 7);
    expect(multi.brennanPrediger).toBeCloseTo(0.835, 12);
    expect(multi.percentAgreement).toBeCloseTo(0.89, 12);
    expect(krippendorffAlpha(data).alpha).toBeCloseTo(0.7972585, 7);
  });
  // Standard errors and intervals, same vignette (two-rater *.table functions, n = 100, intervals
  // from t(.975; 99)): π SE 0.05905473 (0.679, 0.913); AC1 SE 0.04321747; BP SE 0.04693346;
  // percent agreement SE 0.03128898. κ's interval is the Wald one of SAS PROC FREQ and statsmodels,
  // 0.7964094 ± 1.959964 × 0.05891072 = (0.681, 0.912) (irrCAC's kappa2.table, with t(99), prints (0.68, 0.913)).
  it("Scott's π: standard error and 95% CI as scott2.table; κ's CI as SAS PROC FREQ", () => {
    const pi = scottPiWithPrecision(table);
    expect(pi.value).toBeCloseTo(0.7962397, 7);
    expect(pi.precision!.se).toBeCloseTo(0.05905473, 8);
    expect(pi.precision!.ci95.map((x) => x.toFixed(3))).toEqual(['0.679', '0.913']);
    expect(cohenKappa(table).ci95!.map((x) => x.toFixed(3))).toEqual(['0.681', '0.912']);
  });
  it('AC1, BP and percent agreement: the multi-rater (raw-data) variance is the two-rater one × n/(n − 1)', () => {
    // With complete data the unit contributions are the same; the raw-data functions divide their
    // sum of squares by n(n − 1), the table functions by n². So SE_raw·√((n − 1)/n) = SE_table.
    const { precision } = multiCoderAgreement(data);
    const toTable = Math.sqrt(99 / 100);
    expect(precision.gwetAc1!.se * toTable).toBeCloseTo(0.04321747, 8);
    expect(precision.brennanPrediger!.se * toTable).toBeCloseTo(0.04693346, 8);
    expect(precision.percentAgreement!.se * toTable).toBeCloseTo(0.03128898, 8);
  });
});

describe('Gwet (2014) / irrCAC README — cac.raw4raters (12 subjects × 4 raters, missing ratings)', () => {
  // The same ratings as Krippendorff (2011) above (subject 12's single rating sits with another
  // rater, which changes nothing here). irrCAC's gwet.ac1.raw, fleiss.kappa.raw, bp.coeff.raw and
  // pa.coeff.raw print: p_a = 0.8181818; AC1 0.77544 (SE 0.14295, CI (0.461, 1), p_e 0.1903212);
  // Fleiss' κ 0.76117 (SE 0.15302, CI (0.424, 1), p_e 0.2387153); BP 0.77273 (SE 0.14472,
  // CI (0.454, 1)); percent agreement SE 0.12561 (CI (0.542, 1)). Subject 12, rated once, counts
  // in the category proportions: that is why p_e differs from α's.
  const data = fromCoderRows(K2011);
  const multi = multiCoderAgreement(data);
  it('coefficients', () => {
    expect(multi.percentAgreement).toBeCloseTo(0.8181818, 7);
    expect(multi.gwetAc1).toBeCloseTo(0.77544, 5);
    expect(multi.fleissKappa).toBeCloseTo(0.76117, 5);
    expect(multi.brennanPrediger).toBeCloseTo(0.77273, 5);
    expect(multi.ratedUnits).toBe(12);
    expect(multi.pairableUnits).toBe(11);
  });
  it('standard errors and 95% CIs', () => {
    const p = multi.precision;
    expect(p.gwetAc1!.se).toBeCloseTo(0.14295, 5);
    expect(p.fleissKappa!.se).toBeCloseTo(0.15302, 5);
    expect(p.brennanPrediger!.se).toBeCloseTo(0.14472, 5);
    expect(p.percentAgreement!.se).toBeCloseTo(0.12561, 5);
    expect(p.gwetAc1!.ci95.map((x) => x.toFixed(3))).toEqual(['0.461', '1.000']);
    expect(p.fleissKappa!.ci95.map((x) => x.toFixed(3))).toEqual(['0.424', '1.000']);
    expect(p.brennanPrediger!.ci95.map((x) => x.toFixed(3))).toEqual(['0.454', '1.000']);
    expect(p.percentAgreement!.ci95.map((x) => x.toFixed(3))).toEqual(['0.542', '1.000']);
  });
});

describe('Gwet (2014) / irrCAC README — distrib.6raters (15 subjects × 6 raters, 5 categories)', () => {
  // Raters per subject and category (Depression, Personality disorder, Schizophrenia, Neurosis,
  // Other). irrCAC prints: AC1 0.4448007 (SE 0.08418757, CI (0.264, 0.625)); Fleiss' κ 0.4139265
  // (SE 0.08119291, CI (0.24, 0.588)); BP 0.4388889 (SE 0.08312142, CI (0.261, 0.617)); p_a 0.5511111.
  const distribution = [
    [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
  ];
  const codings = distribution.flatMap((row, u) => row.flatMap((count, k) => Array.from({ length: count }, () => String(k))).map((value, r) => ({ unit: `s${u}`, coder: `r${r}`, value })));
  const multi = multiCoderAgreement(buildReliabilityData(codings, { categoryOrder: ['0', '1', '2', '3', '4'] }).data);
  it('coefficients, standard errors and t(14) intervals', () => {
    expect(multi.percentAgreement).toBeCloseTo(0.5511111, 7);
    expect(multi.gwetAc1).toBeCloseTo(0.4448007, 7);
    expect(multi.fleissKappa).toBeCloseTo(0.4139265, 7);
    expect(multi.brennanPrediger).toBeCloseTo(0.4388889, 7);
    expect(multi.precision.gwetAc1!.se).toBeCloseTo(0.08418757, 8);
    expect(multi.precision.fleissKappa!.se).toBeCloseTo(0.08119291, 8);
    expect(multi.precision.brennanPrediger!.se).toBeCloseTo(0.08312142, 8);
    expect(multi.precision.gwetAc1!.ci95.map((x) => x.toFixed(3))).toEqual(['0.264', '0.625']);
    expect(multi.precision.fleissKappa!.ci95.map((x) => x.toFixed(2))).toEqual(['0.24', '0.59']);
    expect(multi.precision.brennanPrediger!.ci95.map((x) => x.toFixed(3))).toEqual(['0.261', '0.617']);
  });
});
