// Reliability samples: seeded, reproducible, proportional or per-stratum percentages.
import { describe, expect, it } from 'vitest';
import { drawSample } from '../../../src/core/sampling';

// 21 county and 165 local agreements, as in Vårdanalys 2017:1.
const documents = Array.from({ length: 186 }, (_, i) => ({ id: `d${String(i).padStart(3, '0')}`, attributes: { level: i < 21 ? 'county' : 'local' } }));
const count = (sample: { attributes: { level: string } }[], level: string) => sample.filter((d) => d.attributes.level === level).length;

describe('drawSample', () => {
  it('draws n documents proportionally over strata, reproducibly for a seed, whatever the input order', () => {
    const a = drawSample(documents, { n: 30, stratum: 'level', seed: 7 });
    expect(a).toHaveLength(30);
    // 30 · 21/186 = 3.39 → 3 county; 30 · 165/186 = 26.61 → 27 local (largest remainder).
    expect([count(a, 'county'), count(a, 'local')]).toEqual([3, 27]);
    expect(drawSample([...documents].reverse(), { n: 30, stratum: 'level', seed: 7 }).map((d) => d.id)).toEqual(a.map((d) => d.id));
    expect(drawSample(documents, { n: 30, stratum: 'level', seed: 8 }).map((d) => d.id)).not.toEqual(a.map((d) => d.id));
    expect(new Set(a.map((d) => d.id)).size).toBe(30);
  });

  it('draws a percentage of every stratum, rounding up so small strata are represented', () => {
    const s = drawSample(documents, { percent: 10, stratum: 'level', seed: 1 });
    // ⌈2.1⌉ = 3 county, ⌈16.5⌉ = 17 local.
    expect([count(s, 'county'), count(s, 'local')]).toEqual([3, 17]);
  });

  it('handles n larger than the corpus, zero, and no stratum', () => {
    expect(drawSample(documents, { n: 500, seed: 1 })).toHaveLength(186);
    expect(drawSample(documents, { n: 0, seed: 1 })).toEqual([]);
    expect(drawSample(documents, { percent: 0, seed: 1 })).toEqual([]);
  });
});
