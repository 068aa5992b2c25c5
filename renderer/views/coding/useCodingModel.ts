/**
 * What the coding workspace derives from the live data of the open document: the codable
 * variables, each value's variable/label/colour, the active coder's judgements by variable, the
 * derived variables, the suggestions from coded passages, and the passages to paint. Pure
 * memoised computations; no writes.
 */
import { useMemo } from 'react';
import { localize, type CodebookContent, type CodebookVersion, type Coder, type Judgement, type Language, type Segment, type Variable, type VariableGroup } from '../../../src/core';
import { computeDerived } from '../../../src/core/codebook';
import { suggestJudgement, type Suggestion } from '../../../src/core/coding/suggest';
import { highlightColours } from '../../viewer/highlight-palette';
import type { PaintedSegment } from '../../viewer/highlights';

export interface ValueInfo {
  variable: Variable;
  label: string;
  /** The colour its passages are painted in (highlight-palette.ts), also its swatch in the panel. */
  colour: string;
}

export interface PanelSection {
  /** Undefined for the variables that belong to no group (listed last). */
  group: VariableGroup | undefined;
  variables: Variable[];
  codable: number;
  judged: number;
}

/**
 * The variables as the panel lists them: under their groups in the codebook's group order, each
 * group's variables in codebook order, variables without a (known) group last.
 */
export function groupVariables(content: Pick<CodebookContent, 'groups' | 'variables'>): { group: VariableGroup | undefined; variables: Variable[] }[] {
  const known = new Set(content.groups.map((g) => g.id));
  const sections = content.groups.map((group) => ({ group: group as VariableGroup | undefined, variables: content.variables.filter((v) => v.groupId === group.id) }));
  const rest = content.variables.filter((v) => v.groupId === undefined || !known.has(v.groupId));
  if (rest.length) sections.push({ group: undefined, variables: rest });
  return sections.filter((s) => s.variables.length > 0);
}

export interface CodingModel {
  /** Every variable in panel order (grouped); the keyboard walks `codable` in the same order. */
  variables: Variable[];
  sections: PanelSection[];
  codable: Variable[];
  valueById: Map<string, ValueInfo>;
  /** The active coder's judgements by variable, under any version (what the actions replace). */
  judgementByVariable: Map<string, Judgement>;
  /** Judgements under this version: what the panel shows and counts as judged. */
  currentByVariable: Map<string, Judgement>;
  /** Judgements with values under another codebook version: shown as needing a decision, not as judged. */
  outdatedByVariable: Map<string, Judgement>;
  derived: Map<string, string | undefined>;
  judgedCount: number;
  suggestions: Map<string, Suggestion | null>;
  /** The passages to paint, each labelled "Variable: Value", other coders' with their name. */
  painted: PaintedSegment[];
}

export function useCodingModel(version: CodebookVersion | null | undefined, segments: Segment[], judgements: Judgement[], activeCoder: Coder | undefined, lang: Language, coderNames?: ReadonlyMap<string, string>): CodingModel {
  const content = version?.content;
  const grouped = useMemo(() => (content ? groupVariables(content) : []), [content]);
  const variables = useMemo(() => grouped.flatMap((s) => s.variables), [grouped]);
  const codable = useMemo(() => variables.filter((v) => !v.derived), [variables]);
  const valueById = useMemo(() => {
    const map = new Map<string, ValueInfo>();
    const colours = highlightColours(variables);
    for (const v of variables) for (const val of v.values) map.set(val.id, { variable: v, label: localize(val.label, lang), colour: colours.get(val.id) ?? val.colour });
    return map;
  }, [variables, lang]);
  const judgementByVariable = useMemo(() => new Map(judgements.map((j) => [j.variableId, j])), [judgements]);
  const versionId = version?.id;
  const currentByVariable = useMemo(() => new Map(judgements.filter((j) => j.codebookVersionId === versionId).map((j) => [j.variableId, j])), [judgements, versionId]);
  const outdatedByVariable = useMemo(() => new Map(judgements.filter((j) => j.codebookVersionId !== versionId && j.valueIds.length > 0).map((j) => [j.variableId, j])), [judgements, versionId]);
  const derived = useMemo(() => (content ? computeDerived(content, new Map([...currentByVariable].map(([id, j]) => [id, j.valueIds]))) : new Map<string, string | undefined>()), [content, currentByVariable]);
  const isJudged = (v: Variable) => (currentByVariable.get(v.id)?.valueIds.length ?? 0) > 0;
  const judgedCount = codable.filter(isJudged).length;
  const sections = grouped.map((s) => {
    const own = s.variables.filter((v) => !v.derived);
    return { ...s, codable: own.length, judged: own.filter(isJudged).length };
  });

  // Per variable, the active coder's passages and the judgement they suggest (computed once per change).
  const suggestions = useMemo(() => {
    const own = segments.filter((s) => s.coderId === activeCoder?.id && !s.orphaned);
    const byVariable = new Map<string, Segment[]>();
    for (const s of own) {
      const list = byVariable.get(s.variableId);
      if (list) list.push(s);
      else byVariable.set(s.variableId, [s]);
    }
    return new Map(codable.map((v) => [v.id, suggestJudgement(v, byVariable.get(v.id) ?? [])]));
  }, [segments, activeCoder, codable]);

  const painted = useMemo(
    () =>
      segments
        .filter((s) => !s.orphaned)
        .map((s): PaintedSegment => {
          const info = valueById.get(s.valueId);
          const label = info ? `${localize(info.variable.label, lang)}: ${info.label}` : s.valueId;
          const coder = s.coderId === activeCoder?.id ? undefined : (coderNames?.get(s.coderId) ?? s.coderId);
          return { id: s.id, start: s.selector.position.start, end: s.selector.position.end, colour: info?.colour ?? '#888888', label, coder };
        }),
    [segments, valueById, activeCoder?.id, coderNames, lang],
  );
  return { variables, sections, codable, valueById, judgementByVariable, currentByVariable, outdatedByVariable, derived, judgedCount, suggestions, painted };
}
