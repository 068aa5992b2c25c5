/**
 * The only door from the renderer to the operating system. `web.ts` implements it with
 * <input type=file> and downloads; `electron-bridge.ts` with the preload bridge (one function per
 * IPC message). Everything else in the renderer is identical in both builds.
 */
export interface FileFilter {
  name: string;
  /** Extensions without the dot: ['pdf', 'docx']. */
  extensions: string[];
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
  lastModified?: number;
}

export interface OpenFilesOptions {
  title?: string;
  filters?: FileFilter[];
  multiple?: boolean;
}

export interface SaveResult {
  saved: boolean;
  /** Where the file went, when the platform knows it (Electron). */
  path?: string;
}

/**
 * Automatic backups into a folder the user picked (Electron). Main remembers the folder and
 * writes only file names it has checked into it; the renderer never passes a path.
 */
export interface BackupFolder {
  current(): Promise<string | null>;
  /** Ask the user for a folder; resolves to the folder in use afterwards (unchanged if cancelled). */
  choose(): Promise<string | null>;
  /** Write `<stem>-<YYYYMMDD-HHMMSSZ>.overens-backup.zip` (UTC), keep the newest `keep` of that stem. */
  write(fileName: string, bytes: Uint8Array, keep: number): Promise<{ path: string; removed: string[] }>;
}

export interface Platform {
  readonly kind: 'web' | 'electron';
  /** Ask the user for files; resolves to [] when the dialog is cancelled. */
  openFiles(options?: OpenFilesOptions): Promise<OpenedFile[]>;
  /** Offer bytes to the user as a file. */
  saveFile(suggestedName: string, bytes: Uint8Array, filters?: FileFilter[]): Promise<SaveResult>;
  /** Whether revealInFolder can do anything on this platform. */
  readonly canRevealInFolder: boolean;
  revealInFolder(path: string): Promise<void>;
  /** Present where backups can go to a folder on a schedule (Electron); null in the browser. */
  readonly backupFolder: BackupFolder | null;
  appVersion(): Promise<string>;
  /** BCP 47 language of the operating system / browser, e.g. "sv-SE". */
  systemLanguage(): string;
}
