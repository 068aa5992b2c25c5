// IPC handlers reject malformed arguments and calls from foreign frames, and do their one job
// with good arguments. `electron` is not loaded: handlers get injected dialog/shell/fs. Errors
// travel as encodeIpcError payloads (code + Swedish + English), decoded here as the renderer does.
import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { IPC, MAX_FILE_BYTES, MAX_OPEN_TOTAL_BYTES, decodeIpcError, encodeIpcError, stripIpcPrefix } from '../../../src/core/ipc';
import { IpcError, registerIpcHandlers, type IpcDeps } from '../../../electron/ipc-handlers';
import { backupFileName } from '../../../renderer/state/auto-backup';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** A Uint8Array that claims to be larger than it is, to test size limits without allocating them. */
class HugeBytes extends Uint8Array {
  constructor(private readonly claimed: number) {
    super(1);
  }
  override get byteLength(): number {
    return this.claimed;
  }
}

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
      readdir: vi.fn(async () => []),
      rename: vi.fn(async () => undefined),
      unlink: vi.fn(async () => undefined),
    },
    appVersion: () => '0.1.0',
    locale: () => 'sv-SE',
    settingsPath: '/user/settings.json',
    ...overrides,
  };
  registerIpcHandlers(deps);
  const callFrom = (url: string | undefined, channel: string, ...args: unknown[]) =>
    handlers.get(channel)!({ senderFrame: url === undefined ? null : { url } } as unknown as IpcMainInvokeEvent, ...args);
  const call = (channel: string, ...args: unknown[]) => callFrom('app://overens/index.html', channel, ...args);
  return { deps, handlers, call, callFrom };
}

/** The rejection's decoded payload (what the renderer shows). */
async function rejection(promise: Promise<unknown>): Promise<{ code: string; sv: string; en: string }> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IpcError);
  const payload = decodeIpcError((error as Error).message);
  expect(payload).not.toBeNull();
  return { code: payload!.code, ...payload!.userMessage };
}

