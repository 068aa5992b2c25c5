/**
 * What the app trains the assist engine on: the project's own records turned into the engine's
 * plain inputs. The human coders' judgements with a value under the codebook version in use (a
 * document judged by n coders weighs 1/n per coder), their passages as evidence, on documents
 * with text; never the consensus coder's (consensus restates the coders' values). `exclude` leaves
 * an agreement out (with its linked twins): proposals for a document come from a model that did
 * not learn from any coder's judgement of that document, so nobody sees another coder's answer
 * for it through the model.
 */
import type { CodebookVersion } from '../model/codebook';
import type { Segment, Judgement } from '../model/coding';
import type { DocumentMeta } from '../model/document';
import type { Coder } from '../model/project';
import type { LongCoding } from '../agreement';
import { unitOf } from '../units';
import type { TrainingRequestData } from './session';
import type { TrainingJudgement, TrainingPassage } from './model';
import { proposableVariables } from './train';

export interface ProjectTrainingInput {
  version: Pick<CodebookVersion, 'id' | 'content'>;
  documents: readonly Pick<DocumentMeta, 'id' | 'hasText' | 'textLength' | 'twin'>[];
  coders: readonly Pick<Coder, 'id' | 'kind'>[];
  judgements: readonly Judgement[];
  segments: readonly Segment[];
  /** An agreement (its own file's id) whose judgements and passages are left out, twins included. */
  exclude?: string | null;
}

export interface ProjectTraining extends TrainingRequestData {
  passages: TrainingPassage[];
  /** The documents that have judgements to learn from. */
  judgedDocuments: number;
}

export function trainingFromProject(input: ProjectTrainingInput): ProjectTraining {
  const humans = new Set(input.coders.filter((c) => c.kind === 'human').map((c) => c.id));
  const variables = proposableVariables(input.version.content.variables);
  const proposable = new Map(variables.map((v) => [v.id, v]));
  const unit = unitOf(input.documents.map((d) => ({ id: d.id, twin: d.twin })));
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const usable = (documentId: string) => {
    const d = docs.get(documentId);
    if (!d || !d.hasText) return false;
    return !input.exclude || (unit.get(documentId) ?? documentId) !== input.exclude;
  };
  const valued = input.judgements.filter(
    (j) => humans.has(j.coderId) && j.codebookVersionId === input.version.id && j.valueIds.length > 0 && usable(j.documentId) && proposable.get(j.variableId)?.values.some((v) => v.id === j.valueIds[0]),
  );
  const coders = new Map<string, number>();
  for (const j of valued) coders.set(`${j.documentId}\u0000${j.variableId}`, (coders.get(`${j.documentId}\u0000${j.variableId}`) ?? 0) + 1);
  const judgements: TrainingJudgement[] = valued.map((j) => ({ documentId: j.documentId, variableId: j.variableId, valueId: j.valueIds[0]!, weight: 1 / coders.get(`${j.documentId}\u0000${j.variableId}`)! }));
  const passages: TrainingPassage[] = input.segments
    .filter((s) => humans.has(s.coderId) && !s.orphaned && s.codebookVersionId === input.version.id && usable(s.documentId) && proposable.get(s.variableId)?.values.some((v) => v.id === s.valueId))
    .filter((s) => s.selector.position.end > s.selector.position.start && s.selector.position.end <= (docs.get(s.documentId)?.textLength ?? 0))
    .map((s) => ({ documentId: s.documentId, variableId: s.variableId, valueId: s.valueId, start: s.selector.position.start, end: s.selector.position.end }));
  return { variables, judgements, passages, judgedDocuments: new Set(judgements.map((j) => j.documentId)).size };
}

/** The human coders' judgements as long codings (document, coder and variable ids, the value's id), for the model's agreement with each coder. */
export function humanCodings(input: Pick<ProjectTrainingInput, 'version' | 'coders' | 'judgements'>): LongCoding[] {
  const humans = new Set(input.coders.filter((c) => c.kind === 'human').map((c) => c.id));
  const proposable = new Set(proposableVariables(input.version.content.variables).map((v) => v.id));
  return input.judgements
    .filter((j) => humans.has(j.coderId) && j.codebookVersionId === input.version.id && j.valueIds.length > 0 && proposable.has(j.variableId))
    .map((j) => ({ document: j.documentId, coder: j.coderId, variable: j.variableId, value: j.valueIds[0]! }));
}
