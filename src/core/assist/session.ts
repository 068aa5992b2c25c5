/**
 * The assist engine behind a message channel: what a Web Worker runs (renderer/assist/
 * assist.worker.ts only connects it to `postMessage`). The session keeps the prepared documents
 * (each text is read once) and the last trained model, so retraining after new judgements reads
 * no text again. Every request carries an `id` its answers repeat; failures come back as
 * `error` answers with the bilingual message, never as an exception in the worker.
 */
import { OverensError, type UserMessage } from '../errors';
import type { Variable } from '../model/codebook';
import { crossValidate, type CrossValidation } from './cross-validate';
import type { AssistModel, AssistProgress, Proposal, TrainingJudgement, TrainingPassage } from './model';
import { propose } from './predict';
import { prepareDocument, type PreparedDocument } from './prepare';
import { trainAssistModel } from './train';

export interface TrainingRequestData {
  variables: Variable[];
  judgements: TrainingJudgement[];
  passages?: TrainingPassage[];
  seed?: number;
}

export type AssistRequest =
  | { type: 'add-documents'; id: number; documents: { id: string; text: string }[] }
  | { type: 'remove-documents'; id: number; documentIds: string[] }
  | ({ type: 'train'; id: number } & TrainingRequestData)
  | { type: 'propose'; id: number; documentId: string; variableIds?: string[] }
  | ({ type: 'cross-validate'; id: number } & TrainingRequestData);

export interface ModelSummary {
  documents: number;
  variables: { variableId: string; documents: number; heldOut: number; heldOutRight: number }[];
}

export type AssistResponse =
  | { type: 'progress'; id: number; progress: AssistProgress | { stage: 'preparing'; done: number; total: number } }
  | { type: 'documents'; id: number; documents: number }
  | { type: 'trained'; id: number; summary: ModelSummary }
  | { type: 'proposals'; id: number; proposals: Proposal[] }
  | { type: 'cross-validated'; id: number; result: CrossValidation }
  | { type: 'error'; id: number; code: string; message: UserMessage };

export interface AssistSession {
  handle(request: AssistRequest): void;
  /** The current model (for tests and for keeping it). */
  model(): AssistModel | null;
}

export function summarise(model: AssistModel): ModelSummary {
  return { documents: model.trainedOn.length, variables: model.variables.map((v) => ({ variableId: v.variableId, documents: v.documents, heldOut: v.heldOut, heldOutRight: v.heldOutRight })) };
}

export function createAssistSession(post: (response: AssistResponse) => void): AssistSession {
  const texts = new Map<string, string>();
  const prepared = new Map<string, PreparedDocument>();
  let current: AssistModel | null = null;

  const input = (r: TrainingRequestData) => ({ variables: r.variables, documents: [...prepared.values()], judgements: r.judgements, passages: r.passages });

  function run(request: AssistRequest): void {
    const progress = (p: AssistResponse & { type: 'progress' }) => post(p);
    switch (request.type) {
      case 'add-documents': {
        request.documents.forEach((d, i) => {
          texts.set(d.id, d.text);
          prepared.set(d.id, prepareDocument(d.id, d.text));
          progress({ type: 'progress', id: request.id, progress: { stage: 'preparing', done: i + 1, total: request.documents.length } });
        });
        post({ type: 'documents', id: request.id, documents: prepared.size });
        return;
      }
      case 'remove-documents':
        for (const id of request.documentIds) {
          texts.delete(id);
          prepared.delete(id);
        }
        post({ type: 'documents', id: request.id, documents: prepared.size });
        return;
      case 'train':
        current = trainAssistModel(input(request), { seed: request.seed, onProgress: (p) => progress({ type: 'progress', id: request.id, progress: p }) });
        post({ type: 'trained', id: request.id, summary: summarise(current) });
        return;
      case 'propose': {
        if (!current) throw new OverensError('assist-not-trained', { sv: 'Modellen är inte tränad än.', en: 'The model has not been trained yet.' });
        const doc = prepared.get(request.documentId);
        if (!doc) throw new OverensError('assist-unknown-document', { sv: `Dokumentet ”${request.documentId}” är inte inläst i förslagsmotorn.`, en: `Document "${request.documentId}" has not been added to the assist engine.` });
        post({ type: 'proposals', id: request.id, proposals: propose(current, doc, texts.get(request.documentId)!, request.variableIds) });
        return;
      }
      case 'cross-validate':
        post({ type: 'cross-validated', id: request.id, result: crossValidate(input(request), { seed: request.seed, onProgress: (p) => progress({ type: 'progress', id: request.id, progress: p }) }) });
        return;
    }
  }

  return {
    handle(request) {
      try {
        run(request);
      } catch (error) {
        if (error instanceof OverensError) post({ type: 'error', id: request.id, code: error.code, message: error.userMessage });
        else post({ type: 'error', id: request.id, code: 'assist-failed', message: { sv: `Förslagsmotorn misslyckades: ${String(error)}`, en: `The assist engine failed: ${String(error)}` } });
      }
    },
    model: () => current,
  };
}
