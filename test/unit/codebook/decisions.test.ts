// Editing a draft (split, add/remove variables, kind and level) and the decisions a migration
// leaves (which codings need one, which choices each change allows, the values after a choice).
// Expected values are worked out by hand from the small codebook below.
import { describe, expect, it } from 'vitest';
import { CodebookContent, type VersionChange } from '../../../src/core';
import { addVariable, applyChoice, changeKind, changeLevel, decisionChoices, diffVersions, isAllowed, planMigration, removeVariable, resolveCoding, splitValue } from '../../../src/core/codebook';

const value = (id: string, key: string, sv: string, absent = false) => ({ id, key, label: { sv }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#1f77b4', absent });

/** v1: "tvister" (Ja / Delvis / Nej), "parter" (multi: Region / Kommun / Skola), "index" derived from tvister. */
const v1 = CodebookContent.parse({
  groups: [
    { id: 'g1', key: 'g1', label: { sv: 'Rutiner' } },
    { id: 'g2', key: 'g2', label: { sv: 'Parter' } },
  ],
  variables: [
    { id: 'tvister', key: 'tvister', label: { sv: 'Rutin för tvister' }, groupId: 'g1', kind: 'single', values: [value('t.ja', 'ja', 'Ja'), value('t.delvis', 'delvis', 'Delvis'), value('t.nej', 'nej', 'Nej', true)] },
    { id: 'parter', key: 'parter', label: { sv: 'Parter' }, groupId: 'g2', kind: 'multi', values: [value('p.region', 'region', 'Region'), value('p.kommun', 'kommun', 'Kommun'), value('p.skola', 'skola', 'Skola')] },
    {
      id: 'index',
      key: 'index',
      label: { sv: 'Index' },
      kind: 'single',
      values: [value('i.ja', 'ja', 'Uppfyllt'), value('i.nej', 'nej', 'Ej uppfyllt', true)],
      derived: { type: 'all', components: [{ variableId: 'tvister', valueIds: ['t.ja'] }], then: 'i.ja', otherwise: 'i.nej' },
    },
  ],
});

describe('splitValue', () => {
  it('replaces the value in place by its parts, each with its own label and definition, and records the split', () => {
    const { content, change } = splitValue(v1, 'tvister', 't.delvis', [
      { label: { sv: 'Delvis, skriftlig' }, definition: { sv: 'En skriftlig rutin som saknar ansvarig.' } },
      { label: { sv: 'Delvis, muntlig' }, definition: { sv: 'Rutinen nämns men beskrivs inte.' } },
    ]);
    const values = CodebookContent.parse(content).variables[0]!.values;
    // Ids from the variable id and a key made from the label (å/ä/ö → a/a/o, spaces → _).
    expect(values.map((x) => x.id)).toEqual(['t.ja', 'tvister.delvis_skriftlig', 'tvister.delvis_muntlig', 't.nej']);
    expect(values[1]!.definition).toEqual({ sv: 'En skriftlig rutin som saknar ansvarig.' });
    expect(values[2]!.label).toEqual({ sv: 'Delvis, muntlig' });
    expect(change).toEqual({ type: 'split', variableId: 'tvister', from: 't.delvis', into: ['tvister.delvis_skriftlig', 'tvister.delvis_muntlig'] });
    // The diff reports the recorded split, not an addition and a removal.
    expect(diffVersions(v1, content, [change]).filter((c) => c.variableId === 'tvister')).toEqual([change]);
    // v1 is untouched (the edit works on a copy).
    expect(v1.variables[0]!.values).toHaveLength(3);
  });

  it('gives parts ids no version ever used, and keeps the absent meaning on the first part only', () => {
    const older = structuredClone(v1);
    older.variables[0]!.values.push(value('tvister.nej_ingen', 'gammal', 'Gammal'));
    const { content } = splitValue(v1, 'tvister', 't.nej', [{ label: { sv: 'Nej, ingen' } }, { label: { sv: 'Nej, annan' } }], [older]);
    const values = CodebookContent.parse(content).variables[0]!.values;
    expect(values.map((x) => x.id)).toEqual(['t.ja', 't.delvis', 'tvister.nej_ingen_2', 'tvister.nej_annan']);
    expect(values.map((x) => x.absent)).toEqual([false, false, true, false]);
  });

  it('refuses a split into one value', () => {
    expect(() => splitValue(v1, 'tvister', 't.ja', [{ label: { sv: 'Bara en' } }])).toThrow(/at least two/);
  });
});

describe('adding and removing variables', () => {
  it('adds a valid single variable (Ja / Nej) after the last variable of its group, reported as added', () => {
    const { content, variable } = addVariable(v1, { sv: 'Uppföljning' }, 'g1');
    const parsed = CodebookContent.parse(content);
    expect(parsed.variables.map((v) => v.id)).toEqual(['tvister', 'var.uppfoljning', 'parter', 'index']);
    expect(variable).toMatchObject({ key: 'uppfoljning', groupId: 'g1', kind: 'single', level: 'nominal' });
    expect(variable.values.map((x) => [x.key, x.absent])).toEqual([['ja', false], ['nej', true]]);
    expect(diffVersions(v1, parsed)).toEqual([{ type: 'added', variableId: 'var.uppfoljning' }]);
  });

  it('takes a key no version used (a variable removed earlier keeps its key)', () => {
    const older = structuredClone(v1);
    older.variables.push({ ...structuredClone(v1.variables[0]!), id: 'gammal', key: 'uppfoljning', values: [value('x.a', 'a', 'A'), value('x.b', 'b', 'B')] });
    expect(addVariable(v1, { sv: 'Uppföljning' }, undefined, [older]).variable.key).toBe('uppfoljning_2');
  });

  it('removes a variable (reported as removed) but not one a derived variable is computed from', () => {
    const result = removeVariable(v1, 'parter');
    expect('content' in result && CodebookContent.parse(result.content).variables.map((v) => v.id)).toEqual(['tvister', 'index']);
    expect('content' in result && diffVersions(v1, result.content)).toEqual([{ type: 'removed', variableId: 'parter' }]);
    const refused = removeVariable(v1, 'tvister');
    expect('usedBy' in refused && refused.usedBy.map((v) => v.id)).toEqual(['index']);
  });
});

describe('kind and level', () => {
  it('gives every value a score (its position) when a variable becomes interval, keeping scores that exist', () => {
    const withScore = structuredClone(v1);
    withScore.variables[0]!.values[0]!.score = 10;
    const content = CodebookContent.parse(changeLevel(withScore, 'tvister', 'interval'));
    expect(content.variables[0]!.values.map((x) => x.score)).toEqual([10, 2, 3]);
    expect(diffVersions(v1, content).filter((c) => c.variableId === 'tvister' && !('valueId' in c && c.valueId))).toEqual([{ type: 'redefined', variableId: 'tvister' }]);
  });

  it('refuses to make a derived variable multi-valued', () => {
    expect(() => changeKind(v1, 'index', 'multi')).toThrow(/derived/);
  });
});

describe('resolveCoding: what moves and what needs a decision', () => {
  const split = splitValue(v1, 'tvister', 't.delvis', [{ label: { sv: 'Delvis A' } }, { label: { sv: 'Delvis B' } }]);
  const [A, B] = split.change.into as [string, string];

  it('moves untouched and merged values; stops a split value with the new values as candidates', () => {
    expect(resolveCoding({ variableId: 'tvister', valueIds: ['t.ja'] }, [split.change], split.content)).toEqual({ status: 'ok', valueIds: ['t.ja'] });
    expect(resolveCoding({ variableId: 'tvister', valueIds: ['t.delvis'] }, [split.change], split.content)).toEqual({ status: 'decide', reason: 'split', problem: 't.delvis', fixed: [], candidates: [A, B] });
  });

  it('keeps the other values of a multi-valued coding as fixed when one of them was removed', () => {
    const target = structuredClone(v1);
    target.variables[1]!.values = target.variables[1]!.values.filter((x) => x.id !== 'p.skola');
    const changes: VersionChange[] = [{ type: 'removed', variableId: 'parter', valueId: 'p.skola' }];
    const outcome = resolveCoding({ variableId: 'parter', valueIds: ['p.region', 'p.skola'] }, changes, target);
    // Candidates: the remaining values not already chosen (Kommun).
    expect(outcome).toEqual({ status: 'decide', reason: 'value-removed', problem: 'p.skola', fixed: ['p.region'], candidates: ['p.kommun'] });
  });

  it('stops a coding of a removed variable, and a coding with several values of a variable made single-valued', () => {
    const removed = removeVariable(v1, 'parter');
    if (!('content' in removed)) throw new Error('unexpected');
    expect(resolveCoding({ variableId: 'parter', valueIds: ['p.region'] }, diffVersions(v1, removed.content), removed.content)).toMatchObject({ status: 'decide', reason: 'variable-removed', candidates: [] });
    const single = changeKind(v1, 'parter', 'single');
    expect(resolveCoding({ variableId: 'parter', valueIds: ['p.kommun', 'p.region'] }, [], single)).toEqual({ status: 'decide', reason: 'kind-changed', problem: undefined, fixed: [], candidates: ['p.region', 'p.kommun'] });
    expect(resolveCoding({ variableId: 'parter', valueIds: ['p.kommun'] }, [], single)).toEqual({ status: 'ok', valueIds: ['p.kommun'] });
  });

  it('treats a value missing from the target without a recorded change as removed', () => {
    const target = structuredClone(v1);
    target.variables[0]!.values = target.variables[0]!.values.filter((x) => x.id !== 't.delvis');
    expect(resolveCoding({ variableId: 'tvister', valueIds: ['t.delvis'] }, [], target)).toMatchObject({ status: 'decide', reason: 'value-removed', problem: 't.delvis', candidates: ['t.ja', 't.nej'] });
  });

  it('planMigration lists every coding exactly once (moved or to decide)', () => {
    const codings = [
      { id: '1', variableId: 'tvister', valueIds: ['t.delvis'] },
      { id: '2', variableId: 'tvister', valueIds: ['t.nej'] },
    ];
    const plan = planMigration(codings, [split.change], split.content);
    expect(plan.move.map((m) => m.coding.id)).toEqual(['2']);
    expect(plan.decide.map((d) => [d.coding.id, d.reason, d.candidates])).toEqual([['1', 'split', [A, B]]]);
  });
});

describe('decision rules', () => {
  it('allows a split only its new values or keeping; a removal another value, "not coded" or keeping', () => {
    expect(decisionChoices({ reason: 'split', candidates: ['a', 'b'] })).toEqual({ values: ['a', 'b'], notCoded: false, keep: true });
    expect(decisionChoices({ reason: 'value-removed', candidates: ['x'] })).toEqual({ values: ['x'], notCoded: true, keep: true });
    expect(decisionChoices({ reason: 'variable-removed', candidates: [] })).toEqual({ values: [], notCoded: true, keep: true });
    expect(isAllowed({ reason: 'split', candidates: ['a', 'b'] }, { type: 'value', valueId: 'c' })).toBe(false);
    expect(isAllowed({ reason: 'split', candidates: ['a', 'b'] }, { type: 'not-coded' })).toBe(false);
    expect(isAllowed({ reason: 'split', candidates: ['a', 'b'] }, { type: 'keep' })).toBe(true);
  });

  it('gives the values after a choice: the fixed ones plus the chosen one (multi), only the chosen one (single)', () => {
    const decision = { reason: 'value-removed' as const, fixed: ['p.region'], candidates: ['p.kommun'] };
    expect(applyChoice(decision, { type: 'value', valueId: 'p.kommun' }, v1, 'parter', 'judgement')).toEqual({ type: 'values', valueIds: ['p.region', 'p.kommun'] });
    expect(applyChoice(decision, { type: 'not-coded' }, v1, 'parter', 'judgement')).toEqual({ type: 'values', valueIds: ['p.region'] });
    // A passage has one value: "not coded" removes it; a value replaces it.
    expect(applyChoice(decision, { type: 'not-coded' }, v1, 'parter', 'segment')).toEqual({ type: 'remove' });
    expect(applyChoice(decision, { type: 'value', valueId: 'p.kommun' }, v1, 'parter', 'segment')).toEqual({ type: 'values', valueIds: ['p.kommun'] });
    const single = { reason: 'split' as const, fixed: [], candidates: ['t.ja', 't.nej'] };
    expect(applyChoice(single, { type: 'value', valueId: 't.nej' }, v1, 'tvister', 'judgement')).toEqual({ type: 'values', valueIds: ['t.nej'] });
    expect(applyChoice(single, { type: 'keep' }, v1, 'tvister', 'judgement')).toEqual({ type: 'keep' });
    expect(() => applyChoice(single, { type: 'not-coded' }, v1, 'tvister', 'judgement')).toThrow(/not allowed/);
    // A removed variable: "not coded" removes the coding (the store keeps it for undo).
    expect(applyChoice({ reason: 'variable-removed', fixed: [], candidates: [] }, { type: 'not-coded' }, { groups: [], variables: [] }, 'parter', 'judgement')).toEqual({ type: 'remove' });
  });
});
