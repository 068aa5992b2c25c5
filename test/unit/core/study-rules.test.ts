// Twins, blinding and number formatting: the rules as stated in their modules, with expected
// values worked out by hand.
import { describe, expect, it } from 'vitest';
import { blindness, leadOf, openReliabilityAssignments } from '../../../src/core/blinding';
import { formatCoefficient, formatNumber, THIN_SPACE } from '../../../src/core/number-format';
import { findTwin, shingles, shingleSimilarity, words } from '../../../src/core/twins';

describe('twins', () => {
  const text = 'Kommunen och regionen ska gemensamt ansvara för att personer med missbruk får vård enligt LVM och att samordnad individuell plan upprättas.';
  it('normalises before comparing: case, punctuation and line breaks do not matter', () => {
    expect(words('Å-ä Ö\n12,5')).toEqual(['å', 'ä', 'ö', '12', '5']);
    expect(shingleSimilarity(shingles(text), shingles(text.toUpperCase().replace(/ /g, '\n')))).toBe(1);
  });
  it('scores |A ∩ B| / max(|A|, |B|) over word 5-grams', () => {
    // 21 words → 17 shingles. Changing the last word changes only the last shingle: 16/17 = 0.941 < 0.98.
    const changed = text.replace('upprättas', 'skrivs');
    expect(shingles(text).size).toBe(17);
    expect(shingleSimilarity(shingles(text), shingles(changed))).toBeCloseTo(16 / 17, 10);
    expect(findTwin(changed, [{ documentId: 'a', shingles: shingles(text) }])).toBeUndefined();
    // 100 distinct words (96 shingles) with one changed in the middle: 5 shingles differ, 91/96 = 0.948;
    // the same text with a header line added (2 words → 2 more shingles): 96/98 = 0.9796 < 0.98; one word added: 96/97 = 0.9897.
    const long = Array.from({ length: 100 }, (_, i) => `ord${i}`).join(' ');
    expect(shingleSimilarity(shingles(long), shingles(long.replace('ord50', 'annat')))).toBeCloseTo(91 / 96, 10);
    expect(shingleSimilarity(shingles(long), shingles(`Sida 1 ${long}`))).toBeCloseTo(96 / 98, 10);
    expect(findTwin(`Sida ${long}`, [{ documentId: 'a', shingles: shingles(long) }])).toEqual({ documentId: 'a', similarity: 96 / 97 });
  });
  it('picks the most similar document at or above the threshold', () => {
    const other = 'En helt annan text om socialtjänstens ansvar för barn och unga i hela länet.';
    expect(findTwin(text, [{ documentId: 'x', shingles: shingles(other) }, { documentId: 'y', shingles: shingles(text) }])).toEqual({ documentId: 'y', similarity: 1 });
    expect(shingleSimilarity(new Set(), shingles(text))).toBe(0);
  });
});

describe('blinding', () => {
  const settings = { blindCoding: true, stage: 'coding' as const, blindInReview: false, blindCoders: {} as Record<string, boolean> };
  it('follows the stage, then a coder’s own setting, and always hides while reliability work is open', () => {
    expect(blindness(settings, 'A', 0)).toEqual({ blind: true, reason: 'coding' });
    expect(blindness({ ...settings, stage: 'review' }, 'A', 0)).toEqual({ blind: false, reason: 'review' });
    expect(blindness({ ...settings, blindCoders: { A: false } }, 'A', 0)).toEqual({ blind: false, reason: 'coder' });
    // Open reliability assignments win over every setting.
    expect(blindness({ ...settings, stage: 'review', blindCoders: { B: false } }, 'B', 2)).toEqual({ blind: true, reason: 'reliability' });
  });
  it('counts open reliability assignments: double-coded documents a coder has not finished', () => {
    const assignments = [
      { documentId: 'd1', coderId: 'A', role: 'primary' as const },
      { documentId: 'd1', coderId: 'B', role: 'reliability' as const },
      { documentId: 'd2', coderId: 'A', role: 'primary' as const },
      { documentId: 'd3', coderId: 'A', role: 'primary' as const },
      { documentId: 'd3', coderId: 'B', role: 'reliability' as const },
    ];
    // 2 codable variables. A finished d1, not d3; B finished d3 only. d2 is not double-coded.
    const judged = new Map([
      ['A', new Map([['d1', 2], ['d3', 1]])],
      ['B', new Map([['d1', 1], ['d3', 2]])],
    ]);
    expect(openReliabilityAssignments({ assignments, judged, codable: 2 })).toEqual(new Map([['A', 1], ['B', 1]]));
  });
  it('takes the recorded lead (present here or not), else the first human coder', () => {
    const coders = [{ id: 'K', kind: 'consensus', createdAt: 1 }, { id: 'B', kind: 'human', createdAt: 3 }, { id: 'A', kind: 'human', createdAt: 2 }];
    expect(leadOf({}, coders)).toBe('A');
    expect(leadOf({ leadCoderId: 'B' }, coders)).toBe('B');
    // A coder's installation from a coder package: the lead is not among its coders, and stays the lead.
    expect(leadOf({ leadCoderId: 'lead-elsewhere' }, coders)).toBe('lead-elsewhere');
  });
});

describe('number format', () => {
  it('writes a decimal comma and thin-space thousands in Swedish, a point and commas in English', () => {
    expect(formatNumber(0.4444, 'sv', 3)).toBe('0,444');
    expect(formatNumber(0.4444, 'en', 3)).toBe('0.444');
    expect(formatNumber(13020, 'sv')).toBe(`13${THIN_SPACE}020`);
    expect(formatNumber(1234567.5, 'en', 1)).toBe('1,234,567.5');
    expect(formatNumber(-0.25, 'sv', 2)).toBe('−0,25');
    expect(formatNumber(-0.0001, 'sv', 2)).toBe('0,00');
    expect(formatCoefficient(null, 'sv')).toBe('—');
  });
});
