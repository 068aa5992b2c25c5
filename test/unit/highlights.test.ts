// What the viewer says about painted passages (renderer/viewer/highlights.ts): the passages under
// an offset for the hover tooltip, the legend's entries, and each highlight kind's CSS. The
// passages are made up here; expected values follow from their offsets.
import { describe, expect, it } from 'vitest';
import { highlightStyle, legendEntries, passagesAt, type PaintedSegment } from '../../renderer/viewer/highlights';

const segments: PaintedSegment[] = [
  { id: 'a', start: 10, end: 30, colour: '#aa0000', label: 'Mål: Ja' },
  { id: 'b', start: 15, end: 20, colour: '#00aa00', label: 'SIP: Ja' },
  { id: 'c', start: 12, end: 25, colour: '#aa0000', label: 'Mål: Ja', coder: 'Bertil' },
  { id: 'd', start: 40, end: 50, colour: '#aa0000', label: 'Mål: Ja' },
  // A search hit: no label, never named.
  { id: 'search-0', start: 0, end: 100, colour: '#ffe066' },
];

describe('passagesAt', () => {
  it('names the labelled passages at an offset, shortest first', () => {
    expect(passagesAt(segments, 16).map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(passagesAt(segments, 30)).toEqual([]);
    expect(passagesAt(segments, 45).map((s) => s.id)).toEqual(['d']);
  });

  it('lists one passage per label and coder', () => {
    const twice = [...segments, { id: 'e', start: 14, end: 40, colour: '#aa0000', label: 'Mål: Ja' }];
    expect(passagesAt(twice, 16).map((s) => s.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('legendEntries', () => {
  it('counts the passages per label, colour and coder in document order', () => {
    expect(legendEntries(segments).map(({ label, coder, count }) => ({ label, coder, count }))).toEqual([
      { label: 'Mål: Ja', coder: undefined, count: 2 },
      { label: 'Mål: Ja', coder: 'Bertil', count: 1 },
      { label: 'SIP: Ja', coder: undefined, count: 1 },
    ]);
  });
});

describe('highlightStyle', () => {
  it('fills own passages, underlines other coders\' passages dashed, and never uses the other style for own', () => {
    expect(highlightStyle('own-aa0000')).toBe('background-color: rgba(170, 0, 0, 0.42);');
    expect(highlightStyle('other-aa0000')).toContain('text-decoration: underline dashed 2px #aa0000');
    expect(highlightStyle('own-aa0000')).not.toContain('underline');
  });
});
