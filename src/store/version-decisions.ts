/**
 * Codings left under older codebook versions: which would move to a published version by
 * themselves (renames, merges), which need a decision (splits, removals, a kind change), and the
 * decisions themselves — each a transaction that returns the rows as they were, so the caller can
 * undo it (`restoreCodings`). A decision is checked again inside its transaction against the
 * codebook as it is then; a choice the change does not allow is refused.
 */
import { OverensError, type CodebookVersion, type Judgement, type Segment } from '../core';
import { applyChoice, isAllowed, resolveCoding, type DecisionChoice, type DecisionReason } from '../core/codebook';
import type { OverensDb } from './db';

export interface PendingDecision {
  kind: 'segment' | 'judgement';
  id: string;
  documentId: string;
  coderId: string;
  variableId: string;
  /** The version the coding was made under, and its number. */
  fromVersionId: string;
  fromNumber: number;
  /** The coding's values as stored (ids of the older version). */
  oldValueIds: string[];
  reason: DecisionReason;
  problem: string | undefined;
  fixed: string[];
  candidates: string[];
  /** A passage: where it starts in the document's text (to open it there). */
  at?: number;
}

export interface MigrationState {
  target: CodebookVersion;
  /** Codings under older versions that move by themselves. */
  movable: { kind: 'segment' | 'judgement'; id: string; valueIds: string[] }[];
  /** Codings that wait for a decision (those kept under their version for this target left out). */
  pending: PendingDecision[];
  /** Codings someone decided to keep under their older version (they may be decided again). */
  kept: PendingDecision[];
}

/** The rows a decision changed, as they were: give them to `restoreCodings` to undo it. */
export interface CodingsBefore {
  segments: Segment[];
  judgements: Judgement[];
}

export async function migrationState(db: OverensDb, targetVersionId: string): Promise<MigrationState> {
  const target = await db.codebookVersions.get(targetVersionId);
  if (!target || target.status !== 'published') {
    throw new OverensError('version-not-published', { sv: 'Kodningar kan bara flyttas till en publicerad version.', en: 'Codings can only be moved to a published version.' });
  }
  const versions = await db.codebookVersions.where('codebookId').equals(target.codebookId).sortBy('number');
  const byId = new Map(versions.map((v) => [v.id, v]));
  const changesFrom = new Map<string, CodebookVersion['changes']>();
  for (const from of versions) {
    if (from.number < target.number) changesFrom.set(from.id, versions.filter((v) => v.number > from.number && v.number <= target.number).flatMap((v) => v.changes));
  }
  const state: MigrationState = { target, movable: [], pending: [], kept: [] };
  const visit = (kind: 'segment' | 'judgement', row: Segment | Judgement, valueIds: string[]) => {
    const changes = changesFrom.get(row.codebookVersionId);
    if (!changes) return;
    const kept = row.keptBack?.targetVersionId === target.id;
    const outcome = resolveCoding({ variableId: row.variableId, valueIds }, changes, target.content);
    if (outcome.status === 'ok') {
      if (!kept) state.movable.push({ kind, id: row.id, valueIds: outcome.valueIds });
    } else {
      const { status: _status, ...rest } = outcome;
      (kept ? state.kept : state.pending).push({ kind, id: row.id, documentId: row.documentId, coderId: row.coderId, variableId: row.variableId, fromVersionId: row.codebookVersionId, fromNumber: byId.get(row.codebookVersionId)!.number, oldValueIds: valueIds, ...rest, ...('selector' in row ? { at: row.selector.position.start } : {}) });
    }
  };
  await db.segments.where('projectId').equals(target.projectId).each((s) => visit('segment', s, [s.valueId]));
  // A judgement without values is "not yet coded" under any version: it simply moves.
  await db.judgements.where('projectId').equals(target.projectId).each((j) => visit('judgement', j, j.valueIds));
  return state;
}

/**
 * Decide codings (one, or many with one choice) for `targetVersionId`, in one transaction.
 * Returns the rows as they were before.
 */
export async function decideCodings(db: OverensDb, targetVersionId: string, items: readonly { kind: 'segment' | 'judgement'; id: string; choice: DecisionChoice }[], now: number): Promise<CodingsBefore> {
  return db.transaction('rw', db.codebookVersions, db.segments, db.judgements, async () => {
    const state = await migrationState(db, targetVersionId);
    // Waiting, or kept under its version earlier (a keep can be decided again).
    const pending = new Map([...state.pending, ...state.kept].map((p) => [`${p.kind}:${p.id}`, p]));
    const before: CodingsBefore = { segments: [], judgements: [] };
    for (const item of items) {
      const decision = pending.get(`${item.kind}:${item.id}`);
      if (!decision) {
        throw new OverensError('decision-not-pending', {
          sv: 'Kodningen behöver inte längre något beslut (den har redan beslutats eller ändrats). Listan har uppdaterats.',
          en: 'The coding no longer needs a decision (it was decided or changed already). The list has been updated.',
        });
      }
      if (!isAllowed(decision, item.choice)) {
        throw new OverensError('decision-not-allowed', { sv: 'Det valet är inte möjligt för den här ändringen i kodboken.', en: 'That choice is not possible for this change of the codebook.' });
      }
      const outcome = applyChoice(decision, item.choice, state.target.content, decision.variableId, item.kind);
      if (item.kind === 'segment') {
        const segment = (await db.segments.get(item.id))!;
        before.segments.push(segment);
        if (outcome.type === 'keep') await db.segments.put({ ...segment, keptBack: { targetVersionId, at: now } });
        else if (outcome.type === 'remove') {
          await db.segments.delete(item.id);
          // As deleting a passage does: it is no longer any judgement's evidence.
          const citing = await db.judgements.where('[documentId+coderId]').equals([segment.documentId, segment.coderId]).filter((j) => j.evidenceSegmentIds.includes(item.id)).toArray();
          for (const j of citing) {
            if (!before.judgements.some((b) => b.id === j.id)) before.judgements.push(j);
            await db.judgements.put({ ...j, evidenceSegmentIds: j.evidenceSegmentIds.filter((e) => e !== item.id) });
          }
        } else {
          const { keptBack: _k, ...rest } = segment;
          await db.segments.put({ ...rest, codebookVersionId: targetVersionId, valueId: outcome.valueIds[0]!, updatedAt: now });
        }
      } else {
        const judgement = (await db.judgements.get(item.id))!;
        if (!before.judgements.some((b) => b.id === judgement.id)) before.judgements.push(judgement);
        if (outcome.type === 'keep') await db.judgements.put({ ...judgement, keptBack: { targetVersionId, at: now } });
        else if (outcome.type === 'remove') await db.judgements.delete(item.id);
        else {
          const { keptBack: _k, ...rest } = judgement;
          await db.judgements.put({ ...rest, codebookVersionId: targetVersionId, valueIds: outcome.valueIds, updatedAt: now });
        }
      }
    }
    return before;
  });
}

/** Put rows back as they were (undo of a decision or a migration), in one transaction. */
export async function restoreCodings(db: OverensDb, before: CodingsBefore): Promise<void> {
  await db.transaction('rw', db.segments, db.judgements, async () => {
    await db.segments.bulkPut(before.segments);
    // A judgement's unique key (document, coder, variable) is the same before and after, so
    // putting it back by id replaces the decided row.
    await db.judgements.bulkPut(before.judgements);
  });
}
