// Electron main process with `electron` mocked: window options, privileged scheme registered
// before ready, navigation and window.open denied, CSP on app:// responses, path traversal refused.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const webContents = {
    handlers: new Map<string, (...args: unknown[]) => void>(),
    on(event: string, fn: (...args: unknown[]) => void) {
      this.handlers.set(event, fn);
    },
    windowOpenHandler: undefined as undefined | (() => { action: string }),
    setWindowOpenHandler(fn: () => { action: string }) {
      this.windowOpenHandler = fn;
    },
  };
  const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: unknown) {
    this.options = options;
    this.webContents = webContents;
    this.once = vi.fn();
    this.loadURL = vi.fn(async () => undefined);
  });
  return {
    listeners,
    webContents,
    BrowserWindow,
    app: {
      whenReady: vi.fn(() => new Promise(() => undefined)),
      requestSingleInstanceLock: vi.fn(() => true),
      on: vi.fn((event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn)),
      quit: vi.fn(),
      getVersion: () => '0.1.0',
      getLocale: () => 'sv-SE',
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    ipcMain: { handle: vi.fn() },
    dialog: {},
    shell: {},
  };
});

vi.mock('electron', () => ({ ...electron, default: electron }));

const { bootstrap, createMainWindow, handleAppRequest } = await import('../../../electron/main');
const { CONTENT_SECURITY_POLICY, PRIVILEGED_SCHEMES, resolveAppPath } = await import('../../../electron/security');


describe('window', () => {
  it('is isolated, sandboxed, without Node, with the preload and loads app://overens', () => {
    const win = createMainWindow('/x/preload.cjs') as unknown as { options: { webPreferences: Record<string, unknown> }; loadURL: ReturnType<typeof vi.fn> };
    expect(win.options.webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://overens/index.html');
  });

  it('denies navigation to other origins and every window.open', () => {
    createMainWindow('/x/preload.cjs');
    const navigate = electron.webContents.handlers.get('will-navigate')!;
    const away = { preventDefault: vi.fn() };
    navigate(away, 'https://example.org/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    navigate(inside, 'app://overens/index.html#/codebook');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const evil = { preventDefault: vi.fn() };
    navigate(evil, 'app://evil/index.html');
    expect(evil.preventDefault).toHaveBeenCalled();
    expect(electron.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('app:// scheme', () => {
  it('registers app:// as standard, secure, fetch-capable before the app is ready', () => {
    bootstrap();
    expect(PRIVILEGED_SCHEMES).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) })]);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith(PRIVILEGED_SCHEMES);
    const registerOrder = electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!;
    const readyOrder = electron.app.whenReady.mock.invocationCallOrder[0]!;
    expect(registerOrder).toBeLessThan(readyOrder);
    // protocol.handle waits for ready, which never comes in this test.
    expect(electron.protocol.handle).not.toHaveBeenCalled();
  });

  it('serves files under the root with the CSP, and refuses traversal and other hosts', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'overens-app-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(root, 'assets', 'a.js'), 'x');
    const ok = await handleAppRequest({ url: 'app://overens/index.html' }, root);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect((await handleAppRequest({ url: 'app://overens/assets/a.js' }, root)).headers.get('Content-Type')).toMatch(/javascript/);
    expect((await handleAppRequest({ url: 'app://overens/' }, root)).status).toBe(200);
    for (const url of [
      'app://overens/../../etc/passwd',
      'app://overens/%2e%2e/%2e%2e/etc/passwd',
      'app://overens/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://other/index.html',
      'app://overens/missing.js',
      'app://overens/%E0%A4%A',
    ]) {
      expect((await handleAppRequest({ url }, root)).status, url).toBe(404);
    }
    expect(resolveAppPath('app://overens/a/../index.html', root)).toBe(path.join(root, 'index.html'));
  });

  it('has a CSP without unsafe-eval or remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
