// The viewer's pure geometry (renderer/viewer/page-geometry.ts) and reading-position search
// (renderer/viewer/reading-position.ts): which page is in view, zoom steps, fitting, the point
// kept under the pointer, and the first character below the top of the view. Expected values are
// worked out by hand from the layouts given in each test.
import { describe, expect, it } from 'vitest';
import { clampScale, fitScale, keepPointDelta, lastAtOrBefore, pageInView, stepZoom } from '../../renderer/viewer/page-geometry';
import { firstOffsetBelow } from '../../renderer/viewer/reading-position';

// Ten pages of 1000 px with 12 px gaps after a 16 px padding: page i (0-based) starts at 16 + 1012 i.
const tops = (i: number) => 16 + 1012 * i;
const view = (scrollTop: number) => ({ scrollTop, clientHeight: 800, scrollHeight: 16 + 1012 * 10 - 12 + 16 });

describe('pageInView', () => {
  it('is the page under the upper third of the view, a gap counting for the next page', () => {
    expect(pageInView(10, tops, view(0))).toBe(1);
    // Page 2 at the top of the view (scrolled to its top): the line at 266 px is in page 2.
    expect(pageInView(10, tops, view(1028))).toBe(2);
    // Page 1's lower half fills the view, but page 2's top (1028) is above the line 700 + 266.
    expect(pageInView(10, tops, view(700))).toBe(1);
    expect(pageInView(10, tops, view(800))).toBe(2);
  });

  it('is the last page at the very bottom, even when that page never reaches the line', () => {
    const bottom = view(0).scrollHeight - 800;
    expect(pageInView(10, tops, view(bottom))).toBe(10);
  });

  it('finds the last top at or before y by binary search', () => {
    expect(lastAtOrBefore(10, tops, 15)).toBe(0);
    expect(lastAtOrBefore(10, tops, 1028)).toBe(1);
    expect(lastAtOrBefore(10, tops, 1_000_000)).toBe(9);
  });
});

describe('zoom', () => {
  it('walks the steps and stays within 25–400 %', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    // From a scale between steps (Ctrl + wheel), the next step on that side.
    expect(stepZoom(1.3, 1)).toBe(1.5);
    expect(stepZoom(1.3, -1)).toBe(1.25);
    expect(stepZoom(4, 1)).toBe(4);
    expect(stepZoom(0.25, -1)).toBe(0.25);
    expect(clampScale(9)).toBe(4);
    expect(clampScale(Number.NaN)).toBe(1);
  });

  it('fits the width, or the whole page', () => {
    // An A4 page at scale 1 is 595 × 842 px; a view of 800 × 600 px.
    expect(fitScale('width', { width: 800, height: 600 }, { width: 595, height: 842 })).toBeCloseTo(800 / 595, 3);
    expect(fitScale('page', { width: 800, height: 600 }, { width: 595, height: 842 })).toBeCloseTo(600 / 842, 3);
  });

  it('moves the scroll position so the point under the pointer stays there', () => {
    // A page at (100, 50) of 600 × 800 px doubled in place to 1200 × 1600 px; the pointer at
    // (400, 450) is at 50 % across and 50 % down, which is now at (700, 850): 300 and 400 px further.
    expect(keepPointDelta({ left: 100, top: 50, width: 600, height: 800 }, { left: 100, top: 50, width: 1200, height: 1600 }, { x: 400, y: 450 })).toEqual({ dx: 300, dy: 400 });
  });
});

describe('firstOffsetBelow', () => {
  // A text of 10 lines of 50 characters; line k's bottom is at 20 (k + 1) px; every 50th
  // character (a line break) has no box.
  const bottomOf = (o: number) => (o % 50 === 49 ? null : 20 * (Math.floor(o / 50) + 1));

  it('is the first character whose line reaches below the top', () => {
    expect(firstOffsetBelow(0, 500, 0, bottomOf)).toBe(0);
    // The top at 65 px: lines 0–2 end at 20, 40, 60; line 3 (offsets 150…) ends at 80.
    expect(firstOffsetBelow(0, 500, 65, bottomOf)).toBe(150);
    expect(firstOffsetBelow(0, 500, 60, bottomOf)).toBe(150);
  });

  it('is null when everything is above the top', () => {
    expect(firstOffsetBelow(0, 500, 1000, bottomOf)).toBeNull();
    expect(firstOffsetBelow(0, 500, 10, () => null)).toBeNull();
  });
});
