// Store tests on fake-indexeddb: projects, coders, codebooks, documents and codings, and that
// interrupted writes leave the previous state intact.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OverensError, type Judgement, type Segment } from '../../../src/core';
import { createStore, ensurePersistentStorage, openDatabase, type Store } from '../../../src/store';
import { documentFixture, tinyTemplate } from './fixtures';

let store: Store;
let dbName: string;

beforeEach(() => {
  dbName = `test-${Math.random().toString(36).slice(2)}`;
  store = createStore(openDatabase(dbName));
});

afterEach(async () => {
  store.db.close();
  await indexedDB.deleteDatabase(dbName);
});

describe('projects', () => {
  it('creates a project with its first coder, the consensus coder and a codebook from the template', async () => {
    const { project, coder, consensusCoder } = await store.projects.create({ name: ' Studie 2017 ', coderName: 'Anna', template: tinyTemplate });
    expect(project.name).toBe('Studie 2017');
    const stored = await store.projects.get(project.id);
    expect(stored?.settings.blindCoding).toBe(true);
    expect(stored?.settings.codebookId).toBeDefined();
    const coders = await store.coders.list(project.id);
    expect(coders.map((c) => [c.name, c.kind])).toEqual([
      ['Anna', 'human'],
      ['Konsensus', 'consensus'],
    ]);
    expect(coders[0]?.id).toBe(coder.id);
    expect(coders[1]?.id).toBe(consensusCoder.id);
    const versions = await store.codebooks.versions(stored!.settings.codebookId!);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, status: 'published' });
    expect(versions[0]?.content.variables[0]?.label.sv).toBe('LVM');
  });

  it('lists projects most recently used first and renames them', async () => {
    const a = await store.projects.create({ name: 'A', coderName: 'x' }, 1000);
    const b = await store.projects.create({ name: 'B', coderName: 'x' }, 2000);
    expect((await store.projects.list()).map((p) => p.name)).toEqual(['B', 'A']);
    await store.projects.touch(a.project.id, 3000);
    expect((await store.projects.list()).map((p) => p.name)).toEqual(['A', 'B']);
    await store.projects.rename(b.project.id, 'B2');
    expect((await store.projects.get(b.project.id))?.name).toBe('B2');
    await expect(store.projects.rename(b.project.id, '   ')).rejects.toThrow(/must not be empty/);
    await expect(store.projects.rename('missing', 'X')).rejects.toBeInstanceOf(OverensError);
  });

  it('refuses an empty project name and creates nothing', async () => {
    await expect(store.projects.create({ name: '', coderName: 'Anna' })).rejects.toThrow();
    expect(await store.db.projects.count()).toBe(0);
    expect(await store.db.coders.count()).toBe(0);
  });

  it('deletes a project with everything in it, and nothing of other projects', async () => {
    const keep = await store.projects.create({ name: 'Keep', coderName: 'K', template: tinyTemplate });
    const drop = await store.projects.create({ name: 'Drop', coderName: 'D', template: tinyTemplate });
    await store.documents.add(documentFixture(keep.project.id, 'keep-doc'));
    await store.documents.add(documentFixture(drop.project.id, 'drop-doc'));
    await store.projects.delete(drop.project.id);
    expect(await store.projects.get(drop.project.id)).toBeUndefined();
    expect(await store.db.coders.where('projectId').equals(drop.project.id).count()).toBe(0);
    expect(await store.db.codebooks.where('projectId').equals(drop.project.id).count()).toBe(0);
    expect(await store.documents.get('drop-doc')).toBeUndefined();
    expect(await store.documents.content('drop-doc')).toBeUndefined();
    expect(await store.documents.get('keep-doc')).toBeDefined();
    expect(await store.coders.list(keep.project.id)).toHaveLength(2);
  });

  it('updates settings through the schema', async () => {
    const { project } = await store.projects.create({ name: 'P', coderName: 'A' });
    await store.projects.updateSettings(project.id, { blindCoding: false });
    expect((await store.projects.get(project.id))?.settings.blindCoding).toBe(false);
  });
});

