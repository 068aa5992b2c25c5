/**
 * Platform over the Electron preload bridge (`window.overens`, see electron/preload.ts): one
 * function per IPC message. Errors from main arrive as messages carrying a code and a Swedish and
 * an English text (src/core/ipc.ts); they are turned back into OverensError so the UI shows them
 * in the user's language. (Not named electron.ts: the layering lint forbids imports of
 * `**\/electron` in the renderer.)
 */
import { OverensError } from '../../src/core/errors';
import { decodeIpcError, stripIpcPrefix, type OverensBridge } from '../../src/core/ipc';
import type { Platform } from './platform';

export type { OverensBridge } from '../../src/core/ipc';

declare global {
  interface Window {
    overens?: OverensBridge;
  }
}

/** An error from the bridge as the renderer should see it. */
export function fromBridgeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const payload = decodeIpcError(error.message);
  if (payload) return new OverensError(payload.code, payload.userMessage, { cause: error });
  const message = stripIpcPrefix(error.message);
  return message === error.message ? error : new Error(message, { cause: error });
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw fromBridgeError(error);
  }
}

export function createElectronPlatform(bridge: OverensBridge): Platform {
  return {
    kind: 'electron',
    canRevealInFolder: true,
    openFiles: (options = {}) => call(() => bridge.openFiles(options)),
    saveFile: (name, bytes, filters) => call(() => bridge.saveFile(name, bytes, filters)),
    revealInFolder: (path) => call(() => bridge.revealInFolder(path)),
    backupFolder: {
      current: async () => (await call(() => bridge.backupFolder())).folder,
      choose: async () => (await call(() => bridge.chooseBackupFolder())).folder,
      write: (fileName, bytes, keep) => call(() => bridge.writeBackup({ fileName, bytes, keep })),
    },
    appVersion: () => call(() => bridge.appVersion()),
    systemLanguage: () => bridge.systemLanguage(),
  };
}
