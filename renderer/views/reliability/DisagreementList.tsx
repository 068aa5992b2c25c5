/**
 * Disagreement review a coder can work through: every (agreement, variable) where the chosen
 * coders differ, sorted by document name then codebook order, coders in a fixed order, evidence
 * quotes that open the passage, filters (variable; open/resolved), counts, and the keyboard
 * (j/k next/previous open, 1–9 choose a value, r the reason, Enter resolves). A consensus is the
 * consensus coder's judgement and can be changed or withdrawn; its history is kept (store.study).
 * The coders' own judgements are never changed.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localize, type CodebookVersion, type DocumentMeta, type Judgement, type Project, type Segment, type Variable } from '../../../src/core';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { useRouteParam } from '../../state/route';
import { useSession } from '../../state/session';
import { useStore } from '../../state/store-context';
import { DisagreementItem, type ConsensusDraft } from './DisagreementItem';
import { findDisagreements, nextOpen } from './disagreements';

type StatusFilter = 'open' | 'resolved' | 'all';

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
  const { coders: allCoders, activeCoder } = useSession();
  const { reportError, inform } = useNotices();
  const consensus = allCoders.find((c) => c.kind === 'consensus');
  const consensusRows = useLiveQuery(async () => (consensus ? store.db.judgements.where('[variableId+coderId]').anyOf(variables.map((v) => [v.id, consensus.id])).toArray() : []), [store, consensus?.id, variables]);
  const consensusJudgements = useMemo(() => consensusRows ?? [], [consensusRows]);
  const history = useLiveQuery(async () => store.study.consensusHistory(project.id), [store, project.id]) ?? [];
  // Coders in the project's order, whatever order they were ticked in.
  const ordered = useMemo(() => allCoders.filter((c) => coders.includes(c.id)).map((c) => c.id), [allCoders, coders]);
  const fileNames = useMemo(() => new Map(documents.map((d) => [d.id, d.fileName])), [documents]);
  const all = useMemo(() => findDisagreements({ judgements, coders: ordered, variables, fileNames, consensus: consensusJudgements }), [judgements, ordered, variables, fileNames, consensusJudgements]);
  const routeDoc = useRouteParam('doc');
  const routeVariable = useRouteParam('variable');
  const [status, setStatus] = useState<StatusFilter>(routeDoc ? 'all' : 'open');
  const [onlyVariable, setOnlyVariable] = useState('');
  // Items resolved here stay in the "open" list until the filter changes, so the result stays in view.
  const [resolvedHere, setResolvedHere] = useState<ReadonlySet<string>>(new Set());
  const list = all.filter((i) => (status === 'all' || (status === 'open' ? i.state !== 'resolved' || resolvedHere.has(i.key) : i.state === 'resolved')) && (!onlyVariable || i.variable.id === onlyVariable));
  const open = all.filter((i) => i.state !== 'resolved').length;
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const [drafts, setDrafts] = useState<Record<string, ConsensusDraft>>({});
  const [editing, setEditing] = useState<string | null>(null);
  // Long lists are shown a page at a time so the view stays quick with thousands of units.
  const [shown, setShown] = useState(50);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const section = useRef<HTMLElement>(null);

  // Moving by keyboard or from a link scrolls the item into view (a click on an item does not, so it never moves under the pointer).
  const [scrollTo, setScrollTo] = useState<string | undefined>(undefined);
  const goTo = (key: string) => {
    setCurrent(key);
    setScrollTo(key);
  };
  // Opened from the final dataset's status panel (#/reliability?doc=…&variable=…): that item.
  useEffect(() => {
    if (routeDoc && routeVariable) {
      setCurrent(`${routeDoc}\u0000${routeVariable}`);
      setScrollTo(`${routeDoc}\u0000${routeVariable}`);
    }
  }, [routeDoc, routeVariable]);
  useEffect(() => {
    if (scrollTo) refs.current.get(scrollTo)?.scrollIntoView?.({ block: 'nearest' });
  }, [scrollTo]);

  const evidenceIds = useMemo(() => list.slice(0, shown).flatMap((i) => i.sides.flatMap((s) => s.judgement?.evidenceSegmentIds ?? [])), [list, shown]);
  const evidence = useLiveQuery(async () => new Map((await store.db.segments.bulkGet(evidenceIds)).filter((s): s is Segment => s !== undefined).map((s) => [s.id, s])), [store, evidenceIds.join(',')]) ?? new Map<string, Segment>();
  const name = (coderId: string) => allCoders.find((c) => c.id === coderId)?.name ?? coderId;

  const submit = async (key: string) => {
    const item = all.find((i) => i.key === key);
    const draft = drafts[key];
    if (!item || !draft?.reason.trim()) return;
    try {
      if (draft.mode === 'withdraw') {
        await store.study.withdrawConsensus({ projectId: project.id, documentId: item.documentId, variableId: item.variable.id, reason: draft.reason, byCoderId: activeCoder?.id });
        inform('disagree.withdrawn');
      } else {
        if (!draft.valueIds.length) return;
        await store.study.setConsensus({
          projectId: project.id,
          documentId: item.documentId,
          variableId: item.variable.id,
          codebookVersionId: version.id,
          valueIds: item.variable.values.map((v) => v.id).filter((id) => draft.valueIds.includes(id)),
          reason: draft.reason,
          coderIds: item.sides.filter((s) => s.judgement).map((s) => s.coderId),
          byCoderId: activeCoder?.id,
        });
        inform('disagree.resolved');
      }
      setResolvedHere((r) => new Set(r).add(key));
      setEditing(null);
      setDrafts((d) => ({ ...d, [key]: { valueIds: [], reason: '', mode: 'set' } }));
      const next = nextOpen(all, key, 1);
      if (next && next !== key) goTo(next);
    } catch (error) {
      reportError(error);
    }
  };

  // Keys (not while typing in a field, except Enter in the reason, which the item handles).
  const onKeyDown = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    const item = all.find((i) => i.key === current);
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      const next = nextOpen(list, current, e.key === 'j' ? 1 : -1);
      if (next) goTo(next);
    } else if (/^[1-9]$/.test(e.key) && item) {
      const value = item.variable.values[Number(e.key) - 1];
      if (!value) return;
      e.preventDefault();
      const before = drafts[item.key] ?? { valueIds: [], reason: '', mode: 'set' as const };
      const valueIds = item.variable.kind === 'multi' ? (before.valueIds.includes(value.id) ? before.valueIds.filter((x) => x !== value.id) : [...before.valueIds, value.id]) : [value.id];
      setDrafts((d) => ({ ...d, [item.key]: { ...before, mode: 'set', valueIds } }));
    } else if (e.key === 'r' && item) {
      e.preventDefault();
      refs.current.get(item.key)?.querySelector<HTMLInputElement>('[data-testid="consensus-reason"]')?.focus();
    }
  };

  return (
    <section className="card disagreements" data-testid="disagreements" ref={section} tabIndex={0} onKeyDown={onKeyDown} aria-labelledby="disagreements-title">
      <h2 id="disagreements-title" data-testid="disagreements-title">
        {t('disagree.title', { open, resolved: all.length - open, count: all.length })}
      </h2>
      <div className="toolbar">
        <label className="small">
          {t('disagree.filterStatus')}{' '}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as StatusFilter);
              setResolvedHere(new Set());
            }}
            data-testid="disagree-status"
          >
            {(['open', 'resolved', 'all'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`disagree.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="small">
          {t('disagree.filterVariable')}{' '}
          <select value={onlyVariable} onChange={(e) => setOnlyVariable(e.target.value)} data-testid="disagree-variable">
            <option value="">{t('disagree.filterAll')}</option>
            {variables
              .filter((v) => all.some((i) => i.variable.id === v.id))
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {localize(v.label, lang)}
                </option>
              ))}
          </select>
        </label>
        <span className="small muted">{t('disagree.keys')}</span>
      </div>
      {all.length === 0 && <p className="muted">{t('disagree.none')}</p>}
      {all.length > 0 && list.length === 0 && <p className="muted">{t('disagree.noneShown')}</p>}
      <ul>
        {list.slice(0, shown).map((item) => (
          <DisagreementItem
            key={item.key}
            ref={(el) => {
              if (el) refs.current.set(item.key, el);
              else refs.current.delete(item.key);
            }}
            item={item}
            current={item.key === current}
            coderName={name}
            evidence={evidence}
            history={history.filter((e) => e.documentId === item.documentId && e.variableId === item.variable.id)}
            draft={drafts[item.key]}
            editing={editing === item.key}
            onDraft={(draft) => setDrafts((d) => ({ ...d, [item.key]: draft }))}
            onEdit={(on) => setEditing(on ? item.key : null)}
            onSubmit={() => void submit(item.key)}
            onFocus={() => setCurrent(item.key)}
          />
        ))}
      </ul>
      {list.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + 50)} data-testid="more-disagreements">
          {t('disagree.more', { shown, count: list.length })}
        </button>
      )}
    </section>
  );
}
