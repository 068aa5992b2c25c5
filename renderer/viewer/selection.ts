/**
 * Reading the user's selection and clicks as document offsets through a TextMap.
 */
import { trimRange } from '../../src/core/anchoring';
import type { TextMap } from './text-map';

export type SelectionResult =
  | { kind: 'none' }
  | { kind: 'range'; start: number; end: number }
  | { kind: 'refused'; reason: 'outside' | 'whitespace' | 'across-pages' };

/** The current selection inside `root` as trimmed document offsets. */
export function readSelection(root: HTMLElement, map: TextMap, text: string): SelectionResult {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return { kind: 'none' };
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return { kind: 'refused', reason: 'outside' };
  const offsets = map.rangeOffsets(range);
  if (!offsets) return { kind: 'refused', reason: 'outside' };
  const trimmed = trimRange(text, offsets.start, offsets.end);
  if (!trimmed) return { kind: 'refused', reason: 'whitespace' };
  return { kind: 'range', ...trimmed };
}

/** Document offset under a viewport point, or null. */
export function offsetAtPoint(doc: Document, map: TextMap, x: number, y: number): number | null {
  const caret = doc.caretPositionFromPoint?.(x, y);
  if (caret) return map.offsetOf(caret.offsetNode, caret.offset);
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? map.offsetOf(range.startContainer, range.startOffset) : null;
}

/** All case-insensitive occurrences of `query` in `text` (for in-document search). */
export function findAll(text: string, query: string, limit = 10_000): { start: number; end: number }[] {
  const needle = query.trim().toLocaleLowerCase('sv');
  if (!needle) return [];
  const haystack = text.toLocaleLowerCase('sv');
  // toLocaleLowerCase keeps UTF-16 lengths for Swedish text; guard the rare case it does not.
  if (haystack.length !== text.length) return [];
  const hits: { start: number; end: number }[] = [];
  for (let i = haystack.indexOf(needle); i !== -1 && hits.length < limit; i = haystack.indexOf(needle, i + 1)) {
    hits.push({ start: i, end: i + needle.length });
  }
  return hits;
}
