/**
 * Preload (sandboxed): exposes exactly one function per IPC message as `window.overens`, never a
 * generic invoke. Bundled to one CommonJS file (scripts/build-electron.mjs).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC } from '../src/core/ipc-channels';

export interface FileFilterArg {
  name: string;
  extensions: string[];
}

export const bridge = {
  openFiles: (options: { title?: string; filters?: FileFilterArg[]; multiple?: boolean } = {}) => ipcRenderer.invoke(IPC.openFiles, options),
  saveFile: (suggestedName: string, bytes: Uint8Array, filters?: FileFilterArg[]) => ipcRenderer.invoke(IPC.saveFile, { suggestedName, bytes, filters }),
  revealInFolder: (path: string) => ipcRenderer.invoke(IPC.reveal, { path }),
  appVersion: () => ipcRenderer.invoke(IPC.appVersion),
  systemLanguage: () => navigator.language,
};

contextBridge.exposeInMainWorld('overens', bridge);
