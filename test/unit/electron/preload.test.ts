// The preload exposes exactly one function per IPC message as window.overens, each sending its
// own channel — never a generic invoke.
import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../../../src/core/ipc';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => 'ok') },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

await import('../../../electron/preload');

describe('preload bridge', () => {
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (...args: unknown[]) => unknown>];

  it('exposes window.overens with exactly the listed functions', () => {
    expect(name).toBe('overens');
    expect(Object.keys(api).sort()).toEqual(['appVersion', 'openFiles', 'revealInFolder', 'saveFile', 'systemLanguage']);
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
  });

  it('sends each message on its own channel', async () => {
    const bytes = new Uint8Array([1]);
    await api.openFiles!({ multiple: false });
    await api.saveFile!('a.csv', bytes);
    await api.revealInFolder!('/tmp/a.csv');
    await api.appVersion!();
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [IPC.openFiles, { multiple: false }],
      [IPC.saveFile, { suggestedName: 'a.csv', bytes, filters: undefined }],
      [IPC.reveal, { path: '/tmp/a.csv' }],
      [IPC.appVersion],
    ]);
  });
});
