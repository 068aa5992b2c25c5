// The final dataset's composition rules, one hand-made case per provenance. Every expected value
// is worked out by hand from the rules in src/core/final-dataset.ts (and the issue that asked for
// them): consensus in force › all coders agree › one coder › unresolved; derived variables on the
// final values; a consensus whose judgements changed is re-opened, never kept silently.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../src/core/codebook';
import { composeFinalDataset, reopenedBy, type FinalJudgement } from '../../../src/core/final-dataset';
import { unitOf } from '../../../src/core/units';

const oj = getTemplate('oppna-jamforelser-2019')!.content;
const C = ['gemensamma_mal', 'resurs_ansvar', 'rutiner_samarbete', 'uppfoljning_senaste_aret'].map((k) => `oj19.${k}`);
const IND = 'oj19.aktuell_overenskommelse';
const coders = [
  { id: 'A', kind: 'human' as const },
  { id: 'B', kind: 'human' as const },
  { id: 'K', kind: 'consensus' as const },
];
const j = (documentId: string, coderId: string, variable: string, value: string | null, extra: Partial<FinalJudgement> = {}): FinalJudgement => ({
  documentId,
  coderId,
  variableId: variable,
  valueIds: value === null ? [] : [`${variable}.${value}`],
  codebookVersionId: 'v1',
  updatedAt: 10,
  ...extra,
});
const consensus = (documentId: string, variable: string, value: string, basis: { coderId: string; value: string }[], resolvedAt = 20): FinalJudgement =>
  j(documentId, 'K', variable, value, {
    updatedAt: resolvedAt,
    resolution: { reason: 'Texten säger det.', coderIds: basis.map((b) => b.coderId), resolvedAt, basis: basis.map((b) => ({ coderId: b.coderId, valueIds: [`${variable}.${b.value}`] })) },
  });

