/**
 * The current variable's indicator terms found in the open document, as suggested passages: show
 * one, code it with the value whose term it is, or dismiss it. Nothing is coded without the coder.
 */
import { localize, type Variable } from '../../../src/core';
import type { TermHit } from '../../../src/core/coding/suggest';
import { useI18n } from '../../i18n';
import type { ValueInfo } from './useCodingModel';

export function TermHits(props: {
  variable: Variable;
  hits: TermHit[];
  text: string;
  valueById: Map<string, ValueInfo>;
  onShow: (offset: number) => void;
  onAccept: (hit: TermHit) => void;
  onDismiss: (hit: TermHit) => void;
}) {
  const { t, lang } = useI18n();
  const { variable, hits, text } = props;
  if (hits.length === 0) return null;
  return (
    <details className="term-hits" open data-testid="term-hits">
      <summary>{t('coding.termHits', { count: hits.length, variable: localize(variable.label, lang) })}</summary>
      <ul>
        {hits.slice(0, 50).map((h) => (
          <li key={`${h.valueId}:${h.start}`} data-testid="term-hit">
            <span className="small">
              …{text.slice(Math.max(0, h.start - 30), h.start)}
              <mark>{text.slice(h.start, h.end)}</mark>
              {text.slice(h.end, h.end + 30)}…
            </span>
            <span className="term-actions">
              <button type="button" onClick={() => props.onShow(h.start)} title={t('coding.show')}>
                {t('coding.show')}
              </button>
              <button type="button" data-testid="accept-term" onClick={() => props.onAccept(h)}>
                {props.valueById.get(h.valueId)?.label}
              </button>
              <button type="button" data-testid="dismiss-term" onClick={() => props.onDismiss(h)}>
                {t('coding.dismiss')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
