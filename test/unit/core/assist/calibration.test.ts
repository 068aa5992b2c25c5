// Calibration: on held-out documents the confidence should mean what it says. The generated
// corpus (corpus.ts) is made noisy on purpose — a seeded 25 % of the "lvm" judgements are
// flipped, in training and in the held-out truth alike — so about one proposal in four cannot
// be right and a confidence near 1 would be a lie. The naive Bayes posterior itself (the
// softmax of the scores) is that lie; the calibrated confidence must be far closer.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../src/core/agreement/bootstrap';
import { confidenceOf, decide, expectedCalibrationError, fitCalibration, prepareDocument, proposeWith, reliabilityDiagram, trainAssistModel } from '../../../../src/core/assist';
import { scoreFeatures } from '../../../../src/core/assist/naive-bayes';
import { featuresOf } from '../../../../src/core/assist/fit-variable';
import { generate, VARIABLES, type GeneratedDocument } from './corpus';

function noisy(docs: GeneratedDocument[], seed: number): GeneratedDocument[] {
  const random = seededRandom(seed);
  return docs.map((d) => (random() < 0.25 ? { ...d, truth: { ...d.truth, lvm: d.truth.lvm === 'lvm.ja' ? 'lvm.nej' : 'lvm.ja' } } : d));
}

describe('calibrated confidence', () => {
  const train = noisy(generate(60, 11, 'train'), 12);
  const held = noisy(generate(200, 13, 'held'), 14);
  const docs = new Map([...train, ...held].map((d) => [d.id, prepareDocument(d.id, d.text)]));
  const model = trainAssistModel({ variables: VARIABLES, documents: train.map((d) => docs.get(d.id)!), judgements: train.map((d) => ({ documentId: d.id, variableId: 'lvm', valueId: d.truth.lvm! })) });
  const lvm = model.variables[0]!;

  it('has an expected calibration error within 0.1 on held-out documents, far below the raw posterior\'s', () => {
    const calibrated = held.map((d) => {
      const p = proposeWith(lvm, model.calibration, docs.get(d.id)!);
      return { confidence: p.confidence, correct: p.valueId === d.truth.lvm };
    });
    const raw = held.map((d) => {
      const doc = docs.get(d.id)!;
      const r = decide(lvm, doc);
      const scores = scoreFeatures(lvm.scorer, featuresOf(doc, r.sentences));
      const max = Math.max(...scores);
      const z = scores.reduce((s, x) => s + Math.exp(x - max), 0);
      return { confidence: 1 / z, correct: lvm.classes[r.label] === d.truth.lvm };
    });
    const accuracy = calibrated.filter((c) => c.correct).length / calibrated.length;
    expect(accuracy).toBeGreaterThan(0.6);
    expect(accuracy).toBeLessThan(0.9);
    expect(expectedCalibrationError(calibrated)).toBeLessThan(0.1);
    expect(expectedCalibrationError(raw)).toBeGreaterThan(0.15);
  });

  it('bins a reliability diagram by confidence', () => {
    const bins = reliabilityDiagram([{ confidence: 0.05, correct: false }, { confidence: 0.95, correct: true }, { confidence: 1, correct: false }], 10);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ low: 0, high: 0.1, count: 1, meanConfidence: 0.05, accuracy: 0 });
    expect(bins[9]).toMatchObject({ count: 2, meanConfidence: 0.975, accuracy: 0.5 });
    // ECE by hand: (1·|0 − 0.05| + 2·|0.5 − 0.975|) / 3 = 1.0 / 3.
    expect(expectedCalibrationError([{ confidence: 0.05, correct: false }, { confidence: 0.95, correct: true }, { confidence: 1, correct: false }])).toBeCloseTo(1 / 3, 12);
  });

  it('stays short of certainty when every out-of-fold proposal was right (Platt\'s targets)', () => {
    const c = fitCalibration([1, 2, 3, 4].map((margin) => ({ margin, variableAccuracy: 0.9, correct: true })));
    // Four right answers: Platt's target (4 + 1)/(4 + 2) = 0.83; the fit stays below 0.95.
    expect(confidenceOf(c, 3, 0.9)).toBeLessThan(0.95);
    expect(confidenceOf(c, 3, 0.9)).toBeGreaterThan(0.6);
  });

  it('gives higher confidence to larger margins when margins separate right from wrong', () => {
    const points = Array.from({ length: 40 }, (_, i) => ({ margin: i, variableAccuracy: 0.8, correct: i >= 8 }));
    const c = fitCalibration(points);
    expect(confidenceOf(c, 30, 0.8)).toBeGreaterThan(confidenceOf(c, 2, 0.8));
    expect(confidenceOf(c, 30, 0.8)).toBeGreaterThan(0.9);
  });
});
