/**
 * Reliability: inter-rater agreement on the document-level judgements of two or more coders,
 * per variable and pooled (src/core/agreement), with the conventional bands for α (≥ .800
 * reliable, .667–.800 tentative; Krippendorff 2004), and the disagreements to review and resolve
 * into consensus judgements.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { fileNamePart, localize, type Judgement, type Language, type Variable } from '../../../src/core';
import { formatCoefficient } from '../../../src/core/number-format';
import { useStudy } from '../../study/useStudy';
import { noteText, type AgreementNote, type AgreementRow, type Weights } from '../../../src/core/agreement';
import { useI18n } from '../../i18n';
import { useSession } from '../../state/session';
import { usePlatform } from '../../state/platform-context';
import { useNotices } from '../../state/errors';
import { agreementCsv, agreementXlsx } from '../../../src/formats/agreement-export';
import { useStore } from '../../state/store-context';
import { useCodebookVersion } from '../coding/useCodingData';
import { OtherVersions } from '../../study/OtherVersions';
import { DisagreementList } from './DisagreementList';
import { SampleCard } from './SampleCard';
import { analyseReliability, reliabilityVariables, reviewVariables } from './analysis';
import { PassageAgreement } from './PassageAgreement';
import { rowNotes } from './row-notes';
import { VariableChecklist } from './VariableChecklist';
import { ModelAgreement } from '../../assist/ModelAgreement';

export function alphaBand(alpha: number | null): 'reliable' | 'tentative' | 'unreliable' | 'undefined' {
  if (alpha === null) return 'undefined';
  return alpha >= 0.8 ? 'reliable' : alpha >= 0.667 ? 'tentative' : 'unreliable';
}

/** A coefficient in the UI language's number format (decimal comma in Swedish). */
const fmt = (x: number | null, lang: Language) => formatCoefficient(x, lang);

/** A coefficient with its 95% CI on a second line (the CI only where it was computed). */
function Coefficient({ value, ci, testId }: { value: number | null; ci: [number, number] | null; testId?: string }) {
  const { lang } = useI18n();
  return (
    <>
      <span data-testid={testId}>{fmt(value, lang)}</span>
      {ci && value !== null && (
        <span className="muted small ci">
          {' '}
          [{fmt(ci[0], lang)}, {fmt(ci[1], lang)}]
        </span>
      )}
    </>
  );
}