describe('final dataset', () => {
  const documents = [{ id: 'd1' }, { id: 'd2' }, { id: 'd3' }];

  it('gives every cell one provenance: consensus, agreed, single coder, unresolved, unjudged', () => {
    const [c1, c2, c3, c4] = C as [string, string, string, string];
    const judgements = [
      // d1: c1 A=Ja B=Nej, consensus Ja → consensus. c2 A=Ja B=Ja → agreed. c3 A only → single. c4 nobody → unjudged.
      j('d1', 'A', c1, 'ja'), j('d1', 'B', c1, 'nej'), consensus('d1', c1, 'ja', [{ coderId: 'A', value: 'ja' }, { coderId: 'B', value: 'nej' }]),
      j('d1', 'A', c2, 'ja'), j('d1', 'B', c2, 'ja'),
      j('d1', 'B', c3, 'nej'),
      // d2: c1 A=Ja B=Nej without consensus → unresolved (no value, never a silent pick).
      j('d2', 'A', c1, 'ja'), j('d2', 'B', c1, 'nej'),
      // An empty judgement is not a judgement.
      j('d2', 'A', c2, null),
    ];
    const final = composeFinalDataset({ content: oj, documents, coders, judgements });
    const cell = (d: string, v: string) => final.byUnit.get(d)!.get(v)!;
    expect([cell('d1', c1).provenance, cell('d1', c1).valueIds]).toEqual(['consensus', [`${c1}.ja`]]);
    expect(cell('d1', c1).consensus?.reason).toBe('Texten säger det.');
    expect([cell('d1', c2).provenance, cell('d1', c2).valueIds]).toEqual(['agreed', [`${c2}.ja`]]);
    expect([cell('d1', c3).provenance, cell('d1', c3).valueIds]).toEqual(['single', [`${c3}.nej`]]);
    expect([cell('d1', c4).provenance, cell('d1', c4).valueIds]).toEqual(['unjudged', []]);
    expect([cell('d2', c1).provenance, cell('d2', c1).valueIds]).toEqual(['unresolved', []]);
    expect(cell('d2', c1).coders).toEqual([{ coderId: 'A', valueIds: [`${c1}.ja`] }, { coderId: 'B', valueIds: [`${c1}.nej`] }]);
    expect(cell('d2', c2).provenance).toBe('unjudged');
    // 3 units × 4 coded variables = 12 cells (+ 3 derived); by hand: 1 consensus, 1 agreed, 1 single,
    // 1 unresolved, 8 unjudged; no unit has all four components, so none is complete.
    expect(final.summary).toEqual({ units: 3, complete: 0, cells: { consensus: 1, agreed: 1, single: 1, unresolved: 1, unjudged: 8, derived: 3 }, reopened: 0 });
    // Coded variables first, then the derived one, each in codebook order.
    expect(final.variables.map((v) => v.id)).toEqual([...C, IND]);
  });

  it('computes derived variables on the final values, not on one coder’s', () => {
    // A judges all four components Ja; B judges the first Nej. Consensus says Ja for it.
    // By A alone the indicator is Ja, by B alone Nej; on the final values (consensus Ja + agreed Ja
    // + single Ja ×2) it is Ja. Without the consensus the first component is unresolved, and an
    // unresolved component leaves the "all" rule undecided: missing.
    const base = [...C.map((c) => j('d1', 'A', c, 'ja')), j('d1', 'B', C[0]!, 'nej'), j('d1', 'B', C[1]!, 'ja')];
    const withConsensus = composeFinalDataset({ content: oj, documents: [{ id: 'd1' }], coders, judgements: [...base, consensus('d1', C[0]!, 'ja', [{ coderId: 'A', value: 'ja' }, { coderId: 'B', value: 'nej' }])] });
    const indicator = withConsensus.byUnit.get('d1')!.get(IND)!;
    expect([indicator.provenance, indicator.valueIds]).toEqual(['derived', [`${IND}.ja`]]);
    expect(withConsensus.summary.complete).toBe(1);
    const open = composeFinalDataset({ content: oj, documents: [{ id: 'd1' }], coders, judgements: base });
    expect(open.byUnit.get('d1')!.get(IND)!.valueIds).toEqual([]);
    // A final "Nej" decides the rule even while another component is unjudged.
    const nej = composeFinalDataset({ content: oj, documents: [{ id: 'd1' }], coders, judgements: [j('d1', 'A', C[2]!, 'nej')] });
    expect(nej.byUnit.get('d1')!.get(IND)!.valueIds).toEqual([`${IND}.nej`]);
  });

  it('re-opens a consensus whose judgements changed afterwards, with a note of what changed', () => {
    const c1 = C[0]!;
    const made = consensus('d1', c1, 'ja', [{ coderId: 'A', value: 'ja' }, { coderId: 'B', value: 'nej' }]);
    // B changes Nej → Ja after the consensus: the consensus is re-opened; both now say Ja → agreed.
    const changed = composeFinalDataset({ content: oj, documents, coders, judgements: [j('d1', 'A', c1, 'ja'), j('d1', 'B', c1, 'ja', { updatedAt: 30 }), made] });
    const cell = changed.byUnit.get('d1')!.get(c1)!;
    expect(cell.provenance).toBe('agreed');
    expect(cell.reopened).toEqual({ resolvedAt: 20, reason: 'Texten säger det.', valueIds: [`${c1}.ja`], changes: [{ coderId: 'B', from: [`${c1}.nej`], to: [`${c1}.ja`] }] });
    expect(changed.summary.reopened).toBe(1);
    // A changes Ja → Nej while B says Nej too: re-opened and agreed on Nej, never the old consensus value.
    const flipped = composeFinalDataset({ content: oj, documents, coders, judgements: [j('d1', 'A', c1, 'nej', { updatedAt: 30 }), j('d1', 'B', c1, 'nej'), made] });
    expect(flipped.byUnit.get('d1')!.get(c1)!.valueIds).toEqual([`${c1}.nej`]);
    // B withdraws the judgement: re-opened, and A alone → single.
    const withdrawn = composeFinalDataset({ content: oj, documents, coders, judgements: [j('d1', 'A', c1, 'ja'), made] });
    expect(withdrawn.byUnit.get('d1')!.get(c1)!.provenance).toBe('single');
    expect(withdrawn.byUnit.get('d1')!.get(c1)!.reopened?.changes).toEqual([{ coderId: 'B', from: [`${c1}.nej`], to: [] }]);
    // The same judgements as the basis (a memo edited later, say) keep it in force.
    const kept = composeFinalDataset({ content: oj, documents, coders, judgements: [j('d1', 'A', c1, 'ja', { updatedAt: 99 }), j('d1', 'B', c1, 'nej', { updatedAt: 99 }), made] });
    expect(kept.byUnit.get('d1')!.get(c1)!.provenance).toBe('consensus');
    // Disagreeing again after a re-open: unresolved until a new consensus.
    const again = composeFinalDataset({ content: oj, documents, coders: [...coders, { id: 'C', kind: 'human' }], judgements: [j('d1', 'A', c1, 'ja'), j('d1', 'B', c1, 'nej'), j('d1', 'C', c1, 'nej', { updatedAt: 40 }), made] });
    expect(again.byUnit.get('d1')!.get(c1)!.provenance).toBe('unresolved');
    expect(again.byUnit.get('d1')!.get(c1)!.reopened?.changes).toEqual([{ coderId: 'C', from: [], to: [`${c1}.nej`] }]);
  });

  it('re-opens a consensus without a basis when a reconciled judgement was saved after it', () => {
    const resolution = { reason: 'r', coderIds: ['A', 'B'], resolvedAt: 20 };
    expect(reopenedBy(resolution, ['x'], new Map([['A', { valueIds: ['x'], updatedAt: 19 }]]))).toBeUndefined();
    expect(reopenedBy(resolution, ['x'], new Map([['A', { valueIds: ['y'], updatedAt: 21 }]]))?.changes).toEqual([{ coderId: 'A', from: [], to: ['y'] }]);
  });

  it('counts linked twins as one agreement, and the unit’s own file first for a coder who judged both', () => {
    const docs = [{ id: 'pdf' }, { id: 'docx', twin: { of: 'pdf' } }, { id: 'other' }];
    expect(unitOf(docs)).toEqual(new Map([['pdf', 'pdf'], ['docx', 'pdf'], ['other', 'other']]));
    const c1 = C[0]!;
    // A judged the PDF, B the DOCX: the same agreement, so agreed. A also judged the DOCX differently:
    // the PDF's judgement counts, and the conflict is listed.
    const final = composeFinalDataset({ content: oj, documents: docs, coders, judgements: [j('pdf', 'A', c1, 'ja'), j('docx', 'B', c1, 'ja'), j('docx', 'A', c1, 'nej')] });
    expect(final.units).toEqual([{ id: 'pdf', files: ['pdf', 'docx'] }, { id: 'other', files: ['other'] }]);
    expect(final.summary.units).toBe(2);
    expect([final.byUnit.get('pdf')!.get(c1)!.provenance, final.byUnit.get('pdf')!.get(c1)!.valueIds]).toEqual(['agreed', [`${c1}.ja`]]);
    expect(final.twinConflicts).toEqual([{ unit: 'pdf', variableId: c1, coderId: 'A' }]);
  });

  it('counts only judgements under the chosen codebook version', () => {
    const final = composeFinalDataset({ content: oj, documents, coders, judgements: [j('d1', 'A', C[0]!, 'ja'), j('d1', 'B', C[0]!, 'nej', { codebookVersionId: 'v0' })], codebookVersionId: 'v1' });
    expect(final.excluded).toBe(1);
    expect(final.byUnit.get('d1')!.get(C[0]!)!.provenance).toBe('single');
  });

  it('compares the values of a multi-valued judgement as a set', () => {
    const content = {
      groups: [],
      variables: [
        {
          id: 'm', key: 'm', label: { sv: 'Målgrupp' }, description: {}, codingRule: {}, kind: 'multi' as const, level: 'nominal' as const,
          values: ['a', 'b'].map((x) => ({ id: `m.${x}`, key: x, label: { sv: x }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#000000', absent: false })),
        },
      ],
    };
    const mk = (coder: string, ids: string[]) => ({ documentId: 'd1', coderId: coder, variableId: 'm', valueIds: ids, codebookVersionId: 'v1', updatedAt: 1 });
    const final = composeFinalDataset({ content, documents, coders, judgements: [mk('A', ['m.b', 'm.a']), mk('B', ['m.a', 'm.b'])] });
    // Agreed, and written in codebook order.
    expect(final.byUnit.get('d1')!.get('m')).toMatchObject({ provenance: 'agreed', valueIds: ['m.a', 'm.b'] });
  });
});

describe('reliability counts for the report', () => {
  it('counts double-coded agreements, disagreements, those resolved by consensus and those still open', async () => {
    const { reliabilityCounts } = await import('../../../src/core/final-dataset');
    const [c1, c2] = C as [string, string];
    // d1: c1 disagree + consensus, c2 disagree (open); d2: c1 agreed by both; d3: A only.
    const final = composeFinalDataset({
      content: oj,
      documents: [{ id: 'd1' }, { id: 'd2' }, { id: 'd3' }],
      coders,
      judgements: [
        j('d1', 'A', c1, 'ja'), j('d1', 'B', c1, 'nej'), consensus('d1', c1, 'ja', [{ coderId: 'A', value: 'ja' }, { coderId: 'B', value: 'nej' }]),
        j('d1', 'A', c2, 'ja'), j('d1', 'B', c2, 'nej'),
        j('d2', 'A', c1, 'nej'), j('d2', 'B', c1, 'nej'),
        j('d3', 'A', c1, 'ja'),
      ],
    });
    expect(reliabilityCounts(final)).toEqual({ doubleCoded: 2, disagreements: 2, resolved: 1, unresolved: 1 });
  });
});
