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

  it('recognises a page with a text layer again on request: its passages are found again by their quote or kept as orphans', async () => {
    const project = await setUp();
    const versionId = (await store.db.codebookVersions.toArray())[0]!.id;
    const coder = (await store.coders.list(project.id))[0]!;
    // A passage on page 1 ("Avtal", offsets 0–5).
    await store.codings.addSegment({
      id: 's0', projectId: project.id, documentId: 'd1', coderId: coder.id, codebookVersionId: versionId, variableId: 'lvm', valueId: 'lvm.ja',
      selector: describeRange(TEXT, 0, 5, PAGE_STARTS), memo: '', orphaned: false, createdAt: 1, updatedAt: 1,
    });
    await store.ocr.requestPages('d1', [1]);
    const meta = (await store.documents.get('d1'))!;
    expect(meta.ocr!.pages.map((p) => [p.page, p.confidence])).toEqual([[1, null], [2, null]]);
    expect((await store.ocr.pending(project.id)).map((d) => d.id)).toEqual(['d1']);
    // OCR reads page 1 as "Nytt Avtal" (7 → 12 characters with the line end): the passage is found at 5.
    await store.ocr.applyPage('d1', { page: 1, text: 'Nytt Avtal\n', words: [[0, 4, 0, 0, 10, 10], [5, 5, 20, 0, 30, 10]], confidence: 90 });
    const content = (await store.documents.content('d1'))!;
    expect(content.text).toBe('Nytt Avtal\n\n\n\n\nTvister hanteras lokalt.');
    const segments = await store.codings.segmentsOfDocument('d1');
    const s0 = segments.find((s) => s.id === 's0')!;
    expect([s0.orphaned, s0.selector.position]).toEqual([false, { start: 5, end: 10 }]);
    // The passage on page 3 moved by the 4 characters page 1 gained.
    const s1 = segments.find((s) => s.id === 's1')!;
    expect(content.text.slice(s1.selector.position.start, s1.selector.position.end)).toBe('Tvister hanteras');
    // Read again with other words, the passage cannot be found: kept, as an orphan.
    await store.ocr.requestPages('d1', [1]);
    await store.ocr.applyPage('d1', { page: 1, text: 'Helt annat\n', words: [], confidence: 90 });
    expect((await store.codings.segmentsOfDocument('d1')).find((s) => s.id === 's0')!.orphaned).toBe(true);
  });

  it('does nothing for a document deleted meanwhile', async () => {
    expect(await store.ocr.applyPage('gone', { page: 1, text: 'x', words: [], confidence: 0 })).toBe(false);
  });
});
