/**
 * The model as a coder: k-fold cross-validation over a project's judged documents, in which
 * each document is proposed by a model that did not train on it. The result is long codings
 * (the model as one more coder) that the agreement code takes like any coder's, plus per-variable
 * scores against the judgements, so a threshold can decide which variables are proposed.
 */
import { OverensError } from '../errors';
import { agreementReport, type AgreementOptions, type AgreementReport, type LongCoding } from '../agreement';
import type { AssistProgress, Proposal } from './model';
import { proposeWith } from './predict';
import { assignFolds, checkTrainingInput, DEFAULT_FOLDS, trainAssistModel, type AssistTrainingInput, type TrainOptions } from './train';

/** The coder name the model's codings carry unless another is given. */
export const MODEL_CODER = 'assist-model';

export interface CrossValidationOptions extends TrainOptions {
  /** Folds over the judged documents (default 5). */
  outerFolds?: number;
  /** The coder the model's codings are attributed to (default `MODEL_CODER`). */
  coder?: string;
}

export interface VariableScore {
  variableId: string;
  /** Judged documents proposed out of fold. */
  documents: number;
  /** Weighted share of the judgements the out-of-fold proposal equals. */
  accuracy: number;
  /** Mean confidence of the out-of-fold proposals. */
  meanConfidence: number;
}

export interface CrossValidation {
  coder: string;
  /** One coding per judged document and variable: `document` = document id, `variable` = variable id, `value` = value id. */
  codings: LongCoding[];
  /** The same proposals with their confidences (no evidence: texts are not needed here). */
  proposals: Omit<Proposal, 'evidence'>[];
  variables: VariableScore[];
  folds: number;
}

export function crossValidate(input: AssistTrainingInput, options: CrossValidationOptions = {}): CrossValidation {
  const seed = options.seed ?? 1;
  const coder = options.coder ?? MODEL_CODER;
  const { trainings, documentIds } = checkTrainingInput(input);
  const folds = Math.min(options.outerFolds ?? DEFAULT_FOLDS, documentIds.length);
  if (folds < 2) throw new OverensError('assist-too-few-documents', { sv: `Korsvalidering kräver minst två bedömda dokument; det finns ${documentIds.length}.`, en: `Cross-validation needs at least two judged documents; there are ${documentIds.length}.` });
  const foldOf = assignFolds(documentIds, folds, seed + 1);
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const proposals: Omit<Proposal, 'evidence'>[] = [];
  for (let k = 0; k < folds; k++) {
    const inFold = (id: string) => foldOf.get(id) === k;
    const onProgress = options.onProgress && ((p: AssistProgress) => options.onProgress!({ stage: 'cross-validation', done: k * p.total + p.done, total: folds * p.total }));
    const model = trainAssistModel(
      { ...input, judgements: input.judgements.filter((j) => !inFold(j.documentId)), passages: (input.passages ?? []).filter((p) => !inFold(p.documentId)) },
      { seed, folds: options.folds, onProgress },
    );
    for (const t of trainings) {
      const vm = model.variables.find((v) => v.variableId === t.variable.id);
      if (!vm) continue;
      for (const id of new Set(t.labelled.filter((l) => inFold(l.doc.id)).map((l) => l.doc.id))) {
        const { documentId, variableId, valueId, confidence } = proposeWith(vm, model.calibration, docs.get(id)!);
        proposals.push({ documentId, variableId, valueId, confidence });
      }
    }
  }
  proposals.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) || (a.variableId < b.variableId ? -1 : 1));
  const variables: VariableScore[] = trainings.map((t) => {
    const own = proposals.filter((p) => p.variableId === t.variable.id);
    const byDoc = new Map(own.map((p) => [p.documentId, p]));
    let weight = 0;
    let right = 0;
    for (const l of t.labelled) {
      const p = byDoc.get(l.doc.id);
      if (!p) continue;
      weight += l.weight;
      if (p.valueId === t.variable.values[l.label]!.id) right += l.weight;
    }
    return { variableId: t.variable.id, documents: own.length, accuracy: weight ? right / weight : 0, meanConfidence: own.length ? own.reduce((s, p) => s + p.confidence, 0) / own.length : 0 };
  });
  return { coder, codings: proposals.map((p) => ({ document: p.documentId, coder, variable: p.variableId, value: p.valueId })), proposals, variables, folds };
}

/**
 * The model's agreement with each human coder: for every coder in `human`, the agreement report
 * of that coder and the model on the documents both coded (as the Reliability view computes it
 * for two humans). `options` as for `agreementReport` (levels, category order, scores).
 */
export function agreementWithCoders(cv: CrossValidation, human: readonly LongCoding[], options: AgreementOptions = {}): Map<string, AgreementReport> {
  const reports = new Map<string, AgreementReport>();
  for (const coder of [...new Set(human.map((h) => h.coder))].sort()) {
    if (coder === cv.coder) continue;
    const own = human.filter((h) => h.coder === coder && h.value);
    const keys = new Set(own.map((h) => `${h.document}\u0000${h.variable}`));
    const model = cv.codings.filter((c) => keys.has(`${c.document}\u0000${c.variable}`));
    reports.set(coder, agreementReport([...own, ...model], { ...options, coders: [coder, cv.coder] }));
  }
  return reports;
}

/**
 * Variables worth proposing: those whose out-of-fold agreement reaches the threshold, by
 * Krippendorff's α with every human coder (the lowest counts) or, where α is undefined (no
 * variation), by accuracy.
 */
export function variablesAboveThreshold(cv: CrossValidation, reports: ReadonlyMap<string, AgreementReport>, threshold: number): string[] {
  return cv.variables
    .filter((v) => {
      const alphas = [...reports.values()].map((r) => r.variables.find((row) => row.variable === v.variableId)?.krippendorff_alpha ?? null);
      const defined = alphas.filter((a): a is number => a !== null);
      return defined.length > 0 ? Math.min(...defined) >= threshold : v.accuracy >= threshold;
    })
    .map((v) => v.variableId);
}
