// The prevalence parity test of issue 14: `overens prevalence` on the app's own long export (the
// Results view's "long CSV", src/formats/dataset.ts) and the attribute CSV the app's Documents
// view imports (`file` key, the DOCX twin sharing its agreement's row) gives every number of the
// Results view's tables — from the final dataset (`--final`, composed from the coders' rows;
// `--coder final`, the export's final rows) and from one coder's judgements. The expected values
// are the app's, computed here by its own code (renderer/views/results/useResultsTables.ts:
// sourceDataset → finalPrevalenceInput → prevalence); the CLI runs as the command does.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CodebookContent, type CodebookVersion, type Coder, type DocumentMeta, type Judgement, type Variable } from '../../../src/core';
import { getTemplate } from '../../../src/core/codebook';
import { composeFinalDataset, finalPrevalenceInput } from '../../../src/core/final-dataset';
import { prevalence, type VariablePrevalence } from '../../../src/core/prevalence';
import { seededRandom } from '../../../src/core/agreement';
import { longCsv } from '../../../src/formats/dataset';
import { FINAL_SOURCE, sourceDataset } from '../../../renderer/views/results/useResultsTables';
import type { Study } from '../../../renderer/study/useStudy';
import { cli, tempFiles } from './run-cli';

const { file, dir } = tempFiles('overens-prev-parity-');
const base = getTemplate('vardanalys-2017')!.content;
const pick = (key: string) => base.variables.find((v) => v.key === key)!;
const value = (variable: string, key: string, sv: string): Variable['values'][number] => ({
  id: `${variable}.${key}`, key, label: { sv, en: sv }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#336699', absent: false,
});
// A multi-valued variable: the app counts an agreement once for each of its values.
const multi: Variable = {
  id: 'x.malgrupp', key: 'malgrupp', label: { sv: 'Målgrupper', en: 'Target groups' }, groupId: base.variables[0]!.groupId, description: {}, codingRule: {}, kind: 'multi', level: 'nominal',
  values: [value('x.malgrupp', 'barn', 'Barn'), value('x.malgrupp', 'unga', 'Unga vuxna'), value('x.malgrupp', 'aldre', 'Äldre')],
};
const variables = [...['ansvar_mellan', 'finansiellt_ansvar', 'polisen', 'lvm', 'uppfoljning'].map(pick), multi];
const content = CodebookContent.parse({ groups: base.groups, variables });
const version = { id: 'v1', codebookId: 'cb', number: 1, content, publishedAt: 1, createdAt: 1, note: '' } as unknown as CodebookVersion;

