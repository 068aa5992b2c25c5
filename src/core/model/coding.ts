/**
 * Codings: highlighted passages (segments) and document-level judgements. Every coding carries
 * its coder and the codebook version it was made under. Segment selectors follow the W3C Web
 * Annotation model as the Hypothesis client uses it: a position selector plus a quote selector
 * with context, so a passage can be re-anchored when the text changes.
 */
import { z } from 'zod';
import { Id, Timestamp } from './common';

export const QUOTE_CONTEXT_LENGTH = 32;

export const TextPositionSelector = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .strict()
  .refine((p) => p.end > p.start, { message: 'a passage must end after it starts (end > start)', path: ['end'] });
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

export const TextQuoteSelector = z
  .object({
    exact: z.string().min(1, 'the quoted text must not be empty'),
    prefix: z.string().max(QUOTE_CONTEXT_LENGTH),
    suffix: z.string().max(QUOTE_CONTEXT_LENGTH),
  })
  .strict();
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

export const SegmentSelector = z
  .object({
    position: TextPositionSelector,
    quote: TextQuoteSelector,
    /** 1-based page on which the passage starts (PDF), for display. */
    page: z.number().int().positive().optional(),
  })
  .strict()
  .refine((s) => s.position.end - s.position.start === s.quote.exact.length, {
    message: 'the quote must be exactly as long as the position range',
    path: ['quote', 'exact'],
  });
export type SegmentSelector = z.infer<typeof SegmentSelector>;

export const Segment = z
  .object({
    id: Id,
    projectId: Id,
    documentId: Id,
    coderId: Id,
    codebookVersionId: Id,
    variableId: Id,
    /** The value (code) assigned. For thematic variables, a value of that variable too. */
    valueId: Id,
    selector: SegmentSelector,
    memo: z.string().default(''),
    /** Set when re-anchoring after a text change failed; the segment is kept and listed. */
    orphaned: z.boolean().default(false),
    /**
     * Set when, after a codebook migration, someone decided this coding stays under its own
     * (older) version rather than move to `targetVersionId`: it is no longer asked about.
     */
    keptBack: z.object({ targetVersionId: Id, at: Timestamp }).strict().optional(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .strict();
export type Segment = z.infer<typeof Segment>;

export const ConsensusResolution = z
  .object({
    reason: z.string().trim().min(1, 'a consensus judgement needs a reason'),
    /** The coders whose judgements were reconciled. */
    coderIds: z.array(Id).min(2, 'consensus reconciles at least two coders'),
    resolvedAt: Timestamp,
    /**
     * The reconciled coders' judgements as they were when the consensus was made: a consensus
     * whose judgements changed afterwards is re-opened (src/core/final-dataset.ts).
     */
    basis: z.array(z.object({ coderId: Id, valueIds: z.array(Id) }).strict()).optional(),
    /** The coder who was active when the consensus was made. */
    byCoderId: Id.optional(),
  })
  .strict();
export type ConsensusResolution = z.infer<typeof ConsensusResolution>;

/**
 * The document-level answer of one coder for one variable. `valueIds` is empty while the
 * variable is not yet coded; a `single` variable has at most one value.
 */
export const Judgement = z
  .object({
    id: Id,
    projectId: Id,
    documentId: Id,
    coderId: Id,
    codebookVersionId: Id,
    variableId: Id,
    valueIds: z.array(Id).refine((ids) => new Set(ids).size === ids.length, { message: 'a value may appear only once' }),
    status: z.enum(['draft', 'final']),
    /** How the value was set: explicitly, by accepting the suggestion from coded passages, or by accepting the assist model's proposal. */
    origin: z.enum(['explicit', 'suggestion', 'proposal']).default('explicit'),
    /** With origin `proposal`: the model's calibrated confidence in the accepted value. */
    proposalConfidence: z.number().min(0).max(1).optional(),
    evidenceSegmentIds: z.array(Id).default([]),
    memo: z.string().default(''),
    /** Present only on judgements of the project's consensus coder. */
    resolution: ConsensusResolution.optional(),
    /**
     * Set when, after a codebook migration, someone decided this coding stays under its own
     * (older) version rather than move to `targetVersionId`: it is no longer asked about.
     */
    keptBack: z.object({ targetVersionId: Id, at: Timestamp }).strict().optional(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .strict();
export type Judgement = z.infer<typeof Judgement>;

/** A coder's memo on a whole document (analytic notes, doubts, things to discuss). */
export const DocumentMemo = z
  .object({
    id: Id,
    projectId: Id,
    documentId: Id,
    coderId: Id,
    text: z.string().max(100_000),
    updatedAt: Timestamp,
  })
  .strict();
export type DocumentMemo = z.infer<typeof DocumentMemo>;
