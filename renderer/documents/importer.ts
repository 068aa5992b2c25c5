/**
 * Import a batch of files into a project: extract each (in the worker pool), skip exact duplicates
 * (same SHA-256 in the project — the user may import them anyway as a new version), store each
 * document with its content and original bytes in one transaction, and report per file. A failing
 * file never stops the batch and never touches what is already stored.
 */
import { newId, ocrWarnings, planOcr, type DocumentMeta, type UserMessage } from '../../src/core';
import type { ExtractedDocument, IngestErrorCode, IngestResult } from '../../src/ingest/types';
import type { Store } from '../../src/store';
import { TwinIndex } from './twins';

export type ImportOutcome =
  | {
      status: 'imported';
      fileName: string;
      document: DocumentMeta;
      carried?: { anchored: number; orphaned: number };
      /** An agreement already in the project whose text this one (nearly) equals: the user decides whether it is the same agreement. */
      twin?: { documentId: string; fileName: string; similarity: number };
      /** The user's answer: linked as the same agreement, or kept as a separate document. */
      twinDecision?: 'linked' | 'separate';
    }
  | { status: 'duplicate'; fileName: string; existing: DocumentMeta; extracted: ExtractedDocument; bytes: Uint8Array }
  | { status: 'failed'; fileName: string; code: IngestErrorCode | 'store'; message: UserMessage; bytes: Uint8Array };

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  password?: string;
}

export type Extractor = (fileName: string, bytes: Uint8Array, password?: string) => Promise<IngestResult>;

/**
 * Store a newer version of a document and carry its codings over, re-anchored in the new text
 * (passages that cannot be found are kept as orphans).
 */
export async function storeNewVersion(store: Store, projectId: string, extracted: ExtractedDocument, bytes: Uint8Array, previous: DocumentMeta) {
  const document = await storeExtracted(store, projectId, extracted, bytes, previous);
  const carried = await store.codings.carryOver(previous.id, { documentId: document.id, text: extracted.text, pageStarts: extracted.pageStarts, html: extracted.html });
  return { document, carried };
}

export async function storeExtracted(store: Store, projectId: string, extracted: ExtractedDocument, bytes: Uint8Array, asNewVersionOf?: DocumentMeta): Promise<DocumentMeta> {
  const id = newId();
  // Pages without a text layer wait for OCR (renderer/ocr/ picks them up).
  const ocr = extracted.kind === 'pdf' ? planOcr(extracted.text, extracted.pageStarts) : undefined;
  const meta: DocumentMeta = {
    id,
    projectId,
    fileName: extracted.fileName,
    kind: extracted.kind,
    sha256: extracted.sha256,
    size: extracted.size,
    version: asNewVersionOf ? asNewVersionOf.version + 1 : 1,
    previousVersionId: asNewVersionOf?.id,
    importedAt: Date.now(),
    pageCount: extracted.pageCount,
    textLength: extracted.text.length,
    hasText: extracted.hasText,
    attributes: asNewVersionOf ? { ...asNewVersionOf.attributes } : {},
    warnings: ocr ? ocrWarnings(extracted.warnings, extracted.text, extracted.pageStarts, ocr) : extracted.warnings,
    ...(ocr ? { ocr } : {}),
  };
  return store.documents.add({
    meta,
    content: { documentId: id, text: extracted.text, pageStarts: extracted.pageStarts, html: extracted.html },
    file: { documentId: id, mimeType: extracted.mimeType, bytes: new Blob([bytes.slice()], { type: extracted.mimeType }) },
  });
}

export async function importFiles(
  store: Store,
  projectId: string,
  files: readonly ImportFile[],
  extract: Extractor,
  onProgress: (done: number, total: number, outcome: ImportOutcome) => void,
): Promise<ImportOutcome[]> {
  let done = 0;
  const twins = new TwinIndex(store, projectId);
  let serial: Promise<unknown> = Promise.resolve();
  const outcomes = await Promise.all(
    files.map(async (file): Promise<ImportOutcome> => {
      let outcome: ImportOutcome;
      // The pool never rejects; any other extractor that throws fails this file, not the batch.
      const result = await extract(file.name, file.bytes, file.password).catch((error: unknown): IngestResult => {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
        return { ok: false, error: { fileName: file.name, code: 'unknown', message: { sv: `${file.name}: importen misslyckades (${message}).`, en: `${file.name}: the import failed (${message}).` } } };
      });
      if (!result.ok) {
        outcome = { status: 'failed', fileName: file.name, code: result.error.code, message: result.error.message, bytes: file.bytes };
      } else {
        const existing = (await store.documents.findBySha256(projectId, result.document.sha256)).sort((a, b) => b.version - a.version)[0];
        if (existing) {
          outcome = { status: 'duplicate', fileName: file.name, existing, extracted: result.document, bytes: file.bytes };
        } else {
          try {
            // Compared and stored one at a time, so two files of one agreement in the same batch find each other.
            const extracted = result.document;
            const step = serial.then(async (): Promise<ImportOutcome> => {
              const twin = extracted.hasText ? await twins.find(extracted.text) : undefined;
              const document = await storeExtracted(store, projectId, extracted, file.bytes);
              if (!twin && extracted.hasText) await twins.add(document.id, extracted.text);
              const twinMeta = twin && (await store.documents.get(twin.documentId));
              return { status: 'imported', fileName: file.name, document, ...(twin && twinMeta ? { twin: { documentId: twin.documentId, fileName: twinMeta.fileName, similarity: twin.similarity } } : {}) };
            });
            serial = step.catch(() => undefined);
            outcome = await step;
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            outcome = { status: 'failed', fileName: file.name, code: 'store', message: { sv: `${file.name}: kunde inte sparas (${message}).`, en: `${file.name}: could not be saved (${message}).` }, bytes: file.bytes };
          }
        }
      }
      onProgress(++done, files.length, outcome);
      return outcome;
    }),
  );
  return outcomes;
}
