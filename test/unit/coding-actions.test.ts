// Undo and redo of coding actions re-read the row and refuse over a change made elsewhere.
// Two tabs of one origin share IndexedDB: here two stores open the same fake-indexeddb database
// ("tab A" and "tab B"), as two Chromium pages would (the two-tab e2e test does it for real).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Judgement, Segment, Variable } from '../../src/core';
import { createStore, openDatabase, type Store } from '../../src/store';
import { codeHitsAction, codePassageAction, deletePassageAction, isChangedElsewhere, judgementAction, memoAction } from '../../renderer/coding/actions';
import { History } from '../../renderer/coding/history';
import { tinyTemplate } from './store/fixtures';

let a: Store;
let b: Store;
let dbName: string;
let ids: { projectId: string; coderId: string; versionId: string };
const lvm = tinyTemplate.content.variables[0] as Variable;

beforeEach(async () => {
  dbName = `coding-actions-${Math.random()}`;
  a = createStore(openDatabase(dbName));
  b = createStore(openDatabase(dbName));
  const created = await a.projects.create({ name: 'Studie', coderName: 'Anna', template: tinyTemplate });
  const versionId = (await a.db.codebookVersions.where('projectId').equals(created.project.id).toArray())[0]!.id;
  ids = { projectId: created.project.id, coderId: created.coder.id, versionId };
});
afterEach(async () => {
  a.db.close();
  b.db.close();
  await indexedDB.deleteDatabase(dbName);
});

function judgement(value: string, at = 1): Judgement {
  return { id: `j-${value}-${at}`, projectId: ids.projectId, documentId: 'd1', coderId: ids.coderId, codebookVersionId: ids.versionId, variableId: 'lvm', valueIds: [value], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: at, updatedAt: at };
}

function segment(id: string): Segment {
  return {
    id,
    projectId: ids.projectId,
    documentId: 'd1',
    coderId: ids.coderId,
    codebookVersionId: ids.versionId,
    variableId: 'lvm',
    valueId: 'lvm.ja',
    selector: { position: { start: 0, end: 3 }, quote: { exact: 'LVM', prefix: '', suffix: ' gäller' } },
    memo: '',
    orphaned: false,
    createdAt: 1,
    updatedAt: 1,
  };
}

const stored = async (s: Store) => (await s.codings.judgementsFor('d1', ids.coderId)).map((j) => [j.valueIds, j.memo]);

describe('judgements', () => {
  it('undo deletes a first judgement, redo puts it back (nothing changed elsewhere)', async () => {
    const h = new History({ isRefusal: isChangedElsewhere });
    await h.run(judgementAction(b, lvm, judgement('lvm.ja')));
    expect(await stored(a)).toEqual([[['lvm.ja'], '']]);
    await h.undo();
    expect(await stored(a)).toEqual([]);
    await h.redo();
    expect(await stored(a)).toEqual([[['lvm.ja'], '']]);
  });

  it("tab B's Ctrl+Z does not delete the judgement tab A changed since; it is refused with a message in both languages", async () => {
    // Issue 18 item 6: tab B's Ctrl+Z deleted the judgement tab A had just changed.
    const reported: unknown[] = [];
    const tabB = new History({ isRefusal: isChangedElsewhere, report: (e) => reported.push(e) });
    await tabB.run(judgementAction(b, lvm, judgement('lvm.ja')));
    // Tab A changes it to "Nej" (its own action, on its own store).
    await new History().run(judgementAction(a, lvm, judgement('lvm.nej', 2)));
    expect(await tabB.undo()).toBe(false);
    expect(await stored(a)).toEqual([[['lvm.nej'], '']]);
    expect(tabB.status).toEqual({ kind: 'refused', which: 'undo' });
    const error = reported[0] as { code: string; userMessage: { sv: string; en: string } };
    expect(error.code).toBe('coding-changed-elsewhere');
    expect(error.userMessage).toEqual({
      sv: 'Ångrades inte: bedömningen av ”LVM” har ändrats i en annan flik eller ett annat fönster.',
      en: 'Not undone: the judgement of “LVM” was changed in another tab or window.',
    });
  });

  it('undo restores the row its own write replaced, even when the screen had not caught up', async () => {
    // Two quick key presses: the second was built from a stale screen (no judgement yet).
    const h = new History({ isRefusal: isChangedElsewhere });
    void h.run(judgementAction(b, lvm, judgement('lvm.ja')));
    await h.run(judgementAction(b, lvm, judgement('lvm.nej')));
    await h.undo();
    expect(await stored(a)).toEqual([[['lvm.ja'], '']]);
    await h.undo();
    expect(await stored(a)).toEqual([]);
  });

  it('a redo over a judgement made elsewhere after the undo is refused', async () => {
    const h = new History({ isRefusal: isChangedElsewhere });
    await h.run(judgementAction(b, lvm, judgement('lvm.ja')));
    await h.undo();
    await new History().run(judgementAction(a, lvm, judgement('lvm.nej', 2)));
    await h.redo();
    expect(h.status).toEqual({ kind: 'refused', which: 'redo' });
    expect(await stored(a)).toEqual([[['lvm.nej'], '']]);
  });

  it('setting a value keeps a memo another tab wrote on the judgement', async () => {
    await a.codings.putJudgement({ ...judgement('lvm.ja'), memo: 'från flik A' });
    // Tab B's screen still shows the judgement without the memo.
    await new History().run(judgementAction(b, lvm, judgement('lvm.nej')));
    expect(await stored(a)).toEqual([[['lvm.nej'], 'från flik A']]);
  });
});

