/** Import warnings in the UI language (stored warnings carry a code and a bilingual message). */
import type { ImportWarning } from '../../src/core';
import type { Translate } from '../i18n';

export function warningText(w: ImportWarning, t: Translate): string {
  switch (w.code) {
    case 'no-text-layer':
      return t('warning.noTextLayer');
    case 'pages-without-text':
      return t('warning.pagesWithoutText', { pages: (w.pages ?? []).join(', ') });
    case 'encoding-fallback':
      return t('warning.encodingFallback');
    case 'type-mismatch':
      return t('warning.typeMismatch');
    case 'ocr-low-confidence':
      return t('warning.ocrLowConfidence', { pages: (w.pages ?? []).join(', ') });
    case 'ocr-no-text':
      return t('warning.ocrNoText', { pages: (w.pages ?? []).join(', ') });
    default:
      return w.message;
  }
}
