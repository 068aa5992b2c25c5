// Codebook versions in the store: drafts, immutable published versions, and migrating codings
// (a merge moves them; a removed value leaves them, listed, under their old version).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Judgement, Segment } from '../../../src/core';
import { createStore, openDatabase, type Store } from '../../../src/store';
import { tinyTemplate } from './fixtures';

let store: Store;
let name: string;
beforeEach(() => {
  name = `ver-${Math.random()}`;
  store = createStore(openDatabase(name));
});
afterEach(async () => {
  store.db.close();
  await indexedDB.deleteDatabase(name);
});

async function setup() {
  const { project, coder } = await store.projects.create({ name: 'P', coderName: 'A', template: tinyTemplate });
  const codebookId = (await store.projects.get(project.id))!.settings.codebookId!;
  const v1 = (await store.codebooks.latest(codebookId))!;
  return { project, coder, codebookId, v1 };
}

describe('codebook versions', () => {
  it('creates one draft from the published version and refuses to edit a published one', async () => {
    const { codebookId, v1 } = await setup();
    const draft = await store.versions.draft(codebookId, 10);
    expect(draft).toMatchObject({ number: 2, status: 'draft', basedOnVersionId: v1.id });
    expect((await store.versions.draft(codebookId)).id).toBe(draft.id);
    await expect(store.versions.updateDraft(v1.id, v1.content, [])).rejects.toMatchObject({ code: 'version-published' });
    const bad = structuredClone(draft.content);
    bad.variables[0]!.values = [];
    await expect(store.versions.updateDraft(draft.id, bad, [])).rejects.toThrow(/at least two values/);
  });

  it('publishes with the recorded merge, then migrates codings made under version 1', async () => {
    const { project, coder, codebookId, v1 } = await setup();
    const draft = await store.versions.draft(codebookId);
    const content = structuredClone(draft.content);
    const lvm = content.variables[0]!;
    lvm.values = [{ ...lvm.values[0]!, id: 'lvm.ja2', key: 'ja2', label: { sv: 'Ja (sammanslagen)' } }, lvm.values[1]!];
    await store.versions.updateDraft(draft.id, content, [{ type: 'merged', variableId: 'lvm', from: ['lvm.ja'], into: 'lvm.ja2' }]);
    const v2 = await store.versions.publish(draft.id, 20);
    expect(v2.status).toBe('published');
    expect(v2.changes).toContainEqual({ type: 'merged', variableId: 'lvm', from: ['lvm.ja'], into: 'lvm.ja2' });

    const base = { projectId: project.id, documentId: 'd', coderId: coder.id, codebookVersionId: v1.id, variableId: 'lvm', createdAt: 1, updatedAt: 1 };
    const segment: Segment = { ...base, id: 's', valueId: 'lvm.ja', memo: '', orphaned: false, selector: { position: { start: 0, end: 3 }, quote: { exact: 'LVM', prefix: '', suffix: '' } } };
    const judgement: Judgement = { ...base, id: 'j', valueIds: ['lvm.ja'], status: 'final', origin: 'explicit', evidenceSegmentIds: ['s'], memo: '' };
    await store.db.segments.add(segment);
    await store.db.judgements.add(judgement);
    expect((await store.versions.valueUse(project.id)).get('lvm.ja')).toBe(2);

    const result = await store.versions.migrate(v2.id);
    expect(result).toEqual({ moved: 2, decide: [] });
    expect(await store.db.segments.get('s')).toMatchObject({ codebookVersionId: v2.id, valueId: 'lvm.ja2' });
    expect(await store.db.judgements.get('j')).toMatchObject({ codebookVersionId: v2.id, valueIds: ['lvm.ja2'] });
  });

  it('leaves codings of a removed value under their old version and lists them', async () => {
    const { project, coder, codebookId, v1 } = await setup();
    const draft = await store.versions.draft(codebookId);
    const content = structuredClone(draft.content);
    content.variables[0]!.values.push({ ...content.variables[0]!.values[0]!, id: 'lvm.delvis', key: 'delvis', label: { sv: 'Delvis' } });
    content.variables[0]!.values = content.variables[0]!.values.filter((v) => v.id !== 'lvm.ja');
    await store.versions.updateDraft(draft.id, content, []);
    const v2 = await store.versions.publish(draft.id);
    await store.db.judgements.add({ id: 'j', projectId: project.id, documentId: 'd', coderId: coder.id, codebookVersionId: v1.id, variableId: 'lvm', valueIds: ['lvm.ja'], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1 });
    const result = await store.versions.migrate(v2.id);
    expect(result.moved).toBe(0);
    expect(result.decide).toEqual([{ kind: 'judgement', id: 'j', documentId: 'd', variableId: 'lvm', reason: 'value-removed' }]);
    expect((await store.db.judgements.get('j'))?.codebookVersionId).toBe(v1.id);
    const nextDraft = await store.versions.draft(codebookId);
    await expect(store.versions.migrate(nextDraft.id)).rejects.toMatchObject({ code: 'version-not-published' });
  });
});
