/**
 * Chance-corrected agreement coefficients for categorical judgements, in Gwet's unified form
 * (Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed., ch. 2–5): κ = (p_a − p_e)/(1 − p_e),
 * each coefficient with its own chance agreement p_e.
 * - Two coders, units coded by both: Cohen's κ (1960; weighted, Cohen 1968) with the
 *   Fleiss–Cohen–Everitt (1969) large-sample standard error; Scott's π (1955) with Gwet's
 *   linearised standard error.
 * - Any number of coders, missing values handled as Gwet (2014) does (p_a over units with ≥ 2
 *   values, category proportions over units with ≥ 1 value): pairwise percent agreement,
 *   Fleiss' κ (1971; equals Scott's π for two coders), Brennan–Prediger (1981), Gwet's AC1
 *   (2008), each with Gwet's linearised standard error. With complete data, Fleiss' κ is exactly
 *   Fleiss (1971).
 * Every 95% CI is clipped to the coefficient's range: Cohen's κ ± z(.975)·ASE, as SAS PROC FREQ and
 * statsmodels compute it; π, percent agreement, Fleiss' κ, BP and AC1 ± t(.975; n − 1)·SE, the
 * interval of Gwet's irrCAC package (whose published outputs the tests reproduce).
 * Per-category agreement: specific agreement o_kk/n_k and Fleiss' category κ_k (Fleiss 1971, eq. 9).
 */
import { MISSING, type ReliabilityData } from './reliability-data';
import { coincidences } from './krippendorff';
import { tInterval95, zInterval95 } from './distributions';
import type { AgreementNote } from './notes';

export type Weights = 'none' | 'linear' | 'quadratic';

export interface TwoCoderTable {
  /** q × q counts, rows = first coder, columns = second coder. */
  counts: Float64Array;
  q: number;
  /** Units coded by both coders. */
  n: number;
}

export function confusionMatrix(data: ReliabilityData, a = 0, b = 1): TwoCoderTable {
  const q = data.categories.length;
  const counts = new Float64Array(q * q);
  let n = 0;
  for (let u = 0; u < data.units; u++) {
    const x = data.values[u * data.coders + a]!;
    const y = data.values[u * data.coders + b]!;
    if (x === MISSING || y === MISSING) continue;
    counts[x * q + y]!++;
    n++;
  }
  return { counts, q, n };
}

/**
 * Where the distances of weighted κ come from: the categories' ranks 1…q (scikit-learn's
 * `cohen_kappa_score`, SAS' Cicchetti–Allison weights with scores 1…q), or their numeric values
 * (irrCAC's `linear.weights`/`quadratic.weights` on numeric codes: |x_k − x_l| / (max − min)).
 */
export type WeightScale = 'rank' | 'value';

/**
 * Agreement weights w_kl = 1 − d_kl (linear) or 1 − d_kl² (quadratic), d_kl the distance of the
 * two categories divided by the largest one: |k − l|/(q − 1) on ranks, or |x_k − x_l|/(max − min)
 * on the numeric values `values` (for `scale` 'value'; every value must be a finite number).
 */
export function weightMatrix(q: number, weights: Weights, scale: WeightScale = 'rank', values?: ArrayLike<number>): Float64Array {
  const w = new Float64Array(q * q);
  let position = (i: number) => i;
  let range = q - 1;
  if (scale === 'value' && weights !== 'none') {
    if (!values) throw new RangeError('value-based weights need the categories\' numeric values');
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < q; i++) {
      const x = values[i]!;
      if (!Number.isFinite(x)) throw new RangeError(`value-based weights need numeric categories (category ${i + 1} is not a number)`);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    position = (i) => values[i]!;
    range = max - min;
  }
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      if (weights === 'none') w[i * q + j] = i === j ? 1 : 0;
      else if (range === 0) w[i * q + j] = 1;
      else if (weights === 'linear') w[i * q + j] = 1 - Math.abs(position(i) - position(j)) / range;
      else w[i * q + j] = 1 - ((position(i) - position(j)) / range) ** 2;
    }
  }
  return w;
}

export interface KappaResult {
  value: number | null;
  /** Large-sample standard error (Fleiss, Cohen & Everitt 1969), when defined. */
  se: number | null;
  ci95: [number, number] | null;
  /** Why κ is undefined (texts in both languages: `noteMessage`). */
  note?: AgreementNote;
}

