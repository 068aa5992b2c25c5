/**
 * The study's workflow records: who codes which document (assignments), how the reliability
 * sample was drawn, the history of every consensus decision, and the blinding changes the
 * project lead made. All are additive records next to the codings; none of them changes a
 * coder's own judgements.
 */
import { z } from 'zod';
import { Id, Timestamp } from './common';

/** A document's primary coder codes it for the study; reliability coders re-code it independently. */
export const AssignmentRole = z.enum(['primary', 'reliability']);
export type AssignmentRole = z.infer<typeof AssignmentRole>;

export const Assignment = z
  .object({
    id: Id,
    projectId: Id,
    documentId: Id,
    coderId: Id,
    role: AssignmentRole,
    /** The reliability sample the assignment came from, if any. */
    sampleId: Id.optional(),
    createdAt: Timestamp,
  })
  .strict();
export type Assignment = z.infer<typeof Assignment>;

/** How a reliability sample was drawn (src/core/sampling.ts), so the report can say it. */
export const ReliabilitySample = z
  .object({
    id: Id,
    projectId: Id,
    coderId: Id,
    mode: z.enum(['n', 'percent']),
    amount: z.number().nonnegative(),
    /** The attribute the sample was stratified by (absent: not stratified). */
    stratum: z.string().max(64).optional(),
    seed: z.number().int(),
    /** Agreements the sample was drawn from. */
    population: z.number().int().nonnegative(),
    documentIds: z.array(Id),
    drawnAt: Timestamp,
  })
  .strict();
export type ReliabilitySample = z.infer<typeof ReliabilitySample>;

/**
 * One step in the history of a consensus decision on (document, variable): set, changed,
 * withdrawn, or re-opened because a coder's judgement changed after it was made.
 */
export const ConsensusEvent = z
  .object({
    id: Id,
    projectId: Id,
    documentId: Id,
    variableId: Id,
    action: z.enum(['set', 'changed', 'withdrawn', 'reopened']),
    /** The consensus values after the step (empty when withdrawn or re-opened). */
    valueIds: z.array(Id),
    previousValueIds: z.array(Id).default([]),
    reason: z.string().max(10_000).default(''),
    /** The coder who was active in the window that made the decision. */
    byCoderId: Id.optional(),
    /** The coders whose judgements were reconciled. */
    coderIds: z.array(Id).default([]),
    at: Timestamp,
  })
  .strict();
export type ConsensusEvent = z.infer<typeof ConsensusEvent>;

/**
 * A change of the lead's settings (an explicit, recorded action): blinding, and the proposals of
 * the assist model (`proposals`: on/off; `proposal-threshold`: the threshold as a number).
 */
export const BlindingEvent = z
  .object({
    id: Id,
    projectId: Id,
    byCoderId: Id,
    at: Timestamp,
    /** What changed: the coding stage's blinding, the review stage's, the current stage, one coder's override, or the proposals' switch or threshold. */
    scope: z.enum(['coding', 'review', 'stage', 'coder', 'proposals', 'proposal-threshold']),
    coderId: Id.optional(),
    from: z.string().max(20),
    to: z.string().max(20),
  })
  .strict();
export type BlindingEvent = z.infer<typeof BlindingEvent>;
