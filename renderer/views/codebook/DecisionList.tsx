/**
 * The decision list after a migration: every coding left under an older codebook version, by
 * document, coder, variable and old value, with the choices its change allows (a split's new
 * values; for a removal another value or "not coded"; keeping it under its version). One at a
 * time or many at once (the choices they share), each decision undoable; a document name opens
 * the document (a passage at its place) in the coding view; progress until none is left.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localize, type CodebookVersion, type Language } from '../../../src/core';
import { decisionChoices, type DecisionChoice } from '../../../src/core/codebook';
import type { CodingsBefore, PendingDecision } from '../../../src/store';
import { useI18n, type Translate } from '../../i18n';
import { useNotices } from '../../state/errors';
import { navigate, useRouteParam } from '../../state/route';
import { useSession } from '../../state/session';
import { useStore } from '../../state/store-context';

const keyOf = (d: Pick<PendingDecision, 'kind' | 'id'>) => `${d.kind}:${d.id}`;

const decode = (s: string): DecisionChoice => (s.startsWith('value:') ? { type: 'value', valueId: s.slice(6) } : { type: s as 'keep' | 'not-coded' });

/** The choices of a decision, encoded, in the order shown (a kept coding: not "keep" again). */
function choicesOf(d: PendingDecision, kept = false): string[] {
  const set = decisionChoices(d);
  return [...set.values.map((id) => `value:${id}`), ...(set.notCoded ? ['not-coded'] : []), ...(set.keep && !kept ? ['keep'] : [])];
}

