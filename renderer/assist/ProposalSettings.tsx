/**
 * The lead's switch and threshold for the assist model's proposals. Only the lead can change them
 * (the store refuses anyone else); every change is recorded (store.study.setProposals) and stated
 * in the report. Everyone else sees the settings and who decides them.
 */
import { useState } from 'react';
import { proposalSettings } from '../../src/core/assist';
import { formatCoefficient } from '../../src/core/number-format';
import { useI18n } from '../i18n';
import { useNotices } from '../state/errors';
import { useStore } from '../state/store-context';
import type { Study } from '../study/useStudy';

export function ProposalSettings({ study }: { study: Study }) {
  const { t, lang } = useI18n();
  const store = useStore();
  const { reportError, inform } = useNotices();
  const settings = proposalSettings(study.project.settings);
  const [draft, setDraft] = useState<string | null>(null);
  const lead = study.coders.find((c) => c.id === study.lead)?.name ?? '—';
  const change = (c: { enabled: boolean } | { threshold: number }) => {
    if (!study.activeCoder) return;
    store.study.setProposals(study.project.id, study.activeCoder.id, c).then(() => inform('assist.settings.saved'), reportError);
  };
  const commit = () => {
    if (draft === null) return;
    const value = Number(draft.replace(',', '.'));
    setDraft(null);
    change({ threshold: value });
  };
  return (
    <div className="toolbar" data-testid="proposal-settings">
      <label className="small" title={study.isLead ? undefined : t('assist.settings.onlyLead', { lead })}>
        <input type="checkbox" checked={settings.enabled} disabled={!study.isLead} data-testid="proposals-enabled" onChange={(e) => change({ enabled: e.target.checked })} /> {t('assist.settings.enabled')}
      </label>
      <label className="small">
        {t('assist.settings.threshold')}{' '}
        <input
          type="text"
          inputMode="decimal"
          size={6}
          disabled={!study.isLead}
          value={draft ?? formatCoefficient(settings.threshold, lang)}
          data-testid="proposal-threshold"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      </label>
      {!study.isLead && <span className="muted small">{t('assist.settings.onlyLead', { lead })}</span>}
    </div>
  );
}
