/**
 * Krippendorff's alpha by the coincidence-matrix method (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"; Content Analysis, 2004, ch. 11):
 *   α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 * with o_ck the coincidences of values c and k within units (each unit with m_u ≥ 2 values adds
 * n_uc·n_uk/(m_u − 1), or n_uc(n_uc − 1)/(m_u − 1) on the diagonal), n_c the marginals and n the
 * number of pairable values. Units with fewer than two values are not pairable and add nothing.
 * Metrics: nominal, ordinal (rank distances from the marginals), interval, ratio.
 */
import type { AgreementNote } from './notes';
import { MISSING, type ReliabilityData } from './reliability-data';

export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface Coincidences {
  /** q × q row-major. */
  o: Float64Array;
  /** Marginal n_c. */
  nc: Float64Array;
  /** Pairable values n. */
  n: number;
  q: number;
  /** Units with ≥ 2 values. */
  pairableUnits: number;
}

export function coincidences(data: ReliabilityData, unitWeights?: Uint32Array): Coincidences {
  const q = data.categories.length;
  const m = data.coders;
  const o = new Float64Array(q * q);
  const counts = new Float64Array(q);
  const touched = new Int32Array(m);
  let pairableUnits = 0;
  for (let u = 0; u < data.units; u++) {
    const weight = unitWeights ? unitWeights[u]! : 1;
    if (weight === 0) continue;
    let mu = 0;
    let distinct = 0;
    const base = u * m;
    for (let r = 0; r < m; r++) {
      const v = data.values[base + r]!;
      if (v === MISSING) continue;
      if (counts[v] === 0) touched[distinct++] = v;
      counts[v]!++;
      mu++;
    }
    if (mu >= 2) {
      pairableUnits += weight;
      const f = weight / (mu - 1);
      for (let i = 0; i < distinct; i++) {
        const c = touched[i]!;
        const nc = counts[c]!;
        o[c * q + c]! += nc * (nc - 1) * f;
        for (let j = i + 1; j < distinct; j++) {
          const k = touched[j]!;
          const x = nc * counts[k]! * f;
          o[c * q + k]! += x;
          o[k * q + c]! += x;
        }
      }
    }
    for (let i = 0; i < distinct; i++) counts[touched[i]!] = 0;
  }
  const nc = new Float64Array(q);
  let n = 0;
  for (let c = 0; c < q; c++) {
    let s = 0;
    for (let k = 0; k < q; k++) s += o[c * q + k]!;
    nc[c] = s;
    n += s;
  }
  return { o, nc, n, q, pairableUnits };
}

/** Squared distance δ²(c, k) for the level of measurement. */
export function distanceMatrix(level: Level, nc: Float64Array, numeric: Float64Array): Float64Array {
  const q = nc.length;
  const d = new Float64Array(q * q);
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      if (c === k) continue;
      let v: number;
      if (level === 'nominal') v = 1;
      else if (level === 'ordinal') {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        let s = 0;
        for (let g = lo; g <= hi; g++) s += nc[g]!;
        s -= (nc[lo]! + nc[hi]!) / 2;
        v = s * s;
      } else if (level === 'interval') {
        v = (numeric[c]! - numeric[k]!) ** 2;
      } else {
        const sum = numeric[c]! + numeric[k]!;
        v = sum === 0 ? 0 : ((numeric[c]! - numeric[k]!) / sum) ** 2;
      }
      d[c * q + k] = v;
    }
  }
  return d;
}

export interface AlphaResult {
  /** null when undefined for the data; see `note`. */
  alpha: number | null;
  observedDisagreement: number;
  expectedDisagreement: number;
  pairableValues: number;
  pairableUnits: number;
  /** Why α is undefined (texts in both languages: `noteMessage`). */
  note?: AgreementNote;
}

