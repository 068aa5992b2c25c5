// The preload exposes exactly one function per IPC message as window.overens, each sending its
// own channel — never a generic invoke — and reads the system language main passed to it.
import { describe, expect, it, vi } from 'vitest';
import { IPC, LANGUAGE_SWITCH } from '../../../src/core/ipc';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => 'ok'), send: vi.fn(), sendSync: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

const { languageFromArgv } = await import('../../../electron/preload');

describe('preload bridge', () => {
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (...args: unknown[]) => unknown>];

  it('exposes window.overens with exactly the listed functions, once', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(name).toBe('overens');
    expect(Object.keys(api).sort()).toEqual(['appVersion', 'backupFolder', 'chooseBackupFolder', 'openFiles', 'revealInFolder', 'saveFile', 'systemLanguage', 'writeBackup']);
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
  });

  it('sends each message on its own channel, with the arguments main validates', async () => {
    const bytes = new Uint8Array([1]);
    const filters = [{ name: 'CSV', extensions: ['csv'] }];
    await api.openFiles!({ multiple: false });
    await api.openFiles!();
    await api.saveFile!('a.csv', bytes);
    await api.saveFile!('a.csv', bytes, filters);
    await api.revealInFolder!('/tmp/a.csv');
    await api.appVersion!();
    await api.backupFolder!();
    await api.chooseBackupFolder!();
    await api.writeBackup!({ fileName: 'P-20261201-120000.overens-backup.zip', bytes, keep: 5 });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [IPC.openFiles, { multiple: false }],
      [IPC.openFiles, {}],
      [IPC.saveFile, { suggestedName: 'a.csv', bytes }],
      [IPC.saveFile, { suggestedName: 'a.csv', bytes, filters }],
      [IPC.reveal, { path: '/tmp/a.csv' }],
      [IPC.appVersion],
      [IPC.backupFolder],
      [IPC.chooseBackupFolder],
      [IPC.writeBackup, { fileName: 'P-20261201-120000.overens-backup.zip', bytes, keep: 5 }],
    ]);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('takes the system language from the switch main passes, else the browser language', () => {
    expect(languageFromArgv(['/electron', '--type=renderer', `${LANGUAGE_SWITCH}sv-SE`], 'en-US')).toBe('sv-SE');
    expect(languageFromArgv(['/electron', '--type=renderer'], 'en-US')).toBe('en-US');
    expect(languageFromArgv([`${LANGUAGE_SWITCH}`], 'en-US')).toBe('en-US');
    expect(languageFromArgv([`${LANGUAGE_SWITCH}sv SE;x`], 'en-US')).toBe('en-US');
  });
});
