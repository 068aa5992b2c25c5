/**
 * A one-file HTML report of the results with a methods paragraph a researcher can adapt: which
 * coder's (or the consensus) judgements, how many documents, which codebook version, how
 * percentages are computed.
 */
import { type CodebookVersion, type Coder, type Language, type Project } from '../../../src/core';
import type { VariablePrevalence } from '../../../src/core/prevalence';
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
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(project.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse;margin-bottom:1rem}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:right}td:first-child,th:first-child{text-align:left}</style></head>
<body><h1>${escape(project.name)}</h1><h2>${escape(t('results.methodsTitle'))}</h2><p>${escape(methods)}</p>
${body}</body></html>`;
}
