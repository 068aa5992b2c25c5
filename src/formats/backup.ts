/**
 * The project backup file: a zip holding `backup.json` (every record, versioned format) and
 * `files/<documentId>` (the original documents). Reading checks entry names (no paths outside
 * `files/`), caps the unpacked size, and validates every record before anything is restored.
 */
import JSZip from 'jszip';
import { BackupData, formatIssues } from '../core';

export const MAX_BACKUP_UNPACKED = 4 * 1024 * 1024 * 1024;

export async function writeBackup(data: BackupData, files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('backup.json', JSON.stringify(data));
  for (const [documentId, bytes] of files) zip.file(`files/${documentId}`, bytes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export type BackupRead = { ok: true; data: BackupData; files: Map<string, Uint8Array> } | { ok: false; problems: string[] };

export async function readBackup(bytes: Uint8Array): Promise<BackupRead> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return { ok: false, problems: [`not a backup file (zip): ${error instanceof Error ? error.message : String(error)}`] };
  }
  const entries = Object.values(zip.files);
  const names = entries.map((e) => (e as unknown as { unsafeOriginalName?: string }).unsafeOriginalName ?? e.name);
  const bad = names.filter((n) => n !== '/' && n !== 'backup.json' && n !== 'files/' && !/^files\/[A-Za-z0-9_.:-]+$/.test(n));
  if (bad.length) return { ok: false, problems: [`unexpected entries: ${bad.join(', ')}`] };
  const unpacked = entries.reduce((n, e) => n + ((e as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (unpacked > MAX_BACKUP_UNPACKED) return { ok: false, problems: ['the backup unpacks to more than 4 GB'] };
  const json = zip.file('backup.json');
  if (!json) return { ok: false, problems: ['backup.json is missing'] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await json.async('string'));
  } catch (error) {
    return { ok: false, problems: [`backup.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = BackupData.safeParse(parsed);
  if (!result.success) return { ok: false, problems: formatIssues(result.error.issues).slice(0, 50) };
  const files = new Map<string, Uint8Array>();
  for (const f of result.data.files) {
    const entry = zip.file(`files/${f.documentId}`);
    if (!entry) return { ok: false, problems: [`files/${f.documentId} is missing`] };
    files.set(f.documentId, await entry.async('uint8array'));
  }
  return { ok: true, data: result.data, files };
}
