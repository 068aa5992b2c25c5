/**
 * Bernoulli naive Bayes over sets of features, written as the linear scorer it is:
 * log P(c | x) = b_c + Σ_{f ∈ x} w_cf + const, with
 *   θ_cf = (n_cf + α) / (N_c + 2α),  w_cf = log θ_cf − log(1 − θ_cf),
 *   b_c  = log prior_c + Σ_f log(1 − θ_cf),
 * where n_cf and N_c are weighted counts (Manning, Raghavan & Schütze 2008, §13.3). The absence
 * of a feature is evidence too (it is in b_c), which is how a document without any relevant
 * sentence comes out as the absent value. Training is one counting pass, so refitting on a
 * subset (cross-validation) or after new judgements is cheap. Plain data: arrays only.
 */

export interface LinearScorer {
  /** Feature names; `weights[c * features.length + f]` is w_cf. */
  features: string[];
  weights: number[];
  bias: number[];
}

export interface CountedExample {
  features: Iterable<string>;
  label: number;
  weight: number;
  /** Pseudo-examples (passages, anchor examples) add to the feature counts but not to the prior. */
  inPrior: boolean;
}

export const SMOOTHING = 0.5;

/** Weighted counts of a naive Bayes model; counts of a subset are the counts of the whole minus the rest. */
export interface NaiveBayesCounts {
  classCount: number;
  index: Map<string, number>;
  /** n[c · F + f]: weight of class-c examples holding feature f (F = index.size when counted). */
  n: Float64Array;
  /** Weight of each class's examples, pseudo-examples included. */
  N: Float64Array;
  /** Weight of each class's examples that count in the prior. */
  prior: Float64Array;
}

export function countExamples(examples: readonly CountedExample[], classCount: number): NaiveBayesCounts {
  const index = new Map<string, number>();
  for (const e of examples) for (const f of e.features) if (!index.has(f)) index.set(f, index.size);
  const F = index.size;
  const counts: NaiveBayesCounts = { classCount, index, n: new Float64Array(classCount * F), N: new Float64Array(classCount), prior: new Float64Array(classCount) };
  addExamples(counts, examples, 1);
  return counts;
}

/** Adds (sign 1) or removes (sign −1) examples that were counted before. */
export function addExamples(counts: NaiveBayesCounts, examples: readonly CountedExample[], sign: 1 | -1): void {
  const F = counts.index.size;
  for (const e of examples) {
    counts.N[e.label]! += sign * e.weight;
    if (e.inPrior) counts.prior[e.label]! += sign * e.weight;
    for (const f of e.features) {
      const id = counts.index.get(f);
      if (id === undefined) throw new Error(`feature ${f} was not counted`);
      counts.n[e.label * F + id]! += sign * e.weight;
    }
  }
}

export function cloneCounts(c: NaiveBayesCounts): NaiveBayesCounts {
  return { classCount: c.classCount, index: c.index, n: c.n.slice(), N: c.N.slice(), prior: c.prior.slice() };
}

/**
 * The scorer of the counts. Features no remaining example holds (after removing some) are left
 * out, so a model fitted on a subset knows exactly the features of that subset.
 */
export function scorerFromCounts(c: NaiveBayesCounts, alpha = SMOOTHING): LinearScorer {
  const K = c.classCount;
  const F = c.index.size;
  const eps = 1e-9;
  const kept: number[] = [];
  const features: string[] = [];
  for (const [f, id] of c.index) {
    let any = false;
    for (let k = 0; k < K && !any; k++) any = c.n[k * F + id]! > eps;
    if (!any) continue;
    kept.push(id);
    features.push(f);
  }
  const priorTotal = c.prior.reduce((a, b) => a + b, 0);
  const weights = new Array<number>(K * kept.length);
  const bias = new Array<number>(K);
  for (let k = 0; k < K; k++) {
    const Nk = Math.max(0, c.N[k]!);
    let b = Math.log((Math.max(0, c.prior[k]!) + 1) / (priorTotal + K));
    kept.forEach((id, f) => {
      const theta = (Math.max(0, c.n[k * F + id]!) + alpha) / (Nk + 2 * alpha);
      weights[k * kept.length + f] = Math.log(theta) - Math.log1p(-theta);
      b += Math.log1p(-theta);
    });
    bias[k] = b;
  }
  return { features, weights, bias };
}

export function trainNaiveBayes(examples: readonly CountedExample[], classCount: number, alpha = SMOOTHING): LinearScorer {
  return scorerFromCounts(countExamples(examples, classCount), alpha);
}

const indexes = new WeakMap<LinearScorer, Map<string, number>>();

export function featureIndex(scorer: LinearScorer): Map<string, number> {
  let index = indexes.get(scorer);
  if (!index) indexes.set(scorer, (index = new Map(scorer.features.map((f, i) => [f, i]))));
  return index;
}

/** Class scores (log posterior up to a constant) of a set of features; unknown features are ignored. */
export function scoreFeatures(scorer: LinearScorer, present: Iterable<string>): number[] {
  const index = featureIndex(scorer);
  const F = scorer.features.length;
  const scores = [...scorer.bias];
  for (const f of present) {
    const id = index.get(f);
    if (id === undefined) continue;
    for (let c = 0; c < scores.length; c++) scores[c]! += scorer.weights[c * F + id]!;
  }
  return scores;
}

/** How much a set of features moves class `a` ahead of class `b` (for ranking evidence). */
export function contrast(scorer: LinearScorer, features: Iterable<string>, a: number, b: number): number {
  const index = featureIndex(scorer);
  const F = scorer.features.length;
  let sum = 0;
  for (const f of features) {
    const id = index.get(f);
    if (id !== undefined) sum += scorer.weights[a * F + id]! - scorer.weights[b * F + id]!;
  }
  return sum;
}
