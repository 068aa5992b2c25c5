/**
 * Fitting one variable: choose the keys (codebook terms; passage stems; stems learned from the
 * judgements when the terms do not explain them), gather each training document's features from
 * the sentences that hold a key or lie in a coded passage, add passages and anchor examples as
 * pseudo-examples, and count a naive Bayes scorer. Prediction reads the same sentences.
 */
import type { Variable } from '../model/codebook';
import type { TrainingPassage, VariableModel } from './model';
import { trainNaiveBayes, type CountedExample, type LinearScorer } from './naive-bayes';
import { sentenceFeatures, type PreparedDocument } from './prepare';
import { codebookKeys, contrastKeys, KEYS_SUFFICE, passageKeys, sentencesInSpans, sentencesWithKeys, type KeyPhrase, type LabelledDocument } from './relevance';
import { isStopStem } from './swedish';
import { tokenize } from './text';

/** Weight of a passage or an anchor example as a pseudo-example, relative to a judged document. */
export const PSEUDO_WEIGHT = 0.5;

/** The feature of a document in which no sentence speaks to the variable. */
export const NO_SENTENCE = '∅';

export interface VariableTraining {
  variable: Variable;
  /** Judged documents with the value's index in `variable.values`. */
  labelled: LabelledDocument[];
  /** This variable's passages, with the documents they are in. */
  passages: { doc: PreparedDocument; passage: TrainingPassage; label: number }[];
}

const featureCache = new WeakMap<PreparedDocument, WeakMap<readonly number[], Set<string>>>();

/**
 * Features of a document for a variable: the union over the given sentences. Remembered for
 * the sentence lists `sentencesWithKeys` hands out (the same array for the same question).
 */
export function featuresOf(doc: PreparedDocument, sentences: readonly number[]): Set<string> {
  let cache = featureCache.get(doc);
  if (!cache) featureCache.set(doc, (cache = new WeakMap()));
  let out = cache.get(sentences);
  if (!out) cache.set(sentences, (out = collectFeatures(doc, sentences)));
  return out;
}

function collectFeatures(doc: PreparedDocument, sentences: readonly number[]): Set<string> {
  const out = new Set<string>();
  for (const i of sentences) for (const f of doc.sentences[i]!.features) out.add(f);
  if (sentences.length === 0) out.add(NO_SENTENCE);
  return out;
}

function union(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a;
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

export function chooseKeys(t: VariableTraining): { keys: KeyPhrase[]; learned: boolean } {
  const keys = [...codebookKeys(t.variable)];
  const seen = new Set(keys.map((k) => k.join(' ')));
  const add = (more: readonly KeyPhrase[]) => {
    for (const k of more) {
      if (seen.has(k.join(' '))) continue;
      seen.add(k.join(' '));
      keys.push(k);
    }
  };
  let learned = false;
  if (t.passages.length > 0) {
    const passageSentences = t.passages.flatMap(({ doc, passage }) => sentencesInSpans(doc, [passage]).map((i) => doc.sentences[i]!.stems));
    const docs = new Map(t.labelled.map((l) => [l.doc.id, l.doc]));
    for (const p of t.passages) docs.set(p.doc.id, p.doc);
    const all = [...docs.values()].reduce((n, d) => n + d.sentences.length, 0);
    const frequency = (s: string) => [...docs.values()].reduce((n, d) => n + (d.stemIndex[s]?.length ?? 0), 0);
    const before = keys.length;
    add(passageKeys(passageSentences, all, frequency, isStopStem));
    learned ||= keys.length > before;
  }
  // How well key presence matches the judgements: a document should hold a key exactly when
  // its value is not the absent one (every document, when the variable has no absent value).
  const absent = t.variable.values.findIndex((v) => v.absent);
  const total = t.labelled.reduce((n, l) => n + l.weight, 0);
  const explained = (has: readonly boolean[]) => t.labelled.reduce((n, l, i) => n + (has[i] === (absent < 0 || l.label !== absent) ? l.weight : 0), 0) / total;
  const sofar = [...keys];
  let has = t.labelled.map((l) => sentencesWithKeys(l.doc, sofar).length > 0);
  if (keys.length === 0 || explained(has) < KEYS_SUFFICE) {
    // Stems that separate the values, strongest first, each kept only if it makes key presence
    // match the judgements better (a stem of other sentences that happen to differ is left out).
    for (const key of contrastKeys(t.labelled, t.variable.values.length, isStopStem)) {
      const next = has.map((h, i) => h || t.labelled[i]!.doc.stemIndex[key[0]!] !== undefined);
      if (explained(next) <= explained(has)) continue;
      add([key]);
      has = next;
      learned = true;
    }
  }
  // A new array: the key lists handed out are never changed afterwards (lookups are cached by them).
  return { keys: [...keys], learned };
}

/** A counted example and the document it comes from (none for an anchor example). */
export interface DocumentExample extends CountedExample {
  documentId: string | null;
}

/** The examples of a variable given its keys: judged documents, then passages and anchor examples as pseudo-examples. */
export function variableExamples(t: VariableTraining, keys: readonly KeyPhrase[]): DocumentExample[] {
  const examples: DocumentExample[] = [];
  const passagesByDoc = new Map<string, TrainingPassage[]>();
  for (const { passage } of t.passages) passagesByDoc.set(passage.documentId, [...(passagesByDoc.get(passage.documentId) ?? []), passage]);
  for (const l of t.labelled) {
    const sentences = union(sentencesWithKeys(l.doc, keys), sentencesInSpans(l.doc, passagesByDoc.get(l.doc.id) ?? []));
    examples.push({ documentId: l.doc.id, features: featuresOf(l.doc, sentences), label: l.label, weight: l.weight, inPrior: true });
  }
  for (const { doc, passage, label } of t.passages) {
    examples.push({ documentId: doc.id, features: featuresOf(doc, sentencesInSpans(doc, [passage])), label, weight: PSEUDO_WEIGHT, inPrior: false });
  }
  t.variable.values.forEach((value, label) => {
    for (const anchor of value.anchors) {
      const tokens = tokenize(anchor.text);
      examples.push({ documentId: null, features: sentenceFeatures(tokens.map((x) => x.stem), tokens.map((x) => x.stop)), label, weight: PSEUDO_WEIGHT, inPrior: false });
    }
  });
  return examples;
}

export type FittedVariable = Omit<VariableModel, 'heldOut' | 'heldOutRight'>;

export function fittedVariable(t: VariableTraining, keys: KeyPhrase[], learned: boolean, scorer: LinearScorer): FittedVariable {
  return {
    variableId: t.variable.id,
    classes: t.variable.values.map((v) => v.id),
    absent: t.variable.values.findIndex((v) => v.absent),
    keys,
    learnedKeys: learned,
    scorer,
    documents: new Set(t.labelled.map((l) => l.doc.id)).size,
  };
}

export function fitVariable(t: VariableTraining): FittedVariable {
  const { keys, learned } = chooseKeys(t);
  return fittedVariable(t, keys, learned, trainNaiveBayes(variableExamples(t, keys), t.variable.values.length));
}
