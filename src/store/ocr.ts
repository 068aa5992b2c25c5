/**
 * Recognised pages into stored documents, one page per transaction: the page's text and word
 * layer, the document's OCR state, warnings and length, and — when later pages already had text —
 * every passage after the page moved by the text's length, all together (a page is usable as soon
 * as it is stored, and a crash between pages loses at most the page being recognised).
 */
import { applyOcrPage, DEFAULT_OCR_LANGUAGES, DocumentContent, DocumentMeta, ocrWarnings, pendingOcrPages, type OcrPageResult, type OcrStatus, type UserMessage } from '../core';
import { anchorSelector } from '../core/anchoring';
import type { OverensDb } from './db';

export class OcrRepository {
  constructor(private readonly db: OverensDb) {}

  /** Documents of the project with pages waiting for OCR. */
  async pending(projectId: string): Promise<DocumentMeta[]> {
    const docs = await this.db.documents.where('projectId').equals(projectId).toArray();
    return docs.filter((d) => d.ocr?.status === 'pending' && pendingOcrPages(d.ocr).length > 0).sort((a, b) => a.importedAt - b.importedAt);
  }

  /** Store one recognised page. Returns false when the document is gone (deleted meanwhile). */
  async applyPage(documentId: string, result: OcrPageResult): Promise<boolean> {
    const db = this.db;
    return db.transaction('rw', [db.documents, db.documentContents, db.segments], async () => {
      const meta = await db.documents.get(documentId);
      const content = await db.documentContents.get(documentId);
      if (!meta || !content) return false;
      const pageStart = content.pageStarts[result.page - 1] ?? 0;
      const applied = applyOcrPage(meta, content, result);
      await db.documentContents.put(DocumentContent.parse(applied.content));
      await db.documents.put(DocumentMeta.parse(applied.meta));
      const { from, delta } = applied.shift;
      const { text, pageStarts } = applied.content;
      await db.segments
        .where('documentId')
        .equals(documentId)
        .modify((s) => {
          const { position } = s.selector;
          if (position.start >= from) {
            if (delta !== 0) s.selector = { ...s.selector, position: { start: position.start + delta, end: position.end + delta } };
          } else if (position.end > pageStart && !s.orphaned) {
            // A passage on a page whose text layer was replaced on request: found again by its quote, else kept as an orphan.
            const found = anchorSelector(text, s.selector, pageStarts);
            if (found.status === 'anchored') s.selector = found.selector;
            else s.orphaned = true;
          }
        });
      return true;
    });
  }

  /** Recognise `pages` (1-based) again on request, e.g. pages whose text layer is garbage; they replace that text. */
  async requestPages(documentId: string, pages: readonly number[], languages = DEFAULT_OCR_LANGUAGES): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.documents, db.documentContents], async () => {
      const meta = await db.documents.get(documentId);
      const content = await db.documentContents.get(documentId);
      if (!meta || !content || meta.kind !== 'pdf') return;
      const wanted = pages.filter((p) => Number.isInteger(p) && p >= 1 && p <= content.pageStarts.length);
      const base = meta.ocr ?? { status: 'pending' as const, languages, pages: [] };
      const kept = base.pages.filter((p) => !wanted.includes(p.page));
      const ocr = { ...base, status: 'pending' as const, pages: [...kept, ...wanted.map((page) => ({ page, confidence: null, words: 0 }))].sort((a, b) => a.page - b.page) };
      delete (ocr as { error?: unknown }).error;
      await db.documents.put(DocumentMeta.parse({ ...meta, ocr, warnings: ocrWarnings(meta.warnings, content.text, content.pageStarts, ocr) }));
    });
  }

  /** Stop (cancelled, failed) or resume (pending) a document's OCR; its warnings follow. */
  async setStatus(documentId: string, status: OcrStatus, error?: UserMessage): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.documents, db.documentContents], async () => {
      const meta = await db.documents.get(documentId);
      const content = await db.documentContents.get(documentId);
      if (!meta?.ocr || !content) return;
      const ocr = { ...meta.ocr, status, ...(error ? { error: { sv: error.sv, en: error.en } } : {}) };
      if (!error) delete ocr.error;
      await db.documents.put(DocumentMeta.parse({ ...meta, ocr, warnings: ocrWarnings(meta.warnings, content.text, content.pageStarts, ocr) }));
    });
  }
}
