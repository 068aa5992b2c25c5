/**
 * Coding writes for undo and redo that first re-read the row, in the same transaction, and write
 * only when it is still as the action left it. Another tab or window of the same origin shares
 * the database: without this check, undoing "set LVM to Ja" would delete the "Nej" another tab
 * had saved since. A mismatch writes nothing and answers `{ conflict: true }`; the caller refuses
 * with a message. Every write returns the row it replaced, so an action undoes exactly what its
 * transaction found, not what the screen showed when the key was pressed.
 */
import { Judgement, Segment } from '../core';
import type { OverensDb } from './db';

export interface JudgementKey {
  documentId: string;
  coderId: string;
  variableId: string;
}

export type Checked<T> = ({ conflict: false } & T) | { conflict: true };

/** What an undo must find unchanged in a judgement: what a coder can set (values, memo, status, version). */
export function judgementState(j: Judgement | undefined | null): string {
  return j ? JSON.stringify([[...j.valueIds].sort(), j.memo, j.status, j.codebookVersionId]) : 'none';
}

/** What an undo must find unchanged in a passage. */
export function segmentState(s: Segment | undefined | null): string {
  return s ? JSON.stringify([s.valueId, s.variableId, s.memo, s.selector.position.start, s.selector.position.end, s.orphaned]) : 'none';
}

export class CheckedCodingWrites {
  constructor(private readonly db: OverensDb) {}

  /**
   * Replace the judgement of (document, coder, variable) by `build(current)` (null deletes it).
   * With `expected` (undefined = no check), only when the current row's state equals it (null:
   * no row). Evidence is kept only where it is a passage of the same coder and document.
   */
  async swapJudgement(
    key: JudgementKey,
    build: (current: Judgement | undefined) => Judgement | null,
    expected?: Judgement | null,
  ): Promise<Checked<{ before: Judgement | undefined; after: Judgement | undefined }>> {
    const db = this.db;
    return db.transaction('rw', db.judgements, db.segments, async () => {
      const current = await db.judgements.where('[documentId+coderId+variableId]').equals([key.documentId, key.coderId, key.variableId]).first();
      if (expected !== undefined && judgementState(current) !== judgementState(expected)) return { conflict: true } as const;
      const next = build(current);
      if (!next) {
        if (current) await db.judgements.delete(current.id);
        return { conflict: false, before: current, after: undefined } as const;
      }
      const parsed = Judgement.parse(next);
      if (parsed.evidenceSegmentIds.length) {
        const segments = await db.segments.bulkGet(parsed.evidenceSegmentIds);
        parsed.evidenceSegmentIds = parsed.evidenceSegmentIds.filter((_, i) => segments[i]?.documentId === parsed.documentId && segments[i]?.coderId === parsed.coderId);
      }
      const row = current ? { ...parsed, id: current.id } : parsed;
      await db.judgements.put(row);
      return { conflict: false, before: current, after: row } as const;
    });
  }

  /**
   * Delete a passage and drop it from judgement evidence; with `expected` (undefined = no check),
   * only if the passage is still in that state. Returns the passage deleted (undefined when there
   * was none) and the judgements it was evidence of.
   */
  async deleteSegmentIf(id: string, expected?: Segment, now: number = Date.now()): Promise<Checked<{ deleted: Segment | undefined; evidenceOf: string[] }>> {
    const db = this.db;
    return db.transaction('rw', db.segments, db.judgements, async () => {
      const current = await db.segments.get(id);
      if (expected !== undefined && segmentState(current) !== segmentState(expected)) return { conflict: true } as const;
      if (!current) return { conflict: false, deleted: undefined, evidenceOf: [] } as const;
      const evidenceOf: string[] = [];
      for (const j of await db.judgements.where('[documentId+coderId]').equals([current.documentId, current.coderId]).toArray()) {
        if (!j.evidenceSegmentIds.includes(id)) continue;
        evidenceOf.push(j.id);
        await db.judgements.update(j.id, { evidenceSegmentIds: j.evidenceSegmentIds.filter((s) => s !== id), updatedAt: now });
      }
      await db.segments.delete(id);
      return { conflict: false, deleted: current, evidenceOf } as const;
    });
  }

  /**
   * Delete many passages (undo of "code all hits") in one transaction, only if every one is
   * still as `expected` says; one changed or missing passage refuses them all.
   */
  async deleteSegmentsIf(expected: readonly Segment[], now: number = Date.now()): Promise<Checked<object>> {
    const db = this.db;
    return db.transaction('rw', db.segments, db.judgements, async () => {
      const ids = expected.map((s) => s.id);
      const current = await db.segments.bulkGet(ids);
      if (current.some((s, i) => segmentState(s) !== segmentState(expected[i]))) return { conflict: true } as const;
      const gone = new Set(ids);
      const pairs = new Set(expected.map((s) => JSON.stringify([s.documentId, s.coderId])));
      for (const pair of pairs) {
        for (const j of await db.judgements.where('[documentId+coderId]').equals(JSON.parse(pair) as [string, string]).toArray()) {
          if (j.evidenceSegmentIds.some((e) => gone.has(e))) await db.judgements.update(j.id, { evidenceSegmentIds: j.evidenceSegmentIds.filter((e) => !gone.has(e)), updatedAt: now });
        }
      }
      await db.segments.bulkDelete(ids);
      return { conflict: false } as const;
    });
  }

  /**
   * Put a deleted passage back (undo of a deletion) and make it evidence again of the judgements
   * it was evidence of, keeping whatever else those judgements hold now. A passage that exists
   * again (restored elsewhere) is a conflict.
   */
  async restoreSegment(segment: Segment, evidenceOf: readonly string[], now: number = Date.now()): Promise<Checked<object>> {
    const db = this.db;
    const parsed = Segment.parse(segment);
    return db.transaction('rw', db.segments, db.judgements, async () => {
      if (await db.segments.get(parsed.id)) return { conflict: true } as const;
      await db.segments.add(parsed);
      for (const j of (await db.judgements.bulkGet([...evidenceOf])).filter((j): j is Judgement => j !== undefined)) {
        if (!j.evidenceSegmentIds.includes(parsed.id)) await db.judgements.update(j.id, { evidenceSegmentIds: [...j.evidenceSegmentIds, parsed.id], updatedAt: now });
      }
      return { conflict: false } as const;
    });
  }

  /** Set a passage's memo; with `expected`, only if the memo is still that. Returns the memo replaced. */
  async swapSegmentMemo(id: string, memo: string, expected?: string, now: number = Date.now()): Promise<Checked<{ before: string }>> {
    const db = this.db;
    return db.transaction('rw', db.segments, async () => {
      const current = await db.segments.get(id);
      if (!current || (expected !== undefined && current.memo !== expected)) return { conflict: true } as const;
      await db.segments.update(id, { memo, updatedAt: now });
      return { conflict: false, before: current.memo } as const;
    });
  }

  /** Set a judgement's memo; with `expected`, only if the memo is still that. Returns the memo replaced. */
  async swapJudgementMemo(id: string, memo: string, expected?: string, now: number = Date.now()): Promise<Checked<{ before: string }>> {
    const db = this.db;
    return db.transaction('rw', db.judgements, async () => {
      const current = await db.judgements.get(id);
      if (!current || (expected !== undefined && current.memo !== expected)) return { conflict: true } as const;
      await db.judgements.update(id, { memo, updatedAt: now });
      return { conflict: false, before: current.memo } as const;
    });
  }
}
