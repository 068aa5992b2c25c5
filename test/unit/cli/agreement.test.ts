// `overens agreement`: the JSON contract, the Krippendorff (2011) example through the CLI,
// CSV and table output, and bad input with line numbers.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFiles } from './run-cli';


const { dir, file } = tempFiles('overens-agree-');

// Krippendorff (2011), 4 coders × 12 units.
const K2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const k2011 = file(
  'k2011.csv',
  ['document,coder,variable,value', ...K2011.flatMap((row, c) => row.flatMap((v, u) => (v === null ? [] : [`u${u + 1},${'ABCD'[c]},x,${v}`])))].join('\n'),
);

describe('overens agreement', () => {
  it('reproduces Krippendorff (2011) at every level with the contract keys', async () => {
    for (const [level, alpha] of [['nominal', 0.743], ['ordinal', 0.815], ['interval', 0.849], ['ratio', 0.797]] as const) {
      const { code, stdout } = await cli(['agreement', k2011, '--level', level, '--json']);
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      const row = json.variables[0];
      for (const key of ['variable', 'level', 'units', 'coders', 'pairable_values', 'percent_agreement', 'cohen_kappa', 'scott_pi', 'fleiss_kappa', 'brennan_prediger', 'gwet_ac1', 'krippendorff_alpha', 'ci95']) {
        expect(row, key).toHaveProperty(key);
      }
      expect(row.krippendorff_alpha).toBeCloseTo(alpha, 3);
      expect(row.level).toBe(level);
      expect(json.pooled.level).toBe('nominal');
      expect(row.cohen_kappa).toBeNull();
      expect(row.notes.join(' ')).toMatch(/two coders; 4 coded/);
      expect(json.pooled.krippendorff_alpha).toBeCloseTo(0.743, 3);
    }
  });

  it('gives a reproducible bootstrap CI with a seed', async () => {
    const a = JSON.parse((await cli(['agreement', k2011, '--bootstrap', '500', '--seed', '7', '--json'])).stdout);
    const b = JSON.parse((await cli(['agreement', k2011, '--bootstrap', '500', '--seed', '7', '--json'])).stdout);
    expect(a.variables[0].ci95.krippendorff_alpha).toEqual(b.variables[0].ci95.krippendorff_alpha);
    const [lo, hi] = a.variables[0].ci95.krippendorff_alpha;
    expect(lo).toBeLessThan(0.743);
    expect(hi).toBeGreaterThan(0.743);
  });

  it('states the methods conventions it follows, in the JSON and under the table', async () => {
    const two = file('methods.csv', 'document,coder,variable,value\nd1,A,v,1\nd1,B,v,2\nd2,A,v,2\nd2,B,v,2\nd3,A,v,3\nd3,B,v,3\n');
    const json = JSON.parse((await cli(['agreement', two, '--json', '--level', 'ordinal', '--weights', 'linear', '--weight-scale', 'value', '--bootstrap', '200'])).stdout);
    expect(json.methods).toEqual({
      cohen_kappa_ci: 'κ ± z(.975)·ASE with the Fleiss–Cohen–Everitt ASE (as SAS PROC FREQ and statsmodels)',
      other_ci: "Scott's π, percent agreement, Fleiss' κ, Brennan–Prediger, AC1: ± t(.975; n − 1)·SE with Gwet's (2014) SEs (as irrCAC)",
      alpha_ci: 'percentile interval of 200 bootstrap resamples of the units (seed 1)',
      kappa_weights: "linear, by the values' numeric codes: |x − y| / (max − min) (as irrCAC)",
      numeric_values: 'a variable whose values are all numbers is numeric: "1" and "1.0" are one category',
    });
    const table = (await cli(['agreement', two])).stdout;
    expect(table).toContain("Methods: Cohen's κ ± z(.975)·ASE with the Fleiss–Cohen–Everitt ASE (as SAS PROC FREQ and statsmodels); ");
    expect(table).toContain('α without an interval (--bootstrap N gives one); κ weights none;');
  });

  it('prints Cohen\'s κ with its CI for two coders, in a table and as CSV', async () => {
    const two = file('two.csv', 'document,coder,variable,value\nd1,A,LVM,Ja\nd1,B,LVM,Ja\nd2,A,LVM,Nej\nd2,B,LVM,Nej\nd3,A,LVM,Ja\nd3,B,LVM,Nej\nd4,A,LVM,Nej\nd4,B,LVM,Nej\n');
    const table = await cli(['agreement', two]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/LVM\s+4\s+0\.750\s+0\.500/);
    const csv = await cli(['agreement', two, '--csv']);
    const [header, first] = csv.stdout.split('\n').map((line) => line.split(','));
    expect(header!.join(',')).toBe(
      'variable,level,kappa_weights,units,coders,pairable_values,' +
        'percent_agreement,percent_agreement_ci_low,percent_agreement_ci_high,cohen_kappa,cohen_kappa_ci_low,cohen_kappa_ci_high,' +
        'scott_pi,scott_pi_ci_low,scott_pi_ci_high,fleiss_kappa,fleiss_kappa_ci_low,fleiss_kappa_ci_high,' +
        'brennan_prediger,brennan_prediger_ci_low,brennan_prediger_ci_high,gwet_ac1,gwet_ac1_ci_low,gwet_ac1_ci_high,' +
        'krippendorff_alpha,krippendorff_alpha_ci_low,krippendorff_alpha_ci_high,notes',
    );
    const cell = (name: string) => first![header!.indexOf(name)]!;
    expect(first!.slice(0, 7).join(',')).toBe('LVM,nominal,none,4,2,8,0.75');
    expect(Number(cell('cohen_kappa'))).toBe(0.5);
    // π by hand: average marginals Ja .375, Nej .625 → p_e = .53125, π = (.75 − .53125)/.46875.
    expect(Number(cell('scott_pi'))).toBeCloseTo(0.21875 / 0.46875, 12);
    for (const name of ['percent_agreement', 'cohen_kappa', 'scott_pi', 'fleiss_kappa', 'gwet_ac1']) {
      expect(Number(cell(`${name}_ci_low`))).toBeLessThan(Number(cell(name)));
      expect(Number(cell(`${name}_ci_high`))).toBeGreaterThan(Number(cell(name)));
    }
    expect(cell('krippendorff_alpha_ci_low')).toBe('');
  });

  it('explains undefined coefficients with English notes: strings in JSON and CSV, a list in the table', async () => {
    const same = file('same.csv', 'document,coder,variable,value\nd1,A,LVM,Ja\nd1,B,LVM,Ja\nd2,A,LVM,Ja\nd2,B,LVM,Ja\n');
    const json = JSON.parse((await cli(['agreement', same, '--json'])).stdout);
    expect(json.variables[0].krippendorff_alpha).toBeNull();
    expect(json.variables[0].notes).toEqual([
      "Fleiss' κ is undefined: all coders used one and the same category",
      'Brennan–Prediger and AC1 need at least two categories',
      "Krippendorff's α: no variation: all pairable values are the same, so α is undefined",
      "Cohen's κ: no variation: chance agreement is 1, so κ is undefined",
    ]);
    const csv = (await cli(['agreement', same, '--csv'])).stdout;
    expect(csv).toContain("Fleiss' κ is undefined: all coders used one and the same category; Brennan–Prediger and AC1 need at least two categories; Krippendorff's α");
    const table = (await cli(['agreement', same])).stdout;
    expect(table).toContain("Notes:\n  LVM: Fleiss' κ is undefined: all coders used one and the same category\n");
    expect(`${csv}${table}`).not.toMatch(/object Object|Krippendorffs|odefinierad/);
  });

  it('reports bad input with file and line numbers and exits 1', async () => {
    const noHeader = await cli(['agreement', file('nohead.csv', 'd1,A,LVM,Ja\n')]);
    expect(noHeader.code).toBe(1);
    expect(noHeader.stderr).toMatch(/nohead\.csv:1: missing column\(s\) document, coder, variable, value in the header/);
    const dup = await cli(['agreement', file('dup.csv', 'document,coder,variable,value\nd1,A,LVM,Ja\nd1,B,LVM,Ja\nd1,A,LVM,Nej\n')]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/dup\.csv:4: duplicate row: coder "A" already coded "LVM" for document "d1" on line 2/);
    const text = await cli(['agreement', file('text.csv', 'document,coder,variable,value\nd1,A,x,1\nd1,B,x,hög\n'), '--level', 'interval']);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/text\.csv:3: value "hög" of "x" is not a number; --level interval needs numeric values or the codebook.s scores/);
    expect((await cli(['agreement', path.join(dir, 'missing.csv')])).stderr).toMatch(/missing\.csv: no such file/);
  });

  it('refuses bad options as usage errors (exit 2)', async () => {
    expect((await cli(['agreement', k2011, '--level', 'metric'])).code).toBe(2);
    expect((await cli(['agreement', k2011, '--bootstrap', '-3'])).code).toBe(2);
    expect((await cli(['agreement'])).code).toBe(2);
  });
});
