// Automatic backups: the schedule, file names main accepts, skipping unchanged projects, keeping
// going when one project fails, and backups that restore. The folder is an in-memory stand-in for
// the Electron bridge (whose main-side handlers test/unit/electron/ipc.test.ts covers).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_FILE_PATTERN } from '../../src/core/ipc';
import { backupsToRemove } from '../../src/core/backup-names';
import { readBackup } from '../../src/formats/backup';
import { createStore, openDatabase, type Store } from '../../src/store';
import { backupFileName, backupStem, DEFAULT_SETTINGS, isDue, parseState, runBackups, type AutoBackupState } from '../../renderer/state/auto-backup';
import type { BackupFolder } from '../../renderer/platform/platform';
import { documentFixture, tinyTemplate } from './store/fixtures';

let store: Store;
let dbName: string;
beforeEach(() => {
  dbName = `auto-backup-${Math.random()}`;
  store = createStore(openDatabase(dbName));
});
afterEach(async () => {
  store.db.close();
  await indexedDB.deleteDatabase(dbName);
});

function memoryFolder(failFor?: RegExp): BackupFolder & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    current: async () => '/backups',
    choose: async () => '/backups',
    write: async (fileName, bytes, keep) => {
      if (!BACKUP_FILE_PATTERN.test(fileName)) throw new Error(`main would refuse ${fileName}`);
      if (failFor?.test(fileName)) throw new Error('ENOSPC: no space left on device');
      files.set(fileName, bytes);
      const stem = BACKUP_FILE_PATTERN.exec(fileName)![1];
      // Pruned as main prunes (electron/ipc-handlers.ts uses the same function).
      const same = [...files.keys()].flatMap((name) => (BACKUP_FILE_PATTERN.exec(name)![1] === stem ? [{ name, stamp: BACKUP_FILE_PATTERN.exec(name)![2]! }] : []));
      for (const old of backupsToRemove(same, fileName, keep)) files.delete(old);
      return { path: `/backups/${fileName}`, removed: [] };
    },
  };
}

const fresh = (): AutoBackupState => ({ settings: DEFAULT_SETTINGS, lastRunAt: null, projects: {} });

describe('schedule and names', () => {
  it('is due when never run or when the interval has passed; never when off', () => {
    const hourly: AutoBackupState = { ...fresh(), settings: { intervalMinutes: 60, keep: 5 }, lastRunAt: 1_000_000 };
    expect(isDue({ ...hourly, lastRunAt: null }, 0)).toBe(true);
    expect(isDue(hourly, 1_000_000 + 59 * 60_000)).toBe(false);
    expect(isDue(hourly, 1_000_000 + 60 * 60_000)).toBe(true);
    expect(isDue({ ...hourly, settings: { intervalMinutes: 0, keep: 5 } }, 1e12)).toBe(false);
  });

  it('reads damaged or hand-edited state as defaults, keeping what is valid', () => {
    expect(parseState(null)).toEqual(fresh());
    expect(parseState('{not json')).toEqual(fresh());
    const parsed = parseState(JSON.stringify({ settings: { intervalMinutes: 7, keep: -3 }, lastRunAt: 'x', projects: { a: { at: 1, fingerprint: 'f', path: '/p' }, b: { at: 'no' } } }));
    expect(parsed).toEqual({ settings: DEFAULT_SETTINGS, lastRunAt: null, projects: { a: { at: 1, fingerprint: 'f', path: '/p' } } });
  });

  it('names files as main requires, sortable by time, whatever the project is called', () => {
    // The timestamp is UTC (Z), whatever the machine's time zone.
    const at = new Date(Date.UTC(2026, 11, 1, 9, 5, 7));
    expect(backupFileName({ id: 'ab12-cd34-ef56', name: 'Överenskommelser 2017/1' }, at)).toBe('Överenskommelser-2017-1-ab12cd34-20261201-090507Z.overens-backup.zip');
    for (const name of ['../../etc', '   ', 'a/b\\c', '…', 'x'.repeat(300)]) {
      expect(BACKUP_FILE_PATTERN.test(backupFileName({ id: 'id1', name }, at))).toBe(true);
    }
    expect(backupStem({ id: 'id1', name: '' })).toBe('projekt-id1');
  });
});

