// Project backup and restore: a round trip gives the same records and bytes; a restore never
// merges silently; tampered or unsafe files are refused before anything changes.
import 'fake-indexeddb/auto';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup, writeBackup } from '../../../src/formats/backup';
import { createStore, openDatabase, type Store } from '../../../src/store';
import { tinyTemplate } from './fixtures';

let store: Store;
let name: string;
beforeEach(() => {
  name = `backup-${Math.random()}`;
  store = createStore(openDatabase(name));
});
afterEach(async () => {
  store.db.close();
  await indexedDB.deleteDatabase(name);
});

async function seed() {
  const { project, coder } = await store.projects.create({ name: 'Studie', coderName: 'Anna', template: tinyTemplate });
  const text = 'Överenskommelsen nämner LVM.';
  await store.documents.add({
    meta: { id: 'd1', projectId: project.id, fileName: 'a.txt', kind: 'txt', sha256: 'a'.repeat(64), size: 3, version: 1, importedAt: 1, pageCount: 1, textLength: text.length, hasText: true, attributes: { level: 'county' }, warnings: [] },
    content: { documentId: 'd1', text, pageStarts: [0] },
    file: { documentId: 'd1', mimeType: 'text/plain', bytes: new Blob([new Uint8Array([1, 2, 3])]) },
  });
  const versionId = (await store.db.codebookVersions.toArray())[0]!.id;
  await store.codings.putJudgement({ id: 'j', projectId: project.id, documentId: 'd1', coderId: coder.id, codebookVersionId: versionId, variableId: 'lvm', valueIds: ['lvm.ja'], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: 'säker', createdAt: 1, updatedAt: 1 });
  await store.codings.setDocumentMemo(project.id, 'd1', coder.id, 'Dokumentmemo');
  return project;
}

describe('backup', () => {
  it('round-trips a project into an empty installation', async () => {
    const project = await seed();
    const { data, files } = await store.backups.collect(project.id);
    const bytes = await writeBackup(data, files);
    store.db.close();
    await indexedDB.deleteDatabase(name);
    store = createStore(openDatabase(name));
    const read = await readBackup(bytes);
    if (!read.ok) throw new Error(read.problems.join('; '));
    await store.backups.restore(read.data, read.files, { replace: false });
    expect((await store.projects.get(project.id))?.name).toBe('Studie');
    expect((await store.codings.judgementsOfProject(project.id))[0]?.memo).toBe('säker');
    expect(new Uint8Array(await (await store.documents.file('d1'))!.bytes.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect((await store.codings.documentMemo('d1', (await store.coders.list(project.id))[0]!.id))?.text).toBe('Dokumentmemo');
  });

  it('never merges: refuses an existing project unless asked to replace it, then replaces it whole', async () => {
    const project = await seed();
    const { data, files } = await store.backups.collect(project.id);
    await store.projects.rename(project.id, 'Ändrad');
    await expect(store.backups.restore(data, files, { replace: false })).rejects.toMatchObject({ code: 'project-exists' });
    expect((await store.projects.get(project.id))?.name).toBe('Ändrad');
    await store.backups.restore(data, files, { replace: true });
    expect((await store.projects.get(project.id))?.name).toBe('Studie');
    expect(await store.db.documents.count()).toBe(1);
  });

  it('refuses tampered, incomplete and unsafe backup files with the problems listed', async () => {
    const project = await seed();
    const { data, files } = await store.backups.collect(project.id);
    const tampered = { ...data, judgements: [{ ...data.judgements[0]!, projectId: 'other' }] };
    const read = await readBackup(await writeBackup(tampered, files));
    expect(read).toEqual({
      ok: false,
      problems: [
        { sv: 'backup.json stämmer inte med formatet (1 problem):', en: 'backup.json does not match the format (1 problem):' },
        // The schema's own message by path, in Swedish in Swedish (src/formats/issue-text.ts).
        { sv: 'judgements[0].projectId: hör till ett annat projekt', en: 'judgements[0].projectId: belongs to another project' },
      ],
    });
    // Many schema issues: a line saying how many, then the first 50.
    const many = { ...data, judgements: Array.from({ length: 60 }, (_, i) => ({ ...data.judgements[0]!, id: `j${i}`, projectId: 'other' })) };
    const manyRead = await readBackup(await writeBackup(many, files));
    expect(manyRead.ok ? [] : manyRead.problems.slice(0, 2)).toEqual([
      { sv: 'backup.json stämmer inte med formatet (60 problem; de första 50 visas):', en: 'backup.json does not match the format (60 problems; the first 50 are shown):' },
      { sv: 'judgements[0].projectId: hör till ett annat projekt', en: 'judgements[0].projectId: belongs to another project' },
    ]);
    expect(manyRead.ok ? 0 : manyRead.problems.length).toBe(51);
    const zip = new JSZip();
    zip.file('backup.json', JSON.stringify(data));
    zip.file('../../evil.txt', 'x');
    const unsafe = await readBackup(await zip.generateAsync({ type: 'uint8array' }));
    expect(unsafe.ok).toBe(false);
    if (!unsafe.ok) {
      expect(unsafe.problems[0]!.en).toMatch(/^unexpected entries: .*\.\.\/\.\.\/evil\.txt/);
      expect(unsafe.problems[0]!.sv).toMatch(/^oväntade sökvägar i filen: .*\.\.\/\.\.\/evil\.txt/);
    }
    const noFiles = new JSZip();
    noFiles.file('backup.json', JSON.stringify(data));
    expect(await readBackup(await noFiles.generateAsync({ type: 'uint8array' }))).toEqual({ ok: false, problems: [{ sv: 'files/d1 saknas', en: 'files/d1 is missing' }] });
    const notZip = await readBackup(new Uint8Array([1, 2, 3]));
    expect(notZip.ok ? [] : notZip.problems.map((p) => [p.sv.split(':')[0], p.en.split(':')[0]])).toEqual([['filen är ingen säkerhetskopia (den kan inte öppnas som zip-fil)', 'not a backup file (zip)']]);
    const noJson = new JSZip();
    noJson.file('files/d1', 'x');
    expect(await readBackup(await noJson.generateAsync({ type: 'uint8array' }))).toEqual({ ok: false, problems: [{ sv: 'backup.json saknas', en: 'backup.json is missing' }] });
  });
});
