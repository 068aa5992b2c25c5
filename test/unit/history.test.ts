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
