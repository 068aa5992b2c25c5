/**
 * Re-anchor coded passages in a (possibly changed) text, as the Hypothesis client does: try the
 * stored position and accept it only if the text there still equals the quote; otherwise search
 * for the quote — exact, then approximate, scored by quote, context and distance to the old
 * position. A passage that cannot be found is orphaned: reported with its quote, never dropped.
 */
import type { SegmentSelector } from '../model/coding';
import { describeRange } from './describe';
import { matchQuote } from './match-quote';

export type AnchorMethod = 'position' | 'quote' | 'approximate';

export type AnchorResult =
  | { status: 'anchored'; method: AnchorMethod; selector: SegmentSelector }
  | { status: 'orphaned'; selector: SegmentSelector };

export function anchorSelector(text: string, selector: SegmentSelector, pageStarts: readonly number[] = [0]): AnchorResult {
  const { start, end } = selector.position;
  const { exact, prefix, suffix } = selector.quote;
  if (end <= text.length && text.slice(start, end) === exact) {
    return { status: 'anchored', method: 'position', selector: describeRange(text, start, end, pageStarts) };
  }
  const match = matchQuote(text, exact, { prefix, suffix, hint: start });
  if (!match) return { status: 'orphaned', selector };
  return {
    status: 'anchored',
    method: match.errors === 0 ? 'quote' : 'approximate',
    selector: describeRange(text, match.start, match.end, pageStarts),
  };
}

export interface ReanchorReport<T> {
  anchored: { item: T; method: AnchorMethod; selector: SegmentSelector }[];
  orphaned: T[];
}

/** Re-anchor many items carrying a selector; the order of the input is kept in each list. */
export function reanchorAll<T extends { selector: SegmentSelector }>(text: string, items: readonly T[], pageStarts: readonly number[] = [0]): ReanchorReport<T> {
  const report: ReanchorReport<T> = { anchored: [], orphaned: [] };
  for (const item of items) {
    const result = anchorSelector(text, item.selector, pageStarts);
    if (result.status === 'anchored') report.anchored.push({ item, method: result.method, selector: result.selector });
    else report.orphaned.push(item);
  }
  return report;
}
