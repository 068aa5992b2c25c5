// `overens agreement` reading files as people have them: the issue's smallest case, encodings,
// delimiters, header case, choosing coders, numeric spellings. Expected values by hand (see each).
import { describe, expect, it } from 'vitest';
import { cli, tempFiles } from './run-cli';

const { file } = tempFiles('overens-agree-input-');
// Issue 14: v1 by A and B, v2 by B and C. κ(v2) = 0.4 (scikit-learn cohen_kappa_score), π = 1/3 (irrCAC).
const ISSUE = 'document,coder,variable,value\nd1,A,v1,1\nd1,B,v1,1\nd2,A,v1,2\nd2,B,v1,2\nd1,B,v2,1\nd1,C,v2,1\nd2,B,v2,2\nd2,C,v2,2\nd3,B,v2,1\nd3,C,v2,2\n';
const json = (stdout: string) => JSON.parse(stdout) as { coders: string[]; variables: { variable: string; cohen_kappa: number | null; scott_pi: number | null; coders: number; notes: string[]; categories: { value: string }[] }[] };

describe('overens agreement input', () => {
  it("takes κ and π from each variable's own two coders", async () => {
    const run = await cli(['agreement', file('issue.csv', ISSUE), '--json']);
    expect(run.code).toBe(0);
    const v2 = json(run.stdout).variables.find((r) => r.variable === 'v2')!;
    expect(v2.cohen_kappa).toBeCloseTo(0.4, 12);
    expect(v2.scott_pi).toBeCloseTo(1 / 3, 12);
    expect(v2.notes.join(' ')).not.toMatch(/no unit was coded by both/);
  });

  it('reads Windows-1252 with a warning, so "Jå" and "Jä" stay two categories', async () => {
    // A: Jå Jä Jå Jä; B: Jå Jä Jä Jå → p_o = .5, p_e = .5 → κ = 0. As one category "J\uFFFD" it was undefined/1.
    const text = 'document,coder,variable,value\nd1,A,x,Jå\nd1,B,x,Jå\nd2,A,x,Jä\nd2,B,x,Jä\nd3,A,x,Jå\nd3,B,x,Jä\nd4,A,x,Jä\nd4,B,x,Jå\n';
    const bytes = Uint8Array.from([...text].map((ch) => ({ å: 0xe5, ä: 0xe4 })[ch] ?? ch.charCodeAt(0)));
    const run = await cli(['agreement', file('excel.csv', bytes), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/excel\.csv: not UTF-8; read as Windows-1252/);
    const row = json(run.stdout).variables[0]!;
    expect(row.categories.map((c) => c.value)).toEqual(['Jå', 'Jä']);
    expect(row.cohen_kappa).toBeCloseTo(0, 12);
    // The same file in UTF-8 with a BOM: no warning, the same result.
    const utf8 = await cli(['agreement', file('bom.csv', `\uFEFF${text}`), '--json']);
    expect(utf8.stderr).toBe('');
    expect(json(utf8.stdout).variables[0]!.cohen_kappa).toBeCloseTo(0, 12);
  });

  it('refuses a U+FFFD (a character already lost), naming the line', async () => {
    const run = await cli(['agreement', file('lost.csv', 'document,coder,variable,value\nd1,A,x,Ja\nd1,B,x,J\uFFFD\n')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/lost\.csv:3: contains the replacement character U\+FFFD/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reads semicolons and tabs, header names in any case; names a delimiter it does not read', async () => {
    for (const [name, d] of [['semi.csv', ';'], ['tab.tsv', '\t']] as const) {
      const run = await cli(['agreement', file(name, ISSUE.replace(/,/g, d).replace('document', 'Document').replace('value', 'VALUE')), '--json']);
      expect(run.code, name).toBe(0);
      expect(json(run.stdout).variables.find((r) => r.variable === 'v2')!.cohen_kappa).toBeCloseTo(0.4, 12);
    }
    const pipe = await cli(['agreement', file('pipe.csv', ISSUE.replace(/,/g, '|'))]);
    expect(pipe.code).toBe(1);
    expect(pipe.stderr).toMatch(/pipe\.csv:1: the columns are separated by a vertical bar "\|"; use a comma, a semicolon or a tab/);
  });

  it('--coders chooses coders (in that order); an unknown one is named', async () => {
    const run = await cli(['agreement', file('choose.csv', ISSUE), '--coders', 'C,B', '--json']);
    expect(run.code).toBe(0);
    const out = json(run.stdout);
    expect(out.coders).toEqual(['C', 'B']);
    expect(out.variables.map((r) => r.variable)).toEqual(['v1', 'v2']);
    // v1 has only B among the chosen coders.
    expect(out.variables[0]!.coders).toBe(1);
    expect(out.variables[1]!.cohen_kappa).toBeCloseTo(0.4, 12);
    const unknown = await cli(['agreement', file('choose2.csv', ISSUE), '--coders', 'A,Z']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/choose2\.csv: --coders: no coder "Z" in the file \(coders: A, B, C\)/);
  });

  it('leaves the consensus coder out by its coder_kind, and counts it when named', async () => {
    const text = 'document,coder,variable,value,coder_kind\nd1,A,x,Ja,human\nd1,B,x,Ja,human\nd1,K,x,Nej,consensus\nd2,A,x,Nej,human\nd2,B,x,Nej,human\nd2,K,x,Nej,consensus\n';
    const run = await cli(['agreement', file('kind.csv', text), '--json']);
    expect(run.stderr).toMatch(/left out the consensus coder "K"/);
    expect(json(run.stdout).coders).toEqual(['A', 'B']);
    expect(json(run.stdout).variables[0]!.cohen_kappa).toBe(1);
    const named = await cli(['agreement', file('kind2.csv', text), '--coders', 'A,K', '--json']);
    // A: Ja Nej; K: Nej Nej → p_o = .5, p_e = .5·1 + .5·0… = .5 → κ = 0.
    expect(json(named.stdout).variables[0]!.cohen_kappa).toBeCloseTo(0, 12);
  });

  it('says when a coder called Konsensus is counted for want of a coder_kind column', async () => {
    const run = await cli(['agreement', file('old.csv', 'document,coder,variable,value\nd1,A,x,Ja\nd1,Konsensus,x,Ja\n')]);
    expect(run.stderr).toMatch(/coder "Konsensus" is counted as a rater \(the file has no coder_kind column\)/);
  });

  it('an ordinal variable with label values takes its order from value_code (it was refused: "Nej" is not a number)', async () => {
    // Order Ja, tydligt (1) › Ja, otydligt (2) › Nej (3). A: 1 2 3 1, B: 1 3 3 2. Ordinal α by hand
    // from the coincidences (n = 8): o_11 = 2, o_12 = o_21 = 1, o_23 = o_32 = 1, o_33 = 2; n_1 = 3, n_2 = 2, n_3 = 3.
    // δ²(1,2) = (3/2 + 2/2)² = 6.25, δ²(2,3) = (2/2 + 3/2)² = 6.25, δ²(1,3) = (3/2 + 2 + 3/2)² = 25.
    // D_o ∝ 2·6.25 + 2·6.25 = 25; D_e ∝ 2(3·2·6.25 + 2·3·6.25 + 3·3·25) = 600 → α = 1 − 7·25/600 = 0.708333.
    const rows = [['d1', 'A', 'Ja, tydligt', 1], ['d1', 'B', 'Ja, tydligt', 1], ['d2', 'A', 'Ja, otydligt', 2], ['d2', 'B', 'Nej', 3], ['d3', 'A', 'Nej', 3], ['d3', 'B', 'Nej', 3], ['d4', 'A', 'Ja, tydligt', 1], ['d4', 'B', 'Ja, otydligt', 2]];
    const text = ['document,coder,variable,value,variable_level,value_code,value_count', ...rows.map(([d, c, v, k]) => `${d},${c},Polisen,"${v}",ordinal,${k},3`)].join('\n');
    const run = await cli(['agreement', file('ord.csv', text), '--json']);
    expect(run.stderr).toBe('');
    const row = JSON.parse(run.stdout).variables[0];
    expect(row.level).toBe('ordinal');
    expect(row.krippendorff_alpha).toBeCloseTo(1 - (7 * 25) / 600, 12);
  });

  it('refuses two rows of one coder, document and variable of a single-valued variable; reads them as a set for a multi-valued one', async () => {
    const dup = await cli(['agreement', file('dup.csv', 'document,coder,variable,value,variable_kind\nd1,A,x,Ja,single\nd1,A,x,Nej,single\n')]);
    expect(dup.stderr).toMatch(/dup\.csv:3: duplicate row: coder "A" already coded "x" for document "d1" on line 2/);
    const set = ['document,coder,variable,value,variable_kind,value_code,value_count', 'd1,A,M,Barn,multi,1,2', 'd1,A,M,Äldre,multi,2,2', 'd1,B,M,Barn; Äldre,multi,1; 2,2', 'd2,A,M,Barn,multi,1,2', 'd2,B,M,Äldre,multi,2,2'].join('\n');
    const run = await cli(['agreement', file('set.csv', set), '--json']);
    expect(run.code).toBe(0);
    const rows = json(run.stdout).variables;
    expect(rows.map((r) => r.variable)).toEqual(['M: Barn', 'M: Äldre']);
  });
});
