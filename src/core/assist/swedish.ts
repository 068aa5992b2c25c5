/**
 * Swedish word handling for the assist engine: the Snowball Swedish stemmer and the Swedish stop
 * words of nlp.js (`@nlpjs/lang-sv`, MIT). Stems are memoised: a corpus has a few thousand word
 * forms, so each is stemmed once.
 */
import { StemmerSv, StopwordsSv } from '@nlpjs/lang-sv';

const stemmer = new StemmerSv();
const stopwords = new Set(Object.keys(new StopwordsSv().dictionary));
const memo = new Map<string, string>();

/** The Snowball stem of a lower-case word ("riktlinjerna" → "riktlinj"). */
export function stem(word: string): string {
  let s = memo.get(word);
  if (s === undefined) {
    s = word.length <= 2 || /^\d+$/.test(word) ? word : stemmer.stemWord(word);
    memo.set(word, s);
  }
  return s;
}

/** Whether a lower-case word is a Swedish stop word ("och", "att", "ska"). */
export function isStopword(word: string): boolean {
  return stopwords.has(word);
}

const stopStems = new Set([...stopwords].map((w) => stem(w)));

/** Whether a stem is the stem of a stop word (for choosing key stems). */
export function isStopStem(s: string): boolean {
  return stopStems.has(s);
}
