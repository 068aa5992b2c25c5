/**
 * The methodological safeguards of proposals, as one pure decision the coding view asks before
 * it shows anything: proposals are off until the lead turns them on; never shown to a coder on a
 * document of their reliability assignments (a double-coded agreement the coder is assigned to,
 * as primary or reliability coder, or whose sample attribute names them), so both codings stay
 * independent; never for the consensus coder (consensus is reached between coders, not
 * proposed); never for a variable the coder already judged (a proposal never changes a
 * judgement); and only for variables whose cross-validated agreement reached the lead's
 * threshold. Nothing here writes: accepting a proposal is the coder's own action.
 */
import type { ProjectSettings } from '../model/project';

/** The threshold when the lead has not set one: Krippendorff's α ≥ .800 ("reliable"). */
export const DEFAULT_PROPOSAL_THRESHOLD = 0.8;

/** The lead's proposal settings as they apply (absent = off, the default threshold). */
export function proposalSettings(settings: Pick<ProjectSettings, 'proposals' | 'proposalThreshold'>): { enabled: boolean; threshold: number } {
  return { enabled: settings.proposals ?? false, threshold: settings.proposalThreshold ?? DEFAULT_PROPOSAL_THRESHOLD };
}

export interface AssignmentRef {
  documentId: string;
  coderId: string;
  role: 'primary' | 'reliability';
}

/**
 * Whether the document (the agreement's own file, `unitId`) is one of the coder's reliability
 * assignments: it is double-coded (it has a reliability assignment) and the coder is assigned to
 * it in either role — or, for projects from before assignments, its sample attribute (`urval`)
 * names the coder.
 */
export function isReliabilityAssignment(input: { assignments: readonly AssignmentRef[]; coderId: string; coderName: string; unitId: string; sampleCoder?: string | null }): boolean {
  const own = input.assignments.filter((a) => a.documentId === input.unitId);
  if (own.some((a) => a.role === 'reliability') && own.some((a) => a.coderId === input.coderId)) return true;
  const named = (input.sampleCoder ?? '').trim();
  return named !== '' && named === input.coderName.trim();
}

export interface ProposalContext {
  /** The lead's switch (project setting). */
  enabled: boolean;
  /** The active coder. */
  coder: { kind: 'human' | 'consensus' };
  /** The open document is one of the coder's reliability assignments (`isReliabilityAssignment`). */
  reliabilityAssignment: boolean;
  /** Variables the coder has already judged on this document. */
  judged: ReadonlySet<string>;
  /** Variables at or above the lead's threshold (`variablesAboveThreshold`). */
  eligible: ReadonlySet<string>;
}

export type ProposalVerdict = { show: true } | { show: false; reason: 'off' | 'consensus-coder' | 'reliability-assignment' | 'judged' | 'below-threshold' };

export function mayPropose(context: ProposalContext, variableId: string): ProposalVerdict {
  if (!context.enabled) return { show: false, reason: 'off' };
  if (context.coder.kind === 'consensus') return { show: false, reason: 'consensus-coder' };
  if (context.reliabilityAssignment) return { show: false, reason: 'reliability-assignment' };
  if (context.judged.has(variableId)) return { show: false, reason: 'judged' };
  if (!context.eligible.has(variableId)) return { show: false, reason: 'below-threshold' };
  return { show: true };
}

/** The lead's recorded changes of the proposals (switch and threshold), as against blinding's. */
export const isProposalEvent = (event: { scope: string }): boolean => event.scope === 'proposals' || event.scope === 'proposal-threshold';
