/**
 * Which judgements enter the reliability analysis, and the report over them: the chosen coders'
 * non-empty judgements of single-valued, non-derived variables under one codebook version,
 * restricted to the chosen documents — and each value of a multi-valued variable as its own
 * yes/no variable (chosen or not in a coder's judgement). Shared by the Reliability view and
 * the results report.
 */
import type { CodebookVersion, DocumentMeta, Judgement, Value, Variable } from '../../../src/core';
import { agreementReport, type AgreementReport, type LongCoding, type Weights } from '../../../src/core/agreement';

/** The document attribute that marks the reliability sample (its value: the second coder's name). */
export const SAMPLE_ATTRIBUTE = 'urval';

export type ReliabilityScope = 'shared' | 'all' | 'sample';

export interface ReliabilityAnalysis {
  report: AgreementReport;
  /** Judgements left out because they belong to another codebook version. */
  excluded: number;
  /** Units (document × variable) left out because a chosen coder's judgement there is under another version. */
  excludedUnits: number;
  documents: number;
  /**
   * The judgements analysed, of the codebook's own variables (a multi-valued variable's whole
   * judgements, never the derived per-value ones): what the disagreement review compares.
   */
  current: Judgement[];
}

/**
 * Separates a multi-valued variable's id from its value's id in a per-value variable's id: "␞"
 * (U+241E), a symbol no codebook id is expected to contain.
 */
export const PER_VALUE = '\u241E';

export const isPerValue = (variableId: string): boolean => variableId.includes(PER_VALUE);

const presence = (id: '1' | '0', sv: string, en: string, absent: boolean): Value => ({
  id,
  key: absent ? 'nej' : 'ja',
  label: { sv, en },
  definition: {},
  anchors: [],
  codingRule: {},
  indicatorTerms: [],
  colour: absent ? '#999999' : '#1f77b4',
  absent,
});

/**
 * The variables reliability is computed for: single-valued and coded (not derived) ones, then
 * each value of a multi-valued variable as a nominal yes/no variable "Variable: Value".
 */
export function reliabilityVariables(version: CodebookVersion): Variable[] {
  const coded = version.content.variables.filter((v) => !v.derived);
  const perValue = coded
    .filter((v) => v.kind === 'multi')
    .flatMap((v) =>
      v.values.map(
        (x): Variable => ({
          ...v,
          id: `${v.id}${PER_VALUE}${x.id}`,
          key: `${v.key}_${x.key}`.slice(0, 64),
          label: { sv: `${v.label.sv ?? v.key}: ${x.label.sv ?? x.key}`, en: `${v.label.en ?? v.label.sv ?? v.key}: ${x.label.en ?? x.label.sv ?? x.key}` },
          kind: 'single',
          level: 'nominal',
          values: [presence('1', 'Ja', 'Yes', false), presence('0', 'Nej', 'No', true)],
        }),
      ),
    );
  return [...coded.filter((v) => v.kind === 'single'), ...perValue];
}

/** The codebook's own variables behind the analysed ones: each single-valued one, and each multi-valued one once. */
export function reviewVariables(version: CodebookVersion, variables: readonly Variable[]): Variable[] {
  const ids = new Set(variables.map((v) => v.id.split(PER_VALUE)[0]!));
  return version.content.variables.filter((v) => ids.has(v.id));
}

/** The judgements as the analysis sees them: each multi-valued judgement also as one yes/no judgement per wanted value. */
function withPerValue(judgements: readonly Judgement[], variables: readonly Variable[]): Judgement[] {
  const values = new Map<string, string[]>();
  for (const v of variables) {
    if (!isPerValue(v.id)) continue;
    const [base, value] = v.id.split(PER_VALUE) as [string, string];
    values.set(base, [...(values.get(base) ?? []), value]);
  }
  if (values.size === 0) return [...judgements];
  return judgements.flatMap((j) => [
    j,
    ...(j.valueIds.length === 0 ? [] : (values.get(j.variableId) ?? []).map((x) => ({ ...j, id: `${j.id}${PER_VALUE}${x}`, variableId: `${j.variableId}${PER_VALUE}${x}`, valueIds: [j.valueIds.includes(x) ? '1' : '0'] }))),
  ]);
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
  const relevant = withPerValue(judgements, variables).filter((j) => coders.includes(j.coderId) && j.valueIds.length > 0 && wanted.has(j.variableId));
  // Counted once per judgement of the codebook's own variables, not per derived yes/no one.
  const foreign = relevant.filter((j) => j.codebookVersionId !== version.id);
  const excluded = new Set(foreign.map((j) => j.id.split(PER_VALUE)[0])).size;
  // A unit of a variable where a chosen coder's judgement is under another version is not
  // comparable on this version: the whole unit is left out of that variable (its judgements on
  // this version would count as units no second coder can pair).
  const notComparable = new Set(foreign.map((j) => `${j.documentId}\u0000${j.variableId}`));
  const current = relevant.filter((j) => j.codebookVersionId === version.id && !notComparable.has(`${j.documentId}\u0000${j.variableId}`));
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
  // For the review: the whole judgements of the multi-valued variables behind the yes/no rows.
  const multi = new Set(variables.filter((v) => isPerValue(v.id)).map((v) => v.id.split(PER_VALUE)[0]!));
  const wholeMulti = judgements.filter((j) => multi.has(j.variableId) && coders.includes(j.coderId) && j.valueIds.length > 0 && j.codebookVersionId === version.id && docs.has(j.documentId));
  return { report, excluded, excludedUnits: notComparable.size, documents: docs.size, current: [...analysed.filter((j) => !isPerValue(j.variableId)), ...wholeMulti] };
}
