/**
 * Judgement suggestions from coded passages: for a `single` variable, the value the coder's
 * passages for that variable use most (ties: codebook order); with no passage, the variable's
 * "absent" value (e.g. Nej / Framgår ej). The coder accepts or overrides; nothing is set alone.
 */
import type { Variable } from '../model/codebook';

export interface Suggestion {
  valueId: string;
  /** Passages that support it (empty when it is the absent value for lack of passages). */
  evidenceSegmentIds: string[];
  reason: 'passages' | 'no-passages';
}

export function suggestJudgement(variable: Variable, segments: readonly { id: string; variableId: string; valueId: string }[]): Suggestion | null {
  const own = segments.filter((s) => s.variableId === variable.id && variable.values.some((v) => v.id === s.valueId));
  if (own.length === 0) {
    const absent = variable.values.find((v) => v.absent);
    return absent ? { valueId: absent.id, evidenceSegmentIds: [], reason: 'no-passages' } : null;
  }
  let best: { valueId: string; count: number } | null = null;
  for (const value of variable.values) {
    const count = own.filter((s) => s.valueId === value.id).length;
    if (count > 0 && (!best || count > best.count)) best = { valueId: value.id, count };
  }
  return { valueId: best!.valueId, evidenceSegmentIds: own.filter((s) => s.valueId === best!.valueId).map((s) => s.id), reason: 'passages' };
}

export interface TermHit {
  start: number;
  end: number;
  valueId: string;
  term: string;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Occurrences of the indicator terms of a variable's values in a text (case-insensitive, whole
 * words: a hit may not continue a word on either side), in text order. Candidate passages for
 * the coder to accept or dismiss — nothing is coded by this.
 */
export function findIndicatorTerms(text: string, variable: Variable, limit = 500): TermHit[] {
  const lower = text.toLocaleLowerCase('sv');
  if (lower.length !== text.length) return [];
  const hits: TermHit[] = [];
  for (const value of variable.values) {
    if (value.absent) continue;
    for (const term of value.indicatorTerms) {
      const needle = term.toLocaleLowerCase('sv');
      if (!needle) continue;
      for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, i + 1)) {
        const before = i > 0 ? text[i - 1]! : '';
        const after = text[i + needle.length] ?? '';
        if (LETTER.test(before) || LETTER.test(after)) continue;
        hits.push({ start: i, end: i + needle.length, valueId: value.id, term });
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // Keep one hit per stretch (a longer term wins over a shorter one inside it).
  const kept: TermHit[] = [];
  for (const h of hits) {
    const last = kept.at(-1);
    if (last && h.start < last.end) continue;
    kept.push(h);
    if (kept.length >= limit) break;
  }
  return kept;
}
