/**
 * Chance-corrected agreement coefficients for categorical judgements, in Gwet's unified form
 * (Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed., ch. 2–5): κ = (p_a − p_e)/(1 − p_e),
 * each coefficient with its own chance agreement p_e.
 * - Two coders, units coded by both: Cohen's κ (1960; weighted, Cohen 1968) with the
 *   Fleiss–Cohen–Everitt (1969) large-sample standard error; Scott's π (1955).
 * - Any number of coders, missing values allowed (units with < 2 values are not pairable and are
 *   left out of p_a AND of the category proportions, the same rule α uses): pairwise percent
 *   agreement, Fleiss' κ (1971; equals Scott's π for two coders), Brennan–Prediger (1981),
 *   Gwet's AC1 (2008). With complete data, Fleiss' κ is exactly Fleiss (1971).
 * Per-category agreement: specific agreement o_kk/n_k and Fleiss' category κ_k (Fleiss 1971, eq. 9).
 */
import { MISSING, type ReliabilityData } from './reliability-data';
import { coincidences } from './krippendorff';

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

export function weightMatrix(q: number, weights: Weights): Float64Array {
  const w = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      if (weights === 'none') w[i * q + j] = i === j ? 1 : 0;
      else if (q === 1) w[i * q + j] = 1;
      else if (weights === 'linear') w[i * q + j] = 1 - Math.abs(i - j) / (q - 1);
      else w[i * q + j] = 1 - ((i - j) / (q - 1)) ** 2;
    }
  }
  return w;
}

export interface KappaResult {
  value: number | null;
  /** Large-sample standard error (Fleiss, Cohen & Everitt 1969), when defined. */
  se: number | null;
  ci95: [number, number] | null;
  note?: string;
}

/** Cohen's κ (weighted or not) with the Fleiss–Cohen–Everitt (1969) standard error. */
export function cohenKappa(table: TwoCoderTable, weights: Weights = 'none'): KappaResult {
  const { counts, q, n } = table;
  if (n === 0) return { value: null, se: null, ci95: null, note: 'no unit was coded by both coders' };
  const w = weightMatrix(q, weights);
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
  if (1 - pe <= 1e-15) return { value: null, se: null, ci95: null, note: 'no variation: chance agreement is 1, so κ is undefined' };
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
  // The normal-approximation interval, kept within κ's range [−1, 1].
  return { value: kappa, se, ci95: [Math.max(-1, kappa - 1.959963984540054 * se), Math.min(1, kappa + 1.959963984540054 * se)] };
}

/** Scott's π for two coders over units coded by both. */
export function scottPi(table: TwoCoderTable): number | null {
  const { counts, q, n } = table;
  if (n === 0) return null;
  let po = 0;
  let pe = 0;
  for (let k = 0; k < q; k++) {
    po += counts[k * q + k]! / n;
    let rowK = 0;
    let colK = 0;
    for (let j = 0; j < q; j++) {
      rowK += counts[k * q + j]! / n;
      colK += counts[j * q + k]! / n;
    }
    pe += ((rowK + colK) / 2) ** 2;
  }
  return 1 - pe <= 1e-15 ? null : (po - pe) / (1 - pe);
}

export interface MultiCoderAgreement {
  /** Units with at least two values. */
  pairableUnits: number;
  /** Mean over pairable units of the share of agreeing coder pairs. */
  percentAgreement: number | null;
  fleissKappa: number | null;
  brennanPrediger: number | null;
  gwetAc1: number | null;
  /** Category proportions π_k over pairable values. */
  proportions: Float64Array;
  notes: string[];
}

/** Pairwise percent agreement, Fleiss' κ, Brennan–Prediger and Gwet's AC1 for any number of coders. */
export function multiCoderAgreement(data: ReliabilityData): MultiCoderAgreement {
  const q = data.categories.length;
  const m = data.coders;
  const counts = new Float64Array(q);
  const touched = new Int32Array(m);
  const proportions = new Float64Array(q);
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
    if (mu >= 2) {
      pairable++;
      let agree = 0;
      for (let i = 0; i < distinct; i++) {
        const c = counts[touched[i]!]!;
        agree += c * (c - 1);
        proportions[touched[i]!]! += c / mu;
      }
      paSum += agree / (mu * (mu - 1));
    }
    for (let i = 0; i < distinct; i++) counts[touched[i]!] = 0;
  }
  const notes: string[] = [];
  if (pairable === 0) {
    notes.push('no unit was coded by two or more coders');
    return { pairableUnits: 0, percentAgreement: null, fleissKappa: null, brennanPrediger: null, gwetAc1: null, proportions, notes };
  }
  for (let k = 0; k < q; k++) proportions[k]! /= pairable;
  const pa = paSum / pairable;
  let peFleiss = 0;
  let peGwet = 0;
  for (let k = 0; k < q; k++) {
    peFleiss += proportions[k]! ** 2;
    peGwet += proportions[k]! * (1 - proportions[k]!);
  }
  const chance = (pe: number) => (1 - pe <= 1e-15 ? null : (pa - pe) / (1 - pe));
  const fleiss = chance(peFleiss);
  if (fleiss === null) notes.push('Fleiss\' κ is undefined: all coders used one and the same category');
  let ac1: number | null = null;
  let bp: number | null = null;
  if (q < 2) notes.push('Brennan–Prediger and AC1 need at least two categories');
  else {
    ac1 = chance(peGwet / (q - 1));
    bp = chance(1 / q);
  }
  return { pairableUnits: pairable, percentAgreement: pa, fleissKappa: fleiss, brennanPrediger: bp, gwetAc1: ac1, proportions, notes };
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
