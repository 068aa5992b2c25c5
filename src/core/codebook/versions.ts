/**
 * Codebook versions: what changed between two versions, and how codings made under an older
 * version move to a newer one. Ids of variables and values are stable across versions, so a
 * rename or a redefinition needs nothing; a merge maps its values onto the merged value; a split
 * or a removal needs a human decision. Migration never deletes a coding: what cannot be moved
 * automatically is listed with the reason, and stays under its old version.
 */
import type { CodebookContent, Variable, VersionChange } from '../model/codebook';
import type { LocalizedNote } from '../model/common';
import { resolveCoding, type DecisionReason } from './decisions';

const sameText = (a: LocalizedNote | undefined, b: LocalizedNote | undefined) => (a?.sv ?? '') === (b?.sv ?? '') && (a?.en ?? '') === (b?.en ?? '');

/**
 * The changes from `from` to `to`: additions, removals, renames and redefinitions found by
 * comparing the two, plus the merges and splits recorded in `recorded` (they cannot be inferred).
 * Values covered by a recorded merge or split are not also reported as added or removed.
 */
export function diffVersions(from: CodebookContent, to: CodebookContent, recorded: readonly VersionChange[] = []): VersionChange[] {
  const changes: VersionChange[] = [...recorded.filter((c) => c.type === 'merged' || c.type === 'split')];
  const covered = new Set<string>();
  for (const c of changes) {
    if (c.type === 'merged') [...c.from, c.into].forEach((id) => covered.add(id));
    if (c.type === 'split') [c.from, ...c.into].forEach((id) => covered.add(id));
  }
  const fromVars = new Map(from.variables.map((v) => [v.id, v]));
  const toVars = new Map(to.variables.map((v) => [v.id, v]));
  for (const v of to.variables) if (!fromVars.has(v.id)) changes.push({ type: 'added', variableId: v.id });
  for (const v of from.variables) if (!toVars.has(v.id)) changes.push({ type: 'removed', variableId: v.id });
  for (const [id, before] of fromVars) {
    const after = toVars.get(id);
    if (!after) continue;
    if (!sameText(before.label, after.label)) changes.push({ type: 'renamed', variableId: id, from: before.label, to: after.label });
    if (!sameText(before.description, after.description) || !sameText(before.codingRule, after.codingRule) || before.kind !== after.kind || before.level !== after.level) {
      changes.push({ type: 'redefined', variableId: id });
    }
    const beforeValues = new Map(before.values.map((x) => [x.id, x]));
    const afterValues = new Map(after.values.map((x) => [x.id, x]));
    for (const value of after.values) if (!beforeValues.has(value.id) && !covered.has(value.id)) changes.push({ type: 'added', variableId: id, valueId: value.id });
    for (const value of before.values) if (!afterValues.has(value.id) && !covered.has(value.id)) changes.push({ type: 'removed', variableId: id, valueId: value.id });
    for (const [valueId, b] of beforeValues) {
      const a = afterValues.get(valueId);
      if (!a) continue;
      if (!sameText(b.label, a.label)) changes.push({ type: 'renamed', variableId: id, valueId, from: b.label, to: a.label });
      if (!sameText(b.definition, a.definition) || !sameText(b.codingRule, a.codingRule) || JSON.stringify(b.anchors) !== JSON.stringify(a.anchors) || b.absent !== a.absent) {
        changes.push({ type: 'redefined', variableId: id, valueId });
      }
    }
  }
  return changes;
}

export interface MigratableCoding {
  variableId: string;
  valueIds: readonly string[];
}

export type MigrationOutcome =
  | { status: 'unchanged' }
  | { status: 'migrated'; valueIds: string[] }
  | { status: 'needs-decision'; reason: 'split' | 'value-removed' | 'variable-removed'; candidates: string[] };

/**
 * Move one coding through a sequence of version changes (oldest first). Merges are applied
 * automatically; splits and removals stop the coding for a human decision.
 */
export function migrateCoding(coding: MigratableCoding, changes: readonly VersionChange[]): MigrationOutcome {
  let values = [...coding.valueIds];
  let moved = false;
  for (const c of changes) {
    if (c.variableId !== coding.variableId) continue;
    if (c.type === 'removed' && c.valueId === undefined) return { status: 'needs-decision', reason: 'variable-removed', candidates: [] };
    if (c.type === 'merged' && values.some((v) => c.from.includes(v))) {
      values = [...new Set(values.map((v) => (c.from.includes(v) ? c.into : v)))];
      moved = true;
    }
    if (c.type === 'split' && values.includes(c.from)) return { status: 'needs-decision', reason: 'split', candidates: [...c.into] };
    if (c.type === 'removed' && c.valueId !== undefined && values.includes(c.valueId)) return { status: 'needs-decision', reason: 'value-removed', candidates: [] };
  }
  return moved ? { status: 'migrated', valueIds: values } : { status: 'unchanged' };
}

/** Check that a coding's values exist in a version (after migration): a guard before writing. */
export function valuesExist(content: CodebookContent, coding: MigratableCoding): boolean {
  const variable: Variable | undefined = content.variables.find((v) => v.id === coding.variableId);
  return variable !== undefined && coding.valueIds.every((id) => variable.values.some((x) => x.id === id));
}

export interface MigrationPlan<T> {
  /** Codings to rewrite to the new version (with new values when a merge applied). */
  move: { coding: T; valueIds: string[] }[];
  /** Codings that stay under their old version until someone decides (see `decisions.ts`). */
  decide: { coding: T; reason: DecisionReason; candidates: string[]; problem: string | undefined; fixed: string[] }[];
}

export function planMigration<T extends MigratableCoding>(codings: readonly T[], changes: readonly VersionChange[], target: CodebookContent): MigrationPlan<T> {
  const plan: MigrationPlan<T> = { move: [], decide: [] };
  for (const coding of codings) {
    const outcome = resolveCoding(coding, changes, target);
    if (outcome.status === 'decide') plan.decide.push({ coding, reason: outcome.reason, candidates: outcome.candidates, problem: outcome.problem, fixed: outcome.fixed });
    else plan.move.push({ coding, valueIds: outcome.valueIds });
  }
  return plan;
}
