// The assist engine on a generated corpus whose right answers are known by construction
// (corpus.ts): it learns each variable from the judgements (and passages), proposes with the
// sentences that drove the proposal, is deterministic, and refuses bad input by name.
import { describe, expect, it } from 'vitest';
import { prepareDocument, propose, trainAssistModel, type AssistProgress, type PreparedDocument } from '../../../../src/core/assist';
import { OverensError } from '../../../../src/core/errors';
import { generate, judgementsOf, SENTENCES, VARIABLES } from './corpus';

const train = generate(20, 1, 'train');
const test = generate(30, 2, 'test');
const prepared = new Map<string, PreparedDocument>([...train, ...test].map((d) => [d.id, prepareDocument(d.id, d.text)]));
const docsOf = (list: readonly { id: string }[]) => list.map((d) => prepared.get(d.id)!);

function thrown(f: () => unknown): OverensError {
  try {
    f();
  } catch (error) {
    if (error instanceof OverensError) return error;
    throw error;
  }
  throw new Error('expected an OverensError');
}

describe('trainAssistModel and propose', () => {
  const model = trainAssistModel({ variables: VARIABLES, documents: docsOf(train), judgements: judgementsOf(train) });

  it('learns every variable, the one without indicator terms included, and beats the majority value', () => {
    for (const variable of VARIABLES) {
      const proposals = test.map((d) => propose(model, prepared.get(d.id)!, d.text, [variable.id])[0]!);
      const right = proposals.filter((p, i) => p.valueId === test[i]!.truth[variable.id]).length;
      // Majority baseline: the most frequent value among the training documents.
      const counts = new Map<string, number>();
      for (const d of train) counts.set(d.truth[variable.id]!, (counts.get(d.truth[variable.id]!) ?? 0) + 1);
      const majority = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      const majorityRight = test.filter((d) => d.truth[variable.id] === majority).length;
      expect(right, variable.id).toBe(test.length);
      expect(right).toBeGreaterThan(majorityRight);
    }
    expect(model.variables.find((v) => v.variableId === 'tolk')!.learnedKeys).toBe(true);
    expect(model.variables.find((v) => v.variableId === 'lvm')!.learnedKeys).toBe(false);
  });

  it('points at the sentence a value is written with; offsets match the quotes', () => {
    for (const d of test) {
      for (const p of propose(model, prepared.get(d.id)!, d.text)) {
        for (const e of p.evidence) expect(d.text.slice(e.start, e.end)).toBe(e.quote);
        const sentence = SENTENCES[d.truth[p.variableId]!];
        if (sentence) expect(p.evidence[0]?.quote, `${d.id} ${p.variableId}`).toBe(sentence);
      }
    }
  });

  it('gives an absent value without a relevant sentence no evidence', () => {
    const d = test.find((x) => x.truth.lvm === 'lvm.nej')!;
    expect(propose(model, prepared.get(d.id)!, d.text, ['lvm'])[0]).toMatchObject({ valueId: 'lvm.nej', evidence: [] });
  });

  it('is deterministic: the same input in another order gives the same proposals', () => {
    const again = trainAssistModel({ variables: VARIABLES, documents: docsOf(train).reverse(), judgements: judgementsOf(train).reverse() });
    const a = test.flatMap((d) => propose(model, prepared.get(d.id)!, d.text));
    const b = test.flatMap((d) => propose(again, prepared.get(d.id)!, d.text));
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('reports progress through both stages, up to the total', () => {
    const seen: AssistProgress[] = [];
    trainAssistModel({ variables: VARIABLES, documents: docsOf(train), judgements: judgementsOf(train) }, { onProgress: (p) => seen.push(p) });
    // 5 internal folds × 3 variables, then 3 final fits.
    expect(seen.length).toBe(18);
    expect(seen.at(-1)).toEqual({ stage: 'training', done: 18, total: 18 });
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });
});

describe('training with passages', () => {
  // Four judged documents only; the coders marked the sentence that made "tolk" Ja.
  const few = generate(40, 7, 'few');
  const ja = few.filter((d) => d.truth.tolk === 'tolk.ja').slice(0, 2);
  const nej = few.filter((d) => d.truth.tolk === 'tolk.nej').slice(0, 2);
  const held = few.filter((d) => !ja.includes(d) && !nej.includes(d));
  const docs = new Map(few.map((d) => [d.id, prepareDocument(d.id, d.text)]));
  const passages = ja.map((d) => {
    const start = d.text.indexOf(SENTENCES['tolk.ja']!);
    return { documentId: d.id, variableId: 'tolk', valueId: 'tolk.ja', start, end: start + SENTENCES['tolk.ja']!.length };
  });

  it('takes the passages\' words as keys and proposes from the same kind of sentence', () => {
    const model = trainAssistModel({ variables: VARIABLES, documents: [...ja, ...nej].map((d) => docs.get(d.id)!), judgements: judgementsOf([...ja, ...nej], ['tolk']), passages });
    const tolk = model.variables.find((v) => v.variableId === 'tolk')!;
    expect(tolk.keys.flat()).toContain('tolk');
    for (const d of held) {
      const p = propose(model, docs.get(d.id)!, d.text, ['tolk'])[0]!;
      expect(p.valueId, d.id).toBe(d.truth.tolk);
      if (d.truth.tolk === 'tolk.ja') expect(p.evidence.map((e) => e.quote)).toContain(SENTENCES['tolk.ja']);
    }
  });

  it('refuses a passage outside its document', () => {
    const bad = { ...passages[0]!, end: 10_000 };
    expect(thrown(() => trainAssistModel({ variables: VARIABLES, documents: [...docs.values()], judgements: judgementsOf(ja, ['tolk']), passages: [bad] })).code).toBe('assist-bad-passage');
  });
});

describe('bad input', () => {
  const docs = docsOf(train);
  const base = { variables: VARIABLES, documents: docs };
  it('names an unknown variable, an unknown value and an unknown document', () => {
    const unknownVariable = thrown(() => trainAssistModel({ ...base, judgements: [{ documentId: 'train001', variableId: 'nope', valueId: 'x' }] }));
    expect(unknownVariable.code).toBe('assist-unknown-variable');
    expect(unknownVariable.userMessage.en).toContain('"nope"');
    const unknownValue = thrown(() => trainAssistModel({ ...base, judgements: [{ documentId: 'train001', variableId: 'lvm', valueId: 'lvm.kanske' }] }));
    expect(unknownValue.code).toBe('assist-unknown-value');
    expect(unknownValue.userMessage.en).toContain('"lvm.kanske"');
    expect(thrown(() => trainAssistModel({ ...base, judgements: [{ documentId: 'elsewhere', variableId: 'lvm', valueId: 'lvm.ja' }] })).code).toBe('assist-unknown-document');
  });
  it('refuses empty training data', () => {
    const error = thrown(() => trainAssistModel({ ...base, judgements: [] }));
    expect(error.code).toBe('assist-no-training-data');
    expect(error.userMessage.sv).toMatch(/inga bedömningar/);
  });
  it('refuses to learn from or propose for a document without text', () => {
    const empty = prepareDocument('scanned', '  \n\n ');
    expect(empty.sentences).toEqual([]);
    const learn = thrown(() => trainAssistModel({ variables: VARIABLES, documents: [...docs, empty], judgements: [...judgementsOf(train), { documentId: 'scanned', variableId: 'lvm', valueId: 'lvm.ja' }] }));
    expect(learn.code).toBe('assist-document-without-text');
    expect(learn.userMessage.en).toContain('"scanned"');
    const model = trainAssistModel({ ...base, judgements: judgementsOf(train) });
    expect(thrown(() => propose(model, empty, '  \n\n ')).code).toBe('assist-document-without-text');
    expect(thrown(() => propose(model, docs[0]!, 'another text')).code).toBe('assist-text-mismatch');
  });
  it('refuses a weight that is not a positive number', () => {
    expect(thrown(() => trainAssistModel({ ...base, judgements: [{ documentId: 'train001', variableId: 'lvm', valueId: 'lvm.ja', weight: 0 }] })).code).toBe('assist-bad-weight');
  });
});
