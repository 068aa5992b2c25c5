// The safeguards of proposals (issue 16, "methodological safeguards"): off until the lead turns
// them on; never on a coder's own reliability assignment (independence); never for consensus;
// never over a judgement already made; only above the lead's threshold.
import { describe, expect, it } from 'vitest';
import { mayPropose, type ProposalContext } from '../../../../src/core/assist';

const base: ProposalContext = { enabled: true, coder: { name: 'Bertil', kind: 'human' }, sampleCoder: null, judged: new Set(['lvu']), eligible: new Set(['lvm', 'lvu']) };

describe('mayPropose', () => {
  it('shows an eligible, unjudged variable to a coder outside their reliability assignment', () => {
    expect(mayPropose(base, 'lvm')).toEqual({ show: true });
    // Assigned to another coder: this coder may see proposals.
    expect(mayPropose({ ...base, sampleCoder: 'Anna' }, 'lvm')).toEqual({ show: true });
  });
  it('is off until the lead turns it on', () => {
    expect(mayPropose({ ...base, enabled: false }, 'lvm')).toEqual({ show: false, reason: 'off' });
  });
  it('never shows proposals on the coder\'s own reliability assignment (independence)', () => {
    expect(mayPropose({ ...base, sampleCoder: 'Bertil' }, 'lvm')).toEqual({ show: false, reason: 'reliability-assignment' });
    expect(mayPropose({ ...base, sampleCoder: ' Bertil ' }, 'lvm')).toEqual({ show: false, reason: 'reliability-assignment' });
  });
  it('never proposes to the consensus coder, over a judgement, or below the threshold', () => {
    expect(mayPropose({ ...base, coder: { name: 'Konsensus', kind: 'consensus' } }, 'lvm')).toEqual({ show: false, reason: 'consensus-coder' });
    expect(mayPropose(base, 'lvu')).toEqual({ show: false, reason: 'judged' });
    expect(mayPropose(base, 'polis')).toEqual({ show: false, reason: 'below-threshold' });
  });
});
