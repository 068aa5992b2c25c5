/**
 * Training the assist model on a project's own codings: one naive Bayes scorer per proposable
 * variable (single-valued, not derived), an internal k-fold cross-validation over the judged
 * documents whose out-of-fold proposals fit the confidence calibration, then the final scorers
 * on every judged document. Deterministic for a seed (folds are drawn from the documents sorted
 * by id). Synchronous, with progress callbacks, so it runs as is in a Web Worker or in Node.
 */
import { seededRandom } from '../agreement/bootstrap';
import { OverensError } from '../errors';
import type { Variable } from '../model/codebook';
import { fitCalibration, smoothedAccuracy, type CalibrationPoint } from './calibration';
import { chooseKeys, fittedVariable, fitVariable, variableExamples, type FittedVariable, type VariableTraining } from './fit-variable';
import { addExamples, cloneCounts, countExamples, scorerFromCounts } from './naive-bayes';
import type { AssistModel, AssistProgress, TrainingJudgement, TrainingPassage, VariableModel } from './model';
import { decide } from './predict';
import type { PreparedDocument } from './prepare';

export interface AssistTrainingInput {
  /** The codebook version's variables; those that cannot be proposed are left out. */
  variables: readonly Variable[];
  /** Every document the judgements and passages refer to, prepared. */
  documents: readonly PreparedDocument[];
  judgements: readonly TrainingJudgement[];
  passages?: readonly TrainingPassage[];
}

export interface TrainOptions {
  /** Seed of the internal cross-validation's folds (default 1). */
  seed?: number;
  /** Folds of the internal cross-validation (default 5; fewer when there are fewer documents). */
  folds?: number;
  onProgress?: (progress: AssistProgress) => void;
}

export const DEFAULT_FOLDS = 5;

/** Variables the model proposes values for: single-valued, coded by hand, with at least two values. */
export function proposableVariables(variables: readonly Variable[]): Variable[] {
  return variables.filter((v) => v.kind === 'single' && !v.derived && v.values.length >= 2);
}

const problem = (code: string, sv: string, en: string) => new OverensError(code, { sv, en });

