/**
 * Sentences and words of a document's normalised text, with offsets into it (UTF-16, end
 * exclusive), so that what the model points at can be highlighted where the coder reads it.
 *
 * A sentence ends at . ! ? followed by white space and a capital letter (a number before the
 * full stop, as in "3. Mål", does not end one), at a blank line, and before a line that starts
 * with a bullet or a numbered heading. A stretch longer than `MAX_SENTENCE` (tables, lists
 * without punctuation) is cut at line ends.
 */
import { isStopword, stem } from './swedish';

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  /** Lower-case word. */
  word: string;
  stem: string;
  stop: boolean;
}

export const MAX_SENTENCE = 400;

const WORD = /[\p{L}\p{N}]+/gu;
const UPPER = /[\p{Lu}]/u;
const LETTER = /\p{L}/u;
const BULLET_LINE = /^[ \t]*(?:[•▪◦·*–-]|\d+(?:\.\d+)*\.?[ \t]+\p{Lu})/u;

/** The sentences of a text, in order, trimmed of white space; stretches without a letter are left out. */
export function splitSentences(text: string): Span[] {
  const cuts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (j < text.length && UPPER.test(text[j]!) && !(ch === '.' && /\d/.test(text[i - 1] ?? ''))) cuts.push(i + 1);
    } else if (ch === '\n') {
      const rest = text.slice(i + 1, i + 40);
      if (/^[ \t]*\n/.test(rest) || BULLET_LINE.test(rest)) cuts.push(i + 1);
    }
  }
  cuts.push(text.length);
  const spans: Span[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    for (const piece of cutLong(text, cuts[k]!, cuts[k + 1]!)) {
      const trimmed = trim(text, piece.start, piece.end);
      if (trimmed && LETTER.test(text.slice(trimmed.start, trimmed.end))) spans.push(trimmed);
    }
  }
  return spans;
}

function cutLong(text: string, start: number, end: number): Span[] {
  if (end - start <= MAX_SENTENCE) return [{ start, end }];
  const pieces: Span[] = [];
  let from = start;
  while (end - from > MAX_SENTENCE) {
    const window = text.slice(from, from + MAX_SENTENCE);
    const nl = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    const at = nl > 0 ? nl + 1 : space > 0 ? space + 1 : MAX_SENTENCE;
    pieces.push({ start: from, end: from + at });
    from += at;
  }
  pieces.push({ start: from, end });
  return pieces;
}

function trim(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** The words of `text[span]`: letters and digits, lower-cased, stemmed, stop words marked. */
export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  const part = text.slice(span.start, span.end);
  for (const m of part.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    const start = span.start + m.index;
    tokens.push({ start, end: start + m[0].length, word, stem: stem(word), stop: isStopword(word) });
  }
  return tokens;
}
