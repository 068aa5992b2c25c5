/**
 * The save indicator: what the coding queue (renderer/coding/history.ts) is doing — "Saving N…"
 * while N writes are pending, "Saved" only once every one committed, a failed write with a
 * retry, and what an undo or redo did when it wrote nothing. `data-state` carries the kind (tests).
 */
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { OverensError } from '../../../src/core';
import type { SaveStatus } from '../../coding/history';

const NOTE_KEYS: Record<string, MessageKey> = {
  'nothing:undo': 'coding.nothingToUndo',
  'nothing:redo': 'coding.nothingToRedo',
  'refused:run': 'coding.refusedRun',
  'refused:undo': 'coding.refusedUndo',
  'refused:redo': 'coding.refusedRedo',
  discarded: 'coding.saveDiscarded',
};

export function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t, lang } = useI18n();
  const kind = status.kind === 'nothing' || status.kind === 'refused' || status.kind === 'discarded' ? 'note' : status.kind;
  let text = '';
  let title: string | undefined;
  if (status.kind === 'saving') text = t('coding.saving', { count: status.pending });
  else if (status.kind === 'saved') text = t('coding.saved');
  else if (status.kind === 'error') {
    text = t('coding.saveError', { count: status.waiting + 1 });
    const reason = status.error instanceof OverensError ? status.error.messageIn(lang) : status.error instanceof Error ? (status.error.message.split('\n')[0] ?? '') : String(status.error);
    title = `${reason}\n${t('coding.saveErrorTitle', { count: status.waiting + 1 })}`;
  } else if (status.kind !== 'idle') text = t(NOTE_KEYS[status.kind === 'discarded' ? 'discarded' : `${status.kind}:${status.which}`]!);
  return (
    <span className={`save-state ${kind}`} data-testid="save-state" data-state={status.kind} title={title} role="status">
      <span className="save-text">{text}</span>
      {status.kind === 'error' && (
        <button type="button" className="small" onClick={onRetry} data-testid="save-retry">
          {t('coding.saveRetry')}
        </button>
      )}
    </span>
  );
}