/** Deterministic fold of each document: sorted by id, shuffled by the seed, dealt round-robin. */
export function assignFolds(documentIds: readonly string[], folds: number, seed: number): Map<string, number> {
  const ids = [...new Set(documentIds)].sort();
  const random = seededRandom(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return new Map(ids.map((id, i) => [id, i % folds]));
}

interface Checked {
  variables: Variable[];
  trainings: VariableTraining[];
  documentIds: string[];
}

/** Validates the input and groups it by variable; every problem names what it is about. */
export function checkTrainingInput(input: AssistTrainingInput): Checked {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const variables = new Map(input.variables.map((v) => [v.id, v]));
  const proposable = proposableVariables(input.variables);
  const byVariable = new Map<string, VariableTraining>(proposable.map((v) => [v.id, { variable: v, labelled: [], passages: [] }]));
  const resolve = (what: 'judgement' | 'passage', r: { documentId: string; variableId: string; valueId: string }) => {
    const variable = variables.get(r.variableId);
    if (!variable) throw problem('assist-unknown-variable', `${what === 'judgement' ? 'Bedömningen' : 'Passagen'} av dokumentet ”${r.documentId}” gäller en variabel som inte finns i kodboken: ”${r.variableId}”.`, `The ${what} of document "${r.documentId}" is for a variable that is not in the codebook: "${r.variableId}".`);
    const label = variable.values.findIndex((v) => v.id === r.valueId);
    if (label < 0) throw problem('assist-unknown-value', `${what === 'judgement' ? 'Bedömningen' : 'Passagen'} av dokumentet ”${r.documentId}” har ett värde som variabeln ”${variable.label.sv ?? variable.key}” inte har: ”${r.valueId}”.`, `The ${what} of document "${r.documentId}" has a value that variable "${variable.label.en ?? variable.label.sv ?? variable.key}" does not have: "${r.valueId}".`);
    const doc = docs.get(r.documentId);
    if (!doc) throw problem('assist-unknown-document', `Dokumentet ”${r.documentId}” har bedömningar men finns inte bland dokumenten.`, `Document "${r.documentId}" has codings but is not among the documents.`);
    if (doc.sentences.length === 0) throw problem('assist-document-without-text', `Dokumentet ”${r.documentId}” har ingen text att lära av (skannat utan textlager, eller tomt).`, `Document "${r.documentId}" has no text to learn from (scanned without a text layer, or empty).`);
    return { doc, label, training: byVariable.get(variable.id) };
  };
  const documentIds = new Set<string>();
  for (const j of input.judgements) {
    const { doc, label, training } = resolve('judgement', j);
    const weight = j.weight ?? 1;
    if (!(weight > 0) || !Number.isFinite(weight)) throw problem('assist-bad-weight', `Bedömningen av dokumentet ”${j.documentId}” har vikten ${weight}; vikten måste vara ett positivt tal.`, `The judgement of document "${j.documentId}" has weight ${weight}; a weight must be a positive number.`);
    if (!training) continue;
    training.labelled.push({ doc, label, weight });
    documentIds.add(doc.id);
  }
  for (const p of input.passages ?? []) {
    const { doc, label, training } = resolve('passage', p);
    if (!(p.end > p.start && p.start >= 0 && p.end <= doc.length)) throw problem('assist-bad-passage', `En passage i dokumentet ”${p.documentId}” har ogiltiga positioner ${p.start}–${p.end} (texten har ${doc.length} tecken).`, `A passage in document "${p.documentId}" has invalid offsets ${p.start}–${p.end} (the text has ${doc.length} characters).`);
    if (training) training.passages.push({ doc, passage: p, label });
  }
  const trainings = [...byVariable.values()].filter((t) => t.labelled.length > 0);
  if (trainings.length === 0) throw problem('assist-no-training-data', 'Det finns inga bedömningar att lära av (inga dokumentbedömningar av variabler som kan föreslås).', 'There are no judgements to learn from (no document-level judgements of variables that can be proposed).');
  return { variables: proposable, trainings, documentIds: [...documentIds].sort() };
}

function subset(t: VariableTraining, keep: (documentId: string) => boolean): VariableTraining {
  return { variable: t.variable, labelled: t.labelled.filter((l) => keep(l.doc.id)), passages: t.passages.filter((p) => keep(p.doc.id)) };
}

export function trainAssistModel(input: AssistTrainingInput, options: TrainOptions = {}): AssistModel {
  const seed = options.seed ?? 1;
  const { trainings, documentIds } = checkTrainingInput(input);
  const folds = Math.min(options.folds ?? DEFAULT_FOLDS, documentIds.length);
  const total = (folds >= 2 ? folds : 0) * trainings.length + trainings.length;
  let done = 0;
  const tick = (stage: AssistProgress['stage']) => options.onProgress?.({ stage, done: ++done, total });

  // Internal cross-validation: out-of-fold proposals for every judged document. Where the keys
  // are the codebook's own (they do not depend on the judgements), a fold's model is the counts
  // of all examples minus the fold's; where keys were learned, each fold learns its own.
  const heldOut = new Map<string, { n: number; right: number; points: { margin: number; correct: boolean }[] }>();
  const finals = new Map<string, FittedVariable>();
  const foldOf = assignFolds(documentIds, Math.max(folds, 1), seed);
  for (const t of trainings) {
    const record = { n: 0, right: 0, points: [] as { margin: number; correct: boolean }[] };
    heldOut.set(t.variable.id, record);
    const { keys, learned } = chooseKeys(t);
    const examples = variableExamples(t, keys);
    const counts = countExamples(examples, t.variable.values.length);
    finals.set(t.variable.id, fittedVariable(t, keys, learned, scorerFromCounts(counts)));
    if (folds < 2) continue;
    for (let k = 0; k < folds; k++) {
      const inFold = (id: string | null) => id !== null && foldOf.get(id) === k;
      let fitted: FittedVariable | null = null;
      if (!learned) {
        const rest = cloneCounts(counts);
        addExamples(rest, examples.filter((e) => inFold(e.documentId)), -1);
        if (rest.prior.some((p) => p > 1e-9)) fitted = fittedVariable(t, keys, learned, scorerFromCounts(rest));
      } else {
        const train = subset(t, (id) => !inFold(id));
        if (train.labelled.length > 0) fitted = fitVariable(train);
      }
      if (fitted) {
        for (const l of t.labelled) {
          if (!inFold(l.doc.id)) continue;
          const raw = decide(fitted, l.doc);
          const correct = raw.label === l.label;
          record.n++;
          if (correct) record.right++;
          record.points.push({ margin: raw.margin, correct });
        }
      }
      tick('cross-validation');
    }
  }
  const points: CalibrationPoint[] = [];
  for (const r of heldOut.values()) for (const p of r.points) points.push({ margin: p.margin, correct: p.correct, variableAccuracy: smoothedAccuracy(r.right - (p.correct ? 1 : 0), r.n - 1) });
  const calibration = fitCalibration(points);

  const variables: VariableModel[] = trainings.map((t) => {
    const record = heldOut.get(t.variable.id);
    tick('training');
    return { ...finals.get(t.variable.id)!, heldOut: record?.n ?? 0, heldOutRight: record?.right ?? 0 };
  });
  return { format: 'overens-assist-model', formatVersion: 1, variables, calibration, trainedOn: documentIds, seed };
}
