// The passage colours (renderer/viewer/highlight-palette.ts) on the shipped Vårdanalys template,
// whose first value of every variable has the same colour (#1f77b4): painted colours must tell
// neighbouring variables and the values of one variable apart and never look like the selection.
// Distances are OKLab (Ottosson 2020); MIN_DISTANCE is the module's own threshold.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HUES, MIN_DISTANCE, SELECTION_COLOUR, hexToOklab, highlightColours, oklabDistance, oklchToHex } from '../../renderer/viewer/highlight-palette';

interface TemplateVariable {
  key: string;
  groupId?: string;
  values: { id: string; colour: string }[];
}
const template = JSON.parse(readFileSync(new URL('../../codebook/vardanalys-2017.json', import.meta.url), 'utf8')) as { content: { variables: TemplateVariable[] } };
const variables = template.content.variables;
const distance = (a: string, b: string) => oklabDistance(hexToOklab(a), hexToOklab(b));

describe('highlight colours', () => {
  const colours = highlightColours(variables);

  it('the template itself repeats colours (why the palette is needed)', () => {
    expect(new Set(variables.map((v) => v.values[0]!.colour)).size).toBe(1);
  });

  it('gives every value a colour, the values of one variable all distinct', () => {
    for (const v of variables) {
      const own = v.values.map((x) => colours.get(x.id)!);
      expect(own.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
      for (let i = 0; i < own.length; i++) for (let j = i + 1; j < own.length; j++) expect(distance(own[i]!, own[j]!), `${v.key} values ${i} and ${j}`).toBeGreaterThan(MIN_DISTANCE);
    }
  });

  it('tells the first values of variables in the same group apart', () => {
    const groups = new Map<string, TemplateVariable[]>();
    for (const v of variables) groups.set(v.groupId ?? '', [...(groups.get(v.groupId ?? '') ?? []), v]);
    for (const [group, list] of groups) {
      const firsts = list.map((v) => colours.get(v.values[0]!.id)!);
      for (let i = 0; i < firsts.length; i++) for (let j = i + 1; j < firsts.length; j++) expect(distance(firsts[i]!, firsts[j]!), `${group}: ${list[i]!.key} / ${list[j]!.key}`).toBeGreaterThan(MIN_DISTANCE);
    }
  });

  it('never paints in (or near) the selection colour', () => {
    for (const c of colours.values()) expect(distance(c, SELECTION_COLOUR)).toBeGreaterThan(MIN_DISTANCE);
  });

  it('keeps a codebook colour that is unique and not the selection colour', () => {
    const mine = highlightColours([{ values: [{ id: 'a', colour: '#d62728' }, { id: 'b', colour: '#d62728' }] }, { values: [{ id: 'c', colour: '#8c564b' }, { id: 'd', colour: SELECTION_COLOUR }] }]);
    // a and b share a colour, d is the selection colour: palette; c is unique: kept.
    expect(mine.get('c')).toBe('#8c564b');
    expect(mine.get('a')).not.toBe('#d62728');
    expect(mine.get('d')).not.toBe(SELECTION_COLOUR);
  });

  it('converts OKLCH to sRGB (white and black, and a hue round trip)', () => {
    expect(oklchToHex(1, 0, 0)).toBe('#ffffff');
    expect(oklchToHex(0, 0, 0)).toBe('#000000');
    const lab = hexToOklab(oklchToHex(0.7, 0.1, HUES[1]));
    const hue = (((Math.atan2(lab[2], lab[1]) * 180) / Math.PI) + 360) % 360;
    // Within a degree (rounding to 8-bit channels).
    expect(Math.abs(hue - HUES[1])).toBeLessThan(1);
  });
});