export function ReliabilityView() {
  const { t, lang } = useI18n();
  const store = useStore();
  const { project, coders } = useSession();
  const platform = usePlatform();
  const { reportError } = useNotices();
  const latest = useCodebookVersion(store, project);
  const study = useStudy();
  const codebookId = project?.settings.codebookId;
  // Reliability is computed within one codebook version: published versions (and the current one) can be chosen.
  const versions = useLiveQuery(async () => (codebookId ? (await store.codebooks.versions(codebookId)).filter((v) => v.status === 'published') : []), [store, codebookId]);
  const [versionId, setVersionId] = useState<string | null>(null);
  const version = versions?.find((v) => v.id === versionId) ?? latest;
  const judgements = useLiveQuery(async () => (project ? store.codings.judgementsOfProject(project.id) : []), [store, project]);
  const documents = useLiveQuery(async () => (project ? store.documents.list(project.id) : []), [store, project]);
  const humans = coders.filter((c) => c.kind === 'human');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selectedCoders = chosen ?? humans.map((c) => c.id);
  const [scope, setScope] = useState<'shared' | 'all' | 'sample'>('shared');
  const onlyShared = scope !== 'all';
  const [openVariable, setOpenVariable] = useState<string | null>(null);
  const [onlyVariables, setOnlyVariables] = useState<string[]>([]);
  // Bootstrap CI for α on request: 1,000 unit resamples with a fixed seed, so it is reproducible (and matches `overens agreement --bootstrap 1000 --seed 1`).
  const [bootstrap, setBootstrap] = useState(false);
  const [tab, setTab] = useState<'judgements' | 'passages'>('judgements');
  // Weighted κ for ordinal variables on request (linear or quadratic disagreement weights; Cohen 1968).
  const [orderedWeights, setOrderedWeights] = useState<Weights>('none');

  const allVariables: Variable[] = useMemo(() => (version ? reliabilityVariables(version) : []), [version]);
  // Thematic variables (themes marked in passages) are not in the table: say which.
  const notSingle = useMemo(() => (version?.content.variables ?? []).filter((v) => v.kind === 'thematic' && !v.derived).map((v) => localize(v.label, lang)), [version, lang]);
  const variables: Variable[] = useMemo(() => (onlyVariables.length ? allVariables.filter((v) => onlyVariables.includes(v.id)) : allVariables), [allVariables, onlyVariables]);

  const analysis = useMemo(
    () => (judgements && version && documents ? analyseReliability({ judgements, documents, version, variables, coders: selectedCoders, scope, bootstrap, orderedWeights }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- selectedCoders is derived state; its content is in the key
    [judgements, version, selectedCoders.join(','), scope, documents, variables, bootstrap, orderedWeights],
  );

  if (!project || !version || !judgements || !documents) return <p className="muted">{t('common.loading')}</p>;
  // A coder with open reliability assignments sees no other coder's judgements (their coding stays independent).
  if (study?.blind.reason === 'reliability') {
    return (
      <section className="view wide" aria-labelledby="reliability-title">
        <h1 id="reliability-title">{t('reliability.title')}</h1>
        <p className="notice" data-testid="reliability-blind">
          {t('blinding.hiddenReliability', { count: study.openReliability.get(study.activeCoder?.id ?? '') ?? 0 })}
        </p>
      </section>
    );
  }
  const byId = new Map(variables.map((v) => [v.id, v]));
  const rows = analysis ? [...analysis.report.variables].sort((a, b) => variables.findIndex((v) => v.id === a.variable) - variables.findIndex((v) => v.id === b.variable)) : [];

  // κ and π are two-coder coefficients; with more coders Fleiss' κ (π's generalisation) takes their place.
  const two = selectedCoders.length === 2;
  const columns = two ? 8 : 7;
  const row = (r: AgreementRow, label: string, pooled = false) => (
    <tr key={r.variable} className={pooled ? 'pooled' : undefined} data-testid={pooled ? 'reliability-pooled' : 'reliability-row'} onClick={() => !pooled && setOpenVariable(openVariable === r.variable ? null : r.variable)}>
      <td>{label}</td>
      <td className="num">{r.units}</td>
      <td className="num">
        <Coefficient value={r.percent_agreement} ci={r.ci95.percent_agreement} />
      </td>
      {two ? (
        <>
          <td className="num" data-testid="kappa-cell">
            <Coefficient value={r.cohen_kappa} ci={r.ci95.cohen_kappa} />
            {r.weights !== 'none' && (
              <span className="muted small level" data-testid="kappa-weights">
                {t(`reliability.weights.${r.weights}`)}
              </span>
            )}
          </td>
          <td className="num" data-testid="pi-cell">
            <Coefficient value={r.scott_pi} ci={r.ci95.scott_pi} />
          </td>
        </>
      ) : (
        <td className="num" data-testid="fleiss-cell">
          <Coefficient value={r.fleiss_kappa} ci={r.ci95.fleiss_kappa} />
        </td>
      )}
      <td className="num" data-testid="ac1-cell">
        <Coefficient value={r.gwet_ac1} ci={r.ci95.gwet_ac1} />
      </td>
      <td className={`num band-${alphaBand(r.krippendorff_alpha)}`} data-testid="alpha-cell">
        <Coefficient value={r.krippendorff_alpha} ci={r.ci95.krippendorff_alpha} testId="alpha-value" />
        {r.level !== 'nominal' && (
          <span className="muted small level" data-testid="alpha-level">
            {t(`level.${r.level}`)}
          </span>
        )}
      </td>
      <td className="small muted notes-cell" data-testid="reliability-notes">
        <RowNotes notes={rowNotes(r.notes, selectedCoders.length)} />
      </td>
    </tr>
  );
  // The table as CSV/XLSX (the columns of `overens agreement --csv`), labels in the UI language.
  const exportTable = async (kind: 'csv' | 'xlsx') => {
    if (!analysis) return;
    const labels = { variable: (id: string) => localize(byId.get(id)?.label, lang) || id, pooled: t('reliability.pooled'), lang };
    const names = selectedCoders.map((id) => coders.find((c) => c.id === id)?.name ?? id);
    // The codebook version in the name: one version per analysis.
    const stem = `${fileNamePart(project.name)}-${lang === 'sv' ? 'reliabilitet' : 'reliability'}-v${version.number}`;
    try {
      if (kind === 'csv') {
        await platform.saveFile(`${stem}.csv`, new TextEncoder().encode(agreementCsv(analysis.report, labels)), [{ name: 'CSV', extensions: ['csv'] }]);
      } else {
        const lines = [
          t('reliability.exportCoders', { coders: names.join(', ') }),
          t('reliability.summary', { documents: analysis.documents, version: version.number }),
          t('reliability.ciMethod'),
          t('reliability.bands'),
        ];
        const bytes = await agreementXlsx(analysis.report, labels, { title: t('results.methodsTitle'), lines });
        await platform.saveFile(`${stem}.xlsx`, bytes, [{ name: 'Excel', extensions: ['xlsx'] }]);
      }
    } catch (error) {
      reportError(error);
    }
  };
  const tabs = [
    { id: 'judgements', label: t('reliability.tabJudgements') },
    { id: 'passages', label: t('reliability.tabPassages') },
  ] as const;
  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = tab === 'judgements' ? 'passages' : 'judgements';
    setTab(next);
    document.getElementById(`reliability-tab-${next}`)?.focus();
  };

  return (
    <section className="view wide" aria-labelledby="reliability-title">
      <h1 id="reliability-title">{t('reliability.title')}</h1>
      <div className="toolbar">
        <span className="small">{t('reliability.coders')}</span>
        {humans.map((c) => (
          <label key={c.id} className="small">
            <input
              type="checkbox"
              checked={selectedCoders.includes(c.id)}
              data-testid="reliability-coder"
              onChange={(e) => setChosen(e.target.checked ? [...selectedCoders, c.id] : selectedCoders.filter((x) => x !== c.id))}
            />{' '}
            {c.name}
          </label>
        ))}
        <label className="small">
          {t('reliability.version')}{' '}
          <select value={version?.id ?? ''} onChange={(e) => setVersionId(e.target.value)} data-testid="reliability-version">
            {[...(versions ?? []), ...(latest && !versions?.some((v) => v.id === latest.id) ? [latest] : [])].map((v) => (
              <option key={v.id} value={v.id}>
                {t('reliability.versionOption', { number: v.number })}
              </option>
            ))}
          </select>
        </label>
        <label className="small">
          {t('reliability.documents')}{' '}
          <select value={scope} onChange={(e) => setScope(e.target.value as 'shared' | 'all' | 'sample')} data-testid="reliability-scope">
            <option value="shared">{t('reliability.onlyShared')}</option>
            <option value="sample">{t('reliability.sample')}</option>
            <option value="all">{t('reliability.allDocuments')}</option>
          </select>
        </label>
        <label className="small">
          <input type="checkbox" checked={bootstrap} onChange={(e) => setBootstrap(e.target.checked)} data-testid="reliability-bootstrap" /> {t('reliability.bootstrap')}
        </label>
        {allVariables.some((v) => v.level !== 'nominal') && (
          <label className="small">
            {t('reliability.orderedWeights')}{' '}
            <select value={orderedWeights} onChange={(e) => setOrderedWeights(e.target.value as Weights)} data-testid="reliability-weights">
              <option value="none">{t('reliability.weights.none')}</option>
              <option value="linear">{t('reliability.weights.linear')}</option>
              <option value="quadratic">{t('reliability.weights.quadratic')}</option>
            </select>
          </label>
        )}
        <VariableChecklist groups={version.content.groups} variables={allVariables} chosen={onlyVariables} onChange={setOnlyVariables} />
      </div>
      <p className="muted small" data-testid="reliability-summary">
        {t('reliability.summary', { documents: analysis?.documents ?? 0, version: version.number })}
        {analysis && analysis.excluded > 0 && ` ${t('reliability.excluded', { count: analysis.excluded })}`}
        {notSingle.length > 0 && ` ${t('reliability.notSingle', { count: notSingle.length, names: notSingle.join(', ') })}`}
      </p>
      <OtherVersions judgements={judgements} version={version} coders={selectedCoders} />
      <div role="tablist" aria-label={t('reliability.title')} className="tabs" onKeyDown={onTabKey}>
        {tabs.map((x) => (
          <button
            key={x.id}
            id={`reliability-tab-${x.id}`}
            role="tab"
            type="button"
            aria-selected={tab === x.id}
            aria-controls={`reliability-panel-${x.id}`}
            tabIndex={tab === x.id ? 0 : -1}
            className={tab === x.id ? 'tab active' : 'tab'}
            data-testid={`reliability-tab-${x.id}`}
            onClick={() => setTab(x.id)}
          >
            {x.label}
          </button>
        ))}
      </div>
      {tab === 'judgements' && (
        <div role="tabpanel" id="reliability-panel-judgements" aria-labelledby="reliability-tab-judgements">
      {selectedCoders.length < 2 ? (
        <p className="notice">{t('reliability.needTwo')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="reliability-table">
            <thead>
              <tr>
                <th>{t('reliability.variable')}</th>
                <th className="num">{t('reliability.units')}</th>
                <th className="num">{t('reliability.percent')}</th>
                {two ? (
                  <>
                    <th className="num">Cohen κ</th>
                    <th className="num">Scott π</th>
                  </>
                ) : (
                  <th className="num">Fleiss κ</th>
                )}
                <th className="num">Gwet AC1</th>
                <th className="num">Krippendorff α</th>
                <th>{t('reliability.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <FragmentRow key={r.variable} columns={columns} open={openVariable === r.variable} row={row(r, localize(byId.get(r.variable)?.label, lang))} detail={<CategoryDetail row={r} variable={byId.get(r.variable)} />} />
              ))}
              {analysis && row(analysis.report.pooled, t('reliability.pooled'), true)}
            </tbody>
          </table>
        </div>
      )}
      <p className="small muted">{t('reliability.bands')}</p>
      <p className="small muted">{t('reliability.ciMethod')}</p>
      {analysis && selectedCoders.length >= 2 && (
        <div className="toolbar">
          <span className="small">{t('reliability.export')}</span>
          <button type="button" onClick={() => void exportTable('csv')} data-testid="reliability-export-csv">
            CSV
          </button>
          <button type="button" onClick={() => void exportTable('xlsx')} data-testid="reliability-export-xlsx">
            XLSX
          </button>
        </div>
      )}
      {analysis && selectedCoders.length >= 2 && (
        <DisagreementList judgements={analysis.current as Judgement[]} coders={selectedCoders} variables={reviewVariables(version, variables)} documents={documents} project={project} version={version} />
      )}
        </div>
      )}
      {tab === 'passages' && (
        <div role="tabpanel" id="reliability-panel-passages" aria-labelledby="reliability-tab-passages">
          {selectedCoders.length < 2 ? (
            <p className="notice">{t('reliability.needTwo')}</p>
          ) : (
            <PassageAgreement project={project} coders={selectedCoders} variables={version.content.variables} documents={documents} onlyShared={onlyShared} />
          )}
        </div>
      )}
      {study && <ModelAgreement study={study} />}
      <SampleCard documents={documents.filter((d) => !d.twin)} coders={humans} />
    </section>
  );
}

/** One short line (the most telling note); the others on demand. */
function RowNotes({ notes }: { notes: readonly AgreementNote[] }) {
  const { t, lang } = useI18n();
  const [first, ...rest] = notes;
  if (!first) return null;
  if (rest.length === 0) return <span className="note-line" title={noteText(first, lang)}>{noteText(first, lang)}</span>;
  return (
    <details className="row-notes" onClick={(e) => e.stopPropagation()}>
      <summary title={noteText(first, lang)}>
        <span className="note-line">{noteText(first, lang)}</span> <span className="note-more">{t('reliability.moreNotes', { count: rest.length })}</span>
      </summary>
      <ul>
        {rest.map((n, i) => (
          <li key={i}>{noteText(n, lang)}</li>
        ))}
      </ul>
    </details>
  );
}

function FragmentRow({ open, row, detail, columns }: { open: boolean; row: React.ReactNode; detail: React.ReactNode; columns: number }) {
  return (
    <>
      {row}
      {open && (
        <tr className="detail-row">
          <td colSpan={columns}>{detail}</td>
        </tr>
      )}
    </>
  );
}

function CategoryDetail({ row, variable }: { row: AgreementRow; variable: Variable | undefined }) {
  const { t, lang } = useI18n();
  const label = (id: string) => localize(variable?.values.find((v) => v.id === id)?.label, lang) || id;
  return (
    <div className="category-detail" data-testid="category-detail">
      <table className="values-table">
        <thead>
          <tr>
            <th>{t('codebook.values')}</th>
            <th className="num">{t('reliability.values')}</th>
            <th className="num">{t('reliability.specific')}</th>
            <th className="num">κ</th>
          </tr>
        </thead>
        <tbody>
          {row.categories.map((c) => (
            <tr key={c.category}>
              <td>{label(c.category)}</td>
              <td className="num">{c.values}</td>
              <td className="num">{fmt(c.specificAgreement, lang)}</td>
              <td className="num">{fmt(c.kappa, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {row.confusion && (
        <table className="values-table confusion" data-testid="confusion">
          <thead>
            <tr>
              <th />
              {row.categories.map((c) => (
                <th key={c.category}>{label(c.category)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row.confusion.map((cells, i) => (
              <tr key={i}>
                <th>{label(row.categories[i]!.category)}</th>
                {cells.map((n, j) => (
                  <td key={j} className="num">
                    {n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