/**
 * Cohen's κ (weighted or not) with the Fleiss–Cohen–Everitt (1969) standard error (the ASE of SAS
 * PROC FREQ and statsmodels) and their 95% interval κ ± z(.975)·ASE. `scale` and `values`: see
 * `weightMatrix`.
 */
export function cohenKappa(table: TwoCoderTable, weights: Weights = 'none', scale: WeightScale = 'rank', values?: ArrayLike<number>): KappaResult {
  const { counts, q, n } = table;
  if (n === 0) return { value: null, se: null, ci95: null, note: { code: 'cohen-no-shared-units' } };
  const w = weightMatrix(q, weights, scale, values);
  const row = new Float64Array(q);
  const col = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      const p = counts[i * q + j]! / n;
      row[i]! += p;
      col[j]! += p;
    }
  }
  let po = 0;
  let pe = 0;
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      po += w[i * q + j]! * (counts[i * q + j]! / n);
      pe += w[i * q + j]! * row[i]! * col[j]!;
    }
  }
  if (1 - pe <= 1e-15) return { value: null, se: null, ci95: null, note: { code: 'cohen-no-variation' } };
  const kappa = (po - pe) / (1 - pe);
  // Fleiss, Cohen & Everitt (1969), eq. for the non-null variance of weighted kappa.
  const wRow = new Float64Array(q);
  const wCol = new Float64Array(q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) wRow[i]! += col[j]! * w[i * q + j]!;
  for (let j = 0; j < q; j++) for (let i = 0; i < q; i++) wCol[j]! += row[i]! * w[i * q + j]!;
  let s = 0;
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      const p = counts[i * q + j]! / n;
      if (p === 0) continue;
      s += p * (w[i * q + j]! - (wRow[i]! + wCol[j]!) * (1 - kappa)) ** 2;
    }
  }
  const variance = (s - (kappa - pe * (1 - kappa)) ** 2) / (n * (1 - pe) ** 2);
  const se = Math.sqrt(Math.max(0, variance));
  // The Wald interval of SAS PROC FREQ and statsmodels (z, not t), kept within κ's range [−1, 1].
  return { value: kappa, se, ci95: n >= 2 ? zInterval95(kappa, se) : null };
}

/** Scott's π for two coders over units coded by both. */
export function scottPi(table: TwoCoderTable): number | null {
  return scottPiWithPrecision(table).value;
}

/**
 * Scott's π with its standard error and 95% CI: Gwet's (2014) two-rater variance, the
 * Fleiss–Cohen–Everitt form with both coders' marginals replaced by their average π_k:
 * v = [Σ_kl p_kl (1[k=l] − (1 − π̂)(π_k + π_l))² − (π̂ − p_e(1 − π̂))²] / (n (1 − p_e)²).
 */
export function scottPiWithPrecision(table: TwoCoderTable): { value: number | null; precision: Precision | null } {
  const { counts, q, n } = table;
  if (n === 0) return { value: null, precision: null };
  const avg = new Float64Array(q);
  let po = 0;
  for (let k = 0; k < q; k++) {
    po += counts[k * q + k]! / n;
    for (let j = 0; j < q; j++) {
      avg[k]! += counts[k * q + j]! / n / 2;
      avg[j]! += counts[k * q + j]! / n / 2;
    }
  }
  let pe = 0;
  for (let k = 0; k < q; k++) pe += avg[k]! ** 2;
  if (1 - pe <= 1e-15) return { value: null, precision: null };
  const pi = (po - pe) / (1 - pe);
  if (n < 2) return { value: pi, precision: null };
  let s = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const p = counts[k * q + l]! / n;
      if (p > 0) s += p * ((k === l ? 1 : 0) - (1 - pi) * (avg[k]! + avg[l]!)) ** 2;
    }
  }
  const se = Math.sqrt(Math.max(0, (s - (pi - pe * (1 - pi)) ** 2) / (n * (1 - pe) ** 2)));
  return { value: pi, precision: { se, ci95: tInterval95(pi, se, n) } };
}

/** A coefficient's precision (Gwet 2014, ch. 5): standard error and 95% interval from t(n − 1). */
export interface Precision {
  se: number;
  ci95: [number, number];
}

