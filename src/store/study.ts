/**
 * The study's workflow in the store: assignments, reliability samples, consensus decisions with
 * their history, blinding changes by the lead, and deleting a coder safely. Every write that
 * belongs together is one transaction. Nothing here writes a human coder's own judgements.
 */
import {
  Assignment,
  BlindingEvent,
  ConsensusEvent,
  Judgement,
  OverensError,
  ProjectSettings,
  ReliabilitySample,
  newId,
  type AssignmentRole,
  type CodebookVersion,
} from '../core';
import { leadOf } from '../core/blinding';
import { proposalSettings } from '../core/assist/safeguards';
import { composeFinalDataset, reopenedBy } from '../core/final-dataset';
import { unitOf } from '../core/units';
import type { OverensDb } from './db';

/** The attribute the sample card writes on each sampled document (the coder's name), kept for exports and coder packages. */
export const SAMPLE_ATTRIBUTE = 'urval';

export type BlindingChange =
  | { scope: 'coding' | 'review'; blind: boolean }
  | { scope: 'stage'; stage: 'coding' | 'review' }
  | { scope: 'coder'; coderId: string; blind: boolean | null };

export interface ConsensusInput {
  projectId: string;
  documentId: string;
  variableId: string;
  codebookVersionId: string;
  valueIds: string[];
  reason: string;
  /** The human coders whose judgements are reconciled. */
  coderIds: string[];
  /** The coder active in the window. */
  byCoderId?: string;
}

export interface CoderDeletionPlan {
  coderName: string;
  judgements: number;
  segments: number;
  memos: number;
  assignments: number;
  /** Cells of the final dataset this coder's judgements feed (as the only coder, one of the agreeing coders, or reconciled by a consensus). */
  feedsFinal: number;
  /** Agreements those cells are on. */
  feedsUnits: number;
}

const fail = (code: string, sv: string, en: string) => new OverensError(code, { sv, en });

/** Inside a transaction over projects and coders: the project, if `byCoderId` is its lead (else `refuse(lead's name)` is thrown). */
async function leadsProject(db: OverensDb, projectId: string, byCoderId: string, refuse: (leadName: string) => OverensError) {
  const project = await db.projects.get(projectId);
  if (!project) throw fail('project-not-found', 'Projektet finns inte.', 'The project does not exist.');
  const coders = await db.coders.where('projectId').equals(projectId).toArray();
  const lead = leadOf(project.settings, coders);
  if (byCoderId !== lead) throw refuse(coders.find((c) => c.id === lead)?.name ?? '—');
  return { project, lead, coders };
}

export class StudyRepository {
  constructor(private readonly db: OverensDb) {}

  assignments(projectId: string): Promise<Assignment[]> {
    return this.db.assignments.where('projectId').equals(projectId).toArray();
  }

  samples(projectId: string): Promise<ReliabilitySample[]> {
    return this.db.samples.where('projectId').equals(projectId).sortBy('drawnAt');
  }

  consensusHistory(projectId: string): Promise<ConsensusEvent[]> {
    return this.db.consensusEvents.where('projectId').equals(projectId).sortBy('at');
  }

  blindingEvents(projectId: string): Promise<BlindingEvent[]> {
    return this.db.blindingEvents.where('projectId').equals(projectId).sortBy('at');
  }

