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
    expect(result).toMatchObject({ moved: 2, decide: [] });
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

describe('decisions after a migration', () => {
  /** v2 splits "Ja" into "Ja, skriftligt" / "Ja, muntligt"; codings of "Ja" under v1: a judgement and a passage. */
  async function splitSetup() {
    const { project, coder, codebookId, v1 } = await setup();
    const draft = await store.versions.draft(codebookId);
    const content = structuredClone(draft.content);
    const values = content.variables[0]!.values;
    values.splice(0, 1, { ...values[0]!, id: 'lvm.ja_s', key: 'ja_s', label: { sv: 'Ja, skriftligt' } }, { ...values[0]!, id: 'lvm.ja_m', key: 'ja_m', label: { sv: 'Ja, muntligt' } });
    await store.versions.updateDraft(draft.id, content, [{ type: 'split', variableId: 'lvm', from: 'lvm.ja', into: ['lvm.ja_s', 'lvm.ja_m'] }]);
    const v2 = await store.versions.publish(draft.id);
    const base = { projectId: project.id, documentId: 'd', coderId: coder.id, codebookVersionId: v1.id, variableId: 'lvm', createdAt: 1, updatedAt: 1 };
    await store.db.segments.add({ ...base, id: 's', valueId: 'lvm.ja', memo: '', orphaned: false, selector: { position: { start: 0, end: 3 }, quote: { exact: 'LVM', prefix: '', suffix: '' } } });
    await store.db.judgements.add({ ...base, id: 'j', valueIds: ['lvm.ja'], status: 'final', origin: 'explicit', evidenceSegmentIds: ['s'], memo: 'en anteckning' });
    await store.db.judgements.add({ ...base, id: 'j2', documentId: 'e', valueIds: ['lvm.nej'], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '' });
    return { project, coder, v1, v2 };
  }

  it('lists what moves by itself and what waits, by document, coder, variable and old value', async () => {
    const { coder, v1, v2 } = await splitSetup();
    const state = await store.versions.migrationState(v2.id);
    expect(state.movable).toEqual([{ kind: 'judgement', id: 'j2', valueIds: ['lvm.nej'] }]);
    expect(state.pending.map((p) => [p.kind, p.id, p.documentId, p.coderId, p.variableId, p.oldValueIds, p.fromVersionId, p.fromNumber, p.reason, p.candidates])).toEqual([
      ['segment', 's', 'd', coder.id, 'lvm', ['lvm.ja'], v1.id, 1, 'split', ['lvm.ja_s', 'lvm.ja_m']],
      ['judgement', 'j', 'd', coder.id, 'lvm', ['lvm.ja'], v1.id, 1, 'split', ['lvm.ja_s', 'lvm.ja_m']],
    ]);
    // Migrating moves the one that can move; the others stay and are still pending.
    expect((await store.versions.migrate(v2.id)).moved).toBe(1);
    expect((await store.versions.migrationState(v2.id)).movable).toEqual([]);
    expect((await store.versions.migrationState(v2.id)).pending).toHaveLength(2);
  });

  it('decides in bulk with one choice, in one transaction, and undoes it exactly', async () => {
    const { v1, v2 } = await splitSetup();
    const before = await store.versions.decide(v2.id, [
      { kind: 'segment', id: 's', choice: { type: 'value', valueId: 'lvm.ja_m' } },
      { kind: 'judgement', id: 'j', choice: { type: 'value', valueId: 'lvm.ja_m' } },
    ], 50);
    expect(await store.db.segments.get('s')).toMatchObject({ codebookVersionId: v2.id, valueId: 'lvm.ja_m', updatedAt: 50 });
    expect(await store.db.judgements.get('j')).toMatchObject({ codebookVersionId: v2.id, valueIds: ['lvm.ja_m'], memo: 'en anteckning', evidenceSegmentIds: ['s'] });
    expect((await store.versions.migrationState(v2.id)).pending).toEqual([]);
    await store.versions.restoreCodings(before);
    expect(await store.db.segments.get('s')).toMatchObject({ codebookVersionId: v1.id, valueId: 'lvm.ja', updatedAt: 1 });
    expect(await store.db.judgements.get('j')).toMatchObject({ codebookVersionId: v1.id, valueIds: ['lvm.ja'] });
    expect((await store.versions.migrationState(v2.id)).pending).toHaveLength(2);
  });

  it('keeps a coding under its version when asked (no longer pending), and refuses choices the change does not allow', async () => {
    const { v1, v2 } = await splitSetup();
    await expect(store.versions.decide(v2.id, [{ kind: 'judgement', id: 'j', choice: { type: 'value', valueId: 'lvm.nej' } }])).rejects.toMatchObject({ code: 'decision-not-allowed' });
    await expect(store.versions.decide(v2.id, [{ kind: 'judgement', id: 'j', choice: { type: 'not-coded' } }])).rejects.toMatchObject({ code: 'decision-not-allowed' });
    // A refused batch changes nothing, even the items before the refused one.
    await expect(store.versions.decide(v2.id, [{ kind: 'segment', id: 's', choice: { type: 'keep' } }, { kind: 'judgement', id: 'j2', choice: { type: 'keep' } }])).rejects.toMatchObject({ code: 'decision-not-pending' });
    expect((await store.db.segments.get('s'))?.keptBack).toBeUndefined();
    await store.versions.decide(v2.id, [{ kind: 'judgement', id: 'j', choice: { type: 'keep' } }], 60);
    expect(await store.db.judgements.get('j')).toMatchObject({ codebookVersionId: v1.id, valueIds: ['lvm.ja'], keptBack: { targetVersionId: v2.id, at: 60 } });
    const state = await store.versions.migrationState(v2.id);
    expect(state.pending.map((p) => p.id)).toEqual(['s']);
    expect(state.kept.map((p) => p.id)).toEqual(['j']);
    // A kept coding can be decided again; it then moves and is no longer kept.
    await store.versions.decide(v2.id, [{ kind: 'judgement', id: 'j', choice: { type: 'value', valueId: 'lvm.ja_s' } }]);
    expect(await store.db.judgements.get('j')).toMatchObject({ codebookVersionId: v2.id, valueIds: ['lvm.ja_s'] });
    expect((await store.db.judgements.get('j'))?.keptBack).toBeUndefined();
  });

  it('removes a passage decided "not coded" (and from its judgement\'s evidence); undo brings both back', async () => {
    const { project, coder, codebookId } = await setup();
    const draft = await store.versions.draft(codebookId);
    const content = structuredClone(draft.content);
    content.variables[0]!.values.push({ ...content.variables[0]!.values[1]!, id: 'lvm.vet_ej', key: 'vet_ej', label: { sv: 'Vet ej' }, absent: false });
    content.variables[0]!.values = content.variables[0]!.values.filter((x) => x.id !== 'lvm.ja');
    await store.versions.updateDraft(draft.id, content, []);
    const v2 = await store.versions.publish(draft.id);
    const v1 = (await store.codebooks.versions(codebookId))[0]!;
    const base = { projectId: project.id, documentId: 'd', coderId: coder.id, codebookVersionId: v1.id, variableId: 'lvm', createdAt: 1, updatedAt: 1 };
    await store.db.segments.add({ ...base, id: 's', valueId: 'lvm.ja', memo: '', orphaned: false, selector: { position: { start: 0, end: 3 }, quote: { exact: 'LVM', prefix: '', suffix: '' } } });
    await store.db.judgements.add({ ...base, id: 'j', valueIds: ['lvm.ja'], status: 'final', origin: 'explicit', evidenceSegmentIds: ['s'], memo: '' });
    const pending = (await store.versions.migrationState(v2.id)).pending;
    // For a removed value: every value of v2 is a candidate.
    expect(pending.map((p) => [p.id, p.reason, p.candidates])).toEqual([
      ['s', 'value-removed', ['lvm.nej', 'lvm.vet_ej']],
      ['j', 'value-removed', ['lvm.nej', 'lvm.vet_ej']],
    ]);
    const before = await store.versions.decide(v2.id, [
      { kind: 'segment', id: 's', choice: { type: 'not-coded' } },
      { kind: 'judgement', id: 'j', choice: { type: 'not-coded' } },
    ]);
    expect(await store.db.segments.get('s')).toBeUndefined();
    expect(await store.db.judgements.get('j')).toMatchObject({ codebookVersionId: v2.id, valueIds: [], evidenceSegmentIds: [] });
    await store.versions.restoreCodings(before);
    expect(await store.db.segments.get('s')).toMatchObject({ valueId: 'lvm.ja' });
    expect(await store.db.judgements.get('j')).toMatchObject({ codebookVersionId: v1.id, valueIds: ['lvm.ja'], evidenceSegmentIds: ['s'] });
  });
});
