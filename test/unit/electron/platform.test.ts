// The renderer's Platform implementations without a browser (jsdom is not installed): the web
// build's file picker and download over a minimal stand-in document, the Electron bridge's error
// decoding, and getPlatform's choice between them.
import { describe, expect, it, vi } from 'vitest';
import { OverensError } from '../../../src/core/errors';
import { encodeIpcError, type OverensBridge } from '../../../src/core/ipc';
import { createElectronPlatform, fromBridgeError } from '../../../renderer/platform/electron-bridge';
import { getPlatform } from '../../../renderer/platform/index';
import { acceptAttribute, createWebPlatform, type WebPlatformEnv } from '../../../renderer/platform/web';

type Listener = () => void;

/** Just enough of an element for web.ts. */
class FakeElement {
  type = '';
  multiple = false;
  accept = '';
  href = '';
  download = '';
  files: File[] | null = null;
  style: Record<string, string> = {};
  dataset: Record<string, string> = {};
  listeners = new Map<string, Listener>();
  removed = false;
  clicked = 0;
  constructor(readonly tag: string) {}
  addEventListener(event: string, fn: Listener) {
    this.listeners.set(event, fn);
  }
  click() {
    this.clicked += 1;
  }
  remove() {
    this.removed = true;
  }
  fire(event: string) {
    this.listeners.get(event)?.();
  }
}

function fakeEnv() {
  const created: FakeElement[] = [];
  const appended: FakeElement[] = [];
  const document = {
    createElement: (tag: string) => {
      const el = new FakeElement(tag);
      created.push(el);
      return el;
    },
    body: { append: (el: FakeElement) => appended.push(el) },
  };
  const timers: (() => void)[] = [];
  const env: WebPlatformEnv = {
    document: document as unknown as Document,
    navigator: { language: 'sv-SE' },
    createObjectURL: vi.fn(() => 'blob:app/1'),
    revokeObjectURL: vi.fn(),
    setTimeout: (run) => timers.push(run),
    version: '1.2.3',
  };
  return { env, created, appended, timers };
}

