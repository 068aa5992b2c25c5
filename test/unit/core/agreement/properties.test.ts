// Properties every agreement coefficient must have, and undefined cases that must give null
// with a reason instead of NaN.
import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  alphaFromCoincidences,
  coincidences,
  bootstrapAlpha,
  buildReliabilityData,
  cohenKappa,
  confusionMatrix,
  krippendorffAlpha,
  multiCoderAgreement,
  noteText,
  notesInEnglish,
  seededRandom,
  type Coding,
  type LongCoding,
} from '../../../../src/core/agreement';

function randomCodings(seed: number, units: number, coders: number, q: number, missing: number, agree: number): Coding[] {
  const random = seededRandom(seed);
  const out: Coding[] = [];
  for (let u = 0; u < units; u++) {
    const truth = Math.floor(random() * q);
    for (let c = 0; c < coders; c++) {
      if (random() < missing) continue;
      const value = random() < agree ? truth : Math.floor(random() * q);
      out.push({ unit: `u${u}`, coder: `c${c}`, value: String(value) });
    }
  }
  return out;
}

describe('properties', () => {
  const codings = randomCodings(7, 300, 4, 4, 0.15, 0.7);
  const base = buildReliabilityData(codings, { categoryOrder: ['0', '1', '2', '3'] }).data;

  it('perfect agreement gives α = κ = AC1 = 1 at every level', () => {
    const perfect = buildReliabilityData(codings.map((c) => ({ ...c, value: String(Number(c.unit.slice(1)) % 4) })), { categoryOrder: ['0', '1', '2', '3'] }).data;
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) expect(krippendorffAlpha(perfect, level).alpha).toBeCloseTo(1, 12);
    const multi = multiCoderAgreement(perfect);
    expect(multi.fleissKappa).toBeCloseTo(1, 12);
    expect(multi.gwetAc1).toBeCloseTo(1, 12);
    expect(multi.percentAgreement).toBe(1);
  });

  it('is invariant to the order of coders and units', () => {
    const reversedCoders = buildReliabilityData(codings, { categoryOrder: ['0', '1', '2', '3'], coderOrder: ['c3', 'c2', 'c1', 'c0'] }).data;
    const shuffled = buildReliabilityData([...codings].reverse(), { categoryOrder: ['0', '1', '2', '3'] }).data;
    for (const other of [reversedCoders, shuffled]) {
      for (const level of ['nominal', 'ordinal', 'interval'] as const) {
        expect(krippendorffAlpha(other, level).alpha).toBeCloseTo(krippendorffAlpha(base, level).alpha!, 12);
      }
      expect(multiCoderAgreement(other).fleissKappa).toBeCloseTo(multiCoderAgreement(base).fleissKappa!, 12);
      expect(multiCoderAgreement(other).gwetAc1).toBeCloseTo(multiCoderAgreement(base).gwetAc1!, 12);
    }
  });

  it('the one-pass nominal α equals the coincidence-matrix computation (missing values, lone values, unused categories)', () => {
    for (const [seed, coders, q, missing] of [[1, 2, 2, 0], [2, 5, 10, 0.3], [3, 3, 4, 0.6], [4, 7, 3, 0.1]] as const) {
      const data = buildReliabilityData(randomCodings(seed, 300, coders, q, missing, 0.6), { categoryOrder: [...Array.from({ length: q }, (_, i) => String(i)), 'unused'] }).data;
      const fast = krippendorffAlpha(data, 'nominal');
      const matrix = alphaFromCoincidences(coincidences(data), 'nominal', data.numeric);
      expect(fast.alpha).toBeCloseTo(matrix.alpha!, 12);
      expect(fast.pairableValues).toBeCloseTo(matrix.pairableValues, 9);
      expect(fast.pairableUnits).toBe(matrix.pairableUnits);
      expect(fast.observedDisagreement).toBeCloseTo(matrix.observedDisagreement, 12);
      expect(fast.expectedDisagreement).toBeCloseTo(matrix.expectedDisagreement, 12);
    }
    // No variation and no pairable values: the same notes.
    const same = buildReliabilityData([{ unit: 'a', coder: 'x', value: '1' }, { unit: 'a', coder: 'y', value: '1' }]).data;
    expect(krippendorffAlpha(same).note).toEqual(alphaFromCoincidences(coincidences(same), 'nominal', same.numeric).note);
    const lone = buildReliabilityData([{ unit: 'a', coder: 'x', value: '1' }]).data;
    expect(krippendorffAlpha(lone).note).toEqual({ code: 'alpha-no-pairable-values' });
  });

  it("Cohen's κ is symmetric in the two coders, weighted or not", () => {
    for (const weights of ['none', 'linear', 'quadratic'] as const) {
      const ab = cohenKappa(confusionMatrix(base, 0, 1), weights);
      const ba = cohenKappa(confusionMatrix(base, 1, 0), weights);
      expect(ba.value).toBeCloseTo(ab.value!, 12);
      expect(ba.se).toBeCloseTo(ab.se!, 12);
    }
  });

  it('units with a single value change neither α nor percent agreement (not pairable); Fleiss/AC1 count them in π_k as Gwet (2014) does', () => {
    const extra = [...codings, { unit: 'lonely-1', coder: 'c0', value: '3' }, { unit: 'lonely-2', coder: 'c1', value: '3' }];
    const withLonely = buildReliabilityData(extra, { categoryOrder: ['0', '1', '2', '3'] }).data;
    expect(krippendorffAlpha(withLonely).alpha).toBeCloseTo(krippendorffAlpha(base).alpha!, 12);
    const a = multiCoderAgreement(withLonely);
    const b = multiCoderAgreement(base);
    expect(a.percentAgreement).toBeCloseTo(b.percentAgreement!, 12);
    expect(a.pairableUnits).toBe(b.pairableUnits);
    expect(a.ratedUnits).toBe(b.ratedUnits + 2);
    // Two more values of category 3 raise π_3, so chance agreement and hence Fleiss' κ move.
    expect(a.proportions[3]).toBeGreaterThan(b.proportions[3]!);
    expect(a.fleissKappa).not.toBeCloseTo(b.fleissKappa!, 6);
  });

  it("with complete data and two coders, α = π·(adjusted): α = 1 − (n−1)/n·(1−π) (Krippendorff 2004, small-sample correction)", () => {
    const two = buildReliabilityData(randomCodings(3, 200, 2, 3, 0, 0.6), { categoryOrder: ['0', '1', '2'] }).data;
    const pi = multiCoderAgreement(two).fleissKappa!;
    const n = 2 * two.units;
    expect(krippendorffAlpha(two).alpha).toBeCloseTo(1 - ((n - 1) / n) * (1 - pi), 10);
  });

  it("the Fleiss–Cohen–Everitt SE of κ agrees with a bootstrap SE on 2,000 units (within 10%)", () => {
    const data = buildReliabilityData(randomCodings(11, 2000, 2, 3, 0, 0.55), { categoryOrder: ['0', '1', '2'] }).data;
    const se = cohenKappa(confusionMatrix(data)).se!;
    const random = seededRandom(5);
    const kappas: number[] = [];
    for (let b = 0; b < 300; b++) {
      const counts = new Float64Array(9);
      for (let i = 0; i < data.units; i++) {
        const u = Math.floor(random() * data.units);
        counts[data.values[u * 2]! * 3 + data.values[u * 2 + 1]!]!++;
      }
      kappas.push(cohenKappa({ counts, q: 3, n: data.units }).value!);
    }
    const mean = kappas.reduce((a, b) => a + b, 0) / kappas.length;
    const sd = Math.sqrt(kappas.reduce((a, b) => a + (b - mean) ** 2, 0) / (kappas.length - 1));
    expect(Math.abs(sd - se) / se).toBeLessThan(0.1);
  });

  it('the seeded bootstrap reproduces and brackets α', () => {
    const a = bootstrapAlpha(base, 'nominal', 200, 42);
    const b = bootstrapAlpha(base, 'nominal', 200, 42);
    expect(a.ci95).toEqual(b.ci95);
    const alpha = krippendorffAlpha(base).alpha!;
    expect(a.ci95![0]).toBeLessThan(alpha);
    expect(a.ci95![1]).toBeGreaterThan(alpha);
    expect(bootstrapAlpha(base, 'nominal', 200, 43).ci95).not.toEqual(a.ci95);
  });
});

