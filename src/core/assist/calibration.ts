/**
 * Calibrated confidence: the probability that a proposal is right, from a logistic model
 * (Platt 1999) fitted on out-of-fold predictions — predictions for documents the model did not
 * train on. Its inputs are the proposal's margin (how far the chosen value's score is ahead of
 * the runner-up's, log1p of the log-odds gap) and how often the variable's out-of-fold
 * proposals were right (smoothed, as a logit, leaving the proposal itself out so it cannot
 * vouch for itself). Naive Bayes margins grow with the number of features that agree, so they
 * rank well but say little by themselves; the fit turns them into probabilities. Also: expected
 * calibration error and the reliability diagram (Guo et al. 2017) to check the result.
 */

export interface Calibration {
  /** Coefficients of [log1p(margin), logit(variable accuracy), 1]. */
  coefficients: [number, number, number];
  /** Out-of-fold predictions it was fitted on. */
  fittedOn: number;
}

/** Before any out-of-fold prediction exists: the margin alone, damped. */
export const UNFITTED: Calibration = { coefficients: [0.5, 0, 0], fittedOn: 0 };

export interface CalibrationPoint {
  margin: number;
  /** Smoothed share of the variable's other out-of-fold proposals that were right. */
  variableAccuracy: number;
  correct: boolean;
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function inputs(margin: number, variableAccuracy: number): [number, number, number] {
  const acc = Math.min(0.999, Math.max(0.001, variableAccuracy));
  return [Math.log1p(Math.max(0, margin)), logit(acc), 1];
}

/** Smoothed accuracy (Laplace): (right + 1) / (n + 2). */
export function smoothedAccuracy(right: number, n: number): number {
  return (right + 1) / (n + 2);
}

export function confidenceOf(calibration: Calibration, margin: number, variableAccuracy: number): number {
  const x = inputs(margin, variableAccuracy);
  const c = calibration.coefficients;
  return sigmoid(c[0] * x[0] + c[1] * x[1] + c[2] * x[2]);
}

/**
 * Logistic regression by Newton's method on Platt's (1999) regularised targets — a right
 * proposal counts as (N₊ + 1)/(N₊ + 2), a wrong one as 1/(N₋ + 2) — so that a few out-of-fold
 * proposals that were all right give a confidence short of certainty, and with a small ridge
 * (λ = 0.1) on the two slopes.
 */
export function fitCalibration(points: readonly CalibrationPoint[]): Calibration {
  if (points.length === 0) return UNFITTED;
  const X = points.map((p) => inputs(p.margin, p.variableAccuracy));
  const right = points.filter((p) => p.correct).length;
  const wrong = points.length - right;
  const y = points.map((p) => (p.correct ? (right + 1) / (right + 2) : 1 / (wrong + 2)));
  const lambda = [0.1, 0.1, 0];
  let beta: [number, number, number] = [0, 0, 0];
  for (let iter = 0; iter < 50; iter++) {
    const g = [lambda[0]! * beta[0], lambda[1]! * beta[1], 0];
    const H = [
      [lambda[0]!, 0, 0],
      [0, lambda[1]!, 0],
      [0, 0, 1e-9],
    ];
    X.forEach((x, i) => {
      const p = sigmoid(beta[0] * x[0] + beta[1] * x[1] + beta[2] * x[2]);
      const w = p * (1 - p);
      for (let a = 0; a < 3; a++) {
        g[a]! += (p - y[i]!) * x[a]!;
        for (let b = 0; b < 3; b++) H[a]![b]! += w * x[a]! * x[b]!;
      }
    });
    const step = solve3(H, g);
    beta = [beta[0] - step[0], beta[1] - step[1], beta[2] - step[2]];
    if (Math.hypot(...step) < 1e-9) break;
  }
  return { coefficients: beta, fittedOn: points.length };
}

function solve3(A: number[][], b: number[]): [number, number, number] {
  const m = A.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const d = m[col]![col]!;
    if (Math.abs(d) < 1e-12) return [0, 0, 0];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / d;
      for (let k = col; k < 4; k++) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  return [m[0]![3]! / m[0]![0]!, m[1]![3]! / m[1]![1]!, m[2]![3]! / m[2]![2]!];
}

export interface ReliabilityBin {
  /** Bin [low, high) of confidence (the last bin includes 1). */
  low: number;
  high: number;
  count: number;
  meanConfidence: number | null;
  accuracy: number | null;
}

/** Reliability diagram: predictions binned by confidence, each bin's mean confidence and accuracy. */
export function reliabilityDiagram(predictions: readonly { confidence: number; correct: boolean }[], bins = 10): ReliabilityBin[] {
  const out = Array.from({ length: bins }, (_, i) => ({ low: i / bins, high: (i + 1) / bins, count: 0, sumConf: 0, right: 0 }));
  for (const p of predictions) {
    const b = out[Math.min(bins - 1, Math.floor(p.confidence * bins))]!;
    b.count++;
    b.sumConf += p.confidence;
    if (p.correct) b.right++;
  }
  return out.map((b) => ({ low: b.low, high: b.high, count: b.count, meanConfidence: b.count ? b.sumConf / b.count : null, accuracy: b.count ? b.right / b.count : null }));
}

/** Expected calibration error: Σ_bins (n_b / n) · |accuracy_b − mean confidence_b|. */
export function expectedCalibrationError(predictions: readonly { confidence: number; correct: boolean }[], bins = 10): number {
  if (predictions.length === 0) return 0;
  let sum = 0;
  for (const b of reliabilityDiagram(predictions, bins)) if (b.count) sum += b.count * Math.abs(b.accuracy! - b.meanConfidence!);
  return sum / predictions.length;
}
