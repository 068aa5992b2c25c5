/**
 * The IPC contract between the Electron preload and main: one channel per message, each with a
 * zod schema for its arguments. Main validates every call with these before acting.
 */
import { z } from 'zod';

export { IPC } from './ipc-channels';

/** Largest file the app opens or saves through the bridge (bytes). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export const FileFilterArg = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/, 'extension without dot, letters and digits')).min(1).max(20),
  })
  .strict();

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
      .refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..', 'a file name, not a path'),
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file too large'),
    filters: z.array(FileFilterArg).max(10).optional(),
  })
  .strict();
export type SaveFileArgs = z.infer<typeof SaveFileArgs>;

export const RevealArgs = z.object({ path: z.string().min(1).max(4096) }).strict();

export const OpenedFileResult = z.object({ name: z.string(), bytes: z.instanceof(Uint8Array), lastModified: z.number().optional() }).strict();
