/**
 * Results: per-category prevalence by any document attribute (level, county, year…), for one
 * coder or the consensus, as tables laid out like Vårdanalys 2017:1 Bilaga 2, a chart per
 * variable, and exports (CSV, XLSX, chart PNG/SVG, an HTML report with methods text).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { fileNamePart, localize } from '../../../src/core';
import { computeDerived } from '../../../src/core/codebook';
import { ALL_GROUP, prevalence, type VariablePrevalence } from '../../../src/core/prevalence';
import { prevalenceCsv, prevalenceXlsx, type PrevalenceLabels } from '../../../src/formats/prevalence-export';
import { isMessageKey, useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { usePlatform } from '../../state/platform-context';
import { useSession } from '../../state/session';
import { useStore } from '../../state/store-context';
import { useCodebookVersion } from '../coding/useCodingData';
import { chartSvg, mountChart, prevalenceOption, rankingOption } from './chart';
import { reportHtml } from './report';
import { analyseReliability, reliabilityVariables } from '../reliability/analysis';
import { longCsv, segmentsCsv, segmentsXlsx, spssSyntax, wideCsv, wideXlsx } from '../../../src/formats/dataset';
import { exportQdpx } from '../../../src/formats/refi-qda';

export function ResultsView() {
  const { t, lang } = useI18n();
  const store = useStore();
  const platform = usePlatform();
  const { reportError } = useNotices();
  const { project, coders } = useSession();
  const version = useCodebookVersion(store, project);
  const documents = useLiveQuery(async () => (project ? store.documents.list(project.id) : []), [store, project]);
  const judgements = useLiveQuery(async () => (project ? store.codings.judgementsOfProject(project.id) : []), [store, project]);
  const attributes = useMemo(() => [...new Set((documents ?? []).flatMap((d) => Object.keys(d.attributes)))].sort(), [documents]);
  const [by, setBy] = useState<string>('level');
  const consensus = coders.find((c) => c.kind === 'consensus');
  const [coderId, setCoderId] = useState<string>('');
  const chosenCoder = coders.find((c) => c.id === coderId) ?? coders.find((c) => c.kind === 'human');
  const [chartVariable, setChartVariable] = useState<string>('');
  const chartRef = useRef<HTMLDivElement>(null);
  const rankingRef = useRef<HTMLDivElement>(null);
  const [rankingValue, setRankingValue] = useState('');
  /** The dataset export being built (a large .qdpx takes a second or two), shown with a progress bar. */
  const [exporting, setExporting] = useState<string | null>(null);

  const variables = useMemo(() => version?.content.variables.filter((v) => v.kind !== 'thematic') ?? [], [version]);
  const tables = useMemo((): VariablePrevalence[] => {
    if (!documents || !judgements || !version || !chosenCoder) return [];
    const own = judgements.filter((j) => j.coderId === chosenCoder.id);
    const byDocument = new Map<string, Map<string, readonly string[]>>();
    for (const j of own) {
      const m = byDocument.get(j.documentId) ?? new Map<string, readonly string[]>();
      m.set(j.variableId, j.valueIds);
      byDocument.set(j.documentId, m);
    }
    const rows = own.filter((j) => !variables.find((v) => v.id === j.variableId)?.derived).map((j) => ({ documentId: j.documentId, variable: j.variableId, values: j.valueIds }));
    for (const [documentId, values] of byDocument) {
      for (const [variableId, valueId] of computeDerived(version.content, values)) rows.push({ documentId, variable: variableId, values: valueId ? [valueId] : [] });
    }
    const attribute = attributes.includes(by) ? by : undefined;
    return prevalence({
      documents: documents.map((d) => ({ id: d.id, attributes: d.attributes })),
      judgements: rows,
      variables: variables.map((v) => ({ id: v.id, values: v.values.map((x) => x.id) })),
      by: attribute,
      groupOrder: attribute === 'level' ? ['county', 'local'] : undefined,
    });
  }, [documents, judgements, version, chosenCoder, variables, by, attributes]);

  const variableLabel = (id: string) => localize(variables.find((v) => v.id === id)?.label, lang) || id;
  const valueLabel = (variableId: string, valueId: string) => localize(variables.find((v) => v.id === variableId)?.values.find((x) => x.id === valueId)?.label, lang) || valueId;
  // Not split (no such attribute, or "all documents" chosen): one group, labelled as such.
  const split = attributes.includes(by) ? by : '';
  const groupLabel = (g: string) =>
    !split && g === ALL_GROUP ? t('results.all') : g === '' ? t('results.noValue') : isMessageKey(`group.${g}`) ? t(`group.${g}` as 'group.county') : g;
  const byLabel = !split ? t('results.by') : isMessageKey(`attr.${split}`) ? t(`attr.${split}` as 'attr.level') : split;
  const labels: PrevalenceLabels = { by: byLabel, variable: variableLabel, value: valueLabel, group: groupLabel, n: 'n', missing: t('results.missing') };
  const chartTable = tables.find((x) => x.variable === chartVariable) ?? tables.find((x) => x.groups.some((g) => g.n > 0)) ?? tables[0];
  // Charts are rebuilt only when their data or the language change (not on every render).
  const chartKey = chartTable ? `${lang}:${JSON.stringify(chartTable)}` : '';
  const option = useMemo(
    () => (chartTable ? prevalenceOption(chartTable, { title: variableLabel(chartTable.variable), value: (v) => valueLabel(chartTable.variable, v), group: groupLabel }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [chartKey],
  );

  useEffect(() => {
    if (!chartRef.current || !option) return;
    const chart = mountChart(chartRef.current, option);
    return () => chart.dispose();
  }, [option]);

  // With more than two groups (e.g. by county), a ranking of the groups for one value.
  const rankingTable = chartTable && chartTable.groups.length > 2 ? chartTable : undefined;
  const rankedValue = rankingTable?.groups[0]?.values.find((v) => v.value === rankingValue)?.value ?? rankingTable?.groups[0]?.values[0]?.value;
  const ranking = useMemo(
    () => (rankingTable && rankedValue ? rankingOption(rankingTable, rankedValue, { title: variableLabel(rankingTable.variable), value: (v) => valueLabel(rankingTable.variable, v), group: groupLabel }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [chartKey, rankedValue],
  );
  useEffect(() => {
    if (!rankingRef.current || !ranking) return;
    const chart = mountChart(rankingRef.current, ranking);
    return () => chart.dispose();
  }, [ranking]);

  const save = async (name: string, bytes: Uint8Array, extensions: string[]) => {
    try {
      await platform.saveFile(name, bytes, [{ name: extensions[0]!.toUpperCase(), extensions }]);
    } catch (error) {
      reportError(error);
    }
  };
  const stem = `${fileNamePart(project?.name ?? '', 'resultat')}-${by}`;
  const datasetInput = () => ({ content: version!.content, documents: documents ?? [], coders, judgements: judgements ?? [], lang });

  // The report's reliability section: the human coders with judgements under this version, on the
  // documents all of them judged — the reliability sample when one was drawn and judged.
  const reportReliability = () => {
    if (!version || !documents || !judgements) return undefined;
    const judged = new Set(judgements.filter((j) => j.codebookVersionId === version.id && j.valueIds.length > 0).map((j) => j.coderId));
    const humans = coders.filter((c) => c.kind === 'human' && judged.has(c.id));
    if (humans.length < 2) return undefined;
    const reliabilityVars = reliabilityVariables(version);
    const base = { judgements, documents, version, variables: reliabilityVars, coders: humans.map((c) => c.id) };
    const sampled = analyseReliability({ ...base, scope: 'sample' });
    const analysis = sampled.documents > 0 ? sampled : analyseReliability({ ...base, scope: 'shared' });
    if (analysis.documents === 0) return undefined;
    const label = (id: string) => localize(reliabilityVars.find((v) => v.id === id)?.label, lang) || id;
    return { analysis, coderNames: humans.map((c) => c.name), sample: analysis === sampled, label };
  };

  if (!project || !version || !documents || !judgements) return <p className="muted">{t('common.loading')}</p>;
  return (
    <section className="view wide" aria-labelledby="results-title">
      <h1 id="results-title">{t('results.title')}</h1>
      <div className="toolbar">
        <label className="small">
          {t('results.by')}{' '}
          <select value={split} onChange={(e) => setBy(e.target.value)} data-testid="results-by">
            <option value="">{t('results.all')}</option>
            {attributes.map((a) => (
              <option key={a} value={a}>
                {isMessageKey(`attr.${a}`) ? t(`attr.${a}` as 'attr.level') : a}
              </option>
            ))}
          </select>
        </label>
        <label className="small">
          {t('results.coder')}{' '}
          <select value={chosenCoder?.id ?? ''} onChange={(e) => setCoderId(e.target.value)} data-testid="results-coder">
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.kind === 'consensus' ? t('results.consensus') : c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void save(`${stem}.csv`, new TextEncoder().encode(prevalenceCsv(tables, labels)), ['csv'])} data-testid="export-csv">
          CSV
        </button>
        <button type="button" onClick={() => void prevalenceXlsx(tables, labels).then((b) => save(`${stem}.xlsx`, b, ['xlsx']), reportError)} data-testid="export-xlsx">
          XLSX
        </button>
        <button
          type="button"
          data-testid="export-report"
          onClick={() =>
            void save(
              `${stem}-rapport.html`,
              new TextEncoder().encode(reportHtml({ project, version, coder: chosenCoder, consensus, documents: documents.length, tables, labels, lang, t, reliability: reportReliability() })),
              ['html'],
            )
          }
        >
          {t('results.report')}
        </button>
      </div>
      <div className="toolbar" data-testid="dataset-exports">
        <span className="small">{t('results.dataset')}</span>
        {(
          [
            ['long', () => Promise.resolve(new TextEncoder().encode(longCsv(datasetInput()))), `${stem}-lang.csv`, 'csv'],
            ['wide', () => Promise.resolve(new TextEncoder().encode(wideCsv(datasetInput()))), `${stem}-bred.csv`, 'csv'],
            ['wideXlsx', () => wideXlsx(datasetInput()), `${stem}-bred.xlsx`, 'xlsx'],
            ['spss', () => Promise.resolve(new TextEncoder().encode(spssSyntax(datasetInput(), `${stem}-bred.csv`))), `${stem}-bred.sps`, 'sps'],
            [
              'qdpx',
              async () => {
                const docs = await Promise.all(
                  (documents ?? []).map(async (meta) => {
                    const content = (await store.documents.content(meta.id))!;
                    const file = await store.documents.file(meta.id);
                    return { meta, content, bytes: file ? new Uint8Array(await file.bytes.arrayBuffer()) : new Uint8Array() };
                  }),
                );
                return exportQdpx({
                  project,
                  coders,
                  content: version!.content,
                  documents: docs,
                  segments: await store.db.segments.where('projectId').equals(project.id).toArray(),
                  judgements: judgements ?? [],
                  memos: await store.db.memos.where('projectId').equals(project.id).toArray(),
                });
              },
              `${stem}.qdpx`,
              'qdpx',
            ],
            [
              'segments',
              async () => new TextEncoder().encode(segmentsCsv(await store.db.segments.where('projectId').equals(project.id).toArray(), datasetInput())),
              `${stem}-markeringar.csv`,
              'csv',
            ],
            [
              'segmentsXlsx',
              async () => segmentsXlsx(await store.db.segments.where('projectId').equals(project.id).toArray(), datasetInput()),
              `${stem}-markeringar.xlsx`,
              'xlsx',
            ],
          ] as const
        ).map(([key, make, name, ext]) => (
          <button
            key={key}
            type="button"
            disabled={exporting !== null}
            data-testid={`dataset-${key}`}
            onClick={() => {
              setExporting(t(`dataset.${key}`));
              void make()
                .then((bytes) => save(name, bytes, [ext]), reportError)
                .finally(() => setExporting(null));
            }}
          >
            {t(`dataset.${key}`)}
          </button>
        ))}
        {exporting && (
          <span className="small" role="status" data-testid="dataset-working">
            <progress aria-label={exporting} /> {t('results.exporting', { what: exporting })}
          </span>
        )}
      </div>
      <div className="card chart-card">
        <div className="toolbar">
          <select value={chartTable?.variable ?? ''} onChange={(e) => setChartVariable(e.target.value)} aria-label={t('results.chartVariable')} data-testid="chart-variable">
            {tables.map((x) => (
              <option key={x.variable} value={x.variable}>
                {variableLabel(x.variable)}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => {
              const canvas = chartRef.current?.querySelector('canvas');
              if (!canvas) return;
              canvas.toBlob((blob) => blob && void blob.arrayBuffer().then((b) => save(`${stem}-diagram.png`, new Uint8Array(b), ['png'])));
            }}
          >
            PNG
          </button>
          <button type="button" onClick={() => option && void save(`${stem}-diagram.svg`, new TextEncoder().encode(chartSvg(option)), ['svg'])} data-testid="export-svg">
            SVG
          </button>
        </div>
        <div ref={chartRef} className="chart" data-testid="chart" />
        {rankingTable && (
          <>
            <div className="toolbar">
              <label className="small">
                {t('results.ranking')}{' '}
                <select value={rankedValue ?? ''} onChange={(e) => setRankingValue(e.target.value)} data-testid="ranking-value">
                  {rankingTable.groups[0]?.values.map((v) => (
                    <option key={v.value} value={v.value}>
                      {valueLabel(rankingTable.variable, v.value)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div ref={rankingRef} className="chart ranking" data-testid="ranking-chart" style={{ height: `${Math.max(12, rankingTable.groups.length * 1.8 + 4)}rem` }} />
          </>
        )}
      </div>
      {tables.map((table) => {
        const values = table.groups[0]?.values.map((v) => v.value) ?? [];
        return (
          <div key={table.variable} className="results-table" data-testid="results-table">
            <h2>{variableLabel(table.variable)}</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th>{byLabel || t('results.all')}</th>
                  {values.map((v) => (
                    <th key={v} className="num">
                      {valueLabel(table.variable, v)}, %
                    </th>
                  ))}
                  <th className="num">n</th>
                  <th className="num">{t('results.missing')}</th>
                </tr>
              </thead>
              <tbody>
                {table.groups.map((g) => (
                  <tr key={g.group}>
                    <td>{groupLabel(g.group)}</td>
                    {g.values.map((v) => (
                      <td key={v.value} className="num" title={`${v.count} / ${g.n}`}>
                        {v.percent === null ? '—' : v.percent.toFixed(0)}
                      </td>
                    ))}
                    <td className="num">{g.n}</td>
                    <td className="num">{g.missing}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
