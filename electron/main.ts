/**
 * Electron main process, after Electron's security checklist: registers the privileged app://
 * scheme before ready, serves the built renderer (dist/) from it with a strict CSP, opens one
 * isolated, sandboxed window, denies navigation, new windows, web permissions and remote
 * requests, and answers the preload's IPC messages (electron/ipc-handlers.ts). Nothing else
 * lives here. `bootstrap()` is the only side effect and does not run under vitest.
 */
import { BrowserWindow, app, dialog, ipcMain, protocol, session, shell, type Session, type WebContents } from 'electron';
import { readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { registerIpcHandlers } from './ipc-handlers';
import { confirmLeaving } from './leave-dialog';
import { APP_ENTRY, APP_SCHEME, CONTENT_SECURITY_POLICY, PRIVILEGED_SCHEMES, REMOTE_URL_PATTERNS, isAppUrl, languageArguments, mimeType, resolveAppPath } from './security';

export { registerIpcHandlers } from './ipc-handlers';

/** readFile errors that mean "there is no such file to serve" (a 404, not a fault). */
const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Serve one app:// request from the renderer build folder, with the CSP on every response. */
export async function handleAppRequest(request: { url: string; method?: string }, rootDir: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (request.method && request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers });
  }
  const file = resolveAppPath(request.url, rootDir);
  if (!file) return new Response('Not found', { status: 404, headers });
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await readFile(file));
  } catch (error) {
    if (NOT_FOUND_CODES.has(errorCode(error) ?? '')) return new Response('Not found', { status: 404, headers });
    console.error(`app:// could not read ${file}`, error);
    return new Response('Could not read the file', { status: 500, headers });
  }
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': mimeType(file) } });
}

/** Deny navigation away from the app, redirects elsewhere, new windows and <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Session rules: every web permission (camera, notifications, clipboard-read, …) is refused, and
 * requests to remote or file: URLs are cancelled — the app is offline and serves itself.
 */
export function hardenSession(target: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> }): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    console.warn(`Permission refused: ${permission} (${details.requestingUrl})`);
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
  target.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) => callback({ cancel: true }));
}

/** The operating system's preferred language (BCP 47), falling back to Chromium's locale. */
export function systemLanguage(): string {
  return app.getPreferredSystemLanguages()[0] ?? app.getLocale();
}

/**
 * The one window. Its options are written out here, at the constructor, so that Electronegativity
 * (run by `npm test`, scripts/electronegativity.mjs) can read every security setting statically.
 */
export function createMainWindow(preloadPath: string, language?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Överens',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A middle click on a link would otherwise ask for a new window (denied below anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
      additionalArguments: languageArguments(language),
    },
  });
  hardenWebContents(win.webContents);
  confirmLeaving(win, dialog);
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY).catch((error: unknown) => console.error(`Could not load ${APP_ENTRY}`, error));
  return win;
}

/** Everything that must wait for `app.whenReady()`. */
export function startApp(dirs: { rendererDir: string; preloadPath: string }): BrowserWindow {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, dirs.rendererDir));
  hardenSession(session.defaultSession);
  registerIpcHandlers({
    ipcMain,
    dialog,
    shell,
    fs: {
      readFile: async (p) => new Uint8Array(await readFile(p)),
      writeFile: (p, data) => writeFile(p, data),
      stat: (p) => stat(p),
      readdir: (p) => readdir(p),
      rename: (from, to) => rename(from, to),
      unlink: (p) => unlink(p),
    },
    settingsPath: path.join(app.getPath('userData'), 'settings.json'),
    windowFor: (event) => BrowserWindow.fromWebContents(event.sender),
    appVersion: () => app.getVersion(),
    locale: systemLanguage,
  });
  return createMainWindow(dirs.preloadPath, systemLanguage());
}

export function bootstrap(): void {
  // Must happen before 'ready': privileged schemes and the global sandbox cannot be set later.
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const dirs = { rendererDir: path.join(__dirname, '..', 'dist'), preloadPath: path.join(__dirname, 'preload.cjs') };
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(dirs.preloadPath, systemLanguage());
  });

  app
    .whenReady()
    .then(() => {
      mainWindow = startApp(dirs);
    })
    .catch((error: unknown) => {
      console.error('Överens could not start', error);
      dialog.showErrorBox('Överens', `Överens kunde inte starta / could not start:\n${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    });
}

if (!process.env.VITEST) bootstrap();
