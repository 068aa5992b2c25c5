/**
 * "Recognise this page (OCR)" for a PDF page whose text layer is garbage: the page is queued for
 * OCR and its recognised text replaces the layer's; passages on it are found again by their quote
 * (or kept as orphans) when it is stored.
 */
import { pageSource, type DocumentMeta } from '../../src/core';
import { useI18n } from '../i18n';
import { useStore } from '../state/store-context';

export function OcrPageRequest({ meta, page }: { meta: DocumentMeta; page: number }) {
  const { t } = useI18n();
  const store = useStore();
  if (meta.kind !== 'pdf' || pageSource(meta.ocr, page) === 'ocr') return null;
  return (
    <button type="button" className="small" title={t('ocr.requestHint')} onClick={() => void store.ocr.requestPages(meta.id, [page])} data-testid="ocr-request">
      {t('ocr.request', { page })}
    </button>
  );
}
