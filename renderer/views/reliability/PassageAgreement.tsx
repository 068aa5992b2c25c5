/**
 * Agreement on the highlighted passages of the chosen coders (src/core/agreement/unitizing):
 * Krippendorff's α_U and uα per code (value), and where (|uα) / what given where (cuα) overall.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { localize, type DocumentMeta, type Project, type Variable } from '../../../src/core';
import { noteText, unitizingAgreement, type UnitSegment } from '../../../src/core/agreement';
import { useI18n } from '../../i18n';
import { useStore } from '../../state/store-context';

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));

export function PassageAgreement({ project, coders, variables, documents, onlyShared }: { project: Project; coders: string[]; variables: Variable[]; documents: DocumentMeta[]; onlyShared: boolean }) {
  const { t, lang } = useI18n();
  const store = useStore();
  const segments = useLiveQuery(async () => (await store.db.segments.where('projectId').equals(project.id).toArray()).filter((s) => coders.includes(s.coderId) && !s.orphaned), [store, project.id, coders.join(',')]);
  if (!segments) return null;
  const docsWith = (coder: string) => new Set(segments.filter((s) => s.coderId === coder).map((s) => s.documentId));
  const shared = onlyShared ? [...docsWith(coders[0]!)].filter((d) => coders.every((c) => docsWith(c).has(d))) : [...new Set(segments.map((s) => s.documentId))];
  const lengths = new Map(documents.filter((d) => shared.includes(d.id)).map((d) => [d.id, d.textLength]));
  const units: UnitSegment[] = segments.filter((s) => lengths.has(s.documentId)).map((s) => ({ document: s.documentId, coder: s.coderId, code: s.valueId, start: s.selector.position.start, end: s.selector.position.end }));
  const label = (valueId: string) => {
    for (const v of variables) {
      const value = v.values.find((x) => x.id === valueId);
      if (value) return `${localize(v.label, lang)}: ${localize(value.label, lang)}`;
    }
    return valueId;
  };
  if (units.length === 0) {
    return (
      <section className="card" data-testid="passage-agreement">
        <h2>{t('passages.title')}</h2>
        <p className="muted">{t('passages.none')}</p>
      </section>
    );
  }
  const report = unitizingAgreement(units, lengths);
  // Notes in the UI language, with a code's label in place of its value id.
  const notes = report.notes.map((n) => noteText(n.code === 'alpha-u-undefined' ? { ...n, category: label(n.category) } : n, lang));
  return (
    <section className="card" data-testid="passage-agreement">
      <h2>{t('passages.title')}</h2>
      <p className="small" data-testid="passage-summary">
        {t('passages.summary', {
          binary: fmt(report.binary_u_alpha),
          cu: fmt(report.cu_alpha),
          alphaU: fmt(report.alpha_u),
          match: report.match.rate === null ? '—' : `${(report.match.rate * 100).toFixed(0)} %`,
        })}
      </p>
      <table className="values-table">
        <thead>
          <tr>
            <th>{t('passages.code')}</th>
            <th className="num">α_U</th>
            <th className="num">uα</th>
          </tr>
        </thead>
        <tbody>
          {report.codes.map((c) => (
            <tr key={c.code}>
              <td>{label(c.code)}</td>
              <td className="num">{fmt(c.alpha_u)}</td>
              <td className="num">{fmt(c.u_alpha)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes.length > 0 && (
        <p className="small muted" data-testid="passage-notes">
          {notes.join('; ')}
        </p>
      )}
    </section>
  );
}
