/**
 * Closing or reloading the window while coding writes are still queued or have failed would lose
 * them: the page asks first. While the coding queue (history.ts) is saving or stopped at a failed
 * write, `beforeunload` is cancelled — the browser then asks "Leave site?", and in the desktop app
 * the main process asks with its own dialog (electron/leave-dialog.ts). With nothing pending the
 * window closes as usual.
 */
import type { History, SaveStatus } from './history';

/** True while leaving would lose a coding: writes queued or running, or one that failed. */
export function leavingLosesWrites(status: SaveStatus): boolean {
  return status.kind === 'saving' || status.kind === 'error';
}

type UnloadTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/** Guard `target` (the window) for `history`; returns the function that removes the guard. */
export function guardLeaving(history: Pick<History, 'status'>, target: UnloadTarget = window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!leavingLosesWrites(history.status)) return;
    // Enough for Chromium (119 on, so every Electron the app supports), Firefox and Safari.
    event.preventDefault();
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
