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
