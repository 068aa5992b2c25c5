/**
 * One disagreement in the review: the coders' judgements side by side in a fixed order, each with
 * its memo and its evidence passages as quotes (a click opens the passage in the viewer); then the
 * consensus — a form to set it, or the consensus in force with "change" and "withdraw", a note when
 * a changed judgement re-opened it, and its history (who, when, why).
 */
import { forwardRef } from 'react';
import { localize, type ConsensusEvent, type Segment, type Variable } from '../../../src/core';
import { useI18n } from '../../i18n';
import { navigate } from '../../state/route';
import type { DisagreementItem as Item } from './disagreements';

export interface ConsensusDraft {
  valueIds: string[];
  reason: string;
  /** Editing an existing consensus (change), or withdrawing it. */
  mode: 'set' | 'withdraw';
}

export const DisagreementItem = forwardRef<HTMLLIElement, {
  item: Item;
  current: boolean;
  coderName: (id: string) => string;
  evidence: ReadonlyMap<string, Segment>;
  history: readonly ConsensusEvent[];
  draft: ConsensusDraft | undefined;
  editing: boolean;
  onDraft: (draft: ConsensusDraft) => void;
  onEdit: (editing: boolean) => void;
  onSubmit: () => void;
  onFocus: () => void;
}>(function DisagreementItem(props, ref) {
  const { t, lang } = useI18n();
  const { item, draft, coderName } = props;
  const v = item.variable;
  const valueLabel = (variable: Variable, ids: readonly string[]) => ids.map((id) => localize(variable.values.find((x) => x.id === id)?.label, lang)).join(', ') || '—';
  const when = (at: number) => new Date(at).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');
  const showForm = !item.consensus || props.editing || item.state === 'reopened';
  const set = (patch: Partial<ConsensusDraft>) => props.onDraft({ valueIds: draft?.valueIds ?? [], reason: draft?.reason ?? '', mode: draft?.mode ?? 'set', ...patch });
  return (
    <li ref={ref} data-testid="disagreement" data-state={item.state} className={`disagreement${props.current ? ' current' : ''}`} onFocus={props.onFocus} onClick={props.onFocus} tabIndex={-1}>
      <div className="disagree-head">
        <button type="button" className="link" onClick={() => navigate('coding', { doc: item.documentId })}>
          {item.fileName}
        </button>{' '}
        · <strong>{localize(v.label, lang)}</strong> <span className={`badge state-${item.state}`} data-testid="disagree-state">{t(`disagree.status.${item.state === 'reopened' ? 'open' : item.state}`)}</span>
      </div>
      <div className="disagree-sides" style={{ gridTemplateColumns: `repeat(${item.sides.length}, minmax(0, 1fr))` }}>
        {item.sides.map(({ coderId, judgement: j }) => (
          <div key={coderId} className="side" data-testid="disagree-side">
            <div className="small muted" data-testid="disagree-coder">{coderName(coderId)}</div>
            <div data-testid="disagree-value">{j ? valueLabel(v, j.valueIds) : '—'}</div>
            {j?.memo && <div className="small">“{j.memo}”</div>}
            <ul className="evidence" data-testid="disagree-evidence">
              {(j?.evidenceSegmentIds ?? []).flatMap((id) => {
                const s = props.evidence.get(id);
                return s ? [s] : [];
              }).map((s) => (
                <li key={s.id}>
                  <button type="button" className="link quote" onClick={() => navigate('coding', { doc: s.documentId, at: String(s.selector.position.start) })} data-testid="evidence-quote">
                    “{s.selector.quote.exact.length > 160 ? `${s.selector.quote.exact.slice(0, 160)}…` : s.selector.quote.exact}”
                  </button>
                  {s.selector.page && <span className="small muted"> {t('disagree.page', { page: s.selector.page })}</span>}
                </li>
              ))}
              {j && j.evidenceSegmentIds.length === 0 && <li className="small muted">{t('disagree.evidenceNone')}</li>}
            </ul>
          </div>
        ))}
      </div>
      {item.reopened && (
        <p className="small notice" data-testid="disagree-reopened">
          {t('disagree.reopened', {
            changes: item.reopened.changes.map((c) => `${coderName(c.coderId)}: ${valueLabel(v, c.from)} → ${valueLabel(v, c.to)}`).join('; '),
            value: valueLabel(v, item.reopened.valueIds),
            reason: item.reopened.reason,
          })}
        </p>
      )}
      {item.consensus && item.state === 'resolved' && !props.editing && (
        <div className="toolbar">
          <p className="small" data-testid="consensus">
            {t('disagree.consensus', { value: valueLabel(v, item.consensus.valueIds), reason: item.consensus.resolution?.reason ?? '' })}
          </p>
          <button type="button" onClick={() => {
              props.onEdit(true);
              set({ mode: 'set', valueIds: item.consensus!.valueIds, reason: '' });
            }} data-testid="change-consensus">
            {t('disagree.change')}
          </button>
          <button type="button" onClick={() => {
              props.onEdit(true);
              set({ mode: 'withdraw', reason: '' });
            }} data-testid="withdraw-consensus">
            {t('disagree.withdraw')}
          </button>
        </div>
      )}
      {showForm && (
        <div className="toolbar">
          {draft?.mode !== 'withdraw' &&
            (v.kind === 'multi' ? (
              // Several values: the consensus is a set, chosen with check boxes.
              <span role="group" aria-label={t('disagree.value')} data-testid="consensus-values">
                {v.values.map((x) => (
                  <label key={x.id} className="small">
                    <input
                      type="checkbox"
                      checked={draft?.valueIds.includes(x.id) ?? false}
                      onChange={(e) => set({ valueIds: e.target.checked ? [...(draft?.valueIds ?? []), x.id] : (draft?.valueIds ?? []).filter((id) => id !== x.id) })}
                    />{' '}
                    {localize(x.label, lang)}
                  </label>
                ))}
              </span>
            ) : (
              <select value={draft?.valueIds[0] ?? ''} onChange={(e) => set({ valueIds: e.target.value ? [e.target.value] : [] })} data-testid="consensus-value" aria-label={t('disagree.value')}>
                <option value="">{t('disagree.value')}</option>
                {v.values.map((x, i) => (
                  <option key={x.id} value={x.id}>
                    {i < 9 ? `${i + 1} ` : ''}
                    {localize(x.label, lang)}
                  </option>
                ))}
              </select>
            ))}
          <input
            placeholder={draft?.mode === 'withdraw' ? t('disagree.withdrawReason') : t('disagree.reason')}
            aria-label={draft?.mode === 'withdraw' ? t('disagree.withdrawReason') : t('disagree.reason')}
            value={draft?.reason ?? ''}
            onChange={(e) => set({ reason: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                props.onSubmit();
              }
            }}
            data-testid="consensus-reason"
          />
          <button
            type="button"
            className="primary"
            disabled={!draft?.reason.trim() || (draft.mode !== 'withdraw' && !draft.valueIds.length)}
            onClick={props.onSubmit}
            data-testid={draft?.mode === 'withdraw' ? 'confirm-withdraw' : 'resolve'}
          >
            {draft?.mode === 'withdraw' ? t('disagree.withdraw') : t('disagree.resolve')}
          </button>
          {props.editing && (
            <button type="button" onClick={() => props.onEdit(false)}>
              {t('disagree.cancel')}
            </button>
          )}
        </div>
      )}
      {props.history.length > 0 && (
        <details className="small" data-testid="consensus-history">
          <summary>{t('disagree.history', { count: props.history.length })}</summary>
          <ol>
            {props.history.map((e) => (
              <li key={e.id}>
                {when(e.at)} · {t(`disagree.action.${e.action}`)}
                {e.valueIds.length > 0 && `: ${valueLabel(v, e.valueIds)}`}
                {e.byCoderId && ` (${coderName(e.byCoderId)})`} — {e.action === 'reopened' ? e.coderIds.reduce((text, id) => text.split(id).join(coderName(id)), e.reason) : e.reason}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
});
