/**
 * The bar above the document: progress, undo/redo, save state, corpus search, blinding. Its slots
 * have fixed widths and are always present (app.css), so it never reflows; the selection's length
 * floats over the document instead (SelectionBadge).
 */
import type { Project } from '../../../src/core';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { useStore } from '../../state/store-context';
import type { SaveState } from './useCodingActions';

export function CodingToolbar(props: {
  project: Project;
  judged: number;
  total: number;
  canUndo: boolean;
  canRedo: boolean;
  undoRedo: (which: 'undo' | 'redo') => void;
  saveState: SaveState;
  onOpenSearch: () => void;
  blind: boolean;
}) {
  const { t } = useI18n();
  const store = useStore();
  const { reportError } = useNotices();
  const { project, judged, total, canUndo, canRedo, undoRedo, saveState, blind } = props;
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
      <span className={`save-state ${saveState}`} data-testid="save-state">
        {saveState === 'saving' ? t('coding.saving') : saveState === 'saved' ? t('coding.saved') : saveState === 'error' ? t('coding.saveError') : ''}
      </span>
      <button type="button" onClick={props.onOpenSearch} data-testid="open-corpus-search">
        {t('search.open')}
      </button>
      <label className="small" title={t('coding.blindHelp')}>
        <input
          type="checkbox"
          checked={blind}
          data-testid="blind-toggle"
          onChange={(e) => void store.projects.updateSettings(project.id, { blindCoding: e.target.checked }).catch(reportError)}
        />{' '}
        {t('coding.blind')}
      </label>
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
