/**
 * Proposals for a document: per variable, the value with the highest score, its calibrated
 * confidence, and the sentences that drove it — the sentences the variable's keys select,
 * ranked by how much their features move the proposed value ahead of the runner-up.
 */
import { OverensError } from '../errors';
import { confidenceOf, smoothedAccuracy, type Calibration } from './calibration';
import { featuresOf } from './fit-variable';
import { MAX_EVIDENCE, type AssistModel, type EvidenceSentence, type Proposal, type VariableModel } from './model';
import { contrast, scoreFeatures } from './naive-bayes';
import type { PreparedDocument } from './prepare';
import { sentencesWithKeys } from './relevance';

export interface RawProposal {
  label: number;
  runnerUp: number;
  margin: number;
  sentences: number[];
}

/** The uncalibrated decision: best class, runner-up, their score gap, the sentences read. */
export function decide(model: Omit<VariableModel, 'heldOut' | 'heldOutRight'>, doc: PreparedDocument): RawProposal {
  const sentences = sentencesWithKeys(doc, model.keys);
  const scores = scoreFeatures(model.scorer, featuresOf(doc, sentences));
  let label = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[label]!) label = c;
  let runnerUp = label === 0 ? 1 : 0;
  for (let c = 0; c < scores.length; c++) if (c !== label && scores[c]! > scores[runnerUp]!) runnerUp = c;
  return { label, runnerUp, margin: scores[label]! - scores[runnerUp]!, sentences };
}

export function evidenceFor(model: Omit<VariableModel, 'heldOut' | 'heldOutRight'>, doc: PreparedDocument, text: string, raw: RawProposal): EvidenceSentence[] {
  return raw.sentences
    .map((i) => {
      const s = doc.sentences[i]!;
      return { start: s.start, end: s.end, quote: text.slice(s.start, s.end), weight: contrast(model.scorer, s.features, raw.label, raw.runnerUp) };
    })
    .filter((e) => e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.start - b.start)
    .slice(0, MAX_EVIDENCE);
}

export function variableAccuracy(model: VariableModel): number {
  return smoothedAccuracy(model.heldOutRight, model.heldOut);
}

/** One variable's proposal; without `text`, no evidence is gathered (cross-validation needs none). */
export function proposeWith(model: VariableModel, calibration: Calibration, doc: PreparedDocument, text?: string): Proposal {
  const raw = decide(model, doc);
  return {
    documentId: doc.id,
    variableId: model.variableId,
    valueId: model.classes[raw.label]!,
    confidence: confidenceOf(calibration, raw.margin, variableAccuracy(model)),
    evidence: text === undefined ? [] : evidenceFor(model, doc, text, raw),
  };
}

/**
 * Proposals for one document and every variable the model knows (or those in `variableIds`).
 * `text` is the document's normalised text, for the evidence quotes; its length must match
 * what the document was prepared from.
 */
export function propose(model: AssistModel, doc: PreparedDocument, text: string, variableIds?: readonly string[]): Proposal[] {
  if (text.length !== doc.length) throw new OverensError('assist-text-mismatch', { sv: `Dokumentet ”${doc.id}”: texten (${text.length} tecken) är inte den som förbereddes (${doc.length} tecken).`, en: `Document "${doc.id}": the text (${text.length} characters) is not the one it was prepared from (${doc.length}).` });
  if (doc.sentences.length === 0) throw new OverensError('assist-document-without-text', { sv: `Dokumentet ”${doc.id}” har ingen text att föreslå värden för (skannat utan textlager, eller tomt).`, en: `Document "${doc.id}" has no text to propose values for (scanned without a text layer, or empty).` });
  const wanted = variableIds ? new Set(variableIds) : null;
  return model.variables.filter((v) => !wanted || wanted.has(v.variableId)).map((v) => proposeWith(v, model.calibration, doc, text));
}