  /**
   * Assign documents to a coder. A primary assignment replaces the document's earlier primary
   * coder; a coder has one role per document (the new one replaces the old). Returns how many
   * assignments were written.
   */
  async assign(projectId: string, documentIds: readonly string[], coderId: string, role: AssignmentRole, options: { sampleId?: string; now?: number } = {}): Promise<number> {
    const db = this.db;
    const now = options.now ?? Date.now();
    return db.transaction('rw', [db.coders, db.documents, db.assignments], async () => {
      const coder = await db.coders.get(coderId);
      if (!coder || coder.projectId !== projectId || coder.kind !== 'human') throw fail('coder-not-found', 'Kodaren finns inte i projektet.', 'The coder is not in this project.');
      const docs = (await db.documents.bulkGet([...documentIds])).filter((d) => d?.projectId === projectId);
      if (docs.length !== new Set(documentIds).size) throw fail('document-not-found', 'Ett av dokumenten finns inte längre; inget tilldelades.', 'One of the documents no longer exists; nothing was assigned.');
      // Twins are one agreement: assignments are made on the agreement's own file.
      const all = await db.documents.where('projectId').equals(projectId).toArray();
      const unit = unitOf(all);
      const units = [...new Set(documentIds.map((id) => unit.get(id) ?? id))];
      let written = 0;
      for (const documentId of units) {
        if (role === 'primary') {
          for (const a of await db.assignments.where('documentId').equals(documentId).toArray()) if (a.role === 'primary' && a.coderId !== coderId) await db.assignments.delete(a.id);
        }
        const existing = await db.assignments.where('[documentId+coderId]').equals([documentId, coderId]).first();
        if (existing?.role === role && existing.sampleId === options.sampleId) continue;
        await db.assignments.put(Assignment.parse({ id: existing?.id ?? newId(), projectId, documentId, coderId, role, sampleId: options.sampleId, createdAt: now }));
        written++;
      }
      return written;
    });
  }

