/**
 * IPC handlers: one per message (see src/core/ipc.ts). Every handler checks that the call comes
 * from our own app:// page and validates its arguments with zod before touching the system.
 * Errors a user can meet (a file too large, a file that cannot be read or written) travel to the
 * renderer in Swedish and English (encodeIpcError), naming the file.
 */
import type { BaseWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions, Shell } from 'electron';
import path from 'node:path';
import type { z } from 'zod';
import { backupsToRemove } from '../src/core/backup-names';
import type { UserMessage } from '../src/core/errors';
import {
  BACKUP_FILE_PATTERN,
  IPC,
  MAX_FILE_BYTES,
  MAX_OPEN_TOTAL_BYTES,
  NoArgs,
  OpenFilesArgs,
  RevealArgs,
  SaveFileArgs,
  WriteBackupArgs,
  encodeIpcError,
  type BackupFolderResult,
  type OpenedFileResult,
  type SaveFileResult,
  type WriteBackupResult,
} from '../src/core/ipc';
import { isAppUrl } from './security';

export interface FileSystem {
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  stat(path: string): Promise<{ size: number; mtimeMs: number }>;
  readdir(path: string): Promise<string[]>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  fs: FileSystem;
  /** The window a call came from, so dialogs are modal to it (null: no parent). */
  windowFor?: (event: IpcMainInvokeEvent) => BaseWindow | null;
  appVersion: () => string;
  locale: () => string;
  /** Where main keeps its own settings (the backup folder), e.g. userData/settings.json. */
  settingsPath: string;
}

interface MainSettings {
  backupFolder?: string;
}

/** An IPC failure; its message is an encodeIpcError payload the renderer turns into an OverensError. */
export class IpcError extends Error {
  readonly code: string;
  readonly userMessage: UserMessage;

  constructor(code: string, userMessage: UserMessage, options?: { cause?: unknown }) {
    super(encodeIpcError(code, userMessage), options);
    this.name = 'IpcError';
    this.code = code;
    this.userMessage = userMessage;
  }
}

const MB = 1024 * 1024;

