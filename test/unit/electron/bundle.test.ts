// The bundles scripts/build-electron.mjs makes are what Electron runs: the preload must need no
// module but `electron` (a sandboxed preload can require nothing else) and main must need only
// `electron` and Node built-ins. Both are built into a temporary folder and run here against a
// stand-in `electron`, the way Electron would load them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security';
import { IPC, LANGUAGE_SWITCH } from '../../../src/core/ipc';

const repo = path.resolve(import.meta.dirname, '../../..');
const nodeRequire = createRequire(import.meta.url);
let outRoot = '';

beforeAll(() => {
  outRoot = mkdtempSync(path.join(tmpdir(), 'overens-bundle-'));
  execFileSync(process.execPath, [path.join(repo, 'scripts/build-electron.mjs'), '--outdir', path.join(outRoot, 'dist-electron')], { cwd: tmpdir(), stdio: 'pipe' });
  mkdirSync(path.join(outRoot, 'dist'));
  writeFileSync(path.join(outRoot, 'dist', 'index.html'), '<!doctype html><title>Överens</title>');
}, 60_000);

/** Run a CommonJS bundle with the given module table (anything else: "cannot require"). */
function runCjs(file: string, modules: Record<string, unknown>, globals: Record<string, unknown>): string[] {
  const required: string[] = [];
  const fakeRequire = (id: string) => {
    required.push(id);
    if (id in modules) return modules[id];
    throw new Error(`the bundle required ${id}, which is not available here`);
  };
  const module = { exports: {} };
  const names = ['require', 'module', 'exports', '__dirname', '__filename', ...Object.keys(globals)];
  const run = new Function(...names, readFileSync(file, 'utf8')) as (...args: unknown[]) => void;
  run(fakeRequire, module, module.exports, path.dirname(file), file, ...Object.values(globals));
  return required;
}

describe('dist-electron bundles', () => {
  it('preload.cjs requires only electron and exposes the eight bridge functions', async () => {
    const exposeInMainWorld = vi.fn();
    const invoke = vi.fn(async () => '0.1.0');
    const required = runCjs(
      path.join(outRoot, 'dist-electron', 'preload.cjs'),
      { electron: { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } } },
      { process: { argv: ['/electron', `${LANGUAGE_SWITCH}sv-SE`] }, navigator: { language: 'en-US' } },
    );
    expect(new Set(required)).toEqual(new Set(['electron']));
    const [name, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, () => unknown>];
    expect(name).toBe('overens');
    expect(Object.keys(api).sort()).toEqual(['appVersion', 'backupFolder', 'chooseBackupFolder', 'openFiles', 'revealInFolder', 'saveFile', 'systemLanguage', 'writeBackup']);
    expect(api.systemLanguage!()).toBe('sv-SE');
    expect(await api.appVersion!()).toBe('0.1.0');
    expect(invoke).toHaveBeenCalledWith(IPC.appVersion);
  });

  it('main.cjs requires only electron and Node built-ins, and boots the hardened app', async () => {
    let ready: () => void = () => undefined;
    const order: string[] = [];
    const windows: { webPreferences: Record<string, unknown> }[] = [];
    const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();
    const electron = {
      app: {
        enableSandbox: () => order.push('enableSandbox'),
        requestSingleInstanceLock: () => true,
        whenReady: () => {
          order.push('whenReady');
          return new Promise<void>((resolve) => {
            ready = resolve;
          });
        },
        on: vi.fn(),
        isReady: () => true,
        getVersion: () => '0.1.0',
        getPath: (name: string) => `/user-data-${name}`,
        getLocale: () => 'en-US',
        getPreferredSystemLanguages: () => ['sv-SE'],
      },
      protocol: {
        registerSchemesAsPrivileged: () => order.push('registerSchemesAsPrivileged'),
        handle: (scheme: string, fn: (request: { url: string }) => Promise<Response>) => protocolHandlers.set(scheme, fn),
      },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onBeforeRequest: vi.fn() } } },
      ipcMain: { handle: vi.fn() },
      dialog: { showErrorBox: vi.fn() },
      shell: {},
      BrowserWindow: Object.assign(
        function (this: Record<string, unknown>, options: { webPreferences: Record<string, unknown> }) {
          windows.push(options);
          this.webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
          this.once = vi.fn();
          this.loadURL = vi.fn(async () => undefined);
        },
        { getAllWindows: () => [], fromWebContents: () => null },
      ),
    };
    const builtins = Object.fromEntries(['node:fs/promises', 'node:path', 'fs', 'path'].map((id) => [id, nodeRequire(id)]));
    const required = runCjs(path.join(outRoot, 'dist-electron', 'main.cjs'), { electron, ...builtins }, { process: { ...process, env: {}, platform: 'linux' } });
    expect(required.filter((id) => id !== 'electron' && !id.startsWith('node:'))).toEqual([]);
    expect(order).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'whenReady']);

    ready();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    expect(windows[0]!.webPreferences).toMatchObject({
      preload: path.join(outRoot, 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(Object.values(IPC).sort());
    const serve = protocolHandlers.get('app')!;
    const page = await serve({ url: 'app://overens/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('Överens');
    expect((await serve({ url: 'app://overens/../dist-electron/main.cjs' })).status).toBe(404);
  });
});
