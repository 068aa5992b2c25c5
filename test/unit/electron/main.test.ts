// Electron main process with `electron` mocked: window options, privileged scheme registered
// before ready, navigation and window.open denied, permissions and remote requests refused, CSP
// on app:// responses, path traversal and other hosts refused. The checklist these pin is
// Electron's own security guide (https://www.electronjs.org/docs/latest/tutorial/security).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const makeWebContents = () => ({
    handlers: new Map<string, Listener>(),
    on(event: string, fn: Listener) {
      this.handlers.set(event, fn);
    },
    windowOpenHandler: undefined as undefined | (() => { action: string }),
    setWindowOpenHandler(fn: () => { action: string }) {
      this.windowOpenHandler = fn;
    },
  });
  const state = { webContents: makeWebContents(), ready: { resolve: (): void => undefined } };
  const BrowserWindow = Object.assign(
    vi.fn(function (this: Record<string, unknown>, options: unknown) {
      state.webContents = makeWebContents();
      this.options = options;
      this.webContents = state.webContents;
      this.once = vi.fn();
      this.loadURL = vi.fn(async () => undefined);
    }),
    { getAllWindows: vi.fn(() => []), fromWebContents: vi.fn(() => null) },
  );
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  return {
    state,
    makeWebContents,
    BrowserWindow,
    app: {
      whenReady: vi.fn(
        () =>
          new Promise<void>((resolve) => {
            state.ready.resolve = resolve;
          }),
      ),
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      on: vi.fn(),
      quit: vi.fn(),
      exit: vi.fn(),
      isReady: vi.fn(() => false),
      getVersion: () => '0.1.0',
      getPath: (name: string) => `/user-data-${name}`,
      getLocale: () => 'en-US',
      getPreferredSystemLanguages: vi.fn(() => ['sv-SE', 'en-GB']),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession },
    ipcMain: { handle: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBoxSync: vi.fn(() => 0) },
    shell: {},
  };
});

vi.mock('electron', () => ({ ...electron, default: electron }));

const { bootstrap, createMainWindow, handleAppRequest, hardenSession, startApp, systemLanguage } = await import('../../../electron/main');
const { CONTENT_SECURITY_POLICY, PRIVILEGED_SCHEMES, REMOTE_URL_PATTERNS, resolveAppPath } = await import('../../../electron/security');
const { IPC, LANGUAGE_SWITCH } = await import('../../../src/core/ipc');

interface FakeWindow {
  options: { webPreferences: Record<string, unknown> };
  loadURL: ReturnType<typeof vi.fn>;
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('window', () => {
  it('is isolated, sandboxed, without Node, with the preload and loads app://overens', () => {
    const win = createMainWindow('/x/preload.cjs', 'sv-SE') as unknown as FakeWindow;
    expect(win.options.webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      additionalArguments: [`${LANGUAGE_SWITCH}sv-SE`],
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://overens/index.html');
  });

  it('passes only a well-formed language tag to the preload', () => {
    const win = createMainWindow('/x/preload.cjs', 'sv-SE --inspect=9229') as unknown as FakeWindow;
    expect(win.options.webPreferences.additionalArguments).toEqual([]);
  });

  it('denies navigation and redirects to other origins, every window.open and <webview>', () => {
    createMainWindow('/x/preload.cjs');
    const contents = electron.state.webContents;
    for (const event of ['will-navigate', 'will-redirect']) {
      const handler = contents.handlers.get(event)!;
      const away = { preventDefault: vi.fn() };
      handler(away, 'https://example.org/');
      expect(away.preventDefault, event).toHaveBeenCalled();
      const file = { preventDefault: vi.fn() };
      handler(file, 'file:///etc/passwd');
      expect(file.preventDefault, event).toHaveBeenCalled();
      const evil = { preventDefault: vi.fn() };
      handler(evil, 'app://evil/index.html');
      expect(evil.preventDefault, event).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      handler(inside, 'app://overens/index.html#/codebook');
      expect(inside.preventDefault, event).not.toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('asks before closing while the page says coding writes are pending, and closes only on "close anyway"', () => {
    const win = createMainWindow('/x/preload.cjs');
    const prevented = electron.state.webContents.handlers.get('will-prevent-unload')!;
    // The page cancelled beforeunload (renderer/coding/leave-guard.ts): "stay" keeps the window.
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    const stay = { preventDefault: vi.fn() };
    prevented(stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBoxSync).toHaveBeenLastCalledWith(win, expect.objectContaining({ type: 'warning', defaultId: 0, cancelId: 0, buttons: ['Stanna kvar / Stay', 'Stäng ändå / Close anyway'] }));
    // "Close anyway" lets the unload go on.
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    const leave = { preventDefault: vi.fn() };
    prevented(leave);
    expect(leave.preventDefault).toHaveBeenCalled();
  });

  it('hardens every web contents the app creates, not only the main window', () => {
    bootstrap();
    const created = electron.app.on.mock.calls.find(([event]) => event === 'web-contents-created')?.[1] as Listener;
    const contents = electron.makeWebContents();
    created({}, contents);
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    expect(contents.handlers.has('will-navigate')).toBe(true);
  });
});

describe('session', () => {
  it('refuses every permission request and check, and cancels remote and file: requests', () => {
    const target = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onBeforeRequest: vi.fn() } };
    hardenSession(target as unknown as Parameters<typeof hardenSession>[0]);
    const onRequest = target.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl: string }) => void;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'unknown']) {
      const callback = vi.fn();
      onRequest({}, permission, callback, { requestingUrl: 'app://overens/index.html' });
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    expect(warn).toHaveBeenCalledWith('Permission refused: media (app://overens/index.html)');
    warn.mockRestore();
    const onCheck = target.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean;
    expect(onCheck()).toBe(false);
    const [filter, onBefore] = target.webRequest.onBeforeRequest.mock.calls[0]! as [{ urls: string[] }, (d: unknown, cb: (r: { cancel: boolean }) => void) => void];
    expect(filter.urls).toEqual(REMOTE_URL_PATTERNS);
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*']));
    const callback = vi.fn();
    onBefore({ url: 'https://example.org/x.js' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('uses the operating system language, falling back to the Chromium locale', () => {
    expect(systemLanguage()).toBe('sv-SE');
    electron.app.getPreferredSystemLanguages.mockReturnValueOnce([]);
    expect(systemLanguage()).toBe('en-US');
  });
});

describe('bootstrap', () => {
  it('registers app:// as standard, secure, fetch-capable and enables the sandbox before the app is ready', () => {
    bootstrap();
    expect(PRIVILEGED_SCHEMES).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, stream: true }) })]);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith(PRIVILEGED_SCHEMES);
    const readyOrder = electron.app.whenReady.mock.invocationCallOrder[0]!;
    expect(electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(readyOrder);
    expect(electron.app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(readyOrder);
    // Everything else waits for ready, which this test does not give.
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(electron.BrowserWindow).not.toHaveBeenCalled();
  });

  it('on ready serves app://, hardens the session, registers every IPC handler and opens the window', async () => {
    bootstrap();
    electron.state.ready.resolve();
    await vi.waitFor(() => expect(electron.BrowserWindow).toHaveBeenCalledTimes(1));
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(Object.values(IPC).sort());
    const options = electron.BrowserWindow.mock.calls[0]![0] as FakeWindow['options'];
    expect(path.basename(String(options.webPreferences.preload))).toBe('preload.cjs');
    expect(options.webPreferences.additionalArguments).toEqual([`${LANGUAGE_SWITCH}sv-SE`]);
  });

  it('quits a second instance instead of opening another window', () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    bootstrap();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('startApp wires the app:// handler to the renderer folder', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'overens-start-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    startApp({ rendererDir: root, preloadPath: '/x/preload.cjs' });
    const handler = electron.protocol.handle.mock.calls[0]![1] as (r: { url: string }) => Promise<Response>;
    expect((await handler({ url: 'app://overens/index.html' })).status).toBe(200);
    expect((await handler({ url: 'app://overens/../../etc/passwd' })).status).toBe(404);
  });
});

