/**
 * Documents: metadata, extracted content and original bytes, written together in one
 * transaction so an import is all or nothing. Deleting a document removes its codings too.
 */
import { DocumentAttributes, DocumentContent, DocumentMeta, OverensError, type DocumentFile } from '../core';
import type { OverensDb } from './db';

export interface NewDocument {
  meta: DocumentMeta;
  content: DocumentContent;
  file: DocumentFile;
}

export class DocumentRepository {
  constructor(private readonly db: OverensDb) {}

  list(projectId: string): Promise<DocumentMeta[]> {
    return this.db.documents.where('projectId').equals(projectId).sortBy('fileName');
  }

  get(id: string): Promise<DocumentMeta | undefined> {
    return this.db.documents.get(id);
  }

  content(id: string): Promise<DocumentContent | undefined> {
    return this.db.documentContents.get(id);
  }

  file(id: string): Promise<DocumentFile | undefined> {
    return this.db.documentFiles.get(id);
  }

  findBySha256(projectId: string, sha256: string): Promise<DocumentMeta[]> {
    return this.db.documents.where('[projectId+sha256]').equals([projectId, sha256]).toArray();
  }

  async add(doc: NewDocument): Promise<DocumentMeta> {
    const meta = DocumentMeta.parse(doc.meta);
    const content = DocumentContent.parse(doc.content);
    if (content.documentId !== meta.id || doc.file.documentId !== meta.id) {
      throw new Error('document, content and file must share one id');
    }
    if (content.text.length !== meta.textLength) throw new Error('textLength does not match the text');
    const db = this.db;
    await db.transaction('rw', [db.projects, db.documents, db.documentContents, db.documentFiles], async () => {
      if (!(await db.projects.get(meta.projectId))) {
        throw new OverensError('project-not-found', {
          sv: `Projektet finns inte; "${meta.fileName}" importerades inte.`,
          en: `The project does not exist; "${meta.fileName}" was not imported.`,
        });
      }
      await db.documents.add(meta);
      await db.documentContents.add(content);
      await db.documentFiles.add(doc.file);
    });
    return meta;
  }

  async setAttributes(id: string, attributes: Record<string, string>): Promise<void> {
    const parsed = DocumentAttributes.parse(attributes);
    const changed = await this.db.documents.update(id, { attributes: parsed });
    if (changed === 0 && !(await this.db.documents.get(id))) {
      throw new OverensError('document-not-found', { sv: 'Dokumentet finns inte.', en: 'The document does not exist.' });
    }
  }

  /** Set the attributes of many documents in one transaction (all or nothing). */
  async setAttributesMany(updates: readonly { id: string; attributes: Record<string, string> }[]): Promise<void> {
    const parsed = updates.map((u) => ({ id: u.id, attributes: DocumentAttributes.parse(u.attributes) }));
    await this.db.transaction('rw', this.db.documents, async () => {
      for (const u of parsed) {
        const changed = await this.db.documents.update(u.id, { attributes: u.attributes });
        if (changed === 0 && !(await this.db.documents.get(u.id))) {
          throw new OverensError('document-not-found', {
            sv: 'Ett av dokumenten finns inte längre; inga egenskaper ändrades.',
            en: 'One of the documents no longer exists; no attributes were changed.',
          });
        }
      }
    });
  }

  async delete(id: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.documents, db.documentContents, db.documentFiles, db.segments, db.judgements, db.memos, db.assignments], async () => {
      // Files linked to this one as the same agreement become documents of their own.
      const meta = await db.documents.get(id);
      if (meta) {
        for (const twin of await db.documents.where('projectId').equals(meta.projectId).filter((d) => d.twin?.of === id).toArray()) {
          await db.documents.put({ ...withoutTwin(twin), attributes: { ...meta.attributes, ...twin.attributes } });
        }
      }
      await db.assignments.where('documentId').equals(id).delete();
      await db.segments.where('documentId').equals(id).delete();
      await db.memos.filter((m) => m.documentId === id).delete();
      await db.judgements.where('documentId').equals(id).delete();
      await db.documentContents.delete(id);
      await db.documentFiles.delete(id);
      await db.documents.delete(id);
    });
  }

  /**
   * Link a document as another file of the agreement `of` (a twin found at import): from then on
   * the two are one agreement in every statistic. The twin takes the agreement's attributes.
   */
  async linkTwin(id: string, of: string, similarity: number, now: number = Date.now()): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.documents, async () => {
      const [doc, target] = await db.documents.bulkGet([id, of]);
      if (!doc || !target || doc.projectId !== target.projectId || id === of) {
        throw new OverensError('document-not-found', { sv: 'Dokumentet att länka finns inte längre.', en: 'The document to link no longer exists.' });
      }
      // Link to the agreement's own file, never to another twin.
      const root = target.twin ? target.twin.of : target.id;
      await db.documents.put({ ...doc, twin: { of: root, similarity, linkedAt: now }, attributes: { ...doc.attributes, ...(root === target.id ? target.attributes : ((await db.documents.get(root))?.attributes ?? {})) } });
    });
  }

  /** Make a linked file a document of its own again. */
  async unlinkTwin(id: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.documents, async () => {
      const doc = await db.documents.get(id);
      if (doc?.twin) await db.documents.put(withoutTwin(doc));
    });
  }
}

function withoutTwin(d: DocumentMeta): DocumentMeta {
  const { twin: _twin, ...rest } = d;
  return rest;
}
