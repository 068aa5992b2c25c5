// Derived variables: the Öppna jämförelser indicator is "Ja" only when all four components are
// "Ja" (Socialstyrelsen, Öppna jämförelser 2019; Vårdanalys 2017:1, Bilaga 1).
import { describe, expect, it } from 'vitest';
import { CodebookContent } from '../../../src/core';
import { computeDerived, dependentsOf, evaluateRule, getTemplate } from '../../../src/core/codebook';

const oj = getTemplate('oppna-jamforelser-2019')!.content;
const IND = 'oj19.aktuell_overenskommelse';
const C = ['gemensamma_mal', 'resurs_ansvar', 'rutiner_samarbete', 'uppfoljning_senaste_aret'].map((k) => `oj19.${k}`);
const judged = (answers: (string | null)[]) => new Map<string, readonly string[]>(C.flatMap((id, i) => (answers[i] === null ? [] : [[id, [`${id}.${answers[i]}`]] as const])));

describe('Öppna jämförelser indicator', () => {
  it('is Ja when all four components are Ja', () => {
    expect(computeDerived(oj, judged(['ja', 'ja', 'ja', 'ja'])).get(IND)).toBe(`${IND}.ja`);
  });

  it('is Nej as soon as one component is Nej, even if others are not judged yet', () => {
    expect(computeDerived(oj, judged(['ja', 'nej', 'ja', 'ja'])).get(IND)).toBe(`${IND}.nej`);
    expect(computeDerived(oj, judged([null, null, 'nej', null])).get(IND)).toBe(`${IND}.nej`);
  });

  it('is missing while a component is unjudged and none is Nej', () => {
    const result = computeDerived(oj, judged(['ja', 'ja', null, 'ja']));
    expect(result.has(IND)).toBe(true);
    expect(result.get(IND)).toBeUndefined();
    // An empty judgement (valueIds []) counts as not judged.
    const empty = judged(['ja', 'ja', 'ja', 'ja']);
    empty.set(C[3]!, []);
    expect(computeDerived(oj, empty).get(IND)).toBeUndefined();
  });

  it('ignores a hand-made judgement stored for the derived variable itself', () => {
    const j = judged(['ja', 'ja', 'ja', 'nej']);
    j.set(IND, [`${IND}.ja`]);
    expect(computeDerived(oj, j).get(IND)).toBe(`${IND}.nej`);
  });

  it('lists the indicator as a dependent of each component', () => {
    for (const c of C) expect(dependentsOf(oj, c).map((v) => v.id)).toEqual([IND]);
    expect(dependentsOf(oj, IND)).toEqual([]);
  });
});

describe('rules in general', () => {
  const yn = (id: string) => [
    { id: `${id}.ja`, key: 'ja', label: { sv: 'Ja' }, colour: '#00aa00' },
    { id: `${id}.nej`, key: 'nej', label: { sv: 'Nej' }, colour: '#999999', absent: true },
  ];
  const content = CodebookContent.parse({
    variables: [
      { id: 'a', key: 'a', label: { sv: 'A' }, kind: 'single', values: yn('a') },
      { id: 'b', key: 'b', label: { sv: 'B' }, kind: 'single', values: yn('b') },
      { id: 'any', key: 'any', label: { sv: 'Någon' }, kind: 'single', values: yn('any'), derived: { type: 'any', components: [{ variableId: 'a', valueIds: ['a.ja'] }, { variableId: 'b', valueIds: ['b.ja'] }], then: 'any.ja', otherwise: 'any.nej' } },
      // Derived of derived, declared before the variable it depends on.
      { id: 'top', key: 'top', label: { sv: 'Topp' }, kind: 'single', values: yn('top'), derived: { type: 'all', components: [{ variableId: 'late', valueIds: ['late.ja'] }], then: 'top.ja', otherwise: 'top.nej' } },
      { id: 'late', key: 'late', label: { sv: 'Sen' }, kind: 'single', values: yn('late'), derived: { type: 'all', components: [{ variableId: 'any', valueIds: ['any.ja'] }, { variableId: 'a', valueIds: ['a.ja', 'a.nej'] }], then: 'late.ja', otherwise: 'late.nej' } },
    ],
  });

  it('any: Ja as soon as one component passes; Nej only when all are judged and none passes', () => {
    const rule = content.variables[2]!.derived!;
    expect(evaluateRule(rule, new Map([['b', ['b.ja']]]))).toBe('any.ja');
    expect(evaluateRule(rule, new Map([['a', ['a.nej']]]))).toBeUndefined();
    expect(evaluateRule(rule, new Map([['a', ['a.nej']], ['b', ['b.nej']]]))).toBe('any.nej');
  });

  it('evaluates derived-of-derived in dependency order', () => {
    const result = computeDerived(content, new Map([['a', ['a.nej']], ['b', ['b.ja']]]));
    expect(result.get('any')).toBe('any.ja');
    expect(result.get('late')).toBe('late.ja');
    expect(result.get('top')).toBe('top.ja');
    expect(dependentsOf(content, 'b').map((v) => v.id)).toEqual(['top', 'any', 'late'].sort((x, y) => content.variables.findIndex((v) => v.id === x) - content.variables.findIndex((v) => v.id === y)));
  });
});
