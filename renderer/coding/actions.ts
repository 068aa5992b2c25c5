/**
 * The coding view's undoable actions as `History` actions over the store's checked writes
 * (`src/store/checked-codings.ts`). Each action remembers the rows its own transaction found and
 * wrote; undo and redo re-read the row and refuse, with a message naming what changed, when
 * another tab or window has changed it since — they never write over someone else's change.
 */
import { localize, OverensError, type Judgement, type Segment, type UserMessage, type Variable } from '../../src/core';
import type { CheckedCodingWrites } from '../../src/store';
import type { Action } from './history';

export const CHANGED_ELSEWHERE = 'coding-changed-elsewhere';

/** The refusal `History` lets pass (the queue goes on) instead of stopping at it. */
export function isChangedElsewhere(error: unknown): boolean {
  return error instanceof OverensError && error.code === CHANGED_ELSEWHERE;
}

export function changedElsewhere(which: 'run' | 'undo' | 'redo', what: UserMessage): OverensError {
  if (which === 'run') {
    return new OverensError(CHANGED_ELSEWHERE, {
      sv: `Sparades inte: ${what.sv} finns inte längre (borttagen i en annan flik eller ett annat fönster).`,
      en: `Not saved: ${what.en} no longer exists (deleted in another tab or window).`,
    });
  }
  return new OverensError(CHANGED_ELSEWHERE, {
    sv: `${which === 'undo' ? 'Ångrades inte' : 'Gjordes inte om'}: ${what.sv} har ändrats i en annan flik eller ett annat fönster.`,
    en: `${which === 'undo' ? 'Not undone' : 'Not redone'}: ${what.en} was changed in another tab or window.`,
  });
}

type Checked = Pick<{ checked: CheckedCodingWrites }, 'checked'>;

const judgementOf = (variable: Variable): UserMessage => ({
  sv: `bedömningen av ”${localize(variable.label, 'sv')}”`,
  en: `the judgement of “${localize(variable.label, 'en')}”`,
});

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
const passageOf = (segment: Segment): UserMessage => ({
  sv: `markeringen ”${short(segment.selector.quote.exact)}”`,
  en: `the passage “${short(segment.selector.quote.exact)}”`,
});

/**
 * Set a judgement (document, coder, variable of `next`). The first run keeps the stored row's id,
 * memo and creation time; undo puts back exactly the row the first run replaced (or deletes the
 * judgement it created), redo puts back what the first run wrote — each only over the row as the
 * other left it.
 */
export function judgementAction(store: Checked, variable: Variable, next: Judgement): Action {
  const key = { documentId: next.documentId, coderId: next.coderId, variableId: next.variableId };
  const what = judgementOf(variable);
  let ran = false;
  let before: Judgement | undefined;
  let after: Judgement | undefined;
  const again = (row: Judgement | undefined) => (row ? { ...row, updatedAt: Date.now() } : null);
  return {
    label: `judge ${variable.key}`,
    redo: async () => {
      if (!ran) {
        const r = await store.checked.swapJudgement(key, (current) => ({ ...next, id: current?.id ?? next.id, memo: current?.memo ?? next.memo, createdAt: current?.createdAt ?? next.createdAt }));
        if (r.conflict) throw changedElsewhere('run', what);
        [ran, before, after] = [true, r.before, r.after];
        return;
      }
      const r = await store.checked.swapJudgement(key, () => again(after), before ?? null);
      if (r.conflict) throw changedElsewhere('redo', what);
      after = r.after;
    },
    undo: async () => {
      const r = await store.checked.swapJudgement(key, () => again(before), after ?? null);
      if (r.conflict) throw changedElsewhere('undo', what);
      before = r.after;
    },
  };
}

/** Code a passage; undo deletes it only while it is as coded, redo puts it back. */
export function codePassageAction(store: Checked & { codings: { addSegment: (s: Segment) => Promise<unknown> } }, segment: Segment): Action {
  const what = passageOf(segment);
  let ran = false;
  let evidenceOf: string[] = [];
  return {
    label: 'code passage',
    redo: async () => {
      if (!ran) {
        await store.codings.addSegment(segment);
        ran = true;
        return;
      }
      const r = await store.checked.restoreSegment(segment, evidenceOf);
      if (r.conflict) throw changedElsewhere('redo', what);
    },
    undo: async () => {
      const r = await store.checked.deleteSegmentIf(segment.id, segment);
      if (r.conflict) throw changedElsewhere('undo', what);
      evidenceOf = r.evidenceOf;
    },
  };
}

/** Delete a passage; undo puts back exactly what was deleted (and its place as evidence). */
export function deletePassageAction(store: Checked, segment: Segment): Action {
  const what = passageOf(segment);
  let deleted: Segment | undefined;
  let evidenceOf: string[] = [];
  return {
    label: 'delete passage',
    redo: async () => {
      const r = await store.checked.deleteSegmentIf(segment.id, deleted);
      if (r.conflict) throw changedElsewhere('redo', what);
      if (!r.deleted) throw changedElsewhere('run', what);
      [deleted, evidenceOf] = [r.deleted, r.evidenceOf];
    },
    undo: async () => {
      if (!deleted) return;
      const r = await store.checked.restoreSegment(deleted, evidenceOf);
      if (r.conflict) throw changedElsewhere('undo', what);
    },
  };
}

/** A memo on a passage or a judgement: undo restores the memo it replaced, if no one changed it since. */
export function memoAction(store: Checked, target: { kind: 'segment'; segment: Segment } | { kind: 'judgement'; judgement: Judgement; variable?: Variable }, memo: string): Action {
  const swap = (text: string, expected?: string) =>
    target.kind === 'segment' ? store.checked.swapSegmentMemo(target.segment.id, text, expected) : store.checked.swapJudgementMemo(target.judgement.id, text, expected);
  const of = target.kind === 'segment' ? passageOf(target.segment) : target.variable ? judgementOf(target.variable) : { sv: 'bedömningen', en: 'the judgement' };
  const what = { sv: `memot till ${of.sv}`, en: `the memo on ${of.en}` };
  let ran = false;
  let before = '';
  return {
    label: 'memo',
    redo: async () => {
      const r = await swap(memo, ran ? before : undefined);
      if (r.conflict) throw changedElsewhere(ran ? 'redo' : 'run', ran ? what : of);
      if (!ran) [ran, before] = [true, r.before];
    },
    undo: async () => {
      const r = await swap(before, memo);
      if (r.conflict) throw changedElsewhere('undo', what);
    },
  };
}

/** Code every hit of a corpus search (one transaction); undo removes them only if none changed since. */
export function codeHitsAction(store: Checked & { codings: { addSegments: (s: readonly Segment[]) => Promise<unknown> } }, segments: readonly Segment[]): Action {
  const what = { sv: `de ${segments.length} kodade träffarna`, en: `the ${segments.length} coded hits` };
  return {
    label: 'code all hits',
    redo: async () => void (await store.codings.addSegments(segments)),
    undo: async () => {
      const r = await store.checked.deleteSegmentsIf(segments);
      if (r.conflict) throw changedElsewhere('undo', what);
    },
  };
}
