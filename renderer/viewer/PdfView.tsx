/**
 * The page-faithful PDF view: every page as a pdf.js canvas with a text layer on top, virtualised
 * like pdf.js' own viewer — placeholders of the right size for all pages, and only the pages near
 * the viewport (plus a small buffer) rendered. Text-layer spans line up one-to-one with the
 * page's text items, and items with their offsets in the stored text (src/ingest/pdf-text.ts),
 * which is how a DOM selection maps back to document offsets.
 */
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { layoutPageText } from '../../src/ingest/pdf-text';
import { OcrPageBadge } from '../ocr/OcrPageBadge';
import { renderOcrTextLayer, type OcrPageView } from '../ocr/ocr-view';
import { openPdf } from './pdf';
import { TextMap } from './text-map';
import 'pdfjs-dist/web/pdf_viewer.css';

export interface PdfViewHandle {
  scrollToPage(page: number): void;
  /** Scroll so that document offset `offset` (on `page`) is visible once rendered. */
  scrollToOffset(page: number, offset: number): void;
}

export interface PdfViewProps {
  bytes: Uint8Array;
  pageStarts: readonly number[];
  scale: number;
  /** Called whenever the set of rendered pages (and so the text map) changes. */
  onMap: (map: TextMap, root: HTMLElement) => void;
  onPageChange?: (page: number) => void;
  onError: (error: unknown) => void;
  handle?: Ref<PdfViewHandle>;
  /** Pages whose text is recognised (OCR): their word layers and states. */
  ocrPages?: ReadonlyMap<number, OcrPageView>;
}

/** Pages rendered on each side of the visible ones. */
const BUFFER_PAGES = 2;
/** Never keep more rendered pages than this (memory bound for 400-page documents). */
const MAX_RENDERED = 12;

interface PageSize {
  width: number;
  height: number;
}

export function PdfView({ bytes, pageStarts, scale, onMap, onPageChange, onError, handle, ocrPages }: PdfViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [sizes, setSizes] = useState<PageSize[]>([]);
  const [visible, setVisible] = useState<Set<number>>(new Set([1]));
  const maps = useRef(new Map<number, TextMap>());

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
    },
    [publishMap],
  );

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
        onPageChange?.(first);
        const wanted = new Set<number>();
        for (let p = Math.max(1, first - BUFFER_PAGES); p <= Math.min(pdf.numPages, last + BUFFER_PAGES) && wanted.size < MAX_RENDERED; p++) wanted.add(p);
        setVisible((old) => (old.size === wanted.size && [...wanted].every((p) => old.has(p)) ? old : wanted));
      },
      { root: root.closest('.viewer-scroll') ?? null, rootMargin: '200px 0px' },
    );
    root.querySelectorAll<HTMLElement>('.pdf-page').forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [pdf, sizes.length, onPageChange]);

  useImperativeHandle(
    handle,
    () => ({
      scrollToPage(page: number) {
        rootRef.current?.querySelector(`[data-page="${page}"]`)?.scrollIntoView({ block: 'start' });
      },
      scrollToOffset(page: number, offset: number) {
        const el = rootRef.current?.querySelector<HTMLElement>(`[data-page="${page}"]`);
        if (!el) return;
        const map = maps.current.get(page);
        const range = map?.domRanges(offset, offset + 1)[0];
        if (range) (range.startContainer.parentElement ?? el).scrollIntoView({ block: 'center' });
        else el.scrollIntoView({ block: 'start' });
      },
    }),
    [],
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
      await renderTask.promise;
    })().catch((error: unknown) => {
      if (!cancelled && !(error instanceof Error && error.name === 'RenderingCancelledException')) onError(error);
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
