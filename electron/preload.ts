/**
 * Preload (sandboxed): exposes exactly one function per IPC message as `window.overens`, never a
 * generic invoke. Bundled to one CommonJS file (scripts/build-electron.mjs); a sandboxed preload
 * may require only `electron`, so it imports channel names from the dependency-free
 * ipc-channels.ts and only types from ipc.ts (zod stays in main, which validates every call).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, LANGUAGE_SWITCH } from '../src/core/ipc-channels';
import type { BackupFolderResult, FileFilterArg, OpenedFileResult, OpenFilesArgs, OverensBridge, SaveFileResult, WriteBackupResult } from '../src/core/ipc';

/** The system language main passed as a command-line switch, else the browser's. */
export function languageFromArgv(argv: readonly string[], fallback: string): string {
  const arg = argv.find((a) => a.startsWith(LANGUAGE_SWITCH));
  const value = arg?.slice(LANGUAGE_SWITCH.length);
  return value && /^[A-Za-z0-9-]{1,35}$/.test(value) ? value : fallback;
}

export const bridge: OverensBridge = {
  openFiles: (options: OpenFilesArgs = {}): Promise<OpenedFileResult[]> => ipcRenderer.invoke(IPC.openFiles, options),
  saveFile: (suggestedName: string, bytes: Uint8Array, filters?: FileFilterArg[]): Promise<SaveFileResult> =>
    ipcRenderer.invoke(IPC.saveFile, filters ? { suggestedName, bytes, filters } : { suggestedName, bytes }),
  revealInFolder: (path: string): Promise<void> => ipcRenderer.invoke(IPC.reveal, { path }),
  backupFolder: (): Promise<BackupFolderResult> => ipcRenderer.invoke(IPC.backupFolder),
  chooseBackupFolder: (): Promise<BackupFolderResult> => ipcRenderer.invoke(IPC.chooseBackupFolder),
  writeBackup: (args: { fileName: string; bytes: Uint8Array; keep: number }): Promise<WriteBackupResult> => ipcRenderer.invoke(IPC.writeBackup, args),
  appVersion: (): Promise<string> => ipcRenderer.invoke(IPC.appVersion),
  systemLanguage: (): string => languageFromArgv(process.argv, navigator.language || 'en'),
};

contextBridge.exposeInMainWorld('overens', bridge);
