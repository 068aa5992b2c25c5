/**
 * The coding frame of the current variable, readable while coding: its description and coding
 * rule, and each value's definition, coding rule, anchor examples (with their source) and
 * indicator terms. Shown or hidden with the `i` key (remembered).
 */
import { localize, type Variable } from '../../../src/core';
import { useI18n } from '../../i18n';

export function CodingFrame({ variable, colourOf }: { variable: Variable; colourOf?: (valueId: string) => string | undefined }) {
  const { t, lang } = useI18n();
  const description = localize(variable.description, lang);
  const rule = localize(variable.codingRule, lang);
  return (
    <div className="coding-frame" data-testid="coding-frame" onClick={(e) => e.stopPropagation()}>
      {description && <p className="frame-description">{description}</p>}
      {rule && (
        <p className="frame-rule" data-testid="frame-rule">
          <strong>{t('coding.frame.rule')}:</strong> {rule}
        </p>
      )}
      {variable.source && <p className="muted small">{t('coding.frame.source')}: {variable.source}</p>}
      <dl className="frame-values">
        {variable.values.map((value, i) => {
          const definition = localize(value.definition, lang);
          const valueRule = localize(value.codingRule, lang);
          return (
            <div key={value.id} className="frame-value" data-testid="frame-value">
              <dt>
                {i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>} <span className="swatch" style={{ background: colourOf?.(value.id) ?? value.colour }} /> {localize(value.label, lang)}
              </dt>
              <dd>
                {definition ? <p>{definition}</p> : <p className="muted">{t('coding.frame.noDefinition')}</p>}
                {valueRule && (
                  <p>
                    <strong>{t('coding.frame.rule')}:</strong> {valueRule}
                  </p>
                )}
                {value.anchors.length > 0 && (
                  <div className="frame-anchors">
                    <strong>{t('coding.frame.anchors')}:</strong>
                    <ul>
                      {value.anchors.map((a, j) => (
                        <li key={j} data-testid="frame-anchor">
                          <q>{a.text}</q>
                          {a.source && <span className="muted small"> — {a.source}</span>}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {value.indicatorTerms.length > 0 && (
                  <p className="muted small">
                    {t('coding.frame.terms')}: {value.indicatorTerms.join(', ')}
                  </p>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
