/**
 * A small pool of import workers (src/ingest/worker.ts), one per core (at least 2), so a batch of
 * files is extracted in parallel off the UI thread. Each call resolves with the worker's result.
 */
import type { IngestResult } from '../../src/ingest/types';
import type { ExtractRequest, ExtractResponse } from '../../src/ingest/worker';

interface Job {
  request: Omit<ExtractRequest, 'id'>;
  resolve: (result: IngestResult) => void;
}

export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly pending = new Map<number, Job['resolve']>();
  private nextId = 1;

  constructor(size = Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2))) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('../../src/ingest/worker.ts', import.meta.url), { type: 'module', name: `import-${i + 1}` });
      worker.onmessage = (event: MessageEvent<ExtractResponse>) => {
        const resolve = this.pending.get(event.data.id);
        this.pending.delete(event.data.id);
        resolve?.(event.data.result);
        this.idle.push(worker);
        this.pump();
      };
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  extract(fileName: string, bytes: Uint8Array, password?: string): Promise<IngestResult> {
    return new Promise((resolve) => {
      this.queue.push({ request: { fileName, bytes, password }, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      this.pending.set(id, job.resolve);
      // The bytes are copied to the worker; the caller keeps its own for storing the original.
      worker.postMessage({ id, ...job.request } satisfies ExtractRequest);
    }
  }

  dispose(): void {
    for (const w of this.workers) w.terminate();
  }
}

let shared: ExtractPool | null = null;
export function extractPool(): ExtractPool {
  shared ??= new ExtractPool();
  return shared;
}
