/**
 * The coding actions of the workspace — judge, code a passage, toggle a multi-valued value,
 * delete a passage, memos, accept a suggestion — each an undoable `History` action
 * (`renderer/coding/actions.ts`: undo and redo refuse over a change made in another tab), and the
 * save status of the one queue they go through ("Saving N…" while N writes are pending, "Saved"
 * only once every one committed, a failed write kept visible with a retry).
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { newId, type CodebookVersion, type Coder, type Judgement, type Project, type Segment, type Variable } from '../../../src/core';
import { describeRange } from '../../../src/core/anchoring';
import { suggestJudgement } from '../../../src/core/coding/suggest';
import type { Store } from '../../../src/store';
import { codePassageAction, deletePassageAction, isChangedElsewhere, judgementAction, memoAction } from '../../coding/actions';
import { History, type Action } from '../../coding/history';
import { guardLeaving } from '../../coding/leave-guard';
import type { OpenDocument } from './useCodingData';

export type { SaveStatus } from '../../coding/history';

export interface CodingContext {
  store: Store;
  project: Project | null | undefined;
  coder: Coder | undefined;
  version: CodebookVersion | null | undefined;
  documentId: string | null;
  open: OpenDocument | null | undefined;
  segments: Segment[];
  judgements: Judgement[];
  judgementByVariable: Map<string, Judgement>;
  reportError: (error: unknown) => void;
}

/**
 * One queue per window for every coding write, kept across views: a write that failed stays
 * visible (and retryable) when the coder leaves the Coding view and comes back.
 */
let sharedHistory: History | undefined;
function windowHistory(): History {
  if (!sharedHistory) {
    sharedHistory = new History({ isRefusal: isChangedElsewhere });
    // Closing or reloading the window with writes pending or failed asks first.
    guardLeaving(sharedHistory);
  }
  return sharedHistory;
}

