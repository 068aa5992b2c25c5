/**
 * Reliability: inter-rater agreement on the document-level judgements of two or more coders,
 * per variable and pooled (src/core/agreement), with the conventional bands for α (≥ .800
 * reliable, .667–.800 tentative; Krippendorff 2004), and the disagreements to review and resolve
 * into consensus judgements.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localize, type Judgement, type Variable } from '../../../src/core';
import { agreementReport, type AgreementRow, type LongCoding } from '../../../src/core/agreement';
import { useI18n } from '../../i18n';
import { useSession } from '../../state/session';
import { useStore } from '../../state/store-context';
import { useCodebookVersion } from '../coding/useCodingData';
import { DisagreementList } from './DisagreementList';
import { SAMPLE_ATTRIBUTE, SampleCard } from './SampleCard';
import { PassageAgreement } from './PassageAgreement';

export function alphaBand(alpha: number | null): 'reliable' | 'tentative' | 'unreliable' | 'undefined' {
  if (alpha === null) return 'undefined';
  return alpha >= 0.8 ? 'reliable' : alpha >= 0.667 ? 'tentative' : 'unreliable';
}

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));

export function ReliabilityView() {
  const { t, lang } = useI18n();
  const store = useStore();
  const { project, coders } = useSession();
  const latest = useCodebookVersion(store, project);
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

  const allVariables: Variable[] = useMemo(() => version?.content.variables.filter((v) => v.kind === 'single' && !v.derived) ?? [], [version]);
  const variables: Variable[] = useMemo(() => (onlyVariables.length ? allVariables.filter((v) => onlyVariables.includes(v.id)) : allVariables), [allVariables, onlyVariables]);

  const analysis = useMemo(() => {
    if (!judgements || !version) return null;
    const wanted = new Set(variables.map((v) => v.id));
    const relevant = judgements.filter((j) => selectedCoders.includes(j.coderId) && j.valueIds.length > 0 && wanted.has(j.variableId));
    const excluded = relevant.filter((j) => j.codebookVersionId !== version.id).length;
    const current = relevant.filter((j) => j.codebookVersionId === version.id);
    let docs = new Set(current.map((j) => j.documentId));
    if (scope === 'sample') {
      const sampled = new Set((documents ?? []).filter((d) => (d.attributes[SAMPLE_ATTRIBUTE] ?? '').trim() !== '').map((d) => d.id));
      docs = new Set([...docs].filter((d) => sampled.has(d)));
    }
    if (onlyShared) {
      docs = new Set([...docs].filter((d) => selectedCoders.every((c) => current.some((j) => j.documentId === d && j.coderId === c))));
    }
    const rows: LongCoding[] = current.filter((j) => docs.has(j.documentId)).map((j) => ({ document: j.documentId, coder: j.coderId, variable: j.variableId, value: j.valueIds[0]! }));
    const report = agreementReport(rows, { categoryOrder: new Map(variables.map((v) => [v.id, v.values.map((x) => x.id)])), coders: selectedCoders, bootstrap: bootstrap ? 1000 : 0, seed: 1 });
    return { report, excluded, documents: docs.size, current: current.filter((j) => docs.has(j.documentId)) };
  }, [judgements, version, selectedCoders, onlyShared, scope, documents, variables, bootstrap]);

  if (!project || !version || !judgements || !documents) return <p className="muted">{t('common.loading')}</p>;
  const byId = new Map(variables.map((v) => [v.id, v]));
  const rows = analysis ? [...analysis.report.variables].sort((a, b) => variables.findIndex((v) => v.id === a.variable) - variables.findIndex((v) => v.id === b.variable)) : [];

  const row = (r: AgreementRow, label: string, pooled = false) => (
    <tr key={r.variable} className={pooled ? 'pooled' : undefined} data-testid={pooled ? 'reliability-pooled' : 'reliability-row'} onClick={() => !pooled && setOpenVariable(openVariable === r.variable ? null : r.variable)}>
      <td>{label}</td>
      <td className="num">{r.units}</td>
      <td className="num">{fmt(r.percent_agreement)}</td>
      <td className="num">
        {fmt(r.cohen_kappa)}
        {r.ci95.cohen_kappa && <span className="muted small"> [{fmt(r.ci95.cohen_kappa[0])}, {fmt(r.ci95.cohen_kappa[1])}]</span>}
      </td>
      <td className="num">{fmt(r.fleiss_kappa)}</td>
      <td className="num">{fmt(r.gwet_ac1)}</td>
      <td className={`num band-${alphaBand(r.krippendorff_alpha)}`} data-testid="alpha-cell">
        {fmt(r.krippendorff_alpha)}
        {r.ci95.krippendorff_alpha && <span className="muted small"> [{fmt(r.ci95.krippendorff_alpha[0])}, {fmt(r.ci95.krippendorff_alpha[1])}]</span>}
      </td>
      <td className="small muted">{r.notes.join('; ')}</td>
    </tr>
  );

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
        <label className="small">
          {t('reliability.variables')}{' '}
          <select
            multiple
            size={3}
            value={onlyVariables}
            onChange={(e) => setOnlyVariables([...e.target.selectedOptions].map((o) => o.value))}
            data-testid="reliability-variables"
          >
            {allVariables.map((v) => (
              <option key={v.id} value={v.id}>
                {localize(v.label, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small" data-testid="reliability-summary">
        {t('reliability.summary', { documents: analysis?.documents ?? 0, version: version.number })}
        {analysis && analysis.excluded > 0 && ` ${t('reliability.excluded', { count: analysis.excluded })}`}
      </p>
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
                <th className="num">κ [95 % CI]</th>
                <th className="num">Fleiss κ</th>
                <th className="num">AC1</th>
                <th className="num">{bootstrap ? 'α [95 % CI]' : 'α'}</th>
                <th>{t('reliability.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <FragmentRow key={r.variable} open={openVariable === r.variable} row={row(r, localize(byId.get(r.variable)?.label, lang))} detail={<CategoryDetail row={r} variable={byId.get(r.variable)} />} />
              ))}
              {analysis && row(analysis.report.pooled, t('reliability.pooled'), true)}
            </tbody>
          </table>
        </div>
      )}
      <p className="small muted">{t('reliability.bands')}</p>
      {selectedCoders.length >= 2 && <PassageAgreement project={project} coders={selectedCoders} variables={variables} documents={documents} onlyShared={onlyShared} />}
      <SampleCard documents={documents} coders={humans} />
      {analysis && selectedCoders.length >= 2 && (
        <DisagreementList judgements={analysis.current as Judgement[]} coders={selectedCoders} variables={variables} documents={documents} project={project} version={version} />
      )}
    </section>
  );
}

function FragmentRow({ open, row, detail }: { open: boolean; row: React.ReactNode; detail: React.ReactNode }) {
  return (
    <>
      {row}
      {open && (
        <tr className="detail-row">
          <td colSpan={8}>{detail}</td>
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
              <td className="num">{fmt(c.specificAgreement)}</td>
              <td className="num">{fmt(c.kappa)}</td>
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