describe('coders', () => {
  it('refuses duplicate names (case-insensitive) and the reserved consensus name', async () => {
    const { project } = await store.projects.create({ name: 'P', coderName: 'Anna' });
    await store.coders.add(project.id, 'Bertil');
    await expect(store.coders.add(project.id, 'anna')).rejects.toMatchObject({ code: 'coder-name-taken' });
    await expect(store.coders.add(project.id, 'konsensus')).rejects.toMatchObject({ code: 'coder-name-reserved' });
    await expect(store.projects.create({ name: 'Q', coderName: 'Konsensus' })).rejects.toMatchObject({ code: 'coder-name-reserved' });
    const names = (await store.coders.list(project.id)).map((c) => c.name);
    expect(names).toEqual(['Anna', 'Bertil', 'Konsensus']);
  });

  it('renames a human coder but never the consensus coder', async () => {
    const { project, coder, consensusCoder } = await store.projects.create({ name: 'P', coderName: 'Anna' });
    await store.coders.rename(coder.id, 'Anna K');
    await expect(store.coders.rename(consensusCoder.id, 'X')).rejects.toMatchObject({ code: 'coder-name-reserved' });
    expect((await store.coders.list(project.id)).map((c) => c.name)).toEqual(['Anna K', 'Konsensus']);
  });
});

describe('interrupted writes leave the previous state intact', () => {
  it('a project whose template turns out invalid halfway through is not created at all', async () => {
    const broken = { ...tinyTemplate, content: { ...tinyTemplate.content, variables: [{ ...tinyTemplate.content.variables[0]!, values: [] }] } };
    await expect(store.projects.create({ name: 'P', coderName: 'A', template: broken })).rejects.toThrow();
    expect(await store.db.projects.count()).toBe(0);
    expect(await store.db.coders.count()).toBe(0);
    expect(await store.db.codebooks.count()).toBe(0);
  });

  it('a project deletion that fails midway deletes nothing', async () => {
    const { project, coder } = await store.projects.create({ name: 'P', coderName: 'A', template: tinyTemplate });
    await store.documents.add(documentFixture(project.id));
    const versionId = (await store.db.codebookVersions.toArray())[0]!.id;
    await store.codings.putJudgement(judgementFixture(project.id, coder.id, versionId));
    // Make the judgements table fail while the deletion runs (documents are already gone by then).
    const failing = (): never => {
      throw new Error('disk full');
    };
    store.db.judgements.hook('deleting', failing);
    await expect(store.projects.delete(project.id)).rejects.toThrow('disk full');
    store.db.judgements.hook('deleting').unsubscribe(failing);
    expect(await store.projects.get(project.id)).toBeDefined();
    expect(await store.documents.get('doc-1')).toBeDefined();
    expect(await store.documents.content('doc-1')).toBeDefined();
    expect(await store.db.judgements.count()).toBe(1);
    expect(await store.coders.list(project.id)).toHaveLength(2);
  });

  it('a document import whose file write fails leaves no half document', async () => {
    const { project } = await store.projects.create({ name: 'P', coderName: 'A' });
    const first = documentFixture(project.id, 'doc-1');
    await store.documents.add(first);
    // Same id again: the metadata row is new (different id), but the file row collides.
    const second = documentFixture(project.id, 'doc-2');
    second.file = { ...second.file, documentId: 'doc-2' };
    await store.db.documentFiles.add({ documentId: 'doc-2', mimeType: 'text/plain', bytes: new Blob(['old']) });
    await expect(store.documents.add(second)).rejects.toThrow();
    expect(await store.documents.get('doc-2')).toBeUndefined();
    expect(await store.documents.content('doc-2')).toBeUndefined();
    expect(await store.documents.list(project.id)).toHaveLength(1);
  });
});

