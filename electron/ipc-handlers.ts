/**
 * IPC handlers: one per message (see src/core/ipc.ts). Every handler checks that the call comes
 * from our own app:// page and validates its arguments with zod before touching the system.
 */
import type { Dialog, IpcMain, IpcMainInvokeEvent, Shell, OpenDialogOptions, SaveDialogOptions } from 'electron';
import path from 'node:path';
import { IPC, MAX_FILE_BYTES, OpenFilesArgs, RevealArgs, SaveFileArgs } from '../src/core/ipc';
import { isAppUrl } from './security';

export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  stat(path: string): Promise<{ size: number; mtimeMs: number }>;
}

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  fs: FileSystem;
  appVersion: () => string;
  locale: () => string;
}

export class IpcError extends Error {}

function assertFromApp(event: IpcMainInvokeEvent): void {
  const url = event.senderFrame?.url;
  if (!isAppUrl(url)) throw new IpcError(`IPC refused: the call did not come from the Överens app (${url ?? 'unknown frame'})`);
}

function parse<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, channel: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(argument)'}: ${i.message}`).join('; ');
    throw new IpcError(`${channel}: invalid arguments — ${detail}`);
  }
  return result.data;
}

export function registerIpcHandlers(deps: IpcDeps): void {
  const { ipcMain, dialog, shell, fs } = deps;

  ipcMain.handle(IPC.openFiles, async (event, raw: unknown) => {
    assertFromApp(event);
    const args = parse(OpenFilesArgs, raw ?? {}, IPC.openFiles);
    const options: OpenDialogOptions = {
      title: args.title,
      filters: args.filters,
      properties: args.multiple === false ? ['openFile'] : ['openFile', 'multiSelections'],
    };
    const result = await dialog.showOpenDialog(options);
    if (result.canceled) return [];
    const files = [];
    for (const file of result.filePaths) {
      const info = await fs.stat(file);
      if (info.size > MAX_FILE_BYTES) {
        throw new IpcError(`${path.basename(file)}: the file is ${Math.round(info.size / 1048576)} MB; Överens opens files up to ${MAX_FILE_BYTES / 1048576} MB.`);
      }
      files.push({ name: path.basename(file), bytes: await fs.readFile(file), lastModified: info.mtimeMs });
    }
    return files;
  });

  ipcMain.handle(IPC.saveFile, async (event, raw: unknown) => {
    assertFromApp(event);
    const args = parse(SaveFileArgs, raw, IPC.saveFile);
    const options: SaveDialogOptions = { defaultPath: args.suggestedName, filters: args.filters };
    const result = await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    await fs.writeFile(result.filePath, args.bytes);
    return { saved: true, path: result.filePath };
  });

  ipcMain.handle(IPC.reveal, async (event, raw: unknown) => {
    assertFromApp(event);
    const args = parse(RevealArgs, raw, IPC.reveal);
    shell.showItemInFolder(args.path);
  });

  ipcMain.handle(IPC.appVersion, async (event) => {
    assertFromApp(event);
    return deps.appVersion();
  });

  ipcMain.handle(IPC.locale, async (event) => {
    assertFromApp(event);
    return deps.locale();
  });
}
