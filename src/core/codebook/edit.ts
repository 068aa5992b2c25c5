/**
 * Edits of a draft codebook version that are more than changing a text: splitting a value into
 * several (each with its own definition), adding and removing variables, changing a variable's
 * kind or level of measurement with what that implies. Pure functions on a copy of the content;
 * the recorded changes a diff cannot infer (a split) are returned for the draft's `changes`.
 * The caller validates the result with `CodebookContent` before saving.
 */
import type { CodebookContent, MeasurementLevel, Value, Variable, VariableKind, VersionChange } from '../model/codebook';
import type { LocalizedText } from '../model/common';

/** A key for a label: ASCII letters, digits and `_`, starting with a letter (å/ä/ö → a/a/o). */
export function keyFor(label: string): string {
  const key = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(key) ? key.slice(0, 56) : `v_${key}`.slice(0, 56);
}

const uniqueKey = (base: string, taken: ReadonlySet<string>) => {
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base.slice(0, 56)}_${i}`;
  return key;
};

const uniqueId = (base: string, taken: ReadonlySet<string>) => {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  return id;
};

/** Every id used in the content (variables and values), and in `also` (older versions). */
function usedIds(content: CodebookContent, also: readonly CodebookContent[] = []): Set<string> {
  const ids = new Set<string>();
  for (const c of [content, ...also]) for (const v of c.variables) [v.id, ...v.values.map((x) => x.id)].forEach((id) => ids.add(id));
  return ids;
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

export interface SplitPart {
  label: LocalizedText;
  definition?: LocalizedText;
}

/**
 * Split `valueId` of `variableId` into `parts` (at least two), in its place; each part keeps the
 * old value's colour family, terms and coding rule and gets its own label and definition. Ids
 * are new and unused in any version (`history`), so no coding can land on them by accident.
 */
export function splitValue(
  content: CodebookContent,
  variableId: string,
  valueId: string,
  parts: readonly SplitPart[],
  history: readonly CodebookContent[] = [],
): { content: CodebookContent; change: Extract<VersionChange, { type: 'split' }> } {
  if (parts.length < 2) throw new RangeError('a split needs at least two values');
  const next = structuredClone(content);
  const variable = next.variables.find((v) => v.id === variableId);
  const at = variable?.values.findIndex((x) => x.id === valueId) ?? -1;
  if (!variable || at < 0) throw new RangeError(`no value ${valueId} in ${variableId}`);
  const old = variable.values[at]!;
  const ids = usedIds(next, history);
  const keys = new Set(variable.values.filter((x) => x.id !== valueId).map((x) => x.key));
  const made: Value[] = parts.map((part, i) => {
    const key = uniqueKey(keyFor(part.label.sv ?? part.label.en ?? `del_${i + 1}`), keys);
    keys.add(key);
    const id = uniqueId(`${variableId}.${key}`, ids);
    ids.add(id);
    return {
      ...structuredClone(old),
      id,
      key,
      label: { ...part.label },
      definition: { ...(part.definition ?? {}) },
      anchors: [],
      colour: i === 0 ? old.colour : PALETTE[(PALETTE.indexOf(old.colour) + i + PALETTE.length) % PALETTE.length]!,
      // The "absent" meaning stays with the first part only (at most one per variable).
      absent: old.absent && i === 0,
    };
  });
  variable.values.splice(at, 1, ...made);
  return { content: next, change: { type: 'split', variableId, from: valueId, into: made.map((x) => x.id) } };
}

/**
 * A new single-valued nominal variable with two values ("Ja", "Nej" — the absent one), at the end
 * of `groupId` (or of the codebook). Its id and key are unused in every version.
 */
export function addVariable(content: CodebookContent, label: LocalizedText, groupId: string | undefined, history: readonly CodebookContent[] = []): { content: CodebookContent; variable: Variable } {
  const next = structuredClone(content);
  const ids = usedIds(next, history);
  const keys = new Set([...next.variables, ...history.flatMap((c) => c.variables)].map((v) => v.key));
  const key = uniqueKey(keyFor(label.sv ?? label.en ?? 'variabel'), keys);
  const id = uniqueId(`var.${key}`, ids);
  const value = (k: string, sv: string, en: string, colour: string, absent: boolean): Value => ({
    id: `${id}.${k}`,
    key: k,
    label: { sv, en },
    definition: {},
    anchors: [],
    codingRule: {},
    indicatorTerms: [],
    colour,
    absent,
  });
  const variable: Variable = {
    id,
    key,
    label: { ...label },
    ...(groupId ? { groupId } : {}),
    description: {},
    codingRule: {},
    kind: 'single',
    level: 'nominal',
    values: [value('ja', 'Ja', 'Yes', '#1f77b4', false), value('nej', 'Nej', 'No', '#999999', true)],
  };
  // After the group's last variable, so the panel's order and the codebook's agree.
  const lastOfGroup = next.variables.map((v) => v.groupId).lastIndexOf(groupId);
  next.variables.splice(groupId && lastOfGroup >= 0 ? lastOfGroup + 1 : next.variables.length, 0, variable);
  return { content: next, variable };
}

/**
 * Remove a variable. Refused (with the names) while a derived variable is computed from it: the
 * derivation would lose a component.
 */
export function removeVariable(content: CodebookContent, variableId: string): { content: CodebookContent } | { usedBy: Variable[] } {
  const usedBy = content.variables.filter((v) => v.derived?.components.some((c) => c.variableId === variableId));
  if (usedBy.length) return { usedBy };
  const next = structuredClone(content);
  next.variables = next.variables.filter((v) => v.id !== variableId);
  return { content: next };
}

/**
 * Change a variable's kind. A multi-valued variable that becomes single-valued leaves codings with
 * several values for a decision after migration (`resolveCoding`: kind-changed). A derived
 * variable stays single-valued.
 */
export function changeKind(content: CodebookContent, variableId: string, kind: VariableKind): CodebookContent {
  const next = structuredClone(content);
  const variable = next.variables.find((v) => v.id === variableId);
  if (!variable) throw new RangeError(`no variable ${variableId}`);
  if (variable.derived && kind !== 'single') throw new RangeError('a derived variable is single-valued');
  variable.kind = kind;
  return next;
}

/**
 * Change the level of measurement. Interval and ratio need a score on every value: values without
 * one get their position (1, 2, …), which the editor shows for correction; nominal and ordinal
 * keep the scores (harmless, and kept for a change back).
 */
export function changeLevel(content: CodebookContent, variableId: string, level: MeasurementLevel): CodebookContent {
  const next = structuredClone(content);
  const variable = next.variables.find((v) => v.id === variableId);
  if (!variable) throw new RangeError(`no variable ${variableId}`);
  variable.level = level;
  if (level === 'interval' || level === 'ratio') variable.values.forEach((x, i) => (x.score ??= i + 1));
  return next;
}
