/** Splitting one value of a draft into several: each new value's label and definition (at least two). */
import { useEffect, useState } from 'react';
import type { SplitPart } from '../../../src/core/codebook';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n';

export function SplitDialog({ open, valueLabel, onCancel, onSplit }: { open: boolean; valueLabel: string; onCancel: () => void; onSplit: (parts: SplitPart[]) => void }) {
  const { t } = useI18n();
  const [parts, setParts] = useState<{ label: string; definition: string }[]>([]);
  useEffect(() => {
    if (open) setParts([{ label: `${valueLabel} (1)`, definition: '' }, { label: `${valueLabel} (2)`, definition: '' }]);
  }, [open, valueLabel]);
  const ready = parts.length >= 2 && parts.every((p) => p.label.trim()) && new Set(parts.map((p) => p.label.trim())).size === parts.length;
  const set = (i: number, patch: Partial<{ label: string; definition: string }>) => setParts((list) => list.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Dialog
      open={open}
      title={t('editor.splitTitle', { label: valueLabel })}
      onClose={onCancel}
      testId="split-dialog"
      actions={
        <>
          <button type="button" onClick={() => setParts((list) => [...list, { label: '', definition: '' }])} data-testid="split-add-part">
            {t('editor.splitAddPart')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!ready}
            data-testid="split-confirm"
            onClick={() => onSplit(parts.map((p) => ({ label: { sv: p.label.trim() }, ...(p.definition.trim() ? { definition: { sv: p.definition.trim() } } : {}) })))}
          >
            {t('editor.splitConfirm', { count: parts.length })}
          </button>
        </>
      }
    >
      <p className="small muted">{t('editor.splitHelp')}</p>
      {parts.map((p, i) => (
        <fieldset key={i} className="split-part" data-testid="split-part">
          <legend>{t('editor.splitPart', { number: i + 1 })}</legend>
          <label>
            {t('editor.labelSv')}
            <input value={p.label} onChange={(e) => set(i, { label: e.target.value })} data-testid="split-label" />
          </label>
          <label>
            {t('codebook.definition')}
            <textarea value={p.definition} onChange={(e) => set(i, { definition: e.target.value })} data-testid="split-definition" />
          </label>
          {parts.length > 2 && (
            <button type="button" className="link" onClick={() => setParts((list) => list.filter((_, j) => j !== i))}>
              {t('editor.splitRemovePart')}
            </button>
          )}
        </fieldset>
      ))}
    </Dialog>
  );
}
