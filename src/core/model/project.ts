/** Projects and coders. Every stored record belongs to exactly one project. */
import { z } from 'zod';
import { Id, Timestamp } from './common';

export const ProjectSettings = z
  .object({
    /** While a coder codes (stage "coding"), other coders' codings are hidden (the lead can switch it off). */
    blindCoding: z.boolean().default(true),
    /** The project lead: the only coder who may change blinding (default: the first human coder). */
    leadCoderId: Id.optional(),
    /** The study's stage: independent coding, or the consensus review (set by the lead; absent = coding). */
    stage: z.enum(['coding', 'review']).optional(),
    /** Whether coding stays blind in the review stage (absent = no). */
    blindInReview: z.boolean().optional(),
    /** Per-coder blinding set by the lead; absent = the stage's setting. */
    blindCoders: z.record(Id, z.boolean()).optional(),
    /** Proposals from the assist model (issue 16): off unless the lead turned them on (absent = off). */
    proposals: z.boolean().optional(),
    /** The lead's threshold: a variable is proposed only when the model's cross-validated α with every coder reaches it (absent = 0.8). */
    proposalThreshold: z.number().min(0).max(1).optional(),
    /** The codebook the project codes with. */
    codebookId: Id.optional(),
  })
  .strict();
export type ProjectSettings = z.infer<typeof ProjectSettings>;

export const Project = z
  .object({
    id: Id,
    name: z.string().trim().min(1, 'project name must not be empty').max(200),
    description: z.string().max(10_000).default(''),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    settings: ProjectSettings,
  })
  .strict();
export type Project = z.infer<typeof Project>;

/**
 * A coder. Each project has exactly one reserved coder of kind `consensus`: consensus
 * judgements are stored as that coder's judgements, so results can use it like any coder.
 */
export const Coder = z
  .object({
    id: Id,
    projectId: Id,
    name: z.string().trim().min(1, 'coder name must not be empty').max(100),
    kind: z.enum(['human', 'consensus']),
    createdAt: Timestamp,
  })
  .strict();
export type Coder = z.infer<typeof Coder>;
