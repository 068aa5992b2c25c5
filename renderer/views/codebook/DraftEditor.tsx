/**
 * Editing a draft codebook version: labels (Swedish and English), descriptions, value definitions,
 * indicator terms, colours and scores; adding, deleting (with a count of the codings that use the
 * value), merging and splitting values; adding and removing variables, moving them between
 * groups, changing their kind and level of measurement. Every edit is validated and saved to the
 * draft at once; the pure edits live in `src/core/codebook/edit.ts`.
 */
import { useState } from 'react';
import { localize, MeasurementLevel, VariableKind, type CodebookContent, type CodebookVersion, type Value, type Variable, type VariableGroup, type VersionChange } from '../../../src/core';
import { addVariable, changeKind, changeLevel, keyFor, removeVariable, splitValue } from '../../../src/core/codebook';
import { ValueChips } from '../../components/ValueChips';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { useStore } from '../../state/store-context';
import { SplitDialog } from './SplitDialog';

export function DraftEditor({ draft, valueUse, history }: { draft: CodebookVersion; valueUse: Map<string, number>; history: readonly CodebookContent[] }) {
  const { t, lang } = useI18n();
  const store = useStore();
  const { reportError, inform } = useNotices();
  const [selected, setSelected] = useState<Record<string, string[]>>({});
  const [splitting, setSplitting] = useState<{ variable: Variable; value: Value } | null>(null);
  const [newVariable, setNewVariable] = useState({ label: '', groupId: draft.content.groups[0]?.id ?? '' });

  const save = async (mutate: (content: CodebookContent, changes: VersionChange[]) => CodebookContent | void): Promise<boolean> => {
    const changes = structuredClone(draft.changes);
    try {
      const copy = structuredClone(draft.content);
      const content = mutate(copy, changes) ?? copy;
      await store.versions.updateDraft(draft.id, content, changes);
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  };

  const editVariable = (id: string, patch: (v: Variable) => void) => void save((c) => patch(c.variables.find((v) => v.id === id)!));
  const editValue = (variableId: string, valueId: string, patch: (v: Value) => void) =>
    void save((c) => patch(c.variables.find((v) => v.id === variableId)!.values.find((x) => x.id === valueId)!));

  const moveVariable = (id: string, delta: number) =>
    void save((c) => {
      const i = c.variables.findIndex((v) => v.id === id);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= c.variables.length) return;
      [c.variables[i], c.variables[j]] = [c.variables[j]!, c.variables[i]!];
    });

  const moveValue = (variableId: string, valueId: string, delta: number) =>
    void save((c) => {
      const values = c.variables.find((v) => v.id === variableId)!.values;
      const i = values.findIndex((v) => v.id === valueId);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= values.length) return;
      [values[i], values[j]] = [values[j]!, values[i]!];
    });

  const addValue = (variable: Variable) => {
    const label = window.prompt(t('editor.newValuePrompt'))?.trim();
    if (!label) return;
    let key = keyFor(label);
    while (variable.values.some((v) => v.key === key)) key += '_2';
    void save((c) => {
      c.variables
        .find((v) => v.id === variable.id)!
        .values.push({ id: `${variable.id}.${key}`, key, label: { sv: label }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#8c564b', absent: false });
    });
  };

  const deleteValue = (variable: Variable, value: Value) => {
    const uses = valueUse.get(value.id) ?? 0;
    const question = uses > 0 ? t('editor.deleteUsed', { label: localize(value.label, lang), count: uses }) : t('editor.deleteUnused', { label: localize(value.label, lang) });
    if (!window.confirm(question)) return;
    void save((c) => {
      const v = c.variables.find((x) => x.id === variable.id)!;
      v.values = v.values.filter((x) => x.id !== value.id);
    });
  };

  const merge = async (variable: Variable) => {
    const ids = selected[variable.id] ?? [];
    if (ids.length < 2) return;
    const first = variable.values.find((v) => v.id === ids[0])!;
    const label = window.prompt(t('editor.mergePrompt'), localize(first.label, 'sv'))?.trim();
    if (!label) return;
    let key = keyFor(label);
    while (variable.values.some((v) => v.key === key && !ids.includes(v.id))) key += '_2';
    const into = `${variable.id}.${key}.m${draft.number}`;
    const ok = await save((c, changes) => {
      const v = c.variables.find((x) => x.id === variable.id)!;
      const at = v.values.findIndex((x) => ids.includes(x.id));
      const merged: Value = { ...first, id: into, key, label: { sv: label }, absent: ids.some((id) => v.values.find((x) => x.id === id)?.absent) };
      v.values = v.values.filter((x) => !ids.includes(x.id));
      v.values.splice(at, 0, merged);
      changes.push({ type: 'merged', variableId: v.id, from: ids, into });
    });
    if (ok) {
      setSelected((s) => ({ ...s, [variable.id]: [] }));
      inform('editor.merged', { count: ids.length, label });
    }
  };

  const split = async (variable: Variable, value: Value, parts: Parameters<typeof splitValue>[3]) => {
    const ok = await save((c, changes) => {
      const result = splitValue(c, variable.id, value.id, parts, history);
      changes.push(result.change);
      return result.content;
    });
    if (ok) {
      setSplitting(null);
      inform('editor.splitDone', { label: localize(value.label, lang), count: parts.length });
    }
  };

  const uses = (v: Variable) => v.values.reduce((n, x) => n + (valueUse.get(x.id) ?? 0), 0);

  const deleteVariable = (v: Variable) => {
    const result = removeVariable(draft.content, v.id);
    if ('usedBy' in result) {
      window.alert(t('editor.removeVariableUsed', { label: localize(v.label, lang), by: result.usedBy.map((x) => localize(x.label, lang)).join(', ') }));
      return;
    }
    const count = uses(v);
    if (!window.confirm(count > 0 ? t('editor.removeVariableUsedCodings', { label: localize(v.label, lang), count }) : t('editor.deleteUnused', { label: localize(v.label, lang) }))) return;
    void save(() => result.content);
  };

  const createVariable = async () => {
    const label = newVariable.label.trim();
    if (!label) return;
    const ok = await save(() => addVariable(draft.content, { sv: label }, newVariable.groupId || undefined, history).content);
    if (ok) {
      setNewVariable((s) => ({ ...s, label: '' }));
      inform('editor.variableAdded', { label });
    }
  };

  return (
    <div className="draft-editor" data-testid="draft-editor">
      <SplitDialog
        open={splitting !== null}
        valueLabel={splitting ? localize(splitting.value.label, lang) : ''}
        onCancel={() => setSplitting(null)}
        onSplit={(parts) => splitting && void split(splitting.variable, splitting.value, parts)}
      />
      {draft.content.variables.map((v) => (
        <details key={v.id} className="variable" data-testid="edit-variable" data-variable={v.key}>
          <summary>
            <span className="variable-label">{localize(v.label, lang)}</span>
            <span className="reorder">
              <button type="button" aria-label={t('editor.up')} title={t('editor.up')} onClick={(e) => (e.preventDefault(), moveVariable(v.id, -1))}>
                ↑
              </button>
              <button type="button" aria-label={t('editor.down')} title={t('editor.down')} onClick={(e) => (e.preventDefault(), moveVariable(v.id, 1))}>
                ↓
              </button>
            </span>
            <ValueChips values={v.values} lang={lang} />
          </summary>
          <div className="variable-body edit-grid">
            <label>
              {t('editor.labelSv')}
              <input defaultValue={v.label.sv ?? ''} onBlur={(e) => e.target.value !== (v.label.sv ?? '') && editVariable(v.id, (x) => void (x.label = { ...x.label, sv: e.target.value }))} />
            </label>
            <label>
              {t('editor.labelEn')}
              <input defaultValue={v.label.en ?? ''} onBlur={(e) => e.target.value !== (v.label.en ?? '') && editVariable(v.id, (x) => void (x.label = { ...x.label, en: e.target.value }))} />
            </label>
            <label className="wide">
              {t('codebook.definition')}
              <textarea defaultValue={v.description.sv ?? ''} onBlur={(e) => e.target.value !== (v.description.sv ?? '') && editVariable(v.id, (x) => void (x.description = { ...x.description, sv: e.target.value }))} />
            </label>
            <label>
              {t('codebook.rule')}
              <textarea defaultValue={v.codingRule.sv ?? ''} onBlur={(e) => e.target.value !== (v.codingRule.sv ?? '') && editVariable(v.id, (x) => void (x.codingRule = { ...x.codingRule, sv: e.target.value }))} />
            </label>
            <label>
              {t('editor.group')}
              <select
                value={v.groupId ?? ''}
                onChange={(e) => editVariable(v.id, (x) => void (x.groupId = e.target.value || undefined))}
                data-testid="variable-group"
              >
                <GroupOptions groups={draft.content.groups} />
              </select>
            </label>
            <label>
              {t('editor.kind')}
              <select
                value={v.kind}
                data-testid="variable-kind"
                onChange={(e) => {
                  const kind = e.target.value as VariableKind;
                  if (v.kind === 'multi' && kind !== 'multi' && uses(v) > 0 && !window.confirm(t('editor.kindToSingle', { label: localize(v.label, lang) }))) return;
                  void save((c) => changeKind(c, v.id, kind));
                }}
              >
                {VariableKind.options.map((k) => (
                  <option key={k} value={k} disabled={Boolean(v.derived) && k !== 'single'}>
                    {t(`codebook.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('editor.level')}
              <select value={v.level} data-testid="variable-level" onChange={(e) => void save((c) => changeLevel(c, v.id, e.target.value as MeasurementLevel))}>
                {MeasurementLevel.options.map((l) => (
                  <option key={l} value={l}>
                    {t(`editor.level.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <div>
              <button type="button" className="danger" onClick={() => deleteVariable(v)} data-testid="remove-variable">
                {t('editor.removeVariable')}
              </button>
            </div>
            <table className="values-table wide">
              <thead>
                <tr>
                  <th />
                  <th>{t('editor.labelSv')}</th>
                  <th>{t('editor.labelEn')}</th>
                  <th>{t('codebook.definition')}</th>
                  <th>{t('codebook.terms')}</th>
                  <th>{t('editor.colour')}</th>
                  {(v.level === 'interval' || v.level === 'ratio') && <th>{t('editor.score')}</th>}
                  <th />
                </tr>
              </thead>
              <tbody>
                {v.values.map((val) => (
                  <tr key={val.id} data-testid="edit-value">
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('editor.selectForMerge')}
                        data-testid="merge-select"
                        checked={(selected[v.id] ?? []).includes(val.id)}
                        onChange={(e) => setSelected((s) => ({ ...s, [v.id]: e.target.checked ? [...(s[v.id] ?? []), val.id] : (s[v.id] ?? []).filter((x) => x !== val.id) }))}
                      />
                    </td>
                    <td>
                      <input defaultValue={val.label.sv ?? ''} data-testid="value-label-sv" onBlur={(e) => e.target.value !== (val.label.sv ?? '') && editValue(v.id, val.id, (x) => void (x.label = { ...x.label, sv: e.target.value }))} />
                    </td>
                    <td>
                      <input defaultValue={val.label.en ?? ''} onBlur={(e) => e.target.value !== (val.label.en ?? '') && editValue(v.id, val.id, (x) => void (x.label = { ...x.label, en: e.target.value }))} />
                    </td>
                    <td>
                      <textarea defaultValue={val.definition.sv ?? ''} onBlur={(e) => e.target.value !== (val.definition.sv ?? '') && editValue(v.id, val.id, (x) => void (x.definition = { ...x.definition, sv: e.target.value }))} />
                      <textarea
                        placeholder={t('codebook.rule')}
                        aria-label={t('codebook.rule')}
                        defaultValue={val.codingRule.sv ?? ''}
                        onBlur={(e) => e.target.value !== (val.codingRule.sv ?? '') && editValue(v.id, val.id, (x) => void (x.codingRule = { ...x.codingRule, sv: e.target.value }))}
                      />
                      <textarea
                        placeholder={t('editor.anchors')}
                        aria-label={t('editor.anchors')}
                        data-testid="value-anchors"
                        defaultValue={val.anchors.map((a) => (a.source ? `${a.text} — ${a.source}` : a.text)).join('\n')}
                        onBlur={(e) => {
                          const anchors = e.target.value
                            .split('\n')
                            .map((line) => line.trim())
                            .filter(Boolean)
                            .map((line) => {
                              const at = line.lastIndexOf(' — ');
                              return at > 0 ? { text: line.slice(0, at), source: line.slice(at + 3) } : { text: line };
                            });
                          if (JSON.stringify(anchors) !== JSON.stringify(val.anchors.map((a) => (a.source ? { text: a.text, source: a.source } : { text: a.text })))) {
                            editValue(v.id, val.id, (x) => void (x.anchors = anchors));
                          }
                        }}
                      />
                    </td>
                    <td>
                      <input
                        defaultValue={val.indicatorTerms.join(', ')}
                        onBlur={(e) => {
                          const terms = e.target.value.split(',').map((s) => s.trim()).filter(Boolean);
                          if (terms.join(',') !== val.indicatorTerms.join(',')) editValue(v.id, val.id, (x) => void (x.indicatorTerms = terms));
                        }}
                      />
                    </td>
                    <td>
                      <input type="color" defaultValue={val.colour} onBlur={(e) => e.target.value !== val.colour && editValue(v.id, val.id, (x) => void (x.colour = e.target.value))} />
                    </td>
                    {(v.level === 'interval' || v.level === 'ratio') && (
                      <td>
                        <input
                          type="number"
                          className="score"
                          aria-label={t('editor.score')}
                          data-testid="value-score"
                          key={`${val.id}:${val.score ?? ''}`}
                          defaultValue={val.score ?? ''}
                          onBlur={(e) => {
                            const score = Number(e.target.value);
                            if (e.target.value.trim() !== '' && Number.isFinite(score) && score !== val.score) editValue(v.id, val.id, (x) => void (x.score = score));
                          }}
                        />
                      </td>
                    )}
                    <td className="reorder">
                      <button type="button" aria-label={t('editor.up')} onClick={() => moveValue(v.id, val.id, -1)} data-testid="value-up">
                        ↑
                      </button>
                      <button type="button" aria-label={t('editor.down')} onClick={() => moveValue(v.id, val.id, 1)}>
                        ↓
                      </button>
                      <button type="button" onClick={() => setSplitting({ variable: v, value: val })} data-testid="split-value">
                        {t('editor.split')}
                      </button>
                      <button type="button" className="danger" onClick={() => deleteValue(v, val)} data-testid="delete-value">
                        {t('editor.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="toolbar wide">
              <button type="button" onClick={() => addValue(v)}>
                {t('editor.addValue')}
              </button>
              <button type="button" disabled={(selected[v.id] ?? []).length < 2} onClick={() => void merge(v)} data-testid="merge-values">
                {t('editor.merge')}
              </button>
            </div>
          </div>
        </details>
      ))}
      <div className="toolbar add-variable" data-testid="add-variable">
        <label>
          {t('editor.newVariable')}{' '}
          <input value={newVariable.label} onChange={(e) => setNewVariable((s) => ({ ...s, label: e.target.value }))} onKeyDown={(e) => e.key === 'Enter' && void createVariable()} data-testid="new-variable-label" />
        </label>
        <label>
          {t('editor.group')}{' '}
          <select value={newVariable.groupId} onChange={(e) => setNewVariable((s) => ({ ...s, groupId: e.target.value }))} data-testid="new-variable-group">
            <GroupOptions groups={draft.content.groups} />
          </select>
        </label>
        <button type="button" disabled={!newVariable.label.trim()} onClick={() => void createVariable()} data-testid="add-variable-button">
          {t('editor.addVariable')}
        </button>
      </div>
    </div>
  );
}

/** The group choices of a variable: "ungrouped", then the codebook's groups. */
function GroupOptions({ groups }: { groups: readonly VariableGroup[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      <option value="">{t('codebook.ungrouped')}</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {localize(g.label, lang)}
        </option>
      ))}
    </>
  );
}
