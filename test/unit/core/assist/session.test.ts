// The assist session is what the Web Worker runs: documents are added once, training reports
// progress, proposals come back by id, and every failure is an `error` answer with the bilingual
// message (the worker never throws). Expected values from the generated corpus (corpus.ts).
import { describe, expect, it } from 'vitest';
import { createAssistSession, type AssistResponse } from '../../../../src/core/assist';
import { generate, judgementsOf, VARIABLES } from './corpus';

describe('createAssistSession', () => {
  it('adds documents, trains with progress and proposes with evidence', () => {
    const answers: AssistResponse[] = [];
    const session = createAssistSession((m) => answers.push(structuredClone(m)));
    const docs = generate(12, 31, 'w');
    session.handle({ type: 'propose', id: 1, documentId: 'w001' });
    expect(answers.pop()).toMatchObject({ type: 'error', id: 1, code: 'assist-not-trained' });
    session.handle({ type: 'add-documents', id: 2, documents: docs.map((d) => ({ id: d.id, text: d.text })) });
    expect(answers.filter((a) => a.type === 'progress' && a.id === 2)).toHaveLength(12);
    expect(answers.at(-1)).toEqual({ type: 'documents', id: 2, documents: 12 });
    const judged = docs.slice(0, 10);
    session.handle({ type: 'train', id: 3, variables: VARIABLES, judgements: judgementsOf(judged) });
    const progress = answers.filter((a) => a.type === 'progress' && a.id === 3);
    expect(progress.at(-1)).toMatchObject({ progress: { stage: 'training', done: 18, total: 18 } });
    const trained = answers.at(-1)!;
    expect(trained).toMatchObject({ type: 'trained', id: 3, summary: { documents: 10 } });
    session.handle({ type: 'propose', id: 4, documentId: 'w011', variableIds: ['lvm'] });
    const proposals = answers.at(-1)!;
    expect(proposals.type).toBe('proposals');
    if (proposals.type !== 'proposals') return;
    expect(proposals.proposals).toHaveLength(1);
    expect(proposals.proposals[0]).toMatchObject({ documentId: 'w011', variableId: 'lvm', valueId: docs[10]!.truth.lvm });
  });

  it('answers bad requests with an error naming the problem', () => {
    const answers: AssistResponse[] = [];
    const session = createAssistSession((m) => answers.push(m));
    session.handle({ type: 'train', id: 1, variables: VARIABLES, judgements: [] });
    expect(answers.at(-1)).toMatchObject({ type: 'error', id: 1, code: 'assist-no-training-data' });
    session.handle({ type: 'add-documents', id: 2, documents: generate(3, 1, 'x').map((d) => ({ id: d.id, text: d.text })) });
    session.handle({ type: 'train', id: 3, variables: VARIABLES, judgements: judgementsOf(generate(3, 1, 'x')) });
    session.handle({ type: 'propose', id: 4, documentId: 'missing' });
    const error = answers.at(-1)!;
    expect(error).toMatchObject({ type: 'error', id: 4, code: 'assist-unknown-document' });
    if (error.type === 'error') expect(error.message.en).toContain('"missing"');
    session.handle({ type: 'remove-documents', id: 5, documentIds: ['x001'] });
    expect(answers.at(-1)).toEqual({ type: 'documents', id: 5, documents: 2 });
  });
});
