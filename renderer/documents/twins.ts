/**
 * Twin detection at import (rule in src/core/twins.ts): the word shingles of every document in
 * the project, loaded once per import batch, and of each document the batch stores, so a PDF and
 * its DOCX in one batch find each other too.
 */
import { findTwin, shingles, type TwinCandidate } from '../../src/core/twins';
import type { Store } from '../../src/store';

export class TwinIndex {
  private entries: Promise<{ documentId: string; shingles: Set<number> }[]>;

  constructor(store: Store, projectId: string) {
    this.entries = (async () => {
      const documents = (await store.documents.list(projectId)).filter((d) => !d.twin && d.hasText);
      const contents = await store.db.documentContents.bulkGet(documents.map((d) => d.id));
      return contents.flatMap((c) => (c ? [{ documentId: c.documentId, shingles: shingles(c.text) }] : []));
    })();
  }

  async find(text: string): Promise<TwinCandidate | undefined> {
    return findTwin(text, await this.entries);
  }

  async add(documentId: string, text: string): Promise<void> {
    (await this.entries).push({ documentId, shingles: shingles(text) });
  }
}
