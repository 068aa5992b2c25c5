/**
 * The state of the final dataset: agreements complete, unresolved disagreements, consensus
 * re-opened by a changed judgement, and variables nobody judged — each a link to where it is
 * fixed (the disagreement review, or the agreement in the coding view).
 */
import { localize } from '../../../src/core';
import { formatNumber } from '../../../src/core/number-format';
import { useI18n } from '../../i18n';
import { navigate } from '../../state/route';
import type { Study } from '../../study/useStudy';

const SHOWN = 12;

export function FinalStatusPanel({ study }: { study: Study }) {
  const { t, lang } = useI18n();
  const { final } = study;
  const n = (x: number) => formatNumber(x, lang);
  const names = new Map(study.documents.map((d) => [d.id, d.fileName]));
  const label = (id: string) => localize(final.variables.find((v) => v.id === id)?.label, lang) || id;
  const cells = (p: 'unresolved' | 'unjudged') => final.cells.filter((c) => c.provenance === p);
  const unjudged = new Map<string, string[]>();
  for (const c of cells('unjudged')) unjudged.set(c.unit, [...(unjudged.get(c.unit) ?? []), c.variableId]);
  const reopened = final.cells.filter((c) => c.reopened);
  const coderName = (id: string) => study.coders.find((c) => c.id === id)?.name ?? id;
  return (
    <section className="card status-panel" data-testid="final-status" aria-labelledby="final-status-title">
      <h2 id="final-status-title">{t('final.title')}</h2>
      <p data-testid="final-summary">
        {t('final.summary', { complete: n(final.summary.complete), units: n(final.summary.units), version: study.version.number })}
      </p>
      <ul className="status-counts">
        {(['consensus', 'agreed', 'single', 'unresolved', 'unjudged'] as const).map((p) => (
          <li key={p} data-testid={`final-count-${p}`}>
            <span className={`provenance provenance-${p}`}>{t(`provenance.${p}`)}</span> {n(final.summary.cells[p])}
          </li>
        ))}
      </ul>
      {cells('unresolved').length > 0 && (
        <details open data-testid="final-unresolved">
          <summary>{t('final.unresolved', { count: n(cells('unresolved').length) })}</summary>
          <ul className="problem-list">
            {cells('unresolved').slice(0, SHOWN).map((c) => (
              <li key={`${c.unit}:${c.variableId}`}>
                <button type="button" className="link" onClick={() => navigate('reliability', { doc: c.unit, variable: c.variableId })} data-testid="fix-unresolved">
                  {names.get(c.unit)} · {label(c.variableId)}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {reopened.length > 0 && (
        <details open data-testid="final-reopened">
          <summary>{t('final.reopened', { count: n(reopened.length) })}</summary>
          <ul className="problem-list">
            {reopened.slice(0, SHOWN).map((c) => (
              <li key={`${c.unit}:${c.variableId}`}>
                <button type="button" className="link" onClick={() => navigate('reliability', { doc: c.unit, variable: c.variableId })}>
                  {names.get(c.unit)} · {label(c.variableId)}
                </button>{' '}
                <span className="small muted">{t('final.reopenedBy', { coders: c.reopened!.changes.map((x) => coderName(x.coderId)).join(', ') })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {unjudged.size > 0 && (
        <details data-testid="final-unjudged">
          <summary>{t('final.unjudged', { count: n(cells('unjudged').length), units: n(unjudged.size) })}</summary>
          <ul className="problem-list">
            {[...unjudged].slice(0, SHOWN).map(([unit, variables]) => (
              <li key={unit}>
                <button type="button" className="link" onClick={() => navigate('coding', { doc: unit, variable: variables[0] })} data-testid="fix-unjudged">
                  {names.get(unit)}
                </button>{' '}
                <span className="small muted">{variables.length > 3 ? t('final.variablesCount', { count: n(variables.length) }) : variables.map(label).join(', ')}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {final.twinConflicts.length > 0 && (
        <p className="small notice" data-testid="final-twin-conflicts">
          {t('final.twinConflicts', { count: n(final.twinConflicts.length) })}
        </p>
      )}
    </section>
  );
}
