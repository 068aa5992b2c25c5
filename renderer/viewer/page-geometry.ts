/**
 * Pure geometry of the page-faithful viewer: which page is "in view" for a scroll position, the
 * zoom steps, and the scale that fits a page to the viewer's width or whole into it. No DOM, so
 * the rules are unit-tested; PdfView and usePdfZoom measure the DOM and call these.
 */

/** The line (as a share of the viewport's height from its top) whose page is the page in view. */
export const VIEW_LINE = 1 / 3;

/**
 * The 1-based page in view: the last page whose top is at or above the view line (a gap between
 * two pages belongs to the next page), page 1 at the very top, the last page at the very bottom.
 * `topOf(i)` is the top of page i + 1 in scroll coordinates; tops grow with i.
 */
export function pageInView(count: number, topOf: (index: number) => number, view: { scrollTop: number; clientHeight: number; scrollHeight: number }): number {
  if (count <= 0) return 1;
  if (view.scrollTop <= 0) return 1;
  if (view.scrollTop + view.clientHeight >= view.scrollHeight - 1) {
    // At the bottom, short last pages may never reach the view line; the last page whose top is
    // inside the view counts.
    return lastAtOrBefore(count, topOf, view.scrollTop + view.clientHeight - 1) + 1;
  }
  return lastAtOrBefore(count, topOf, view.scrollTop + view.clientHeight * VIEW_LINE) + 1;
}

/** Index of the last item whose top is ≤ y (0 when none is), by binary search. */
export function lastAtOrBefore(count: number, topOf: (index: number) => number, y: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (topOf(mid) <= y) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 4;
/** The zoom buttons and Ctrl + / − walk these steps (as browsers' and pdf.js' viewers do). */
export const ZOOM_STEPS = [0.25, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(scale * 1000) / 1000));
}

/** The next zoom step above (`+1`) or below (`-1`) the current scale. */
export function stepZoom(scale: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((s) => s > scale + 0.001) ?? MAX_SCALE;
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.001) ?? MIN_SCALE;
}

export type FitMode = 'width' | 'page';

/**
 * The scale at which a page of `page` size (at scale 1) fills the available width, or fits whole
 * (width and height) into the available box.
 */
export function fitScale(mode: FitMode, available: { width: number; height: number }, page: { width: number; height: number }): number {
  if (page.width <= 0 || page.height <= 0 || available.width <= 0) return 1;
  const byWidth = available.width / page.width;
  if (mode === 'width') return clampScale(byWidth);
  return clampScale(Math.min(byWidth, available.height > 0 ? available.height / page.height : byWidth));
}

/**
 * Where the scroll position must go so that a point of a page stays under the same spot of the
 * viewport after zooming: `before` and `after` are the page's rectangle (viewport coordinates)
 * before and after the new scale was laid out, `point` the spot (viewport coordinates). Returns
 * the scroll delta to add.
 */
export function keepPointDelta(before: DOMRectLike, after: DOMRectLike, point: { x: number; y: number }): { dx: number; dy: number } {
  const fx = before.width > 0 ? (point.x - before.left) / before.width : 0;
  const fy = before.height > 0 ? (point.y - before.top) / before.height : 0;
  return { dx: after.left + fx * after.width - point.x, dy: after.top + fy * after.height - point.y };
}

export interface DOMRectLike {
  left: number;
  top: number;
  width: number;
  height: number;
}
