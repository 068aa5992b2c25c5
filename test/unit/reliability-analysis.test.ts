// The Reliability view's analysis: α at each variable's level of measurement, from the codebook
// (ordinal: the order of the values; interval: their scores). Expected values: Krippendorff (2011),
// the 4 coders × 12 units example — nominal .743, ordinal .815, interval .849.
import { describe, expect, it } from 'vitest';
import type { CodebookVersion, DocumentMeta, Judgement, Variable } from '../../src/core';
import { analyseReliability, PER_VALUE } from '../../renderer/views/reliability/analysis';

const K2011: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const coders = ['a', 'b', 'c', 'd'];
// Value ids are not numbers: order and scores must come from the codebook.
const valueId = (variable: string, n: number) => `${variable}.v${'abcde'[n - 1]}`;
const variable = (id: string, level: Variable['level']): Variable => ({
  id,
  key: id,
  label: { sv: id },
  groupId: 'g',
  description: {},
  codingRule: {},
  kind: 'single',
  level,
  values: [1, 2, 3, 4, 5].map((n) => ({ id: valueId(id, n), key: `v${n}`, label: { sv: String(n) }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#000000', absent: false, score: n * 10 })),
});
const variables = [variable('nom', 'nominal'), variable('ord', 'ordinal'), variable('int', 'interval')];
const version = { id: 'v1', number: 1, content: { groups: [], variables } } as unknown as CodebookVersion;
const judgements: Judgement[] = variables.flatMap((v) =>
  K2011.flatMap((row, c) =>
    row.flatMap((x, u) =>
      x === null ? [] : [{ id: `${v.id}${c}${u}`, projectId: 'p', documentId: `d${u}`, coderId: coders[c]!, codebookVersionId: 'v1', variableId: v.id, valueIds: [valueId(v.id, x)], status: 'final' as const, origin: 'explicit' as const, evidenceSegmentIds: [], memo: '', createdAt: 0, updatedAt: 0 }],
    ),
  ),
);

describe('reliability analysis', () => {
  it('computes α at each variable’s level of measurement, with the codebook’s order and scores', () => {
    const { report } = analyseReliability({ judgements, documents: [] as DocumentMeta[], version, variables, coders, scope: 'all' });
    const row = (id: string) => report.variables.find((r) => r.variable === id)!;
    expect([row('nom').level, row('ord').level, row('int').level]).toEqual(['nominal', 'ordinal', 'interval']);
    expect(row('nom').krippendorff_alpha).toBeCloseTo(0.743, 3);
    expect(row('ord').krippendorff_alpha).toBeCloseTo(0.815, 3);
    // Scores 10…50 are a linear rescaling of 1…5: interval α does not change.
    expect(row('int').krippendorff_alpha).toBeCloseTo(0.849, 3);
    expect(report.pooled.level).toBe('nominal');
    expect(report.pooled.notes).toContainEqual({ code: 'pooled-nominal' });
  });

  it('weights Cohen’s κ of ordinal variables only, on request', () => {
    const two = analyseReliability({ judgements, documents: [] as DocumentMeta[], version, variables, coders: ['b', 'd'], scope: 'shared', orderedWeights: 'quadratic' }).report;
    const row = (id: string) => two.variables.find((r) => r.variable === id)!;
    expect([row('nom').weights, row('ord').weights, row('int').weights]).toEqual(['none', 'quadratic', 'quadratic']);
    // The same two coders' table: the weighted κ differs from the unweighted one of the nominal variable.
    expect(row('ord').cohen_kappa).not.toBeCloseTo(row('nom').cohen_kappa!, 6);
    expect(two.pooled.weights).toBe('none');
  });
});

describe('multi-valued variables', () => {
  // Coder A chose {a, b}, {a}, {c}; coder B {a}, {a, c}, {c} on three documents. Each value is a
  // yes/no variable. By hand (nominal α, n = 6 values): a agrees everywhere (α = 1); b: one
  // disagreement, n_yes = 1 → α = 1 − 5·2/(2·1·5) = 0; c: one disagreement, n_yes = 3 →
  // α = 1 − 5·2/(2·3·3) = 0.444.
  const multi: Variable = { ...variable('grupper', 'nominal'), kind: 'multi', label: { sv: 'Grupper', en: 'Groups' } };
  multi.values = multi.values.slice(0, 3);
  const ids = multi.values.map((x) => x.id);
  const version2 = { id: 'v1', number: 1, content: { groups: [], variables: [variables[0]!, multi] } } as unknown as CodebookVersion;
  const chosen = { A: [[0, 1], [0], [2]], B: [[0], [0, 2], [2]] };
  const multiJudgements: Judgement[] = Object.entries(chosen).flatMap(([coder, docs]) =>
    docs.map((values, d) => ({ id: `m${coder}${d}`, projectId: 'p', documentId: `d${d}`, coderId: coder, codebookVersionId: 'v1', variableId: 'grupper', valueIds: values.map((i) => ids[i]!), status: 'final' as const, origin: 'explicit' as const, evidenceSegmentIds: [], memo: '', createdAt: 0, updatedAt: 0 })),
  );

  it('gives each value of a multi-valued variable its own yes/no row', async () => {
    const { reliabilityVariables } = await import('../../renderer/views/reliability/analysis');
    const vars = reliabilityVariables(version2);
    expect(vars.map((v) => [v.id, v.label.sv, v.kind])).toEqual([
      ['nom', 'nom', 'single'],
      [`grupper${PER_VALUE}${ids[0]}`, 'Grupper: 1', 'single'],
      [`grupper${PER_VALUE}${ids[1]}`, 'Grupper: 2', 'single'],
      [`grupper${PER_VALUE}${ids[2]}`, 'Grupper: 3', 'single'],
    ]);
    const result = analyseReliability({ judgements: multiJudgements, documents: [], version: version2, variables: vars, coders: ['A', 'B'], scope: 'shared' });
    const alpha = (i: number) => result.report.variables.find((r) => r.variable === `grupper${PER_VALUE}${ids[i]}`)!.krippendorff_alpha;
    expect(alpha(0)).toBe(1);
    expect(alpha(1)).toBeCloseTo(0, 12);
    expect(alpha(2)).toBeCloseTo(4 / 9, 12);
    expect(result.documents).toBe(3);
    // The disagreement review compares the whole judgements (sets of values), never the derived yes/no rows.
    expect(result.current.map((j) => j.id).sort()).toEqual(multiJudgements.map((j) => j.id).sort());
    const { reviewVariables } = await import('../../renderer/views/reliability/analysis');
    expect(reviewVariables(version2, vars).map((v) => v.id)).toEqual(['nom', 'grupper']);
  });
});

describe('one codebook version per analysis', () => {
  // Two coders, three documents, one variable; on d2 coder b's judgement is under version 0.
  // On version 1 only d0 and d1 have both coders: 2 units (not 3), and d2 is left out whole.
  const v = variable('tvister', 'nominal');
  const j = (doc: string, coder: string, value: number, versionId = 'v1'): Judgement => ({ id: `${doc}${coder}`, projectId: 'p', documentId: doc, coderId: coder, codebookVersionId: versionId, variableId: 'tvister', valueIds: [valueId('tvister', value)], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 0, updatedAt: 0 });
  const rows = [j('d0', 'a', 1), j('d0', 'b', 1), j('d1', 'a', 2), j('d1', 'b', 2), j('d2', 'a', 1), j('d2', 'b', 3, 'v0')];
  const one = { id: 'v1', number: 1, content: { groups: [], variables: [v] } } as unknown as CodebookVersion;

  it('counts units on that version only and reports what it left out', () => {
    for (const scope of ['all', 'shared'] as const) {
      const analysis = analyseReliability({ judgements: rows, documents: [] as DocumentMeta[], version: one, variables: [v], coders: ['a', 'b'], scope });
      const row = analysis.report.variables.find((r) => r.variable === 'tvister')!;
      expect(row.units).toBe(2);
      expect(row.pairable_values).toBe(4);
      expect(analysis.excluded).toBe(1);
      expect(analysis.excludedUnits).toBe(1);
      expect(analysis.current.map((x) => x.id).sort()).toEqual(['d0a', 'd0b', 'd1a', 'd1b']);
    }
  });
});
