/**
 * The report's paragraph on the assist model's proposals: whether the lead turned them on (and
 * when, from the recorded events), the threshold and the safeguards, and how many of the coders'
 * judgements were accepted from proposals. Nothing is said when proposals were never turned on
 * and none was accepted.
 */
import type { BlindingEvent, Coder, Judgement, Language, Project } from '../../src/core';
import { isProposalEvent, proposalSettings } from '../../src/core/assist/safeguards';
import { leadOf } from '../../src/core/blinding';
import { formatCoefficient, formatNumber } from '../../src/core/number-format';
import type { Translate } from '../i18n';

/** Judgements of human coders, with a value, accepted from a proposal (under the given codebook version). */
export function acceptedProposals(judgements: readonly Judgement[], coders: readonly Coder[], codebookVersionId: string): number {
  const humans = new Set(coders.filter((c) => c.kind === 'human').map((c) => c.id));
  return judgements.filter((j) => j.origin === 'proposal' && j.valueIds.length > 0 && humans.has(j.coderId) && j.codebookVersionId === codebookVersionId).length;
}

export function proposalsText(input: { project: Project; coders: readonly Coder[]; blindingEvents: readonly BlindingEvent[]; judgements: readonly Judgement[]; codebookVersionId: string; lang: Language; t: Translate }): string | null {
  const { t, lang } = input;
  const events = input.blindingEvents.filter(isProposalEvent);
  const count = acceptedProposals(input.judgements, input.coders, input.codebookVersionId);
  const settings = proposalSettings(input.project.settings);
  if (!settings.enabled && count === 0 && !events.some((e) => e.scope === 'proposals')) return null;
  const lead = input.coders.find((c) => c.id === leadOf(input.project.settings, input.coders))?.name ?? '—';
  const on = [...events].reverse().find((e) => e.scope === 'proposals' && e.to === 'on');
  const params = { lead, date: on ? new Date(on.at).toISOString().slice(0, 10) : '—', threshold: formatCoefficient(settings.threshold, lang), count: formatNumber(count, lang) };
  return t(settings.enabled ? 'report.proposalsOn' : 'report.proposalsOff', params);
}
