// `overens unitizing`: JSON contract on a hand-computed case and bad segment input.
import { describe, expect, it } from 'vitest';
import { cli, tempFiles } from './run-cli';

const { file } = tempFiles('overens-unit-');
const documents = file('documents.csv', 'document,length,level\nd,10,county\n');

describe('overens unitizing', () => {
  it('prints the contract keys; A [0,4) vs B [2,6) of 10 characters gives uα = 1 − 8/(192/17.8)', async () => {
    const { code, stdout } = await cli(['unitizing', file('s.csv', 'document,coder,code,start,end\nd,A,x,0,4\nd,B,x,2,6\n'), '--documents', documents, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    for (const key of ['codes', 'alpha_u', 'u_alpha', 'binary_u_alpha', 'cu_alpha']) expect(json).toHaveProperty(key);
    // Krippendorff (2019) eqs. 32–34 by hand (test/unit/core/agreement/unitizing.test.ts): 0.258427.
    const uAlpha = 1 - 8 / ((2 * 8 * 12) / (20 - 44 / 20));
    expect(json.u_alpha).toBeCloseTo(uAlpha, 12);
    expect(json.codes[0]).toEqual({ code: 'x', alpha_u: expect.closeTo(0.226087, 5), u_alpha: expect.closeTo(uAlpha, 12) });
    expect(json.alpha_u).toBeCloseTo(0.226087, 5);
  });

  it('explains an undefined cuα with an English note, a string in JSON', async () => {
    const same = file('same.csv', 'document,coder,code,start,end\nd,A,x,0,4\nd,B,x,0,4\n');
    const json = JSON.parse((await cli(['unitizing', same, '--documents', documents, '--json'])).stdout);
    expect(json.cu_alpha).toBeNull();
    expect(json.notes).toEqual(['cuα is undefined: no stretch was marked by two or more coders with varying codes']);
    const one = await cli(['unitizing', file('one.csv', 'document,coder,code,start,end\nd,A,x,0,4\n'), '--documents', documents]);
    expect(one.stdout).toContain('Notes:\n  only one coder: agreement needs at least two\n');
  });

  it('reports end <= start, non-numbers, unknown documents and segments past the end, with line numbers', async () => {
    const bad = file('bad.csv', 'document,coder,code,start,end\nd,A,x,5,5\nd,A,x,a,3\nq,A,x,0,3\nd,B,x,8,12\n');
    const { code, stderr } = await cli(['unitizing', bad, '--documents', documents]);
    expect(code).toBe(1);
    expect(stderr).toContain('bad.csv:2: end (5) must be greater than start (5)');
    expect(stderr).toContain('bad.csv:3: start and end must be non-negative whole numbers');
    expect(stderr).toContain('bad.csv:4: document "q" is not in the documents file');
    expect(stderr).toContain('bad.csv:5: the segment ends at 12, beyond the end of document "d" (length 10)');
    const noLength = await cli(['unitizing', bad, '--documents', file('nolen.csv', 'document\nd\n')]);
    expect(noLength.stderr).toMatch(/missing column length/);
  });
});