const coders: Coder[] = [
  { id: 'c-a', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
  { id: 'c-b', projectId: 'p', name: 'Bertil', kind: 'human', createdAt: 2 },
  { id: 'c-c', projectId: 'p', name: 'Cecilia', kind: 'human', createdAt: 3 },
  { id: 'c-k', projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 1 },
];
const COUNTIES = ['Dalarna', 'Gotland', 'Skåne'];
// 24 agreements; avtal-03 and avtal-10 also have a DOCX twin (linked at import), on which Bertil codes.
const documents: DocumentMeta[] = Array.from({ length: 24 }, (_, i) => i).flatMap((i) => {
  const meta = (fileName: string, twin?: string): DocumentMeta => ({
    id: fileName, projectId: 'p', fileName, kind: fileName.endsWith('.docx') ? 'docx' : 'pdf', sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 1, pageCount: 1, textLength: 10, hasText: true,
    attributes: { level: i % 3 === 0 ? 'county' : 'local', county: COUNTIES[i % 3]! }, warnings: [],
    ...(twin ? { twin: { of: twin, similarity: 1, linkedAt: 1 } } : {}),
  });
  const pdf = `avtal-${String(i).padStart(2, '0')}.pdf`;
  return i === 3 || i === 10 ? [meta(pdf), meta(pdf.replace('.pdf', '.docx'), pdf)] : [meta(pdf)];
});

/** Seeded judgements: mostly agreeing coders, gaps, consensus on some disagreements — one of them re-opened. */
function judgementsFor(seed: number): Judgement[] {
  const random = seededRandom(seed);
  const out: Judgement[] = [];
  let n = 0;
  const add = (documentId: string, coderId: string, v: Variable, valueIds: string[], extra: Partial<Judgement> = {}) =>
    out.push({ id: `j${n++}`, projectId: 'p', documentId, coderId, codebookVersionId: 'v1', variableId: v.id, valueIds, status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1, ...extra });
  for (const d of documents.filter((x) => !x.twin)) {
    const i = Number(d.id.slice(6, 8));
    if (i === 20) continue; // nobody judged avtal-20: missing everywhere
    for (const v of variables) {
      const truth = Math.floor(random() * v.values.length);
      const given: Record<string, string[]> = {};
      for (const c of ['c-a', 'c-b', 'c-c']) {
        if (c === 'c-c' && i % 2 === 1) continue; // Cecilia codes every other agreement
        if (random() < 0.1) continue;
        const valueIds = v.kind === 'multi' ? v.values.filter((_, k) => random() < (k === truth ? 0.9 : 0.25)).map((x) => x.id) : [v.values[random() < 0.8 ? truth : Math.floor(random() * v.values.length)]!.id];
        if (valueIds.length === 0) continue;
        // Bertil codes the DOCX twin of avtal-03 and avtal-10, not the PDF.
        const on = c === 'c-b' && (i === 3 || i === 10) ? d.id.replace('.pdf', '.docx') : d.id;
        add(on, c, v, valueIds);
        given[c] = valueIds;
      }
      const sets = Object.values(given).map((ids) => [...ids].sort().join('|'));
      if (new Set(sets).size > 1 && random() < 0.6) {
        const basis = Object.entries(given).map(([coderId, valueIds]) => ({ coderId, valueIds }));
        // Every fifth consensus was reached on values Anna has changed since: re-opened.
        const stale = n % 5 === 0 && given['c-a'] ? basis.map((b) => (b.coderId === 'c-a' ? { ...b, valueIds: [v.values.find((x) => !given['c-a']!.includes(x.id))!.id] } : b)) : basis;
        add(d.id, 'c-k', v, given[Object.keys(given)[0]!]!, { resolution: { reason: 'Avgjort vid genomgång.', coderIds: Object.keys(given), resolvedAt: 5, basis: stale } });
      }
    }
  }
  return out;
}

const judgements = judgementsFor(2026);
const final = composeFinalDataset({ content, documents, coders, judgements, codebookVersionId: 'v1' });
const study = { version, documents, coders, judgements, final } as unknown as Study;
const exportCsv = file('projekt-lang.csv', longCsv({ content, documents, coders, judgements, lang: 'sv', final, versions: { numbers: new Map([['v1', 1]]), current: 1 } }));
// The attribute CSV as a user keeps it for the app's import: one row per agreement (the DOCX twins share theirs), semicolons.
const attributesCsv = file('dokument.csv', ['fil;level;county', ...documents.filter((d) => !d.twin).map((d) => `${d.fileName};${d.attributes.level};${d.attributes.county}`)].join('\n') + '\n');
const codebookJson = file('codebook.json', JSON.stringify({ format: 'overens-codebook', formatVersion: 1, id: 'cb', name: { sv: 'Test' }, content }));

/** The Results view's tables for a source, with names (Swedish labels) for ids. */
function appTables(source: string, by: string): VariablePrevalence[] {
  const dataset = sourceDataset(study, source);
  const input = finalPrevalenceInput(dataset, documents);
  const order = content.variables.filter((v) => v.kind !== 'thematic').map((v) => v.id);
  const vars = [...input.variables].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return prevalence({ ...input, variables: vars, by, groupOrder: by === 'level' ? ['county', 'local'] : undefined }).map((t) => {
    const v = content.variables.find((x) => x.id === t.variable)!;
    return { variable: v.label.sv!, groups: t.groups.map((g) => ({ ...g, values: g.values.map((x) => ({ ...x, value: v.values.find((y) => y.id === x.value)!.label.sv! })) })) };
  });
}

async function cliTables(args: string[]): Promise<{ tables: VariablePrevalence[]; stderr: string; unresolved?: unknown[] }> {
  const run = await cli(['prevalence', exportCsv, '--documents', attributesCsv, '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  const json = JSON.parse(run.stdout) as { variables: VariablePrevalence[]; unresolved?: unknown[] };
  return { tables: json.variables, stderr: run.stderr, unresolved: json.unresolved };
}

describe('overens prevalence reproduces the Results view’s tables from the app’s export', () => {
  it('the data have every case: consensus, a re-opened one, agreed, single, unresolved, twins, a multi-valued variable', () => {
    const s = final.summary.cells;
    expect([s.consensus, s.agreed, s.single, s.unresolved, s.unjudged].every((x) => x > 0)).toBe(true);
    expect(final.summary.reopened).toBeGreaterThan(0);
    expect(judgements.some((j) => j.documentId.endsWith('.docx'))).toBe(true);
  });

  for (const by of ['level', 'county']) {
    it(`--final composes the final dataset as the app does (consensus › agreed › single › unresolved), by ${by}`, async () => {
      const { tables, stderr, unresolved } = await cliTables(['--final', '--by', by, '--codebook', codebookJson]);
      expect(tables).toEqual(appTables(FINAL_SOURCE, by));
      // The unresolved cells are listed, as the app's status panel lists them.
      expect(unresolved).toHaveLength(final.summary.cells.unresolved);
      expect(stderr).toContain(`${final.summary.cells.unresolved} unresolved`);
      expect(stderr).toMatch(/left out \d+ consensus judgement\(s\) marked "reopened"/);
    });
  }

  it('--final from the export alone (its value_code columns), and --coder final (the export’s final rows), give the same tables', async () => {
    const app = appTables(FINAL_SOURCE, 'level');
    // Without the codebook a value no coder chose has no label in the file: the app lists it with 0, the CLI leaves it out.
    const named = (tables: VariablePrevalence[], like: VariablePrevalence[]) => like.map((t) => ({ ...t, groups: t.groups.map((g, gi) => ({ ...g, values: g.values.filter((x) => tables.find((y) => y.variable === t.variable)!.groups[gi]!.values.some((z) => z.value === x.value)) })) }));
    const alone = (await cliTables(['--final', '--by', 'level'])).tables;
    expect(alone).toEqual(named(alone, app));
    const finalRows = (await cliTables(['--coder', 'final', '--by', 'level', '--codebook', codebookJson])).tables;
    expect(finalRows).toEqual(app);
  });

  it('one coder’s judgements, and the consensus coder’s, as the Results view’s source choice', async () => {
    expect((await cliTables(['--coder', 'Bertil', '--by', 'level', '--codebook', codebookJson])).tables).toEqual(appTables('c-b', 'level'));
    expect((await cliTables(['--coder', 'Konsensus', '--by', 'county', '--codebook', codebookJson])).tables).toEqual(appTables('c-k', 'county'));
  });

  it('counts a multi-valued judgement once per value (it was one category "Barn; Äldre")', async () => {
    const { tables } = await cliTables(['--coder', 'Anna', '--codebook', codebookJson]);
    const malgrupp = tables.find((t) => t.variable === 'Målgrupper')!;
    expect(malgrupp.groups[0]!.values.map((v) => v.value)).toEqual(['Barn', 'Unga vuxna', 'Äldre']);
    // By hand from the judgements: agreements where Anna chose each value.
    const chosen = (id: string) => judgements.filter((j) => j.coderId === 'c-a' && j.variableId === multi.id && j.valueIds.includes(id)).length;
    expect(malgrupp.groups[0]!.values.map((v) => v.count)).toEqual(multi.values.map((x) => chosen(x.id)));
  });
});

describe('overens convert --final composes the final dataset of the app’s export as the app does', () => {
  /** (document, variable) → "value|provenance" of a long file's final rows. */
  const finalRows = (text: string) => {
    const [header, ...rows] = Papa.parse<string[]>(text.trim()).data;
    const at = (name: string) => header!.indexOf(name);
    return new Map(rows.filter((r) => r[at('coder')] === 'final').map((r) => [`${r[at('document')]}|${r[at('variable')]}`, `${r[at('value')]}|${r[at('provenance')]}`]));
  };

  it('long: the same value and provenance for every agreement and variable as the final rows the app exports', async () => {
    const out = `${dir}/final-lang.csv`;
    const run = await cli(['convert', exportCsv, out, '--final', '--attributes', attributesCsv]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`final dataset of 24 agreement(s): ${final.summary.cells.consensus} consensus, ${final.summary.cells.agreed} agreed, ${final.summary.cells.single} single coder, ${final.summary.cells.unresolved} unresolved`);
    expect(run.stderr).toContain('unresolved (the coders differ and no consensus is in force; no value):');
    const mine = finalRows(readFileSync(out, 'utf8'));
    const app = finalRows(readFileSync(exportCsv, 'utf8'));
    expect(mine.size).toBe(24 * variables.length);
    expect(mine).toEqual(app);
  });

  it('wide: one row per agreement with its provenance columns; refuses what it cannot do', async () => {
    const out = `${dir}/final-bred.csv`;
    expect((await cli(['convert', exportCsv, out, '--final', '--format', 'wide', '--attributes', attributesCsv])).code).toBe(0);
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(out, 'utf8').trim()).data;
    expect(rows).toHaveLength(24);
    const prov = header!.indexOf('LVM__prov');
    expect(prov).toBeGreaterThan(-1);
    const lvm = content.variables.find((v) => v.key === 'lvm')!;
    // The app's final dataset, cell by cell.
    for (const r of rows) expect(r[prov]).toBe(final.byUnit.get(r[0]!)!.get(lvm.id)!.provenance);
    expect((await cli(['convert', exportCsv, `${dir}/x.qdpx`, '--final'])).code).toBe(2);
    expect((await cli(['convert', exportCsv, out, '--final', '--coder', 'Anna'])).code).toBe(2);
  });
});
