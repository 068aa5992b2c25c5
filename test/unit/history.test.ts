// Undo/redo history: order, redo after undo, a new action clears redo, failures keep the stack.
import { describe, expect, it } from 'vitest';
import { History } from '../../renderer/coding/history';

describe('History', () => {
  it('undoes and redoes in order, and a new action clears the redo stack', async () => {
    const log: string[] = [];
    const h = new History();
    const act = (name: string) => ({ label: name, redo: async () => void log.push(`do ${name}`), undo: async () => void log.push(`undo ${name}`) });
    await h.run(act('a'));
    await h.run(act('b'));
    await h.undo();
    await h.undo();
    await h.undo();
    expect(h.canUndo).toBe(false);
    await h.redo();
    expect(log).toEqual(['do a', 'do b', 'undo b', 'undo a', 'do a']);
    expect(h.canRedo).toBe(true);
    await h.run(act('c'));
    expect(h.canRedo).toBe(false);
  });

  it('keeps an action on its stack when undoing it fails', async () => {
    const h = new History();
    await h.run({ label: 'x', redo: async () => undefined, undo: async () => Promise.reject(new Error('disk full')) });
    await expect(h.undo()).rejects.toThrow('disk full');
    expect(h.canUndo).toBe(true);
  });

  it('runs actions one at a time in call order', async () => {
    const log: number[] = [];
    const h = new History();
    const slow = (n: number, ms: number) => ({ label: String(n), redo: () => new Promise<void>((r) => setTimeout(() => (log.push(n), r()), ms)), undo: async () => undefined });
    await Promise.all([h.run(slow(1, 30)), h.run(slow(2, 1)), h.run(slow(3, 10))]);
    expect(log).toEqual([1, 2, 3]);
  });
});

