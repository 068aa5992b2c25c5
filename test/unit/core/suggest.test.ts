// Judgement suggestions from passages (most used value) or the absent value without passages.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../src/core/codebook';
import { findIndicatorTerms, suggestJudgement } from '../../../src/core/coding/suggest';

const kriminal = getTemplate('vardanalys-2017')!.content.variables.find((v) => v.key === 'kriminalvarden')!;
const id = (key: string) => `va17.kriminalvarden.${key}`;

describe('suggestJudgement', () => {
  it('suggests the absent value when there is no passage', () => {
    expect(suggestJudgement(kriminal, [])).toEqual({ valueId: id('nej'), evidenceSegmentIds: [], reason: 'no-passages' });
  });
  it('suggests the value most passages carry, with them as evidence; ties go to codebook order', () => {
    const segs = [
      { id: 's1', variableId: kriminal.id, valueId: id('benamns') },
      { id: 's2', variableId: kriminal.id, valueId: id('ja_samarbetspart') },
      { id: 's3', variableId: kriminal.id, valueId: id('benamns') },
      { id: 's4', variableId: 'other', valueId: 'x' },
    ];
    expect(suggestJudgement(kriminal, segs)).toEqual({ valueId: id('benamns'), evidenceSegmentIds: ['s1', 's3'], reason: 'passages' });
    expect(suggestJudgement(kriminal, segs.slice(0, 2))?.valueId).toBe(id('ja_samarbetspart'));
  });
});

describe('findIndicatorTerms', () => {
  const spel = getTemplate('vardanalys-2017')!.content.variables.find((v) => v.key === 'spelmissbruk')!;
  it('finds whole-word, case-insensitive occurrences of the values\' terms, longest first', () => {
    const text = 'Målgruppen: missbruk av alkohol eller Spel om pengar. Spelberoende och spelproblem nämns. Ospelmissbruket nej.';
    const hits = findIndicatorTerms(text, spel);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Spel om pengar', 'Spelberoende', 'spelproblem']);
    expect(hits.every((h) => h.valueId === 'va17.spelmissbruk.ja')).toBe(true);
  });
  it('never suggests the absent value', () => {
    expect(findIndicatorTerms('Nej', spel)).toEqual([]);
  });
});
