// Prevalence by attribute, reproducing the shape and numbers of Vårdanalys 2017:1, Bilaga 2.
import { describe, expect, it } from 'vitest';
import { prevalence, type PrevalenceDocument, type PrevalenceJudgement } from '../../../src/core/prevalence';

/** 21 county agreements and 165 local ones (Vårdanalys 2017:1, ch. 6: "21 länsöverenskommelser och 165 lokala"). */
function dataset(county: [string, number][], local: [string, number][]) {
  const documents: PrevalenceDocument[] = [];
  const judgements: PrevalenceJudgement[] = [];
  let i = 0;
  for (const [level, spec] of [['county', county], ['local', local]] as const) {
    for (const [value, count] of spec) {
      for (let k = 0; k < count; k++) {
        const id = `d${i++}`;
        documents.push({ id, attributes: { level } });
        judgements.push({ documentId: id, variable: 'Gemensamma mål', values: [value] });
      }
    }
  }
  return { documents, judgements };
}

describe('prevalence', () => {
  it('reproduces Tabell 18 (Gemensamma mål) by level: 48/38/14 % and 25/56/19 %', () => {
    // County: 10/8/3 of 21 = 47.6/38.1/14.3 %; local: 41/93/31 of 165 = 24.8/56.4/18.8 %.
    const { documents, judgements } = dataset(
      [['Ja, tydliga mål', 10], ['Ja, vaga mål', 8], ['Nej', 3]],
      [['Ja, tydliga mål', 41], ['Ja, vaga mål', 93], ['Nej', 31]],
    );
    const [table] = prevalence({ documents, judgements, by: 'level', groupOrder: ['county', 'local'], variables: [{ id: 'Gemensamma mål', values: ['Ja, tydliga mål', 'Ja, vaga mål', 'Nej'] }] });
    expect(table!.groups.map((g) => [g.group, g.n, g.missing])).toEqual([
      ['county', 21, 0],
      ['local', 165, 0],
    ]);
    expect(table!.groups[0]!.values.map((v) => Math.round(v.percent!))).toEqual([48, 38, 14]);
    expect(table!.groups[1]!.values.map((v) => Math.round(v.percent!))).toEqual([25, 56, 19]);
    expect(table!.groups[0]!.values[0]!.percent).toBeCloseTo(1000 / 21, 12);
  });

  it('reports documents without a judgement as missing, outside the denominator', () => {
    const documents = [
      { id: 'a', attributes: { level: 'local' } },
      { id: 'b', attributes: { level: 'local' } },
      { id: 'c', attributes: { level: 'local' } },
    ];
    const judgements = [
      { documentId: 'a', variable: 'LVM', values: ['Ja'] },
      { documentId: 'b', variable: 'LVM', values: [] },
    ];
    const [lvm] = prevalence({ documents, judgements, by: 'level', variables: [{ id: 'LVM', values: ['Ja', 'Nej'] }] });
    expect(lvm!.groups[0]).toEqual({ group: 'local', n: 1, missing: 2, values: [{ value: 'Ja', count: 1, percent: 100 }, { value: 'Nej', count: 0, percent: 0 }] });
  });

  it('gives null percents when no document of a group has a value, one group without --by, and "" for a missing attribute', () => {
    const documents: PrevalenceDocument[] = [{ id: 'a', attributes: {} }, { id: 'b', attributes: { level: 'county' } }];
    const judgements = [{ documentId: 'b', variable: 'LVM', values: ['Nej'] }];
    const [byLevel] = prevalence({ documents, judgements, by: 'level' });
    expect(byLevel!.groups.map((g) => g.group)).toEqual(['', 'county']);
    expect(byLevel!.groups[0]!.values[0]!.percent).toBeNull();
    const [all] = prevalence({ documents, judgements });
    expect(all!.groups).toEqual([{ group: 'all', n: 1, missing: 1, values: [{ value: 'Nej', count: 1, percent: 100 }] }]);
  });

  it('counts each value of a multi-valued judgement once and ignores judgements of unknown documents', () => {
    const documents = [{ id: 'a', attributes: {} }];
    const judgements = [
      { documentId: 'a', variable: 'Myndigheter', values: ['Polisen', 'SiS', 'Polisen'] },
      { documentId: 'zz', variable: 'Myndigheter', values: ['SiS'] },
    ];
    const [m] = prevalence({ documents, judgements });
    expect(m!.groups[0]!.values).toEqual([
      { value: 'Polisen', count: 1, percent: 100 },
      { value: 'SiS', count: 1, percent: 100 },
    ]);
  });
});
