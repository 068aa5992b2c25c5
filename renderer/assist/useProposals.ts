/**
 * Proposals for the open document in the coding view. Asks the safeguards first (the lead's
 * switch, the consensus coder, the coder's reliability assignments); then trains in the worker —
 * on the project's judgements and passages without any coder's of this agreement — and proposes
 * for the open file; retrains (debounced) when that input changes. Per variable, `mayPropose`
 * decides what is shown (never over a judgement; only above the lead's threshold). Accepting is
 * the coder's own, undoable action: a judgement with origin `proposal` and the model's confidence.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { isReliabilityAssignment, mayPropose, proposalSettings, trainingFromProject, type Proposal, type ProposalVerdict } from '../../src/core/assist';
import { newId, type Judgement, type UserMessage, type Variable } from '../../src/core';
import { OverensError } from '../../src/core/errors';
import type { Store } from '../../src/store';
import { judgementAction } from '../coding/actions';
import type { Action } from '../coding/history';
import type { Study } from '../study/useStudy';
import { assistClient, type Progress } from './assist-client';
import { fingerprint } from './fingerprint';
import { useModelEvaluation, useProjectSegments, useProjectTexts } from './useModelEvaluation';

export type ProposalState =
  | { kind: 'off' }
  | { kind: 'blocked'; reason: 'consensus-coder' | 'reliability-assignment' }
  | { kind: 'training'; progress: Progress | null }
  | { kind: 'too-few' }
  | { kind: 'ready' }
  | { kind: 'error'; message: UserMessage };

export interface Proposals {
  state: ProposalState;
  /** The proposal to show for a variable, if the safeguards allow one. */
  shown: (variableId: string) => Proposal | undefined;
  verdict: (variableId: string) => ProposalVerdict;
  /** Accept the shown proposal of a variable (false when there is none to accept). */
  accept: (variable: Variable) => boolean;
}

export interface ProposalContextInput {
  study: Study | null | undefined;
  store: Store;
  /** The open file, and the agreement its judgements belong to. */
  documentId: string | null;
  unitId: string | null;
  judgementByVariable: ReadonlyMap<string, Judgement>;
  perform: (action: Action) => Promise<void>;
}

const message = (error: unknown): UserMessage => (error instanceof OverensError ? error.userMessage : { sv: String(error), en: String(error) });

export function useProposals({ study, store, documentId, unitId, judgementByVariable, perform }: ProposalContextInput): Proposals {
  const coder = study?.activeCoder;
  const enabled = study ? proposalSettings(study.project.settings).enabled : false;
  const document = study?.documents.find((d) => d.id === documentId);
  const reliability = Boolean(study && coder && unitId && isReliabilityAssignment({ assignments: study.assignments, coderId: coder.id, coderName: coder.name, unitId, sampleCoder: document?.attributes.urval }));
  const blocked = !coder ? null : coder.kind === 'consensus' ? 'consensus-coder' : reliability ? 'reliability-assignment' : null;
  const active = enabled && !blocked && Boolean(document?.hasText);

  const evaluation = useModelEvaluation(study, active, 2000);
  const segments = useProjectSegments(study, active);
  const synced = useProjectTexts(study, active);
  const data = useMemo(
    () => (study && segments && unitId ? trainingFromProject({ version: study.version, documents: study.documents, coders: study.coders, judgements: study.judgements, segments, exclude: unitId }) : null),
    [study, segments, unitId],
  );
  const key = useMemo(() => (data ? `${documentId}:${fingerprint(data)}` : null), [data, documentId]);
  const [result, setResult] = useState<{ key: string; proposals: Map<string, Proposal> } | null>(null);
  const [training, setTraining] = useState<{ progress: Progress | null } | { error: UserMessage } | null>(null);

  useEffect(() => {
    if (!active || !data || !key || !documentId || !synced) return;
    if (data.judgedDocuments < 2) return;
    let cancelled = false;
    const timer = setTimeout(
      () => {
        setTraining({ progress: null });
        synced
          .then(() => assistClient().trainAndPropose(data, documentId, (progress) => !cancelled && setTraining({ progress })))
          .then(({ proposals }) => {
            if (cancelled) return;
            setResult({ key, proposals: new Map(proposals.map((p) => [p.variableId, p])) });
            setTraining(null);
          })
          .catch((error: unknown) => !cancelled && setTraining({ error: message(error) }));
      },
      // A new document trains at once; new judgements elsewhere after a pause.
      result?.key.startsWith(`${documentId}:`) ? 500 : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- result is read only for the debounce
  }, [active, key, documentId, synced]);

  // Proposals of another document (or an older input) are never shown.
  const current = result && result.key.startsWith(`${documentId}:`) ? result.proposals : null;
  const eligible = useMemo(() => (evaluation.kind === 'ready' ? evaluation.eligible : new Set<string>()), [evaluation]);
  const judged = useMemo(() => new Set([...judgementByVariable].filter(([, j]) => j.valueIds.length > 0).map(([id]) => id)), [judgementByVariable]);
  const verdict = useCallback(
    (variableId: string): ProposalVerdict => mayPropose({ enabled, coder: { kind: coder?.kind ?? 'human' }, reliabilityAssignment: reliability, judged, eligible }, variableId),
    [enabled, coder?.kind, reliability, judged, eligible],
  );
  const shown = useCallback((variableId: string) => (active && verdict(variableId).show ? current?.get(variableId) : undefined), [active, verdict, current]);

  const accept = useCallback(
    (variable: Variable) => {
      const proposal = shown(variable.id);
      if (!proposal || !study || !coder || !unitId) return false;
      const now = Date.now();
      const previous = judgementByVariable.get(variable.id);
      const next: Judgement = {
        id: previous?.id ?? newId(),
        projectId: study.project.id,
        documentId: unitId,
        coderId: coder.id,
        codebookVersionId: study.version.id,
        variableId: variable.id,
        valueIds: [proposal.valueId],
        status: 'final',
        origin: 'proposal',
        proposalConfidence: proposal.confidence,
        evidenceSegmentIds: [],
        memo: previous?.memo ?? '',
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      };
      void perform(judgementAction(store, variable, next));
      return true;
    },
    [shown, study, coder, unitId, judgementByVariable, perform, store],
  );

  const state: ProposalState = !enabled
    ? { kind: 'off' }
    : blocked
      ? { kind: 'blocked', reason: blocked }
      : training && 'error' in training
        ? { kind: 'error', message: training.error }
        : evaluation.kind === 'error'
          ? { kind: 'error', message: evaluation.message }
          : data && data.judgedDocuments < 2
            ? { kind: 'too-few' }
            : training || evaluation.kind === 'running' || evaluation.kind === 'idle' || !current
              ? { kind: 'training', progress: training && 'progress' in training ? training.progress : evaluation.kind === 'running' ? evaluation.progress : null }
              : { kind: 'ready' };
  return { state, shown, verdict, accept };
}