export function alphaFromCoincidences(co: Coincidences, level: Level, numeric: Float64Array): AlphaResult {
  const { o, nc, n, q, pairableUnits } = co;
  const base = { pairableValues: n, pairableUnits, observedDisagreement: Number.NaN, expectedDisagreement: Number.NaN };
  if (n < 2) return { ...base, alpha: null, note: { code: 'alpha-no-pairable-values' } };
  if ((level === 'interval' || level === 'ratio') && nc.some((count, c) => count > 0 && !Number.isFinite(numeric[c]!))) {
    return { ...base, alpha: null, note: { code: 'alpha-needs-numbers', level } };
  }
  if (level === 'ratio' && nc.some((count, c) => count > 0 && numeric[c]! < 0)) {
    return { ...base, alpha: null, note: { code: 'alpha-ratio-negative' } };
  }
  const d = distanceMatrix(level, nc, numeric);
  let dObs = 0;
  let dExp = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      const dist = d[c * q + k]!;
      if (dist === 0) continue;
      dObs += o[c * q + k]! * dist;
      dExp += nc[c]! * nc[k]! * dist;
    }
  }
  const observed = dObs / n;
  const expected = dExp / (n * (n - 1));
  if (dExp === 0) {
    return { ...base, alpha: null, observedDisagreement: observed, expectedDisagreement: 0, note: { code: 'alpha-no-variation' } };
  }
  return { ...base, alpha: 1 - ((n - 1) * dObs) / dExp, observedDisagreement: observed, expectedDisagreement: expected };
}

export function krippendorffAlpha(data: ReliabilityData, level: Level = 'nominal'): AlphaResult {
  return level === 'nominal' ? nominalAlpha(data) : alphaFromCoincidences(coincidences(data), level, data.numeric);
}

/**
 * Nominal α in one pass without the q × q matrix. With δ = 1 off the diagonal only the diagonal
 * sum Σ_c o_cc and the marginals n_c matter: a unit adds Σ_c n_uc(n_uc − 1)/(m_u − 1) =
 * (Σ_c n_uc² − m_u)/(m_u − 1) to the diagonal, and Σ_c n_uc² is kept as each value arrives
 * ((k + 1)² − k² = 2k + 1); a second pass over the unit's few values adds the marginals and
 * resets the counts. Then D_o ∝ n − Σ_c o_cc and D_e ∝ n² − Σ_c n_c². Equal to
 * `alphaFromCoincidences(coincidences(data), 'nominal')` (a property test checks it).
 */
function nominalAlpha(data: ReliabilityData): AlphaResult {
  const q = data.categories.length;
  const m = data.coders;
  const values = data.values;
  const units = data.units;
  const counts = new Int32Array(q);
  // Counts fit 32 bits: a category would need 2³¹ values (8 GB of data) to overflow.
  const nc = new Int32Array(q);
  let diagonal = 0;
  let n = 0;
  let pairableUnits = 0;
  for (let u = 0; u < units; u++) {
    const start = u * m;
    const end = start + m;
    let mu = 0;
    let squares = 0;
    for (let i = start; i < end; i++) {
      const v = values[i]!;
      if (v < 0) continue; // MISSING
      const k = counts[v]!;
      counts[v] = k + 1;
      squares += 2 * k + 1;
      mu++;
    }
    // Second pass over the same few values: marginals of pairable units, and reset the counts.
    const pairable = mu >= 2;
    for (let i = start; i < end; i++) {
      const v = values[i]!;
      if (v < 0) continue; // MISSING
      if (pairable) nc[v]!++;
      counts[v] = 0;
    }
    if (pairable) {
      pairableUnits++;
      n += mu;
      diagonal += (squares - mu) / (mu - 1);
    }
  }
  const base = { pairableValues: n, pairableUnits, observedDisagreement: Number.NaN, expectedDisagreement: Number.NaN };
  if (n < 2) return { ...base, alpha: null, note: { code: 'alpha-no-pairable-values' } };
  let sumSquares = 0;
  for (let c = 0; c < q; c++) sumSquares += nc[c]! * nc[c]!;
  const dObs = n - diagonal;
  const dExp = n * n - sumSquares;
  const observed = dObs / n;
  if (dExp === 0) return { ...base, alpha: null, observedDisagreement: observed, expectedDisagreement: 0, note: { code: 'alpha-no-variation' } };
  return { ...base, alpha: 1 - ((n - 1) * dObs) / dExp, observedDisagreement: observed, expectedDisagreement: dExp / (n * (n - 1)) };
}
