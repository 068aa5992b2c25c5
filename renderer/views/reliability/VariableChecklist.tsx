/**
 * Which variables the reliability table shows: a searchable checklist under the codebook's
 * groups (a group's box chooses all its variables), folded into one line that says how many are
 * chosen. No variable chosen means all of them.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { localize, type Variable, type VariableGroup } from '../../../src/core';
import { useI18n } from '../../i18n';

export interface ChecklistSection {
  group: VariableGroup | undefined;
  variables: Variable[];
}

/** The variables under their groups in codebook order, those without a known group last. */
export function checklistSections(groups: readonly VariableGroup[], variables: readonly Variable[]): ChecklistSection[] {
  const known = new Set(groups.map((g) => g.id));
  const sections: ChecklistSection[] = groups.map((group) => ({ group, variables: variables.filter((v) => v.groupId === group.id) }));
  sections.push({ group: undefined, variables: variables.filter((v) => v.groupId === undefined || !known.has(v.groupId)) });
  return sections.filter((s) => s.variables.length > 0);
}

/** Case- and accent-insensitive "contains" for the search field. */
function matches(text: string, needle: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('sv');
  return fold(text).includes(fold(needle));
}

export function VariableChecklist({ groups, variables, chosen, onChange }: { groups: readonly VariableGroup[]; variables: readonly Variable[]; chosen: readonly string[]; onChange: (ids: string[]) => void }) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const sections = useMemo(() => checklistSections(groups, variables), [groups, variables]);
  const needle = query.trim();
  const shown = sections
    .map((s) => ({ ...s, variables: needle ? s.variables.filter((v) => matches(localize(v.label, lang), needle) || (s.group && matches(localize(s.group.label, lang), needle))) : s.variables }))
    .filter((s) => s.variables.length > 0);
  const set = new Set(chosen);
  const toggle = (ids: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const id of ids) if (on) next.add(id);
    else next.delete(id);
    // Codebook order; all chosen is the same as none chosen (all shown).
    const ordered = variables.map((v) => v.id).filter((id) => next.has(id));
    onChange(ordered.length === variables.length ? [] : ordered);
  };
  return (
    <details className="variable-checklist" data-testid="reliability-variables">
      <summary className="small" data-testid="reliability-variables-summary">
        {t('reliability.variables')} {chosen.length === 0 ? t('reliability.variablesAll', { count: variables.length }) : t('reliability.variablesSome', { chosen: chosen.length, count: variables.length })}
      </summary>
      <div className="checklist-body">
        <div className="checklist-tools">
          <input type="search" value={query} placeholder={t('reliability.variablesSearch')} aria-label={t('reliability.variablesSearch')} onChange={(e) => setQuery(e.target.value)} data-testid="variable-search" />
          <button type="button" className="small" onClick={() => onChange([])} disabled={chosen.length === 0} data-testid="variables-all">
            {t('reliability.variablesReset')}
          </button>
        </div>
        {shown.length === 0 && <p className="muted small">{t('reliability.variablesNone')}</p>}
        {shown.map((s) => {
          const ids = s.variables.map((v) => v.id);
          const count = ids.filter((id) => set.has(id)).length;
          return (
            <fieldset key={s.group?.id ?? ''} className="checklist-group" data-testid="variable-group">
              <legend>
                <GroupBox checked={count > 0 && count === ids.length} mixed={count > 0 && count < ids.length} onChange={(on) => toggle(ids, on)} label={s.group ? localize(s.group.label, lang) : t('reliability.noGroup')} />
              </legend>
              {s.variables.map((v) => (
                <label key={v.id} className="small checklist-item">
                  <input type="checkbox" checked={set.has(v.id)} onChange={(e) => toggle([v.id], e.target.checked)} data-testid="variable-check" data-variable={v.key} /> {localize(v.label, lang)}
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
    </details>
  );
}

function GroupBox({ checked, mixed, onChange, label }: { checked: boolean; mixed: boolean; onChange: (on: boolean) => void; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <label className="small checklist-group-label">
      <input ref={ref} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="group-check" /> {label}
    </label>
  );
}