describe('undefined cases give null with a reason, never NaN', () => {
  const rows = (values: [string, string, string | null][]): LongCoding[] => values.map(([document, coder, value]) => ({ document, coder, variable: 'LVM', value }));

  it('no variation', () => {
    const report = agreementReport(rows([['d1', 'A', 'Ja'], ['d1', 'B', 'Ja'], ['d2', 'A', 'Ja'], ['d2', 'B', 'Ja']]));
    const row = report.variables[0]!;
    expect(row.percent_agreement).toBe(1);
    expect(row.krippendorff_alpha).toBeNull();
    expect(row.cohen_kappa).toBeNull();
    expect(row.fleiss_kappa).toBeNull();
    expect(notesInEnglish(row.notes).join(' ')).toMatch(/no variation/);
    expect(row.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['fleiss-one-category', 'alpha-no-variation', 'cohen-no-variation']));
    expect(row.notes.map((n) => noteText(n, 'sv'))).toContain('Krippendorffs α är odefinierad: ingen variation, alla parbara värden är lika');
    expect(JSON.stringify(report)).not.toMatch(/NaN/);
  });

  it('one coder only', () => {
    const row = agreementReport(rows([['d1', 'A', 'Ja'], ['d2', 'A', 'Nej']])).variables[0]!;
    expect(row.coders).toBe(1);
    expect(row.krippendorff_alpha).toBeNull();
    expect(row.percent_agreement).toBeNull();
    expect(notesInEnglish(row.notes).join(' ')).toMatch(/only one coder/);
    expect(row.notes.map((n) => noteText(n, 'sv'))).toContain('bara en kodare: överensstämmelse kräver minst två kodare');
  });

  it('no overlapping documents', () => {
    const row = agreementReport(rows([['d1', 'A', 'Ja'], ['d2', 'B', 'Nej']])).variables[0]!;
    expect(row.cohen_kappa).toBeNull();
    expect(notesInEnglish(row.notes).join(' ')).toMatch(/no unit was coded by (both|two or more) coders/);
    expect(row.notes.map((n) => noteText(n, 'sv'))).toContain('Cohens κ är odefinierad: ingen enhet kodades av båda kodarna');
  });

  it("three coders: Cohen's κ and Scott's π are null with a note", () => {
    const row = agreementReport(rows([['d1', 'A', 'Ja'], ['d1', 'B', 'Ja'], ['d1', 'C', 'Nej'], ['d2', 'A', 'Nej'], ['d2', 'B', 'Nej'], ['d2', 'C', 'Nej']])).variables[0]!;
    expect(row.cohen_kappa).toBeNull();
    expect(row.scott_pi).toBeNull();
    expect(row.fleiss_kappa).not.toBeNull();
    expect(notesInEnglish(row.notes).join(' ')).toMatch(/defined for two coders; 3 coded/);
    expect(row.notes.map((n) => noteText(n, 'sv'))).toContain('Cohens κ och Scotts π är definierade för två kodare; 3 kodade (se Fleiss κ och α)');
  });
});

