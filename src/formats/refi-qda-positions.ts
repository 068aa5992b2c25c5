/**
 * Where a REFI-QDA selection lies in the text we store. The standard counts positions in Unicode
 * characters (code points) of the source's plain text; programs differ: NVivo counts UTF-16 code
 * units with a line break "\r\n" as two, ATLAS.ti counts "\r\n" as one, MAXQDA as two. So, per
 * source:
 * - `normaliseWithMap` normalises the raw text as every text is stored (line ends "\n", NFC) and
 *   keeps, for each UTF-16 index of the raw text, the offset it became — positions are mapped
 *   through the same map, so decomposed text (as macOS programs write it) cannot shift a quote;
 * - `chooseConvention` tries each counting convention the text allows (code points or UTF-16
 *   units; CRLF as one or two), scores how many selections start and end on word boundaries, and
 *   keeps the best, the producing program's own convention (from `Project@origin`) winning a tie.
 */
import type { UserMessage } from '../core';
import { msg } from './messages';

export interface Convention {
  units: 'code-points' | 'utf-16';
  crlf: 1 | 2;
}

export const conventionKey = (c: Convention) => `${c.units}/crlf${c.crlf}`;

export function conventionName(c: Convention): UserMessage {
  return msg(`${c.units === 'code-points' ? 'Unicode-tecken' : 'UTF-16-enheter'}, radbrytning CRLF som ${c.crlf === 1 ? 'ett tecken' : 'två tecken'}`, `${c.units === 'code-points' ? 'Unicode characters' : 'UTF-16 units'}, line break CRLF as ${c.crlf === 1 ? 'one' : 'two'}`);
}

/** The convention a program is known to write (from `Project@origin`); the standard's for others. */
export function conventionOfOrigin(origin: string | undefined): Convention {
  const o = (origin ?? '').toLowerCase();
  if (o.includes('nvivo')) return { units: 'utf-16', crlf: 2 };
  if (o.includes('maxqda')) return { units: 'code-points', crlf: 2 };
  return { units: 'code-points', crlf: 1 };
}

export interface NormalisedText {
  text: string;
  /** For each UTF-16 index 0…raw.length of the raw text, the offset in `text`. */
  offsetAt: Int32Array;
}

/** Characters that join the character before them in NFC (combining marks, Hangul vowels and finals). */
const JOINER = /[\p{M}\u1160-\u11ff]/u;

/** Line ends to "\n" (CRLF, CR, U+2028/9) and NFC, with the offset map. */
export function normaliseWithMap(raw: string): NormalisedText {
  const n = raw.length;
  const offsetAt = new Int32Array(n + 1);
  // Pass 1: line ends.
  let lines = '';
  const parts: string[] = [];
  let from = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    offsetAt[i] = o;
    if (c === 13 || c === 0x2028 || c === 0x2029) {
      if (i > from) parts.push(raw.slice(from, i));
      parts.push('\n');
      if (c === 13 && raw.charCodeAt(i + 1) === 10) offsetAt[++i] = o;
      from = i + 1;
    }
    o++;
  }
  offsetAt[n] = o;
  if (from < n) parts.push(raw.slice(from));
  lines = parts.length === 1 ? parts[0]! : parts.join('');
  if (n === 0) lines = '';
  const nfc = lines.normalize('NFC');
  if (nfc === lines) return { text: lines, offsetAt };
  // Pass 2: NFC run by run (a starter and the characters that join it), so every offset is known.
  const lineMap = new Int32Array(lines.length + 1);
  const out: string[] = [];
  let outLength = 0;
  let i = 0;
  while (i < lines.length) {
    let j = i + (lines.charCodeAt(i) >= 0xd800 && lines.charCodeAt(i) <= 0xdbff && i + 1 < lines.length ? 2 : 1);
    while (j < lines.length) {
      const cp = lines.codePointAt(j)!;
      if (!JOINER.test(String.fromCodePoint(cp))) break;
      j += cp > 0xffff ? 2 : 1;
    }
    const run = lines.slice(i, j);
    const composed = run.length === 1 ? run : run.normalize('NFC');
    // Offsets inside a run that changed fall on the run's start (a passage cannot split a letter).
    for (let k = i; k < j; k++) lineMap[k] = composed === run ? outLength + (k - i) : outLength;
    out.push(composed);
    outLength += composed.length;
    i = j;
  }
  lineMap[lines.length] = outLength;
  for (let k = 0; k <= n; k++) offsetAt[k] = lineMap[offsetAt[k]!]!;
  return { text: out.join(''), offsetAt };
}

