/**
 * Which sentences of a document speak to a variable. A variable's keys are stem phrases: its
 * values' indicator terms from the codebook, stems that mark the passages coders coded for it,
 * and — when the codebook's terms do not account for the coders' present/absent decisions —
 * stems whose presence in a document separates the variable's values in the judgements. The
 * model then reads only the sentences that hold a key, so a variable about the Prison and
 * Probation Service weighs what is said in the sentences naming it, not the whole document.
 */
import type { Variable } from '../model/codebook';
import type { PreparedDocument } from './prepare';
import { tokenize } from './text';

/** A key: consecutive stems that must appear in this order in one sentence. */
export type KeyPhrase = readonly string[];

/** The indicator terms of a variable's values as stem phrases (duplicates once). */
export function codebookKeys(variable: Variable): KeyPhrase[] {
  const seen = new Set<string>();
  const keys: KeyPhrase[] = [];
  for (const value of variable.values) {
    for (const term of value.indicatorTerms) {
      const stems = tokenize(term).map((t) => t.stem);
      const id = stems.join(' ');
      if (stems.length === 0 || seen.has(id)) continue;
      seen.add(id);
      keys.push(stems);
    }
  }
  return keys;
}

const keyCache = new WeakMap<PreparedDocument, Map<string, number[]>>();
const signatures = new WeakMap<readonly KeyPhrase[], string>();

/**
 * Indexes of the sentences of `doc` that contain one of `keys`, ascending. Remembered per
 * document and set of keys (cross-validation asks the same question once per fold).
 */
export function sentencesWithKeys(doc: PreparedDocument, keys: readonly KeyPhrase[]): number[] {
  let cache = keyCache.get(doc);
  if (!cache) keyCache.set(doc, (cache = new Map()));
  let signature = signatures.get(keys);
  if (signature === undefined) signatures.set(keys, (signature = keys.map((k) => k.join(' ')).join('\u0000')));
  let found = cache.get(signature);
  if (!found) cache.set(signature, (found = findSentences(doc, keys)));
  return found;
}

function findSentences(doc: PreparedDocument, keys: readonly KeyPhrase[]): number[] {
  const found = new Set<number>();
  for (const key of keys) {
    const candidates = doc.stemIndex[key[0]!];
    if (!candidates) continue;
    for (const i of candidates) {
      if (found.has(i)) continue;
      if (key.length === 1 || containsPhrase(doc.sentences[i]!.stems, key)) found.add(i);
    }
  }
  return [...found].sort((a, b) => a - b);
}

function containsPhrase(stems: readonly string[], key: KeyPhrase): boolean {
  outer: for (let i = 0; i + key.length <= stems.length; i++) {
    for (let j = 0; j < key.length; j++) if (stems[i + j] !== key[j]) continue outer;
    return true;
  }
  return false;
}

/** Indexes of the sentences of `doc` that overlap one of the spans, ascending. */
export function sentencesInSpans(doc: PreparedDocument, spans: readonly { start: number; end: number }[]): number[] {
  const found: number[] = [];
  doc.sentences.forEach((s, i) => {
    if (spans.some((p) => p.start < s.end && p.end > s.start)) found.push(i);
  });
  return found;
}

export interface LabelledDocument {
  doc: PreparedDocument;
  /** Index of the value in the variable's classes. */
  label: number;
  weight: number;
}

/** How many stems learned from judgements or passages are added to a variable's keys, at most. */
export const LEARNED_KEYS = 5;
/** A stem is a learned key when the share of documents holding it differs by this much between two values. */
export const KEY_CONTRAST = 0.6;
/** The codebook's keys are enough when key presence matches "not the absent value" in this share of the training documents. */
export const KEYS_SUFFICE = 0.9;

/**
 * Stems whose presence separates the values in the labelled documents: for each stem, the
 * share of each value's documents that hold it, smoothed by Laplace's rule ((k + 1)/(n + 2), so
 * two documents alone can never make a key); a stem whose shares differ by at least
 * `KEY_CONTRAST` between two values is a candidate, the strongest `LEARNED_KEYS` are kept
 * (ties by stem, so the choice is deterministic). Stop words and one-character stems are not keys.
 */
export function contrastKeys(labelled: readonly LabelledDocument[], classCount: number, isStop: (stem: string) => boolean): KeyPhrase[] {
  const totals = new Float64Array(classCount);
  for (const l of labelled) totals[l.label]! += l.weight;
  if (totals.filter((t) => t > 0).length < 2) return [];
  const counts = new Map<string, Float64Array>();
  const holders = new Map<string, number[]>();
  labelled.forEach((l, i) => {
    for (const stem of keyCandidates(l.doc, isStop)) {
      let c = counts.get(stem);
      if (!c) counts.set(stem, (c = new Float64Array(classCount)));
      c[l.label]! += l.weight;
      let h = holders.get(stem);
      if (!h) holders.set(stem, (h = []));
      h.push(i);
    }
  });
  const scored: { stem: string; score: number }[] = [];
  for (const [stem, c] of counts) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < classCount; k++) {
      if (totals[k]! <= 0) continue;
      const share = (c[k]! + 1) / (totals[k]! + 2);
      lo = Math.min(lo, share);
      hi = Math.max(hi, share);
    }
    if (hi - lo >= KEY_CONTRAST) scored.push({ stem, score: hi - lo });
  }
  scored.sort((a, b) => b.score - a.score || (a.stem < b.stem ? -1 : 1));
  // Stems held by exactly the same documents (the words of one recurring sentence) would select
  // the same sentences: one of them is key enough, so the others leave room for other keys.
  const kept: KeyPhrase[] = [];
  const signatures = new Set<string>();
  for (const s of scored) {
    const signature = holders.get(s.stem)!.join(',');
    if (signatures.has(signature)) continue;
    signatures.add(signature);
    kept.push([s.stem]);
    if (kept.length === LEARNED_KEYS) break;
  }
  return kept;
}

const candidateCache = new WeakMap<PreparedDocument, string[]>();

/** A document's stems that can be keys (not stop words, two characters or more). */
function keyCandidates(doc: PreparedDocument, isStop: (stem: string) => boolean): string[] {
  let stems = candidateCache.get(doc);
  if (!stems) candidateCache.set(doc, (stems = Object.keys(doc.stemIndex).filter((s) => s.length >= 2 && !isStop(s))));
  return stems;
}

/**
 * Stems that mark coded passages: in at least a third of a variable's passage sentences and
 * rare elsewhere, scored by share × log(1 / sentence frequency in the documents).
 */
export function passageKeys(passageSentences: readonly (readonly string[])[], allSentences: number, stemSentences: (stem: string) => number, isStop: (stem: string) => boolean): KeyPhrase[] {
  if (passageSentences.length === 0) return [];
  const df = new Map<string, number>();
  for (const stems of passageSentences) for (const s of new Set(stems)) if (s.length >= 2 && !isStop(s)) df.set(s, (df.get(s) ?? 0) + 1);
  const scored: { stem: string; score: number }[] = [];
  for (const [stem, n] of df) {
    const share = n / passageSentences.length;
    if (share < 1 / 3) continue;
    const frequency = Math.max(stemSentences(stem), n) / Math.max(allSentences, 1);
    scored.push({ stem, score: share * Math.log(1 / frequency) });
  }
  scored.sort((a, b) => b.score - a.score || (a.stem < b.stem ? -1 : 1));
  return scored.slice(0, LEARNED_KEYS).filter((s) => s.score > 0).map((s) => [s.stem]);
}
