/**
 * Which judgements enter the reliability analysis, and the report over them: the chosen coders'
 * non-empty judgements of single-valued, non-derived variables under one codebook version,
 * restricted to the chosen documents. Shared by the Reliability view and the results report.
 */
import type { CodebookVersion, DocumentMeta, Judgement, Variable } from '../../../src/core';
import { agreementReport, type AgreementReport, type LongCoding, type Weights } from '../../../src/core/agreement';

/** The document attribute that marks the reliability sample (its value: the second coder's name). */
export const SAMPLE_ATTRIBUTE = 'urval';

export type ReliabilityScope = 'shared' | 'all' | 'sample';

export interface ReliabilityAnalysis {
  report: AgreementReport;
  /** Judgements left out because they belong to another codebook version. */
  excluded: number;
  documents: number;
  /** The judgements analysed. */
  current: Judgement[];
}

/** The variables reliability is computed for: single-valued and coded (not derived). */
export function reliabilityVariables(version: CodebookVersion): Variable[] {
  return version.content.variables.filter((v) => v.kind === 'single' && !v.derived);
}

export function analyseReliability(input: {
  judgements: readonly Judgement[];
  documents: readonly DocumentMeta[];
  version: CodebookVersion;
  variables: readonly Variable[];
  coders: readonly string[];
  scope: ReliabilityScope;
  bootstrap?: boolean;
  /** Weights of Cohen's κ for ordinal (and interval, ratio) variables; nominal ones are never weighted. */
  orderedWeights?: Weights;
}): ReliabilityAnalysis {
  const { judgements, documents, version, variables, coders, scope } = input;
  const wanted = new Set(variables.map((v) => v.id));
  const relevant = judgements.filter((j) => coders.includes(j.coderId) && j.valueIds.length > 0 && wanted.has(j.variableId));
  const excluded = relevant.filter((j) => j.codebookVersionId !== version.id).length;
  const current = relevant.filter((j) => j.codebookVersionId === version.id);
  let docs = new Set(current.map((j) => j.documentId));
  if (scope === 'sample') {
    const sampled = new Set(documents.filter((d) => (d.attributes[SAMPLE_ATTRIBUTE] ?? '').trim() !== '').map((d) => d.id));
    docs = new Set([...docs].filter((d) => sampled.has(d)));
  }
  if (scope !== 'all') {
    const judgedBy = new Map<string, Set<string>>();
    for (const j of current) {
      const set = judgedBy.get(j.documentId) ?? new Set<string>();
      set.add(j.coderId);
      judgedBy.set(j.documentId, set);
    }
    docs = new Set([...docs].filter((d) => coders.every((c) => judgedBy.get(d)?.has(c))));
  }
  const analysed = current.filter((j) => docs.has(j.documentId));
  const rows: LongCoding[] = analysed.map((j) => ({ document: j.documentId, coder: j.coderId, variable: j.variableId, value: j.valueIds[0]! }));
  const report = agreementReport(rows, {
    categoryOrder: new Map(variables.map((v) => [v.id, v.values.map((x) => x.id)])),
    // α at each variable's level of measurement (ordinal: the codebook's value order; interval
    // and ratio: the values' scores).
    variableLevels: new Map(variables.map((v) => [v.id, v.level])),
    variableWeights: new Map(variables.map((v) => [v.id, v.level === 'nominal' ? 'none' : (input.orderedWeights ?? 'none')])),
    scores: new Map(variables.map((v) => [v.id, new Map(v.values.flatMap((x) => (x.score === undefined ? [] : [[x.id, x.score] as const])))])),
    coders,
    bootstrap: input.bootstrap ? 1000 : 0,
    seed: 1,
  });
  return { report, excluded, documents: docs.size, current: analysed };
}
