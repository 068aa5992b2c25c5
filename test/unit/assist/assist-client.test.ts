// The app's way into the assist engine: the project's records become training data (human
// coders only, the version in use, 1/n per coder, the open agreement and its twin left out), and
// the worker client sends only new texts, trains and proposes in order, reports progress, and
// turns the engine's errors into bilingual OverensErrors. The client talks to the real session
// (src/core/assist/session.ts) over an asynchronous in-process port, as the worker would.
// Expected values: the generated corpus (test/unit/core/assist/corpus.ts) knows every right value.
import { describe, expect, it } from 'vitest';
import { createAssistSession, trainingFromProject, humanCodings, type AssistRequest, type AssistResponse } from '../../../src/core/assist';
import type { CodebookVersion, Coder, DocumentMeta, Judgement, Segment } from '../../../src/core';
import { AssistClient, percentOf, type AssistPort, type Progress } from '../../../renderer/assist/assist-client';
import { generate, VARIABLES } from '../core/assist/corpus';

/** The session behind a port that answers asynchronously, like a worker; it records what it was sent. */
function port(): AssistPort & { sent: AssistRequest[] } {
  const p: AssistPort & { sent: AssistRequest[] } = {
    sent: [],
    onmessage: null,
    postMessage(message) {
      p.sent.push(message);
      setTimeout(() => session.handle(structuredClone(message)), 0);
    },
  };
  const session = createAssistSession((answer: AssistResponse) => setTimeout(() => p.onmessage?.({ data: structuredClone(answer) }), 0));
  return p;
}