function judgementFixture(projectId: string, coderId: string, versionId: string, valueIds = ['lvm.ja']): Judgement {
  return {
    id: `j-${Math.random()}`,
    projectId,
    documentId: 'doc-1',
    coderId,
    codebookVersionId: versionId,
    variableId: 'lvm',
    valueIds,
    status: 'final',
    origin: 'explicit',
    evidenceSegmentIds: [],
    memo: '',
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('documents and codings', () => {
  it('stores metadata, content and bytes, finds duplicates by sha256 and sets attributes', async () => {
    const { project } = await store.projects.create({ name: 'P', coderName: 'A' });
    await store.documents.add(documentFixture(project.id));
    expect(await store.documents.findBySha256(project.id, 'a'.repeat(64))).toHaveLength(1);
    expect((await store.documents.content('doc-1'))?.text).toContain('LVM');
    const file = await store.documents.file('doc-1');
    expect(await file?.bytes.text()).toBe('Överenskommelsen nämner LVM.');
    await store.documents.setAttributes('doc-1', { level: 'local', county: 'Dalarna' });
    expect((await store.documents.get('doc-1'))?.attributes).toEqual({ level: 'local', county: 'Dalarna' });
    await expect(store.documents.setAttributes('nope', {})).rejects.toMatchObject({ code: 'document-not-found' });
  });

  it('rejects a document for a project that does not exist', async () => {
    await expect(store.documents.add(documentFixture('no-such-project'))).rejects.toMatchObject({ code: 'project-not-found' });
    expect(await store.db.documents.count()).toBe(0);
  });

  it('keeps one judgement per document, coder and variable', async () => {
    const { project, coder } = await store.projects.create({ name: 'P', coderName: 'A', template: tinyTemplate });
    await store.documents.add(documentFixture(project.id));
    const versionId = (await store.db.codebookVersions.toArray())[0]!.id;
    const first = await store.codings.putJudgement(judgementFixture(project.id, coder.id, versionId, ['lvm.ja']));
    const second = await store.codings.putJudgement({ ...judgementFixture(project.id, coder.id, versionId, ['lvm.nej']), updatedAt: 5 });
    expect(second.id).toBe(first.id);
    const all = await store.codings.judgementsFor('doc-1', coder.id);
    expect(all).toHaveLength(1);
    expect(all[0]?.valueIds).toEqual(['lvm.nej']);
  });

  it('deleting a segment removes it from judgement evidence in the same transaction', async () => {
    const { project, coder } = await store.projects.create({ name: 'P', coderName: 'A', template: tinyTemplate });
    await store.documents.add(documentFixture(project.id));
    const versionId = (await store.db.codebookVersions.toArray())[0]!.id;
    const segment: Segment = {
      id: 'seg-1',
      projectId: project.id,
      documentId: 'doc-1',
      coderId: coder.id,
      codebookVersionId: versionId,
      variableId: 'lvm',
      valueId: 'lvm.ja',
      selector: { position: { start: 24, end: 27 }, quote: { exact: 'LVM', prefix: 'Överenskommelsen nämner ', suffix: '.' }, page: 1 },
      memo: '',
      orphaned: false,
      createdAt: 1,
      updatedAt: 1,
    };
    await store.codings.addSegment(segment);
    await store.codings.putJudgement({ ...judgementFixture(project.id, coder.id, versionId), evidenceSegmentIds: ['seg-1'] });
    await store.codings.deleteSegment('seg-1');
    expect(await store.codings.segmentsFor('doc-1', coder.id)).toHaveLength(0);
    expect((await store.codings.judgementsFor('doc-1', coder.id))[0]?.evidenceSegmentIds).toEqual([]);
  });
});

describe('database', () => {
  it('keeps data when closed and reopened', async () => {
    const { project } = await store.projects.create({ name: 'Persisted', coderName: 'A', template: tinyTemplate });
    store.db.close();
    store = createStore(openDatabase(dbName));
    expect((await store.projects.get(project.id))?.name).toBe('Persisted');
    expect(store.db.verno).toBe(4);
  });

  it('asks for persistent storage once and remembers the answer', async () => {
    let asked = 0;
    const storage = { persisted: async () => false, persist: async () => (asked++, true) };
    expect(await ensurePersistentStorage(store.db, storage)).toBe('granted');
    expect(await ensurePersistentStorage(store.db, storage)).toBe('granted');
    expect(asked).toBe(1);
  });

  it('records a refusal and an unsupported browser', async () => {
    expect(await ensurePersistentStorage(store.db, { persisted: async () => false, persist: async () => false })).toBe('denied');
    // A later grant is picked up.
    expect(await ensurePersistentStorage(store.db, { persisted: async () => true, persist: async () => true })).toBe('granted');
    const other = createStore(openDatabase(`${dbName}-2`));
    expect(await ensurePersistentStorage(other.db, {})).toBe('unsupported');
    other.db.close();
    await indexedDB.deleteDatabase(`${dbName}-2`);
  });
});

describe('bulk attributes', () => {
  it('sets many documents\' attributes, or none when one document is missing', async () => {
    const { project } = await store.projects.create({ name: 'P', coderName: 'A' });
    await store.documents.add(documentFixture(project.id, 'd1'));
    await store.documents.add(documentFixture(project.id, 'd2'));
    await store.documents.setAttributesMany([
      { id: 'd1', attributes: { level: 'county' } },
      { id: 'd2', attributes: { level: 'local', county: 'Dalarna' } },
    ]);
    expect((await store.documents.get('d2'))?.attributes).toEqual({ level: 'local', county: 'Dalarna' });
    await expect(
      store.documents.setAttributesMany([
        { id: 'd1', attributes: { level: 'changed' } },
        { id: 'gone', attributes: { level: 'x' } },
      ]),
    ).rejects.toMatchObject({ code: 'document-not-found' });
    expect((await store.documents.get('d1'))?.attributes).toEqual({ level: 'county' });
  });
});

describe('carrying codings to a new version of a document', () => {
  it('re-anchors passages in the new text, keeps unfindable ones as orphans, and copies judgements', async () => {
    const { project, coder } = await store.projects.create({ name: 'P', coderName: 'A', template: tinyTemplate });
    const oldText = 'Inledning. Personer som vårdas enligt LVM omfattas. Tvister hanteras lokalt.';
    await store.documents.add(documentFixture(project.id, 'v1', oldText));
    const versionId = (await store.db.codebookVersions.toArray())[0]!.id;
    const { describeRange } = await import('../../../src/core/anchoring');
    const make = (id: string, phrase: string): Segment => {
      const start = oldText.indexOf(phrase);
      return {
        id, projectId: project.id, documentId: 'v1', coderId: coder.id, codebookVersionId: versionId, variableId: 'lvm', valueId: 'lvm.ja',
        selector: describeRange(oldText, start, start + phrase.length), memo: 'viktig', orphaned: false, createdAt: 1, updatedAt: 1,
      };
    };
    await store.codings.addSegment(make('s1', 'vårdas enligt LVM'));
    await store.codings.addSegment(make('s2', 'Tvister hanteras lokalt'));
    await store.codings.putJudgement({ ...judgementFixture(project.id, coder.id, versionId), documentId: 'v1', evidenceSegmentIds: ['s1', 's2'] });

    const newText = 'Ny inledning med mer text. Personer som vårdas enligt LVM omfattas. Konflikter löses av ledningen.';
    const result = await store.codings.carryOver('v1', { documentId: 'v2', text: newText, pageStarts: [0] });
    expect(result).toEqual({ anchored: 1, orphaned: 1 });
    const moved = await store.codings.segmentsOfDocument('v2');
    const anchored = moved.find((s) => !s.orphaned)!;
    expect(newText.slice(anchored.selector.position.start, anchored.selector.position.end)).toBe('vårdas enligt LVM');
    expect(anchored.memo).toBe('viktig');
    const orphan = moved.find((s) => s.orphaned)!;
    expect(orphan.selector.quote.exact).toBe('Tvister hanteras lokalt');
    const [judgement] = await store.codings.judgementsFor('v2', coder.id);
    expect(judgement?.evidenceSegmentIds.sort()).toEqual(moved.map((s) => s.id).sort());
    // The old version keeps its own codings.
    expect(await store.codings.segmentsOfDocument('v1')).toHaveLength(2);
  });
});

describe('schema version 2', () => {
  it('opens a database created by schema version 1 and keeps its data, adding the memos table', async () => {
    const { openDatabaseV1 } = await import('../../../src/store');
    store.db.close();
    await indexedDB.deleteDatabase(dbName);
    const v1 = openDatabaseV1(dbName);
    await v1.open();
    await v1.table('projects').add({ id: 'old', name: 'Från version 1', description: '', createdAt: 1, updatedAt: 1, settings: { blindCoding: true } });
    v1.close();
    store = createStore(openDatabase(dbName));
    expect((await store.projects.get('old'))?.name).toBe('Från version 1');
    expect(store.db.verno).toBe(4);
    await store.codings.setDocumentMemo('old', 'd', 'c', 'Oklart om LVM avses.');
    expect((await store.codings.documentMemo('d', 'c'))?.text).toBe('Oklart om LVM avses.');
    await store.codings.setDocumentMemo('old', 'd', 'c', '  ');
    expect(await store.codings.documentMemo('d', 'c')).toBeUndefined();
  });
});

describe('bulk coding (code all hits)', () => {
  it('adds many passages in one transaction and removes them together, evidence included', async () => {
    const { project, coder } = await store.projects.create({ name: 'P', coderName: 'A', template: tinyTemplate });
    await store.documents.add(documentFixture(project.id));
    const versionId = (await store.db.codebookVersions.toArray())[0]!.id;
    const seg = (id: string): Segment => ({
      id, projectId: project.id, documentId: 'doc-1', coderId: coder.id, codebookVersionId: versionId, variableId: 'lvm', valueId: 'lvm.ja',
      selector: { position: { start: 24, end: 27 }, quote: { exact: 'LVM', prefix: '', suffix: '.' } }, memo: '', orphaned: false, createdAt: 1, updatedAt: 1,
    });
    await store.codings.addSegments([seg('a'), seg('b')]);
    await expect(store.codings.addSegments([seg('c'), seg('a')])).rejects.toThrow();
    expect((await store.codings.segmentsOfDocument('doc-1')).map((s) => s.id).sort()).toEqual(['a', 'b']);
    await store.codings.putJudgement({ ...judgementFixture(project.id, coder.id, versionId), evidenceSegmentIds: ['a', 'b'] });
    await store.codings.deleteSegments(['a', 'b']);
    expect(await store.codings.segmentsOfDocument('doc-1')).toEqual([]);
    expect((await store.codings.judgementsFor('doc-1', coder.id))[0]?.evidenceSegmentIds).toEqual([]);
  });
});
