/**
 * The methodological safeguards of proposals, as one pure decision the coding view asks before
 * it shows anything: proposals are off until the lead turns them on; never shown to a coder on a
 * document of their reliability assignment (the document's sample attribute names them), so the
 * second coding stays independent; never for the consensus coder (consensus is reached between
 * coders, not proposed); never for a variable the coder already judged (a proposal never changes
 * a judgement); and only for variables whose cross-validated agreement reached the lead's
 * threshold. Nothing here writes: accepting a proposal is the coder's own action.
 */

export interface ProposalContext {
  /** The lead's switch (project setting). */
  enabled: boolean;
  /** The active coder. */
  coder: { name: string; kind: 'human' | 'consensus' };
  /** The document's reliability-sample attribute (`urval`): the name of the coder assigned to re-code it, if any. */
  sampleCoder?: string | null;
  /** Variables the coder has already judged on this document. */
  judged: ReadonlySet<string>;
  /** Variables at or above the lead's threshold (`variablesAboveThreshold`). */
  eligible: ReadonlySet<string>;
}

export type ProposalVerdict = { show: true } | { show: false; reason: 'off' | 'consensus-coder' | 'reliability-assignment' | 'judged' | 'below-threshold' };

export function mayPropose(context: ProposalContext, variableId: string): ProposalVerdict {
  if (!context.enabled) return { show: false, reason: 'off' };
  if (context.coder.kind === 'consensus') return { show: false, reason: 'consensus-coder' };
  if ((context.sampleCoder ?? '').trim() !== '' && context.sampleCoder!.trim() === context.coder.name.trim()) return { show: false, reason: 'reliability-assignment' };
  if (context.judged.has(variableId)) return { show: false, reason: 'judged' };
  if (!context.eligible.has(variableId)) return { show: false, reason: 'below-threshold' };
  return { show: true };
}
