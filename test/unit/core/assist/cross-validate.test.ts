// The model as a coder: each document is proposed by a model that did not train on it, and the
// model's codings go through the same agreement code as any coder's. Two simulated coders on a
// generated corpus (corpus.ts): Anna codes every document as written; Bertil as written except a
// seeded 30 % of the "polis" judgements, which he gives the next value in codebook order. So the
// model (trained on both) must agree with Anna better than with Bertil on "polis".
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../src/core/agreement/bootstrap';
import { agreementReport, type LongCoding } from '../../../../src/core/agreement';
import { agreementWithCoders, crossValidate, MODEL_CODER, prepareDocument, trainAssistModel, variablesAboveThreshold, propose } from '../../../../src/core/assist';
import { generate, VARIABLES } from './corpus';

const docs = generate(40, 21, 'cv');
const prepared = docs.map((d) => prepareDocument(d.id, d.text));
const random = seededRandom(22);
const human: LongCoding[] = docs.flatMap((d) =>
  VARIABLES.flatMap((v) => {
    const anna = d.truth[v.id]!;
    const values = v.values.map((x) => x.id);
    const bertil = v.id === 'polis' && random() < 0.3 ? values[(values.indexOf(anna) + 1) % values.length]! : anna;
    return [
      { document: d.id, coder: 'Anna', variable: v.id, value: anna },
      { document: d.id, coder: 'Bertil', variable: v.id, value: bertil },
    ];
  }),
);
const judgements = human.map((h) => ({ documentId: h.document, variableId: h.variable, valueId: h.value!, weight: 0.5 }));

describe('crossValidate', () => {
  const cv = crossValidate({ variables: VARIABLES, documents: prepared, judgements });

  it('codes every judged document and variable once, as the model coder', () => {
    expect(cv.codings).toHaveLength(docs.length * VARIABLES.length);
    expect(new Set(cv.codings.map((c) => c.coder))).toEqual(new Set([MODEL_CODER]));
    expect(new Set(cv.codings.map((c) => `${c.document}|${c.variable}`)).size).toBe(cv.codings.length);
    expect(cv.folds).toBe(5);
  });

  it('gives α and κ per variable between the model and each coder through the agreement code', () => {
    const reports = agreementWithCoders(cv, human, { categoryOrder: new Map(VARIABLES.map((v) => [v.id, v.values.map((x) => x.id)])) });
    expect([...reports.keys()]).toEqual(['Anna', 'Bertil']);
    // The same numbers as agreementReport on the model's and Anna's codings put together by hand.
    const byHand = agreementReport([...human.filter((h) => h.coder === 'Anna'), ...cv.codings], { coders: ['Anna', MODEL_CODER], categoryOrder: new Map(VARIABLES.map((v) => [v.id, v.values.map((x) => x.id)])) });
    const anna = reports.get('Anna')!;
    for (const v of VARIABLES) {
      const row = anna.variables.find((r) => r.variable === v.id)!;
      expect(row.krippendorff_alpha).toBe(byHand.variables.find((r) => r.variable === v.id)!.krippendorff_alpha);
      expect(row.units).toBe(docs.length);
      expect(row.cohen_kappa).not.toBeNull();
    }
    const polisAnna = anna.variables.find((r) => r.variable === 'polis')!.krippendorff_alpha!;
    const polisBertil = reports.get('Bertil')!.variables.find((r) => r.variable === 'polis')!.krippendorff_alpha!;
    expect(polisAnna).toBeGreaterThan(0.9);
    expect(polisBertil).toBeLessThan(polisAnna);
    // A threshold between the two keeps "polis" out (the lowest α over the coders counts).
    expect(variablesAboveThreshold(cv, reports, (polisAnna + polisBertil) / 2)).not.toContain('polis');
    expect(variablesAboveThreshold(cv, reports, 0.8)).toContain('lvm');
  });

  it('scores each variable against the judgements', () => {
    const lvm = cv.variables.find((v) => v.variableId === 'lvm')!;
    expect(lvm).toMatchObject({ documents: docs.length, accuracy: 1 });
    const polis = cv.variables.find((v) => v.variableId === 'polis')!;
    expect(polis.accuracy).toBeLessThan(1);
    expect(polis.meanConfidence).toBeGreaterThan(0);
  });

  it('proposes each document with a model that did not learn it', () => {
    // One document says something no other says, and only it is "Ja" for a variable without
    // terms: a model trained on it learns the words and says Ja; out of fold it cannot.
    const unique = { id: 'cv-unique', text: 'Överenskommelse om samverkan\n\nKvarteret Zebraflöjt inviger en tolkcentral med zebraflöjter.' };
    const variables = [...VARIABLES, { ...VARIABLES[2]!, id: 'zebra', key: 'zebra', values: VARIABLES[2]!.values.map((x) => ({ ...x, id: x.id.replace('tolk', 'zebra') })) }];
    const zebra = [...docs.map((d) => ({ documentId: d.id, variableId: 'zebra', valueId: 'zebra.nej' })), { documentId: unique.id, variableId: 'zebra', valueId: 'zebra.ja' }];
    const input = { variables, documents: [...prepared, prepareDocument(unique.id, unique.text)], judgements: zebra };
    const full = trainAssistModel(input);
    expect(propose(full, input.documents.at(-1)!, unique.text, ['zebra'])[0]!.valueId).toBe('zebra.ja');
    const out = crossValidate(input);
    expect(out.codings.find((c) => c.document === unique.id)!.value).toBe('zebra.nej');
  });

  it('is the same for the same seed', () => {
    expect(crossValidate({ variables: VARIABLES, documents: prepared, judgements })).toEqual(cv);
  });
});