function assertFromApp(event: IpcMainInvokeEvent, channel: string): void {
  const url = event.senderFrame?.url;
  if (!isAppUrl(url)) {
    throw new IpcError('ipc-foreign-sender', {
      sv: `${channel} nekades: anropet kom inte från Överens (${url ?? 'okänd ram'}).`,
      en: `${channel} refused: the call did not come from the Överens app (${url ?? 'unknown frame'}).`,
    });
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown, channel: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(argument)'}: ${i.message}`).join('; ');
    throw new IpcError('ipc-invalid-arguments', {
      sv: `${channel}: ogiltiga argument — ${detail}`,
      en: `${channel}: invalid arguments — ${detail}`,
    });
  }
  return result.data;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function registerIpcHandlers(deps: IpcDeps): void {
  const { ipcMain, dialog, shell, fs } = deps;
  /** Paths this session wrote through the save dialog: the only ones it may reveal. */
  const savedPaths = new Set<string>();
  const parentOf = (event: IpcMainInvokeEvent) => deps.windowFor?.(event) ?? null;

  ipcMain.handle(IPC.openFiles, async (event, ...raw: unknown[]): Promise<OpenedFileResult[]> => {
    assertFromApp(event, IPC.openFiles);
    const [rawOptions = {}, ...rest] = raw;
    parse(NoArgs, rest, IPC.openFiles);
    const args = parse(OpenFilesArgs, rawOptions, IPC.openFiles);
    const options: OpenDialogOptions = {
      title: args.title,
      filters: args.filters,
      properties: args.multiple === false ? ['openFile'] : ['openFile', 'multiSelections'],
    };
    const parent = parentOf(event);
    const result = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
    if (result.canceled) return [];
    const files: OpenedFileResult[] = [];
    let total = 0;
    for (const file of result.filePaths) {
      const name = path.basename(file);
      const tooLarge = (size: number) =>
        new IpcError('file-too-large', {
          sv: `${name}: filen är ${Math.ceil(size / MB)} MB; Överens öppnar filer på högst ${MAX_FILE_BYTES / MB} MB.`,
          en: `${name}: the file is ${Math.ceil(size / MB)} MB; Överens opens files up to ${MAX_FILE_BYTES / MB} MB.`,
        });
      let info: { size: number; mtimeMs: number };
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        info = await fs.stat(file);
        if (info.size > MAX_FILE_BYTES) throw tooLarge(info.size);
        bytes = await fs.readFile(file);
      } catch (error) {
        if (error instanceof IpcError) throw error;
        throw new IpcError(
          'file-unreadable',
          { sv: `${name}: filen kunde inte läsas (${reason(error)}).`, en: `${name}: the file could not be read (${reason(error)}).` },
          { cause: error },
        );
      }
      // The file may have grown between stat and read.
      if (bytes.byteLength > MAX_FILE_BYTES) throw tooLarge(bytes.byteLength);
      total += bytes.byteLength;
      if (total > MAX_OPEN_TOTAL_BYTES) {
        throw new IpcError('files-too-large', {
          sv: `De valda filerna är tillsammans över ${MAX_OPEN_TOTAL_BYTES / MB} MB; öppna dem i flera omgångar.`,
          en: `The chosen files add up to more than ${MAX_OPEN_TOTAL_BYTES / MB} MB; open them in several goes.`,
        });
      }
      files.push({ name, bytes, lastModified: info.mtimeMs });
    }
    return files;
  });

  ipcMain.handle(IPC.saveFile, async (event, ...raw: unknown[]): Promise<SaveFileResult> => {
    assertFromApp(event, IPC.saveFile);
    const [rawArgs, ...rest] = raw;
    parse(NoArgs, rest, IPC.saveFile);
    const args = parse(SaveFileArgs, rawArgs, IPC.saveFile);
    const options: SaveDialogOptions = { defaultPath: args.suggestedName, filters: args.filters };
    const parent = parentOf(event);
    const result = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
    if (result.canceled || !result.filePath) return { saved: false };
    try {
      await fs.writeFile(result.filePath, args.bytes);
    } catch (error) {
      throw new IpcError(
        'file-unwritable',
        { sv: `${result.filePath}: filen kunde inte sparas (${reason(error)}).`, en: `${result.filePath}: the file could not be saved (${reason(error)}).` },
        { cause: error },
      );
    }
    savedPaths.add(path.resolve(result.filePath));
    return { saved: true, path: result.filePath };
  });

  ipcMain.handle(IPC.reveal, async (event, ...raw: unknown[]): Promise<void> => {
    assertFromApp(event, IPC.reveal);
    const [rawArgs, ...rest] = raw;
    parse(NoArgs, rest, IPC.reveal);
    const args = parse(RevealArgs, rawArgs, IPC.reveal);
    if (!path.isAbsolute(args.path) || !savedPaths.has(path.resolve(args.path))) {
      throw new IpcError('reveal-unknown-path', {
        sv: `${args.path}: Överens visar bara filer som sparats under den här sessionen.`,
        en: `${args.path}: Överens only reveals files it saved in this session.`,
      });
    }
    shell.showItemInFolder(path.resolve(args.path));
  });

  const readSettings = async (): Promise<MainSettings> => {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(await fs.readFile(deps.settingsPath)));
      const folder = (parsed as MainSettings | null)?.backupFolder;
      return typeof folder === 'string' && path.isAbsolute(folder) ? { backupFolder: folder } : {};
    } catch {
      // No settings yet, or unreadable: start from none (the user chooses the folder again).
      return {};
    }
  };

  ipcMain.handle(IPC.backupFolder, async (event, ...raw: unknown[]): Promise<BackupFolderResult> => {
    assertFromApp(event, IPC.backupFolder);
    parse(NoArgs, raw, IPC.backupFolder);
    return { folder: (await readSettings()).backupFolder ?? null };
  });

  ipcMain.handle(IPC.chooseBackupFolder, async (event, ...raw: unknown[]): Promise<BackupFolderResult> => {
    assertFromApp(event, IPC.chooseBackupFolder);
    parse(NoArgs, raw, IPC.chooseBackupFolder);
    const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
    const parent = parentOf(event);
    const result = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
    const folder = result.canceled ? undefined : result.filePaths[0];
    if (!folder) return { folder: (await readSettings()).backupFolder ?? null };
    try {
      // Beside and renamed, so a crash never leaves a half-written settings file.
      await fs.writeFile(`${deps.settingsPath}.partial`, new TextEncoder().encode(JSON.stringify({ ...(await readSettings()), backupFolder: folder })));
      await fs.rename(`${deps.settingsPath}.partial`, deps.settingsPath);
    } catch (error) {
      throw new IpcError(
        'settings-unwritable',
        { sv: `${deps.settingsPath}: inställningarna kunde inte sparas (${reason(error)}).`, en: `${deps.settingsPath}: the settings could not be saved (${reason(error)}).` },
        { cause: error },
      );
    }
    return { folder };
  });

  ipcMain.handle(IPC.writeBackup, async (event, ...raw: unknown[]): Promise<WriteBackupResult> => {
    assertFromApp(event, IPC.writeBackup);
    const [rawArgs, ...rest] = raw;
    parse(NoArgs, rest, IPC.writeBackup);
    const args = parse(WriteBackupArgs, rawArgs, IPC.writeBackup);
    const folder = (await readSettings()).backupFolder;
    if (!folder) {
      throw new IpcError('backup-no-folder', {
        sv: 'Ingen mapp för automatiska säkerhetskopior är vald.',
        en: 'No folder for automatic backups has been chosen.',
      });
    }
    const target = path.join(folder, args.fileName);
    // Write beside the target and rename: a crash never leaves a half-written backup under its name.
    const partial = `${target}.partial`;
    try {
      await fs.writeFile(partial, args.bytes);
      await fs.rename(partial, target);
    } catch (error) {
      throw new IpcError(
        'backup-unwritable',
        { sv: `${target}: säkerhetskopian kunde inte sparas (${reason(error)}).`, en: `${target}: the backup could not be saved (${reason(error)}).` },
        { cause: error },
      );
    }
    savedPaths.add(path.resolve(target));
    // Keep the newest `keep` backups of this stem by the UTC timestamp in their names, and never
    // the one just written (src/core/backup-names.ts).
    const stem = BACKUP_FILE_PATTERN.exec(args.fileName)![1]!;
    const removed: string[] = [];
    try {
      const same = (await fs.readdir(folder)).flatMap((name) => {
        const m = BACKUP_FILE_PATTERN.exec(name);
        return m?.[1] === stem ? [{ name, stamp: m[2]! }] : [];
      });
      for (const old of backupsToRemove(same, args.fileName, args.keep)) {
        await fs.unlink(path.join(folder, old));
        removed.push(old);
      }
    } catch (error) {
      // The new backup is safe; failing to tidy old ones is reported but not fatal.
      console.warn(`Could not remove old backups in ${folder}: ${reason(error)}`);
    }
    return { path: target, removed };
  });

  ipcMain.handle(IPC.appVersion, async (event, ...raw: unknown[]): Promise<string> => {
    assertFromApp(event, IPC.appVersion);
    parse(NoArgs, raw, IPC.appVersion);
    return deps.appVersion();
  });

  ipcMain.handle(IPC.locale, async (event, ...raw: unknown[]): Promise<string> => {
    assertFromApp(event, IPC.locale);
    parse(NoArgs, raw, IPC.locale);
    return deps.locale();
  });
}
