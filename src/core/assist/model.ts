/**
 * The assist engine's inputs and its trained model. Plain data throughout (no classes, no
 * Maps), so a model can be posted from a Web Worker, kept, or written to a file.
 */
import type { Calibration } from './calibration';
import type { LinearScorer } from './naive-bayes';
import type { KeyPhrase } from './relevance';

/** A document-level value one coder gave one document for one variable. */
export interface TrainingJudgement {
  documentId: string;
  variableId: string;
  valueId: string;
  /** Defaults to 1; give 1/n when n coders judged the same document and variable. */
  weight?: number;
}

/** A coded passage: evidence for a value, with offsets into the document's text. */
export interface TrainingPassage {
  documentId: string;
  variableId: string;
  valueId: string;
  start: number;
  end: number;
}

export interface VariableModel {
  variableId: string;
  /** The variable's value ids, in codebook order; the scorer's classes. */
  classes: string[];
  /** Index of the absent value in `classes`, or −1. */
  absent: number;
  /** The stem phrases whose sentences the model reads. */
  keys: KeyPhrase[];
  /** Where the keys came from: the codebook's terms, plus learned ones when needed. */
  learnedKeys: boolean;
  scorer: LinearScorer;
  /** Judged documents it was trained on. */
  documents: number;
  /** Internal cross-validation: proposals made for held-out documents, and how many were right. */
  heldOut: number;
  heldOutRight: number;
}

export interface AssistModel {
  format: 'overens-assist-model';
  formatVersion: 1;
  variables: VariableModel[];
  calibration: Calibration;
  /** Ids of the documents it was trained on (sorted). */
  trainedOn: string[];
  seed: number;
}

export interface EvidenceSentence {
  start: number;
  end: number;
  quote: string;
  /** How much the sentence moves the proposed value ahead of the runner-up (log-odds). */
  weight: number;
}

export interface Proposal {
  documentId: string;
  variableId: string;
  valueId: string;
  /** Calibrated probability that the value is right. */
  confidence: number;
  /** The sentences that drove it, strongest first (at most `MAX_EVIDENCE`); empty for an absent value with no relevant sentence. */
  evidence: EvidenceSentence[];
}

export const MAX_EVIDENCE = 3;

export type AssistStage = 'cross-validation' | 'training';

export interface AssistProgress {
  stage: AssistStage;
  done: number;
  total: number;
}
