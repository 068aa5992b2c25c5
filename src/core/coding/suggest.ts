/**
 * Judgement suggestions from coded passages: for a `single` variable, the value the coder's
 * passages for that variable use most (ties: codebook order); with no passage, the variable's
 * "absent" value (e.g. Nej / Framgår ej). The coder accepts or overrides; nothing is set alone.
 */
import type { Variable } from '../model/codebook';

export interface Suggestion {
  valueId: string;
  /** Passages that support it (empty when it is the absent value for lack of passages). */
  evidenceSegmentIds: string[];
  reason: 'passages' | 'no-passages';
}

export function suggestJudgement(variable: Variable, segments: readonly { id: string; variableId: string; valueId: string }[]): Suggestion | null {
  const own = segments.filter((s) => s.variableId === variable.id && variable.values.some((v) => v.id === s.valueId));
  if (own.length === 0) {
    const absent = variable.values.find((v) => v.absent);
    return absent ? { valueId: absent.id, evidenceSegmentIds: [], reason: 'no-passages' } : null;
  }
  let best: { valueId: string; count: number } | null = null;
  for (const value of variable.values) {
    const count = own.filter((s) => s.valueId === value.id).length;
    if (count > 0 && (!best || count > best.count)) best = { valueId: value.id, count };
  }
  return { valueId: best!.valueId, evidenceSegmentIds: own.filter((s) => s.valueId === best!.valueId).map((s) => s.id), reason: 'passages' };
}
