// The parity test of issue 14: every number of the app's reliability table (the Reliability
// view's analysis, renderer/views/reliability/analysis.ts, which also feeds the HTML report) is
// reproduced by `overens agreement` from the app's own long export (src/formats/dataset.ts, the
// Results view's "long CSV"), alone or with the codebook's JSON (--codebook). The expected values
// are the app's, computed by its own pure code in this test; the CLI runs as the command does.
import { describe, expect, it } from 'vitest';
import { CodebookContent, type CodebookVersion, type Coder, type DocumentMeta, type Judgement, type Variable } from '../../../src/core';
import { getTemplate } from '../../../src/core/codebook';
import { CI_KEYS, seededRandom, type AgreementRow, type Weights } from '../../../src/core/agreement';
import { composeFinalDataset } from '../../../src/core/final-dataset';
import { longCsv } from '../../../src/formats/dataset';
import { analyseReliability, reliabilityVariables, type ReliabilityScope } from '../../../renderer/views/reliability/analysis';
import { cli, tempFiles } from './run-cli';

const { file } = tempFiles('overens-parity-');
const base = getTemplate('vardanalys-2017')!.content;
const pick = (key: string) => base.variables.find((v) => v.key === key)!;
const value = (variable: string, key: string, sv: string, extra: Partial<Variable['values'][number]> = {}): Variable['values'][number] => ({
  id: `${variable}.${key}`, key, label: { sv, en: sv }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#336699', absent: false, ...extra,
});
const group = base.variables[0]!.groupId;
// A multi-valued variable (one yes/no row per value in the app) and an interval one with scores.
const multi: Variable = {
  id: 'x.malgrupp', key: 'malgrupp', label: { sv: 'Målgrupper', en: 'Target groups' }, groupId: group, description: {}, codingRule: {}, kind: 'multi', level: 'nominal',
  values: [value('x.malgrupp', 'barn', 'Barn'), value('x.malgrupp', 'unga', 'Unga vuxna'), value('x.malgrupp', 'aldre', 'Äldre'), value('x.malgrupp', 'gravida', 'Gravida')],
};
const interval: Variable = {
  id: 'x.parter', key: 'parter', label: { sv: 'Antal parter', en: 'Number of parties' }, groupId: group, description: {}, codingRule: {}, kind: 'single', level: 'interval',
  values: [value('x.parter', 'tva', 'Två', { score: 2 }), value('x.parter', 'fa', 'Några', { score: 5 }), value('x.parter', 'manga', 'Många', { score: 12 })],
};
// Nominal (2 and 4 values), ordinal label values ("Ja, tydligt" › "Ja, otydligt" › "Nej"), a thematic one.
const singles = ['ansvar_mellan', 'psykosocial_behandling', 'finansiellt_ansvar', 'gemensamma_mal', 'polisen', 'lvm', 'uppfoljning'].map(pick);

