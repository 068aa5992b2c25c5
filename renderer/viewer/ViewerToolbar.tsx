/**
 * The viewer's toolbar: search in the document with its hit count, and for PDFs the page
 * navigation (previous, the page in view as a field to type a page number into, next) and the
 * zoom (out, the scale, in, fit width, fit page). The page indicator follows the page in view.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { PdfZoom } from './usePdfZoom';

export interface ViewerToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  onHitStep: (direction: 1 | -1) => void;
  hitCount: number;
  hitIndex: number;
  /** PDF only. */
  pages?: { page: number; count: number; goToPage: (page: number) => void; zoom: PdfZoom };
  /** More controls at the end (the OCR page request, renderer/ocr/). */
  extra?: ReactNode;
}

export function ViewerToolbar({ query, onQuery, onHitStep, hitCount, hitIndex, pages, extra }: ViewerToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="viewer-toolbar">
      <input
        type="search"
        placeholder={t('viewer.search')}
        aria-label={t('viewer.search')}
        value={query}
        data-testid="viewer-search"
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hitCount > 0) onHitStep(e.shiftKey ? -1 : 1);
        }}
      />
      <span className="muted small search-count" data-testid="search-count">
        {query.trim() ? t('viewer.hits', { current: hitCount ? hitIndex + 1 : 0, count: hitCount }) : ''}
      </span>
      {pages && <PageControls {...pages} />}
      {extra}
    </div>
  );
}

function PageControls({ page, count, goToPage, zoom }: NonNullable<ViewerToolbarProps['pages']>) {
  const { t } = useI18n();
  const [typed, setTyped] = useState<string | null>(null);
  // The field shows the page in view unless the coder is typing a page number.
  useEffect(() => setTyped(null), [page]);
  const go = () => {
    const n = Number.parseInt(typed ?? '', 10);
    setTyped(null);
    if (Number.isFinite(n)) goToPage(Math.min(count, Math.max(1, n)));
  };
  return (
    <span className="viewer-pages">
      <button type="button" onClick={() => goToPage(Math.max(1, page - 1))} disabled={page <= 1} aria-label={t('viewer.prevPage')} title={t('viewer.prevPage')} data-testid="prev-page">
        ‹
      </button>
      <input
        className="page-input"
        inputMode="numeric"
        aria-label={t('viewer.goToPage')}
        title={t('viewer.goToPage')}
        value={typed ?? String(page)}
        data-testid="page-input"
        onChange={(e) => setTyped(e.target.value.replace(/\D/g, ''))}
        onFocus={(e) => e.target.select()}
        onBlur={() => typed !== null && go()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go();
          } else if (e.key === 'Escape') setTyped(null);
        }}
      />
      <span className="small page-count">{t('viewer.pageOf', { count })}</span>
      <span className="visually-hidden" aria-live="polite" data-testid="page-indicator">
        {t('viewer.page', { page, count })}
      </span>
      <button type="button" onClick={() => goToPage(Math.min(count, page + 1))} disabled={page >= count} aria-label={t('viewer.nextPage')} title={t('viewer.nextPage')} data-testid="next-page">
        ›
      </button>
      <span className="viewer-zoom">
        <button type="button" onClick={() => zoom.step(-1)} aria-label={t('viewer.zoomOut')} title={`${t('viewer.zoomOut')} (Ctrl −)`} data-testid="zoom-out">
          −
        </button>
        <span className="small zoom-level" data-testid="zoom-level">
          {Math.round(zoom.scale * 100)} %
        </span>
        <button type="button" onClick={() => zoom.step(1)} aria-label={t('viewer.zoomIn')} title={`${t('viewer.zoomIn')} (Ctrl +)`} data-testid="zoom-in">
          +
        </button>
        <button type="button" className={zoom.fit === 'width' ? 'active' : undefined} aria-pressed={zoom.fit === 'width'} onClick={() => zoom.fitTo('width')} data-testid="fit-width">
          {t('viewer.fitWidth')}
        </button>
        <button type="button" className={zoom.fit === 'page' ? 'active' : undefined} aria-pressed={zoom.fit === 'page'} onClick={() => zoom.fitTo('page')} data-testid="fit-page">
          {t('viewer.fitPage')}
        </button>
      </span>
    </span>
  );
}