describe('passages and memos', () => {
  it('undo of a coded passage refuses when another tab wrote a memo on it', async () => {
    const h = new History({ isRefusal: isChangedElsewhere });
    await h.run(codePassageAction(b, segment('s1')));
    await new History().run(memoAction(a, { kind: 'segment', segment: segment('s1') }, 'viktig'));
    await h.undo();
    expect(h.status).toEqual({ kind: 'refused', which: 'undo' });
    expect((await a.db.segments.get('s1'))?.memo).toBe('viktig');
  });

  it('undo of a deletion puts the passage back as evidence of the judgement, keeping its current values', async () => {
    const h = new History({ isRefusal: isChangedElsewhere });
    await b.codings.addSegment(segment('s1'));
    await b.codings.putJudgement({ ...judgement('lvm.ja'), evidenceSegmentIds: ['s1'] });
    await h.run(deletePassageAction(b, segment('s1')));
    expect((await a.codings.judgementsFor('d1', ids.coderId))[0]!.evidenceSegmentIds).toEqual([]);
    await a.codings.updateJudgementMemo((await a.codings.judgementsFor('d1', ids.coderId))[0]!.id, 'A skrev');
    await h.undo();
    const [j] = await a.codings.judgementsFor('d1', ids.coderId);
    expect([j!.evidenceSegmentIds, j!.memo]).toEqual([['s1'], 'A skrev']);
    expect(await a.db.segments.get('s1')).toBeDefined();
  });

  it('undo of a memo refuses over a memo written elsewhere since; an unchanged one is restored', async () => {
    await b.codings.addSegment(segment('s1'));
    const h = new History({ isRefusal: isChangedElsewhere });
    await h.run(memoAction(b, { kind: 'segment', segment: segment('s1') }, 'B:s memo'));
    await h.undo();
    expect((await a.db.segments.get('s1'))?.memo).toBe('');
    await h.redo();
    await a.codings.updateSegmentMemo('s1', 'A:s memo');
    await h.undo();
    expect(h.status).toEqual({ kind: 'refused', which: 'undo' });
    expect((await a.db.segments.get('s1'))?.memo).toBe('A:s memo');
  });

  it('a memo on a passage deleted elsewhere is refused (named), not a failure that stops the queue', async () => {
    const h = new History({ isRefusal: isChangedElsewhere });
    const reported: { userMessage: { en: string } }[] = [];
    h.report = (e) => reported.push(e as never);
    await h.run(memoAction(b, { kind: 'segment', segment: segment('gone') }, 'text'));
    expect(h.status).toEqual({ kind: 'refused', which: 'run' });
    expect(reported[0]!.userMessage.en).toBe('Not saved: the passage “LVM” no longer exists (deleted in another tab or window).');
  });

  it('undo of "code all hits" removes them all, or — when another tab changed one — none', async () => {
    const h = new History({ isRefusal: isChangedElsewhere });
    await h.run(codeHitsAction(b, [segment('h1'), segment('h2')]));
    await h.undo();
    expect(await a.db.segments.count()).toBe(0);
    await h.redo();
    await a.codings.updateSegmentMemo('h2', 'A:s anteckning');
    await h.undo();
    expect(h.status).toEqual({ kind: 'refused', which: 'undo' });
    expect((await a.db.segments.toArray()).map((s) => [s.id, s.memo])).toEqual([
      ['h1', ''],
      ['h2', 'A:s anteckning'],
    ]);
  });
});
