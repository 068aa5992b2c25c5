/**
 * The IPC contract between the Electron preload and main: one channel per message, each with a
 * zod schema for its arguments, the plain types of what the preload exposes (`OverensBridge`),
 * and the wire format of errors a user can meet (so the renderer can show them in Swedish or
 * English). Main validates every call with these before acting. Pure: no Node, no DOM.
 *
 * The preload imports only `ipc-channels.ts` and types from here, so zod stays out of the
 * sandboxed preload bundle.
 */
import { z } from 'zod';
import type { UserMessage } from './errors';

import { IPC, LANGUAGE_SWITCH } from './ipc-channels';

export { IPC, LANGUAGE_SWITCH };
export type IpcChannel = (typeof IPC)[keyof typeof IPC];

/** Largest single file the app opens or saves through the bridge (bytes). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Largest total of one open-files call (bytes): every file is copied into the renderer at once. */
export const MAX_OPEN_TOTAL_BYTES = 1024 * 1024 * 1024;

export const FileFilterArg = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/, 'extension without dot, letters and digits')).min(1).max(20),
  })
  .strict();
export type FileFilterArg = z.infer<typeof FileFilterArg>;

export const OpenFilesArgs = z
  .object({
    title: z.string().max(200).optional(),
    filters: z.array(FileFilterArg).max(10).optional(),
    multiple: z.boolean().optional(),
  })
  .strict();
export type OpenFilesArgs = z.infer<typeof OpenFilesArgs>;

export const SaveFileArgs = z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', 'a file name, not a path'),
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, `file too large (more than ${MAX_FILE_BYTES / 1048576} MB)`),
    filters: z.array(FileFilterArg).max(10).optional(),
  })
  .strict();
export type SaveFileArgs = z.infer<typeof SaveFileArgs>;

export const RevealArgs = z
  .object({
    path: z
      .string()
      .min(1)
      .max(4096)
      .refine((p) => !p.includes('\0'), 'no NUL characters'),
  })
  .strict();
export type RevealArgs = z.infer<typeof RevealArgs>;

/**
 * An automatic backup's file name: `<stem>-<YYYYMMDD-HHMMSSZ>.overens-backup.zip` (UTC; names of
 * earlier releases, in local time, have no `Z`), never a path.
 */
export const BACKUP_FILE_PATTERN = /^([\p{L}\p{N}_-]{1,120})-(\d{8}-\d{6}Z?)\.overens-backup\.zip$/u;

export const WriteBackupArgs = z
  .object({
    fileName: z.string().max(200).regex(BACKUP_FILE_PATTERN, 'name-YYYYMMDD-HHMMSSZ.overens-backup.zip, letters, digits, _ and - only'),
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, `file too large (more than ${MAX_FILE_BYTES / 1048576} MB)`),
    /** How many backups of the same stem to keep, newest first (older ones are deleted). */
    keep: z.number().int().min(1).max(1000),
  })
  .strict();
export type WriteBackupArgs = z.infer<typeof WriteBackupArgs>;

export const BackupFolderResult = z.object({ folder: z.string().nullable() }).strict();
export type BackupFolderResult = z.infer<typeof BackupFolderResult>;

export const WriteBackupResult = z.object({ path: z.string(), removed: z.array(z.string()) }).strict();
export type WriteBackupResult = z.infer<typeof WriteBackupResult>;

/** Messages without arguments (app:version, app:locale) accept nothing else. */
export const NoArgs = z.tuple([]);

export const OpenedFileResult = z.object({ name: z.string(), bytes: z.instanceof(Uint8Array), lastModified: z.number().optional() }).strict();
export type OpenedFileResult = z.infer<typeof OpenedFileResult>;

export const SaveFileResult = z.object({ saved: z.boolean(), path: z.string().optional() }).strict();
export type SaveFileResult = z.infer<typeof SaveFileResult>;

/**
 * What electron/preload.ts exposes as `window.overens`: one function per IPC message, never a
 * generic invoke. Structurally the same as the renderer's `Platform` methods.
 */
export interface OverensBridge {
  openFiles(options?: OpenFilesArgs): Promise<OpenedFileResult[]>;
  saveFile(suggestedName: string, bytes: Uint8Array, filters?: FileFilterArg[]): Promise<SaveFileResult>;
  revealInFolder(path: string): Promise<void>;
  /** The folder automatic backups go to (chosen by the user in main's dialog), or null. */
  backupFolder(): Promise<BackupFolderResult>;
  /** Let the user pick the backup folder; main remembers it. */
  chooseBackupFolder(): Promise<BackupFolderResult>;
  /** Write one backup into that folder (atomically) and delete the oldest beyond `keep`. */
  writeBackup(args: { fileName: string; bytes: Uint8Array; keep: number }): Promise<WriteBackupResult>;
  appVersion(): Promise<string>;
  /** BCP 47 language of the operating system, e.g. "sv-SE". */
  systemLanguage(): string;
}

/*
 * Errors across IPC. Electron passes only an error's message from main to the renderer, and
 * prefixes it ("Error invoking remote method 'x': Error: …"). Main therefore puts the code and
 * both languages into the message behind a marker, and the renderer turns it back into an
 * OverensError.
 */
const ERROR_MARKER = 'OVERENS_IPC_ERROR:';

const IpcErrorPayload = z.object({ code: z.string().min(1), sv: z.string(), en: z.string() }).strict();
export interface IpcErrorPayload {
  code: string;
  userMessage: UserMessage;
}

export function encodeIpcError(code: string, userMessage: UserMessage): string {
  return `${ERROR_MARKER}${JSON.stringify({ code, sv: userMessage.sv, en: userMessage.en })}`;
}

/** The payload of an error message made by encodeIpcError (with or without Electron's prefix), else null. */
export function decodeIpcError(message: string): IpcErrorPayload | null {
  const at = message.indexOf(ERROR_MARKER);
  if (at < 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(message.slice(at + ERROR_MARKER.length));
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  const parsed = IpcErrorPayload.safeParse(json);
  return parsed.success ? { code: parsed.data.code, userMessage: { sv: parsed.data.sv, en: parsed.data.en } } : null;
}

/** Electron's "Error invoking remote method 'channel': Error: " prefix removed from a message. */
export function stripIpcPrefix(message: string): string {
  return message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
}
