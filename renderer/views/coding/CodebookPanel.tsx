/**
 * The codebook panel (right): every variable under its codebook group, in the order the keyboard
 * walks them; the current one shows its values, coding frame (toggle `i`) and suggested passages.
 */
import type { ReactNode } from 'react';
import { localize, type Judgement, type Variable } from '../../../src/core';
import { useI18n } from '../../i18n';
import { DerivedVariableCard, VariableCard } from './VariableCard';
import type { CodingModel } from './useCodingModel';
import type { OutdatedText } from './useOutdated';

export function CodebookPanel(props: {
  model: CodingModel;
  currentIndex: number;
  /** Shown inside the current variable, under its values (the suggested passages). */
  currentExtras?: ReactNode;
  frameOpen: boolean;
  onToggleFrame: () => void;
  onSelectVariable: (index: number) => void;
  onValue: (variable: Variable, valueId: string) => void;
  onJudgementMemo: (judgement: Judgement, memo: string) => void;
  onAcceptSuggestion: (variable: Variable) => void;
  /** How a judgement under another codebook version is named. */
  outdatedText?: (judgement: Judgement) => OutdatedText;
  /** Shown on each variable's card (the assist model's proposal). */
  extraFor?: (variable: Variable, current: boolean) => ReactNode;
}) {
  const { t, lang } = useI18n();
  const { model, currentIndex } = props;
  const card = (v: Variable) => {
    if (v.derived) return <DerivedVariableCard key={v.id} variable={v} value={model.derived.get(v.id)} valueById={model.valueById} />;
    const index = model.codable.indexOf(v);
    const current = index === currentIndex;
    return (
      <VariableCard
        key={v.id}
        variable={v}
        current={current}
        judgement={model.currentByVariable.get(v.id)}
        outdated={(() => {
          const old = model.outdatedByVariable.get(v.id);
          return old && props.outdatedText ? props.outdatedText(old) : undefined;
        })()}
        suggestion={model.suggestions.get(v.id) ?? null}
        valueById={model.valueById}
        onSelect={() => props.onSelectVariable(index)}
        onValue={(valueId) => {
          props.onSelectVariable(index);
          props.onValue(v, valueId);
        }}
        onMemo={props.onJudgementMemo}
        onAcceptSuggestion={() => props.onAcceptSuggestion(v)}
        frameOpen={props.frameOpen}
        onToggleFrame={props.onToggleFrame}
        extra={props.extraFor?.(v, current)}
      >
        {current ? props.currentExtras : null}
      </VariableCard>
    );
  };
  return (
    <aside className="coding-codebook" data-testid="coding-codebook">
      {model.sections.map((section) => (
        <section key={section.group?.id ?? '(none)'} className="coding-group" data-testid="coding-group">
          {model.sections.length > 1 && (
            <h3 className="coding-group-label">
              {section.group ? localize(section.group.label, lang) : t('coding.ungrouped')}{' '}
              <span className="muted small" data-testid="group-progress">
                {section.judged}/{section.codable}
              </span>
            </h3>
          )}
          {section.variables.map(card)}
        </section>
      ))}
    </aside>
  );
}
