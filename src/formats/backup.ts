/**
 * The project backup file: a zip holding `backup.json` (every record, versioned format) and
 * `files/<documentId>` (the original documents). Reading (through the bounded zip reader) checks
 * entry names (no paths outside `files/`), unpacks backup.json and each file under real caps, and
 * validates every record before anything is restored.
 * Problems are in Swedish and English; the records' schema issues ("path: message") are the same in
 * both, after a line saying how many there are.
 */
import JSZip from 'jszip';
import { BackupData, type UserMessage, type ZipProblem } from '../core';
import { issueMessages, msg } from './messages';
import { MAX_CONTAINER_BYTES, MAX_JSON_BYTES, containerLimits, isSizeProblem, nameList, openContainer, parseJson } from './zip-container';

/** At most this many schema issues are listed. */
const SHOWN_ISSUES = 50;

/** What a backup may unpack to in all (see zip-container.ts); JSZip only writes backups. */
export const MAX_BACKUP_UNPACKED = MAX_CONTAINER_BYTES;

export async function writeBackup(data: BackupData, files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('backup.json', JSON.stringify(data));
  for (const [documentId, bytes] of files) zip.file(`files/${documentId}`, bytes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export type BackupRead = { ok: true; data: BackupData; files: Map<string, Uint8Array> } | { ok: false; problems: UserMessage[] };

export interface BackupReadOptions {
  /** Put before every problem ("name: "), when the caller shows them without the file's name. */
  fileName?: string;
  /** Refuse a backup that unpacks to more than this many bytes in all (default MAX_BACKUP_UNPACKED). */
  maxUnpacked?: number;
}

export async function readBackup(bytes: Uint8Array, options: BackupReadOptions = {}): Promise<BackupRead> {
  const prefix = options.fileName ? `${options.fileName}: ` : '';
  const fail = (sv: string, en: string): BackupRead => ({ ok: false, problems: [msg(`${prefix}${sv}`, `${prefix}${en}`)] });
  const failZip = (problem: ZipProblem): BackupRead =>
    isSizeProblem(problem)
      ? fail(`${problem.message.sv}; säkerhetskopian öppnas inte.`, `${problem.message.en}; the backup is not opened.`)
      : fail(`säkerhetskopian är skadad: ${problem.message.sv}`, `the backup is damaged: ${problem.message.en}`);
  const opened = openContainer(bytes, containerLimits(options.maxUnpacked ?? MAX_BACKUP_UNPACKED));
  if (!opened.ok) {
    if (isSizeProblem(opened.problem)) return failZip(opened.problem);
    return fail(`filen är ingen säkerhetskopia (den kan inte öppnas som zip-fil): ${opened.problem.message.sv}`, `not a backup file (zip): ${opened.problem.message.en}`);
  }
  const { zip } = opened;
  const bad = zip.names.filter((n) => n !== '/' && n !== 'backup.json' && n !== 'files/' && !/^files\/[A-Za-z0-9_.:-]+$/.test(n));
  if (bad.length) return fail(`oväntade sökvägar i filen: ${nameList(bad)}`, `unexpected entries: ${nameList(bad)}`);
  if (!zip.has('backup.json')) return fail('backup.json saknas', 'backup.json is missing');
  const json = await zip.textOf('backup.json', MAX_JSON_BYTES);
  if (!json.ok) return failZip(json.problem);
  const parsed = parseJson(json.value);
  if (!parsed.ok) return fail(`backup.json är inte giltig JSON: ${parsed.detail}`, `backup.json is not valid JSON: ${parsed.detail}`);
  const result = BackupData.safeParse(parsed.value);
  if (!result.success) {
    const issues = issueMessages(result.error.issues);
    const n = issues.length;
    const more = n > SHOWN_ISSUES;
    const head = msg(
      `${prefix}backup.json stämmer inte med formatet (${n} problem${more ? `; de första ${SHOWN_ISSUES} visas` : ''}):`,
      `${prefix}backup.json does not match the format (${n} ${n === 1 ? 'problem' : 'problems'}${more ? `; the first ${SHOWN_ISSUES} are shown` : ''}):`,
    );
    return { ok: false, problems: [head, ...issues.slice(0, SHOWN_ISSUES)] };
  }
  const files = new Map<string, Uint8Array>();
  for (const f of result.data.files) {
    const name = `files/${f.documentId}`;
    if (!zip.has(name)) return fail(`${name} saknas`, `${name} is missing`);
    const read = await zip.bytesOf(name);
    if (!read.ok) return failZip(read.problem);
    files.set(f.documentId, read.value);
  }
  return { ok: true, data: result.data, files };
}
