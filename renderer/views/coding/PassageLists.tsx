/**
 * Lists about the active coder's passages: the orphans (kept with their quote when a new document
 * version could not place them) and the popover of the passages under a click.
 */
import { localize, type Language, type Segment } from '../../../src/core';
import { useI18n } from '../../i18n';
import type { ValueInfo } from './useCodingModel';
import { MemoField } from './MemoField';

export interface Popover {
  x: number;
  y: number;
  segmentIds: string[];
}

export function OrphanList({ orphans, valueById, onDelete }: { orphans: Segment[]; valueById: Map<string, ValueInfo>; onDelete: (id: string) => void }) {
  const { t } = useI18n();
  if (orphans.length === 0) return null;
  return (
    <details className="orphans" data-testid="orphans">
      <summary>{t('coding.orphans', { count: orphans.length })}</summary>
      <p className="muted small">{t('coding.orphansHelp')}</p>
      <ul>
        {orphans.map((s) => (
          <li key={s.id}>
            <span className="swatch" style={{ background: valueById.get(s.valueId)?.colour }} /> “{s.selector.quote.exact}” — {valueById.get(s.valueId)?.label}{' '}
            <button type="button" className="danger" onClick={() => onDelete(s.id)}>
              {t('coding.deletePassage')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

function codeLabel(value: ValueInfo | undefined, fallback: string, lang: Language): string {
  return value ? `${localize(value.variable.label, lang)}: ${value.label}` : fallback;
}

export function SegmentPopover(props: {
  popover: Popover;
  segments: Segment[];
  coderId: string;
  valueById: Map<string, ValueInfo>;
  onDelete: (id: string) => void;
  onMemo: (segment: Segment, memo: string) => void;
}) {
  const { t, lang } = useI18n();
  const { popover, segments, coderId, valueById } = props;
  return (
    <div className="segment-popover" style={{ left: popover.x + 8, top: popover.y + 8 }} data-testid="segment-popover" role="dialog">
      {popover.segmentIds.map((id) => {
        const s = segments.find((x) => x.id === id);
        if (!s) return null;
        const value = valueById.get(s.valueId);
        const own = s.coderId === coderId;
        return (
          <div key={id} className="popover-row">
            <span className="swatch" style={{ background: value?.colour }} />
            <span data-testid="popover-code">{codeLabel(value, s.valueId, lang)}</span>
            {own && (
              <button type="button" className="danger" onClick={() => props.onDelete(id)} data-testid="popover-delete">
                {t('coding.deletePassage')}
              </button>
            )}
            {own && (
              <MemoField
                key={s.id}
                stored={s.memo}
                className="memo"
                placeholder={t('coding.memo')}
                aria-label={t('coding.memo')}
                data-testid="segment-memo"
                onSave={(text) => props.onMemo(s, text)}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
