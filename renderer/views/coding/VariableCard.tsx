/**
 * One variable in the codebook panel: its values as buttons (digit keys on the current one), the
 * judgement's memo, and the suggestion from coded passages; a derived variable shows its value.
 */
import type { ReactNode } from 'react';
import { localize, type Judgement, type Variable } from '../../../src/core';
import type { Suggestion } from '../../../src/core/coding/suggest';
import { useI18n } from '../../i18n';
import { navigate } from '../../state/route';
import type { OutdatedText } from './useOutdated';
import { CodingFrame } from './CodingFrame';
import type { ValueInfo } from './useCodingModel';
import { MemoField } from './MemoField';

export function DerivedVariableCard({ variable, value, valueById }: { variable: Variable; value: string | undefined; valueById: Map<string, ValueInfo> }) {
  const { t, lang } = useI18n();
  return (
    <div className="coding-variable derived" data-testid="derived-variable">
      <div className="coding-variable-label">{localize(variable.label, lang)}</div>
      <div className="muted small">
        {t('coding.derived')}: <strong data-testid="derived-value">{value ? valueById.get(value)?.label : t('coding.missing')}</strong>
      </div>
    </div>
  );
}

export function VariableCard(props: {
  variable: Variable;
  current: boolean;
  judgement: Judgement | undefined;
  /** A judgement under another codebook version: needs a decision, not judged. */
  outdated?: OutdatedText | undefined;
  suggestion: Suggestion | null;
  valueById: Map<string, ValueInfo>;
  onSelect: () => void;
  onValue: (valueId: string) => void;
  onMemo: (judgement: Judgement, memo: string) => void;
  onAcceptSuggestion: () => void;
  /** The coding frame is shown under the current variable. */
  frameOpen: boolean;
  onToggleFrame: () => void;
  /** Shown under the current variable's values (its suggested passages). */
  children?: ReactNode;
  /** Shown on every card under its values (the assist model's proposal, renderer/assist). */
  extra?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const { variable: v, current, judgement, suggestion } = props;
  const hasFrame = Boolean(localize(v.description, lang) || localize(v.codingRule, lang) || v.values.some((x) => localize(x.definition, lang) || x.anchors.length));
  return (
    <div
      className={`coding-variable${current ? ' current' : ''}`}
      data-testid="coding-variable"
      data-variable={v.key}
      onClick={props.onSelect}
      ref={(el) => {
        if (current && el) el.scrollIntoView({ block: 'nearest' });
      }}
    >
      <div className="coding-variable-head">
        <span className="coding-variable-label">{localize(v.label, lang)}</span>
        {current && hasFrame && (
          <button
            type="button"
            className="frame-toggle small"
            aria-expanded={props.frameOpen}
            data-testid="frame-toggle"
            title={t('coding.frame.toggleHelp')}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggleFrame();
            }}
          >
            {props.frameOpen ? t('coding.frame.hide') : t('coding.frame.show')} <kbd aria-hidden="true">i</kbd>
          </button>
        )}
      </div>
      <div className="coding-values">
        {v.values.map((val, i) => {
          const chosen = judgement?.valueIds.includes(val.id);
          return (
            <button
              key={val.id}
              type="button"
              className={`value-button${chosen ? ' chosen' : ''}`}
              style={{ borderColor: props.valueById.get(val.id)?.colour ?? val.colour }}
              title={localize(val.definition, lang)}
              data-testid="value-button"
              onClick={(e) => {
                e.stopPropagation();
                props.onValue(val.id);
              }}
            >
              {current && i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
              <span className="swatch" style={{ background: props.valueById.get(val.id)?.colour ?? val.colour }} />
              {localize(val.label, lang)}
            </button>
          );
        })}
      </div>
      {props.outdated && !judgement?.valueIds.length && (
        <div className="needs-decision small" data-testid="needs-decision">
          {t('coding.needsDecision', { value: props.outdated.values, number: props.outdated.number })}{' '}
          <button
            type="button"
            className="link"
            onClick={(e) => {
              e.stopPropagation();
              navigate('codebook', { decisions: '1' });
            }}
          >
            {t('coding.needsDecisionLink')}
          </button>
        </div>
      )}
      {props.extra}
      {current && props.frameOpen && <CodingFrame variable={v} colourOf={(id) => props.valueById.get(id)?.colour} />}
      {current && props.children}
      {current && judgement && (
        <MemoField
          key={judgement.id}
          stored={judgement.memo}
          className="memo"
          placeholder={t('coding.judgementMemo')}
          aria-label={t('coding.judgementMemo')}
          data-testid="judgement-memo"
          onClick={(e) => e.stopPropagation()}
          onSave={(text) => props.onMemo(judgement, text)}
        />
      )}
      {!judgement?.valueIds.length && !props.outdated && suggestion && (
        <div className="suggestion small">
          {t(suggestion.reason === 'passages' ? 'coding.suggestPassages' : 'coding.suggestAbsent', { value: props.valueById.get(suggestion.valueId)?.label ?? '' })}{' '}
          <button
            type="button"
            data-testid="accept-suggestion"
            onClick={(e) => {
              e.stopPropagation();
              props.onAcceptSuggestion();
            }}
          >
            {t('coding.accept')}
          </button>
        </div>
      )}
    </div>
  );
}
