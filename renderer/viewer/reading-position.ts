/**
 * The reading position of a viewer as a text offset: the first character whose line reaches
 * below the top of the view (so a coder who comes back sees the same line at the top), and
 * scrolling a view so that a given offset is at its top again. The search is a binary search over
 * offsets on their line's bottom edge, which grows with the offset in a one-column text (DOCX,
 * TXT, one PDF page at a time).
 */
import type { TextMap } from './text-map';

/** Characters to look ahead when an offset has no box (a line break, an unrendered span). */
const PROBE = 64;

/**
 * The smallest offset in [from, to) whose box reaches below `top`, or null when none does.
 * `bottomOf(offset)` is the bottom of the character's box, or null when it has none.
 */
export function firstOffsetBelow(from: number, to: number, top: number, bottomOf: (offset: number) => number | null): number | null {
  const boxed = (offset: number): { offset: number; bottom: number } | null => {
    for (let o = offset; o < Math.min(to, offset + PROBE); o++) {
      const b = bottomOf(o);
      if (b !== null) return { offset: o, bottom: b };
    }
    return null;
  };
  let lo = from;
  let hi = to;
  let found: number | null = null;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const box = boxed(mid);
    if (!box) {
      // Nothing measurable from mid on for a while: look in the first half only.
      hi = mid;
      continue;
    }
    if (box.bottom > top) {
      found = box.offset;
      hi = mid;
    } else lo = box.offset + 1;
  }
  return found;
}

/** The bottom edge (viewport coordinates) of the character at `offset`, or null. */
export function characterBottom(map: TextMap, offset: number): number | null {
  const range = map.domRanges(offset, offset + 1)[0];
  if (!range) return null;
  const rect = range.getBoundingClientRect();
  return rect.height > 0 ? rect.bottom : null;
}

/** The top of what `container` shows (viewport coordinates): below its border and padding. */
export function viewTop(container: HTMLElement): number {
  return container.getBoundingClientRect().top + container.clientTop + (Number.parseFloat(getComputedStyle(container).paddingTop) || 0);
}

/**
 * The offset at the top of `container`'s view within [from, to), or null when no mapped character
 * there reaches below the top (all of it is above, or none is mapped).
 */
export function offsetAtTop(container: HTMLElement, map: TextMap, from: number, to: number): number | null {
  return firstOffsetBelow(from, to, viewTop(container) + 1, (o) => characterBottom(map, o));
}

/**
 * Scroll `container` (and only it) so that a box (viewport coordinates, e.g. a character's or a
 * page's) is at the top below the container's padding, or centred; a box outside the visible
 * width (a zoomed page) is brought into it horizontally too.
 */
export function scrollBoxInto(container: HTMLElement, rect: { top: number; left: number; width: number; height: number }, block: 'start' | 'center'): void {
  const box = container.getBoundingClientRect();
  const style = getComputedStyle(container);
  if (block === 'start') container.scrollTop += rect.top - box.top - (Number.parseFloat(style.paddingTop) || 0);
  else container.scrollTop += rect.top + rect.height / 2 - (box.top + container.clientHeight / 2);
  if (rect.left < box.left || rect.left + rect.width > box.left + container.clientWidth) {
    container.scrollLeft += block === 'start' ? rect.left - box.left - (Number.parseFloat(style.paddingLeft) || 0) : rect.left + rect.width / 2 - (box.left + container.clientWidth / 2);
  }
}

/**
 * Scroll `container` so that the character at `offset` (or the first mapped one after it, up to
 * `end`) is at the top or centred. Returns false when none is in the map (e.g. its PDF page is
 * not rendered yet).
 */
export function scrollOffsetInto(container: HTMLElement, map: TextMap, offset: number, end: number, block: 'start' | 'center'): boolean {
  const range = map.domRanges(offset, offset + 1)[0] ?? map.domRanges(offset, Math.max(offset + 1, end))[0];
  if (!range) return false;
  const rect = range.getBoundingClientRect();
  scrollBoxInto(container, rect.height > 0 ? rect : (range.startContainer.parentElement?.getBoundingClientRect() ?? rect), block);
  return true;
}