export function DecisionList({ target, versions }: { target: CodebookVersion; versions: readonly CodebookVersion[] }) {
  const { t, lang } = useI18n();
  const store = useStore();
  const { coders } = useSession();
  const { reportError, inform } = useNotices();
  const state = useLiveQuery(() => store.versions.migrationState(target.id), [store, target.id]);
  const documents = useLiveQuery(() => store.documents.list(target.projectId), [store, target.projectId]);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [bulk, setBulk] = useState('');
  const [variableFilter, setVariableFilter] = useState('');
  const [undo, setUndo] = useState<{ before: CodingsBefore; count: number }[]>([]);
  const [busy, setBusy] = useState(false);
  // Progress: of the most codings seen waiting at once while the list is open.
  const most = useRef(0);
  const [showKept, setShowKept] = useState(false);
  const pending = useMemo(() => state?.pending ?? [], [state]);
  const keptKeys = useMemo(() => new Set((state?.kept ?? []).map(keyOf)), [state]);
  const rows = useMemo(() => [...pending, ...(showKept ? (state?.kept ?? []) : [])], [pending, showKept, state]);
  most.current = Math.max(most.current, pending.length);
  // Opened from a link (#/codebook?decisions=1): the list comes into view.
  const asked = useRouteParam('decisions');
  const sectionRef = useRef<HTMLElement>(null);
  const hasList = state !== undefined && pending.length > 0;
  useEffect(() => {
    if (asked && hasList) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [asked, hasList]);
  useEffect(() => setSelected((s) => new Set([...s].filter((k) => rows.some((d) => keyOf(d) === k)))), [rows]);

  const names = useMemo(() => new Map((documents ?? []).map((d) => [d.id, d.fileName])), [documents]);
  const byVersion = useMemo(() => new Map(versions.map((v) => [v.id, v])), [versions]);
  const label = useMemo(() => labels(byVersion, target, lang), [byVersion, target, lang]);
  const coderName = (id: string) => {
    const c = coders.find((x) => x.id === id);
    return !c ? id : c.kind === 'consensus' ? t('results.consensus') : c.name;
  };
  const variables = [...new Map(rows.map((d) => [d.variableId, label.variable(d.fromVersionId, d.variableId)])).entries()];
  // A variable whose codings are all decided is no longer a filter.
  const filter = variables.some(([id]) => id === variableFilter) ? variableFilter : '';
  // By document, then variable (codebook order of the target, else last), then coder.
  const order = useMemo(() => new Map(target.content.variables.map((v, i) => [v.id, i])), [target]);
  const shown = rows
    .filter((d) => !filter || d.variableId === filter)
    .sort(
      (a, b) =>
        (names.get(a.documentId) ?? '').localeCompare(names.get(b.documentId) ?? '', 'sv') ||
        (order.get(a.variableId) ?? 1e9) - (order.get(b.variableId) ?? 1e9) ||
        coderName(a.coderId).localeCompare(coderName(b.coderId), 'sv'),
    );
  const options = (d: PendingDecision) => choicesOf(d, keptKeys.has(keyOf(d)));
  const chosen = shown.filter((d) => selected.has(keyOf(d)));
  // The choices every selected coding allows.
  const common = chosen.length ? options(chosen[0]!).filter((c) => chosen.every((d) => options(d).includes(c))) : [];

  const decide = async (items: PendingDecision[], encoded: (d: PendingDecision) => string) => {
    if (busy || items.length === 0) return;
    setBusy(true);
    try {
      const before = await store.versions.decide(target.id, items.map((d) => ({ kind: d.kind, id: d.id, choice: decode(encoded(d)) })));
      setUndo((u) => [...u.slice(-19), { before, count: items.length }]);
      setSelected(new Set());
      inform('decisions.done', { count: items.length });
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };
  const undoLast = async () => {
    const last = undo.at(-1);
    if (!last || busy) return;
    setBusy(true);
    try {
      await store.versions.restoreCodings(last.before);
      setUndo((u) => u.slice(0, -1));
      inform('decisions.undone', { count: last.count });
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  if (!state) return null;
  if (pending.length === 0 && undo.length === 0 && state.kept.length === 0) return null;
  const choiceText = (d: PendingDecision, c: string) =>
    c === 'keep' ? t('decisions.keep', { number: d.fromNumber }) : c === 'not-coded' ? t(d.kind === 'segment' || d.reason === 'variable-removed' ? 'decisions.remove' : 'decisions.notCoded') : `→ ${label.value(target.id, d.variableId, c.slice(6))}`;

  return (
    <section ref={sectionRef} className="card decision-list" data-testid="decision-list" id="decisions" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('decisions.title', { number: target.number })}</h2>
      <p data-testid="decision-progress">
        {pending.length === 0 ? t('decisions.allDone') : t('decisions.left', { count: pending.length, decided: Math.max(0, most.current - pending.length) })}{' '}
        {most.current > 0 && <progress max={most.current} value={most.current - pending.length} aria-label={t('decisions.progress')} />}
        {state.kept.length > 0 && (
          <>
            {' '}
            <span className="muted small">{t('decisions.kept', { count: state.kept.length })}</span>{' '}
            <label className="small">
              <input type="checkbox" checked={showKept} onChange={(e) => setShowKept(e.target.checked)} data-testid="decision-show-kept" /> {t('decisions.showKept')}
            </label>
          </>
        )}
      </p>
      <div className="toolbar">
        {variables.length > 1 && (
          <label className="small">
            {t('decisions.filter')}{' '}
            <select value={filter} onChange={(e) => setVariableFilter(e.target.value)} data-testid="decision-filter">
              <option value="">{t('decisions.allVariables')}</option>
              {variables.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="small">
          {t('decisions.bulk', { count: chosen.length })}{' '}
          <select value={common.includes(bulk) ? bulk : ''} onChange={(e) => setBulk(e.target.value)} disabled={common.length === 0} data-testid="decision-bulk-choice">
            <option value="">{t('decisions.choose')}</option>
            {common.map((c) => (
              <option key={c} value={c}>
                {choiceText(chosen[0]!, c)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy || !common.includes(bulk)} onClick={() => void decide(chosen, () => bulk)} data-testid="decision-bulk-apply">
          {t('decisions.applySelected', { count: chosen.length })}
        </button>
        <button type="button" disabled={busy || undo.length === 0} onClick={() => void undoLast()} data-testid="decision-undo">
          {t('decisions.undo', { count: undo.at(-1)?.count ?? 0 })}
        </button>
      </div>
      {shown.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={t('decisions.selectAll')}
                  data-testid="decision-select-all"
                  checked={chosen.length === shown.length}
                  onChange={(e) => setSelected(e.target.checked ? new Set(shown.map(keyOf)) : new Set())}
                />
              </th>
              <th>{t('decisions.document')}</th>
              <th>{t('decisions.coder')}</th>
              <th>{t('decisions.variable')}</th>
              <th>{t('decisions.was')}</th>
              <th>{t('decisions.why')}</th>
              <th>{t('decisions.choice')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => {
              const allowed = options(d);
              const current = choice[keyOf(d)] ?? '';
              return (
                <tr key={keyOf(d)} data-testid="decision-row" data-variable={d.variableId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('decisions.select')}
                      data-testid="decision-select"
                      checked={selected.has(keyOf(d))}
                      onChange={(e) => setSelected((s) => (e.target.checked ? new Set([...s, keyOf(d)]) : new Set([...s].filter((k) => k !== keyOf(d)))))}
                    />
                  </td>
                  <td>
                    <button type="button" className="link" data-testid="decision-open" onClick={() => navigate('coding', d.at !== undefined ? { doc: d.documentId, at: String(d.at) } : { doc: d.documentId })}>
                      {names.get(d.documentId) ?? t('decisions.unknownDocument')}
                    </button>
                    <div className="muted small">
                      {t(d.kind === 'segment' ? 'decisions.passage' : 'decisions.judgement')}
                      {keptKeys.has(keyOf(d)) && ` · ${t('decisions.keptRow', { number: d.fromNumber })}`}
                    </div>
                  </td>
                  <td>{coderName(d.coderId)}</td>
                  <td>{label.variable(d.fromVersionId, d.variableId)}</td>
                  <td data-testid="decision-was">{t('decisions.wasIn', { values: d.oldValueIds.map((id) => label.value(d.fromVersionId, d.variableId, id)).join(', '), number: d.fromNumber })}</td>
                  <td className="small">{reasonText(d, label, t)}</td>
                  <td>
                    <select value={current} onChange={(e) => setChoice((c) => ({ ...c, [keyOf(d)]: e.target.value }))} aria-label={t('decisions.choice')} data-testid="decision-choice">
                      <option value="">{t('decisions.choose')}</option>
                      {allowed.map((c) => (
                        <option key={c} value={c}>
                          {choiceText(d, c)}
                        </option>
                      ))}
                    </select>{' '}
                    <button type="button" disabled={busy || !allowed.includes(current)} onClick={() => void decide([d], () => current)} data-testid="decision-apply">
                      {t('decisions.apply')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface Labels {
  variable: (versionId: string, variableId: string) => string;
  value: (versionId: string, variableId: string, valueId: string) => string;
}

/** Labels from the version a coding was made under (then any other version): never an internal id when a version knows it. */
function labels(byVersion: ReadonlyMap<string, CodebookVersion>, target: CodebookVersion, lang: Language): Labels {
  const find = (versionId: string, variableId: string) =>
    [byVersion.get(versionId), target, ...byVersion.values()].flatMap((v) => (v ? v.content.variables.filter((x) => x.id === variableId) : []))[0];
  return {
    variable: (versionId, variableId) => localize(find(versionId, variableId)?.label, lang) || variableId,
    value: (versionId, variableId, valueId) => {
      for (const version of [byVersion.get(versionId), target, ...byVersion.values()]) {
        const value = version?.content.variables.find((x) => x.id === variableId)?.values.find((x) => x.id === valueId);
        if (value) return localize(value.label, lang);
      }
      return valueId;
    },
  };
}

function reasonText(d: PendingDecision, label: Labels, t: Translate): string {
  const problem = d.problem ? label.value(d.fromVersionId, d.variableId, d.problem) : '';
  switch (d.reason) {
    case 'split':
      return t('decisions.why.split', { value: problem, into: d.candidates.map((id) => label.value('', d.variableId, id)).join(', ') });
    case 'value-removed':
      return t('decisions.why.valueRemoved', { value: problem });
    case 'variable-removed':
      return t('decisions.why.variableRemoved');
    case 'kind-changed':
      return t('decisions.why.kindChanged');
  }
}
