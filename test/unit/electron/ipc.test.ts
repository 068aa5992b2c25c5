// IPC handlers reject malformed arguments and calls from foreign frames, and do their one job
// with good arguments. `electron` is not loaded: handlers get injected dialog/shell/fs.
import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { IPC, MAX_FILE_BYTES } from '../../../src/core/ipc';
import { registerIpcHandlers, type IpcDeps } from '../../../electron/ipc-handlers';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setup(overrides: Partial<IpcDeps> = {}) {
  const handlers = new Map<string, Handler>();
  const deps: IpcDeps = {
    ipcMain: { handle: vi.fn((channel: string, fn: Handler) => void handlers.set(channel, fn)) } as unknown as IpcDeps['ipcMain'],
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/docs/avtal.pdf'] })),
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/out/export.csv' })),
    } as unknown as IpcDeps['dialog'],
    shell: { showItemInFolder: vi.fn() },
    fs: {
      readFile: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
      writeFile: vi.fn(async () => undefined),
      stat: vi.fn(async () => ({ size: 4, mtimeMs: 5 })),
    },
    appVersion: () => '0.1.0',
    locale: () => 'sv-SE',
    ...overrides,
  };
  registerIpcHandlers(deps);
  const call = (channel: string, arg?: unknown, url = 'app://overens/index.html') =>
    handlers.get(channel)!({ senderFrame: { url } } as unknown as IpcMainInvokeEvent, arg);
  return { deps, handlers, call };
}

describe('IPC handlers', () => {
  it('registers exactly one handler per message', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC).sort());
  });

  it('refuse calls that do not come from the app:// page', async () => {
    const { call } = setup();
    for (const channel of Object.values(IPC)) {
      await expect(call(channel, {}, 'https://example.org/')).rejects.toThrow(/did not come from the Överens app/);
    }
  });

  it('open files: reads the chosen files, returns [] when cancelled, refuses bad options and huge files', async () => {
    const { call, deps } = setup();
    expect(await call(IPC.openFiles, { multiple: true, filters: [{ name: 'PDF', extensions: ['pdf'] }] })).toEqual([{ name: 'avtal.pdf', bytes: new Uint8Array([37, 80, 68, 70]), lastModified: 5 }]);
    await expect(call(IPC.openFiles, { multiple: 'yes' })).rejects.toThrow(/dialog:open-files: invalid arguments — multiple/);
    await expect(call(IPC.openFiles, { filters: [{ name: 'x', extensions: ['.pdf'] }] })).rejects.toThrow(/extension without dot/);
    await expect(call(IPC.openFiles, { unexpected: 1 })).rejects.toThrow(/invalid arguments/);
    vi.mocked(deps.dialog.showOpenDialog).mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call(IPC.openFiles, {})).toEqual([]);
    vi.mocked(deps.fs.stat).mockResolvedValueOnce({ size: MAX_FILE_BYTES + 1, mtimeMs: 0 });
    await expect(call(IPC.openFiles, {})).rejects.toThrow(/avtal\.pdf: the file is 512 MB/);
  });

  it('save file: writes where the user chose, and refuses paths as names or non-bytes', async () => {
    const { call, deps } = setup();
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await call(IPC.saveFile, { suggestedName: 'export.csv', bytes })).toEqual({ saved: true, path: '/out/export.csv' });
    expect(deps.fs.writeFile).toHaveBeenCalledWith('/out/export.csv', bytes);
    await expect(call(IPC.saveFile, { suggestedName: '../../etc/passwd', bytes })).rejects.toThrow(/a file name, not a path/);
    await expect(call(IPC.saveFile, { suggestedName: 'a.csv', bytes: 'text' })).rejects.toThrow(/invalid arguments/);
    await expect(call(IPC.saveFile, undefined)).rejects.toThrow(/invalid arguments/);
    vi.mocked(deps.dialog.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(IPC.saveFile, { suggestedName: 'a.csv', bytes })).toEqual({ saved: false });
  });

  it('reveal, version and locale', async () => {
    const { call, deps } = setup();
    await call(IPC.reveal, { path: '/out/export.csv' });
    expect(deps.shell.showItemInFolder).toHaveBeenCalledWith('/out/export.csv');
    await expect(call(IPC.reveal, { path: 42 })).rejects.toThrow(/invalid arguments/);
    await expect(call(IPC.reveal, { path: '' })).rejects.toThrow(/invalid arguments/);
    expect(await call(IPC.appVersion)).toBe('0.1.0');
    expect(await call(IPC.locale)).toBe('sv-SE');
  });
});
