/**
 * Who codes what. Each agreement has one primary coder — the assigned one, else (by default) the
 * human coder who judged it (the first to judge, when several did and none is assigned) — and
 * optionally reliability coders who re-code it independently (the seeded sample). Progress per
 * coder: agreements assigned, judged (every coded variable has the coder's value), and final
 * (every variable of the final dataset has a value).
 */
import type { FinalDataset } from './final-dataset';

export interface AssignmentLike {
  documentId: string;
  coderId: string;
  role: 'primary' | 'reliability';
}

export interface CoderProgress {
  coderId: string;
  /** Agreements where the coder is the (effective) primary coder. */
  primary: number;
  reliability: number;
  /** Assigned agreements on which the coder judged every coded variable. */
  judged: number;
  /** Assigned agreements complete in the final dataset. */
  final: number;
}

/** unit → primary coder id: the assignment, else the first human coder who judged the unit. */
export function effectivePrimary(
  units: readonly string[],
  assignments: readonly AssignmentLike[],
  firstJudged: ReadonlyMap<string, string>,
): Map<string, string> {
  const result = new Map<string, string>();
  for (const a of assignments) if (a.role === 'primary') result.set(a.documentId, a.coderId);
  const reliability = new Set(assignments.filter((a) => a.role === 'reliability').map((a) => `${a.documentId}\u0000${a.coderId}`));
  for (const u of units) {
    if (result.has(u)) continue;
    const coder = firstJudged.get(u);
    if (coder && !reliability.has(`${u}\u0000${coder}`)) result.set(u, coder);
  }
  return result;
}

/** Per human coder: how many agreements they are assigned, have judged completely, and are final. */
export function coderProgress(input: {
  coders: readonly string[];
  final: FinalDataset;
  assignments: readonly AssignmentLike[];
  /** unit → the coders (and when) who judged it, first judgement first */
  firstJudged: ReadonlyMap<string, string>;
}): CoderProgress[] {
  const units = input.final.units.map((u) => u.id);
  const primary = effectivePrimary(units, input.assignments, input.firstJudged);
  const coded = input.final.variables.filter((v) => !v.derived);
  return input.coders.map((coderId) => {
    const mine = new Set<string>();
    let primaryCount = 0;
    for (const [u, c] of primary) {
      if (c !== coderId) continue;
      mine.add(u);
      primaryCount++;
    }
    const reliability = input.assignments.filter((a) => a.role === 'reliability' && a.coderId === coderId).map((a) => a.documentId);
    for (const u of reliability) mine.add(u);
    let judged = 0;
    let final = 0;
    for (const u of mine) {
      const row = input.final.byUnit.get(u);
      if (!row) continue;
      if (coded.every((v) => row.get(v.id)?.coders.some((c) => c.coderId === coderId))) judged++;
      if (coded.every((v) => (row.get(v.id)?.valueIds.length ?? 0) > 0)) final++;
    }
    return { coderId, primary: primaryCount, reliability: reliability.length, judged, final };
  });
}
