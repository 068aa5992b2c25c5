/**
 * What the coding workspace derives from the live data of the open document: the codable
 * variables, each value's variable/label/colour, the active coder's judgements by variable, the
 * derived variables, the suggestions from coded passages, and the passages to paint. Pure
 * memoised computations; no writes.
 */
import { useMemo } from 'react';
import { localize, type CodebookVersion, type Coder, type Judgement, type Language, type Segment, type Variable } from '../../../src/core';
import { computeDerived } from '../../../src/core/codebook';
import { suggestJudgement, type Suggestion } from '../../../src/core/coding/suggest';

export interface ValueInfo {
  variable: Variable;
  label: string;
  colour: string;
}

export interface CodingModel {
  variables: Variable[];
  codable: Variable[];
  valueById: Map<string, ValueInfo>;
  judgementByVariable: Map<string, Judgement>;
  derived: Map<string, string | undefined>;
  judgedCount: number;
  suggestions: Map<string, Suggestion | null>;
  painted: { id: string; start: number; end: number; colour: string }[];
}

export function useCodingModel(version: CodebookVersion | null | undefined, segments: Segment[], judgements: Judgement[], activeCoder: Coder | undefined, lang: Language): CodingModel {
  const content = version?.content;
  const variables = useMemo(() => content?.variables ?? [], [content]);
  const codable = useMemo(() => variables.filter((v) => !v.derived), [variables]);
  const valueById = useMemo(() => {
    const map = new Map<string, ValueInfo>();
    for (const v of variables) for (const val of v.values) map.set(val.id, { variable: v, label: localize(val.label, lang), colour: val.colour });
    return map;
  }, [variables, lang]);
  const judgementByVariable = useMemo(() => new Map(judgements.map((j) => [j.variableId, j])), [judgements]);
  const derived = useMemo(() => (content ? computeDerived(content, new Map(judgements.map((j) => [j.variableId, j.valueIds]))) : new Map<string, string | undefined>()), [content, judgements]);
  const judgedCount = codable.filter((v) => (judgementByVariable.get(v.id)?.valueIds.length ?? 0) > 0).length;

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
    () => segments.filter((s) => !s.orphaned).map((s) => ({ id: s.id, start: s.selector.position.start, end: s.selector.position.end, colour: valueById.get(s.valueId)?.colour ?? '#888888' })),
    [segments, valueById],
  );
  return { variables, codable, valueById, judgementByVariable, derived, judgedCount, suggestions, painted };
}
