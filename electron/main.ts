/**
 * Electron main process: registers the privileged app:// scheme before ready, serves the built
 * renderer (dist/) from it with a strict CSP, opens one hardened window, and answers the
 * preload's IPC messages. Nothing else lives here.
 */
import { BrowserWindow, app, dialog, ipcMain, protocol, session, shell, type WebContents } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { registerIpcHandlers } from './ipc-handlers';
import { APP_ENTRY, CONTENT_SECURITY_POLICY, PRIVILEGED_SCHEMES, APP_SCHEME, isAppUrl, mimeType, resolveAppPath, windowOptions } from './security';

/** Serve one app:// request from the renderer build folder. */
export async function handleAppRequest(request: { url: string }, rootDir: string): Promise<Response> {
  const file = resolveAppPath(request.url, rootDir);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { 'Content-Type': mimeType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** Deny navigation away from the app, new windows and web permissions. */
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

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath));
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}

export function bootstrap(): void {
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const rendererDir = path.join(__dirname, '..', 'dist');
  const preloadPath = path.join(__dirname, 'preload.cjs');
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, rendererDir));
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    registerIpcHandlers({
      ipcMain,
      dialog,
      shell,
      fs: {
        readFile: async (p) => new Uint8Array(await readFile(p)),
        writeFile: (p, data) => writeFile(p, data),
        stat: (p) => stat(p),
      },
      appVersion: () => app.getVersion(),
      locale: () => app.getLocale(),
    });
    mainWindow = createMainWindow(preloadPath);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(preloadPath);
    });
  });
}

if (!process.env.VITEST) bootstrap();