describe('web platform', () => {
  it('turns dialog filters into an accept attribute; "*" accepts everything', () => {
    expect(acceptAttribute([{ name: 'Dokument', extensions: ['pdf', 'DOCX'] }, { name: 'Text', extensions: ['txt', 'md'] }])).toBe('.pdf,.docx,.txt,.md');
    expect(acceptAttribute([{ name: 'Alla', extensions: ['*'] }])).toBe('');
    expect(acceptAttribute([{ name: 'PDF', extensions: ['pdf'] }, { name: 'Alla', extensions: ['*'] }])).toBe('');
    expect(acceptAttribute(undefined)).toBe('');
  });

  it('opens files through a hidden <input type=file multiple> and reads them', async () => {
    const { env, created, appended } = fakeEnv();
    const platform = createWebPlatform(env.document, env);
    const pending = platform.openFiles({ filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    const input = created[0]!;
    expect(input).toMatchObject({ tag: 'input', type: 'file', multiple: true, accept: '.pdf', clicked: 1 });
    expect(appended).toContain(input);
    input.files = [new File([new Uint8Array([1, 2])], 'avtal.pdf', { lastModified: 7 })];
    input.fire('change');
    expect(await pending).toEqual([{ name: 'avtal.pdf', bytes: new Uint8Array([1, 2]), lastModified: 7 }]);
    expect(input.removed).toBe(true);
  });

  it('resolves [] when the picker is cancelled, and honours multiple: false', async () => {
    const { env, created } = fakeEnv();
    const platform = createWebPlatform(env.document, env);
    const pending = platform.openFiles({ multiple: false });
    expect(created[0]!.multiple).toBe(false);
    created[0]!.fire('cancel');
    expect(await pending).toEqual([]);
    expect(created[0]!.removed).toBe(true);
  });

  it('saves through a blob URL and <a download>, revoking the URL later', async () => {
    const { env, created, timers } = fakeEnv();
    const platform = createWebPlatform(env.document, env);
    expect(await platform.saveFile('export.csv', new Uint8Array([65]))).toEqual({ saved: true });
    const a = created[0]!;
    expect(a).toMatchObject({ tag: 'a', href: 'blob:app/1', download: 'export.csv', clicked: 1, removed: true });
    const blob = vi.mocked(env.createObjectURL).mock.calls[0]![0];
    expect(await blob.text()).toBe('A');
    expect(env.revokeObjectURL).not.toHaveBeenCalled();
    timers.forEach((run) => run());
    expect(env.revokeObjectURL).toHaveBeenCalledWith('blob:app/1');
  });

  it('cannot reveal files, and reports its version and the browser language', async () => {
    const { env } = fakeEnv();
    const platform = createWebPlatform(env.document, env);
    expect(platform.kind).toBe('web');
    expect(platform.canRevealInFolder).toBe(false);
    expect(platform.backupFolder).toBeNull();
    await expect(platform.revealInFolder('/x')).resolves.toBeUndefined();
    expect(await platform.appVersion()).toBe('1.2.3');
    expect(platform.systemLanguage()).toBe('sv-SE');
    expect(createWebPlatform(env.document, { ...env, navigator: { language: '' } }).systemLanguage()).toBe('en');
  });
});

describe('electron platform', () => {
  function bridge(overrides: Partial<OverensBridge> = {}): OverensBridge {
    return {
      openFiles: vi.fn(async () => []),
      saveFile: vi.fn(async () => ({ saved: true, path: '/out/a.csv' })),
      revealInFolder: vi.fn(async () => undefined),
      appVersion: vi.fn(async () => '0.1.0'),
      systemLanguage: vi.fn(() => 'sv-SE'),
      backupFolder: vi.fn(async () => ({ folder: '/backups' })),
      chooseBackupFolder: vi.fn(async () => ({ folder: '/chosen' })),
      writeBackup: vi.fn(async () => ({ path: '/backups/P-20261201-120000.overens-backup.zip', removed: [] })),
      ...overrides,
    };
  }

  it('forwards each call to its bridge function', async () => {
    const b = bridge();
    const platform = createElectronPlatform(b);
    expect(platform.kind).toBe('electron');
    expect(platform.canRevealInFolder).toBe(true);
    await platform.openFiles();
    expect(b.openFiles).toHaveBeenCalledWith({});
    expect(await platform.saveFile('a.csv', new Uint8Array([1]), [{ name: 'CSV', extensions: ['csv'] }])).toEqual({ saved: true, path: '/out/a.csv' });
    await platform.revealInFolder('/out/a.csv');
    expect(b.revealInFolder).toHaveBeenCalledWith('/out/a.csv');
    expect(await platform.appVersion()).toBe('0.1.0');
    expect(platform.systemLanguage()).toBe('sv-SE');
    expect(await platform.backupFolder!.current()).toBe('/backups');
    expect(await platform.backupFolder!.choose()).toBe('/chosen');
    const bytes = new Uint8Array([1]);
    expect((await platform.backupFolder!.write('P-20261201-120000.overens-backup.zip', bytes, 3)).path).toBe('/backups/P-20261201-120000.overens-backup.zip');
    expect(b.writeBackup).toHaveBeenCalledWith({ fileName: 'P-20261201-120000.overens-backup.zip', bytes, keep: 3 });
  });

  it('turns errors from main into OverensError in both languages', async () => {
    const wire = `Error invoking remote method 'dialog:open-files': IpcError: ${encodeIpcError('file-too-large', { sv: 'a.pdf: för stor', en: 'a.pdf: too large' })}`;
    const platform = createElectronPlatform(bridge({ openFiles: vi.fn(async () => Promise.reject(new Error(wire))) }));
    const error = await platform.openFiles().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OverensError);
    expect((error as OverensError).code).toBe('file-too-large');
    expect((error as OverensError).messageIn('sv')).toBe('a.pdf: för stor');
    expect((error as OverensError).messageIn('en')).toBe('a.pdf: too large');
  });

  it('strips Electron’s prefix from other errors and leaves non-errors alone', () => {
    expect((fromBridgeError(new Error("Error invoking remote method 'app:version': Error: boom")) as Error).message).toBe('boom');
    const plain = new Error('plain');
    expect(fromBridgeError(plain)).toBe(plain);
    expect(fromBridgeError('text')).toBe('text');
  });
});

describe('getPlatform', () => {
  it('uses the Electron bridge when the preload exposed it, else the web platform', () => {
    const { env } = fakeEnv();
    expect(getPlatform({ document: env.document, overens: {} as OverensBridge }).kind).toBe('electron');
    expect(getPlatform({ document: env.document }).kind).toBe('web');
  });
});
