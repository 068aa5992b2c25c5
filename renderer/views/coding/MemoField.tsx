/**
 * A memo's text field, saved when it loses focus. What the coder is typing is never replaced: a
 * memo saved meanwhile by another tab or window (the live query brings it) updates the field only
 * while the coder has not typed in it; otherwise the draft stays, with a note, and is what is
 * saved on leaving the field. (Keying the field by the stored text, as before, remounted it and
 * threw the draft away.)
 */
import { useState, type TextareaHTMLAttributes } from 'react';
import { useI18n } from '../../i18n';

type FieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange' | 'onBlur'> & { 'data-testid'?: string };

export function MemoField({ stored, onSave, ...field }: FieldProps & { stored: string; onSave: (text: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(stored);
  const [dirty, setDirty] = useState(false);
  const [seen, setSeen] = useState(stored);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  // The stored memo changed (our own save coming back, or another tab's): follow it unless typing.
  if (stored !== seen) {
    setSeen(stored);
    if (!dirty) setDraft(stored);
    else if (stored !== draft) setChangedElsewhere(true);
  }
  return (
    <>
      <textarea
        {...field}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setDirty(true);
        }}
        onBlur={() => {
          setDirty(false);
          setChangedElsewhere(false);
          if (draft !== stored) onSave(draft);
        }}
      />
      {changedElsewhere && (
        <div className="small muted" role="status" data-testid="memo-changed-elsewhere">
          {t('coding.memoChangedElsewhere')}
        </div>
      )}
    </>
  );
}
