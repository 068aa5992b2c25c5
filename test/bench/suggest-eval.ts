/**
 * The assisted-coding evaluation shared by `npm run bench -- suggest`: train on n documents drawn
 * with a seed, propose values for the rest, and score proposals and the two baselines against
 * the corpus' truth (the coding each synthetic text was written from).
 */
import { seededRandom } from '../../src/core/agreement/bootstrap';
import { expectedCalibrationError, prepareDocument, propose, trainAssistModel, type PreparedDocument } from '../../src/core/assist';
import { findIndicatorTerms } from '../../src/core/coding/suggest';
import type { Variable } from '../../src/core/model/codebook';

export interface TruthCell {
  document: string;
  variableId: string;
  valueId: string;
}

export interface Cell {
  variableId: string;
  truth: string;
  proposed: string;
  confidence: number;
  majority: string;
  terms: string;
}

/** Seeded draw of n documents (sorted names, Fisher–Yates with mulberry32). */
export function drawDocuments(names: readonly string[], n: number, seed: number): string[] {
  const ids = [...names].sort();
  const random = seededRandom(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, n).sort();
}

/** Today's indicator-term suggestion: the value with the most term hits, else the absent value. */
export function termSuggestion(text: string, variable: Variable): string {
  const hits = findIndicatorTerms(text, variable);
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.valueId, (counts.get(h.valueId) ?? 0) + 1);
  let best: string | null = null;
  for (const v of variable.values) if ((counts.get(v.id) ?? 0) > (best ? counts.get(best)! : 0)) best = v.id;
  return best ?? variable.values.find((v) => v.absent)?.id ?? variable.values[0]!.id;
}

export function majorityValue(variable: Variable, training: readonly TruthCell[]): string {
  const counts = new Map<string, number>();
  for (const t of training) if (t.variableId === variable.id) counts.set(t.valueId, (counts.get(t.valueId) ?? 0) + 1);
  let best = variable.values[0]!.id;
  for (const v of variable.values) if ((counts.get(v.id) ?? 0) > (counts.get(best) ?? 0)) best = v.id;
  return best;
}

export function runDraw(texts: ReadonlyMap<string, string>, prepared: ReadonlyMap<string, PreparedDocument>, truth: readonly TruthCell[], variables: readonly Variable[], train: readonly string[]): Cell[] {
  const inTrain = new Set(train);
  const training = truth.filter((t) => inTrain.has(t.document));
  const model = trainAssistModel({ variables, documents: train.map((d) => prepared.get(d)!), judgements: training.map((t) => ({ documentId: t.document, variableId: t.variableId, valueId: t.valueId })) });
  const byId = new Map(variables.map((v) => [v.id, v]));
  const cells: Cell[] = [];
  const truthByDoc = new Map<string, TruthCell[]>();
  for (const t of truth) if (!inTrain.has(t.document)) truthByDoc.set(t.document, [...(truthByDoc.get(t.document) ?? []), t]);
  for (const [document, cellsOfDoc] of truthByDoc) {
    const text = texts.get(document)!;
    const proposals = new Map(propose(model, prepared.get(document)!, text).map((p) => [p.variableId, p]));
    for (const t of cellsOfDoc) {
      const variable = byId.get(t.variableId)!;
      const p = proposals.get(t.variableId)!;
      cells.push({ variableId: t.variableId, truth: t.valueId, proposed: p.valueId, confidence: p.confidence, majority: majorityValue(variable, training), terms: termSuggestion(text, variable) });
    }
  }
  return cells;
}

export interface Scores {
  cells: number;
  accuracy: number;
  majority: number;
  terms: number;
  confident: number;
  confidentAccuracy: number | null;
  /** Expected calibration error of the confidences (10 bins). */
  ece: number;
}

export function score(cells: readonly Cell[], threshold = 0.9): Scores {
  const share = (pick: (c: Cell) => boolean, of: readonly Cell[] = cells) => (of.length ? of.filter(pick).length / of.length : 0);
  const confident = cells.filter((c) => c.confidence >= threshold);
  return {
    cells: cells.length,
    accuracy: share((c) => c.proposed === c.truth),
    majority: share((c) => c.majority === c.truth),
    terms: share((c) => c.terms === c.truth),
    confident: confident.length / Math.max(cells.length, 1),
    confidentAccuracy: confident.length ? share((c) => c.proposed === c.truth, confident) : null,
    ece: expectedCalibrationError(cells.map((c) => ({ confidence: c.confidence, correct: c.proposed === c.truth }))),
  };
}

export function prepareAll(texts: ReadonlyMap<string, string>): Map<string, PreparedDocument> {
  return new Map([...texts].map(([name, text]) => [name, prepareDocument(name, text)]));
}

/**
 * A 186-document project from the 60-document corpus (the size of the Vårdanalys study): each
 * agreement three times (and the first six a fourth time); every copy after the first has its
 * paragraphs (blocks between blank lines) after the first in an order shuffled by a seed of its
 * own, so no two texts are the same while what they say — and so their truth — stays.
 */
export function scaledCorpus(texts: ReadonlyMap<string, string>, size = 186): Map<string, string> {
  const names = [...texts.keys()].sort();
  const out = new Map<string, string>();
  for (let i = 0; out.size < size; i++) {
    const name = names[i % names.length]!;
    const copy = Math.floor(i / names.length);
    const text = texts.get(name)!;
    if (copy === 0) {
      out.set(name, text);
      continue;
    }
    const [head, ...rest] = text.split(/\n\n/);
    const random = seededRandom(i + 1);
    for (let k = rest.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [rest[k], rest[j]] = [rest[j]!, rest[k]!];
    }
    out.set(`copy${copy}-${name}`, [head, ...rest].join('\n\n'));
  }
  return out;
}

/** The original a scaled-corpus copy was made from. */
export const originalName = (name: string) => name.replace(/^copy\d+-/, '');
