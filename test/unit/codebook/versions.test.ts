// Codebook versions: diff (added, renamed, redefined, merged, split, removed) and migration of
// codings (renames and merges automatic; splits and removals need a decision; nothing deleted).
import { describe, expect, it } from 'vitest';
import { CodebookContent, type VersionChange } from '../../../src/core';
import { diffVersions, getTemplate, migrateCoding, planMigration } from '../../../src/core/codebook';

const v1 = getTemplate('vardanalys-2017')!.content;
const goals = 'va17.gemensamma_mal';
const [TYDLIGA, VAGA, NEJ] = ['ja_tydliga', 'ja_vaga', 'nej'].map((k) => `${goals}.${k}`) as [string, string, string];

/** v2: "Ja, tydliga mål" and "Ja, vaga mål" merged into a new "Ja"; LVM renamed; SiS removed. */
function makeV2(): { content: CodebookContent; changes: VersionChange[] } {
  const content = structuredClone(v1);
  const g = content.variables.find((v) => v.id === goals)!;
  g.values = [{ ...g.values[0]!, id: `${goals}.ja`, key: 'ja', label: { sv: 'Ja', en: 'Yes' } }, g.values[2]!];
  const lvm = content.variables.find((v) => v.key === 'lvm')!;
  lvm.label = { sv: 'Tvångsvård enligt LVM', en: 'Compulsory care (LVM)' };
  lvm.values[0]!.definition = { sv: 'Ny definition', en: 'New definition' };
  content.variables = content.variables.filter((v) => v.key !== 'sis');
  return { content: CodebookContent.parse(content), changes: [{ type: 'merged', variableId: goals, from: [TYDLIGA, VAGA], into: `${goals}.ja` }] };
}

describe('diffVersions', () => {
  it('reports merges as recorded, and renames, redefinitions and removals by comparison', () => {
    const { content, changes } = makeV2();
    const diff = diffVersions(v1, content, changes);
    expect(diff).toContainEqual({ type: 'merged', variableId: goals, from: [TYDLIGA, VAGA], into: `${goals}.ja` });
    expect(diff).toContainEqual({ type: 'renamed', variableId: 'va17.lvm', from: { sv: 'LVM', en: 'LVM (compulsory care of substance abusers)' }, to: { sv: 'Tvångsvård enligt LVM', en: 'Compulsory care (LVM)' } });
    expect(diff).toContainEqual({ type: 'redefined', variableId: 'va17.lvm', valueId: 'va17.lvm.ja' });
    expect(diff).toContainEqual({ type: 'removed', variableId: 'va17.sis' });
    // The merged values are not also reported as removed or added.
    expect(diff.filter((c) => c.type === 'removed' && c.valueId)).toEqual([]);
    expect(diff.filter((c) => c.type === 'added')).toEqual([]);
  });

  it('finds added variables and values, and is empty between identical versions', () => {
    expect(diffVersions(v1, v1)).toEqual([]);
    const v2 = structuredClone(v1);
    v2.variables.push({ ...structuredClone(v1.variables[0]!), id: 'va17.ny', key: 'ny' });
    v2.variables[0]!.values.push({ ...v2.variables[0]!.values[0]!, id: 'va17.extra', key: 'extra', absent: false });
    const diff = diffVersions(v1, CodebookContent.parse(v2));
    expect(diff).toEqual(expect.arrayContaining([{ type: 'added', variableId: 'va17.ny' }, { type: 'added', variableId: v1.variables[0]!.id, valueId: 'va17.extra' }]));
  });
});

describe('migrateCoding and planMigration', () => {
  const { content: v2, changes } = makeV2();
  const change = diffVersions(v1, v2, changes);

  it('maps merged values onto the merged value and leaves renamed ones as they are', () => {
    expect(migrateCoding({ variableId: goals, valueIds: [VAGA] }, change)).toEqual({ status: 'migrated', valueIds: [`${goals}.ja`] });
    expect(migrateCoding({ variableId: goals, valueIds: [NEJ] }, change)).toEqual({ status: 'unchanged' });
    expect(migrateCoding({ variableId: 'va17.lvm', valueIds: ['va17.lvm.ja'] }, change)).toEqual({ status: 'unchanged' });
  });

  it('stops codings of a removed variable, a removed value or a split value for a decision', () => {
    expect(migrateCoding({ variableId: 'va17.sis', valueIds: ['va17.sis.nej'] }, change)).toEqual({ status: 'needs-decision', reason: 'variable-removed', candidates: [] });
    const split: VersionChange[] = [{ type: 'split', variableId: goals, from: NEJ, into: [`${goals}.nej_saknas`, `${goals}.nej_lagtext`] }];
    expect(migrateCoding({ variableId: goals, valueIds: [NEJ] }, split)).toEqual({ status: 'needs-decision', reason: 'split', candidates: [`${goals}.nej_saknas`, `${goals}.nej_lagtext`] });
    expect(migrateCoding({ variableId: goals, valueIds: [NEJ] }, [{ type: 'removed', variableId: goals, valueId: NEJ }])).toMatchObject({ reason: 'value-removed' });
  });

  it('plans a migration that keeps every coding: moved or listed for a decision', () => {
    const codings = [
      { id: 'a', variableId: goals, valueIds: [TYDLIGA] },
      { id: 'b', variableId: goals, valueIds: [NEJ] },
      { id: 'c', variableId: 'va17.sis', valueIds: ['va17.sis.nej'] },
      { id: 'd', variableId: 'va17.lvm', valueIds: ['va17.lvm.ja'] },
    ];
    const plan = planMigration(codings, change, v2);
    expect(plan.move.map((m) => [m.coding.id, m.valueIds])).toEqual([
      ['a', [`${goals}.ja`]],
      ['b', [NEJ]],
      ['d', ['va17.lvm.ja']],
    ]);
    expect(plan.decide.map((d) => [d.coding.id, d.reason])).toEqual([['c', 'variable-removed']]);
    expect(plan.move.length + plan.decide.length).toBe(codings.length);
  });

  it('applies a chain of versions in order (v1 → v2 merge, v2 → v3 split of the merged value)', () => {
    const chain: VersionChange[] = [...changes, { type: 'split', variableId: goals, from: `${goals}.ja`, into: [`${goals}.ja_a`, `${goals}.ja_b`] }];
    expect(migrateCoding({ variableId: goals, valueIds: [TYDLIGA] }, chain)).toMatchObject({ status: 'needs-decision', reason: 'split' });
  });
});
