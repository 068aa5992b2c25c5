/**
 * A one-file HTML report of the results with a methods paragraph a researcher can adapt: which
 * coder's (or the consensus) judgements, how many documents, which codebook version, how
 * percentages are computed.
 */
import { type CodebookVersion, type Coder, type Language, type Project } from '../../../src/core';
import type { AgreementRow } from '../../../src/core/agreement';
import type { VariablePrevalence } from '../../../src/core/prevalence';
import type { ReliabilityAnalysis } from '../reliability/analysis';
import type { PrevalenceLabels } from '../../../src/formats/prevalence-export';
import type { Translate } from '../../i18n';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function reportHtml(input: {
  project: Project;
  version: CodebookVersion;
  coder: Coder | undefined;
  consensus: Coder | undefined;
  documents: number;
  tables: readonly VariablePrevalence[];
  labels: PrevalenceLabels;
  lang: Language;
  t: Translate;
  /** The agreement of the human coders on the documents they all judged, when there are two or more. */
  reliability?: { analysis: ReliabilityAnalysis; coderNames: string[]; sample: boolean; label: (variableId: string) => string };
}): string {
  const { project, version, coder, documents, tables, labels, lang, t } = input;
  const who = coder?.kind === 'consensus' ? t('results.consensus') : (coder?.name ?? '—');
  const methods = t('results.methods', { documents, who, version: version.number, date: new Date().toISOString().slice(0, 10) });
  const body = tables
    .map((table) => {
      const values = table.groups[0]?.values.map((v) => v.value) ?? [];
      const head = `<tr><th>${escape(labels.by)}</th>${values.map((v) => `<th>${escape(labels.value(table.variable, v))}, %</th>`).join('')}<th>n</th><th>${escape(labels.missing)}</th></tr>`;
      const rows = table.groups
        .map((g) => `<tr><td>${escape(labels.group(g.group))}</td>${g.values.map((v) => `<td>${v.percent === null ? '—' : v.percent.toFixed(0)}</td>`).join('')}<td>${g.n}</td><td>${g.missing}</td></tr>`)
        .join('');
      return `<h2>${escape(labels.variable(table.variable))}</h2><table>${head}${rows}</table>`;
    })
    .join('\n');
  const reliability = input.reliability ? reliabilityHtml(input.reliability, version, t) : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(project.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse;margin-bottom:1rem}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:right}td:first-child,th:first-child{text-align:left}</style></head>
<body><h1>${escape(project.name)}</h1><h2>${escape(t('results.methodsTitle'))}</h2><p>${escape(methods)}</p>
${reliability}
${body}</body></html>`;
}

const num = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const withCi = (x: number | null, ci: [number, number] | null) => (x === null ? '—' : ci ? `${num(x)} [${num(ci[0])}, ${num(ci[1])}]` : num(x));

/** Methods sentence and per-variable table of inter-rater agreement (α's bands as in the app). */
function reliabilityHtml(input: NonNullable<Parameters<typeof reportHtml>[0]['reliability']>, version: CodebookVersion, t: Translate): string {
  const { analysis, coderNames, sample } = input;
  const two = coderNames.length === 2;
  const rows: AgreementRow[] = [...analysis.report.variables, analysis.report.pooled];
  const alphas = analysis.report.variables.flatMap((r) => (r.krippendorff_alpha === null ? [] : [r.krippendorff_alpha]));
  const text = t('report.reliabilityMethods', {
    coders: coderNames.join(', '),
    documents: analysis.documents,
    sample: sample ? t('report.reliabilitySample') : '',
    version: version.number,
    coefficients: two ? t('report.coefficientsTwo') : t('report.coefficientsMany'),
    min: num(alphas.length ? Math.min(...alphas) : null),
    max: num(alphas.length ? Math.max(...alphas) : null),
    pooled: num(analysis.report.pooled.krippendorff_alpha),
    reliable: alphas.filter((a) => a >= 0.8).length,
    variables: analysis.report.variables.length,
  });
  const head = `<tr><th>${escape(t('reliability.variable'))}</th><th>${escape(t('reliability.units'))}</th><th>${escape(t('reliability.percent'))}</th>${two ? '<th>Cohen κ</th><th>Scott π</th>' : '<th>Fleiss κ</th>'}<th>Gwet AC1</th><th>Krippendorff α</th></tr>`;
  const body = rows
    .map((r) => {
      const name = r === analysis.report.pooled ? t('reliability.pooled') : input.label(r.variable);
      const coefficients = two ? [withCi(r.cohen_kappa, r.ci95.cohen_kappa), withCi(r.scott_pi, r.ci95.scott_pi)] : [withCi(r.fleiss_kappa, r.ci95.fleiss_kappa)];
      const alpha = withCi(r.krippendorff_alpha, r.ci95.krippendorff_alpha) + (r.level === 'nominal' || r.krippendorff_alpha === null ? '' : ` (${t(`level.${r.level}`)})`);
      const cells = [withCi(r.percent_agreement, r.ci95.percent_agreement), ...coefficients, withCi(r.gwet_ac1, r.ci95.gwet_ac1), alpha];
      return `<tr><td>${escape(name)}</td><td>${r.units}</td>${cells.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<h2>${escape(t('report.reliabilityTitle'))}</h2><p>${escape(text)}</p><p>${escape(t('reliability.ciMethod'))}</p><table data-table="reliability">${head}${body}</table>`;
}
