/**
 * The coding actions of the workspace — judge, code a passage, toggle a multi-valued value,
 * delete a passage, memos, accept a suggestion — each an undoable `History` action, and the save
 * state they report ("Saved" only after the IndexedDB transaction committed).
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { newId, type CodebookVersion, type Coder, type Judgement, type Project, type Segment, type Variable } from '../../../src/core';
import { describeRange } from '../../../src/core/anchoring';
import { suggestJudgement } from '../../../src/core/coding/suggest';
import type { Store } from '../../../src/store';
import { History, type Action } from '../../coding/history';
import type { OpenDocument } from './useCodingData';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

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

export function useCodingActions(ctx: CodingContext) {
  const { store, project, coder, version, documentId, open, segments, judgements, judgementByVariable, reportError } = ctx;
  const history = useMemo(() => new History(), []);
  const historyState = useSyncExternalStore(
    useCallback((l: () => void) => history.subscribe(l), [history]),
    () => `${history.canUndo}/${history.canRedo}`,
  );
  useEffect(() => history.clear(), [history, documentId, coder?.id]);
  const [canUndo, canRedo] = historyState.split('/').map((x) => x === 'true') as [boolean, boolean];
  const [saveState, setSaveState] = useState<SaveState>('idle');
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

  const perform = useCallback(
    async (action: Action) => {
      setSaveState('saving');
      try {
        await history.run(action);
        // The transaction has committed: mark it for the benchmark (test/bench/coding.ts).
        performance.mark('overens:coding-committed');
        setSaveState('saved');
      } catch (error) {
        setSaveState('error');
        reportError(error);
      }
    },
    [history, reportError],
  );

  const undoRedo = useCallback(
    async (which: 'undo' | 'redo') => {
      pendingValues.current.clear();
      setSaveState('saving');
      try {
        await history[which]();
        setSaveState('saved');
      } catch (error) {
        setSaveState('error');
        reportError(error);
      }
    },
    [history, reportError],
  );

  /** A write that is not undoable (the document memo), shown in the same save state. */
  const save = useCallback(
    (write: () => Promise<unknown>) => {
      setSaveState('saving');
      write().then(
        () => setSaveState('saved'),
        (error: unknown) => {
          setSaveState('error');
          reportError(error);
        },
      );
    },
    [reportError],
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
      void perform({
        label: `judge ${variable.key}`,
        redo: async () => void (await store.codings.putJudgement(next)),
        undo: async () => (previous ? void (await store.codings.putJudgement(previous)) : store.codings.deleteJudgement(next.id)),
      });
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
      void perform({
        label: 'code passage',
        redo: async () => void (await store.codings.addSegment(segment)),
        undo: () => store.codings.deleteSegment(segment.id),
      });
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
      const affected = judgements.filter((j) => j.evidenceSegmentIds.includes(id));
      void perform({
        label: 'delete passage',
        redo: () => store.codings.deleteSegment(id),
        undo: async () => {
          await store.codings.addSegment(segment);
          for (const j of affected) await store.codings.putJudgement(j);
        },
      });
      return true;
    },
    [segments, judgements, coder, perform, store],
  );

  const setSegmentMemo = useCallback(
    (segment: Segment, memo: string) => {
      if (memo === segment.memo) return;
      void perform({
        label: 'memo',
        redo: () => store.codings.updateSegmentMemo(segment.id, memo),
        undo: () => store.codings.updateSegmentMemo(segment.id, segment.memo),
      });
    },
    [perform, store],
  );

  const setJudgementMemo = useCallback(
    (judgement: Judgement, memo: string) => {
      if (memo === judgement.memo) return;
      void perform({
        label: 'memo',
        redo: () => store.codings.updateJudgementMemo(judgement.id, memo),
        undo: () => store.codings.updateJudgementMemo(judgement.id, judgement.memo),
      });
    },
    [perform, store],
  );

  const acceptSuggestion = useCallback(
    (variable: Variable) => {
      const suggestion = suggestJudgement(variable, segments.filter((s) => s.coderId === coder?.id));
      if (suggestion) setJudgement(variable, [suggestion.valueId], 'suggestion', suggestion.evidenceSegmentIds);
    },
    [segments, coder, setJudgement],
  );

  return { perform, undoRedo, save, saveState, canUndo, canRedo, lastCreated, codeRange, judge, deleteSegment, setSegmentMemo, setJudgementMemo, acceptSuggestion };
}

export type CodingActions = ReturnType<typeof useCodingActions>;