const coders: Coder[] = [
  { id: 'c-a', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
  { id: 'c-b', projectId: 'p', name: 'Bertil', kind: 'human', createdAt: 2 },
  { id: 'c-c', projectId: 'p', name: 'Cecilia', kind: 'human', createdAt: 3 },
  { id: 'c-k', projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 1 },
];
const documents: DocumentMeta[] = Array.from({ length: 36 }, (_, i) => ({
  id: `doc-${i}`, projectId: 'p', fileName: `avtal-${String(i).padStart(2, '0')}.pdf`, kind: 'pdf', sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 1, pageCount: 1, textLength: 10, hasText: true,
  attributes: { level: i % 3 === 0 ? 'county' : 'local', ...(i % 4 === 0 ? { urval: 'Bertil' } : {}) }, warnings: [],
}));

/** Seeded judgements: coders mostly agree with a document's "truth"; some leave a variable or a document out. */
function judgementsFor(variables: readonly Variable[], seed: number, options: { everyValue?: boolean } = {}): Judgement[] {
  const random = seededRandom(seed);
  const out: Judgement[] = [];
  for (const d of documents) {
    const i = Number(d.id.slice(4));
    for (const v of variables) {
      // Values are used from the first two only (so the codebook's other values are unused ones that count for BP and AC1)…
      const usable = options.everyValue || v.kind === 'multi' ? v.values.length : Math.min(v.values.length, i % 5 === 0 ? v.values.length : 2);
      const truth = Math.floor(random() * usable);
      for (const c of coders) {
        if (c.id === 'c-c' && i % 3 === 1) continue; // Cecilia did not judge every third document
        if (c.id === 'c-b' && i === 7) continue; // nor Bertil document 7
        if (c.kind === 'consensus' && i % 2 === 1) continue;
        if (random() < 0.08) continue; // a variable left unjudged
        let valueIds: string[];
        if (v.kind === 'multi') valueIds = v.values.filter((_, k) => (options.everyValue === false && k === 3 ? false : random() < (k === truth ? 0.85 : 0.3))).map((x) => x.id);
        else valueIds = [v.values[random() < 0.75 ? truth : Math.floor(random() * usable)]!.id];
        out.push({
          id: `${d.id}-${c.id}-${v.id}`, projectId: 'p', documentId: d.id, coderId: c.id, codebookVersionId: 'v1', variableId: v.id, valueIds, status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1,
        });
      }
    }
  }
  return out;
}

function version(variables: Variable[]): CodebookVersion {
  const content = CodebookContent.parse({ groups: base.groups, variables });
  return { id: 'v1', codebookId: 'cb', number: 1, content, publishedAt: 1, createdAt: 1, note: '' } as unknown as CodebookVersion;
}

interface CliRow extends Record<string, unknown> {
  variable: string;
  ci95: Record<string, [number, number] | null>;
}

/** Every number of a row: units, coders, pairable values, each coefficient and its CI. */
function expectSameRow(app: AgreementRow, mine: CliRow, name: string) {
  expect(mine.units, `${name}: units`).toBe(app.units);
  expect(mine.coders, `${name}: coders`).toBe(app.coders);
  expect(mine.pairable_values, `${name}: pairable values`).toBe(app.pairable_values);
  expect(mine.level, `${name}: level`).toBe(app.level);
  expect(mine.kappa_weights, `${name}: weights`).toBe(app.weights);
  for (const key of CI_KEYS) {
    const a = app[key];
    const b = mine[key] as number | null;
    if (a === null) expect(b, `${name}: ${key}`).toBeNull();
    else expect(b, `${name}: ${key}`).toBeCloseTo(a, 12);
    const ca = app.ci95[key];
    const cb = mine.ci95[key] ?? null;
    if (ca === null) expect(cb, `${name}: ${key} CI`).toBeNull();
    else {
      expect(cb![0], `${name}: ${key} CI low`).toBeCloseTo(ca[0], 12);
      expect(cb![1], `${name}: ${key} CI high`).toBeCloseTo(ca[1], 12);
    }
  }
}

async function compare(options: { variables: Variable[]; judgements: Judgement[]; coders: string[]; scope: ReliabilityScope; weights?: Weights; bootstrap?: boolean; codebook?: boolean; cliCoders?: boolean; withFinal?: boolean }) {
  const v = version(options.variables);
  const variables = reliabilityVariables(v);
  const app = analyseReliability({ judgements: options.judgements, documents, version: v, variables, coders: options.coders, scope: options.scope, orderedWeights: options.weights, bootstrap: options.bootstrap });
  // As the app writes it (withFinal): every coder's rows and the final dataset's rows (coder_kind final).
  const final = options.withFinal ? composeFinalDataset({ content: v.content, documents, coders, judgements: options.judgements, codebookVersionId: v.id }) : undefined;
  const csv = file(`long-${Math.random().toString(36).slice(2)}.csv`, longCsv({ content: v.content, documents, coders, judgements: options.judgements, lang: 'sv', ...(final ? { final } : {}) }));
  const args = ['agreement', csv, '--json', '--scope', options.scope];
  if (options.cliCoders !== false) args.push('--coders', options.coders.map((id) => coders.find((c) => c.id === id)!.name).join(','));
  if (options.weights) args.push('--weights', options.weights);
  if (options.bootstrap) args.push('--bootstrap', '1000', '--seed', '1');
  if (options.codebook) args.push('--codebook', file('codebook.json', JSON.stringify({ format: 'overens-codebook', formatVersion: 1, id: 'cb', name: { sv: 'Test' }, content: v.content })));
  const run = await cli(args);
  expect(run.stderr.split('\n').filter((l) => / is not |problem|duplicate/.test(l))).toEqual([]);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as { variables: CliRow[]; pooled: CliRow };
  const label = (id: string) => variables.find((x) => x.id === id)!.label.sv!;
  expect(json.variables.map((r) => r.variable).sort()).toEqual(app.report.variables.map((r) => label(r.variable)).sort());
  for (const row of app.report.variables) expectSameRow(row, json.variables.find((r) => r.variable === label(row.variable))!, label(row.variable));
  expectSameRow(app.report.pooled, json.pooled, '(pooled)');
  return { app, json, stderr: run.stderr };
}

describe('overens agreement reproduces the app’s reliability table from the app’s long export', () => {
  const exportOnly = [...singles, multi];
  const judgements = judgementsFor(exportOnly, 7);

  it('from the export alone: two coders, the documents both judged (the app’s default)', async () => {
    const { app, stderr } = await compare({ variables: exportOnly, judgements, coders: ['c-a', 'c-b'], scope: 'shared' });
    // The export has every kind of row: nominal, ordinal label values, a multi-valued variable's yes/no rows.
    expect(app.report.variables.map((r) => r.level)).toContain('ordinal');
    expect(app.report.variables.some((r) => r.variable.includes('\u241E'))).toBe(true);
    expect(app.report.variables.every((r) => r.cohen_kappa !== null)).toBe(true);
    expect(stderr).toContain('documents analysed (--scope shared)');
  });

  it('without --coders: every human coder, the consensus coder left out (coder_kind)', async () => {
    const { json, stderr } = await compare({ variables: exportOnly, judgements, coders: ['c-a', 'c-b', 'c-c'], scope: 'shared', cliCoders: false });
    expect(stderr).toContain('left out the consensus coder "Konsensus"');
    expect(json.variables[0]!.coders).toBe(3);
  });

  it('from the export as the app writes it, with the final dataset’s rows: they are not a rater', async () => {
    const { json, stderr } = await compare({ variables: exportOnly, judgements, coders: ['c-a', 'c-b', 'c-c'], scope: 'shared', cliCoders: false, withFinal: true });
    expect(stderr).toContain('left out the final dataset');
    expect(json.variables[0]!.coders).toBe(3);
  });

  it('every document, quadratic weights for the ordinal variables, α’s bootstrap CI', async () => {
    const { app } = await compare({ variables: exportOnly, judgements, coders: ['c-a', 'c-c'], scope: 'all', weights: 'quadratic', bootstrap: true });
    expect(app.report.variables.some((r) => r.weights === 'quadratic')).toBe(true);
    expect(app.report.variables.every((r) => r.ci95.krippendorff_alpha !== null || r.krippendorff_alpha === null)).toBe(true);
  });

  it('the reliability sample (urval), with the consensus coder named as a rater', async () => {
    await compare({ variables: exportOnly, judgements, coders: ['c-b', 'c-k'], scope: 'sample' });
  });

  it('with --codebook: interval scores and a value of a multi-valued variable that no coder chose', async () => {
    const all = [...singles, multi, interval];
    const withUnchosen = judgementsFor(all, 11, { everyValue: false });
    const { app, json } = await compare({ variables: all, judgements: withUnchosen, coders: ['c-a', 'c-b'], scope: 'shared', codebook: true });
    expect(app.report.variables.find((r) => r.variable === interval.id)!.level).toBe('interval');
    expect(json.variables.some((r) => r.variable === 'Målgrupper: Gravida')).toBe(true);
  });
});
