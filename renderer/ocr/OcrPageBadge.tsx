/** A scanned page's OCR state on the page itself: being recognised, its confidence, or a warning. */
import { useI18n } from '../i18n';
import { ocrBadge, type OcrPageView } from './ocr-view';

export function OcrPageBadge({ view }: { view: OcrPageView | undefined }) {
  const { t } = useI18n();
  const badge = view && ocrBadge(view);
  if (!badge) return null;
  const warn = badge.key === 'ocr.pageLow' || badge.key === 'ocr.pageNone';
  return (
    <span className={`ocr-badge${warn ? ' ocr-badge-warn' : ''}${badge.key === 'ocr.pagePending' ? ' ocr-badge-pending' : ''}`} data-testid="ocr-page-badge" data-kind={badge.key}>
      {'confidence' in badge ? t(badge.key, { confidence: badge.confidence }) : t(badge.key)}
    </span>
  );
}