describe('runBackups', () => {
  async function project(name: string) {
    const created = await store.projects.create({ name, coderName: 'Anna', template: tinyTemplate });
    const versionId = (await store.db.codebookVersions.where('projectId').equals(created.project.id).toArray())[0]!.id;
    // A backup holds only rows of its own project's documents (readBackup checks it).
    const documentId = `d-${created.project.id}`;
    await store.documents.add(documentFixture(created.project.id, documentId));
    const judge = (value: string, at: number) =>
      store.codings.putJudgement({ id: `j-${created.project.id}`, projectId: created.project.id, documentId, coderId: created.coder.id, codebookVersionId: versionId, variableId: 'lvm', valueIds: [value], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: at, updatedAt: at });
    await judge('lvm.ja', 1);
    return { ...created, judge };
  }

  it('backs up every project the first time, then only changed ones; force backs up all', async () => {
    const a = await project('Studie A');
    await project('Studie B');
    const folder = memoryFolder();
    const projects = await store.projects.list();
    const first = await runBackups({ store, folder, projects, state: fresh(), now: Date.UTC(2026, 11, 1, 8) });
    expect(first.result.written).toHaveLength(2);
    expect(first.state.lastRunAt).toBe(Date.UTC(2026, 11, 1, 8));
    const second = await runBackups({ store, folder, projects, state: first.state, now: Date.UTC(2026, 11, 1, 9) });
    expect(second.result.written).toHaveLength(0);
    expect(second.result.unchanged.sort()).toEqual(['Studie A', 'Studie B']);
    await a.judge('lvm.nej', 2);
    const progress: number[] = [];
    const third = await runBackups({ store, folder, projects, state: second.state, now: Date.UTC(2026, 11, 1, 10), onProgress: (done) => progress.push(done) });
    expect(third.result.written.map((w) => w.project)).toEqual(['Studie A']);
    expect(progress).toEqual([1, 2]);
    const forced = await runBackups({ store, folder, projects, state: third.state, now: Date.UTC(2026, 11, 1, 11), force: true });
    expect(forced.result.written).toHaveLength(2);
    // The newest backup of A restores to the changed judgement.
    const newestA = [...folder.files.keys()].filter((n) => n.startsWith('Studie-A-')).sort().at(-1)!;
    const read = await readBackup(folder.files.get(newestA)!);
    expect(read.ok && read.data.judgements.map((j) => j.valueIds)).toEqual([['lvm.nej']]);
  });

  it('keeps only the newest `keep` backups per project', async () => {
    const a = await project('Studie A');
    const folder = memoryFolder();
    let state: AutoBackupState = { ...fresh(), settings: { intervalMinutes: 15, keep: 2 } };
    for (let hour = 8; hour < 12; hour++) {
      await a.judge(hour % 2 ? 'lvm.ja' : 'lvm.nej', hour);
      ({ state } = await runBackups({ store, folder, projects: await store.projects.list(), state, now: Date.UTC(2026, 11, 1, hour) }));
    }
    expect([...folder.files.keys()].sort()).toEqual([expect.stringMatching(/-20261201-100000Z\./), expect.stringMatching(/-20261201-110000Z\./)]);
  });

  it('does not count a backup as written when the folder pruned it at once', async () => {
    await project('Studie A');
    // A folder whose pruning removed the file it had just written (the bug of local-time names).
    const folder: BackupFolder = { current: async () => '/b', choose: async () => '/b', write: async (fileName) => ({ path: `/b/${fileName}`, removed: [fileName] }) };
    const run = await runBackups({ store, folder, projects: await store.projects.list(), state: fresh(), now: 1 });
    expect(run.result.written).toEqual([]);
    expect(run.result.failed.map((f) => (f.error as { code?: string }).code)).toEqual(['backup-pruned']);
    expect(run.state.projects).toEqual({});
  });

  it('one project failing does not stop the others, and is retried next time', async () => {
    await project('Studie A');
    await project('Trasig');
    const folder = memoryFolder(/^Trasig-/);
    const run = await runBackups({ store, folder, projects: await store.projects.list(), state: fresh(), now: 1 });
    expect(run.result.written.map((w) => w.project)).toEqual(['Studie A']);
    expect(run.result.failed.map((f) => [f.project, (f.error as Error).message])).toEqual([['Trasig', 'ENOSPC: no space left on device']]);
    const retry = await runBackups({ store, folder: memoryFolder(), projects: await store.projects.list(), state: run.state, now: 2 });
    expect(retry.result.written.map((w) => w.project)).toEqual(['Trasig']);
  });
});
