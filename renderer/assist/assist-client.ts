/**
 * The app's side of the assist worker (renderer/assist/assist.worker.ts): requests as promises,
 * progress as callbacks, failures as `OverensError`s with the engine's bilingual message. The
 * worker answers one request at a time in the order sent, so a `train` followed at once by a
 * `propose` proposes with that model. The client remembers which documents the worker has, so
 * only new texts are sent. One client per window (`assistClient()`), shared by the views.
 */
import { OverensError } from '../../src/core/errors';
import type { AssistProgress, AssistRequest, AssistResponse, CrossValidation, ModelSummary, Proposal, TrainingRequestData } from '../../src/core/assist';

/** What the client needs of a Worker (a real one in the app; the same session in-process in tests). */
export interface AssistPort {
  postMessage(message: AssistRequest): void;
  onmessage: ((event: { data: AssistResponse }) => void) | null;
}

export type Progress = AssistProgress | { stage: 'preparing'; done: number; total: number };

type Pending = { resolve: (answer: AssistResponse) => void; reject: (error: unknown) => void; onProgress?: (p: Progress) => void };

// Each request without its id (the client numbers them).
type Body<T extends AssistRequest['type']> = Omit<Extract<AssistRequest, { type: T }>, 'id'>;

export class AssistClient {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly known = new Set<string>();

  constructor(private readonly port: AssistPort) {
    port.onmessage = (event) => this.receive(event.data);
  }

  private receive(answer: AssistResponse): void {
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    if (answer.type === 'progress') {
      waiting.onProgress?.(answer.progress);
      return;
    }
    this.pending.delete(answer.id);
    if (answer.type === 'error') waiting.reject(new OverensError(answer.code, answer.message));
    else waiting.resolve(answer);
  }

  private send<T extends AssistRequest['type']>(body: Body<T>, onProgress?: (p: Progress) => void): Promise<AssistResponse> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.port.postMessage({ ...body, id } as unknown as AssistRequest);
    });
  }

  /** Give the worker the texts of documents it does not have yet, and drop those that are gone. */
  async syncDocuments(ids: readonly string[], text: (id: string) => Promise<string | undefined>, onProgress?: (p: Progress) => void): Promise<void> {
    const wanted = new Set(ids);
    const gone = [...this.known].filter((id) => !wanted.has(id));
    if (gone.length) {
      for (const id of gone) this.known.delete(id);
      await this.send<'remove-documents'>({ type: 'remove-documents', documentIds: gone });
    }
    const missing = ids.filter((id) => !this.known.has(id));
    if (!missing.length) return;
    const documents: { id: string; text: string }[] = [];
    for (const id of missing) {
      const t = await text(id);
      if (t !== undefined) documents.push({ id, text: t });
    }
    for (const d of documents) this.known.add(d.id);
    await this.send<'add-documents'>({ type: 'add-documents', documents }, onProgress);
  }

  /** Train on `data`, then propose for one document with that model. */
  async trainAndPropose(data: TrainingRequestData, documentId: string, onProgress?: (p: Progress) => void): Promise<{ summary: ModelSummary; proposals: Proposal[] }> {
    const trained = this.send<'train'>({ type: 'train', ...data }, onProgress);
    const proposed = this.send<'propose'>({ type: 'propose', documentId });
    // When training fails, the proposals (of an older model) are never used: no unhandled rejection either.
    proposed.catch(() => undefined);
    const summary = ((await trained) as Extract<AssistResponse, { type: 'trained' }>).summary;
    return { summary, proposals: ((await proposed) as Extract<AssistResponse, { type: 'proposals' }>).proposals };
  }

  async crossValidate(data: TrainingRequestData, onProgress?: (p: Progress) => void): Promise<CrossValidation> {
    return ((await this.send<'cross-validate'>({ type: 'cross-validate', ...data }, onProgress)) as Extract<AssistResponse, { type: 'cross-validated' }>).result;
  }
}

let shared: AssistClient | undefined;

/** The window's client, its worker started on first use. */
export function assistClient(): AssistClient {
  shared ??= new AssistClient(new Worker(new URL('./assist.worker.ts', import.meta.url), { type: 'module' }) as unknown as AssistPort);
  return shared;
}

/** A progress as a whole percentage. */
export const percentOf = (p: Progress | null): number => (p && p.total > 0 ? Math.round((100 * p.done) / p.total) : 0);
