/**
 * Undo/redo for coding actions, and the one queue every coding write goes through. Every action
 * is recorded as a pair of store operations; undo runs the inverse, redo the action again.
 * Operations run one at a time, in order, so fast key presses never interleave two transactions.
 *
 * The queue is also what the save indicator shows (`status`): "saving N" while N operations are
 * queued or running, "saved" only once the queue is empty and the last operation committed. When
 * an operation fails, the queue stops at it — nothing queued behind it is written out of order —
 * and the status names it until `retry()` runs it again or Ctrl+Z (`undo()`) discards the newest
 * operation not yet written. An operation that finds its row changed elsewhere (another tab or
 * window) is refused: nothing is written, the action leaves the history and the queue goes on.
 */
export interface Action {
  label: string;
  redo: () => Promise<void>;
  undo: () => Promise<void>;
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving'; pending: number }
  | { kind: 'saved' }
  /** The queue stopped at `label`; `waiting` operations are queued behind it. */
  | { kind: 'error'; label: string; error: unknown; waiting: number }
  /** The last undo or redo found nothing to do. */
  | { kind: 'nothing'; which: 'undo' | 'redo' }
  /** The last operation was refused (its row changed or went elsewhere); nothing was written. */
  | { kind: 'refused'; which: 'run' | 'undo' | 'redo' }
  /** Ctrl+Z discarded the operations that could not be written; nothing of them was saved. */
  | { kind: 'discarded' };

type Outcome = 'saved' | 'nothing' | 'refused';

interface Op {
  kind: 'run' | 'write' | 'undo' | 'redo';
  label: string;
  action?: Action;
  write?: () => Promise<unknown>;
  resolve: (committed: boolean) => void;
  reject: (error: unknown) => void;
  settled: boolean;
}

export interface HistoryOptions {
  /** How many actions can be undone. */
  limit?: number;
  /** An error that refuses the operation instead of stopping the queue (a row changed elsewhere). */
  isRefusal?: (error: unknown) => boolean;
  /** Told of every failure and refusal (the notices). */
  report?: (error: unknown) => void;
}

export class History {
  private readonly done: Action[] = [];
  private readonly undone: Action[] = [];
  private readonly queue: Op[] = [];
  private running = false;
  /** The head of the queue failed with this error; the queue waits for retry or discard. */
  private failure: { error: unknown } | null = null;
  private last: SaveStatus = { kind: 'idle' };
  private current: SaveStatus = this.last;
  private readonly listeners = new Set<() => void>();
  private readonly limit: number;
  private readonly isRefusal: (error: unknown) => boolean;
  report: (error: unknown) => void;

  constructor(options: HistoryOptions = {}) {
    this.limit = options.limit ?? 500;
    this.isRefusal = options.isRefusal ?? (() => false);
    this.report = options.report ?? (() => undefined);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    this.current = this.computeStatus();
    for (const l of this.listeners) l();
  }

  /** Undo is possible when an action is recorded or an unwritten operation can be discarded. */
  get canUndo(): boolean {
    return this.done.length > 0 || this.failure !== null;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Operations queued or running (the failed one included). */
  get pending(): number {
    return this.queue.length;
  }

  /** The same object until the status changes (a stable snapshot for useSyncExternalStore). */
  get status(): SaveStatus {
    return this.current;
  }

  private computeStatus(): SaveStatus {
    const head = this.queue[0];
    if (this.failure && head) return { kind: 'error', label: head.label, error: this.failure.error, waiting: this.queue.length - 1 };
    if (this.queue.length > 0) return { kind: 'saving', pending: this.queue.length };
    return this.last;
  }

  private enqueue(op: Omit<Op, 'resolve' | 'reject' | 'settled'>): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ ...op, resolve, reject, settled: false });
      this.notify();
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.failure || this.queue.length === 0) return;
    const op = this.queue[0]!;
    this.running = true;
    this.execute(op).then(
      (outcome) => {
        this.running = false;
        this.queue.shift();
        this.last = outcome === 'saved' ? { kind: 'saved' } : { kind: outcome, which: op.kind === 'redo' ? 'redo' : 'undo' };
        this.settle(op, outcome === 'saved');
        this.notify();
        this.pump();
      },
      (error: unknown) => {
        this.running = false;
        this.report(error);
        if (this.isRefusal(error)) {
          this.queue.shift();
          this.last = { kind: 'refused', which: op.kind === 'write' ? 'run' : op.kind };
          this.settle(op, false);
          this.notify();
          this.pump();
          return;
        }
        this.failure = { error };
        if (!op.settled) {
          op.settled = true;
          op.reject(error);
        }
        this.notify();
      },
    );
  }

  private settle(op: Op, committed: boolean): void {
    if (op.settled) return;
    op.settled = true;
    op.resolve(committed);
  }

  private async execute(op: Op): Promise<Outcome> {
    if (op.kind === 'write') {
      await op.write!();
      return 'saved';
    }
    if (op.kind === 'run') {
      await op.action!.redo();
      this.done.push(op.action!);
      if (this.done.length > this.limit) this.done.shift();
      this.undone.length = 0;
      return 'saved';
    }
    const from = op.kind === 'undo' ? this.done : this.undone;
    const to = op.kind === 'undo' ? this.undone : this.done;
    const action = from.pop();
    if (!action) return 'nothing';
    try {
      await (op.kind === 'undo' ? action.undo() : action.redo());
    } catch (error) {
      // Refused: the action cannot be applied over someone else's change, so it leaves the
      // history. Failed: it stays, to be tried again.
      if (!this.isRefusal(error)) from.push(action);
      throw error;
    }
    to.push(action);
    return 'saved';
  }

  /** Run an action now (after those queued) and record it. Resolves when it committed. */
  run(action: Action): Promise<boolean> {
    return this.enqueue({ kind: 'run', label: action.label, action });
  }

  /** A write that is not undoable (a document memo), in the same queue and save state. */
  write(label: string, write: () => Promise<unknown>): Promise<boolean> {
    return this.enqueue({ kind: 'write', label, write });
  }

  /**
   * Undo the last action. While the queue is stopped at a failure, undo instead discards the
   * newest operation not yet written (the failed one last): it was never saved, so undoing it
   * is forgetting it, and the actions saved before it stay as they are.
   */
  undo(): Promise<boolean> {
    if (this.failure) {
      const op = this.queue.pop();
      if (op) this.settle(op, false);
      if (this.queue.length === 0) {
        this.failure = null;
        this.last = { kind: 'discarded' };
      }
      this.notify();
      return Promise.resolve(false);
    }
    return this.enqueue({ kind: 'undo', label: 'undo' });
  }

  redo(): Promise<boolean> {
    return this.enqueue({ kind: 'redo', label: 'redo' });
  }

  /** Run the failed operation again, and the queue after it. */
  retry(): void {
    if (!this.failure) return;
    this.failure = null;
    this.notify();
    this.pump();
  }

  /** Forget what can be undone and redone (another document or coder); queued writes still run. */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
    this.notify();
  }
}
