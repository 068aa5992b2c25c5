/** The active coder's memo on the open document (saved when the field loses focus). */
import type { DocumentMemo as Memo } from '../../../src/core';
import { useI18n } from '../../i18n';

export function DocumentMemo({ documentId, memo, onSave }: { documentId: string; memo: Memo | null; onSave: (text: string) => void }) {
  const { t } = useI18n();
  return (
    <details className="document-memo" open={Boolean(memo?.text)}>
      <summary data-testid="document-memo-toggle">{t('coding.documentMemo')}</summary>
      <textarea
        key={`${documentId}:${memo?.text ?? ''}`}
        className="memo"
        defaultValue={memo?.text ?? ''}
        aria-label={t('coding.documentMemo')}
        data-testid="document-memo"
        onBlur={(e) => {
          if (e.target.value !== (memo?.text ?? '')) onSave(e.target.value);
        }}
      />
    </details>
  );
}
