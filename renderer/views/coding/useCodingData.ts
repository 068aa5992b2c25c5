/** Live data the coding workspace needs: codebook version, documents, the open document's parts. */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CodebookVersion, Coder, DocumentContent, DocumentMeta, Judgement, Project, Segment } from '../../../src/core';
import type { Store } from '../../../src/store';

export function useCodebookVersion(store: Store, project: Project | null | undefined): CodebookVersion | null | undefined {
  const codebookId = project?.settings.codebookId;
  return useLiveQuery(async () => {
    if (!codebookId) return null;
    return (await store.codebooks.latestPublished(codebookId)) ?? (await store.codebooks.latest(codebookId)) ?? null;
  }, [store, codebookId]);
}

export interface OpenDocument {
  meta: DocumentMeta;
  content: DocumentContent;
  bytes: Uint8Array | null;
}

export function useOpenDocument(store: Store, documentId: string | null): OpenDocument | null | undefined {
  const meta = useLiveQuery(async () => (documentId ? ((await store.documents.get(documentId)) ?? null) : null), [store, documentId]);
  const [parts, setParts] = useState<{ id: string; content: DocumentContent; bytes: Uint8Array | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    if (!documentId) return;
    void (async () => {
      const content = await store.documents.content(documentId);
      const file = await store.documents.file(documentId);
      const bytes = file && content ? new Uint8Array(await file.bytes.arrayBuffer()) : null;
      if (!cancelled && content) setParts({ id: documentId, content, bytes });
    })();
    return () => {
      cancelled = true;
    };
  }, [store, documentId]);
  // OCR stores pages while the document is open: take the new text (the bytes stay, so the view is not reopened).
  const textLength = meta?.textLength;
  useEffect(() => {
    if (!documentId || textLength === undefined) return;
    let cancelled = false;
    void store.documents.content(documentId).then((content) => {
      if (!cancelled && content) setParts((old) => (old && old.id === documentId && old.content.text.length !== content.text.length ? { ...old, content } : old));
    });
    return () => {
      cancelled = true;
    };
  }, [store, documentId, textLength]);
  return useMemo(() => {
    if (meta === undefined) return undefined;
    if (!meta) return null;
    if (!parts || parts.id !== meta.id) return undefined;
    return { meta, content: parts.content, bytes: meta.kind === 'pdf' ? parts.bytes : null };
  }, [meta, parts]);
}

/**
 * Segments shown: the active coder's, plus everyone else's when the coder is not blind (the
 * blinding policy, src/core/blinding.ts, decides `blind`). Judgements are the active coder's on
 * the agreement (`unitId`: the file a linked twin belongs to), so they show on either file.
 */
export function useDocumentCodings(store: Store, documentId: string | null, coder: Coder | undefined, blind: boolean, unitId: string | null = documentId) {
  const segments = useLiveQuery(async (): Promise<Segment[]> => {
    if (!documentId || !coder) return [];
    return blind ? store.codings.segmentsFor(documentId, coder.id) : store.codings.segmentsOfDocument(documentId);
  }, [store, documentId, coder?.id, blind]);
  const judgements = useLiveQuery(async (): Promise<Judgement[]> => (unitId && coder ? store.codings.judgementsFor(unitId, coder.id) : []), [store, unitId, coder?.id]);
  return { segments: segments ?? [], judgements: judgements ?? [] };
}
