/**
 * A one-file HTML report a researcher can adapt: the methods paragraphs (computed from the data,
 * report-text.ts), the reliability paragraphs and table, and the prevalence tables — every table
 * in codebook order, every number in the report language's format (decimal comma in Swedish).
 */
import type { Language, Project } from '../../../src/core';
import type { AgreementRow } from '../../../src/core/agreement';
import { formatCoefficient, formatNumber } from '../../../src/core/number-format';
import type { VariablePrevalence } from '../../../src/core/prevalence';
import type { PrevalenceLabels } from '../../../src/formats/prevalence-export';
import type { Translate } from '../../i18n';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface ReportReliability {
  paragraphs: string[];
  /** Per variable in codebook order, then the pooled row. */
  rows: AgreementRow[];
  pooled: AgreementRow;
  two: boolean;
  label: (variableId: string) => string;
}

export function reportHtml(input: {
  project: Project;
  methods: string[];
  tables: readonly VariablePrevalence[];
  labels: PrevalenceLabels;
  lang: Language;
  t: Translate;
  reliability?: ReportReliability;
}): string {
  const { project, tables, labels, lang, t } = input;
  const n = (x: number) => formatNumber(x, lang);
  const body = tables
    .map((table) => {
      const values = table.groups[0]?.values.map((v) => v.value) ?? [];
      const head = `<tr><th>${escape(labels.by)}</th>${values.map((v) => `<th>${escape(labels.value(table.variable, v))}, %</th>`).join('')}<th>n</th><th>${escape(labels.missing)}</th></tr>`;
      const rows = table.groups
        .map((g) => `<tr><td>${escape(labels.group(g.group))}</td>${g.values.map((v) => `<td>${v.percent === null ? '—' : formatNumber(v.percent, lang, 0)}</td>`).join('')}<td>${n(g.n)}</td><td>${n(g.missing)}</td></tr>`)
        .join('');
      return `<h2>${escape(labels.variable(table.variable))}</h2><table data-table="prevalence">${head}${rows}</table>`;
    })
    .join('\n');
  const reliability = input.reliability ? reliabilityHtml(input.reliability, lang, t) : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(project.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse;margin-bottom:1rem}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:right}td:first-child,th:first-child{text-align:left}</style></head>
<body><h1>${escape(project.name)}</h1><h2>${escape(t('results.methodsTitle'))}</h2>${input.methods.map((p) => `<p data-section="methods">${escape(p)}</p>`).join('')}
${reliability}
${body}</body></html>`;
}

/** Reliability paragraphs and the per-variable table (α's bands as in the app). */
function reliabilityHtml(input: ReportReliability, lang: Language, t: Translate): string {
  const c = (x: number | null) => formatCoefficient(x, lang);
  const withCi = (x: number | null, ci: [number, number] | null) => (x === null ? '—' : ci ? `${c(x)} [${c(ci[0])}, ${c(ci[1])}]` : c(x));
  const head = `<tr><th>${escape(t('reliability.variable'))}</th><th>${escape(t('reliability.units'))}</th><th>${escape(t('reliability.percent'))}</th>${input.two ? '<th>Cohen κ</th><th>Scott π</th>' : '<th>Fleiss κ</th>'}<th>Gwet AC1</th><th>Krippendorff α</th></tr>`;
  const body = [...input.rows, input.pooled]
    .map((r) => {
      const name = r === input.pooled ? t('reliability.pooled') : input.label(r.variable);
      const coefficients = input.two ? [withCi(r.cohen_kappa, r.ci95.cohen_kappa), withCi(r.scott_pi, r.ci95.scott_pi)] : [withCi(r.fleiss_kappa, r.ci95.fleiss_kappa)];
      const alpha = withCi(r.krippendorff_alpha, r.ci95.krippendorff_alpha) + (r.level === 'nominal' || r.krippendorff_alpha === null ? '' : ` (${t(`level.${r.level}`)})`);
      const cells = [withCi(r.percent_agreement, r.ci95.percent_agreement), ...coefficients, withCi(r.gwet_ac1, r.ci95.gwet_ac1), alpha];
      return `<tr><td>${escape(name)}</td><td>${formatNumber(r.units, lang)}</td>${cells.map((x) => `<td>${escape(x)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<h2>${escape(t('report.reliabilityTitle'))}</h2>${input.paragraphs.map((p) => `<p data-section="reliability">${escape(p)}</p>`).join('')}<p>${escape(t('reliability.ciMethod'))}</p><table data-table="reliability">${head}${body}</table>`;
}
