/** The active coder's memo on the open document (saved when the field loses focus; MemoField). */
import type { DocumentMemo as Memo } from '../../../src/core';
import { useI18n } from '../../i18n';
import { MemoField } from './MemoField';

export function DocumentMemo({ documentId, memo, onSave }: { documentId: string; memo: Memo | null; onSave: (text: string) => void }) {
  const { t } = useI18n();
  return (
    <details className="document-memo" open={Boolean(memo?.text)}>
      <summary data-testid="document-memo-toggle">{t('coding.documentMemo')}</summary>
      <MemoField
        key={documentId}
        stored={memo?.text ?? ''}
        className="memo"
        aria-label={t('coding.documentMemo')}
        data-testid="document-memo"
        onSave={onSave}
      />
    </details>
  );
}
