/**
 * Back up one project (every record, and the original documents) and restore it. A restore
 * never merges: when the project already exists, it is replaced only when asked, in one
 * transaction (the old rows are deleted and the backup's inserted, or nothing changes).
 */
import { BACKUP_FORMAT, OverensError, type BackupData } from '../core';
import type { OverensDb } from './db';
import { ProjectRepository } from './projects';

export class BackupRepository {
  constructor(private readonly db: OverensDb) {}

  async collect(projectId: string, now: number = Date.now()): Promise<{ data: BackupData; files: Map<string, Uint8Array> }> {
    const db = this.db;
    const project = await db.projects.get(projectId);
    if (!project) throw new OverensError('project-not-found', { sv: 'Projektet finns inte.', en: 'The project does not exist.' });
    const documents = await db.documents.where('projectId').equals(projectId).toArray();
    const ids = documents.map((d) => d.id);
    const contents = (await db.documentContents.bulkGet(ids)).filter((c): c is NonNullable<typeof c> => c !== undefined);
    const fileRows = (await db.documentFiles.bulkGet(ids)).filter((f): f is NonNullable<typeof f> => f !== undefined);
    const files = new Map<string, Uint8Array>();
    for (const f of fileRows) files.set(f.documentId, new Uint8Array(await f.bytes.arrayBuffer()));
    const data: BackupData = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      exportedAt: now,
      project,
      coders: await db.coders.where('projectId').equals(projectId).toArray(),
      codebooks: await db.codebooks.where('projectId').equals(projectId).toArray(),
      codebookVersions: await db.codebookVersions.where('projectId').equals(projectId).toArray(),
      documents,
      documentContents: contents,
      files: fileRows.map((f) => ({ documentId: f.documentId, mimeType: f.mimeType })),
      segments: await db.segments.where('projectId').equals(projectId).toArray(),
      judgements: await db.judgements.where('projectId').equals(projectId).toArray(),
      memos: await db.memos.where('projectId').equals(projectId).toArray(),
      assignments: await db.assignments.where('projectId').equals(projectId).toArray(),
      samples: await db.samples.where('projectId').equals(projectId).toArray(),
      consensusEvents: await db.consensusEvents.where('projectId').equals(projectId).toArray(),
      blindingEvents: await db.blindingEvents.where('projectId').equals(projectId).toArray(),
    };
    return { data, files };
  }

  /**
   * A short fingerprint of everything a backup holds except the document bytes and texts (which
   * only change through an import, which changes the document rows too): equal fingerprints mean
   * a new backup would hold the same data, so automatic backups skip unchanged projects.
   */
  async fingerprint(projectId: string): Promise<string> {
    const db = this.db;
    let hash = 0x811c9dc5;
    let length = 0;
    const feed = (row: unknown) => {
      const text = JSON.stringify(row);
      length += text.length;
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    };
    const tables = [db.coders, db.codebooks, db.codebookVersions, db.documents, db.segments, db.judgements, db.memos, db.assignments, db.samples, db.consensusEvents, db.blindingEvents] as const;
    await db.transaction('r', [db.projects, ...tables], async () => {
      feed((await db.projects.get(projectId)) ?? null);
      for (const table of tables) {
        // Primary-key order, so the fingerprint does not depend on insertion order.
        const rows: { id?: string }[] = await table.where('projectId').equals(projectId).toArray();
        rows.sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1));
        feed(table.name);
        for (const row of rows) feed(row);
      }
    });
    return `${hash.toString(16).padStart(8, '0')}-${length}`;
  }

  async exists(projectId: string): Promise<boolean> {
    return (await this.db.projects.get(projectId)) !== undefined;
  }

  async restore(data: BackupData, files: ReadonlyMap<string, Uint8Array>, options: { replace: boolean }): Promise<void> {
    const db = this.db;
    await db.transaction(
      'rw',
      [db.projects, db.coders, db.codebooks, db.codebookVersions, db.documents, db.documentContents, db.documentFiles, db.segments, db.judgements, db.memos, db.assignments, db.samples, db.consensusEvents, db.blindingEvents],
      async () => {
        if (await db.projects.get(data.project.id)) {
          if (!options.replace) {
            throw new OverensError('project-exists', {
              sv: `Projektet "${data.project.name}" finns redan. Välj att ersätta det, eller avbryt.`,
              en: `The project "${data.project.name}" already exists. Choose to replace it, or cancel.`,
            });
          }
          await new ProjectRepository(db).delete(data.project.id);
        }
        await db.projects.add(data.project);
        await db.coders.bulkAdd(data.coders);
        await db.codebooks.bulkAdd(data.codebooks);
        await db.codebookVersions.bulkAdd(data.codebookVersions);
        await db.documents.bulkAdd(data.documents);
        await db.documentContents.bulkAdd(data.documentContents);
        await db.documentFiles.bulkAdd(data.files.map((f) => ({ documentId: f.documentId, mimeType: f.mimeType, bytes: new Blob([(files.get(f.documentId) ?? new Uint8Array()).slice()], { type: f.mimeType }) })));
        await db.segments.bulkAdd(data.segments);
        await db.judgements.bulkAdd(data.judgements);
        await db.memos.bulkAdd(data.memos);
        await db.assignments.bulkAdd(data.assignments ?? []);
        await db.samples.bulkAdd(data.samples ?? []);
        await db.consensusEvents.bulkAdd(data.consensusEvents ?? []);
        await db.blindingEvents.bulkAdd(data.blindingEvents ?? []);
      },
    );
  }
}