export interface MultiCoderAgreement {
  /** Units with at least two values. */
  pairableUnits: number;
  /** Units with at least one value (Gwet's n: they count in the category proportions). */
  ratedUnits: number;
  /** Mean over pairable units of the share of agreeing coder pairs. */
  percentAgreement: number | null;
  fleissKappa: number | null;
  brennanPrediger: number | null;
  gwetAc1: number | null;
  /** Standard errors and 95% CIs (null where the coefficient is undefined or n < 2). */
  precision: {
    percentAgreement: Precision | null;
    fleissKappa: Precision | null;
    brennanPrediger: Precision | null;
    gwetAc1: Precision | null;
  };
  /** Category proportions π_k = (1/n) Σ_i r_ik / r_i over the units rated at least once. */
  proportions: Float64Array;
  notes: AgreementNote[];
}

const NO_PRECISION = { percentAgreement: null, fleissKappa: null, brennanPrediger: null, gwetAc1: null };

/**
 * Pairwise percent agreement, Fleiss' κ, Brennan–Prediger and Gwet's AC1 for any number of coders,
 * with missing values handled as Gwet (2014) does: p_a averages over units with ≥ 2 values, the
 * category proportions π_k over units with ≥ 1 value. Standard errors are Gwet's linearised
 * variances (2008; Handbook ch. 5, as in his irrCAC package's *.raw functions, infinite
 * population): v = Σ_i (c*_i − c)² / (n(n − 1)), where c*_i is unit i's contribution to the
 * coefficient corrected for the uncertainty of p_e.
 */
export function multiCoderAgreement(data: ReliabilityData): MultiCoderAgreement {
  const q = data.categories.length;
  const m = data.coders;
  const counts = new Float64Array(q);
  const touched = new Int32Array(m);
  const proportions = new Float64Array(q);
  /** Per unit: its p_a,i (0 when not pairable) and its number of values r_i. */
  const paUnit = new Float64Array(data.units);
  const ratings = new Int32Array(data.units);
  let rated = 0;
  let pairable = 0;
  let paSum = 0;
  for (let u = 0; u < data.units; u++) {
    let mu = 0;
    let distinct = 0;
    for (let r = 0; r < m; r++) {
      const v = data.values[u * m + r]!;
      if (v === MISSING) continue;
      if (counts[v] === 0) touched[distinct++] = v;
      counts[v]!++;
      mu++;
    }
    ratings[u] = mu;
    if (mu >= 1) {
      rated++;
      for (let i = 0; i < distinct; i++) proportions[touched[i]!]! += counts[touched[i]!]! / mu;
    }
    if (mu >= 2) {
      pairable++;
      let agree = 0;
      for (let i = 0; i < distinct; i++) {
        const c = counts[touched[i]!]!;
        agree += c * (c - 1);
      }
      paUnit[u] = agree / (mu * (mu - 1));
      paSum += paUnit[u]!;
    }
    for (let i = 0; i < distinct; i++) counts[touched[i]!] = 0;
  }
  const notes: AgreementNote[] = [];
  if (pairable === 0) {
    notes.push({ code: 'no-pairable-units' });
    return { pairableUnits: 0, ratedUnits: rated, percentAgreement: null, fleissKappa: null, brennanPrediger: null, gwetAc1: null, precision: NO_PRECISION, proportions, notes };
  }
  for (let k = 0; k < q; k++) proportions[k]! /= rated;
  const pa = paSum / pairable;
  let peFleiss = 0;
  let peGwet = 0;
  for (let k = 0; k < q; k++) {
    peFleiss += proportions[k]! ** 2;
    peGwet += proportions[k]! * (1 - proportions[k]!);
  }
  const chance = (pe: number) => (1 - pe <= 1e-15 ? null : (pa - pe) / (1 - pe));
  const fleiss = chance(peFleiss);
  if (fleiss === null) notes.push({ code: 'fleiss-one-category' });
  let ac1: number | null = null;
  let bp: number | null = null;
  if (q < 2) notes.push({ code: 'bp-ac1-one-category' });
  else {
    peGwet /= q - 1;
    ac1 = chance(peGwet);
    bp = chance(1 / q);
  }

  // Linearised variances: one more pass over the units rated at least once.
  const n = rated;
  const scale = n / pairable;
  let vPa = 0;
  let vFleiss = 0;
  let vAc1 = 0;
  let vBp = 0;
  for (let u = 0; u < data.units; u++) {
    const mu = ratings[u]!;
    if (mu === 0) continue;
    const paI = paUnit[u]!;
    const isPairable = mu >= 2;
    let sumPi = 0;
    for (let r = 0; r < m; r++) {
      const v = data.values[u * m + r]!;
      if (v !== MISSING) sumPi += proportions[v]!;
    }
    // p_e,i: Fleiss' Σ_k r_ik π_k / r_i and AC1's Σ_k r_ik (1 − π_k) / (r_i (q − 1)).
    const peFleissI = sumPi / mu;
    vPa += (scale * paI - pa) ** 2;
    if (fleiss !== null) {
      const c = (scale * (paI - (isPairable ? peFleiss : 0))) / (1 - peFleiss);
      const corrected = c - (2 * (1 - fleiss) * (peFleissI - peFleiss)) / (1 - peFleiss);
      vFleiss += (corrected - fleiss) ** 2;
    }
    if (ac1 !== null && bp !== null) {
      const peGwetI = (1 - peFleissI) / (q - 1);
      const c = (scale * (paI - (isPairable ? peGwet : 0))) / (1 - peGwet);
      const corrected = c - (2 * (1 - ac1) * (peGwetI - peGwet)) / (1 - peGwet);
      vAc1 += (corrected - ac1) ** 2;
      const cBp = (scale * (paI - (isPairable ? 1 / q : 0))) / (1 - 1 / q);
      vBp += (cBp - bp) ** 2;
    }
  }
  const precise = (value: number | null, sumSquares: number, lower: number): Precision | null => {
    if (value === null || n < 2) return null;
    const se = Math.sqrt(sumSquares / (n * (n - 1)));
    return { se, ci95: tInterval95(value, se, n, lower, 1) };
  };
  if (n < 2) notes.push({ code: 'se-one-unit' });
  return {
    pairableUnits: pairable,
    ratedUnits: rated,
    percentAgreement: pa,
    fleissKappa: fleiss,
    brennanPrediger: bp,
    gwetAc1: ac1,
    precision: {
      percentAgreement: precise(pa, vPa, 0),
      fleissKappa: precise(fleiss, vFleiss, -1),
      brennanPrediger: precise(bp, vBp, -1),
      gwetAc1: precise(ac1, vAc1, -1),
    },
    proportions,
    notes,
  };
}