export function useCodingActions(ctx: CodingContext) {
  const { store, project, coder, version, documentId, open, segments, judgementByVariable, reportError } = ctx;
  const history = windowHistory();
  useEffect(() => {
    history.report = reportError;
  }, [history, reportError]);
  const subscribe = useCallback((l: () => void) => history.subscribe(l), [history]);
  const canUndo = useSyncExternalStore(subscribe, () => history.canUndo);
  const canRedo = useSyncExternalStore(subscribe, () => history.canRedo);
  const saveStatus = useSyncExternalStore(subscribe, () => history.status);
  useEffect(() => history.clear(), [history, documentId, coder?.id]);
  /** The passage coded last (Delete removes it when no passage is focused). */
  const lastCreated = useRef<string | undefined>(undefined);

  // Values of a multi-valued variable written but not yet back from the live query: quick key
  // presses toggle on top of them, not on the stale judgement. Dropped once the query caught up.
  const pendingValues = useRef(new Map<string, string[]>());
  useEffect(() => pendingValues.current.clear(), [documentId, coder?.id]);
  useEffect(() => {
    for (const [variableId, ids] of pendingValues.current) {
      if ((judgementByVariable.get(variableId)?.valueIds ?? []).join('+') === ids.join('+')) pendingValues.current.delete(variableId);
    }
  }, [judgementByVariable]);

  /** Queue an undoable action; the save status follows the queue (failures are reported by History). */
  const perform = useCallback(
    async (action: Action) => {
      const committed = await history.run(action).catch(() => false);
      // The transaction has committed: mark it for the benchmark (test/bench/coding.ts).
      if (committed) performance.mark('overens:coding-committed');
    },
    [history],
  );

  const undoRedo = useCallback(
    async (which: 'undo' | 'redo') => {
      pendingValues.current.clear();
      await history[which]().catch(() => false);
    },
    [history],
  );

  const retry = useCallback(() => history.retry(), [history]);

  /** A write that is not undoable (the document memo), in the same queue and save status. */
  const save = useCallback(
    (write: () => Promise<unknown>) => {
      void history.write('document memo', write).catch(() => false);
    },
    [history],
  );

  const setJudgement = useCallback(
    (variable: Variable, valueIds: string[], origin: Judgement['origin'], evidence: string[]) => {
      if (!project || !coder || !version || !documentId) return;
      const previous = judgementByVariable.get(variable.id);
      const now = Date.now();
      const next: Judgement = {
        id: previous?.id ?? newId(),
        projectId: project.id,
        documentId,
        coderId: coder.id,
        codebookVersionId: version.id,
        variableId: variable.id,
        valueIds,
        status: 'final',
        origin,
        evidenceSegmentIds: evidence,
        memo: previous?.memo ?? '',
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      };
      void perform(judgementAction(store, variable, next));
    },
    [project, coder, version, documentId, judgementByVariable, perform, store],
  );

  const codeRange = useCallback(
    (variable: Variable, valueId: string, range: { start: number; end: number }) => {
      if (!project || !coder || !version || !open) return;
      const now = Date.now();
      const segment: Segment = {
        id: newId(),
        projectId: project.id,
        documentId: open.meta.id,
        coderId: coder.id,
        codebookVersionId: version.id,
        variableId: variable.id,
        valueId,
        selector: describeRange(open.content.text, range.start, range.end, open.content.pageStarts),
        memo: '',
        orphaned: false,
        createdAt: now,
        updatedAt: now,
      };
      lastCreated.current = segment.id;
      void perform(codePassageAction(store, segment));
    },
    [project, coder, version, open, perform, store],
  );

  /** A value's key or click without a selection: the document-level judgement. */
  const judge = useCallback(
    (variable: Variable, valueId: string) => {
      // A multi-valued variable: the key or click toggles the value in the judgement (codebook order).
      const chosen = new Set(variable.kind === 'multi' ? (pendingValues.current.get(variable.id) ?? judgementByVariable.get(variable.id)?.valueIds ?? []) : []);
      if (chosen.has(valueId)) chosen.delete(valueId);
      else chosen.add(valueId);
      const valueIds = variable.values.map((v) => v.id).filter((id) => chosen.has(id));
      if (variable.kind === 'multi') pendingValues.current.set(variable.id, valueIds);
      setJudgement(variable, valueIds, 'explicit', segments.filter((s) => s.coderId === coder?.id && valueIds.includes(s.valueId)).map((s) => s.id));
    },
    [setJudgement, segments, coder, judgementByVariable],
  );

  const deleteSegment = useCallback(
    (id: string) => {
      const segment = segments.find((s) => s.id === id);
      if (!segment || segment.coderId !== coder?.id) return false;
      void perform(deletePassageAction(store, segment));
      return true;
    },
    [segments, coder, perform, store],
  );

  const setSegmentMemo = useCallback(
    (segment: Segment, memo: string) => {
      if (memo === segment.memo) return;
      void perform(memoAction(store, { kind: 'segment', segment }, memo));
    },
    [perform, store],
  );

  const setJudgementMemo = useCallback(
    (judgement: Judgement, memo: string) => {
      if (memo === judgement.memo) return;
      const variable = version?.content.variables.find((v) => v.id === judgement.variableId);
      void perform(memoAction(store, { kind: 'judgement', judgement, variable }, memo));
    },
    [perform, store, version],
  );

  const acceptSuggestion = useCallback(
    (variable: Variable) => {
      const suggestion = suggestJudgement(variable, segments.filter((s) => s.coderId === coder?.id));
      if (suggestion) setJudgement(variable, [suggestion.valueId], 'suggestion', suggestion.evidenceSegmentIds);
    },
    [segments, coder, setJudgement],
  );

  return { perform, undoRedo, retry, save, saveStatus, canUndo, canRedo, lastCreated, codeRange, judge, deleteSegment, setSegmentMemo, setJudgementMemo, acceptSuggestion };
}

export type CodingActions = ReturnType<typeof useCodingActions>;
