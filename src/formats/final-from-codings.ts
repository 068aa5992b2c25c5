/**
 * The final dataset of a long codings file as the app's dataset exports take it
 * (`overens convert lang.csv final.csv --final`): the records of prevalence-input.ts composed by
 * the app's `composeFinalDataset`, written by the app's long and wide writers (dataset.ts) — the
 * long file holds the final rows only (coder `final`, with provenance), the wide one a row per
 * agreement with a `<key>__prov` column per variable.
 */
import type { Coder, DocumentMeta, Judgement } from '../core';
import { composeFinalDataset, type FinalDataset } from '../core/final-dataset';
import type { DatasetInput } from './dataset';
import type { CodingsRecords } from './prevalence-input';

export function finalDatasetInput(records: CodingsRecords): { input: DatasetInput; final: FinalDataset } {
  const final = composeFinalDataset(records);
  const documents: DocumentMeta[] = records.documents.map((d) => ({
    id: d.id, projectId: 'cli', fileName: d.fileName, kind: 'txt', sha256: '0'.repeat(64), size: 0, version: 1, importedAt: 0, pageCount: 0, textLength: 0, hasText: true, attributes: d.attributes, warnings: [],
    ...(d.twin ? { twin: { of: d.twin.of, similarity: 1, linkedAt: 0 } } : {}),
  }));
  const coders: Coder[] = records.coders.map((c, i) => ({ id: c.id, projectId: 'cli', name: c.name, kind: c.kind, createdAt: i }));
  // The coders' own rows are not repeated: the long file is the final dataset's rows.
  const judgements: Judgement[] = [];
  return { input: { content: records.content, documents, coders, judgements, lang: 'sv', final }, final };
}
