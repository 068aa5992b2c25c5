/**
 * Zoom of the PDF view: the scale, zoom steps, Ctrl + wheel at the pointer, fit to width and fit
 * the whole page. Zooming keeps a point of the page where it was on screen — the point under the
 * pointer for Ctrl + wheel, the middle of the view for buttons and keys: the page under that point
 * is measured before and after the new scale is laid out and the scroll position moved by the
 * difference (page-geometry.ts' `keepPointDelta`). A fit mode follows the viewer's size.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { clampScale, fitScale, keepPointDelta, stepZoom, type DOMRectLike, type FitMode } from './page-geometry';
import type { PdfViewHandle } from './PdfView';

export interface PdfZoom {
  scale: number;
  fit: FitMode | null;
  /** Zoom to `scale`, keeping the page point under `point` (viewport coordinates; default the view's middle). */
  zoomTo(scale: number, point?: { x: number; y: number }): void;
  step(direction: 1 | -1): void;
  fitTo(mode: FitMode): void;
}

/** Ctrl + wheel: this factor per 100 px of wheel movement. */
const WHEEL_FACTOR_PER_100 = 1.25;

interface Anchor {
  page: number;
  rect: DOMRectLike;
  point: { x: number; y: number };
  /** Fit page: the page goes to the top of the view afterwards. */
  toTop: boolean;
}

export function usePdfZoom(scrollRef: RefObject<HTMLElement | null>, pdfRef: RefObject<PdfViewHandle | null>, currentPage: number, enabled: boolean): PdfZoom {
  const [scale, setScale] = useState(1);
  const [fit, setFit] = useState<FitMode | null>(null);
  const anchor = useRef<Anchor | null>(null);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  const pageRef = useRef(currentPage);
  pageRef.current = currentPage;

  const apply = useCallback(
    (next: number, point: { x: number; y: number } | undefined, toTop = false) => {
      const target = clampScale(next);
      const container = scrollRef.current;
      const pdf = pdfRef.current;
      if (target === scaleRef.current) {
        if (toTop) pdf?.scrollToPage(pageRef.current);
        return;
      }
      if (container && pdf) {
        const box = container.getBoundingClientRect();
        const at = point ?? { x: box.left + container.clientWidth / 2, y: box.top + container.clientHeight / 2 };
        const page = toTop ? pageRef.current : pdf.pageAtClientY(at.y);
        const el = pdf.pageElement(page);
        anchor.current = el ? { page, rect: el.getBoundingClientRect(), point: at, toTop } : null;
      }
      setScale(target);
    },
    [scrollRef, pdfRef],
  );

  // After the new scale is laid out (page boxes are sized in render): put the anchor back.
  useLayoutEffect(() => {
    const a = anchor.current;
    anchor.current = null;
    const container = scrollRef.current;
    const pdf = pdfRef.current;
    if (!a || !container || !pdf) return;
    if (a.toTop) return pdf.scrollToPage(a.page);
    const el = pdf.pageElement(a.page);
    if (!el) return;
    const { dx, dy } = keepPointDelta(a.rect, el.getBoundingClientRect(), a.point);
    container.scrollLeft += dx;
    container.scrollTop += dy;
  }, [scale, scrollRef, pdfRef]);

  const fitScaleNow = useCallback(
    (mode: FitMode): number | null => {
      const container = scrollRef.current;
      const size = pdfRef.current?.pageSize(pageRef.current);
      if (!container || !size) return null;
      const style = getComputedStyle(container);
      const padX = (Number.parseFloat(style.paddingLeft) || 0) + (Number.parseFloat(style.paddingRight) || 0);
      const padY = (Number.parseFloat(style.paddingTop) || 0) + (Number.parseFloat(style.paddingBottom) || 0);
      // A little room for the page's shadow, so fitting never adds a horizontal scrollbar.
      return fitScale(mode, { width: container.clientWidth - padX - 4, height: container.clientHeight - padY - 4 }, size);
    },
    [scrollRef, pdfRef],
  );

  const zoomTo = useCallback(
    (next: number, point?: { x: number; y: number }) => {
      setFit(null);
      apply(next, point);
    },
    [apply],
  );
  const step = useCallback((direction: 1 | -1) => zoomTo(stepZoom(scaleRef.current, direction)), [zoomTo]);
  const fitTo = useCallback(
    (mode: FitMode) => {
      const next = fitScaleNow(mode);
      if (next === null) return;
      setFit(mode);
      apply(next, undefined, mode === 'page');
    },
    [fitScaleNow, apply],
  );

  // A fit mode follows the viewer's size.
  useEffect(() => {
    const container = scrollRef.current;
    if (!container || !fit || !enabled) return;
    const observer = new ResizeObserver(() => {
      const next = fitScaleNow(fit);
      if (next !== null) apply(next, undefined);
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [scrollRef, fit, enabled, fitScaleNow, apply]);

  // Ctrl + wheel zooms at the pointer (instead of the browser's page zoom).
  useEffect(() => {
    const container = scrollRef.current;
    if (!container || !enabled) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      zoomTo(scaleRef.current * WHEEL_FACTOR_PER_100 ** (-delta / 100), { x: e.clientX, y: e.clientY });
    };
    container.addEventListener('wheel', onWheel, { passive: false });
    return () => container.removeEventListener('wheel', onWheel);
  }, [scrollRef, enabled, zoomTo]);

  // Ctrl + / Ctrl − / Ctrl 0 (100 %), instead of the browser's page zoom.
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') step(1);
      else if (e.key === '-' || e.code === 'NumpadSubtract') step(-1);
      else if (e.key === '0' || e.code === 'Numpad0') zoomTo(1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, step, zoomTo]);

  return { scale, fit, zoomTo, step, fitTo };
}
