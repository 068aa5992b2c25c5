// The pure side of `overens convert`: packages whose users, sources or codings cannot be mapped
// one to one are converted with a sentence saying what happened.
import { describe, expect, it } from 'vitest';
import { convertQdpxProject, documentCodings, longDatasetInput, onlyCoder } from '../../../src/formats/codings-convert';
import { longCsv } from '../../../src/formats/dataset';
import type { ImportedSource, QdpxProject } from '../../../src/formats/refi-qda-import';

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const source = (guid: string, name: string, selections: ImportedSource['selections'], codings: ImportedSource['codings'] = []): ImportedSource => ({
  guid, name, kind: 'txt', text: 'Avtalet omfattar LVM.', selections, codings, variables: {}, notes: [],
});
const project: QdpxProject = {
  name: 'Blandat',
  users: [{ guid: G(1), name: 'Anna' }, { guid: G(2), name: 'Anna' }, { guid: G(3), name: 'Konsensus' }],
  codes: [{ guid: G(10), name: 'LVM', isCodable: false, children: [{ guid: G(11), name: 'Ja', isCodable: true, children: [] }, { guid: G(12), name: 'Nej', isCodable: true, children: [] }] }],
  sources: [
    source(G(30), 'avtal.txt', [{ guid: G(31), start: 17, end: 20, creatingUser: G(2), codeGuids: [G(11)], notes: [] }, { guid: G(32), start: 0, end: 7, codeGuids: [G(12)], notes: [] }]),
    source(G(40), 'avtal.txt', [], [{ codeGuid: G(11), user: G(3) }, { codeGuid: G(12), user: G(99) }]),
  ],
  problems: [],
};

describe('convertQdpxProject', () => {
  it('keeps the codings of an Överens export\'s consensus user (User id="consensus") under its name', async () => {
    const ours: QdpxProject = {
      ...project,
      users: [{ guid: G(1), name: 'Anna' }, { guid: G(3), name: 'Konsensus', id: 'consensus' }],
      sources: [source(G(30), 'avtal.txt', [], [{ codeGuid: G(12), user: G(1) }, { codeGuid: G(11), user: G(3) }])],
    };
    const converted = await convertQdpxProject(ours, 1_700_000_000_000);
    expect(converted.coders.map((c) => [c.name, c.kind])).toEqual([['Anna', 'human'], ['Konsensus', 'consensus']]);
    expect(longCsv(longDatasetInput(converted)).trim().split('\r\n')).toEqual(['document,coder,variable,value,coder_kind,variable_kind,variable_level,value_code,value_count', 'avtal.txt,Anna,LVM,Nej,human,single,nominal,2,2', 'avtal.txt,Konsensus,LVM,Ja,consensus,single,nominal,1,2']);
  });

  it('keeps user names (Konsensus too), numbers duplicates, and says where user-less codings went', async () => {
    const converted = await convertQdpxProject(project, 1_700_000_000_000);
    expect(converted.coders.map((c) => c.name)).toEqual(['Anna', 'Anna (2)', 'Konsensus']);
    expect(converted.problems).toEqual([
      'two users are named "Anna"; the second one\'s codings are written as coder "Anna (2)"',
      '2 coding(s) name no user of the project; they are written as coder "Anna", as the app\'s import attributes them',
      'several sources are named "avtal.txt"; their rows cannot be told apart by document name',
    ]);
    const long = longCsv(longDatasetInput(converted)).trim().split('\r\n');
    expect(long).toEqual([
      'document,coder,variable,value,coder_kind,variable_kind,variable_level,value_code,value_count',
      'avtal.txt,Anna,LVM,Nej,human,single,nominal,2,2',
      'avtal.txt,Anna (2),LVM,Ja,human,single,nominal,1,2',
      'avtal.txt,Anna,LVM,Nej,human,single,nominal,2,2',
      'avtal.txt,Konsensus,LVM,Ja,human,single,nominal,1,2',
    ]);
    // Passages carry no page (REFI-QDA has none).
    expect(converted.segments.every((s) => s.selector.page === undefined)).toBe(true);
  });

  it('merges passage and whole-document codings per document, coder and variable', async () => {
    const one: QdpxProject = {
      ...project,
      users: [{ guid: G(1), name: 'Anna' }],
      sources: [source(G(30), 'avtal.txt', [{ guid: G(31), start: 17, end: 20, creatingUser: G(1), codeGuids: [G(12), G(11)], notes: [] }], [{ codeGuid: G(11), user: G(1) }])],
    };
    const converted = await convertQdpxProject(one);
    expect(converted.problems).toEqual([]);
    const merged = documentCodings(converted);
    expect(merged).toHaveLength(1);
    // Both values, in codebook order (Ja before Nej), once each.
    const lvm = converted.content.variables[0]!;
    expect(merged[0]!.valueIds).toEqual([lvm.values[0]!.id, lvm.values[1]!.id]);
    expect(onlyCoder(converted, 'Bertil')).toBeNull();
    expect(onlyCoder(converted, 'Anna')!.segments).toHaveLength(2);
  });
});
