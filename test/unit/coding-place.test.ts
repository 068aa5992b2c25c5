/** The remembered place and the document list's arrangement (renderer/views/coding/coding-place.ts). */
import { describe, expect, it } from 'vitest';
import { arrangeDocuments, loadListPrefs, loadPlace, savePlace, type ListedDocument } from '../../renderer/views/coding/coding-place';
import { groupVariables } from '../../renderer/views/coding/useCodingModel';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

const docs: ListedDocument[] = [
  { id: '1', fileName: 's010-kalmar.pdf', attributes: { level: 'lokal', county: 'Kalmar' }, judged: 37 },
  { id: '2', fileName: 's002-uppsala.pdf', attributes: { level: 'län', county: 'Uppsala' }, judged: 3 },
  { id: '3', fileName: 's9-ale.pdf', attributes: {}, judged: 0 },
];

describe('arrangeDocuments', () => {
  it('sorts by name with numbers in numeric order', () => {
    expect(arrangeDocuments(docs, { sort: 'name', filter: '' }, 37).map((d) => d.id)).toEqual(['2', '3', '1']);
  });
  it('puts unfinished documents first, the least judged first, finished last', () => {
    expect(arrangeDocuments(docs, { sort: 'unfinished', filter: '' }, 37).map((d) => d.id)).toEqual(['3', '2', '1']);
  });
  it('sorts by an attribute, documents without it last', () => {
    expect(arrangeDocuments(docs, { sort: 'attr:level', filter: '' }, 37).map((d) => d.id)).toEqual(['1', '2', '3']);
  });
  it('filters by name or attribute value, ignoring case', () => {
    expect(arrangeDocuments(docs, { sort: 'name', filter: 'UPPS' }, 37).map((d) => d.id)).toEqual(['2']);
    expect(arrangeDocuments(docs, { sort: 'name', filter: 'kalmar' }, 37).map((d) => d.id)).toEqual(['1']);
  });
});

describe('remembered place', () => {
  it('saves and loads per project and coder', () => {
    const s = memoryStorage();
    savePlace('p', 'c', { documentId: 'd1', variableId: 'v1' }, s);
    savePlace('p', 'c', { offset: { documentId: 'd1', offset: 120 } }, s);
    savePlace('p', 'other', { documentId: 'd9' }, s);
    expect(loadPlace('p', 'c', s)).toEqual({ documentId: 'd1', variableId: 'v1', offsets: { d1: 120 } });
    expect(loadPlace('p', 'other', s).documentId).toBe('d9');
  });
  it('ignores damaged or foreign values', () => {
    const s = memoryStorage({ 'overens.codingPlace.p.c': '{not json', 'overens.documentList.p': '{"sort":"evil","filter":5}' });
    expect(loadPlace('p', 'c', s)).toEqual({ documentId: undefined, variableId: undefined, offsets: {} });
    expect(loadListPrefs('p', s)).toEqual({ sort: 'name', filter: '' });
  });
  it('survives a storage that refuses to write', () => {
    const s = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => savePlace('p', 'c', { documentId: 'd' }, s)).not.toThrow();
  });
});

describe('groupVariables', () => {
  it('lists variables under their groups in group order, ungrouped ones last, empty groups left out', () => {
    const v = (id: string, groupId?: string) => ({ id, groupId }) as never;
    const groups = [{ id: 'g2' }, { id: 'g1' }, { id: 'empty' }] as never;
    const sections = groupVariables({ groups, variables: [v('a', 'g1'), v('b'), v('c', 'g2'), v('d', 'g1'), v('e', 'gone')] });
    expect(sections.map((s) => [(s.group as { id: string } | undefined)?.id ?? null, s.variables.map((x: { id: string }) => x.id)])).toEqual([
      ['g2', ['c']],
      ['g1', ['a', 'd']],
      [null, ['b', 'e']],
    ]);
  });
});
