// The leave guard (renderer/coding/leave-guard.ts) over a real coding queue: closing the window is
// questioned exactly while a write is queued or running, or one failed — never once all committed.
import { describe, expect, it } from 'vitest';
import { History } from '../../renderer/coding/history';
import { guardLeaving } from '../../renderer/coding/leave-guard';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A write that the test finishes or fails by hand. */
function gated() {
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const action = { label: 'judgement', redo: () => new Promise<void>((resolve, reject) => ((finish = resolve), (fail = reject))), undo: async () => undefined };
  return { action, finish: () => finish(), fail: (e: Error) => fail(e) };
}

/** Dispatch `beforeunload` on `target`: true when the page asked to stay. */
function leaving(target: EventTarget): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('the leave guard', () => {
  it('questions leaving while a write is pending or failed, and not once everything committed', async () => {
    const history = new History();
    const target = new EventTarget();
    const remove = guardLeaving(history, target as unknown as Window);
    expect(leaving(target)).toBe(false); // nothing written yet

    const first = gated();
    void history.run(first.action).catch(() => undefined);
    expect(history.status.kind).toBe('saving');
    expect(leaving(target)).toBe(true);
    await tick();
    first.finish();
    await tick();
    expect(history.status.kind).toBe('saved');
    expect(leaving(target)).toBe(false);

    const second = gated();
    void history.run(second.action).catch(() => undefined);
    await tick();
    second.fail(new Error('disk full'));
    await tick();
    expect(history.status.kind).toBe('error');
    expect(leaving(target)).toBe(true); // the failed write is still only in memory

    remove();
    expect(leaving(target)).toBe(false);
  });
});
