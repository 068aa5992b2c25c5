/**
 * One document, page-faithful: the PDF view (pdf.js canvas + text layer, virtualised) or the
 * DOCX/TXT view, with coded passages painted in their value's colour, search hits, zoom and page
 * navigation. Reports text selections as document offsets and clicks on text as offsets.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DocumentContent, DocumentMeta } from '../../src/core';
import { pageOf } from '../../src/core/anchoring';
import { useI18n } from '../i18n';
import { OcrPageRequest } from '../ocr/OcrPageRequest';
import { HighlightLegend, HighlightTooltip } from './HighlightLegend';
import { SELECTION_ALPHA, SELECTION_COLOUR } from './highlight-palette';
import { paintSegments, clearSegments, translucent, type PaintedSegment } from './highlights';
import { OcrStatus } from '../ocr/OcrStatus';
import { keepUnchanged, ocrPageViews, type OcrPageView } from '../ocr/ocr-view';
import { PdfView, type PdfViewHandle } from './PdfView';
import { offsetAtTop, scrollOffsetInto } from './reading-position';
import { findAll, offsetAtPoint, readSelection, type SelectionResult } from './selection';
import { TextView } from './TextView';
import type { TextMap } from './text-map';
import { usePageKeys } from './usePageKeys';
import { usePdfZoom } from './usePdfZoom';
import { ViewerToolbar } from './ViewerToolbar';

export interface DocumentPaneProps {
  meta: DocumentMeta;
  content: DocumentContent;
  /** Original bytes (PDF only). */
  bytes: Uint8Array | null;
  segments: PaintedSegment[];
  focusedSegmentId?: string;
  onSelection: (selection: SelectionResult) => void;
  onTextClick: (offset: number, point: { x: number; y: number }) => void;
  onError: (error: unknown) => void;
  /** Scroll to this offset whenever `key` changes (e.g. a suggested passage was chosen); only a target for this document counts. */
  scrollTarget?: { offset: number; key: number; documentId: string };
  /** Open with this text offset at the top of the view (the remembered reading position). */
  initialOffset?: number;
  /** The text offset at the top of the view, after scrolling settles and when the pane closes. */
  onPosition?: (documentId: string, offset: number) => void;
}

const SCOPE = 'doc';
/** The selection's own colour, which no passage is painted in (highlight-palette.ts). */
const SELECTION_CSS = `.viewer-scroll ::selection, .viewer-scroll .textLayer ::selection { background: ${translucent(SELECTION_COLOUR, SELECTION_ALPHA)}; }`;

