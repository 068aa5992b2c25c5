// Recognised pages into the store (fake-indexeddb): text, layer, state, warnings and the passages
// on later pages moved in the same transaction. Expected offsets are counted by hand.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planOcr, type DocumentMeta, type Segment } from '../../../src/core';
import { describeRange } from '../../../src/core/anchoring';
import { createStore, openDatabase, type Store } from '../../../src/store';
import { tinyTemplate } from './fixtures';

let store: Store;
let dbName: string;
beforeEach(() => {
  dbName = `ocr-${Math.random().toString(36).slice(2)}`;
  store = createStore(openDatabase(dbName));
});
afterEach(async () => {
  store.db.close();
  await indexedDB.deleteDatabase(dbName);
});

// Page 1 has a text layer, page 2 is scanned, page 3 has text: "Avtal\n\n\n\nTvister hanteras lokalt."
const TEXT = 'Avtal\n\n\n\nTvister hanteras lokalt.';
const PAGE_STARTS = [0, 7, 9];

async function setUp() {
  const { project, coder } = await store.projects.create({ name: 'P', coderName: 'Anna', template: tinyTemplate });
  const ocr = planOcr(TEXT, PAGE_STARTS)!;
  const meta: DocumentMeta = {
    id: 'd1', projectId: project.id, fileName: 'skannad.pdf', kind: 'pdf', sha256: 'b'.repeat(64), size: 10, version: 1, importedAt: 1,
    pageCount: 3, textLength: TEXT.length, hasText: true, attributes: {}, warnings: [], ocr,
  };
  await store.documents.add({ meta, content: { documentId: 'd1', text: TEXT, pageStarts: PAGE_STARTS }, file: { documentId: 'd1', mimeType: 'application/pdf', bytes: new Blob(['x']) } });
  const versionId = (await store.db.codebookVersions.toArray())[0]!.id;
  const start = TEXT.indexOf('Tvister');
  const segment: Segment = {
    id: 's1', projectId: project.id, documentId: 'd1', coderId: coder.id, codebookVersionId: versionId, variableId: 'lvm', valueId: 'lvm.ja',
    selector: describeRange(TEXT, start, start + 'Tvister hanteras'.length, PAGE_STARTS), memo: '', orphaned: false, createdAt: 1, updatedAt: 1,
  };
  await store.codings.addSegment(segment);
  return project;
}

describe('OcrRepository', () => {
  it('lists documents waiting for OCR and stores a page with the passages after it moved', async () => {
    const project = await setUp();
    expect((await store.ocr.pending(project.id)).map((d) => d.id)).toEqual(['d1']);
    const stored = await store.ocr.applyPage('d1', { page: 2, text: 'Gemensamma mål\n', words: [[0, 10, 100, 100, 2000, 300], [11, 3, 2100, 100, 2600, 300]], confidence: 88 });
    expect(stored).toBe(true);
    const content = (await store.documents.content('d1'))!;
    expect(content.text).toBe('Avtal\n\nGemensamma mål\n\n\nTvister hanteras lokalt.');
    // Page 3 moved by the 15 characters of page 2: 9 → 24.
    expect(content.pageStarts).toEqual([0, 7, 24]);
    expect(content.ocrLayers).toHaveLength(1);
    const [s1] = await store.codings.segmentsOfDocument('d1');
    expect(content.text.slice(s1!.selector.position.start, s1!.selector.position.end)).toBe('Tvister hanteras');
    const meta = (await store.documents.get('d1'))!;
    expect(meta.ocr).toMatchObject({ status: 'done', pages: [{ page: 2, confidence: 88, words: 2 }] });
    expect(meta.textLength).toBe(content.text.length);
    expect(await store.ocr.pending(project.id)).toEqual([]);
  });

  it('says the page is without text once OCR is cancelled, and waiting again when resumed', async () => {
    await setUp();
    await store.ocr.setStatus('d1', 'cancelled');
    expect((await store.documents.get('d1'))!.warnings.map((w) => [w.code, w.pages])).toEqual([['pages-without-text', [2]]]);
    await store.ocr.setStatus('d1', 'pending');
    expect((await store.documents.get('d1'))!.warnings).toEqual([]);
    await store.ocr.setStatus('d1', 'failed', { sv: 'fel', en: 'error' });
    expect((await store.documents.get('d1'))!.ocr!.error).toEqual({ sv: 'fel', en: 'error' });
  });

  it('does nothing for a document deleted meanwhile', async () => {
    expect(await store.ocr.applyPage('gone', { page: 1, text: 'x', words: [], confidence: 0 })).toBe(false);
  });
});