describe('report', () => {
  it('has a row per variable and a pooled row, with confusion matrices for two coders', () => {
    const codings: LongCoding[] = [];
    const docs = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];
    const a = ['Ja', 'Ja', 'Nej', 'Nej', 'Ja', 'Nej'];
    const b = ['Ja', 'Nej', 'Nej', 'Nej', 'Ja', 'Ja'];
    docs.forEach((d, i) => {
      codings.push({ document: d, coder: 'Anna', variable: 'LVM', value: a[i]! });
      codings.push({ document: d, coder: 'Bertil', variable: 'LVM', value: b[i]! });
      codings.push({ document: d, coder: 'Anna', variable: 'LVU', value: 'Ja' });
      codings.push({ document: d, coder: 'Bertil', variable: 'LVU', value: i < 5 ? 'Ja' : 'Nej' });
    });
    const report = agreementReport(codings, { categoryOrder: new Map([['LVM', ['Ja', 'Nej']]]) });
    const lvm = report.variables.find((v) => v.variable === 'LVM')!;
    // By hand: 4 of 6 agree; table [[2,1],[1,2]]: p_e = .5 → κ = (.667 − .5)/.5 = .333.
    expect(lvm.percent_agreement).toBeCloseTo(4 / 6, 12);
    expect(lvm.cohen_kappa).toBeCloseTo(1 / 3, 12);
    expect(lvm.confusion).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(lvm.units).toBe(6);
    expect(lvm.pairable_values).toBe(12);
    expect(report.pooled.units).toBe(12);
    expect(report.pooled.percent_agreement).toBeCloseTo(9 / 12, 12);
  });
});
