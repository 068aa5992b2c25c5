/**
 * A small pool of import workers (src/ingest/worker.ts), one per core (at least 2), so a batch of
 * files is extracted in parallel off the UI thread. Every call resolves — never rejects, never
 * waits forever: with the worker's result; or, when the worker crashes (an error event, a message
 * that cannot be read), when the file takes longer than the timeout, or when the batch is
 * cancelled, with a failure naming the file. A crashed, timed-out or cancelled worker is
 * terminated and replaced, so the rest of the batch goes on.
 */
import type { IngestErrorCode, IngestResult } from '../../src/ingest/types';
import type { ExtractRequest, ExtractResponse } from '../../src/ingest/worker';

/** What the pool needs of a Worker (a real one in the app; tests give their own). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ExtractResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: ExtractRequest): void;
  terminate(): void;
}

/** Longer than any file may take inside the worker (PDF_LIMITS: 300 s in all), so it only catches a hung worker. */
export const EXTRACT_TIMEOUT_MS = 330_000;

interface Job {
  request: Omit<ExtractRequest, 'id'>;
  resolve: (result: IngestResult) => void;
}

interface Running {
  job: Job;
  worker: WorkerLike;
  timer: ReturnType<typeof setTimeout>;
}

const failure = (fileName: string, code: IngestErrorCode, sv: string, en: string): IngestResult => ({ ok: false, error: { fileName, code, message: { sv: `${fileName}: ${sv}`, en: `${fileName}: ${en}` } } });

export const appWorker = (i: number): WorkerLike => new Worker(new URL('../../src/ingest/worker.ts', import.meta.url), { type: 'module', name: `import-${i + 1}` });

export class ExtractPool {
  private readonly idle: WorkerLike[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<number, Running>();
  private nextId = 1;
  private spawned = 0;

  constructor(
    size = Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2)),
    private readonly createWorker: (i: number) => WorkerLike = appWorker,
    private readonly timeoutMs = EXTRACT_TIMEOUT_MS,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): WorkerLike {
    const worker = this.createWorker(this.spawned++);
    worker.onmessage = (event) => {
      const run = this.running.get(event.data.id);
      if (!run || run.worker !== worker) return;
      this.finish(event.data.id, event.data.result, false);
    };
    const crashed = () => {
      for (const [id, run] of this.running) {
        if (run.worker === worker) {
          this.finish(id, failure(run.job.request.fileName, 'worker-crashed', 'importen avbröts: filen fick importprocessen att krascha (den kan vara skadad eller för stor).', 'the import stopped: the file made the import process crash (it may be damaged or too large).'), true);
        }
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      crashed();
    };
    worker.onmessageerror = crashed;
    return worker;
  }

  /** Ends job `id`: its worker goes back to the pool, or (crashed, timed out, cancelled) is replaced. */
  private finish(id: number, result: IngestResult, replaceWorker: boolean): void {
    const run = this.running.get(id);
    if (!run) return;
    this.running.delete(id);
    clearTimeout(run.timer);
    if (replaceWorker) {
      run.worker.terminate();
      this.idle.push(this.spawn());
    } else {
      this.idle.push(run.worker);
    }
    run.job.resolve(result);
    this.pump();
  }

  extract(fileName: string, bytes: Uint8Array, password?: string): Promise<IngestResult> {
    return new Promise((resolve) => {
      this.queue.push({ request: { fileName, bytes, password }, resolve });
      this.pump();
    });
  }

  /** Stops the batch: files waiting and files being read end as cancelled. */
  cancel(): void {
    for (const job of this.queue.splice(0)) job.resolve(failure(job.request.fileName, 'cancelled', 'importen avbröts; filen importerades inte.', 'the import was cancelled; the file was not imported.'));
    for (const [id, run] of [...this.running]) {
      this.finish(id, failure(run.job.request.fileName, 'cancelled', 'importen avbröts; filen importerades inte.', 'the import was cancelled; the file was not imported.'), true);
    }
  }

  /** Files waiting or being read. */
  get busy(): number {
    return this.queue.length + this.running.size;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      const seconds = Math.round(this.timeoutMs / 1000);
      const timer = setTimeout(
        () => this.finish(id, failure(job.request.fileName, 'timeout', `filen tog mer än ${seconds} s att läsa och importerades inte.`, `the file took more than ${seconds} s to read and was not imported.`), true),
        this.timeoutMs,
      );
      this.running.set(id, { job, worker, timer });
      // The bytes are copied to the worker; the caller keeps its own for storing the original.
      worker.postMessage({ id, ...job.request } satisfies ExtractRequest);
    }
  }

  dispose(): void {
    this.cancel();
    for (const w of this.idle.splice(0)) w.terminate();
  }
}

let shared: ExtractPool | null = null;
export function extractPool(): ExtractPool {
  shared ??= new ExtractPool();
  return shared;
}
