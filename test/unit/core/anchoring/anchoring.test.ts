// Anchoring: selectors are described with position + quote + 32 characters of context, and
// re-anchored by position, then exact quote, then approximate quote (Hypothesis client model).
import { describe, expect, it } from 'vitest';
import { anchorSelector, describeRange, matchQuote, pageOf, reanchorAll, trimRange } from '../../../../src/core/anchoring';
import { SegmentSelector } from '../../../../src/core';

const TEXT =
  'Region Dalarna och länets kommuner ska gemensamt ansvara för att personer med missbruk får vård. ' +
  'Samordnad individuell plan (SIP) ska upprättas när insatser behövs från båda huvudmännen. ' +
  'Tvister hanteras i första hand på lokal nivå.';

describe('describeRange', () => {
  it('stores position, exact quote, 32 characters of context on each side, and the page', () => {
    const start = TEXT.indexOf('Samordnad');
    const end = start + 'Samordnad individuell plan (SIP)'.length;
    const sel = describeRange(TEXT, start, end, [0, 100]);
    expect(sel.position).toEqual({ start, end });
    expect(sel.quote.exact).toBe('Samordnad individuell plan (SIP)');
    expect(sel.quote.prefix).toHaveLength(32);
    expect(TEXT.slice(start - 32, start)).toBe(sel.quote.prefix);
    expect(sel.quote.suffix).toBe(TEXT.slice(end, end + 32));
    expect(sel.page).toBe(1);
    expect(SegmentSelector.safeParse(sel).success).toBe(true);
  });

  it('clips context at the ends of the text', () => {
    const sel = describeRange(TEXT, 0, 6);
    expect(sel.quote).toEqual({ exact: 'Region', prefix: '', suffix: TEXT.slice(6, 38) });
  });

  it('refuses empty, reversed and out-of-range ranges', () => {
    expect(() => describeRange(TEXT, 5, 5)).toThrow(/invalid range/);
    expect(() => describeRange(TEXT, 6, 5)).toThrow(/invalid range/);
    expect(() => describeRange(TEXT, 0, TEXT.length + 1)).toThrow(/invalid range/);
  });

  it('finds the page of an offset', () => {
    const starts = [0, 10, 20, 20, 35];
    expect([0, 9, 10, 19, 20, 34, 35, 99].map((o) => pageOf(starts, o))).toEqual([1, 1, 2, 2, 4, 4, 5, 5]);
  });

  it('trims whitespace around a selection', () => {
    expect(trimRange('  abc \n', 0, 7)).toEqual({ start: 2, end: 5 });
    expect(trimRange('   ', 0, 3)).toBeNull();
  });
});

describe('anchorSelector', () => {
  const start = TEXT.indexOf('Tvister');
  const sel = describeRange(TEXT, start, start + 'Tvister hanteras'.length);

  it('keeps the position when the text there still equals the quote', () => {
    expect(anchorSelector(TEXT, sel)).toMatchObject({ status: 'anchored', method: 'position', selector: { position: sel.position } });
  });

  it('finds the quote exactly when text was inserted before it', () => {
    const changed = 'INLEDNING. ' + TEXT;
    const result = anchorSelector(changed, sel);
    expect(result).toMatchObject({ status: 'anchored', method: 'quote' });
    if (result.status !== 'anchored') throw new Error('not anchored');
    expect(result.selector.position.start).toBe(start + 11);
    expect(changed.slice(result.selector.position.start, result.selector.position.end)).toBe('Tvister hanteras');
  });

  it('uses context to choose between several exact occurrences', () => {
    const text = 'LVM nämns här. Mellan stycken. Även LVM nämns där, i avsnittet om tvång.';
    const second = text.lastIndexOf('LVM');
    const selector = describeRange(text, second, second + 3);
    const moved = 'Ny rad först. ' + text;
    const result = anchorSelector(moved, selector);
    if (result.status !== 'anchored') throw new Error('not anchored');
    expect(result.selector.position.start).toBe(moved.lastIndexOf('LVM'));
  });

  it('re-anchors approximately when the quote was slightly edited (extraction changed)', () => {
    const s = TEXT.indexOf('Samordnad');
    const selector = describeRange(TEXT, s, s + 'Samordnad individuell plan (SIP) ska upprättas'.length);
    // A re-extraction that hyphenates differently and drops a space.
    const changed = TEXT.replace('individuell plan (SIP) ska', 'indi-viduell plan(SIP) ska');
    const result = anchorSelector(changed, selector);
    expect(result.status).toBe('anchored');
    if (result.status !== 'anchored') return;
    expect(result.method).toBe('approximate');
    const found = changed.slice(result.selector.position.start, result.selector.position.end);
    expect(found.startsWith('Samordnad indi-viduell')).toBe(true);
    expect(found.endsWith('upprättas')).toBe(true);
  });

  it('orphans a passage whose text is gone, keeping its selector', () => {
    const changed = TEXT.replace('Tvister hanteras i första hand på lokal nivå.', 'Oenighet löses av ledningsgruppen.');
    const result = anchorSelector(changed, sel);
    expect(result).toEqual({ status: 'orphaned', selector: sel });
  });

  it('re-anchors many passages and lists the orphans, dropping none', () => {
    const a = { id: 'a', selector: describeRange(TEXT, 0, 14) };
    const b = { id: 'b', selector: sel };
    const changed = TEXT.replace('Tvister hanteras', 'Konflikter löses');
    const report = reanchorAll(changed, [a, b]);
    expect(report.anchored.map((x) => x.item.id)).toEqual(['a']);
    expect(report.orphaned.map((x) => x.id)).toEqual(['b']);
  });
});

describe('matchQuote', () => {
  it('returns null when nothing is close enough', () => {
    expect(matchQuote('helt annan text', 'Kriminalvården')).toBeNull();
    expect(matchQuote('abc', '')).toBeNull();
  });

  it('prefers the candidate nearest the hint when quote and context tie', () => {
    const text = 'x SIP y '.repeat(50);
    const hint = 200;
    const match = matchQuote(text, 'SIP', { hint });
    expect(match).not.toBeNull();
    expect(Math.abs((match?.start ?? 0) - hint)).toBeLessThanOrEqual(8);
  });
});
