/** Platform over the Electron preload bridge (`window.overens`, see electron/preload.ts). */
import type { FileFilter, OpenedFile, OpenFilesOptions, Platform, SaveResult } from './platform';

/** What electron/preload.ts exposes: one function per IPC message. */
export interface OverensBridge {
  openFiles(options: OpenFilesOptions): Promise<OpenedFile[]>;
  saveFile(suggestedName: string, bytes: Uint8Array, filters?: FileFilter[]): Promise<SaveResult>;
  revealInFolder(path: string): Promise<void>;
  appVersion(): Promise<string>;
  systemLanguage(): string;
}

declare global {
  interface Window {
    overens?: OverensBridge;
  }
}

export function createElectronPlatform(bridge: OverensBridge): Platform {
  return {
    kind: 'electron',
    canRevealInFolder: true,
    openFiles: (options = {}) => bridge.openFiles(options),
    saveFile: (name, bytes, filters) => bridge.saveFile(name, bytes, filters),
    revealInFolder: (path) => bridge.revealInFolder(path),
    appVersion: () => bridge.appVersion(),
    systemLanguage: () => bridge.systemLanguage(),
  };
}