describe('IPC handlers', () => {
  it('registers exactly one handler per message', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC).sort());
  });

  it('refuse calls that do not come from the app:// page, in both languages', async () => {
    const { callFrom, deps } = setup();
    for (const url of ['https://example.org/', 'file:///tmp/x.html', 'app://evil/index.html', undefined]) {
      for (const channel of Object.values(IPC)) {
        const error = await rejection(callFrom(url, channel, {}));
        expect(error.code).toBe('ipc-foreign-sender');
        expect(error.en).toMatch(/did not come from the Överens app/);
        expect(error.sv).toMatch(/kom inte från Överens/);
      }
    }
    expect(deps.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('open files: reads the chosen files and returns [] when cancelled', async () => {
    const { call, deps } = setup();
    expect(await call(IPC.openFiles, { multiple: true, filters: [{ name: 'PDF', extensions: ['pdf'] }] })).toEqual([{ name: 'avtal.pdf', bytes: new Uint8Array([37, 80, 68, 70]), lastModified: 5 }]);
    expect(deps.dialog.showOpenDialog).toHaveBeenCalledWith({ title: undefined, filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['openFile', 'multiSelections'] });
    expect(await call(IPC.openFiles)).toHaveLength(1);
    await call(IPC.openFiles, { multiple: false });
    expect(vi.mocked(deps.dialog.showOpenDialog).mock.calls.at(-1)).toEqual([{ title: undefined, filters: undefined, properties: ['openFile'] }]);
    vi.mocked(deps.dialog.showOpenDialog).mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call(IPC.openFiles, {})).toEqual([]);
  });

  it('open files: makes the dialog modal to the calling window when there is one', async () => {
    const parent = { id: 1 };
    const { call, deps } = setup({ windowFor: () => parent as never });
    await call(IPC.openFiles, {});
    expect(vi.mocked(deps.dialog.showOpenDialog).mock.calls[0]![0]).toBe(parent);
  });

  it('open files: refuses malformed options', async () => {
    const { call, deps } = setup();
    for (const bad of [
      { multiple: 'yes' },
      { filters: [{ name: 'x', extensions: ['.pdf'] }] },
      { filters: [{ name: 'x', extensions: [] }] },
      { filters: 'pdf' },
      { title: 42 },
      { title: 'x'.repeat(201) },
      { unexpected: 1 },
      'pdf',
      42,
      null,
      [],
    ]) {
      const error = await rejection(call(IPC.openFiles, bad));
      expect(error.code, JSON.stringify(bad)).toBe('ipc-invalid-arguments');
      expect(error.en).toMatch(/^dialog:open-files: invalid arguments — /);
      expect(error.sv).toMatch(/^dialog:open-files: ogiltiga argument — /);
    }
    expect((await rejection(call(IPC.openFiles, {}, 'extra'))).code).toBe('ipc-invalid-arguments');
    expect(deps.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('open files: refuses files over the size limit, naming the file, before reading them', async () => {
    const { call, deps } = setup();
    vi.mocked(deps.fs.stat).mockResolvedValueOnce({ size: MAX_FILE_BYTES + 1, mtimeMs: 0 });
    const error = await rejection(call(IPC.openFiles, {}));
    expect(error).toEqual({
      code: 'file-too-large',
      sv: 'avtal.pdf: filen är 513 MB; Överens öppnar filer på högst 512 MB.',
      en: 'avtal.pdf: the file is 513 MB; Överens opens files up to 512 MB.',
    });
    expect(deps.fs.readFile).not.toHaveBeenCalled();
  });

  it('open files: refuses a file that grew past the limit after stat, and a selection too large in total', async () => {
    const { call, deps } = setup();
    vi.mocked(deps.fs.readFile).mockResolvedValueOnce(new HugeBytes(MAX_FILE_BYTES + 1) as Uint8Array<ArrayBuffer>);
    expect((await rejection(call(IPC.openFiles, {}))).code).toBe('file-too-large');
    const three = Math.ceil(MAX_OPEN_TOTAL_BYTES / 3) + 1;
    vi.mocked(deps.dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: ['/a.pdf', '/b.pdf', '/c.pdf'] });
    vi.mocked(deps.fs.readFile).mockImplementation(async () => new HugeBytes(three) as Uint8Array<ArrayBuffer>);
    expect((await rejection(call(IPC.openFiles, {}))).code).toBe('files-too-large');
  });

  it('open files: turns a read failure into a message naming the file', async () => {
    const { call, deps } = setup();
    vi.mocked(deps.fs.readFile).mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    const error = await rejection(call(IPC.openFiles, {}));
    expect(error.code).toBe('file-unreadable');
    expect(error.en).toBe('avtal.pdf: the file could not be read (EACCES: permission denied).');
    expect(error.sv).toBe('avtal.pdf: filen kunde inte läsas (EACCES: permission denied).');
  });

  it('save file: writes where the user chose, and returns saved: false when cancelled', async () => {
    const { call, deps } = setup();
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await call(IPC.saveFile, { suggestedName: 'export.csv', bytes, filters: [{ name: 'CSV', extensions: ['csv'] }] })).toEqual({ saved: true, path: '/out/export.csv' });
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith({ defaultPath: 'export.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(deps.fs.writeFile).toHaveBeenCalledWith('/out/export.csv', bytes);
    vi.mocked(deps.dialog.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(IPC.saveFile, { suggestedName: 'a.csv', bytes })).toEqual({ saved: false });
  });

  it('save file: refuses paths as names, non-bytes, missing fields and oversized data', async () => {
    const { call, deps } = setup();
    const bytes = new Uint8Array([1, 2, 3]);
    for (const bad of [
      { suggestedName: '../../etc/passwd', bytes },
      { suggestedName: 'C:\\Windows\\x.dll', bytes },
      { suggestedName: '..', bytes },
      { suggestedName: '', bytes },
      { suggestedName: 'x'.repeat(256), bytes },
      { suggestedName: 'a.csv', bytes: 'text' },
      { suggestedName: 'a.csv', bytes: [1, 2, 3] },
      { suggestedName: 'a.csv', bytes: new ArrayBuffer(3) },
      { suggestedName: 'a.csv' },
      { bytes },
      { suggestedName: 'a.csv', bytes, filters: [{ name: 'CSV' }] },
      { suggestedName: 'a.csv', bytes, path: '/etc/passwd' },
      undefined,
      'a.csv',
    ]) {
      expect((await rejection(call(IPC.saveFile, bad))).code).toBe('ipc-invalid-arguments');
    }
    const huge = await rejection(call(IPC.saveFile, { suggestedName: 'a.csv', bytes: new HugeBytes(MAX_FILE_BYTES + 1) }));
    expect(huge.en).toMatch(/bytes: file too large/);
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.fs.writeFile).not.toHaveBeenCalled();
  });

  it('save file: turns a write failure into a message naming the path', async () => {
    const { call, deps } = setup();
    vi.mocked(deps.fs.writeFile).mockRejectedValueOnce(new Error('ENOSPC: no space left on device'));
    const error = await rejection(call(IPC.saveFile, { suggestedName: 'a.csv', bytes: new Uint8Array([1]) }));
    expect(error.code).toBe('file-unwritable');
    expect(error.en).toBe('/out/export.csv: the file could not be saved (ENOSPC: no space left on device).');
  });

  it('reveal: shows only files this session saved, and refuses malformed paths', async () => {
    const { call, deps } = setup();
    expect((await rejection(call(IPC.reveal, { path: '/out/export.csv' }))).code).toBe('reveal-unknown-path');
    await call(IPC.saveFile, { suggestedName: 'export.csv', bytes: new Uint8Array([1]) });
    await call(IPC.reveal, { path: '/out/export.csv' });
    expect(deps.shell.showItemInFolder).toHaveBeenCalledWith('/out/export.csv');
    expect((await rejection(call(IPC.reveal, { path: '/etc/passwd' }))).code).toBe('reveal-unknown-path');
    expect((await rejection(call(IPC.reveal, { path: 'export.csv' }))).code).toBe('reveal-unknown-path');
    for (const bad of [{ path: 42 }, { path: '' }, { path: 'x'.repeat(4097) }, { path: '/out/export.csv\0' }, {}, '/out/export.csv', undefined]) {
      expect((await rejection(call(IPC.reveal, bad))).code).toBe('ipc-invalid-arguments');
    }
    expect(deps.shell.showItemInFolder).toHaveBeenCalledTimes(1);
  });

  it('version and locale answer, and take no arguments', async () => {
    const { call } = setup();
    expect(await call(IPC.appVersion)).toBe('0.1.0');
    expect(await call(IPC.locale)).toBe('sv-SE');
    expect((await rejection(call(IPC.appVersion, 'x'))).code).toBe('ipc-invalid-arguments');
    expect((await rejection(call(IPC.locale, {}))).code).toBe('ipc-invalid-arguments');
  });
});

/** An in-memory file system with folders, for the backup-folder handlers. */
function memoryFs(files = new Map<string, Uint8Array>()): IpcDeps['fs'] & { files: Map<string, Uint8Array> } {
  const missing = (p: string) => Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
  return {
    files,
    readFile: async (p) => {
      const bytes = files.get(p);
      if (!bytes) throw missing(p);
      return new Uint8Array(bytes);
    },
    writeFile: async (p, data) => void files.set(p, new Uint8Array(data)),
    stat: async (p) => ({ size: files.get(p)?.byteLength ?? 0, mtimeMs: 0 }),
    readdir: async (dir) => [...files.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1)),
    rename: async (from, to) => {
      const bytes = files.get(from);
      if (!bytes) throw missing(from);
      files.delete(from);
      files.set(to, bytes);
    },
    unlink: async (p) => {
      if (!files.delete(p)) throw missing(p);
    },
  };
}

describe('automatic backups into a folder', () => {
  const name = (stem: string, stamp: string) => `${stem}-${stamp}.overens-backup.zip`;

  it('refuses to write before a folder is chosen; the chosen folder is remembered in the settings file', async () => {
    const fs = memoryFs();
    const { call } = setup({ fs, dialog: { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/backups'] })), showSaveDialog: vi.fn() } as unknown as IpcDeps['dialog'] });
    expect(await call(IPC.backupFolder)).toEqual({ folder: null });
    expect((await rejection(call(IPC.writeBackup, { fileName: name('Studie-ab12cd34', '20261201-120000'), bytes: new Uint8Array([1]), keep: 3 }))).code).toBe('backup-no-folder');
    expect(await call(IPC.chooseBackupFolder)).toEqual({ folder: '/backups' });
    expect(JSON.parse(new TextDecoder().decode(fs.files.get('/user/settings.json')))).toEqual({ backupFolder: '/backups' });
    expect(fs.files.has('/user/settings.json.partial')).toBe(false);
    // A second handler set (the next start of the app) reads it back.
    const next = setup({ fs });
    expect(await next.call(IPC.backupFolder)).toEqual({ folder: '/backups' });
  });

  it('a damaged or hand-edited settings file means "no folder chosen", and choosing again repairs it', async () => {
    for (const content of ['{not json', JSON.stringify({ backupFolder: 'relative/path' }), JSON.stringify({ backupFolder: 42 }), 'null']) {
      const fs = memoryFs(new Map([['/user/settings.json', new TextEncoder().encode(content)]]));
      const { call } = setup({ fs, dialog: { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/backups'] })), showSaveDialog: vi.fn() } as unknown as IpcDeps['dialog'] });
      expect(await call(IPC.backupFolder)).toEqual({ folder: null });
      expect((await rejection(call(IPC.writeBackup, { fileName: name('S', '20261201-120000'), bytes: new Uint8Array([1]), keep: 3 }))).code).toBe('backup-no-folder');
      expect(await call(IPC.chooseBackupFolder)).toEqual({ folder: '/backups' });
      expect(await call(IPC.backupFolder)).toEqual({ folder: '/backups' });
    }
  });

  it('a cancelled folder dialog keeps the folder in use', async () => {
    const fs = memoryFs(new Map([['/user/settings.json', new TextEncoder().encode(JSON.stringify({ backupFolder: '/backups' }))]]));
    const { call } = setup({ fs, dialog: { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })), showSaveDialog: vi.fn() } as unknown as IpcDeps['dialog'] });
    expect(await call(IPC.chooseBackupFolder)).toEqual({ folder: '/backups' });
  });

  it('writes through a .partial file and keeps the newest `keep` backups of the same project', async () => {
    const fs = memoryFs(new Map([['/user/settings.json', new TextEncoder().encode(JSON.stringify({ backupFolder: '/backups' }))]]));
    fs.files.set(`/backups/${name('Annan-99999999', '20260101-000000')}`, new Uint8Array([9]));
    fs.files.set('/backups/notes.txt', new Uint8Array([9]));
    const { call } = setup({ fs });
    const stamps = ['20261201-080000', '20261201-090000', '20261201-100000', '20261201-110000'];
    let last: unknown;
    for (const stamp of stamps) last = await call(IPC.writeBackup, { fileName: name('Studie-ab12cd34', stamp), bytes: new Uint8Array([1, 2]), keep: 2 });
    expect(last).toEqual({ path: `/backups/${name('Studie-ab12cd34', '20261201-110000')}`, removed: [name('Studie-ab12cd34', '20261201-090000')] });
    expect([...fs.files.keys()].filter((p) => p.startsWith('/backups/')).sort()).toEqual([
      `/backups/${name('Annan-99999999', '20260101-000000')}`,
      `/backups/${name('Studie-ab12cd34', '20261201-100000')}`,
      `/backups/${name('Studie-ab12cd34', '20261201-110000')}`,
      '/backups/notes.txt',
    ]);
    expect([...fs.files.keys()].some((p) => p.endsWith('.partial'))).toBe(false);
  });

  it('keeps the newest backups across the autumn clock change in Stockholm and never removes the one just written', async () => {
    // On 2026-10-25 Swedish clocks go back from 03:00 CEST to 02:00 CET (EU rule: the last Sunday
    // of October, 01:00 UTC), so local 02:00–03:00 happens twice. Backups every 15 minutes from
    // 00:00 to 02:00 UTC have the local names 02:00, 02:15, 02:30, 02:45, 02:00, 02:15, … — with
    // local-time names, rotation (keep 3) deleted the backup just written at 01:00 UTC (local
    // "02:00", sorted below the first pass's "02:45").
    const tz = process.env.TZ;
    process.env.TZ = 'Europe/Stockholm';
    try {
      // Precondition: the process runs in Swedish time (else this test proves nothing).
      expect(new Date(Date.UTC(2026, 9, 25, 0, 30)).getHours()).toBe(2);
      expect(new Date(Date.UTC(2026, 9, 25, 1, 30)).getHours()).toBe(2);
      const fs = memoryFs(new Map([['/user/settings.json', new TextEncoder().encode(JSON.stringify({ backupFolder: '/backups' }))]]));
      const { call } = setup({ fs });
      const project = { id: 'ab12cd34-0000', name: 'Studie' };
      const written: string[] = [];
      for (let minutes = 0; minutes <= 120; minutes += 15) {
        const fileName = backupFileName(project, new Date(Date.UTC(2026, 9, 25, 0, minutes)));
        written.push(fileName);
        const result = (await call(IPC.writeBackup, { fileName, bytes: new Uint8Array([minutes]), keep: 3 })) as { path: string; removed: string[] };
        expect(result.removed).not.toContain(fileName);
        const kept = [...fs.files.keys()].filter((p) => p.startsWith('/backups/')).map((p) => p.slice('/backups/'.length));
        // The three written last, in real time, are the ones kept.
        expect(kept.sort()).toEqual(written.slice(-3).sort());
      }
      // The names are the UTC times, so they sort by time.
      expect(written.at(-1)).toBe('Studie-ab12cd34-20261025-020000Z.overens-backup.zip');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('reads backups named in local time by earlier releases as local time and prunes them in time order', async () => {
    const fs = memoryFs(new Map([['/user/settings.json', new TextEncoder().encode(JSON.stringify({ backupFolder: '/backups' }))]]));
    const old = (d: Date) => `Studie-ab12cd34-${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}-${String(d.getHours()).padStart(2, '0')}0000.overens-backup.zip`;
    const legacy = [old(new Date(Date.UTC(2026, 10, 30, 8))), old(new Date(Date.UTC(2026, 10, 30, 10)))];
    for (const n of legacy) fs.files.set(`/backups/${n}`, new Uint8Array([1]));
    const { call } = setup({ fs });
    const fileName = `Studie-ab12cd34-20261130-090000Z.overens-backup.zip`;
    const result = (await call(IPC.writeBackup, { fileName, bytes: new Uint8Array([2]), keep: 2 })) as { removed: string[] };
    // 08:00 UTC is the oldest of the three; 10:00 UTC (legacy) and the new 09:00 UTC stay.
    expect(result.removed).toEqual([legacy[0]]);
  });

  it('refuses names that are paths or not backup names, and calls from other frames', async () => {
    const fs = memoryFs(new Map([['/user/settings.json', new TextEncoder().encode(JSON.stringify({ backupFolder: '/backups' }))]]));
    const { call, callFrom } = setup({ fs });
    for (const fileName of ['../Studie-20261201-120000.overens-backup.zip', '/etc/Studie-20261201-120000.overens-backup.zip', 'Studie.zip', 'a/b-20261201-120000.overens-backup.zip']) {
      expect((await rejection(call(IPC.writeBackup, { fileName, bytes: new Uint8Array([1]), keep: 3 }))).code).toBe('ipc-invalid-arguments');
    }
    expect((await rejection(call(IPC.writeBackup, { fileName: name('S', '20261201-120000'), bytes: new Uint8Array([1]), keep: 0 }))).code).toBe('ipc-invalid-arguments');
    expect((await rejection(callFrom('https://example.org/', IPC.writeBackup, { fileName: name('S', '20261201-120000'), bytes: new Uint8Array([1]), keep: 3 }))).code).toBe('ipc-foreign-sender');
    expect([...fs.files.keys()]).toEqual(['/user/settings.json']);
  });

  it('a failed write leaves no backup under its name and says which file', async () => {
    const fs = memoryFs(new Map([['/user/settings.json', new TextEncoder().encode(JSON.stringify({ backupFolder: '/backups' }))]]));
    fs.rename = async () => {
      throw new Error('ENOSPC: no space left on device');
    };
    const { call } = setup({ fs });
    const failure = await rejection(call(IPC.writeBackup, { fileName: name('S', '20261201-120000'), bytes: new Uint8Array([1]), keep: 3 }));
    expect(failure.code).toBe('backup-unwritable');
    expect(failure.en).toContain(`/backups/${name('S', '20261201-120000')}: the backup could not be saved (ENOSPC`);
    expect(fs.files.has(`/backups/${name('S', '20261201-120000')}`)).toBe(false);
  });
});

describe('IPC error wire format', () => {
  it('round-trips through the prefix Electron adds in the renderer', () => {
    const message = encodeIpcError('file-too-large', { sv: 'för stor', en: 'too large' });
    const seenInRenderer = `Error invoking remote method 'dialog:open-files': IpcError: ${message}`;
    expect(decodeIpcError(seenInRenderer)).toEqual({ code: 'file-too-large', userMessage: { sv: 'för stor', en: 'too large' } });
    expect(decodeIpcError('Error invoking remote method \'x\': Error: plain')).toBeNull();
    expect(decodeIpcError('OVERENS_IPC_ERROR:{not json')).toBeNull();
    expect(decodeIpcError('OVERENS_IPC_ERROR:{"code":"x"}')).toBeNull();
    expect(stripIpcPrefix("Error invoking remote method 'app:version': Error: boom")).toBe('boom');
    expect(stripIpcPrefix('boom')).toBe('boom');
  });
});