  async unassign(projectId: string, documentIds: readonly string[], coderId: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.assignments, async () => {
      for (const documentId of documentIds) {
        const a = await db.assignments.where('[documentId+coderId]').equals([documentId, coderId]).first();
        if (a?.projectId === projectId) await db.assignments.delete(a.id);
      }
    });
  }

  /**
   * A drawn reliability sample assigned to a coder: the sample's record (size, strata, seed), a
   * reliability assignment per document, and the `urval` attribute, in one transaction.
   */
  async assignSample(sample: Omit<ReliabilitySample, 'id' | 'drawnAt'>, now: number = Date.now()): Promise<ReliabilitySample> {
    const db = this.db;
    const record = ReliabilitySample.parse({ ...sample, id: newId(), drawnAt: now });
    await db.transaction('rw', [db.coders, db.documents, db.assignments, db.samples], async () => {
      const coder = await db.coders.get(record.coderId);
      if (!coder || coder.projectId !== record.projectId) throw fail('coder-not-found', 'Kodaren finns inte i projektet.', 'The coder is not in this project.');
      await db.samples.add(record);
      await this.assign(record.projectId, record.documentIds, record.coderId, 'reliability', { sampleId: record.id, now });
      for (const id of record.documentIds) {
        const d = await db.documents.get(id);
        if (d) await db.documents.update(id, { attributes: { ...d.attributes, [SAMPLE_ATTRIBUTE]: coder.name } });
      }
    });
    return record;
  }

  /**
   * Set or change the consensus on (document, variable): the consensus coder's judgement with the
   * reconciled judgements as its basis, and a history event — plus a "reopened" event first when
   * the consensus it replaces had been re-opened by a changed judgement.
   */
  async setConsensus(input: ConsensusInput, now: number = Date.now()): Promise<void> {
    const reason = input.reason.trim();
    if (!reason) throw fail('consensus-reason', 'En konsensusbedömning behöver en motivering.', 'A consensus judgement needs a reason.');
    if (input.valueIds.length === 0) throw fail('consensus-value', 'Välj konsensusvärdet.', 'Choose the consensus value.');
    const db = this.db;
    await db.transaction('rw', [db.coders, db.judgements, db.consensusEvents], async () => {
      const consensus = (await db.coders.where('projectId').equals(input.projectId).toArray()).find((c) => c.kind === 'consensus');
      if (!consensus) throw fail('coder-not-found', 'Projektet saknar sin konsensuskodare.', 'The project has no consensus coder.');
      const current = await this.currentJudgements(input.documentId, input.variableId, input.coderIds);
      const existing = await db.judgements.where('[documentId+coderId+variableId]').equals([input.documentId, consensus.id, input.variableId]).first();
      if (existing?.resolution) await this.recordReopened(existing, input.projectId, now);
      const basis = input.coderIds.map((coderId) => ({ coderId, valueIds: current.get(coderId)?.valueIds ?? [] }));
      const row = Judgement.parse({
        id: existing?.id ?? newId(),
        projectId: input.projectId,
        documentId: input.documentId,
        coderId: consensus.id,
        codebookVersionId: input.codebookVersionId,
        variableId: input.variableId,
        valueIds: input.valueIds,
        status: 'final',
        origin: 'explicit',
        evidenceSegmentIds: [],
        memo: existing?.memo ?? '',
        resolution: { reason, coderIds: input.coderIds, resolvedAt: now, basis, byCoderId: input.byCoderId },
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      await db.judgements.put(row);
      await this.addEvent(input, { action: existing?.resolution ? 'changed' : 'set', valueIds: row.valueIds, previousValueIds: existing?.valueIds ?? [], reason, byCoderId: input.byCoderId, coderIds: input.coderIds, at: now });
    });
  }

  /** Withdraw the consensus on (document, variable): its judgement goes, the history keeps why. */
  async withdrawConsensus(input: { projectId: string; documentId: string; variableId: string; reason: string; byCoderId?: string }, now: number = Date.now()): Promise<void> {
    const reason = input.reason.trim();
    if (!reason) throw fail('consensus-reason', 'Ange varför konsensus dras tillbaka.', 'Say why the consensus is withdrawn.');
    const db = this.db;
    await db.transaction('rw', [db.coders, db.judgements, db.consensusEvents], async () => {
      const consensus = (await db.coders.where('projectId').equals(input.projectId).toArray()).find((c) => c.kind === 'consensus');
      const existing = consensus && (await db.judgements.where('[documentId+coderId+variableId]').equals([input.documentId, consensus.id, input.variableId]).first());
      if (!existing?.resolution) throw fail('consensus-not-found', 'Det finns ingen konsensus att dra tillbaka.', 'There is no consensus to withdraw.');
      await this.recordReopened(existing, input.projectId, now);
      await db.judgements.delete(existing.id);
      await this.addEvent(input, { action: 'withdrawn', valueIds: [], previousValueIds: existing.valueIds, reason, byCoderId: input.byCoderId, coderIds: existing.resolution.coderIds, at: now });
    });
  }

  private async addEvent(cell: { projectId: string; documentId: string; variableId: string }, event: Omit<ConsensusEvent, 'id' | 'projectId' | 'documentId' | 'variableId'>): Promise<void> {
    await this.db.consensusEvents.add(ConsensusEvent.parse({ id: newId(), projectId: cell.projectId, documentId: cell.documentId, variableId: cell.variableId, ...event }));
  }

  private async currentJudgements(documentId: string, variableId: string, coderIds: readonly string[]) {
    const current = new Map<string, { valueIds: readonly string[]; updatedAt: number }>();
    for (const coderId of coderIds) {
      const own = await this.db.judgements.where('[documentId+coderId+variableId]').equals([documentId, coderId, variableId]).first();
      if (own && own.valueIds.length > 0) current.set(coderId, { valueIds: own.valueIds, updatedAt: own.updatedAt });
    }
    return current;
  }

  /** Before a consensus is replaced or withdrawn: if a changed judgement had re-opened it, say so in the history. */
  private async recordReopened(existing: Judgement, projectId: string, now: number): Promise<void> {
    const resolution = existing.resolution!;
    const humans = (await this.db.coders.where('projectId').equals(projectId).toArray()).filter((c) => c.kind === 'human').map((c) => c.id);
    const current = await this.currentJudgements(existing.documentId, existing.variableId, humans);
    const reopened = reopenedBy(resolution, existing.valueIds, current);
    if (!reopened) return;
    const at = Math.min(now, Math.max(...reopened.changes.map((c) => current.get(c.coderId)?.updatedAt ?? now)));
    await this.addEvent(
      { projectId, documentId: existing.documentId, variableId: existing.variableId },
      {
        action: 'reopened',
        valueIds: [],
        previousValueIds: existing.valueIds,
        reason: reopened.changes.map((c) => `${c.coderId}: ${c.from.join('+') || '∅'} → ${c.to.join('+') || '∅'}`).join('; '),
        coderIds: reopened.changes.map((c) => c.coderId),
        at,
      },
    );
  }

  /** Change blinding: only the project's lead may, and every change is a recorded event. */
  async setBlinding(projectId: string, byCoderId: string, change: BlindingChange, now: number = Date.now()): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.projects, db.coders, db.blindingEvents], async () => {
      const { project, lead, coders } = await leadsProject(db, projectId, byCoderId, (name) =>
        fail('blinding-not-lead', `Bara projektledaren (${name}) kan ändra blindningen.`, `Only the project lead (${name}) can change blinding.`),
      );
      const s = project.settings;
      const settings: ProjectSettings = { ...s, leadCoderId: lead };
      let from: string;
      let to: string;
      if (change.scope === 'coder') {
        const coderId = change.coderId;
        if (!coders.some((c) => c.id === coderId && c.kind === 'human')) throw fail('coder-not-found', 'Kodaren finns inte i projektet.', 'The coder is not in this project.');
        const own = { ...(s.blindCoders ?? {}) };
        from = own[coderId] === undefined ? 'stage' : flag(own[coderId]);
        if (change.blind === null) delete own[coderId];
        else own[coderId] = change.blind;
        to = change.blind === null ? 'stage' : flag(change.blind);
        settings.blindCoders = own;
      } else if (change.scope === 'stage') {
        from = s.stage ?? 'coding';
        to = change.stage;
        settings.stage = change.stage;
      } else if (change.scope === 'coding') {
        from = flag(s.blindCoding);
        to = flag(change.blind);
        settings.blindCoding = change.blind;
      } else {
        from = flag(s.blindInReview ?? false);
        to = flag(change.blind);
        settings.blindInReview = change.blind;
      }
      if (from === to) return;
      await db.projects.update(projectId, { settings: ProjectSettings.parse(settings), updatedAt: now });
      await db.blindingEvents.add(BlindingEvent.parse({ id: newId(), projectId, byCoderId, at: now, scope: change.scope, coderId: change.scope === 'coder' ? change.coderId : undefined, from, to }));
    });
  }

  /**
   * Turn the assist model's proposals on or off, or set the threshold below which a variable is
   * not proposed: only the project's lead may, and every change is a recorded event (as blinding).
   */
  async setProposals(projectId: string, byCoderId: string, change: { enabled: boolean } | { threshold: number }, now: number = Date.now()): Promise<void> {
    if ('threshold' in change && !(Number.isFinite(change.threshold) && change.threshold >= 0 && change.threshold <= 1)) {
      throw fail('proposal-threshold', `Tröskeln måste vara ett tal mellan 0 och 1 (inte ${String(change.threshold)}).`, `The threshold must be a number between 0 and 1 (not ${String(change.threshold)}).`);
    }
    const db = this.db;
    await db.transaction('rw', [db.projects, db.coders, db.blindingEvents], async () => {
      const { project, lead } = await leadsProject(db, projectId, byCoderId, (name) =>
        fail('proposals-not-lead', `Bara projektledaren (${name}) kan ändra förslagen.`, `Only the project lead (${name}) can change the proposals.`),
      );
      const current = proposalSettings(project.settings);
      const settings: ProjectSettings = { ...project.settings, leadCoderId: lead };
      let scope: 'proposals' | 'proposal-threshold';
      let from: string;
      let to: string;
      if ('enabled' in change) {
        [scope, from, to] = ['proposals', current.enabled ? 'on' : 'off', change.enabled ? 'on' : 'off'];
        settings.proposals = change.enabled;
      } else {
        [scope, from, to] = ['proposal-threshold', String(current.threshold), String(change.threshold)];
        settings.proposalThreshold = change.threshold;
      }
      if (from === to) return;
      await db.projects.update(projectId, { settings: ProjectSettings.parse(settings), updatedAt: now });
      await db.blindingEvents.add(BlindingEvent.parse({ id: newId(), projectId, byCoderId, at: now, scope, from, to }));
    });
  }

  /** What deleting a coder would remove, and how much of the final dataset rests on their judgements. */
  async coderDeletionPlan(projectId: string, coderId: string, version: CodebookVersion | undefined): Promise<CoderDeletionPlan> {
    const db = this.db;
    return db.transaction('r', [db.coders, db.documents, db.judgements, db.segments, db.memos, db.assignments], async () => {
      const coder = await db.coders.get(coderId);
      if (!coder || coder.projectId !== projectId) throw fail('coder-not-found', 'Kodaren finns inte i projektet.', 'The coder is not in this project.');
      const coders = await db.coders.where('projectId').equals(projectId).toArray();
      const judgements = await db.judgements.where('projectId').equals(projectId).toArray();
      const own = judgements.filter((j) => j.coderId === coderId && j.valueIds.length > 0);
      let feedsFinal = 0;
      const units = new Set<string>();
      if (version && own.length) {
        const documents = await db.documents.where('projectId').equals(projectId).toArray();
        const final = composeFinalDataset({ content: version.content, documents, coders, judgements, codebookVersionId: version.id });
        for (const cell of final.cells) {
          if (cell.provenance === 'unresolved' || cell.provenance === 'derived' || cell.provenance === 'unjudged') continue;
          if (cell.coders.some((c) => c.coderId === coderId)) {
            feedsFinal++;
            units.add(cell.unit);
          }
        }
      }
      return {
        coderName: coder.name,
        judgements: own.length,
        segments: await db.segments.where('projectId').equals(projectId).filter((s) => s.coderId === coderId).count(),
        memos: await db.memos.where('projectId').equals(projectId).filter((m) => m.coderId === coderId).count(),
        assignments: await db.assignments.where('coderId').equals(coderId).count(),
        feedsFinal,
        feedsUnits: units.size,
      };
    });
  }

  /**
   * Delete a human coder with their passages, judgements and memos — refused while any of their
   * judgements feed the final dataset (the counts say how many). Their assignments go to
   * `reassignTo`, or are removed when none is given. One transaction.
   */
  async deleteCoder(projectId: string, coderId: string, options: { version: CodebookVersion | undefined; reassignTo?: string }): Promise<void> {
    const db = this.db;
    const plan = await this.coderDeletionPlan(projectId, coderId, options.version);
    if (plan.feedsFinal > 0) {
      throw fail(
        'coder-feeds-final',
        `Kodaren ${plan.coderName} kan inte tas bort: ${plan.feedsFinal} värden i det slutliga datamaterialet (i ${plan.feedsUnits} överenskommelser) bygger på hens ${plan.judgements} bedömningar.`,
        `The coder ${plan.coderName} cannot be deleted: ${plan.feedsFinal} values of the final dataset (in ${plan.feedsUnits} agreements) rest on their ${plan.judgements} judgements.`,
      );
    }
    await db.transaction('rw', [db.projects, db.coders, db.judgements, db.segments, db.memos, db.assignments], async () => {
      const coder = await db.coders.get(coderId);
      if (!coder || coder.kind !== 'human') throw fail('coder-not-found', 'Kodaren finns inte i projektet.', 'The coder is not in this project.');
      const project = await db.projects.get(projectId);
      const coders = await db.coders.where('projectId').equals(projectId).toArray();
      if (project && leadOf(project.settings, coders) === coderId) throw fail('coder-is-lead', `${coder.name} är projektledare och kan inte tas bort.`, `${coder.name} is the project lead and cannot be deleted.`);
      const target = options.reassignTo ? coders.find((c) => c.id === options.reassignTo && c.kind === 'human' && c.id !== coderId) : undefined;
      if (options.reassignTo && !target) throw fail('coder-not-found', 'Kodaren som uppdragen skulle flyttas till finns inte.', 'The coder to reassign the assignments to does not exist.');
      for (const a of await db.assignments.where('coderId').equals(coderId).toArray()) {
        await db.assignments.delete(a.id);
        if (target && !(await db.assignments.where('[documentId+coderId]').equals([a.documentId, target.id]).first())) await db.assignments.add({ ...a, id: newId(), coderId: target.id });
      }
      await db.segments.where('projectId').equals(projectId).filter((s) => s.coderId === coderId).delete();
      await db.judgements.where('projectId').equals(projectId).filter((j) => j.coderId === coderId).delete();
      await db.memos.where('projectId').equals(projectId).filter((m) => m.coderId === coderId).delete();
      await db.coders.delete(coderId);
    });
  }
}

const flag = (blind: boolean) => (blind ? 'blind' : 'open');
