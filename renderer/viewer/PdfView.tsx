/**
 * The page-faithful PDF view: every page as a pdf.js canvas with a text layer on top, virtualised
 * like pdf.js' own viewer — placeholders of the right size for all pages, and only the pages near
 * the viewport (plus a small buffer) rendered. Text-layer spans line up one-to-one with the
 * page's text items, and items with their offsets in the stored text (src/ingest/pdf-text.ts),
 * which is how a DOM selection maps back to document offsets.
 */
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref, type RefObject } from 'react';
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { layoutPageText } from '../../src/ingest/pdf-text';
import { pageOf } from '../../src/core/anchoring';
import { lastAtOrBefore, pageInView } from './page-geometry';
import { OcrPageBadge } from '../ocr/OcrPageBadge';
import { renderOcrTextLayer, type OcrPageView } from '../ocr/ocr-view';
import { openPdf } from './pdf';
import { offsetAtTop, scrollBoxInto, scrollOffsetInto, viewTop } from './reading-position';
import { TextMap } from './text-map';
import 'pdfjs-dist/web/pdf_viewer.css';

export interface PdfViewHandle {
  /** Scroll page `page` (1-based) to the top of the view; it counts as the page in view. */
  scrollToPage(page: number): void;
  /**
   * Scroll so that document offset `offset` (on `page`) is in view: centred (a search hit, a
   * chosen passage) or at the top (a restored reading position). A page that is not rendered yet
   * is scrolled to first and the offset placed once its text layer is there.
   */
  scrollToOffset(page: number, offset: number, block?: 'center' | 'start'): void;
  /** The text offset at the top of the view (the reading position). */
  offsetAtTop(): number;
  /** The page element and its size at scale 1 (for zoom anchors and fitting). */
  pageElement(page: number): HTMLElement | null;
  pageSize(page: number): { width: number; height: number } | null;
  /** The page under a viewport y coordinate (1-based). */
  pageAtClientY(y: number): number;
}

export interface PdfViewProps {
  bytes: Uint8Array;
  pageStarts: readonly number[];
  textLength: number;
  scale: number;
  /** The scrolling element around the view. */
  scrollRef: RefObject<HTMLElement | null>;
  /** Called whenever the set of rendered pages (and so the text map) changes. */
  onMap: (map: TextMap, root: HTMLElement) => void;
  onPageChange?: (page: number) => void;
  /** Called (after scrolling settles) with the text offset at the top of the view. */
  onPosition?: (offset: number) => void;
  /** Start with this offset at the top of the view (a remembered reading position). */
  initialOffset?: number;
  onError: (error: unknown) => void;
  handle?: Ref<PdfViewHandle>;
  /** Pages whose text is recognised (OCR): their word layers and states. */
  ocrPages?: ReadonlyMap<number, OcrPageView>;
}

/** Pages rendered on each side of the visible ones. */
const BUFFER_PAGES = 2;
/** Never keep more rendered pages than this (memory bound for 400-page documents). */
const MAX_RENDERED = 12;
/** Quiet time after the last scroll before the reading position is reported. */
const POSITION_DELAY_MS = 250;

interface PageSize {
  width: number;
  height: number;
}

interface Pending {
  page: number;
  offset: number;
  block: 'center' | 'start';
}

