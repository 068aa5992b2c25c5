/** Preview of an attribute CSV import: what matches, unknown file names, problems; then apply. */
import { Dialog } from '../../components/Dialog';
import type { AttributeMatching, AttributeProblem } from '../../../src/formats/attributes-csv';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../../src/core/number-format';

/** Rows shown of each list: a hostile CSV may name a million unknown files. */
export const SHOWN_UNKNOWN = 10;
export const SHOWN_PROBLEMS = 50;

export interface AttributeImportPreview {
  fileName: string;
  matching: AttributeMatching;
  problems: AttributeProblem[];
  /** Linked twins in the project: they take their agreement's attributes. */
  twins?: number;
}

export function AttributeImportDialog({ preview, onApply, onClose }: { preview: AttributeImportPreview | null; onApply: () => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const more = (total: number, shown: number, testId: string) =>
    total > shown && (
      <li className="muted" data-testid={testId}>
        {t('documents.listMore', { count: formatNumber(total - shown, lang, 0) })}
      </li>
    );
  const matched = preview?.matching.matches.length ?? 0;
  return (
    <Dialog
      open={preview !== null}
      title={preview ? t('documents.attributesResult', { file: preview.fileName }) : ''}
      onClose={onClose}
      testId="attributes-dialog"
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('projects.cancel')}
          </button>
          <button type="button" className="primary" disabled={matched === 0} onClick={onApply} data-testid="apply-attributes">
            {t('documents.attributesApply')}
          </button>
        </>
      }
    >
      {preview && (
        <>
          <p data-testid="attributes-matched">
            {matched === 0 ? t('documents.attributesNothing') : preview.twins ? t('documents.attributesMatchedUnits', { units: matched, count: matched + preview.twins }) : t('documents.attributesMatched', { count: matched })}
          </p>
          {preview.matching.unknown.length > 0 && (
            <>
              <p>{t('documents.attributesUnknown', { count: formatNumber(preview.matching.unknown.length, lang, 0) })}</p>
              <ul className="problem-list" data-testid="attributes-unknown">
                {preview.matching.unknown.slice(0, SHOWN_UNKNOWN).map((row) => (
                  <li key={row.line}>
                    {row.file} <span className="muted small">(rad/line {row.line})</span>
                  </li>
                ))}
                {more(preview.matching.unknown.length, SHOWN_UNKNOWN, 'attributes-unknown-more')}
              </ul>
            </>
          )}
          {preview.problems.length > 0 && (
            <>
              <p>{t('documents.attributesProblems', { count: formatNumber(preview.problems.length, lang, 0) })}</p>
              <ul className="problem-list" data-testid="attributes-problems">
                {preview.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                  <li key={i}>
                    {p.line !== undefined && <span className="muted small">rad/line {p.line}: </span>}
                    {p.message}
                  </li>
                ))}
                {more(preview.problems.length, SHOWN_PROBLEMS, 'attributes-problems-more')}
              </ul>
            </>
          )}
          {preview.matching.unmatchedDocuments.length > 0 && (
            <p className="muted">{t('documents.attributesUnmatched', { count: preview.matching.unmatchedDocuments.length })}</p>
          )}
        </>
      )}
    </Dialog>
  );
}
