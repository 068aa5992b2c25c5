// Bernoulli naive Bayes as a linear scorer, checked against the formulas by hand, and the
// feature selection by mutual information that keeps filler from voting.
import { describe, expect, it } from 'vitest';
import { addExamples, cloneCounts, countExamples, scoreFeatures, scorerFromCounts, trainNaiveBayes } from '../../../../src/core/assist/naive-bayes';

const ex = (features: string[], label: number, weight = 1, inPrior = true) => ({ features, label, weight, inPrior });

describe('naive Bayes scorer', () => {
  it('has the Bernoulli weights: w = log θ − log(1 − θ), θ = (n + ½)/(N + 1)', () => {
    const s = trainNaiveBayes([ex(['a'], 0), ex(['a', 'b'], 0), ex(['b'], 1)], 2);
    const a = s.features.indexOf('a');
    // Class 0: 2 documents, 'a' in both → θ = 2.5/3; class 1: 1 document, 'a' in none → θ = 0.5/2.
    expect(s.weights[a]).toBeCloseTo(Math.log(2.5 / 3) - Math.log(0.5 / 3), 12);
    expect(s.weights[s.features.length + a]).toBeCloseTo(Math.log(0.25) - Math.log(0.75), 12);
    // Bias of class 0: log prior (2 + 1)/(3 + 2) + Σ_f log(1 − θ_0f) over 'a' (θ 2.5/3) and 'b' (θ 1.5/3).
    expect(s.bias[0]).toBeCloseTo(Math.log(3 / 5) + Math.log(0.5 / 3) + Math.log(1.5 / 3), 12);
    expect(scoreFeatures(s, ['a', 'unknown'])[0]).toBeCloseTo(s.bias[0]! + s.weights[a]!, 12);
  });

  it('gives a subset the model a refit on it would give (counts minus the rest)', () => {
    const all = [ex(['a', 'x'], 0), ex(['a'], 0), ex(['b', 'x'], 1), ex(['b', 'y'], 1), ex(['y'], 1, 0.5, false)];
    const counts = countExamples(all, 2);
    const rest = cloneCounts(counts);
    addExamples(rest, [all[3]!, all[4]!], -1);
    const byCounts = scorerFromCounts(rest);
    const refit = trainNaiveBayes(all.slice(0, 3), 2);
    expect(byCounts.features.sort()).toEqual(refit.features.sort());
    for (const probe of [['a'], ['b', 'x'], []]) scoreFeatures(byCounts, probe).forEach((v, i) => expect(v).toBeCloseTo(scoreFeatures(refit, probe)[i]!, 9));
  });

  it('keeps the features most informative about the value', () => {
    // 'ja' marks class 0, 'nej' class 1; 'filler' and 'noise' are spread over both.
    const examples = [ex(['ja', 'filler'], 0), ex(['ja', 'noise'], 0), ex(['ja', 'filler', 'noise'], 0), ex(['nej', 'filler'], 1), ex(['nej', 'noise'], 1), ex(['nej', 'filler', 'noise'], 1)];
    expect(trainNaiveBayes(examples, 2, 0.5, 2).features.sort()).toEqual(['ja', 'nej']);
    expect(trainNaiveBayes(examples, 2).features).toHaveLength(4);
  });
});