const version = { id: 'v1', content: { groups: [], variables: VARIABLES } } as unknown as CodebookVersion;
const coders: Coder[] = [
  { id: 'anna', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
  { id: 'bertil', projectId: 'p', name: 'Bertil', kind: 'human', createdAt: 2 },
  { id: 'k', projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 1 },
];
const docs = generate(12, 7, 'c');
const meta = (id: string, extra: Partial<DocumentMeta> = {}) => ({ id, hasText: true, textLength: docs.find((d) => d.id === id)?.text.length ?? 10, ...extra });
let n = 0;
const judgement = (documentId: string, coderId: string, variableId: string, valueId: string, extra: Partial<Judgement> = {}): Judgement => ({
  id: `j${n++}`, projectId: 'p', documentId, coderId, codebookVersionId: 'v1', variableId, valueIds: [valueId], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1, ...extra,
});
const segment = (documentId: string, coderId: string, variableId: string, valueId: string, start: number, end: number): Segment => ({
  id: `s${n++}`, projectId: 'p', documentId, coderId, codebookVersionId: 'v1', variableId, valueId, selector: { position: { start, end }, quote: { exact: 'x', prefix: '', suffix: '' } }, memo: '', orphaned: false, createdAt: 1, updatedAt: 1,
});

describe('trainingFromProject', () => {
  const judgements = [
    judgement('c001', 'anna', 'lvm', 'lvm.ja'),
    judgement('c001', 'bertil', 'lvm', 'lvm.nej'),
    judgement('c002', 'anna', 'lvm', 'lvm.nej'),
    judgement('c002', 'k', 'lvm', 'lvm.nej'), // consensus: never trained on
    judgement('c003', 'anna', 'lvm', 'lvm.ja', { codebookVersionId: 'v0' }), // another version
    judgement('c004', 'anna', 'lvm', 'lvm.ja', { valueIds: [] }), // not yet coded
    judgement('c005', 'anna', 'lvm', 'lvm.ja'), // c005 is excluded below, c006 is its twin
    judgement('c006', 'bertil', 'tolk', 'tolk.ja'),
    judgement('c007', 'anna', 'lvm', 'lvm.ja'), // c007 has no text
  ];
  const documents = [...['c001', 'c002', 'c003', 'c004', 'c005'].map((id) => meta(id)), meta('c006', { twin: { of: 'c005', similarity: 1, linkedAt: 1 } }), meta('c007', { hasText: false })];
  const segments = [segment('c001', 'anna', 'lvm', 'lvm.ja', 0, 10), segment('c006', 'bertil', 'tolk', 'tolk.ja', 0, 5), segment('c002', 'anna', 'lvm', 'lvm.ja', 5, 99_999)];

  it('takes the human coders\' valued judgements under the version, each of n coders weighing 1/n', () => {
    const t = trainingFromProject({ version, documents, coders, judgements, segments });
    expect(t.judgements).toEqual([
      { documentId: 'c001', variableId: 'lvm', valueId: 'lvm.ja', weight: 0.5 },
      { documentId: 'c001', variableId: 'lvm', valueId: 'lvm.nej', weight: 0.5 },
      { documentId: 'c002', variableId: 'lvm', valueId: 'lvm.nej', weight: 1 },
      { documentId: 'c005', variableId: 'lvm', valueId: 'lvm.ja', weight: 1 },
      { documentId: 'c006', variableId: 'tolk', valueId: 'tolk.ja', weight: 1 },
    ]);
    // The passage beyond the text's end is left out.
    expect(t.passages).toEqual([
      { documentId: 'c001', variableId: 'lvm', valueId: 'lvm.ja', start: 0, end: 10 },
      { documentId: 'c006', variableId: 'tolk', valueId: 'tolk.ja', start: 0, end: 5 },
    ]);
    expect(t.judgedDocuments).toBe(4);
  });

  it('leaves out the open agreement and its twin entirely', () => {
    const t = trainingFromProject({ version, documents, coders, judgements, segments, exclude: 'c005' });
    expect(t.judgements.map((j) => j.documentId)).toEqual(['c001', 'c001', 'c002']);
    expect(t.passages.map((p) => p.documentId)).toEqual(['c001']);
  });

  it('gives the human codings for the model\'s agreement with each coder', () => {
    expect(humanCodings({ version, coders, judgements }).filter((c) => c.document === 'c001')).toEqual([
      { document: 'c001', coder: 'anna', variable: 'lvm', value: 'lvm.ja' },
      { document: 'c001', coder: 'bertil', variable: 'lvm', value: 'lvm.nej' },
    ]);
  });
});

describe('AssistClient', () => {
  const truthJudgements = docs.slice(0, 10).flatMap((d) => VARIABLES.map((v) => judgement(d.id, 'anna', v.id, d.truth[v.id]!)));
  const documents = docs.map((d) => meta(d.id));
  const texts = new Map(docs.map((d) => [d.id, d.text]));

  it('sends each text once, trains with progress and proposes for the open document', async () => {
    const p = port();
    const client = new AssistClient(p);
    const progress: Progress[] = [];
    await client.syncDocuments(docs.map((d) => d.id), async (id) => texts.get(id), (x) => progress.push(x));
    expect(progress.at(-1)).toEqual({ stage: 'preparing', done: 12, total: 12 });
    await client.syncDocuments(docs.map((d) => d.id), async (id) => texts.get(id));
    expect(p.sent.filter((m) => m.type === 'add-documents')).toHaveLength(1);
    // A document gone from the project is dropped from the worker.
    await client.syncDocuments(docs.slice(0, 11).map((d) => d.id), async (id) => texts.get(id));
    expect(p.sent.at(-1)).toMatchObject({ type: 'remove-documents', documentIds: ['c012'] });

    const training: Progress[] = [];
    const data = trainingFromProject({ version, documents, coders, judgements: truthJudgements, segments: [], exclude: 'c011' });
    const { summary, proposals } = await client.trainAndPropose(data, 'c011', (x) => training.push(x));
    expect(summary.documents).toBe(10);
    expect(percentOf(training.at(-1)!)).toBe(100);
    // The generated corpus writes lvm's value into the text: the model proposes it.
    expect(proposals.find((x) => x.variableId === 'lvm')).toMatchObject({ documentId: 'c011', valueId: docs[10]!.truth.lvm });
    for (const x of proposals) expect(x.confidence).toBeGreaterThan(0);
  });

  it('cross-validates, and turns an engine failure into a bilingual OverensError', async () => {
    const client = new AssistClient(port());
    await client.syncDocuments(docs.map((d) => d.id), async (id) => texts.get(id));
    const cv = await client.crossValidate(trainingFromProject({ version, documents, coders, judgements: truthJudgements, segments: [] }));
    expect(new Set(cv.codings.map((c) => c.document)).size).toBe(10);
    await expect(client.trainAndPropose({ variables: VARIABLES, judgements: [] }, 'c011')).rejects.toMatchObject({ code: 'assist-no-training-data', userMessage: { en: expect.stringContaining('no judgements to learn from') } });
  });
});
