/** The app's REFI-QDA import: the shared `importQdpxPackage`, told which GUIDs the database already holds. */
import { importQdpxPackage, type QdpxImport } from '../../../src/formats/qdpx-package';
import type { Store } from '../../../src/store';

const CHUNK = 10_000;

/** Of `ids`, those already used as coder, document or passage ids (of any project). */
export async function takenIds(store: Store, ids: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let at = 0; at < ids.length; at += CHUNK) {
    const chunk = ids.slice(at, at + CHUNK);
    for (const table of [store.db.coders, store.db.documents, store.db.segments] as const) {
      const rows = await (table as typeof store.db.coders).bulkGet(chunk);
      rows.forEach((row, i) => row && taken.add(chunk[i]!));
    }
  }
  return taken;
}

export function importQdpxInto(store: Store, bytes: Uint8Array, fileName: string): Promise<QdpxImport> {
  return importQdpxPackage(bytes, fileName, { takenIds: (ids) => takenIds(store, ids) });
}
