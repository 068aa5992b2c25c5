// `overens prevalence`: JSON contract, missing documents, codebook order and derived variables,
// coder choice, and bad input.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFiles } from './run-cli';

const { file } = tempFiles('overens-prev-');

const documents = file('documents.csv', 'document,level,county\nd1,county,Dalarna\nd2,local,Dalarna\nd3,local,Dalarna\nd4,local,Gävleborg\n');
const codings = file('codings.csv', 'document,coder,variable,value\nd1,Anna,LVM,Ja\nd2,Anna,LVM,Ja\nd3,Anna,LVM,Nej\nd4,Anna,LVM,\n');

describe('overens prevalence', () => {
  it('prints the JSON contract with n, missing and unrounded percents', async () => {
    const { code, stdout } = await cli(['prevalence', codings, '--documents', documents, '--by', 'level', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.variables).toEqual([
      {
        variable: 'LVM',
        groups: [
          { group: 'county', n: 1, missing: 0, values: [{ value: 'Ja', count: 1, percent: 100 }, { value: 'Nej', count: 0, percent: 0 }] },
          { group: 'local', n: 2, missing: 1, values: [{ value: 'Ja', count: 1, percent: 50 }, { value: 'Nej', count: 1, percent: 50 }] },
        ],
      },
    ]);
  });

  it('follows the codebook and computes derived variables (Öppna jämförelser indicator)', async () => {
    const oj = file(
      'oj.csv',
      [
        'document,coder,variable,value',
        ...['gemensamma_mal', 'resurs_ansvar', 'rutiner_samarbete', 'uppfoljning_senaste_aret'].map((k) => `d1,Anna,${k},Ja`),
        ...['gemensamma_mal', 'resurs_ansvar', 'rutiner_samarbete'].map((k) => `d2,Anna,${k},Ja`),
        'd2,Anna,uppfoljning_senaste_aret,Nej',
        'd3,Anna,gemensamma_mal,Ja',
      ].join('\n'),
    );
    const { code, stdout } = await cli(['prevalence', oj, '--documents', documents, '--codebook', path.resolve('codebook/oppna-jamforelser-2019.json'), '--json']);
    expect(code).toBe(0);
    const indicator = JSON.parse(stdout).variables.find((v: { variable: string }) => v.variable === 'Aktuell överenskommelse med regionen');
    // d1 all Ja → Ja; d2 one Nej → Nej; d3 incomplete → missing; d4 nothing → missing.
    expect(indicator.groups[0]).toEqual({ group: 'all', n: 2, missing: 2, values: [{ value: 'Ja', count: 1, percent: 50 }, { value: 'Nej', count: 1, percent: 50 }] });
  });

  it('writes CSV and a readable table', async () => {
    const csv = await cli(['prevalence', codings, '--documents', documents, '--by', 'county', '--csv']);
    expect(csv.stdout.split('\n').slice(0, 2)).toEqual(['variable,group,n,missing,value,count,percent', 'LVM,Dalarna,3,0,Ja,2,66.66666666666667']);
    const table = await cli(['prevalence', codings, '--documents', documents, '--by', 'level']);
    expect(table.stdout).toMatch(/local\s+2\s+1\s+50\.0\s+50\.0/);
  });

  it('needs --coder with several coders and refuses unknown documents, coders and attributes', async () => {
    const two = file('two.csv', 'document,coder,variable,value\nd1,Anna,LVM,Ja\nd1,Bertil,LVM,Nej\n');
    const several = await cli(['prevalence', two, '--documents', documents]);
    expect(several.code).toBe(1);
    expect(several.stderr).toMatch(/several coders \(Anna, Bertil\); choose one with --coder/);
    expect((await cli(['prevalence', two, '--documents', documents, '--coder', 'Bertil', '--json'])).code).toBe(0);
    expect((await cli(['prevalence', two, '--documents', documents, '--coder', 'Cecilia'])).stderr).toMatch(/no codings by coder "Cecilia"/);
    const stray = file('stray.csv', 'document,coder,variable,value\nd9,Anna,LVM,Ja\n');
    expect((await cli(['prevalence', stray, '--documents', documents])).stderr).toMatch(/stray\.csv:2: document "d9" is not in/);
    expect((await cli(['prevalence', codings, '--documents', documents, '--by', 'year'])).stderr).toMatch(/no column "year"/);
    expect((await cli(['prevalence', codings])).code).toBe(2);
  });
});

describe('overens prevalence --documents with the attribute CSV the app imports', () => {
  const { file: put } = tempFiles('overens-prev-attr-');
  // The corpus' documents.csv shape: `file` key, semicolons (Swedish Excel), a DOCX twin in the codings.
  const attributes = put('documents.csv', 'file;level;county\navtal-a.pdf;county;Dalarna\navtal-b.pdf;local;Dalarna\navtal-c.pdf;local;Gotland\n');

  it('matches codings by file name or stem and counts each agreement once', async () => {
    const codings = put('codings.csv', 'document,coder,variable,value\navtal-a.pdf,K,LVM,Ja\navtal-b.docx,K,LVM,Nej\navtal-c.pdf,K,LVM,Ja\n');
    const run = await cli(['prevalence', codings, '--documents', attributes, '--by', 'level', '--json']);
    expect(run.code).toBe(0);
    const groups = JSON.parse(run.stdout).variables[0].groups as { group: string; n: number; values: { value: string; count: number }[] }[];
    // By hand: county = {a: Ja}; local = {b (its DOCX twin): Nej, c: Ja}.
    expect(groups.map((g) => [g.group, g.n, g.values.map((v) => v.count)])).toEqual([
      ['county', 1, [1, 0]],
      ['local', 2, [1, 1]],
    ]);
  });

  it('takes a PDF and its DOCX twin as one agreement; where they differ, the agreement’s own file counts (as in the app)', async () => {
    const same = put('same.csv', 'document,coder,variable,value\navtal-a.pdf,K,LVM,Ja\navtal-a.docx,K,LVM,Ja\n');
    const ok = await cli(['prevalence', same, '--documents', attributes, '--json']);
    expect(JSON.parse(ok.stdout).variables[0].groups[0].n).toBe(1);
    // The app's final dataset (src/core/final-dataset.ts): the judgement on the unit's own file
    // (the one the documents file names), the other listed as a twin conflict.
    const differ = put('differ.csv', 'document,coder,variable,value\navtal-a.docx,K,LVM,Nej\navtal-a.pdf,K,LVM,Ja\n');
    const run = await cli(['prevalence', differ, '--documents', attributes, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).variables[0].groups[0].values).toEqual([{ value: 'Nej', count: 0, percent: 0 }, { value: 'Ja', count: 1, percent: 100 }]);
    expect(run.stderr).toContain("1 judgement(s) differ between two files of one agreement; the agreement's own file (the row of the documents file) counts, as in the app");
  });

  it('names a codings document that is in no row', async () => {
    const codings = put('unknown.csv', 'document,coder,variable,value\navtal-x.pdf,K,LVM,Ja\n');
    const run = await cli(['prevalence', codings, '--documents', attributes]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown\.csv:2: document "avtal-x\.pdf" is not in .*documents\.csv/);
  });
});