/** The labelled passages that contain `offset`, the shortest first, one per label and coder. */
export function passagesAt(segments: readonly PaintedSegment[], offset: number): PaintedSegment[] {
  const seen = new Set<string>();
  return segments
    .filter((s) => s.label !== undefined && s.start <= offset && offset < s.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start))
    .filter((s) => {
      const key = `${s.coder ?? ''}\u0000${s.label}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
/** Quiet time after the last scroll before the reading position is reported (DOCX/TXT). */
const POSITION_DELAY_MS = 250;

/** Memoised: coding actions re-render the workspace, but the document only when its inputs change. */
export const DocumentPane = memo(function DocumentPane({ meta, content, bytes, segments, focusedSegmentId, onSelection, onTextClick, onError, scrollTarget, initialOffset, onPosition }: DocumentPaneProps) {
  const { t } = useI18n();
  const [map, setMap] = useState<TextMap | null>(null);
  const [mapMismatch, setMapMismatch] = useState(false);
  const rootRef = useRef<HTMLElement | null>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const pdfRef = useRef<PdfViewHandle>(null);
  const isPdf = meta.kind === 'pdf';
  const [css, setCss] = useState('');
  const [page, setPage] = useState(1);
  const zoom = usePdfZoom(scrollRef, pdfRef, page, isPdf);
  const [query, setQuery] = useState('');
  const [hitIndex, setHitIndex] = useState(0);
  const hits = useMemo(() => findAll(content.text, query), [content.text, query]);
  // The position is reported to the latest callback; the first one restored once.
  const positionRef = useRef(onPosition);
  positionRef.current = onPosition;
  const target = scrollTarget?.documentId === meta.id ? scrollTarget : undefined;
  // A passage to show wins over the remembered position.
  const [startAt] = useState(target ? undefined : initialOffset);
  const report = useCallback((offset: number) => positionRef.current?.(meta.id, offset), [meta.id]);
  const ocrCache = useRef<ReadonlyMap<number, OcrPageView>>(new Map());
  const ocrPages = useMemo(() => (ocrCache.current = keepUnchanged(ocrCache.current, ocrPageViews(meta.ocr, content))), [meta.ocr, content]);

  const onMap = useCallback((next: TextMap | null, root: HTMLElement) => {
    rootRef.current = root;
    setMap(next);
    setMapMismatch(next === null);
  }, []);

  useEffect(() => {
    if (!map) return;
    const hit = hits[hitIndex];
    const painted: PaintedSegment[] = [...segments];
    const search = hits.map((h, i) => ({ id: `search-${i}`, start: h.start, end: h.end, colour: i === hitIndex ? '#ff8c00' : '#ffe066' }));
    const started = performance.now();
    setCss(paintSegments(SCOPE, map, [...painted, ...search], focusedSegmentId ?? (hit ? `search-${hitIndex}` : undefined)));
    // For the benchmark ("Viewer: painting"): how long each repaint took.
    performance.measure('overens:paint', { start: started });
  }, [map, segments, hits, hitIndex, focusedSegmentId]);

  useEffect(() => () => clearSegments(SCOPE), []);

  const showOffset = useCallback(
    (offset: number, end: number) => {
      const container = scrollRef.current;
      if (isPdf) pdfRef.current?.scrollToOffset(pageOf(content.pageStarts, offset), offset, 'center');
      else if (container && map) scrollOffsetInto(container, map, offset, end, 'center');
    },
    [isPdf, content.pageStarts, map],
  );

  // Scroll to the current search hit.
  useEffect(() => {
    const hit = hits[hitIndex];
    if (hit) showOffset(hit.start, hit.end);
    // Only when the hit changes; re-rendered pages must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hits, hitIndex]);

  // Scroll to a target offset (a chosen suggestion); the PDF page is rendered once it is visible.
  useEffect(() => {
    if (target) showOffset(target.offset, target.offset + 1);
    // Only when a new target is set.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target?.key]);

  // DOCX/TXT: back at the remembered position once the text is mapped, and report the position.
  const restored = useRef(false);
  useEffect(() => {
    const container = scrollRef.current;
    if (isPdf || !map || !container || restored.current) return;
    restored.current = true;
    if (startAt !== undefined) scrollOffsetInto(container, map, startAt, content.text.length, 'start');
    // Once, when the text is first mapped.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map]);
  const readPosition = useCallback((): number | null => {
    const container = scrollRef.current;
    if (isPdf) return pdfRef.current?.offsetAtTop() ?? null;
    return container && map ? offsetAtTop(container, map, 0, content.text.length) : null;
  }, [isPdf, map, content.text.length]);
  useEffect(() => {
    const container = scrollRef.current;
    if (isPdf || !container) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const offset = readPosition();
        if (offset !== null) report(offset);
      }, POSITION_DELAY_MS);
    };
    container.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      container.removeEventListener('scroll', onScroll);
      clearTimeout(timer);
    };
  }, [isPdf, readPosition, report]);
  // Leaving the document (another document, another view): the position as it is now.
  // A layout effect: its clean-up runs while the DOM and the PDF view's handle are still there.
  const readRef = useRef(readPosition);
  readRef.current = readPosition;
  useLayoutEffect(
    () => () => {
      const offset = readRef.current();
      if (offset !== null) report(offset);
    },
    [report],
  );

  // The passages under the pointer, named in a tooltip (looked up once per animation frame).
  const [hover, setHover] = useState<{ x: number; y: number; items: PaintedSegment[] } | null>(null);
  const hoverFrame = useRef(0);
  const onMouseMove = (e: React.MouseEvent) => {
    const { clientX: x, clientY: y } = e;
    if (hoverFrame.current) cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      hoverFrame.current = 0;
      const offset = map ? offsetAtPoint(document, map, x, y) : null;
      const items = offset === null ? [] : passagesAt(segments, offset);
      setHover((old) => (items.length === 0 ? (old ? null : old) : { x, y, items }));
    });
  };
  useEffect(() => () => cancelAnimationFrame(hoverFrame.current), []);

  const onMouseUp = () => {
    const root = rootRef.current;
    if (!root || !map) return;
    const selection = readSelection(root, map, content.text);
    onSelection(selection);
  };

  const onClick = (e: React.MouseEvent) => {
    if (!map || !window.getSelection()?.isCollapsed) return;
    const offset = offsetAtPoint(document, map, e.clientX, e.clientY);
    if (offset !== null) onTextClick(offset, { x: e.clientX, y: e.clientY });
  };

  const goToPage = useCallback((p: number) => pdfRef.current?.scrollToPage(Math.min(Math.max(1, p), meta.pageCount)), [meta.pageCount]);
  usePageKeys(paneRef, goToPage, page, meta.pageCount, isPdf);

  return (
    <div className="document-pane" ref={paneRef}>
      <style>{`${SELECTION_CSS}\n${css}`}</style>
      <ViewerToolbar
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setHitIndex(0);
        }}
        onHitStep={(d) => setHitIndex((i) => (i + d + hits.length) % hits.length)}
        hitCount={hits.length}
        hitIndex={hitIndex}
        pages={isPdf ? { page, count: meta.pageCount, goToPage, zoom } : undefined}
        extra={isPdf ? <OcrPageRequest meta={meta} page={page} /> : undefined}
      />
      {meta.ocr ? <OcrStatus meta={meta} /> : !meta.hasText && <p className="notice">{t('viewer.noText')}</p>}
      {mapMismatch && !isPdf && <p className="notice">{t('viewer.mismatch')}</p>}
      <HighlightLegend segments={segments} />
      <div ref={scrollRef} className="viewer-scroll" onMouseUp={onMouseUp} onClick={onClick} onMouseMove={onMouseMove} onMouseLeave={() => setHover(null)} data-testid="viewer-scroll">
        {isPdf ? (
          bytes ? (
            <PdfView
              bytes={bytes}
              pageStarts={content.pageStarts}
              textLength={content.text.length}
              scale={zoom.scale}
              scrollRef={scrollRef}
              onMap={onMap}
              onPageChange={setPage}
              onPosition={report}
              initialOffset={startAt}
              onError={onError}
              handle={pdfRef}
              ocrPages={ocrPages}
            />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )
        ) : (
          <TextView text={content.text} html={content.html} onMap={onMap} />
        )}
      </div>
      <HighlightTooltip at={hover} />
    </div>
  );
});
