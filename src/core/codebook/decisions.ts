/**
 * The decisions a migration leaves: a coding made under an older codebook version whose value was
 * split or removed, whose variable was removed, or which holds several values of a variable that
 * became single-valued, cannot move by itself. `resolveCoding` says what of it moves on its own
 * (`fixed`) and which value needs a person (`problem`), with the values the change allows;
 * `decisionChoices` lists the choices; `applyChoice` gives the coding's values after a choice.
 * Nothing here deletes: "not coded" on a removed variable (or on a passage) is the caller's
 * explicit removal, undoable in the store.
 */
import type { CodebookContent, VersionChange } from '../model/codebook';

export type DecisionReason = 'split' | 'value-removed' | 'variable-removed' | 'kind-changed';

export type Resolution =
  | { status: 'ok'; valueIds: string[] }
  | {
      status: 'decide';
      reason: DecisionReason;
      /** The value that needs a decision (the old one); undefined for a removed variable or a kind change. */
      problem: string | undefined;
      /** The coding's other values, as they move to the target version (a multi-valued coding). */
      fixed: string[];
      /** The target version's values the decision may choose from. */
      candidates: string[];
    };

/**
 * Move a coding's values through `changes` (every version after the coding's, oldest first) onto
 * `target`. Merges map automatically; the first split or removal met stops for a decision.
 */
export function resolveCoding(coding: { variableId: string; valueIds: readonly string[] }, changes: readonly VersionChange[], target: CodebookContent): Resolution {
  const variable = target.variables.find((v) => v.id === coding.variableId);
  let values = [...coding.valueIds];
  if (!variable || changes.some((c) => c.type === 'removed' && c.variableId === coding.variableId && c.valueId === undefined)) {
    return { status: 'decide', reason: 'variable-removed', problem: undefined, fixed: [], candidates: [] };
  }
  const inTarget = (id: string) => variable.values.some((x) => x.id === id);
  for (const c of changes) {
    if (c.variableId !== coding.variableId) continue;
    if (c.type === 'merged' && values.some((v) => c.from.includes(v))) values = [...new Set(values.map((v) => (c.from.includes(v) ? c.into : v)))];
    const problem = c.type === 'split' ? c.from : c.type === 'removed' ? c.valueId : undefined;
    if (problem !== undefined && values.includes(problem)) {
      const fixed = values.filter((v) => v !== problem && inTarget(v));
      const candidates = c.type === 'split' ? c.into.filter(inTarget) : variable.values.map((x) => x.id).filter((id) => !fixed.includes(id));
      return { status: 'decide', reason: c.type === 'split' ? 'split' : 'value-removed', problem, fixed, candidates };
    }
  }
  // A value the recorded changes do not explain (removed without a record): a removal all the same.
  const missing = values.find((v) => !inTarget(v));
  if (missing !== undefined) {
    const fixed = values.filter((v) => v !== missing && inTarget(v));
    return { status: 'decide', reason: 'value-removed', problem: missing, fixed, candidates: variable.values.map((x) => x.id).filter((id) => !fixed.includes(id)) };
  }
  if (variable.kind === 'single' && values.length > 1) {
    return { status: 'decide', reason: 'kind-changed', problem: undefined, fixed: [], candidates: variable.values.map((x) => x.id).filter((id) => values.includes(id)) };
  }
  return { status: 'ok', valueIds: variable.values.map((x) => x.id).filter((id) => values.includes(id)) };
}

/** What a person may choose for a coding that needs a decision. */
export type DecisionChoice =
  /** One of the target version's values (for a split: one of the new values). */
  | { type: 'value'; valueId: string }
  /** Under the target version without the value (a judgement without values); a passage, or a coding of a removed variable, is removed. */
  | { type: 'not-coded' }
  /** Stays under its old version, no longer asked about for this target. */
  | { type: 'keep' };

export interface ChoiceSet {
  values: string[];
  notCoded: boolean;
  keep: boolean;
}

/** The choices a change allows: a split's new values; for a removal another value or "not coded"; keeping it under its version, always. */
export function decisionChoices(decision: { reason: DecisionReason; candidates: readonly string[] }): ChoiceSet {
  switch (decision.reason) {
    case 'split':
      return { values: [...decision.candidates], notCoded: false, keep: true };
    case 'value-removed':
    case 'kind-changed':
      return { values: [...decision.candidates], notCoded: true, keep: true };
    case 'variable-removed':
      return { values: [], notCoded: true, keep: true };
  }
}

export function isAllowed(decision: { reason: DecisionReason; candidates: readonly string[] }, choice: DecisionChoice): boolean {
  const set = decisionChoices(decision);
  if (choice.type === 'value') return set.values.includes(choice.valueId);
  return choice.type === 'keep' ? set.keep : set.notCoded;
}

/**
 * The coding's values under the target version after a choice (in the target's value order), or
 * `remove` (a passage, or a coding of a removed variable, set to "not coded"), or `keep`.
 */
export function applyChoice(
  decision: { reason: DecisionReason; fixed: readonly string[]; candidates: readonly string[] },
  choice: DecisionChoice,
  target: CodebookContent,
  variableId: string,
  kind: 'judgement' | 'segment',
): { type: 'values'; valueIds: string[] } | { type: 'remove' } | { type: 'keep' } {
  if (!isAllowed(decision, choice)) throw new RangeError(`choice ${JSON.stringify(choice)} is not allowed for a ${decision.reason}`);
  if (choice.type === 'keep') return { type: 'keep' };
  const variable = target.variables.find((v) => v.id === variableId);
  if (choice.type === 'not-coded') {
    if (kind === 'segment' || !variable) return { type: 'remove' };
    return { type: 'values', valueIds: variable.kind === 'multi' ? ordered(variable.values, decision.fixed) : [] };
  }
  const chosen = kind === 'judgement' && variable?.kind === 'multi' ? [...decision.fixed, choice.valueId] : [choice.valueId];
  return { type: 'values', valueIds: ordered(variable?.values ?? [], chosen) };
}

const ordered = (values: readonly { id: string }[], ids: readonly string[]) => values.map((x) => x.id).filter((id) => ids.includes(id));