/** Counted position → UTF-16 index of the raw text, for one convention (-1 past the end). */
function rawIndexMap(raw: string, c: Convention): Int32Array {
  const n = raw.length;
  const map = new Int32Array(n + 2).fill(-1);
  let p = 0;
  let i = 0;
  while (i < n) {
    const code = raw.charCodeAt(i);
    map[p++] = i;
    if (code === 13 && raw.charCodeAt(i + 1) === 10) {
      if (c.crlf === 2) map[p++] = i + 1;
      i += 2;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      // The second unit of a pair maps to the pair's start.
      if (c.units === 'utf-16') map[p++] = i;
      i += 2;
    } else i++;
  }
  map[p] = n;
  return map.subarray(0, p + 1);
}

export interface PositionMap {
  convention: Convention;
  /** Counted position → offset in the normalised text, or null when it lies outside the text. */
  at(position: number): number | null;
}

function mapFor(raw: string, normalised: NormalisedText, c: Convention): PositionMap {
  const index = rawIndexMap(raw, c);
  const { offsetAt } = normalised;
  return {
    convention: c,
    at: (p) => (Number.isInteger(p) && p >= 0 && p < index.length ? offsetAt[index[p]!]! : null),
  };
}

const WORD = /[\p{L}\p{N}_]/u;
const isWordAt = (text: string, i: number) => i >= 0 && i < text.length && WORD.test(text[i]!);

/** A selection's boundaries sit where words begin or end (or on non-word characters). */
function onBoundaries(text: string, start: number, end: number): number {
  let fit = 0;
  if (!(isWordAt(text, start - 1) && isWordAt(text, start))) fit++;
  if (!(isWordAt(text, end - 1) && isWordAt(text, end))) fit++;
  return fit;
}

export interface ConventionChoice {
  map: PositionMap;
  /** Share of the selections' boundaries on word boundaries under the chosen convention (1 when there was nothing to decide). */
  fit: number;
  /** Whether the text allowed more than one reading. */
  ambiguous: boolean;
}

/** Selections scored at most (evenly spread), so a source with 200,000 of them is decided quickly. */
const SAMPLE = 2000;

/**
 * The best-fitting convention for these selections (positions as written in the file). Only
 * conventions that read this text differently are compared; `preferred` wins ties.
 */
export function chooseConvention(raw: string, normalised: NormalisedText, selections: readonly { start: number; end: number }[], preferred: Convention): ConventionChoice {
  let hasCrlf = false;
  let hasPair = false;
  for (let i = 0; i < raw.length && !(hasCrlf && hasPair); i++) {
    const c = raw.charCodeAt(i);
    if (c === 13 && raw.charCodeAt(i + 1) === 10) hasCrlf = true;
    else if (c >= 0xd800 && c <= 0xdbff) hasPair = true;
  }
  const candidates: Convention[] = [preferred];
  for (const units of hasPair ? (['code-points', 'utf-16'] as const) : [preferred.units]) {
    for (const crlf of hasCrlf ? ([1, 2] as const) : [preferred.crlf]) {
      if (units !== preferred.units || crlf !== preferred.crlf) candidates.push({ units, crlf });
    }
  }
  const step = Math.max(1, Math.ceil(selections.length / SAMPLE));
  const sample: { start: number; end: number }[] = [];
  for (let i = 0; i < selections.length; i += step) sample.push(selections[i]!);
  let best: ConventionChoice | null = null;
  for (const c of candidates) {
    const map = mapFor(raw, normalised, c);
    if (candidates.length === 1 || sample.length === 0) return { map, fit: 1, ambiguous: candidates.length > 1 };
    let score = 0;
    for (const s of sample) {
      const start = map.at(s.start);
      const end = map.at(s.end);
      if (start !== null && end !== null && end > start) score += onBoundaries(normalised.text, start, end);
    }
    const fit = score / (2 * sample.length);
    if (!best || fit > best.fit) best = { map, fit, ambiguous: true };
  }
  return best!;
}
