/**
 * Bootstrap confidence interval for Krippendorff's α: resample units with replacement, recompute
 * α from the coincidences of the resample, and take the 2.5th and 97.5th percentiles — the
 * non-parametric unit bootstrap recommended for α by Zapf et al. (2016, BMC Medical Research
 * Methodology 16:93). (Hayes & Krippendorff's 2007 KALPHA macro resamples pairable values
 * instead; unit resampling keeps each unit's values together.) The generator is seeded
 * (mulberry32), so the same data, seed and number of samples give the same interval.
 */
import { alphaFromCoincidences, coincidences, type Level } from './krippendorff';
import type { ReliabilityData } from './reliability-data';

/** mulberry32: a small, fast 32-bit seeded PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BootstrapResult {
  samples: number;
  seed: number;
  ci95: [number, number] | null;
  /** Share of resamples in which α was undefined (no variation); they are left out. */
  undefinedShare: number;
}

export function quantile(sorted: Float64Array | number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function bootstrapAlpha(data: ReliabilityData, level: Level, samples: number, seed: number): BootstrapResult {
  const random = seededRandom(seed);
  const weights = new Uint32Array(data.units);
  const alphas: number[] = [];
  for (let s = 0; s < samples; s++) {
    weights.fill(0);
    for (let i = 0; i < data.units; i++) weights[Math.floor(random() * data.units)]!++;
    const result = alphaFromCoincidences(coincidences(data, weights), level, data.numeric);
    if (result.alpha !== null) alphas.push(result.alpha);
  }
  const sorted = Float64Array.from(alphas).sort();
  return {
    samples,
    seed,
    ci95: sorted.length === 0 ? null : [quantile(sorted, 0.025), quantile(sorted, 0.975)],
    undefinedShare: samples === 0 ? 0 : 1 - alphas.length / samples,
  };
}