/**
 * Null-hypothesis standard error of Fleiss' κ for complete data with m coders per unit
 * (Fleiss, Nee & Landis 1979), used for the z test of κ = 0.
 */
export function fleissKappaNullSE(data: ReliabilityData): number | null {
  const { proportions, pairableUnits } = multiCoderAgreement(data);
  const m = data.coders;
  if (pairableUnits === 0 || m < 2) return null;
  let spq = 0;
  let spqqp = 0;
  for (const p of proportions) {
    spq += p * (1 - p);
    spqqp += p * (1 - p) * (1 - 2 * p);
  }
  if (spq === 0) return null;
  return (Math.SQRT2 / (spq * Math.sqrt(pairableUnits * m * (m - 1)))) * Math.sqrt(spq * spq - spqqp);
}

export interface CategoryAgreement {
  category: string;
  /** Pairable values in this category (n_k). */
  values: number;
  /** Specific agreement o_kk / n_k: of the pairs a value of k takes part in, the share that agree. */
  specificAgreement: number | null;
  /** Fleiss' category kappa κ_k = (o_kk/n_k − π_k)/(1 − π_k). */
  kappa: number | null;
}

export function categoryAgreement(data: ReliabilityData): CategoryAgreement[] {
  const co = coincidences(data);
  return data.categories.map((category, k) => {
    const nk = co.nc[k]!;
    if (nk === 0) return { category, values: 0, specificAgreement: null, kappa: null };
    const ps = co.o[k * co.q + k]! / nk;
    const pk = nk / co.n;
    return { category, values: nk, specificAgreement: ps, kappa: pk >= 1 ? null : (ps - pk) / (1 - pk) };
  });
}
