/**
 * One document, page-faithful: the PDF view (pdf.js canvas + text layer, virtualised) or the
 * DOCX/TXT view, with coded passages painted in their value's colour, search hits, zoom and page
 * navigation. Reports text selections as document offsets and clicks on text as offsets.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentContent, DocumentMeta } from '../../src/core';
import { pageOf } from '../../src/core/anchoring';
import { useI18n } from '../i18n';
import { OcrPageRequest } from '../ocr/OcrPageRequest';
import { OcrStatus } from '../ocr/OcrStatus';
import { keepUnchanged, ocrPageViews, type OcrPageView } from '../ocr/ocr-view';
import { paintSegments, clearSegments, type PaintedSegment } from './highlights';
import { PdfView, type PdfViewHandle } from './PdfView';
import { findAll, offsetAtPoint, readSelection, type SelectionResult } from './selection';
import { TextView } from './TextView';
import type { TextMap } from './text-map';

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
  /** Scroll to this offset whenever `key` changes (e.g. a suggested passage was chosen). */
  scrollTarget?: { offset: number; key: number };
}

const SCOPE = 'doc';

/** Memoised: coding actions re-render the workspace, but the document only when its inputs change. */
export const DocumentPane = memo(function DocumentPane({ meta, content, bytes, segments, focusedSegmentId, onSelection, onTextClick, onError, scrollTarget }: DocumentPaneProps) {
  const { t } = useI18n();
  const [map, setMap] = useState<TextMap | null>(null);
  const [mapMismatch, setMapMismatch] = useState(false);
  const rootRef = useRef<HTMLElement | null>(null);
  const pdfRef = useRef<PdfViewHandle>(null);
  const [css, setCss] = useState('');
  const [scale, setScale] = useState(1);
  const [page, setPage] = useState(1);
  const [query, setQuery] = useState('');
  const [hitIndex, setHitIndex] = useState(0);
  const hits = useMemo(() => findAll(content.text, query), [content.text, query]);
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
    setCss(paintSegments(SCOPE, map, [...painted, ...search], focusedSegmentId ?? (hit ? `search-${hitIndex}` : undefined)));
  }, [map, segments, hits, hitIndex, focusedSegmentId]);

  useEffect(() => () => clearSegments(SCOPE), []);

  // Scroll to the current search hit.
  useEffect(() => {
    const hit = hits[hitIndex];
    if (!hit) return;
    const hitPage = pageOf(content.pageStarts, hit.start);
    if (meta.kind === 'pdf') pdfRef.current?.scrollToOffset(hitPage, hit.start);
    else map?.domRanges(hit.start, hit.end)[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    // Only when the hit changes; re-rendered pages must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hits, hitIndex]);

  // Scroll to a target offset (a chosen suggestion); the PDF page is rendered once it is visible.
  useEffect(() => {
    if (!scrollTarget) return;
    const { offset } = scrollTarget;
    if (meta.kind === 'pdf') pdfRef.current?.scrollToOffset(pageOf(content.pageStarts, offset), offset);
    else map?.domRanges(offset, offset + 1)[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    // Only when a new target is set.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTarget?.key]);

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

  const goToPage = (p: number) => {
    const clamped = Math.min(Math.max(1, p), meta.pageCount);
    pdfRef.current?.scrollToPage(clamped);
  };

  return (
    <div className="document-pane">
      <style>{css}</style>
      <div className="viewer-toolbar">
        <input
          type="search"
          placeholder={t('viewer.search')}
          aria-label={t('viewer.search')}
          value={query}
          data-testid="viewer-search"
          onChange={(e) => {
            setQuery(e.target.value);
            setHitIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hits.length > 0) setHitIndex((i) => (e.shiftKey ? (i - 1 + hits.length) % hits.length : (i + 1) % hits.length));
          }}
        />
        <span className="muted small" data-testid="search-count">
          {query.trim() ? t('viewer.hits', { current: hits.length ? hitIndex + 1 : 0, count: hits.length }) : ''}
        </span>
        {meta.kind === 'pdf' && (
          <>
            <button type="button" onClick={() => goToPage(page - 1)} aria-label={t('viewer.prevPage')}>
              ‹
            </button>
            <span className="small" data-testid="page-indicator">
              {t('viewer.page', { page, count: meta.pageCount })}
            </span>
            <button type="button" onClick={() => goToPage(page + 1)} aria-label={t('viewer.nextPage')}>
              ›
            </button>
            <button type="button" onClick={() => setScale((s) => Math.max(0.5, +(s - 0.25).toFixed(2)))} aria-label={t('viewer.zoomOut')}>
              −
            </button>
            <span className="small">{Math.round(scale * 100)} %</span>
            <button type="button" onClick={() => setScale((s) => Math.min(3, +(s + 0.25).toFixed(2)))} aria-label={t('viewer.zoomIn')}>
              +
            </button>
            <OcrPageRequest meta={meta} page={page} />
          </>
        )}
      </div>
      {meta.ocr ? <OcrStatus meta={meta} /> : !meta.hasText && <p className="notice">{t('viewer.noText')}</p>}
      {mapMismatch && meta.kind !== 'pdf' && <p className="notice">{t('viewer.mismatch')}</p>}
      <div className="viewer-scroll" onMouseUp={onMouseUp} onClick={onClick} data-testid="viewer-scroll">
        {meta.kind === 'pdf' ? (
          bytes ? (
            <PdfView bytes={bytes} pageStarts={content.pageStarts} scale={scale} onMap={onMap} onPageChange={setPage} onError={onError} handle={pdfRef} ocrPages={ocrPages} />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )
        ) : (
          <TextView text={content.text} html={content.html} onMap={onMap} />
        )}
      </div>
    </div>
  );
});
