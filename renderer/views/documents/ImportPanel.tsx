/** Progress of an import batch and its result list: imported, duplicates (import anyway), failed. */
import type { ImportOutcome } from '../../documents/importer';
import { warningText } from '../../documents/warnings';
import { useI18n } from '../../i18n';
import { OcrStatusOf } from '../../ocr/OcrStatus';
import { formatNumber } from '../../../src/core/number-format';

export interface ImportBatch {
  total: number;
  done: number;
  outcomes: ImportOutcome[];
}

export function ImportPanel({ batch, onImportAnyway, onRetryWithPassword, onTwin, onClose, onCancel }: {
  batch: ImportBatch;
  /** Link an imported file to the agreement it resembles, or keep it separate. */
  onTwin: (outcome: Extract<ImportOutcome, { status: 'imported' }>, link: boolean) => void;
  onImportAnyway: (outcome: Extract<ImportOutcome, { status: 'duplicate' }>) => void;
  onRetryWithPassword: (outcome: Extract<ImportOutcome, { status: 'failed' }>) => void;
  onClose: () => void;
  /** Stop the batch: files not yet read end as cancelled; those already stored stay. */
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const running = batch.done < batch.total;
  const count = (status: ImportOutcome['status']) => batch.outcomes.filter((o) => o.status === status).length;
  return (
    <section className="card import-panel" data-testid="import-panel" aria-live="polite">
      <div className="import-head">
        <h2>{running ? t('import.running', { done: batch.done, total: batch.total }) : t('import.finished', { imported: count('imported'), duplicate: count('duplicate'), failed: count('failed') })}</h2>
        {running ? (
          <button type="button" onClick={onCancel} data-testid="cancel-import">
            {t('import.cancel')}
          </button>
        ) : (
          <button type="button" onClick={onClose} data-testid="close-import">
            {t('common.close')}
          </button>
        )}
      </div>
      <progress max={batch.total} value={batch.done} data-testid="import-progress" />
      <ul className="import-results">
        {batch.outcomes.map((o, i) => (
          <li key={i} className={`import-${o.status}`} data-testid={`import-${o.status}`}>
            <span className="import-file">{o.fileName}</span>
            {o.status === 'imported' && (
              <span>
                {t('import.imported')}
                {o.carried && (
                  <span className="small" data-testid="import-carried">
                    {' '}
                    {t('import.carried', { anchored: o.carried.anchored, orphaned: o.carried.orphaned })}
                  </span>
                )}
                {o.twin && !o.twinDecision && (
                  <span className="twin-question" data-testid="import-twin">
                    {' '}
                    {t('import.twin', { name: o.twin.fileName, similarity: formatNumber(o.twin.similarity * 100, lang, 1) })}{' '}
                    <button type="button" className="primary" onClick={() => onTwin(o, true)} data-testid="import-twin-link">
                      {t('import.twinLink')}
                    </button>{' '}
                    <button type="button" onClick={() => onTwin(o, false)} data-testid="import-twin-separate">
                      {t('import.twinSeparate')}
                    </button>
                    <span className="small muted block">{t('import.twinRule')}</span>
                  </span>
                )}
                {o.twin && o.twinDecision && (
                  <span className="small" data-testid="import-twin-decided">
                    {' '}
                    {o.twinDecision === 'linked' ? t('import.twinLinked', { name: o.twin.fileName }) : t('import.twinKept')}
                  </span>
                )}
                {o.document.warnings.map((w, j) => (
                  <span key={j} className="warning-text">
                    {warningText(w, t)}
                  </span>
                ))}
                {o.document.ocr && <OcrStatusOf documentId={o.document.id} />}
              </span>
            )}
            {o.status === 'duplicate' && (
              <span>
                {t('import.duplicate', { name: o.existing.fileName })}{' '}
                <button type="button" onClick={() => onImportAnyway(o)} data-testid="import-anyway">
                  {t('import.anyway')}
                </button>
              </span>
            )}
            {o.status === 'failed' && (
              <span className="error-text">
                {o.message[lang]}{' '}
                {(o.code === 'password-required' || o.code === 'password-wrong') && (
                  <button type="button" onClick={() => onRetryWithPassword(o)} data-testid="import-password">
                    {t('import.password')}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
