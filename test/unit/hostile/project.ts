/**
 * A small real project (fake-indexeddb) for the hostile-file suite: one text document coded by
 * Anna, so tests can take its backup and a coder package and then tamper with them.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { createStore, openDatabase, type Store } from '../../../src/store';
import { tinyTemplate } from '../store/fixtures';

export const TEXT = 'Överenskommelsen nämner LVM och SIP.';

export interface Seeded {
  store: Store;
  projectId: string;
  coderId: string;
  secondCoderId: string;
  versionId: string;
  close(): Promise<void>;
}

export async function seededProject(): Promise<Seeded> {
  const name = `hostile-${Math.random()}`;
  const store = createStore(openDatabase(name));
  const { project, coder } = await store.projects.create({ name: 'Studie', coderName: 'Anna', template: tinyTemplate });
  const second = await store.coders.add(project.id, 'Bertil');
  const bytes = new TextEncoder().encode(TEXT);
  await store.documents.add({
    meta: { id: 'd1', projectId: project.id, fileName: 'a.txt', kind: 'txt', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, version: 1, importedAt: 1, pageCount: 1, textLength: TEXT.length, hasText: true, attributes: {}, warnings: [] },
    content: { documentId: 'd1', text: TEXT, pageStarts: [0] },
    file: { documentId: 'd1', mimeType: 'text/plain', bytes: new Blob([bytes]) },
  });
  const versionId = (await store.db.codebookVersions.toArray())[0]!.id;
  await store.codings.putJudgement({ id: 'j1', projectId: project.id, documentId: 'd1', coderId: coder.id, codebookVersionId: versionId, variableId: 'lvm', valueIds: ['lvm.ja'], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1 });
  return {
    store,
    projectId: project.id,
    coderId: coder.id,
    secondCoderId: second.id,
    versionId,
    close: async () => {
      store.db.close();
      await indexedDB.deleteDatabase(name);
    },
  };
}
