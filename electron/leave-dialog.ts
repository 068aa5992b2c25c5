/**
 * The desktop side of the renderer's leave guard (renderer/coding/leave-guard.ts): when the page
 * cancels `beforeunload` because coding writes are pending or failed, Electron only reports it
 * ('will-prevent-unload') and keeps the window open. Ask the user, in both languages as the
 * app's other native dialogs do: stay (the default) or close anyway.
 */
import type { BrowserWindow, Dialog, Event } from 'electron';

export const LEAVE_DIALOG = {
  type: 'warning' as const,
  buttons: ['Stanna kvar / Stay', 'Stäng ändå / Close anyway'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
  title: 'Överens',
  message: 'Kodningar sparas fortfarande eller kunde inte sparas. / Codings are still being saved, or could not be saved.',
  detail: 'Stängs fönstret nu går de förlorade. Stanna kvar tills det står ”Sparat”, eller försök spara igen. / If the window closes now they are lost. Stay until it says “Saved”, or retry the save.',
};

/** Ask on every cancelled unload of `win`; "close anyway" lets the unload go on. */
export function confirmLeaving(win: BrowserWindow, dialog: Pick<Dialog, 'showMessageBoxSync'>): void {
  win.webContents.on('will-prevent-unload', (event: Event) => {
    if (dialog.showMessageBoxSync(win, LEAVE_DIALOG) === 1) event.preventDefault();
  });
}
