/** The passages the document pane paints, plus the current variable's proposal evidence (drawn as evidence, not as codings). */
import type { Variable } from '../../src/core';
import type { Proposal } from '../../src/core/assist';
import type { PaintedSegment } from '../viewer/highlights';

export function withEvidence(painted: PaintedSegment[], variable: Variable | undefined, proposal: Proposal | undefined): PaintedSegment[] {
  if (!variable || !proposal || proposal.evidence.length === 0) return painted;
  const colour = variable.values.find((v) => v.id === proposal.valueId)?.colour ?? '#888888';
  return [...painted, ...proposal.evidence.map((e, i): PaintedSegment => ({ id: `evidence-${i}`, start: e.start, end: e.end, colour, kind: 'evidence' }))];
}
