/**
 * Segments (coded passages) and judgements (document-level answers). Each write that belongs
 * together is one transaction, and the returned promise resolves only after it committed — the
 * UI shows a coding as saved only then.
 */
import { Judgement, Segment } from '../core';
import type { OverensDb } from './db';

export class CodingRepository {
  constructor(private readonly db: OverensDb) {}

  segmentsFor(documentId: string, coderId: string): Promise<Segment[]> {
    return this.db.segments.where('[documentId+coderId]').equals([documentId, coderId]).toArray();
  }

  segmentsOfDocument(documentId: string): Promise<Segment[]> {
    return this.db.segments.where('documentId').equals(documentId).toArray();
  }

  judgementsFor(documentId: string, coderId: string): Promise<Judgement[]> {
    return this.db.judgements.where('[documentId+coderId]').equals([documentId, coderId]).toArray();
  }

  judgementsOfProject(projectId: string): Promise<Judgement[]> {
    return this.db.judgements.where('projectId').equals(projectId).toArray();
  }

  async addSegment(segment: Segment): Promise<Segment> {
    const parsed = Segment.parse(segment);
    await this.db.segments.add(parsed);
    return parsed;
  }

  /** Delete a segment and drop it from the evidence of the coder's judgements, together. */
  async deleteSegment(id: string, now: number = Date.now()): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.segments, db.judgements, async () => {
      const segment = await db.segments.get(id);
      if (!segment) return;
      const judgements = await db.judgements.where('[documentId+coderId]').equals([segment.documentId, segment.coderId]).toArray();
      for (const j of judgements) {
        if (j.evidenceSegmentIds.includes(id)) {
          await db.judgements.update(j.id, { evidenceSegmentIds: j.evidenceSegmentIds.filter((s) => s !== id), updatedAt: now });
        }
      }
      await db.segments.delete(id);
    });
  }

  /** Remove a judgement (undo of a first judgement). */
  async deleteJudgement(id: string): Promise<void> {
    await this.db.judgements.delete(id);
  }

  async updateSegmentMemo(id: string, memo: string, now: number = Date.now()): Promise<void> {
    await this.db.segments.update(id, { memo, updatedAt: now });
  }

  /** Insert or replace the judgement for (document, coder, variable). */
  async putJudgement(judgement: Judgement): Promise<Judgement> {
    const parsed = Judgement.parse(judgement);
    const db = this.db;
    return db.transaction('rw', db.judgements, async () => {
      const existing = await db.judgements
        .where('[documentId+coderId+variableId]')
        .equals([parsed.documentId, parsed.coderId, parsed.variableId])
        .first();
      const row = existing ? { ...parsed, id: existing.id, createdAt: existing.createdAt } : parsed;
      await db.judgements.put(row);
      return row;
    });
  }
}
