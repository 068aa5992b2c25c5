/**
 * Segments (coded passages) and judgements (document-level answers). Each write that belongs
 * together is one transaction, and the returned promise resolves only after it committed — the
 * UI shows a coding as saved only then.
 */
import { DocumentMemo, Judgement, Segment, newId, type DocumentContent } from '../core';
import { anchorSelector } from '../core/anchoring';
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

  /** For one coder: per document, the variables judged with at least one value. */
  /** Per document, the variables the coder judged (under `codebookVersionId` only, when given). */
  async judgedByDocument(projectId: string, coderId: string, codebookVersionId?: string): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    await this.db.judgements
      .where('projectId')
      .equals(projectId)
      .each((j) => {
        if (j.coderId !== coderId || j.valueIds.length === 0) return;
        if (codebookVersionId !== undefined && j.codebookVersionId !== codebookVersionId) return;
        const set = out.get(j.documentId);
        if (set) set.add(j.variableId);
        else out.set(j.documentId, new Set([j.variableId]));
      });
    return out;
  }

  async addSegment(segment: Segment): Promise<Segment> {
    const parsed = Segment.parse(segment);
    await this.db.segments.add(parsed);
    return parsed;
  }

  /** Add many segments in one transaction (all or none). */
  async addSegments(segments: readonly Segment[]): Promise<void> {
    const parsed = segments.map((s) => Segment.parse(s));
    await this.db.transaction('rw', this.db.segments, async () => {
      await this.db.segments.bulkAdd(parsed);
    });
  }

  /** Delete many segments and drop them from judgement evidence, in one transaction. */
  async deleteSegments(ids: readonly string[], now: number = Date.now()): Promise<void> {
    const db = this.db;
    const gone = new Set(ids);
    await db.transaction('rw', db.segments, db.judgements, async () => {
      const segments = (await db.segments.bulkGet([...ids])).filter((s): s is Segment => s !== undefined);
      const pairs = new Set(segments.map((s) => JSON.stringify([s.documentId, s.coderId])));
      for (const pair of pairs) {
        const key = JSON.parse(pair) as [string, string];
        for (const j of await db.judgements.where('[documentId+coderId]').equals(key).toArray()) {
          if (j.evidenceSegmentIds.some((e) => gone.has(e))) await db.judgements.update(j.id, { evidenceSegmentIds: j.evidenceSegmentIds.filter((e) => !gone.has(e)), updatedAt: now });
        }
      }
      await db.segments.bulkDelete([...ids]);
    });
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

  /**
   * Carry every coder's passages and judgements from one version of a document to a newer one,
   * in one transaction: each passage is re-anchored in the new text (position, then exact quote,
   * then approximate quote); a passage that cannot be found is kept, marked orphaned, with its
   * old selector. The old version keeps its own codings untouched.
   */
  async carryOver(fromDocumentId: string, to: DocumentContent, now: number = Date.now()): Promise<{ anchored: number; orphaned: number }> {
    const db = this.db;
    return db.transaction('rw', db.segments, db.judgements, async () => {
      const segments = await db.segments.where('documentId').equals(fromDocumentId).toArray();
      const judgements = await db.judgements.where('documentId').equals(fromDocumentId).toArray();
      const ids = new Map<string, string>();
      let orphaned = 0;
      const copies = segments.map((s): Segment => {
        const id = newId();
        ids.set(s.id, id);
        const result = s.orphaned ? ({ status: 'orphaned', selector: s.selector } as const) : anchorSelector(to.text, s.selector, to.pageStarts);
        if (result.status === 'orphaned') orphaned++;
        return Segment.parse({ ...s, id, documentId: to.documentId, selector: result.selector, orphaned: result.status === 'orphaned', createdAt: now, updatedAt: now });
      });
      await db.segments.bulkAdd(copies);
      await db.judgements.bulkAdd(
        judgements.map((j) =>
          Judgement.parse({ ...j, id: newId(), documentId: to.documentId, evidenceSegmentIds: j.evidenceSegmentIds.flatMap((e) => (ids.has(e) ? [ids.get(e)!] : [])), createdAt: now, updatedAt: now }),
        ),
      );
      return { anchored: copies.length - orphaned, orphaned };
    });
  }

  documentMemo(documentId: string, coderId: string): Promise<DocumentMemo | undefined> {
    return this.db.memos.where('[documentId+coderId]').equals([documentId, coderId]).first();
  }

  /** Set a coder's memo on a document (an empty text removes it). */
  async setDocumentMemo(projectId: string, documentId: string, coderId: string, text: string, now: number = Date.now()): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.memos, async () => {
      const existing = await db.memos.where('[documentId+coderId]').equals([documentId, coderId]).first();
      if (!text.trim()) {
        if (existing) await db.memos.delete(existing.id);
        return;
      }
      await db.memos.put(DocumentMemo.parse({ id: existing?.id ?? newId(), projectId, documentId, coderId, text, updatedAt: now }));
    });
  }

  async updateJudgementMemo(id: string, memo: string, now: number = Date.now()): Promise<void> {
    await this.db.judgements.update(id, { memo, updatedAt: now });
  }

  /**
   * Insert or replace the judgement for (document, coder, variable). Evidence is kept only where
   * it is a passage of the same coder in the same document (a judgement made while a linked twin
   * file is open is the agreement's, and that file's passages cannot be its evidence).
   */
  async putJudgement(judgement: Judgement): Promise<Judgement> {
    const parsed = Judgement.parse(judgement);
    const db = this.db;
    return db.transaction('rw', db.judgements, db.segments, async () => {
      if (parsed.evidenceSegmentIds.length) {
        const segments = await db.segments.bulkGet(parsed.evidenceSegmentIds);
        parsed.evidenceSegmentIds = parsed.evidenceSegmentIds.filter((_, i) => segments[i]?.documentId === parsed.documentId && segments[i]?.coderId === parsed.coderId);
      }
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