export function PdfView({ bytes, pageStarts, textLength, scale, scrollRef, onMap, onPageChange, onPosition, initialOffset, onError, handle, ocrPages }: PdfViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [sizes, setSizes] = useState<PageSize[]>([]);
  const [visible, setVisible] = useState<Set<number>>(new Set([1]));
  const maps = useRef(new Map<number, TextMap>());
  // An offset to place once its page is rendered, and the page a programmatic scroll went to
  // (it stays the page in view until the user scrolls elsewhere, even where the last pages can
  // never reach the top of the view).
  const pending = useRef<Pending | null>(initialOffset !== undefined ? { page: pageOf(pageStarts, initialOffset), offset: initialOffset, block: 'start' } : null);
  const forced = useRef<{ page: number; scrollTop: number } | null>(null);
  const latest = useRef({ onPageChange, onPosition, pageStarts, textLength });
  latest.current = { onPageChange, onPosition, pageStarts, textLength };

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    const pageMaps = maps.current;
    openPdf(bytes)
      .then(async (doc) => {
        opened = doc;
        if (cancelled) return void doc.destroy();
        const first = await doc.getPage(1);
        const vp = first.getViewport({ scale: 1 });
        // Like pdf.js' viewer: assume every page has the first page's size until it is rendered.
        setSizes(Array.from({ length: doc.numPages }, () => ({ width: vp.width, height: vp.height })));
        setPdf(doc);
      })
      .catch((error: unknown) => !cancelled && onError(error));
    return () => {
      cancelled = true;
      pageMaps.clear();
      void opened?.destroy();
    };
  }, [bytes, onError]);

  const pageEl = useCallback((page: number) => rootRef.current?.querySelector<HTMLElement>(`.pdf-page[data-page="${page}"]`) ?? null, []);

  const place = useCallback(
    (target: Pending): boolean => {
      const container = scrollRef.current;
      const map = maps.current.get(target.page);
      if (!container || !map) return false;
      const end = latest.current.pageStarts[target.page] ?? latest.current.textLength;
      if (!scrollOffsetInto(container, map, target.offset, end, target.block)) return false;
      forced.current = { page: target.page, scrollTop: container.scrollTop };
      latest.current.onPageChange?.(target.page);
      return true;
    },
    [scrollRef],
  );

  const goToPage = useCallback(
    (page: number) => {
      const container = scrollRef.current;
      const el = pageEl(page);
      if (!container || !el) return;
      scrollBoxInto(container, el.getBoundingClientRect(), 'start');
      forced.current = { page, scrollTop: container.scrollTop };
      latest.current.onPageChange?.(page);
    },
    [scrollRef, pageEl],
  );

  const publishMap = useCallback(() => {
    const root = rootRef.current;
    if (root) onMap(TextMap.merge([...maps.current.values()]), root);
  }, [onMap]);

  const onPageRendered = useCallback(
    (page: number, map: TextMap | null, size: PageSize) => {
      if (map) maps.current.set(page, map);
      else maps.current.delete(page);
      setSizes((old) => (old[page - 1]?.width === size.width && old[page - 1]?.height === size.height ? old : old.map((s, i) => (i === page - 1 ? size : s))));
      publishMap();
      const target = pending.current;
      if (map && target && target.page === page && place(target)) pending.current = null;
    },
    [publishMap, place],
  );

  // A remembered position or target: go to its page as soon as the placeholders are laid out.
  useLayoutEffect(() => {
    const target = pending.current;
    if (!pdf || !target || sizes.length === 0) return;
    goToPage(target.page);
    // Only when the document has been opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pdf]);

  const offsetAtTopNow = useCallback((): number => {
    const container = scrollRef.current;
    const { pageStarts: starts, textLength: length } = latest.current;
    if (!container) return 0;
    // A position still to be restored is the position.
    if (pending.current?.block === 'start') return pending.current.offset;
    const page = pageAtTop(container, sizes.length, pageEl);
    const from = starts[page - 1] ?? 0;
    const to = starts[page] ?? length;
    const map = maps.current.get(page);
    if (!map) return from;
    // Nothing of the page below the top: the view starts in its bottom margin, at the next page.
    return offsetAtTop(container, map, from, to) ?? (page < sizes.length ? to : from);
  }, [scrollRef, sizes.length, pageEl]);

  // The page in view and the reading position follow scrolling (also scrolling the app did).
  useEffect(() => {
    const container = scrollRef.current;
    if (!container || !pdf || sizes.length === 0) return;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      frame = 0;
      const f = forced.current;
      if (f && Math.abs(container.scrollTop - f.scrollTop) <= 2) {
        latest.current.onPageChange?.(f.page);
      } else {
        forced.current = null;
        const box = container.getBoundingClientRect();
        const topOf = (i: number) => (pageEl(i + 1)?.getBoundingClientRect().top ?? 0) - box.top + container.scrollTop;
        latest.current.onPageChange?.(pageInView(sizes.length, topOf, container));
      }
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
      if (latest.current.onPosition) {
        clearTimeout(timer);
        timer = setTimeout(() => latest.current.onPosition?.(offsetAtTopNow()), POSITION_DELAY_MS);
      }
    };
    container.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      container.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [scrollRef, pdf, sizes.length, pageEl, offsetAtTopNow]);

  // Which pages intersect the viewport (with a margin); the buffer is added around them.
  useEffect(() => {
    const root = rootRef.current;
    if (!root || !pdf) return;
    const seen = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const page = Number((e.target as HTMLElement).dataset.page);
          if (e.isIntersecting) seen.add(page);
          else seen.delete(page);
        }
        const pages = [...seen].sort((a, b) => a - b);
        if (pages.length === 0) return;
        const first = pages[0]!;
        const last = pages.at(-1)!;
        const wanted = new Set<number>();
        for (let p = Math.max(1, first - BUFFER_PAGES); p <= Math.min(pdf.numPages, last + BUFFER_PAGES) && wanted.size < MAX_RENDERED; p++) wanted.add(p);
        setVisible((old) => (old.size === wanted.size && [...wanted].every((p) => old.has(p)) ? old : wanted));
      },
      { root: scrollRef.current, rootMargin: '200px 0px' },
    );
    root.querySelectorAll<HTMLElement>('.pdf-page').forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [pdf, sizes.length, scrollRef]);

  useImperativeHandle(
    handle,
    () => ({
      scrollToPage: goToPage,
      scrollToOffset(page: number, offset: number, block: 'center' | 'start' = 'center') {
        const target = { page, offset, block };
        if (place(target)) {
          pending.current = null;
          return;
        }
        // Not rendered yet: to its page now, to the offset once the page's text layer is there.
        pending.current = target;
        goToPage(page);
      },
      offsetAtTop: offsetAtTopNow,
      pageElement: pageEl,
      pageSize: (page: number) => sizes[page - 1] ?? null,
      pageAtClientY(y: number) {
        const n = sizes.length;
        return n === 0 ? 1 : lastAtOrBefore(n, (i) => pageEl(i + 1)?.getBoundingClientRect().top ?? 0, y) + 1;
      },
    }),
    [goToPage, place, offsetAtTopNow, pageEl, sizes],
  );

  return (
    <div ref={rootRef} className="pdf-view" data-testid="pdf-view" style={{ ['--scale-factor' as string]: String(scale) }}>
      {sizes.map((size, i) => (
        <PdfPage
          key={i + 1}
          pdf={pdf}
          page={i + 1}
          size={size}
          scale={scale}
          pageStart={pageStarts[i] ?? 0}
          rendered={visible.has(i + 1)}
          onRendered={onPageRendered}
          onError={onError}
          ocr={ocrPages?.get(i + 1)}
        />
      ))}
    </div>
  );
}

