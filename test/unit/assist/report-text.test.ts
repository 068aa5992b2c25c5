// The report's methods text counts the judgements accepted from proposals (issue 16: "counted in
// the report's methods text") and states the lead's switch, threshold and safeguards; silent when
// proposals were never turned on and none was accepted. Expected counts are the fixture's: two of
// Anna's judgements under version v1 came from proposals (a third is under v0, one is the
// consensus coder's, one has no value — none of those count).
import { describe, expect, it } from 'vitest';
import type { BlindingEvent, Coder, Judgement, Project } from '../../../src/core';
import { composeFinalDataset } from '../../../src/core/final-dataset';
import { getTemplate } from '../../../src/core/codebook';
import { acceptedProposals, proposalsText } from '../../../renderer/assist/report-text';
import { methodsText } from '../../../renderer/views/results/report-text';
import { translate } from '../../../renderer/i18n';

const coders: Coder[] = [
  { id: 'a', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
  { id: 'k', projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 1 },
];
const project = (settings: Partial<Project['settings']>): Project => ({ id: 'p', name: 'Studie', description: '', createdAt: 1, updatedAt: 1, settings: { blindCoding: true, leadCoderId: 'a', ...settings } });
let n = 0;
const j = (extra: Partial<Judgement>): Judgement => ({
  id: `j${n++}`, projectId: 'p', documentId: 'd1', coderId: 'a', codebookVersionId: 'v1', variableId: `x${n}`, valueIds: ['x'], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1, ...extra,
});
const judgements = [
  j({ origin: 'proposal', proposalConfidence: 0.9 }),
  j({ origin: 'proposal', proposalConfidence: 0.97 }),
  j({ origin: 'proposal', codebookVersionId: 'v0' }),
  j({ origin: 'proposal', coderId: 'k' }),
  j({ origin: 'proposal', valueIds: [] }),
  j({ origin: 'suggestion' }),
  j({}),
];
const on: BlindingEvent = { id: 'e1', projectId: 'p', byCoderId: 'a', at: Date.UTC(2026, 10, 3), scope: 'proposals', from: 'off', to: 'on' };
const base = { coders, judgements, codebookVersionId: 'v1' };

describe('the proposals paragraph', () => {
  it('counts human judgements with a value accepted from proposals under the version', () => {
    expect(acceptedProposals(judgements, coders, 'v1')).toBe(2);
  });
  it('states the switch, the date, the threshold and the count, in Swedish and English', () => {
    const sv = proposalsText({ ...base, project: project({ proposals: true, proposalThreshold: 0.667 }), blindingEvents: [on], lang: 'sv', t: (k, p) => translate('sv', k, p) });
    expect(sv).toContain('projektledaren (Anna) slog på dem (2026-11-03)');
    expect(sv).toContain('α med varje kodare nådde 0,667');
    expect(sv).toMatch(/2 bedömningar godtogs från förslag\.$/);
    const en = proposalsText({ ...base, project: project({ proposals: true }), blindingEvents: [on], lang: 'en', t: (k, p) => translate('en', k, p) });
    expect(en).toContain('reached 0.800');
    expect(en).toMatch(/2 judgements accepted from proposals\.$/);
  });
  it('says they were off when the lead turned them off, and nothing when never on and none accepted', () => {
    const off: BlindingEvent = { ...on, id: 'e2', at: on.at + 1, from: 'on', to: 'off' };
    expect(proposalsText({ ...base, project: project({ proposals: false }), blindingEvents: [on, off], lang: 'en', t: (k, p) => translate('en', k, p) })).toMatch(/^Proposals .* were off .* 2 judgements accepted from proposals\.$/);
    expect(proposalsText({ ...base, judgements: [], project: project({}), blindingEvents: [], lang: 'en', t: (k, p) => translate('en', k, p) })).toBeNull();
  });
  it('is a paragraph of the methods text, after blinding, whose own text leaves out proposal events', () => {
    const content = getTemplate('oppna-jamforelser-2019')!.content;
    const dataset = composeFinalDataset({ content, documents: [], coders, judgements: [] });
    const paragraphs = methodsText({ project: project({ proposals: true }), coders, versionNumber: 1, dataset, source: { kind: 'final' }, groups: [], samples: [], blindingEvents: [on], proposals: { judgements, codebookVersionId: 'v1' }, lang: 'sv', t: (k, p) => translate('sv', k, p) });
    expect(paragraphs.at(-1)).toMatch(/2 bedömningar godtogs från förslag\.$/);
    // The blinding paragraph does not list the proposal switch as a change of blinding.
    expect(paragraphs.at(-2)).toContain('Blindningen ändrades inte under studien.'); // sv.ts 'report.blindNoChanges'
  });
});
