/**
 * Automatic backups (Electron): every project that changed since its last backup is written as a
 * backup file into the folder the user picked, on a schedule, keeping the newest N per project.
 * In the browser there is no folder to write to, so backups are made on demand (downloads).
 *
 * The schedule and what was last written live in localStorage (per installation, like the
 * active coder); the folder itself lives in main's settings, which only main can write.
 */
import { backupTimestamp, fileNamePart, OverensError, type Project } from '../../src/core';
import { writeBackup } from '../../src/formats/backup';
import type { Store } from '../../src/store';
import type { BackupFolder } from '../platform/platform';

export const INTERVALS = [0, 15, 60, 240, 1440] as const;
export type IntervalMinutes = (typeof INTERVALS)[number];

export interface AutoBackupSettings {
  /** 0 = off. */
  intervalMinutes: IntervalMinutes;
  /** Backups kept per project (the oldest beyond this are deleted). */
  keep: number;
}

export const DEFAULT_SETTINGS: AutoBackupSettings = { intervalMinutes: 60, keep: 10 };

/** What was last backed up automatically, per project. */
export interface LastBackup {
  at: number;
  fingerprint: string;
  path: string;
}

export interface AutoBackupState {
  settings: AutoBackupSettings;
  /** When the scheduler last ran (whether or not anything changed). */
  lastRunAt: number | null;
  projects: Record<string, LastBackup>;
}

const KEY = 'overens.autoBackup';

export function parseState(raw: string | null): AutoBackupState {
  const empty: AutoBackupState = { settings: DEFAULT_SETTINGS, lastRunAt: null, projects: {} };
  if (!raw) return empty;
  try {
    const value = JSON.parse(raw) as Partial<AutoBackupState>;
    const interval = INTERVALS.find((i) => i === value.settings?.intervalMinutes) ?? DEFAULT_SETTINGS.intervalMinutes;
    const keep = Number.isInteger(value.settings?.keep) && value.settings!.keep >= 1 && value.settings!.keep <= 1000 ? value.settings!.keep : DEFAULT_SETTINGS.keep;
    const projects: Record<string, LastBackup> = {};
    for (const [id, last] of Object.entries(value.projects ?? {})) {
      if (typeof last?.at === 'number' && typeof last.fingerprint === 'string' && typeof last.path === 'string') projects[id] = last;
    }
    return { settings: { intervalMinutes: interval, keep }, lastRunAt: typeof value.lastRunAt === 'number' ? value.lastRunAt : null, projects };
  } catch {
    // A damaged entry (hand-edited storage) falls back to the defaults rather than stopping backups.
    return empty;
  }
}

export function loadState(storage: Pick<Storage, 'getItem'> = localStorage): AutoBackupState {
  return parseState(storage.getItem(KEY));
}

export function saveState(state: AutoBackupState, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(state));
}

/** Whether the schedule says a run is due at `now`. */
export function isDue(state: AutoBackupState, now: number): boolean {
  if (state.settings.intervalMinutes === 0) return false;
  return state.lastRunAt === null || now - state.lastRunAt >= state.settings.intervalMinutes * 60_000;
}

/** The file-name stem of a project's backups: its name (letters, digits and -) and the start of its id. */
export function backupStem(project: Pick<Project, 'id' | 'name'>): string {
  const name = fileNamePart(project.name, 'projekt').slice(0, 80);
  const id = project.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
  return `${name}-${id}`;
}

/**
 * `<stem>-<YYYYMMDD-HHMMSSZ>.overens-backup.zip` in UTC, so names sort by the moment they were
 * written, also across the autumn clock change (local 02:00–03:00 happens twice).
 */
export function backupFileName(project: Pick<Project, 'id' | 'name'>, now: Date): string {
  return `${backupStem(project)}-${backupTimestamp(now)}.overens-backup.zip`;
}

/** The save-dialog filter of backup files. */
export const BACKUP_FILTER = [{ name: 'Överens backup', extensions: ['zip'] }];

/** One project as a backup file's bytes (every record and the original documents). */
export async function projectBackup(store: Pick<Store, 'backups'>, projectId: string, now: number = Date.now()): Promise<Uint8Array> {
  const { data, files } = await store.backups.collect(projectId, now);
  return writeBackup(data, files);
}

export interface RunResult {
  written: { project: string; path: string }[];
  unchanged: string[];
  failed: { project: string; error: unknown }[];
}

/**
 * Back up every project whose content changed since its last automatic backup (all of them when
 * `force`). One project failing does not stop the others; the state is updated for those written.
 */
export async function runBackups(input: {
  store: Pick<Store, 'backups'>;
  folder: BackupFolder;
  projects: readonly Project[];
  state: AutoBackupState;
  now: number;
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ result: RunResult; state: AutoBackupState }> {
  const { store, folder, projects, now } = input;
  const result: RunResult = { written: [], unchanged: [], failed: [] };
  const state: AutoBackupState = { ...input.state, lastRunAt: now, projects: { ...input.state.projects } };
  let done = 0;
  for (const project of projects) {
    try {
      const fingerprint = await store.backups.fingerprint(project.id);
      if (!input.force && state.projects[project.id]?.fingerprint === fingerprint) {
        result.unchanged.push(project.name);
      } else {
        const fileName = backupFileName(project, new Date(now));
        const written = await folder.write(fileName, await projectBackup(store, project.id, now), state.settings.keep);
        // A folder that pruned the file it just wrote has not backed the project up.
        if (written.removed.includes(fileName)) {
          throw new OverensError('backup-pruned', {
            sv: `${written.path}: säkerhetskopian togs bort direkt av rensningen av gamla säkerhetskopior.`,
            en: `${written.path}: the backup was removed at once by the pruning of old backups.`,
          });
        }
        state.projects[project.id] = { at: now, fingerprint, path: written.path };
        result.written.push({ project: project.name, path: written.path });
      }
    } catch (error) {
      result.failed.push({ project: project.name, error });
    }
    input.onProgress?.(++done, projects.length);
  }
  return { result, state };
}
