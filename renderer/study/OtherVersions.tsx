/**
 * Judgements under other codebook versions than the one an analysis uses: counted and listed by
 * variable (labels from the version they were made under, never an internal id while a version
 * knows it), with a link to the decision list. Never mixed into the analysis.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localize, type CodebookVersion, type Judgement } from '../../src/core';
import { useI18n } from '../i18n';
import { navigate } from '../state/route';
import { useStore } from '../state/store-context';

export function OtherVersions({ judgements, version, coders }: { judgements: readonly Judgement[]; version: CodebookVersion; coders?: readonly string[] }) {
  const { t, lang } = useI18n();
  const store = useStore();
  const versions = useLiveQuery(() => store.codebooks.versions(version.codebookId), [store, version.codebookId]);
  const rows = useMemo(() => {
    const byId = new Map((versions ?? []).map((v) => [v.id, v]));
    const byVariable = new Map<string, { label: string; count: number; numbers: Set<number> }>();
    for (const j of judgements) {
      const own = byId.get(j.codebookVersionId);
      if (!own || own.id === version.id || j.valueIds.length === 0 || (coders && !coders.includes(j.coderId))) continue;
      const variable = own.content.variables.find((v) => v.id === j.variableId) ?? version.content.variables.find((v) => v.id === j.variableId);
      const row = byVariable.get(j.variableId) ?? { label: localize(variable?.label, lang) || j.variableId, count: 0, numbers: new Set<number>() };
      row.count++;
      row.numbers.add(own.number);
      byVariable.set(j.variableId, row);
    }
    return [...byVariable.values()];
  }, [judgements, version, versions, coders, lang]);
  const total = rows.reduce((n, r) => n + r.count, 0);
  if (total === 0) return null;
  return (
    <div className="notice other-versions" data-testid="other-versions">
      {t('versions.otherVersions', { count: total })}{' '}
      <ul>
        {rows.map((r) => (
          <li key={r.label} data-testid="other-versions-item">
            {t('versions.otherVersionsItem', { variable: r.label, count: r.count, versions: [...r.numbers].sort((a, b) => a - b).join(', ') })}
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={() => navigate('codebook', { decisions: '1' })} data-testid="to-decisions">
        {t('decisions.link')}
      </button>
    </div>
  );
}
