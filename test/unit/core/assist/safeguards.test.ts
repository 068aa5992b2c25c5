// The safeguards of proposals (issue 16, "methodological safeguards"): off until the lead turns
// them on; never on a coder's reliability assignments (independence: the study's assignments,
// both halves of a double-coded agreement, and the older `urval` attribute); never for consensus;
// never over a judgement already made; only above the lead's threshold. Expected verdicts follow
// the rules as the issue states them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPOSAL_THRESHOLD, isReliabilityAssignment, mayPropose, proposalSettings, type ProposalContext } from '../../../../src/core/assist';

const base: ProposalContext = { enabled: true, coder: { kind: 'human' }, reliabilityAssignment: false, judged: new Set(['lvu']), eligible: new Set(['lvm', 'lvu']) };

describe('mayPropose', () => {
  it('shows an eligible, unjudged variable to a coder outside their reliability assignments', () => {
    expect(mayPropose(base, 'lvm')).toEqual({ show: true });
  });
  it('is off until the lead turns it on', () => {
    expect(mayPropose({ ...base, enabled: false }, 'lvm')).toEqual({ show: false, reason: 'off' });
  });
  it("never shows proposals on the coder's reliability assignment (independence)", () => {
    expect(mayPropose({ ...base, reliabilityAssignment: true }, 'lvm')).toEqual({ show: false, reason: 'reliability-assignment' });
  });
  it('never proposes to the consensus coder, over a judgement, or below the threshold', () => {
    expect(mayPropose({ ...base, coder: { kind: 'consensus' } }, 'lvm')).toEqual({ show: false, reason: 'consensus-coder' });
    expect(mayPropose(base, 'lvu')).toEqual({ show: false, reason: 'judged' });
    expect(mayPropose(base, 'polis')).toEqual({ show: false, reason: 'below-threshold' });
  });
});

describe('isReliabilityAssignment', () => {
  // d1: Anna primary, Bertil reliability (double-coded). d2: Anna primary only. d3: nobody assigned.
  const assignments = [
    { documentId: 'd1', coderId: 'anna', role: 'primary' as const },
    { documentId: 'd1', coderId: 'bertil', role: 'reliability' as const },
    { documentId: 'd2', coderId: 'anna', role: 'primary' as const },
  ];
  const ask = (coderId: string, unitId: string, sampleCoder?: string) => isReliabilityAssignment({ assignments, coderId, coderName: coderId === 'anna' ? 'Anna' : coderId === 'bertil' ? 'Bertil' : 'Cecilia', unitId, sampleCoder });
  it('covers both coders of a double-coded agreement', () => {
    expect(ask('bertil', 'd1')).toBe(true);
    // The primary coder of a double-coded agreement codes it independently too.
    expect(ask('anna', 'd1')).toBe(true);
  });
  it('leaves coders not assigned to it, and agreements that are not double-coded, free', () => {
    expect(ask('cecilia', 'd1')).toBe(false);
    expect(ask('anna', 'd2')).toBe(false);
    expect(ask('bertil', 'd3')).toBe(false);
  });
  it('still honours the older sample attribute (urval) naming the coder', () => {
    expect(ask('cecilia', 'd3', ' Cecilia ')).toBe(true);
    expect(ask('cecilia', 'd3', 'Bertil')).toBe(false);
  });
});

describe('proposalSettings', () => {
  it('is off with the default threshold until the lead sets them', () => {
    expect(proposalSettings({})).toEqual({ enabled: false, threshold: DEFAULT_PROPOSAL_THRESHOLD });
    expect(proposalSettings({ proposals: true, proposalThreshold: 0.667 })).toEqual({ enabled: true, threshold: 0.667 });
  });
});
