/** The codebook panel (right): suggested passages for the current variable, then every variable. */
import type { ReactNode } from 'react';
import type { Judgement, Variable } from '../../../src/core';
import { DerivedVariableCard, VariableCard } from './VariableCard';
import type { CodingModel } from './useCodingModel';

export function CodebookPanel(props: {
  model: CodingModel;
  currentIndex: number;
  /** Shown above the variables (the suggested passages). */
  header?: ReactNode;
  onSelectVariable: (index: number) => void;
  onValue: (variable: Variable, valueId: string) => void;
  onJudgementMemo: (judgement: Judgement, memo: string) => void;
  onAcceptSuggestion: (variable: Variable) => void;
}) {
  const { model, currentIndex } = props;
  return (
    <aside className="coding-codebook" data-testid="coding-codebook">
      {props.header}
      {model.variables.map((v) => {
        if (v.derived) return <DerivedVariableCard key={v.id} variable={v} value={model.derived.get(v.id)} valueById={model.valueById} />;
        const index = model.codable.indexOf(v);
        return (
          <VariableCard
            key={v.id}
            variable={v}
            current={index === currentIndex}
            judgement={model.judgementByVariable.get(v.id)}
            suggestion={model.suggestions.get(v.id) ?? null}
            valueById={model.valueById}
            onSelect={() => props.onSelectVariable(index)}
            onValue={(valueId) => {
              props.onSelectVariable(index);
              props.onValue(v, valueId);
            }}
            onMemo={props.onJudgementMemo}
            onAcceptSuggestion={() => props.onAcceptSuggestion(v)}
          />
        );
      })}
    </aside>
  );
}
