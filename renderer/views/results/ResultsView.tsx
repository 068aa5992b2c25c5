/**
 * Results: per-category prevalence by any document attribute (level, county, year…), for one
 * coder or the consensus, as tables laid out like Vårdanalys 2017:1 Bilaga 2, a chart per
 * variable, and exports (CSV, XLSX, chart PNG/SVG, an HTML report with methods text).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { fileNamePart, localize } from '../../../src/core';
import { formatNumber } from '../../../src/core/number-format';
import { ALL_GROUP } from '../../../src/core/prevalence';
import { prevalenceCsv, prevalenceXlsx, type PrevalenceLabels } from '../../../src/formats/prevalence-export';
import { isMessageKey, useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { usePlatform } from '../../state/platform-context';
import { useStore } from '../../state/store-context';
import { useStudy } from '../../study/useStudy';
import { chartPng, chartSvg, mountChart, prevalenceOption, rankingOption } from './chart';
import type { ECharts } from 'echarts/core';
import { reportHtml } from './report';
import { methodsText, reliabilityText } from './report-text';
import { analyseReliability, reliabilityVariables } from '../reliability/analysis';
import { DatasetExports } from './DatasetExports';
import { FinalStatusPanel } from './FinalStatusPanel';
import { OtherVersions } from '../../study/OtherVersions';
import { FINAL_SOURCE, useResultsTables } from './useResultsTables';

export function ResultsView() {
  const { t, lang } = useI18n();
  const store = useStore();
  const platform = usePlatform();
  const { reportError } = useNotices();
  const study = useStudy();
  const project = study?.project;
  const version = study?.version;
  const coders = useMemo(() => study?.coders ?? [], [study]);
  const documents = study?.documents;
  const judgements = study?.judgements;
  const attributes = useMemo(() => [...new Set((documents ?? []).flatMap((d) => Object.keys(d.attributes)))].sort(), [documents]);
  const [by, setBy] = useState<string>('level');
  // The final dataset by default; one coder's judgements (the consensus coder's too) as a choice.
  const [source, setSource] = useState<string>(FINAL_SOURCE);
  const chosenCoder = coders.find((c) => c.id === source);
  const [chartVariable, setChartVariable] = useState<string>('');
  const chartRef = useRef<HTMLDivElement>(null);
  const rankingRef = useRef<HTMLDivElement>(null);
  const [rankingValue, setRankingValue] = useState('');
  const samples = useLiveQuery(async () => (project ? store.study.samples(project.id) : []), [store, project?.id]);
  const blindingEvents = useLiveQuery(async () => (project ? store.study.blindingEvents(project.id) : []), [store, project?.id]);

  const variables = useMemo(() => version?.content.variables.filter((v) => v.kind !== 'thematic') ?? [], [version]);
  const splitBy = attributes.includes(by) ? by : undefined;
  const { tables, dataset } = useResultsTables(study && study.blind.reason !== 'reliability' ? study : undefined, chosenCoder ? chosenCoder.id : FINAL_SOURCE, splitBy);

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
    () => (chartTable ? prevalenceOption(chartTable, { title: variableLabel(chartTable.variable), value: (v) => valueLabel(chartTable.variable, v), group: groupLabel, percent: (x) => formatNumber(x, lang, 1) }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [chartKey],
  );

  // The mounted charts, for the PNG export (2×, on white).
  const charts = useRef<{ main?: ECharts; ranking?: ECharts }>({});
  useEffect(() => {
    if (!chartRef.current || !option) return;
    const chart = mountChart(chartRef.current, option);
    const mounted = charts.current;
    mounted.main = chart;
    return () => {
      mounted.main = undefined;
      chart.dispose();
    };
  }, [option]);

  // With more than two groups (e.g. by county), a ranking of the groups for one value.
  const rankingTable = chartTable && chartTable.groups.length > 2 ? chartTable : undefined;
  const rankedValue = rankingTable?.groups[0]?.values.find((v) => v.value === rankingValue)?.value ?? rankingTable?.groups[0]?.values[0]?.value;
  const ranking = useMemo(
    () => (rankingTable && rankedValue ? rankingOption(rankingTable, rankedValue, { title: variableLabel(rankingTable.variable), value: (v) => valueLabel(rankingTable.variable, v), group: groupLabel, percent: (x) => formatNumber(x, lang, 1) }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [chartKey, rankedValue],
  );
  useEffect(() => {
    if (!rankingRef.current || !ranking) return;
    const chart = mountChart(rankingRef.current, ranking);
    const mounted = charts.current;
    mounted.ranking = chart;
    return () => {
      mounted.ranking = undefined;
      chart.dispose();
    };
  }, [ranking]);

  const save = async (name: string, bytes: Uint8Array, extensions: string[]) => {
    try {
      await platform.saveFile(name, bytes, [{ name: extensions[0]!.toUpperCase(), extensions }]);
    } catch (error) {
      reportError(error);
    }
  };
  // Every export's name says which codebook version it is on (one version per analysis).
  const stem = `${fileNamePart(project?.name ?? '', 'resultat')}-${by}${version ? `-v${version.number}` : ''}`;

  // The report's reliability section: the human coders with judgements under this version, on the
  // documents all of them judged — the reliability sample when one was drawn and judged.
  const reportReliability = () => {
    if (!study || !version || !documents || !judgements) return undefined;
    const judged = new Set(judgements.filter((j) => j.codebookVersionId === version.id && j.valueIds.length > 0).map((j) => j.coderId));
    const humans = coders.filter((c) => c.kind === 'human' && judged.has(c.id));
    if (humans.length < 2) return undefined;
    const reliabilityVars = reliabilityVariables(version);
    const base = { judgements, documents, version, variables: reliabilityVars, coders: humans.map((c) => c.id) };
    const sampled = analyseReliability({ ...base, scope: 'sample' });
    const analysis = sampled.documents > 0 ? sampled : analyseReliability({ ...base, scope: 'shared' });
    if (analysis.documents === 0) return undefined;
    const label = (id: string) => localize(reliabilityVars.find((v) => v.id === id)?.label, lang) || id;
    const order = reliabilityVars.map((v) => v.id);
    const paragraphs = reliabilityText({ analysis, coderNames: humans.map((c) => c.name), sample: analysis === sampled, versionNumber: version.number, final: study.final, samples: samples ?? [], lang, t });
    const rows = [...analysis.report.variables].sort((a, b) => order.indexOf(a.variable) - order.indexOf(b.variable));
    return { paragraphs, rows, pooled: analysis.report.pooled, two: humans.length === 2, label };
  };
  const exportReport = () => {
    if (!study || !dataset) return;
    const groups = (tables[0]?.groups ?? []).map((g): [string, number] => [groupLabel(g.group), g.n + g.missing]);
    const methods = methodsText({
      project: study.project,
      coders,
      versionNumber: study.version.number,
      dataset,
      source: chosenCoder ? { kind: 'coder', name: chosenCoder.kind === 'consensus' ? t('results.consensus') : chosenCoder.name } : { kind: 'final' },
      groups: splitBy ? groups : [],
      samples: samples ?? [],
      blindingEvents: blindingEvents ?? [],
      proposals: { judgements: study.judgements, codebookVersionId: study.version.id },
      lang,
      t,
    });
    void save(`${stem}-rapport.html`, new TextEncoder().encode(reportHtml({ project: study.project, methods, tables, labels, lang, t, reliability: reportReliability() })), ['html']);
  };

  if (study === null) return <p className="notice">{t('codebook.none')}</p>;
  if (!study || !project || !version || !documents || !judgements) return <p className="muted">{t('common.loading')}</p>;
  if (study.blind.reason === 'reliability') {
    return (
      <section className="view wide" aria-labelledby="results-title">
        <h1 id="results-title">{t('results.title')}</h1>
        <p className="notice" data-testid="results-blind">{t('blinding.hiddenResults', { count: study.openReliability.get(study.activeCoder?.id ?? '') ?? 0 })}</p>
      </section>
    );
  }
  return (
    <section className="view wide" aria-labelledby="results-title">
      <h1 id="results-title">{t('results.title')}</h1>
      <FinalStatusPanel study={study} />
      <OtherVersions judgements={judgements} version={version} />
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
          <select value={chosenCoder?.id ?? FINAL_SOURCE} onChange={(e) => setSource(e.target.value)} data-testid="results-coder">
            <option value={FINAL_SOURCE}>{t('results.final')}</option>
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
        <button type="button" data-testid="export-report" onClick={exportReport}>
          {t('results.report')}
        </button>
      </div>
      <p className="small muted" data-testid="results-source">
        {t('results.sourceNote', { version: version.number, source: chosenCoder ? (chosenCoder.kind === 'consensus' ? t('results.consensus') : chosenCoder.name) : t('results.final') })}
      </p>
      <DatasetExports study={study} source={chosenCoder ? chosenCoder.id : FINAL_SOURCE} stem={stem} save={save} />
      <div className="card chart-card">
        <div className="toolbar">
          <select value={chartTable?.variable ?? ''} onChange={(e) => setChartVariable(e.target.value)} aria-label={t('results.chartVariable')} data-testid="chart-variable">
            {tables.map((x) => (
              <option key={x.variable} value={x.variable}>
                {variableLabel(x.variable)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => charts.current.main && void save(`${stem}-diagram.png`, chartPng(charts.current.main), ['png'])} data-testid="export-png">
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
              <button type="button" onClick={() => charts.current.ranking && void save(`${stem}-rangordning.png`, chartPng(charts.current.ranking), ['png'])} data-testid="export-ranking-png">
                PNG
              </button>
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
                        {v.percent === null ? '—' : formatNumber(v.percent, lang, 0)}
                      </td>
                    ))}
                    <td className="num">{formatNumber(g.n, lang)}</td>
                    <td className="num">{formatNumber(g.missing, lang)}</td>
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
