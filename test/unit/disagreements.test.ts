// The disagreement review's list: sorted by document name then codebook order (not by id), the
// coders in one fixed order, states open / resolved / re-opened, and j/k moving between open
// items. Expected orders are written out by hand from the fixtures.
import { describe, expect, it } from 'vitest';
import type { Judgement, Variable } from '../../src/core';
import { findDisagreements, nextOpen } from '../../renderer/views/reliability/disagreements';

const variable = (id: string): Variable => ({ id, key: id, label: { sv: id }, description: {}, codingRule: {}, kind: 'single', level: 'nominal', values: [] });
const vars = [variable('lvm'), variable('sip')];
const j = (documentId: string, coderId: string, variableId: string, value: string, extra: Partial<Judgement> = {}): Judgement => ({
  id: `${documentId}${coderId}${variableId}`, projectId: 'p', documentId, coderId, codebookVersionId: 'v', variableId, valueIds: [value], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1, ...extra,
});

describe('disagreement list', () => {
  // Document ids sort the other way round from their names: z-id is "a.pdf".
  const fileNames = new Map([['z-id', 'a.pdf'], ['a-id', 'b.pdf']]);
  const judgements = [
    j('a-id', 'B', 'lvm', 'ja'), j('a-id', 'A', 'lvm', 'nej'),
    j('z-id', 'A', 'sip', 'ja'), j('z-id', 'B', 'sip', 'nej'),
    j('z-id', 'B', 'lvm', 'ja'), j('z-id', 'A', 'lvm', 'nej'),
    j('a-id', 'A', 'sip', 'ja'), j('a-id', 'B', 'sip', 'ja'),
  ];
  const consensus = [
    j('z-id', 'K', 'lvm', 'ja', { resolution: { reason: 'r', coderIds: ['A', 'B'], resolvedAt: 5, basis: [{ coderId: 'A', valueIds: ['nej'] }, { coderId: 'B', valueIds: ['ja'] }] } }),
    j('z-id', 'K', 'sip', 'ja', { resolution: { reason: 'r', coderIds: ['A', 'B'], resolvedAt: 5, basis: [{ coderId: 'A', valueIds: ['ja'] }, { coderId: 'B', valueIds: ['ja'] }] } }),
  ];
  const items = findDisagreements({ judgements, coders: ['A', 'B'], variables: vars, fileNames, consensus });

  it('sorts by document name, then codebook order, with the coders always in the same order', () => {
    expect(items.map((i) => `${i.fileName} ${i.variable.id}`)).toEqual(['a.pdf lvm', 'a.pdf sip', 'b.pdf lvm']);
    expect(items.map((i) => i.sides.map((s) => s.coderId).join())).toEqual(['A,B', 'A,B', 'A,B']);
  });

  it('knows open, resolved and re-opened items', () => {
    // a.pdf sip: the consensus' basis had B at "ja", B now says "nej" → re-opened.
    expect(items.map((i) => i.state)).toEqual(['resolved', 'reopened', 'open']);
    expect(items[1]!.reopened?.changes).toEqual([{ coderId: 'B', from: ['ja'], to: ['nej'] }]);
  });

  it('moves to the next and previous open item, wrapping around', () => {
    const [, reopened, open] = items.map((i) => i.key);
    expect(nextOpen(items, undefined, 1)).toBe(reopened);
    expect(nextOpen(items, reopened, 1)).toBe(open);
    expect(nextOpen(items, open, 1)).toBe(reopened);
    expect(nextOpen(items, reopened, -1)).toBe(open);
    expect(nextOpen(items.filter((i) => i.state === 'resolved'), undefined, 1)).toBeUndefined();
  });
});
