/**
 * A document's text recognition as a line: progress with cancel while it runs, resume after a
 * cancel or failure, and when done the confidence range and the pages to check.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lowConfidencePages, type DocumentMeta } from '../../src/core';
import { formatNumber } from '../../src/core/number-format';
import { useI18n } from '../i18n';
import { useStore } from '../state/store-context';
import { ocrQueue } from './ocr-queue';
import { useOcrState } from './useOcr';

export function OcrStatus({ meta }: { meta: DocumentMeta }) {
  const { t, lang } = useI18n();
  const store = useStore();
  const { active } = useOcrState();
  const ocr = meta.ocr;
  if (!ocr) return null;
  const queue = ocrQueue(store);
  const total = ocr.pages.length;
  const done = ocr.pages.filter((p) => p.confidence !== null).length;
  const mine = active?.documentId === meta.id ? active : null;
  if (ocr.status === 'pending') {
    return (
      <div className="ocr-status" data-testid="ocr-status" data-state={mine ? 'running' : 'waiting'}>
        <span>{mine ? t('ocr.running', { page: mine.page, done, total }) : t('ocr.waiting', { total })}</span>
        <progress max={total} value={done + (mine?.fraction ?? 0) * (mine && mine.done < total ? 1 : 0)} data-testid="ocr-progress" />
        <button type="button" onClick={() => void queue.cancel(meta.id)} data-testid="ocr-cancel">
          {t('ocr.cancel')}
        </button>
        {done > 0 && <span className="small muted">{t('ocr.usable')}</span>}
      </div>
    );
  }
  if (ocr.status === 'cancelled' || ocr.status === 'failed') {
    return (
      <div className="ocr-status" data-testid="ocr-status" data-state={ocr.status}>
        <span className={ocr.status === 'failed' ? 'error-text' : ''}>{ocr.status === 'failed' ? t('ocr.failed', { message: ocr.error?.[lang] ?? '' }) : t('ocr.cancelled', { done, total })}</span>{' '}
        <button type="button" onClick={() => void queue.resume(meta.id)} data-testid="ocr-resume">
          {t('ocr.resume')}
        </button>
      </div>
    );
  }
  const confidences = ocr.pages.map((p) => p.confidence ?? 0);
  const low = lowConfidencePages(ocr);
  return (
    <div className="ocr-status" data-testid="ocr-status" data-state="done">
      <span>{t('ocr.done', { total, low: formatNumber(Math.min(...confidences), lang, 0), high: formatNumber(Math.max(...confidences), lang, 0) })}</span>
      {low.length > 0 && (
        <span className="warning-text" data-testid="ocr-low">
          {' '}
          {t('ocr.low', { pages: low.join(', ') })}
        </span>
      )}
    </div>
  );
}

/** The same line for a document known by id (the import report), kept up to date. */
export function OcrStatusOf({ documentId }: { documentId: string }) {
  const store = useStore();
  const meta = useLiveQuery(() => store.documents.get(documentId), [store, documentId]);
  return meta ? <OcrStatus meta={meta} /> : null;
}
