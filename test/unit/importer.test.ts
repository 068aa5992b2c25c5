// The import batch: imported, duplicate (same SHA-256), failed — the batch goes on and nothing
// stored is touched by a failure.
import 'fake-indexeddb/auto';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles, storeExtracted, type Extractor } from '../../renderer/documents/importer';
import { extractDocument } from '../../src/ingest';
import { createStore, openDatabase, type Store } from '../../src/store';
import { makePdf } from './ingest/fixtures';

let store: Store;
let name: string;
const extract: Extractor = (fileName, bytes, password) => extractDocument({ fileName, bytes, password }, { pdfjs });

beforeEach(() => {
  name = `imp-${Math.random()}`;
  store = createStore(openDatabase(name));
});
afterEach(async () => {
  store.db.close();
  await indexedDB.deleteDatabase(name);
});

describe('importFiles', () => {
  it('imports good files, reports bad ones and duplicates, and reports progress for each', async () => {
    const { project } = await store.projects.create({ name: 'P', coderName: 'A' });
    const pdf = makePdf([['Överenskommelse'], ['LVM']]);
    const progress: number[] = [];
    const outcomes = await importFiles(
      store,
      project.id,
      [
        { name: 'a.pdf', bytes: pdf },
        { name: 'tom.pdf', bytes: new Uint8Array() },
        { name: 'b.txt', bytes: new TextEncoder().encode('Text') },
      ],
      extract,
      (done) => progress.push(done),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'failed', 'imported']);
    expect(progress.sort()).toEqual([1, 2, 3]);
    const docs = await store.documents.list(project.id);
    expect(docs.map((d) => d.fileName)).toEqual(['a.pdf', 'b.txt']);
    const content = await store.documents.content(docs[0]!.id);
    expect(content?.pageStarts).toHaveLength(2);
    expect(await (await store.documents.file(docs[0]!.id))!.bytes.arrayBuffer()).toEqual(pdf.buffer);

    const again = await importFiles(store, project.id, [{ name: 'a-kopia.pdf', bytes: pdf }], extract, () => undefined);
    expect(again[0]?.status).toBe('duplicate');
    expect(await store.documents.list(project.id)).toHaveLength(2);
    if (again[0]?.status !== 'duplicate') throw new Error('expected duplicate');
    const v2 = await storeExtracted(store, project.id, again[0].extracted, again[0].bytes, again[0].existing);
    expect(v2).toMatchObject({ version: 2, previousVersionId: again[0].existing.id });
  });
});

describe('twins at import', () => {
  it('finds a file whose text equals an agreement already imported (same batch too), and not an unrelated one', async () => {
    const { project } = await store.projects.create({ name: 'P', coderName: 'A' });
    const words = 'Kommunerna och regionen är överens om att personer med missbruk eller beroende ska få samordnade insatser enligt LVM och SIP';
    // Short lines, so every word is on the page.
    const pdf = makePdf([words.split(' ').reduce<string[]>((lines, w, i) => (i % 6 === 0 ? [...lines, w] : [...lines.slice(0, -1), `${lines[lines.length - 1]} ${w}`]), [])]);
    // The same words as a text file with other line breaks and case: similarity 1 (word 5-shingles).
    const txt = new TextEncoder().encode(words.toUpperCase().replace(/ /g, '\n'));
    const other = new TextEncoder().encode('En helt annan överenskommelse om barn och unga i familjer där vuxna har ett missbruk och om samverkan med skolan');
    const [a, b, c] = await importFiles(store, project.id, [{ name: 'avtal.pdf', bytes: pdf }, { name: 'avtal.txt', bytes: txt }, { name: 'annat.txt', bytes: other }], extract, () => undefined);
    if (a?.status !== 'imported' || b?.status !== 'imported' || c?.status !== 'imported') throw new Error('expected three imports');
    // One of the pair was stored first; the other names it.
    const [first, second] = a.twin ? [b, a] : [a, b];
    expect(first.twin).toBeUndefined();
    expect(second.twin).toEqual({ documentId: first.document.id, fileName: first.fileName, similarity: 1 });
    expect(c.twin).toBeUndefined();
    // Nothing is linked until the user says so.
    expect((await store.documents.get(second.document.id))?.twin).toBeUndefined();
  });
});
