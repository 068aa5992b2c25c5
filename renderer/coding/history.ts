/**
 * Undo/redo for coding actions. Every action is recorded as a pair of store operations; undo
 * runs the inverse, redo the action again. Operations run one at a time, in order, so fast key
 * presses never interleave two transactions.
 */
export interface Action {
  label: string;
  redo: () => Promise<void>;
  undo: () => Promise<void>;
}

export class History {
  private readonly done: Action[] = [];
  private readonly undone: Action[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly limit = 500) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Run an action now and record it. */
  run(action: Action): Promise<void> {
    return this.enqueue(async () => {
      await action.redo();
      this.done.push(action);
      if (this.done.length > this.limit) this.done.shift();
      this.undone.length = 0;
      this.notify();
    });
  }

  undo(): Promise<void> {
    return this.enqueue(async () => {
      const action = this.done.pop();
      if (!action) return;
      try {
        await action.undo();
        this.undone.push(action);
      } catch (error) {
        this.done.push(action);
        throw error;
      } finally {
        this.notify();
      }
    });
  }

  redo(): Promise<void> {
    return this.enqueue(async () => {
      const action = this.undone.pop();
      if (!action) return;
      try {
        await action.redo();
        this.done.push(action);
      } catch (error) {
        this.undone.push(action);
        throw error;
      } finally {
        this.notify();
      }
    });
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
    this.notify();
  }
}
