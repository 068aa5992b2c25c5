/**
 * The bar above the document: progress, undo/redo, save state, corpus search, blinding. Its slots
 * have fixed widths and are always present (app.css), so it never reflows; the selection's length
 * floats over the document instead (SelectionBadge).
 */
import { useState } from 'react';
import type { Study } from '../../study/useStudy';
import { useI18n } from '../../i18n';
import { BlindingSettings, useBlindingToggle } from './BlindingSettings';
import type { SaveStatus } from '../../coding/history';
import { SaveIndicator } from './SaveIndicator';

export function CodingToolbar(props: {
  study: Study | undefined;
  judged: number;
  total: number;
  canUndo: boolean;
  canRedo: boolean;
  undoRedo: (which: 'undo' | 'redo') => void;
  saveStatus: SaveStatus;
  onRetry: () => void;
  onOpenSearch: () => void;
}) {
  const { t } = useI18n();
  const { study, judged, total, canUndo, canRedo, undoRedo, saveStatus } = props;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const toggle = useBlindingToggle(study);
  return (
    <div className="coding-status">
      <span data-testid="judged-progress">{t('coding.progress', { judged, total })}</span>
      <progress max={total} value={judged} />
      <button type="button" disabled={!canUndo} onClick={() => undoRedo('undo')} data-testid="undo" title="Ctrl+Z">
        {t('coding.undo')}
      </button>
      <button type="button" disabled={!canRedo} onClick={() => undoRedo('redo')} data-testid="redo" title="Ctrl+Shift+Z">
        {t('coding.redo')}
      </button>
      <SaveIndicator status={saveStatus} onRetry={props.onRetry} />
      <button type="button" onClick={props.onOpenSearch} data-testid="open-corpus-search">
        {t('search.open')}
      </button>
      {/* Blinding: the lead switches it (recorded, confirmed when lifted); every other coder sees why it is as it is. */}
      <label className="small" title={toggle.title} data-testid="blind-state" data-reason={study?.blind.reason}>
        <input type="checkbox" checked={study?.blind.blind ?? true} disabled={!toggle.canChange} data-testid="blind-toggle" onChange={(e) => toggle.change(e.target.checked)} /> {t('coding.blind')}{' '}
        {study && <span className="muted small">({t(`blinding.reason.${study.blind.reason}`)})</span>}
      </label>
      {study?.isLead && (
        <button type="button" onClick={() => setSettingsOpen(true)} data-testid="open-blinding">
          {t('blinding.open')}
        </button>
      )}
      {study && <BlindingSettings study={study} open={settingsOpen} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}

/** The selection's length, floating over the document (out of the toolbar's flow). */
export function SelectionBadge({ selection }: { selection: { start: number; end: number } | null }) {
  const { t } = useI18n();
  if (!selection) return null;
  return (
    <span className="badge selection-info" data-testid="selection-info">
      {t('coding.selection', { length: selection.end - selection.start })}
    </span>
  );
}
