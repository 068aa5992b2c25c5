/**
 * The project backup file: a zip holding `backup.json` (every record, versioned format) and
 * `files/<documentId>` (the original documents). Reading checks entry names (no paths outside
 * `files/`), caps the unpacked size, and validates every record before anything is restored.
 * Problems are in Swedish and English; the records' schema issues ("path: message") are the same in
 * both, after a line saying how many there are.
 */
import JSZip from 'jszip';
import { BackupData, declaredUnpackedSize, storedEntryNames, type UserMessage } from '../core';
import { issueMessages, msg } from './messages';

/** At most this many schema issues are listed. */
const SHOWN_ISSUES = 50;

export const MAX_BACKUP_UNPACKED = 4 * 1024 * 1024 * 1024;

export async function writeBackup(data: BackupData, files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('backup.json', JSON.stringify(data));
  for (const [documentId, bytes] of files) zip.file(`files/${documentId}`, bytes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export type BackupRead = { ok: true; data: BackupData; files: Map<string, Uint8Array> } | { ok: false; problems: UserMessage[] };

export async function readBackup(bytes: Uint8Array): Promise<BackupRead> {
  const fail = (sv: string, en: string): BackupRead => ({ ok: false, problems: [msg(sv, en)] });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // The zip library's own (English) words only in the English text.
    return fail('filen är ingen säkerhetskopia (den kan inte öppnas som zip-fil).', `not a backup file (zip): ${detail}`);
  }
  const bad = storedEntryNames(zip).filter((n) => n !== '/' && n !== 'backup.json' && n !== 'files/' && !/^files\/[A-Za-z0-9_.:-]+$/.test(n));
  if (bad.length) return fail(`oväntade sökvägar i filen: ${bad.join(', ')}`, `unexpected entries: ${bad.join(', ')}`);
  if (declaredUnpackedSize(zip) > MAX_BACKUP_UNPACKED) return fail('säkerhetskopian packas upp till mer än 4 GB', 'the backup unpacks to more than 4 GB');
  const json = zip.file('backup.json');
  if (!json) return fail('backup.json saknas', 'backup.json is missing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await json.async('string'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`backup.json är inte giltig JSON: ${detail}`, `backup.json is not valid JSON: ${detail}`);
  }
  const result = BackupData.safeParse(parsed);
  if (!result.success) {
    const issues = issueMessages(result.error.issues);
    const n = issues.length;
    const more = n > SHOWN_ISSUES;
    const head = msg(
      `backup.json stämmer inte med formatet (${n} problem${more ? `; de första ${SHOWN_ISSUES} visas` : ''}):`,
      `backup.json does not match the format (${n} ${n === 1 ? 'problem' : 'problems'}${more ? `; the first ${SHOWN_ISSUES} are shown` : ''}):`,
    );
    return { ok: false, problems: [head, ...issues.slice(0, SHOWN_ISSUES)] };
  }
  const files = new Map<string, Uint8Array>();
  for (const f of result.data.files) {
    const entry = zip.file(`files/${f.documentId}`);
    if (!entry) return fail(`files/${f.documentId} saknas`, `files/${f.documentId} is missing`);
    files.set(f.documentId, await entry.async('uint8array'));
  }
  return { ok: true, data: result.data, files };
}
