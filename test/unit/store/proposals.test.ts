// The lead's proposal settings in the store (fake-indexeddb): off by default; only the lead turns
// them on or sets the threshold; every change is a recorded event like blinding's; a judgement
// accepted from a proposal keeps its origin and confidence through the store and a backup. The
// expected events are the changes the test makes, in order.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/core';
import { proposalSettings } from '../../../src/core/assist';
import { readBackup, writeBackup } from '../../../src/formats/backup';
import { createStore, openDatabase, type Store } from '../../../src/store';
import { tinyTemplate } from './fixtures';

let store: Store;
let dbName: string;
beforeEach(() => {
  dbName = `proposals-${Math.random().toString(36).slice(2)}`;
  store = createStore(openDatabase(dbName));
});
afterEach(async () => {
  store.db.close();
  await indexedDB.deleteDatabase(dbName);
});

describe('the proposals switch and threshold', () => {
  it('are off until the lead turns them on, and only the lead can change them (recorded)', async () => {
    const { project, coder: anna } = await store.projects.create({ name: 'Studie', coderName: 'Anna', template: tinyTemplate });
    const bertil = await store.coders.add(project.id, 'Bertil');
    expect(proposalSettings((await store.projects.get(project.id))!.settings)).toEqual({ enabled: false, threshold: 0.8 });

    await expect(store.study.setProposals(project.id, bertil.id, { enabled: true })).rejects.toMatchObject({ code: 'proposals-not-lead', userMessage: { sv: 'Bara projektledaren (Anna) kan ändra förslagen.', en: 'Only the project lead (Anna) can change the proposals.' } });
    await expect(store.study.setProposals(project.id, anna.id, { threshold: 1.5 })).rejects.toMatchObject({ code: 'proposal-threshold', userMessage: { en: 'The threshold must be a number between 0 and 1 (not 1.5).' } });
    expect((await store.projects.get(project.id))!.settings.proposals).toBeUndefined();

    await store.study.setProposals(project.id, anna.id, { enabled: true }, 100);
    await store.study.setProposals(project.id, anna.id, { enabled: true }, 110); // no change: not recorded
    await store.study.setProposals(project.id, anna.id, { threshold: 0.667 }, 120);
    expect(proposalSettings((await store.projects.get(project.id))!.settings)).toEqual({ enabled: true, threshold: 0.667 });
    const events = (await store.study.blindingEvents(project.id)).map(({ scope, from, to, at, byCoderId }) => ({ scope, from, to, at, byCoderId }));
    expect(events).toEqual([
      { scope: 'proposals', from: 'off', to: 'on', at: 100, byCoderId: anna.id },
      { scope: 'proposal-threshold', from: '0.8', to: '0.667', at: 120, byCoderId: anna.id },
    ]);
  });

  it('keeps an accepted proposal\'s origin and confidence through the store and a backup', async () => {
    const { project, coder: anna } = await store.projects.create({ name: 'Studie', coderName: 'Anna', template: tinyTemplate });
    const version = (await store.db.codebookVersions.toArray())[0]!;
    const text = 'Dokumentet nämner LVM.';
    const bytes = new TextEncoder().encode(text);
    await store.documents.add({
      meta: { id: 'd1', projectId: project.id, fileName: 'd1.txt', kind: 'txt', sha256: 'a'.repeat(64), size: bytes.length, version: 1, importedAt: 1, pageCount: 1, textLength: text.length, hasText: true, attributes: {}, warnings: [] },
      content: { documentId: 'd1', text, pageStarts: [0] },
      file: { documentId: 'd1', mimeType: 'text/plain', bytes: new Blob([bytes]) },
    });
    await store.codings.putJudgement({ id: newId(), projectId: project.id, documentId: 'd1', coderId: anna.id, codebookVersionId: version.id, variableId: 'lvm', valueIds: ['lvm.ja'], status: 'final', origin: 'proposal', proposalConfidence: 0.93, evidenceSegmentIds: [], memo: '', createdAt: 5, updatedAt: 5 });
    const stored = await store.codings.judgementsOfProject(project.id);
    expect(stored.map((j) => [j.origin, j.proposalConfidence])).toEqual([['proposal', 0.93]]);
    const { data, files } = await store.backups.collect(project.id);
    const read = await readBackup(await writeBackup(data, files));
    expect('data' in read && read.data.judgements.map((j) => [j.origin, j.proposalConfidence])).toEqual([['proposal', 0.93]]);
  });
});
