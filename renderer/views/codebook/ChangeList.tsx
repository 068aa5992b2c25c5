/** What changed between two versions, in words: every change names its variable (and value). */
import { localize, type CodebookContent, type CodebookVersion, type Language, type VersionChange } from '../../../src/core';
import type { Translate } from '../../i18n';

/** What changed in a published version against the one it was based on. */
export function ChangeList({ title, changes, content, versions, lang, t }: { title: string; changes: VersionChange[]; content: CodebookContent; versions: CodebookVersion[]; lang: Language; t: Translate }) {
  const all = versions.flatMap((v) => v.content.variables);
  const variableLabel = (id: string) => localize((content.variables.find((v) => v.id === id) ?? all.find((v) => v.id === id))?.label, lang) || id;
  const valueLabel = (variableId: string, id: string) => {
    for (const v of [...content.variables, ...all]) {
      if (v.id !== variableId) continue;
      const value = v.values.find((x) => x.id === id);
      if (value) return localize(value.label, lang);
    }
    return id;
  };
  return (
    <div className="card change-list" data-testid="change-list">
      <h2>{title}</h2>
      {changes.length === 0 && <p className="muted">{t('codebook.noDiff')}</p>}
      <ul>
        {changes.map((c, i) => {
          const where = c.type !== 'merged' && c.type !== 'split' && c.valueId ? `${variableLabel(c.variableId)}: ${valueLabel(c.variableId, c.valueId)}` : variableLabel(c.variableId);
          let text: string;
          if (c.type === 'merged') text = t('change.merged', { variable: variableLabel(c.variableId), from: c.from.map((id) => valueLabel(c.variableId, id)).join(', '), into: valueLabel(c.variableId, c.into) });
          else if (c.type === 'split') text = t('change.split', { variable: variableLabel(c.variableId), from: valueLabel(c.variableId, c.from), into: c.into.map((id) => valueLabel(c.variableId, id)).join(', ') });
          else if (c.type === 'renamed') {
            // In the language whose name changed (a Swedish-only rename shows in Swedish in the English interface too).
            const other = lang === 'sv' ? 'en' : 'sv';
            const shown = localize(c.from, lang) !== localize(c.to, lang) ? lang : other;
            const names = { from: localize(c.from, shown), to: localize(c.to, shown) };
            text = c.valueId ? t('change.renamedValue', { variable: variableLabel(c.variableId), ...names }) : t('change.renamed', names);
          }
          else text = t(`change.${c.type}`, { what: where });
          return <li key={i}>{text}</li>;
        })}
      </ul>
    </div>
  );
}
