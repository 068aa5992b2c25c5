/**
 * The app's OCR queue: documents with pages waiting for OCR are recognised one after the other,
 * page by page — the raster worker makes each page's image while tesseract.js' worker recognises
 * the previous one — and every page is stored as it finishes (store.ocr.applyPage), so the document
 * can be read and coded while later pages are still recognised. Progress is published to the UI
 * (useSyncExternalStore); cancelling stops the engine at once and marks the document cancelled
 * (its finished pages stay). A reload resumes where it stopped: the queue is fed from the store.
 */
import { pendingOcrPages, type DocumentMeta, type UserMessage } from '../../src/core';
import { recognisePages, type OcrEngine } from '../../src/ingest/ocr';
import type { Store } from '../../src/store';
import { createBrowserOcrEngine } from './engine';
import { RasterClient } from './raster-client';

export interface OcrProgress {
  documentId: string;
  fileName: string;
  /** The page being recognised, its position among the document's OCR pages, and how many there are. */
  page: number;
  done: number;
  total: number;
  /** Progress within the page, 0–1. */
  fraction: number;
}

export interface OcrQueueState {
  active: OcrProgress | null;
  queued: readonly string[];
}

export class OcrQueue {
  private state: OcrQueueState = { active: null, queued: [] };
  private readonly listeners = new Set<() => void>();
  private queue: DocumentMeta[] = [];
  private running = false;
  private engine: Promise<OcrEngine> | null = null;
  private engineLanguages = '';
  private raster: RasterClient | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly store: Store) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): OcrQueueState => this.state;

  private publish(next: Partial<OcrQueueState>): void {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l();
  }

  /** Queue the documents that wait for OCR (called with the store's list whenever it changes). */
  offer(documents: readonly DocumentMeta[]): void {
    const known = new Set([...this.queue.map((d) => d.id), this.state.active?.documentId]);
    for (const d of documents) if (!known.has(d.id) && pendingOcrPages(d.ocr).length > 0) this.queue.push(d);
    this.publish({ queued: this.queue.map((d) => d.id) });
    void this.pump();
  }

  /** Stop recognising a document (now, or before it starts); its recognised pages stay. */
  async cancel(documentId: string): Promise<void> {
    this.queue = this.queue.filter((d) => d.id !== documentId);
    this.publish({ queued: this.queue.map((d) => d.id) });
    if (this.state.active?.documentId === documentId) {
      this.abort?.abort();
      // Terminating the engine stops the page being recognised; a new one starts for the next document.
      const engine = this.engine;
      this.engine = null;
      void engine?.then((e) => e.terminate()).catch(() => undefined);
      this.raster?.dispose();
      this.raster = null;
    }
    await this.store.ocr.setStatus(documentId, 'cancelled');
  }

  /** Recognise a cancelled or failed document's remaining pages. */
  async resume(documentId: string): Promise<void> {
    await this.store.ocr.setStatus(documentId, 'pending');
  }

  private engineFor(languages: string): Promise<OcrEngine> {
    if (!this.engine || this.engineLanguages !== languages) {
      void this.engine?.then((e) => e.terminate()).catch(() => undefined);
      this.engineLanguages = languages;
      this.engine = createBrowserOcrEngine(languages);
      this.engine.catch(() => (this.engine = null));
    }
    return this.engine;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        this.publish({ queued: this.queue.map((d) => d.id) });
        await this.recognise(next);
      }
    } finally {
      this.running = false;
      this.publish({ active: null });
    }
  }

  private async recognise(queued: DocumentMeta): Promise<void> {
    const meta = await this.store.documents.get(queued.id);
    if (!meta?.ocr || meta.ocr.status !== 'pending') return;
    const pages = pendingOcrPages(meta.ocr);
    const all = meta.ocr.pages.length;
    let done = all - pages.length;
    const abort = new AbortController();
    this.abort = abort;
    const progress = (page: number, fraction: number) =>
      this.publish({ active: { documentId: meta.id, fileName: meta.fileName, page, done, total: all, fraction } });
    progress(pages[0] ?? 1, 0);
    try {
      const file = await this.store.documents.file(meta.id);
      if (!file) return;
      const engine = await this.engineFor(meta.ocr.languages);
      this.raster ??= new RasterClient();
      const raster = this.raster;
      await raster.open(new Uint8Array(await file.bytes.arrayBuffer()));
      await recognisePages((n) => raster.page(n), pages, engine, {
        signal: abort.signal,
        onProgress: progress,
        onPage: async (result) => {
          if (abort.signal.aborted) return;
          if (!(await this.store.ocr.applyPage(meta.id, result))) abort.abort();
          done++;
          progress(result.page, 1);
        },
      });
      if (!abort.signal.aborted) await raster.close();
    } catch (error) {
      if (abort.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      const text: UserMessage = { sv: `${meta.fileName}: textigenkänningen misslyckades (${message}).`, en: `${meta.fileName}: text recognition failed (${message}).` };
      await this.store.ocr.setStatus(meta.id, 'failed', text);
      this.raster?.dispose();
      this.raster = null;
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }
}

const queues = new WeakMap<Store, OcrQueue>();
export function ocrQueue(store: Store): OcrQueue {
  let queue = queues.get(store);
  if (!queue) queues.set(store, (queue = new OcrQueue(store)));
  return queue;
}
