/** The report of a REFI-QDA import: what came in, how each source's positions were counted, and every problem. */
import type { QdpxImportReport } from '../../../src/formats/qdpx-package';
import { conventionName } from '../../../src/formats/refi-qda-positions';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n';

export function QdpxReport({ file, report, onClose }: { file: string; report: QdpxImportReport | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const c = report?.counts;
  return (
    <Dialog
      open={report !== null}
      title={t('qdpx.reportTitle', { file })}
      onClose={onClose}
      testId="qdpx-report"
      actions={
        <button type="button" onClick={onClose} data-testid="qdpx-report-close">
          {t('common.close')}
        </button>
      }
    >
      {report && c && (
        <>
          <p data-testid="qdpx-report-counts">
            {t('qdpx.reportCounts', { name: report.name, origin: report.origin ?? '—', sources: c.sources, users: c.users, codes: c.codes, selections: c.selections, codings: c.codings })}
          </p>
          {report.conventions.length > 0 && (
            <>
              <h3 className="small">{t('qdpx.reportPositions')}</h3>
              <table className="data-table small" data-testid="qdpx-report-positions">
                <thead>
                  <tr>
                    <th>{t('qdpx.reportSource')}</th>
                    <th>{t('qdpx.reportCounting')}</th>
                    <th>{t('qdpx.reportFit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.conventions.map((x, i) => (
                    <tr key={i}>
                      <td>{x.source}</td>
                      <td>{conventionName(x.convention)[lang]}</td>
                      <td>{x.selections === 0 ? '—' : `${Math.round(x.fit * 100)} %`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h3 className="small">{t('qdpx.reportProblems', { n: report.problems.length })}</h3>
          {report.problems.length === 0 ? (
            <p className="muted small">{t('qdpx.reportNoProblems')}</p>
          ) : (
            <ul className="problem-list" data-testid="qdpx-report-problems">
              {report.problems.map((p, i) => (
                <li key={i}>{p[lang]}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Dialog>
  );
}
