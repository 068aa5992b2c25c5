/**
 * The model as a coder: cross-validation over the project's judged documents in the worker (each
 * document proposed by a model that did not train on it), its agreement with each human coder
 * (α, κ per variable, as the Reliability view computes it for two coders), and the variables whose
 * lowest α over the coders reaches the lead's threshold — the ones the coding view may propose.
 * Computed again (debounced) when the training input changes; the last result is shared by the
 * views of the window.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { agreementWithCoders, humanCodings, trainingFromProject, variablesAboveThreshold, type CrossValidation } from '../../src/core/assist';
import type { AgreementReport } from '../../src/core/agreement';
import type { UserMessage } from '../../src/core';
import { OverensError } from '../../src/core/errors';
import { useStore } from '../state/store-context';
import type { Study } from '../study/useStudy';
import { assistClient, type Progress } from './assist-client';
import { fingerprint } from './fingerprint';

export interface ModelEvaluation {
  cv: CrossValidation;
  /** human coder id → the agreement report of that coder and the model. */
  reports: Map<string, AgreementReport>;
}

export type EvaluationState =
  | { kind: 'idle' }
  | { kind: 'too-few' }
  | { kind: 'running'; progress: Progress | null }
  | { kind: 'ready'; evaluation: ModelEvaluation; eligible: Set<string> }
  | { kind: 'error'; message: UserMessage };

let last: { key: string; evaluation: ModelEvaluation } | undefined;

/** Every document of the project with text, for the worker. */
export function useProjectTexts(study: Study | null | undefined, active: boolean) {
  const store = useStore();
  const ids = useMemo(() => (study?.documents ?? []).filter((d) => d.hasText).map((d) => d.id), [study?.documents]);
  const sync = useMemo(() => (active ? assistClient().syncDocuments(ids, async (id) => (await store.documents.content(id))?.text) : null), [active, ids, store]);
  return sync;
}

/** The project's passages, live (training evidence). */
export function useProjectSegments(study: Study | null | undefined, active: boolean) {
  const store = useStore();
  const projectId = study?.project.id;
  return useLiveQuery(async () => (active && projectId ? store.db.segments.where('projectId').equals(projectId).toArray() : []), [store, projectId, active]);
}

/**
 * `active`: compute now (the lead's switch is on, or the lead asked for it). `debounceMs`: how long
 * the input must stay unchanged first (longer while coding, so a burst of judgements runs it once).
 */
export function useModelEvaluation(study: Study | null | undefined, active: boolean, debounceMs = 400): EvaluationState {
  const segments = useProjectSegments(study, active);
  const synced = useProjectTexts(study, active);
  const data = useMemo(() => (study && segments ? trainingFromProject({ version: study.version, documents: study.documents, coders: study.coders, judgements: study.judgements, segments }) : null), [study, segments]);
  const key = useMemo(() => (data ? fingerprint(data) : null), [data]);
  const [state, setState] = useState<EvaluationState>({ kind: 'idle' });
  const threshold = study?.project.settings.proposalThreshold ?? 0.8;

  useEffect(() => {
    if (!active || !study || !data || !key || !synced) return;
    if (data.judgedDocuments < 2) {
      setState({ kind: 'too-few' });
      return;
    }
    if (last?.key === key) {
      setState({ kind: 'ready', evaluation: last.evaluation, eligible: new Set() });
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      setState({ kind: 'running', progress: null });
      synced
        .then(() => assistClient().crossValidate(data, (progress) => !cancelled && setState({ kind: 'running', progress })))
        .then((cv) => {
          const variables = study.version.content.variables;
          const reports = agreementWithCoders(cv, humanCodings(study), { categoryOrder: new Map(variables.map((v) => [v.id, v.values.map((x) => x.id)])), variableLevels: new Map(variables.map((v) => [v.id, v.level])) });
          last = { key, evaluation: { cv, reports } };
          if (!cancelled) setState({ kind: 'ready', evaluation: last.evaluation, eligible: new Set() });
        })
        .catch((error: unknown) => {
          if (!cancelled) setState({ kind: 'error', message: error instanceof OverensError ? error.userMessage : { sv: String(error), en: String(error) } });
        });
    }, debounceMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [active, study, data, key, synced, debounceMs]);

  // The threshold applies to the result as it is (changing it recomputes nothing).
  return useMemo(() => (state.kind === 'ready' ? { ...state, eligible: new Set(variablesAboveThreshold(state.evaluation.cv, state.evaluation.reports, threshold)) } : state), [state, threshold]);
}
