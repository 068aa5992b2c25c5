/**
 * A document prepared for the assist engine: its sentences, each with its stems and features,
 * and an index from stem to the sentences that hold it. Preparing is the one pass over the text;
 * training and prediction then only look things up, so a project keeps its prepared documents
 * and retraining after new judgements does not read texts again. Plain data (structured-clone
 * safe), so it can cross a worker boundary.
 */
import { splitSentences, tokenize, type Span } from './text';

export interface PreparedSentence extends Span {
  /** Stems of every word, in order (stop words included, for matching phrases). */
  stems: string[];
  /** The sentence's features: `w:` stems of words that are not stop words, `b:` adjacent stem pairs. */
  features: string[];
}

export interface PreparedDocument {
  id: string;
  /** Length of the text the offsets refer to. */
  length: number;
  sentences: PreparedSentence[];
  /** Stem → indexes of the sentences that contain it, ascending. */
  stemIndex: Record<string, number[]>;
}

/** Features of one stretch of text (also used for passages and anchor examples). */
export function sentenceFeatures(stems: readonly string[], stops: readonly boolean[]): string[] {
  const features = new Set<string>();
  for (let i = 0; i < stems.length; i++) {
    if (!stops[i]) features.add(`w:${stems[i]}`);
    if (i + 1 < stems.length) features.add(`b:${stems[i]} ${stems[i + 1]}`);
  }
  return [...features];
}

export function prepareDocument(id: string, text: string): PreparedDocument {
  const sentences: PreparedSentence[] = [];
  const stemIndex: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  for (const span of splitSentences(text)) {
    const tokens = tokenize(text, span);
    if (tokens.length === 0) continue;
    const stems = tokens.map((t) => t.stem);
    const index = sentences.length;
    sentences.push({ start: span.start, end: span.end, stems, features: sentenceFeatures(stems, tokens.map((t) => t.stop)) });
    for (const s of new Set(stems)) (stemIndex[s] ??= []).push(index);
  }
  return { id, length: text.length, sentences, stemIndex };
}
