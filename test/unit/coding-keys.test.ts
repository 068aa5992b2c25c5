/** The "n" key's rule: the next variable after the current one without a judgement, wrapping. */
import { describe, expect, it } from 'vitest';
import type { Judgement, Variable } from '../../src/core';
import { nextUnjudged } from '../../renderer/views/coding/useCodingKeys';

const vars = ['a', 'b', 'c', 'd'].map((id) => ({ id }) as Variable);
const judged = (...ids: string[]) => new Map(ids.map((id) => [id, { valueIds: ['x'] } as unknown as Judgement]));

describe('nextUnjudged', () => {
  it('skips judged variables and wraps around', () => {
    expect(nextUnjudged(vars, 0, judged('b'))).toBe(2);
    expect(nextUnjudged(vars, 2, judged('d'))).toBe(0);
    expect(nextUnjudged(vars, 1, judged('a', 'c', 'd'))).toBe(1);
  });
  it('stays put when everything is judged', () => {
    expect(nextUnjudged(vars, 3, judged('a', 'b', 'c', 'd'))).toBe(3);
  });
  it('counts an empty judgement as not judged', () => {
    const map = new Map([['b', { valueIds: [] } as unknown as Judgement]]);
    expect(nextUnjudged(vars, 0, map)).toBe(1);
  });
});
