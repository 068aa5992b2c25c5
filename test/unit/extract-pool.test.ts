// The import worker pool: every file's promise settles — a worker that crashes or hangs, or a
// cancelled batch, ends that file with a failure naming it, the worker is replaced, and the rest of
// the batch is extracted. (Before, a crashed worker left importFiles' Promise.all waiting forever.)
// The workers here run the real extraction in-process; the file name tells a worker to crash
// (an error event, as a worker out of memory gives) or to hang.
import 'fake-indexeddb/auto';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { ExtractPool, type WorkerLike } from '../../renderer/documents/extract-pool';
import { importFiles } from '../../renderer/documents/importer';
import { extractDocument } from '../../src/ingest';
import type { ExtractRequest, ExtractResponse } from '../../src/ingest/worker';
import { createStore, openDatabase } from '../../src/store';

class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<ExtractResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  postMessage(request: ExtractRequest): void {
    if (request.fileName.startsWith('krasch')) {
      setTimeout(() => this.onerror?.({ preventDefault: () => undefined } as ErrorEvent), 5);
      return;
    }
    if (request.fileName.startsWith('häng')) return; // never answers
    void extractDocument(request, { pdfjs }).then((result) => {
      if (!this.terminated) this.onmessage?.({ data: { id: request.id, result } } as MessageEvent<ExtractResponse>);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const text = (s: string) => new TextEncoder().encode(s);

function pool(size: number, timeoutMs = 60_000) {
  const workers: InProcessWorker[] = [];
  const p = new ExtractPool(size, () => {
    const w = new InProcessWorker();
    workers.push(w);
    return w;
  }, timeoutMs);
  return { pool: p, workers };
}

describe('ExtractPool', () => {
  it('reports a crashing file, replaces its worker and extracts the others', async () => {
    const { pool: p, workers } = pool(2);
    const results = await Promise.all(['a.txt', 'krasch.pdf', 'b.txt', 'c.txt'].map((n) => p.extract(n, text(`Text ${n}`))));
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'worker-crashed', 'ok', 'ok']);
    const crashed = results[1]!;
    expect(crashed.ok ? '' : crashed.error.message.en).toBe('krasch.pdf: the import stopped: the file made the import process crash (it may be damaged or too large).');
    expect(crashed.ok ? '' : crashed.error.message.sv).toMatch(/^krasch\.pdf: importen avbröts/);
    // Two workers at the start, one more for the crashed one, which was terminated.
    expect(workers.length).toBe(3);
    expect(workers.filter((w) => w.terminated).length).toBe(1);
  });

  it('ends a file that takes longer than the timeout, and goes on', async () => {
    const { pool: p } = pool(1, 50);
    const results = await Promise.all(['häng.pdf', 'a.txt'].map((n) => p.extract(n, text('Text'))));
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['timeout', 'ok']);
    expect(results[0]!.ok ? '' : results[0]!.error.message.en).toBe('häng.pdf: the file took more than 0 s to read and was not imported.');
  });

  it('cancels files waiting and being read; the pool works afterwards', async () => {
    const { pool: p } = pool(1);
    const pending = ['häng.pdf', 'a.txt', 'b.txt'].map((n) => p.extract(n, text('Text')));
    expect(p.busy).toBe(3);
    p.cancel();
    const results = await Promise.all(pending);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(results[1]!.ok ? '' : results[1]!.error.message.en).toBe('a.txt: the import was cancelled; the file was not imported.');
    expect(p.busy).toBe(0);
    expect((await p.extract('efter.txt', text('Text'))).ok).toBe(true);
  });

  it('lets importFiles finish the batch with the crashed file reported', async () => {
    const name = `pool-${Math.random()}`;
    const store = createStore(openDatabase(name));
    try {
      const { project } = await store.projects.create({ name: 'P', coderName: 'A' });
      const { pool: p } = pool(2);
      const outcomes = await importFiles(store, project.id, [{ name: 'a.txt', bytes: text('Ett') }, { name: 'krasch.docx', bytes: text('x') }, { name: 'b.txt', bytes: text('Två') }], (n, b, pw) => p.extract(n, b, pw), () => undefined);
      expect(outcomes.map((o) => `${o.fileName}: ${o.status}`)).toEqual(['a.txt: imported', 'krasch.docx: failed', 'b.txt: imported']);
      expect((await store.documents.list(project.id)).map((d) => d.fileName).sort()).toEqual(['a.txt', 'b.txt']);
    } finally {
      store.db.close();
      await indexedDB.deleteDatabase(name);
    }
  });
});