describe('app:// scheme', () => {
  function rendererFolder(): string {
    const root = mkdtempSync(path.join(tmpdir(), 'overens-app-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(root, 'assets', 'a.js'), 'x');
    writeFileSync(path.join(root, 'assets', 'pdf.worker.min.mjs'), 'x');
    // A file next to the root that traversal would reach.
    writeFileSync(path.join(root, '..', `${path.basename(root)}-secret.txt`), 'secret');
    return root;
  }

  it('serves files under the root with the CSP and the right types', async () => {
    const root = rendererFolder();
    const ok = await handleAppRequest({ url: 'app://overens/index.html' }, root);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(ok.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await ok.text()).toBe('<!doctype html>');
    expect((await handleAppRequest({ url: 'app://overens/assets/a.js' }, root)).headers.get('Content-Type')).toMatch(/javascript/);
    expect((await handleAppRequest({ url: 'app://overens/assets/pdf.worker.min.mjs' }, root)).headers.get('Content-Type')).toMatch(/javascript/);
    expect((await handleAppRequest({ url: 'app://overens/' }, root)).status).toBe(200);
    expect((await handleAppRequest({ url: 'app://overens/index.html?x=1#/coding' }, root)).status).toBe(200);
  });

  it('refuses path traversal, other hosts, other schemes, directories, missing files and writes', async () => {
    const root = rendererFolder();
    const secret = `${path.basename(root)}-secret.txt`;
    for (const url of [
      'app://overens/../../etc/passwd',
      `app://overens/../${secret}`,
      `app://overens/%2e%2e/${secret}`,
      'app://overens/%2e%2e/%2e%2e/etc/passwd',
      'app://overens/assets/..%2f..%2f..%2fetc%2fpasswd',
      `app://overens/assets/..%2f..%2f${secret}`,
      `app://overens/..%5c${secret}`,
      'app://overens/%00index.html',
      'app://other/index.html',
      'app://overens.evil/index.html',
      'https://overens/index.html',
      'file:///etc/passwd',
      'app://overens/assets',
      'app://overens/missing.js',
      'app://overens/%E0%A4%A',
      'not a url',
    ]) {
      const response = await handleAppRequest({ url }, root);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('secret');
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await handleAppRequest({ url: 'app://overens/index.html', method: 'POST' }, root)).status).toBe(405);
    expect(resolveAppPath('app://overens/a/../index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://overens/../../etc/passwd', root)).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('has a strict CSP: own origin only, no eval, no plugins, blob:/data: only for images and workers', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'blob:', 'data:']));
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|https?:|\*/);
  });
});
