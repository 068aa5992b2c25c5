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

export function trainNaiveBayes(examples: readonly CountedExample[], classCount: number, alpha = SMOOTHING, absence = true): LinearScorer {
  const index = new Map<string, number>();
  const featureLists = examples.map((e) => {
    const ids: number[] = [];
    for (const f of e.features) {
      let id = index.get(f);
      if (id === undefined) index.set(f, (id = index.size));
      ids.push(id);
    }
    return ids;
  });
  const F = index.size;
  const n = new Float64Array(classCount * F);
  const N = new Float64Array(classCount);
  const prior = new Float64Array(classCount);
  examples.forEach((e, i) => {
    N[e.label]! += e.weight;
    if (e.inPrior) prior[e.label]! += e.weight;
    for (const id of featureLists[i]!) n[e.label * F + id]! += e.weight;
  });
  const priorTotal = prior.reduce((a, b) => a + b, 0);
  const weights = new Array<number>(classCount * F);
  const bias = new Array<number>(classCount);
  for (let c = 0; c < classCount; c++) {
    let b = Math.log((prior[c]! + 1) / (priorTotal + classCount));
    for (let f = 0; f < F; f++) {
      const theta = (n[c * F + f]! + alpha) / (N[c]! + 2 * alpha);
      weights[c * F + f] = absence ? Math.log(theta) - Math.log1p(-theta) : Math.log(theta);
      if (absence) b += Math.log1p(-theta);
    }
    bias[c] = b;
  }
  return { features: [...index.keys()], weights, bias };
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
