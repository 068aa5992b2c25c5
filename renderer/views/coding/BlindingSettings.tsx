/**
 * Blinding as the project lead sets it: for the independent coding stage and the consensus
 * review, the current stage, and per coder. Only the lead can change it (the store refuses anyone
 * else); lifting blinding asks first, and every change is recorded (store.study.setBlinding) and
 * stated in the report. Whatever is set, a coder with open reliability assignments stays blind.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { BlindingChange } from '../../../src/store';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { useStore } from '../../state/store-context';
import type { Study } from '../../study/useStudy';

/** Apply a change as the active coder; lifting blinding (making someone see others' codings) is confirmed first. */
function useApply(study: Study | undefined) {
  const { t } = useI18n();
  const store = useStore();
  const { reportError, inform } = useNotices();
  return (change: BlindingChange, lifts: boolean) => {
    if (!study?.activeCoder) return;
    if (lifts && !window.confirm(t('blinding.confirmUnblind'))) return;
    store.study.setBlinding(study.project.id, study.activeCoder.id, change).then(() => inform('blinding.saved'), reportError);
  };
}

/** The toolbar's check box: for the lead it changes what currently decides their blinding. */
export function useBlindingToggle(study: Study | undefined) {
  const { t } = useI18n();
  const apply = useApply(study);
  const leadName = study?.coders.find((c) => c.id === study.lead)?.name ?? '—';
  const canChange = Boolean(study?.isLead) && study?.blind.reason !== 'reliability';
  const change = (blind: boolean) => {
    if (!study || !canChange) return;
    const reason = study.blind.reason;
    const scope: BlindingChange = reason === 'coder' ? { scope: 'coder', coderId: study.activeCoder!.id, blind } : { scope: reason === 'review' ? 'review' : 'coding', blind };
    apply(scope, !blind);
  };
  const title = study?.blind.reason === 'reliability' ? t('blinding.always') : canChange ? t('coding.blindHelp') : t('blinding.onlyLead', { lead: leadName });
  return { canChange, change, title };
}

export function BlindingSettings({ study, open, onClose }: { study: Study; open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const store = useStore();
  const apply = useApply(study);
  const events = useLiveQuery(async () => store.study.blindingEvents(study.project.id), [store, study.project.id]) ?? [];
  const s = study.project.settings;
  const stage = s.stage ?? 'coding';
  const name = (id: string | undefined) => study.coders.find((c) => c.id === id)?.name ?? '—';
  return (
    <Dialog open={open} title={t('blinding.title')} onClose={onClose} testId="blinding-settings" actions={<button type="button" onClick={onClose}>{t('common.close')}</button>}>
      <label className="field small">
        {t('blinding.stage')}{' '}
        <select value={stage} onChange={(e) => apply({ scope: 'stage', stage: e.target.value === 'review' ? 'review' : 'coding' }, e.target.value === 'review' && !(s.blindInReview ?? false))} data-testid="blinding-stage">
          <option value="coding">{t('blinding.stage.coding')}</option>
          <option value="review">{t('blinding.stage.review')}</option>
        </select>
      </label>
      <label className="small field">
        <input type="checkbox" checked={s.blindCoding} onChange={(e) => apply({ scope: 'coding', blind: e.target.checked }, !e.target.checked)} data-testid="blinding-coding" /> {t('blinding.codingBlind')}
      </label>
      <label className="small field">
        <input type="checkbox" checked={s.blindInReview ?? false} onChange={(e) => apply({ scope: 'review', blind: e.target.checked }, !e.target.checked)} data-testid="blinding-review" /> {t('blinding.reviewBlind')}
      </label>
      {study.humans.map((c) => {
        const own = s.blindCoders?.[c.id];
        return (
          <label key={c.id} className="small field">
            {t('blinding.coder', { coder: c.name })}{' '}
            <select
              value={own === undefined ? 'stage' : own ? 'blind' : 'open'}
              onChange={(e) => apply({ scope: 'coder', coderId: c.id, blind: e.target.value === 'stage' ? null : e.target.value === 'blind' }, e.target.value === 'open')}
              data-testid="blinding-coder"
            >
              <option value="stage">{t('blinding.coderStage')}</option>
              <option value="blind">{t('blinding.coderBlind')}</option>
              <option value="open">{t('blinding.coderOpen')}</option>
            </select>
          </label>
        );
      })}
      <p className="small muted">{t('blinding.always')}</p>
      {events.length > 0 && (
        <>
          <h3 className="small">{t('blinding.log')}</h3>
          <ul className="problem-list small" data-testid="blinding-log">
            {events.map((e) => (
              <li key={e.id}>
                {new Date(e.at).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB')} · {name(e.byCoderId)} · {e.scope}
                {e.coderId ? ` (${name(e.coderId)})` : ''}: {e.from} → {e.to}
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
