/**
 * Turn a text range into redundant selectors, as the Hypothesis client does
 * (src/annotator/anchoring/types.ts): a TextPositionSelector {start, end} and a
 * TextQuoteSelector {exact, prefix, suffix} with 32 characters of context, plus the page.
 * Positions are UTF-16 offsets into the document's normalised text.
 */
import { QUOTE_CONTEXT_LENGTH, type SegmentSelector } from '../model/coding';

/** 1-based page that contains `offset`, from the page start offsets (binary search). */
export function pageOf(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pageStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export class InvalidRangeError extends Error {}

export function describeRange(text: string, start: number, end: number, pageStarts: readonly number[] = [0]): SegmentSelector {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new InvalidRangeError(`invalid range ${start}–${end} for a text of ${text.length} characters`);
  }
  return {
    position: { start, end },
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_LENGTH),
    },
    page: pageOf(pageStarts, start),
  };
}

/** Shrink a range so it neither starts nor ends with whitespace; null if nothing but whitespace. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e } : null;
}
