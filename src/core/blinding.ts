/**
 * Blinding a methods section can state. The project lead sets it — for the coding stage and the
 * review stage, and per coder — and only the lead can change it (every change is a recorded
 * `BlindingEvent`). Whatever the settings say, a coder with open reliability assignments (double-
 * coded documents they have not finished) never sees other coders' judgements or passages.
 */
import type { ProjectSettings } from './model/project';

export type BlindReason = 'reliability' | 'coder' | 'coding' | 'review';

export interface Blindness {
  blind: boolean;
  /** What decided it: open reliability assignments, the coder's own setting, or the stage's. */
  reason: BlindReason;
}

/**
 * The project's lead: the recorded one (even when that coder is not in this installation, as in
 * a coder's installation made from a coder package), else the first human coder by creation.
 */
export function leadOf(settings: Pick<ProjectSettings, 'leadCoderId'>, coders: readonly { id: string; kind: string; createdAt: number }[]): string | undefined {
  if (settings.leadCoderId) return settings.leadCoderId;
  return [...coders].filter((c) => c.kind === 'human').sort((a, b) => a.createdAt - b.createdAt)[0]?.id;
}

export function blindness(settings: Pick<ProjectSettings, 'blindCoding' | 'stage' | 'blindInReview' | 'blindCoders'>, coderId: string, openReliability: number): Blindness {
  if (openReliability > 0) return { blind: true, reason: 'reliability' };
  const own = settings.blindCoders?.[coderId];
  if (own !== undefined) return { blind: own, reason: 'coder' };
  if ((settings.stage ?? 'coding') === 'review') return { blind: settings.blindInReview ?? false, reason: 'review' };
  return { blind: settings.blindCoding ?? true, reason: 'coding' };
}

/**
 * Open reliability assignments per coder: documents that have a reliability assignment, that the
 * coder is assigned to (primary or reliability), and on which the coder has not yet judged every
 * codable variable. Both halves of a double-coded document stay independent until each is done.
 */
export function openReliabilityAssignments(input: {
  assignments: readonly { documentId: string; coderId: string; role: 'primary' | 'reliability' }[];
  /** coder → document → number of codable variables judged (with a value) */
  judged: ReadonlyMap<string, ReadonlyMap<string, number>>;
  codable: number;
}): Map<string, number> {
  const doubled = new Set(input.assignments.filter((a) => a.role === 'reliability').map((a) => a.documentId));
  const open = new Map<string, number>();
  for (const a of input.assignments) {
    if (!doubled.has(a.documentId)) continue;
    const done = (input.judged.get(a.coderId)?.get(a.documentId) ?? 0) >= input.codable;
    if (!done) open.set(a.coderId, (open.get(a.coderId) ?? 0) + 1);
  }
  return open;
}
