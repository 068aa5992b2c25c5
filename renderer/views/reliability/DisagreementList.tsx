/**
 * Disagreement review: every (document, variable) where the chosen coders' judgements differ,
 * side by side with their memos and evidence counts, resolved into a judgement of the project's
 * consensus coder with a reason. The coders' own judgements are never changed.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localize, newId, type CodebookVersion, type DocumentMeta, type Judgement, type Project, type Variable } from '../../../src/core';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { navigate } from '../../state/route';
import { useSession } from '../../state/session';
import { useStore } from '../../state/store-context';

interface Disagreement {
  documentId: string;
  variable: Variable;
  judgements: Judgement[];
}

export function findDisagreements(judgements: readonly Judgement[], coders: readonly string[], variables: readonly Variable[]): Disagreement[] {
  const out: Disagreement[] = [];
  const byKey = new Map<string, Judgement[]>();
  for (const j of judgements) {
    if (!coders.includes(j.coderId)) continue;
    const key = `${j.documentId}\u0000${j.variableId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), j]);
  }
  for (const [key, list] of byKey) {
    const [documentId, variableId] = key.split('\u0000') as [string, string];
    const variable = variables.find((v) => v.id === variableId);
    if (!variable || list.length < 2) continue;
    const values = new Set(list.map((j) => [...j.valueIds].sort().join('+')));
    if (values.size > 1) out.push({ documentId, variable, judgements: list });
  }
  return out.sort((a, b) => a.documentId.localeCompare(b.documentId) || variables.indexOf(a.variable) - variables.indexOf(b.variable));
}

export function DisagreementList({ judgements, coders, variables, documents, project, version }: {
  judgements: Judgement[];
  coders: string[];
  variables: Variable[];
  documents: DocumentMeta[];
  project: Project;
  version: CodebookVersion;
}) {
  const { t, lang } = useI18n();
  const store = useStore();
  const { coders: allCoders } = useSession();
  const { reportError, inform } = useNotices();
  const consensus = allCoders.find((c) => c.kind === 'consensus');
  const consensusJudgements = useLiveQuery(async () => (consensus ? store.db.judgements.where('[variableId+coderId]').anyOf(variables.map((v) => [v.id, consensus.id])).toArray() : []), [store, consensus?.id, variables]) ?? [];
  const list = findDisagreements(judgements, coders, variables);
  const [draft, setDraft] = useState<Record<string, { valueIds: string[]; reason: string }>>({});
  // Long lists are shown a page at a time so the view stays quick with thousands of units.
  const [shown, setShown] = useState(50);
  const name = (coderId: string) => allCoders.find((c) => c.id === coderId)?.name ?? coderId;
  const valueLabel = (v: Variable, ids: readonly string[]) => ids.map((id) => localize(v.values.find((x) => x.id === id)?.label, lang)).join(', ') || '—';

  const resolve = async (d: Disagreement, key: string) => {
    const choice = draft[key];
    if (!consensus || !choice?.valueIds.length || !choice.reason.trim()) return;
    const now = Date.now();
    try {
      await store.codings.putJudgement({
        id: newId(),
        projectId: project.id,
        documentId: d.documentId,
        coderId: consensus.id,
        codebookVersionId: version.id,
        variableId: d.variable.id,
        valueIds: d.variable.values.map((v) => v.id).filter((id) => choice.valueIds.includes(id)),
        status: 'final',
        origin: 'explicit',
        evidenceSegmentIds: [],
        memo: '',
        resolution: { reason: choice.reason.trim(), coderIds: d.judgements.map((j) => j.coderId), resolvedAt: now },
        createdAt: now,
        updatedAt: now,
      });
      inform('disagree.resolved');
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card disagreements" data-testid="disagreements">
      <h2>{t('disagree.title', { count: list.length })}</h2>
      {list.length === 0 && <p className="muted">{t('disagree.none')}</p>}
      <ul>
        {list.slice(0, shown).map((d) => {
          const key = `${d.documentId}:${d.variable.id}`;
          const resolved = consensusJudgements.find((j) => j.documentId === d.documentId && j.variableId === d.variable.id);
          const doc = documents.find((x) => x.id === d.documentId);
          return (
            <li key={key} data-testid="disagreement">
              <div className="disagree-head">
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    const evidence = d.judgements.flatMap((j) => j.evidenceSegmentIds)[0];
                    void (evidence ? store.db.segments.get(evidence) : Promise.resolve(undefined)).then((segment) =>
                      navigate('coding', segment ? { doc: d.documentId, at: String(segment.selector.position.start) } : { doc: d.documentId }),
                    );
                  }}
                >
                  {doc?.fileName ?? d.documentId}
                </button>{' '}
                · <strong>{localize(d.variable.label, lang)}</strong>
              </div>
              <div className="disagree-sides">
                {d.judgements.map((j) => (
                  <div key={j.id} className="side">
                    <div className="small muted">{name(j.coderId)}</div>
                    <div data-testid="disagree-value">{valueLabel(d.variable, j.valueIds)}</div>
                    {j.memo && <div className="small">“{j.memo}”</div>}
                    <div className="small muted">{t('disagree.evidence', { count: j.evidenceSegmentIds.length })}</div>
                  </div>
                ))}
              </div>
              {resolved ? (
                <p className="small" data-testid="consensus">
                  {t('disagree.consensus', { value: valueLabel(d.variable, resolved.valueIds), reason: resolved.resolution?.reason ?? '' })}
                </p>
              ) : (
                <div className="toolbar">
                  {d.variable.kind === 'multi' ? (
                    // Several values: the consensus is a set, chosen with check boxes.
                    <span role="group" aria-label={t('disagree.value')} data-testid="consensus-values">
                      {d.variable.values.map((v) => (
                        <label key={v.id} className="small">
                          <input
                            type="checkbox"
                            checked={draft[key]?.valueIds.includes(v.id) ?? false}
                            onChange={(e) =>
                              setDraft((s) => {
                                const now = s[key]?.valueIds ?? [];
                                return { ...s, [key]: { valueIds: e.target.checked ? [...now, v.id] : now.filter((x) => x !== v.id), reason: s[key]?.reason ?? '' } };
                              })
                            }
                          />{' '}
                          {localize(v.label, lang)}
                        </label>
                      ))}
                    </span>
                  ) : (
                    <select
                      value={draft[key]?.valueIds[0] ?? ''}
                      onChange={(e) => setDraft((s) => ({ ...s, [key]: { valueIds: e.target.value ? [e.target.value] : [], reason: s[key]?.reason ?? '' } }))}
                      data-testid="consensus-value"
                      aria-label={t('disagree.value')}
                    >
                      <option value="">{t('disagree.value')}</option>
                      {d.variable.values.map((v) => (
                        <option key={v.id} value={v.id}>
                          {localize(v.label, lang)}
                        </option>
                      ))}
                    </select>
                  )}
                  <input
                    placeholder={t('disagree.reason')}
                    aria-label={t('disagree.reason')}
                    value={draft[key]?.reason ?? ''}
                    onChange={(e) => setDraft((s) => ({ ...s, [key]: { valueIds: s[key]?.valueIds ?? [], reason: e.target.value } }))}
                    data-testid="consensus-reason"
                  />
                  <button type="button" className="primary" disabled={!draft[key]?.valueIds.length || !draft[key]?.reason.trim()} onClick={() => void resolve(d, key)} data-testid="resolve">
                    {t('disagree.resolve')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {list.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + 50)} data-testid="more-disagreements">
          {t('disagree.more', { shown, count: list.length })}
        </button>
      )}
    </section>
  );
}