/** The page whose box is at the top edge of the view (the reading position's page). */
function pageAtTop(container: HTMLElement, count: number, pageEl: (page: number) => HTMLElement | null): number {
  const top = viewTop(container) + 1;
  const bottom = (i: number) => pageEl(i + 1)?.getBoundingClientRect().bottom ?? 0;
  if (count === 0 || bottom(0) > top) return 1;
  // After the last page that ends above the top edge.
  return Math.min(count, lastAtOrBefore(count, bottom, top) + 2);
}

interface PdfPageProps {
  pdf: PDFDocumentProxy | null;
  page: number;
  size: PageSize;
  scale: number;
  pageStart: number;
  rendered: boolean;
  onRendered: (page: number, map: TextMap | null, size: PageSize) => void;
  onError: (error: unknown) => void;
  ocr?: OcrPageView;
}

function PdfPage({ pdf, page, size, scale, pageStart, rendered, onRendered, onError, ocr }: PdfPageProps) {
  const ocrLayer = ocr?.layer;
  const ocrText = ocr?.text;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!pdf || !rendered) return;
    const canvas = canvasRef.current;
    const textDiv = textRef.current;
    if (!canvas || !textDiv) return;
    let cancelled = false;
    let proxy: PDFPageProxy | null = null;
    let renderTask: ReturnType<PDFPageProxy['render']> | null = null;
    let textLayer: TextLayer | null = null;
    (async () => {
      proxy = await pdf.getPage(page);
      if (cancelled) return;
      const viewport = proxy.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      renderTask = proxy.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      const drawn = renderTask.promise;
      // Cancelled while the text layer is built (zoom, scrolled away): the drawing's rejection is
      // expected, and must not surface as an unhandled one.
      drawn.catch(() => undefined);
      const content: TextContent = await proxy.getTextContent();
      if (cancelled) return;
      textDiv.replaceChildren();
      if (ocrLayer) {
        // A scanned page: the recognised words as an invisible text layer over the page image.
        const words = renderOcrTextLayer(textDiv, ocrLayer.words, ocrText ?? '', pageStart, viewport.width, viewport.height);
        onRendered(page, new TextMap(words), { width: viewport.width / scale, height: viewport.height / scale });
        return void (await renderTask.promise);
      }
      textLayer = new TextLayer({ textContentSource: content, container: textDiv, viewport });
      await textLayer.render();
      if (cancelled) return;
      const items = content.items.filter((it): it is TextItem => 'str' in it);
      const layout = layoutPageText(items);
      const entries = textLayer.textDivs.flatMap((div, i) => {
        const node = div.firstChild;
        const start = layout.itemStarts[i];
        if (!(node instanceof Text) || start === undefined) return [];
        // The stored text is NFC; show exactly that in the (invisible) text layer so offsets agree.
        const normalised = layout.itemTexts[i] ?? node.data;
        if (node.data !== normalised) node.data = normalised;
        return [{ node, start: pageStart + start }];
      });
      onRendered(page, new TextMap(entries), { width: viewport.width / scale, height: viewport.height / scale });
      await drawn;
    })().catch((error: unknown) => {
      // A page re-rendered (zoom) or scrolled away cancels its drawing and its text layer: not an error.
      if (!cancelled && !(error instanceof Error && (error.name === 'RenderingCancelledException' || error.name === 'AbortException'))) onError(error);
    });
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
      proxy?.cleanup();
      textDiv.replaceChildren();
      onRendered(page, null, size);
    };
    // `size` is reported back on cleanup only; re-rendering on size changes would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pdf, page, scale, pageStart, rendered, onRendered, onError, ocrLayer, ocrText]);

  return (
    <div className="pdf-page" data-page={page} data-testid="pdf-page" style={{ width: size.width * scale, height: size.height * scale }}>
      {rendered && <canvas ref={canvasRef} className="pdf-canvas" />}
      <div ref={textRef} className="textLayer" />
      <span className="page-number">{page}</span>
      <OcrPageBadge view={ocr} />
    </div>
  );
}