/** An action whose store write the test finishes by hand (`finish`/`fail`), to hold the queue mid-way. */
function gated(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (e: Error) => void;
  let attempts = 0;
  const action = {
    label: name,
    redo: () =>
      new Promise<void>((resolve, reject) => {
        attempts++;
        finish = () => (log.push(`do ${name}`), resolve());
        fail = reject;
      }),
    undo: async () => void log.push(`undo ${name}`),
  };
  return { action, finish: () => finish(), fail: (e: Error) => fail(e), attempts: () => attempts };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('History: the save status follows every queued write', () => {
  it('says "saving N" until the queue is empty, and "saved" only then', async () => {
    // Issue 18: one state for all queued actions said "Saved" with up to 10 codings uncommitted.
    const log: string[] = [];
    const h = new History();
    const seen: string[] = [];
    h.subscribe(() => seen.push(h.status.kind === 'saving' ? `saving ${h.status.pending}` : h.status.kind));
    const [a, b, c] = [gated(log, 'a'), gated(log, 'b'), gated(log, 'c')];
    void h.run(a.action);
    void h.run(b.action);
    void h.run(c.action);
    expect(h.status).toEqual({ kind: 'saving', pending: 3 });
    await tick();
    a.finish();
    await tick();
    expect(h.status).toEqual({ kind: 'saving', pending: 2 });
    b.finish();
    await tick();
    expect(h.status).toEqual({ kind: 'saving', pending: 1 });
    c.finish();
    await tick();
    expect(h.status).toEqual({ kind: 'saved' });
    // "saved" appears once, after the third commit; before it only counts going down.
    expect(seen.filter((s) => s === 'saved')).toEqual(['saved']);
    expect(seen.at(-1)).toBe('saved');
    expect(seen.slice(0, seen.indexOf('saved'))).toEqual(['saving 1', 'saving 2', 'saving 3', 'saving 2', 'saving 1']);
    expect(log).toEqual(['do a', 'do b', 'do c']);
  });

  it('counts non-undoable writes (the document memo) in the same queue', async () => {
    const h = new History();
    const slow = gated([], 'a');
    void h.run(slow.action);
    const memo = h.write('memo', async () => undefined);
    expect(h.status).toEqual({ kind: 'saving', pending: 2 });
    await tick();
    slow.finish();
    expect(await memo).toBe(true);
    expect(h.status).toEqual({ kind: 'saved' });
    expect(h.canUndo).toBe(true); // only the action, not the memo, is undoable
    await h.undo();
    expect(h.canUndo).toBe(false);
  });

  it('an undo or redo that finds nothing to do never says "saved"', async () => {
    const h = new History();
    expect(await h.undo()).toBe(false);
    expect(h.status).toEqual({ kind: 'nothing', which: 'undo' });
    expect(await h.redo()).toBe(false);
    expect(h.status).toEqual({ kind: 'nothing', which: 'redo' });
  });

  it('stops at a failed write, keeps it visible with what waits behind it, and writes them in order on retry', async () => {
    const log: string[] = [];
    const reported: unknown[] = [];
    const h = new History({ report: (e) => reported.push(e) });
    const [a, b, c] = [gated(log, 'a'), gated(log, 'b'), gated(log, 'c')];
    const runA = h.run(a.action);
    const runB = h.run(b.action);
    const runC = h.run(c.action);
    await tick();
    a.finish();
    expect(await runA).toBe(true);
    await tick();
    b.fail(new Error('QuotaExceededError'));
    await expect(runB).rejects.toThrow('QuotaExceededError');
    expect(h.status).toMatchObject({ kind: 'error', label: 'b', waiting: 1 });
    expect(reported).toHaveLength(1);
    // c is not written while b is not: nothing is saved out of order.
    await tick();
    expect(c.attempts()).toBe(0);
    h.retry();
    expect(h.status).toEqual({ kind: 'saving', pending: 2 });
    await tick();
    b.finish();
    await tick();
    c.finish();
    expect(await runC).toBe(true);
    expect(h.status).toEqual({ kind: 'saved' });
    expect(log).toEqual(['do a', 'do b', 'do c']);
  });

  it('Ctrl+Z after a failed write discards the unwritten operations, newest first, and never says "saved"', async () => {
    // Issue 18: Ctrl+Z after a failed save undid the coding before it and said "Saved".
    const log: string[] = [];
    const h = new History();
    const [a, b, c] = [gated(log, 'a'), gated(log, 'b'), gated(log, 'c')];
    void h.run(a.action);
    const runB = h.run(b.action).catch(() => 'failed');
    const runC = h.run(c.action);
    await tick();
    a.finish();
    await tick();
    b.fail(new Error('disk full'));
    expect(await runB).toBe('failed');
    expect(h.canUndo).toBe(true);
    await h.undo(); // discards c (waiting)
    expect(await runC).toBe(false);
    expect(h.status).toMatchObject({ kind: 'error', label: 'b', waiting: 0 });
    await h.undo(); // discards b (the failed one)
    expect(h.status).toEqual({ kind: 'discarded' });
    // a, which was saved, is untouched and still the next thing to undo.
    expect(log).toEqual(['do a']);
    expect(h.canUndo).toBe(true);
    await h.undo();
    expect(log).toEqual(['do a', 'undo a']);
    expect(h.status).toEqual({ kind: 'saved' });
  });

  it('a refused undo (row changed elsewhere) leaves the history, is reported, and the queue goes on', async () => {
    const refusal = new Error('changed elsewhere');
    const reported: unknown[] = [];
    const h = new History({ isRefusal: (e) => e === refusal, report: (e) => reported.push(e) });
    const log: string[] = [];
    await h.run({ label: 'a', redo: async () => void log.push('do a'), undo: async () => void log.push('undo a') });
    await h.run({ label: 'b', redo: async () => void log.push('do b'), undo: () => Promise.reject(refusal) });
    expect(await h.undo()).toBe(false);
    expect(h.status).toEqual({ kind: 'refused', which: 'undo' });
    expect(reported).toEqual([refusal]);
    expect(h.canRedo).toBe(false);
    // The next undo is a's: the refused action is gone, not stuck in front of it.
    expect(await h.undo()).toBe(true);
    expect(log).toEqual(['do a', 'do b', 'undo a']);
    expect(h.status).toEqual({ kind: 'saved' });
  });

  it('clear() forgets undo and redo but never drops a queued write', async () => {
    const log: string[] = [];
    const h = new History();
    const a = gated(log, 'a');
    const run = h.run(a.action);
    h.clear();
    await tick();
    a.finish();
    expect(await run).toBe(true);
    expect(log).toEqual(['do a']);
  });
});
