/** Page-model steps for the study workflow: seeding judgements straight into IndexedDB (then reloading). */
import type { Page } from 'playwright-core';

export interface SeedRow {
  file: string;
  coder: string;
  /** Swedish variable and value labels, as in the corpus' truth.csv. */
  variable: string;
  value: string;
}

/**
 * Write judgements as the coding view would (one per document, coder and variable, under the
 * published codebook version), then reload so the app's live queries read them. Used where a
 * scenario needs hundreds of judgements; the coding view's own keys are tested in coding.e2e.ts.
 */
export async function seedJudgements(page: Page, rows: readonly SeedRow[], at: number): Promise<number> {
  const written = await page.evaluate(
    ({ rows, at }) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('overens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['documents', 'coders', 'codebookVersions', 'judgements'], 'readwrite');
          const all = <T,>(store: string) => new Promise<T[]>((ok) => {
            const r = tx.objectStore(store).getAll();
            r.onsuccess = () => ok(r.result as T[]);
          });
          void (async () => {
            const docs = await all<{ id: string; fileName: string; projectId: string }>('documents');
            const coders = await all<{ id: string; name: string }>('coders');
            const versions = await all<{ id: string; status: string; content: { variables: { id: string; label: { sv?: string }; values: { id: string; label: { sv?: string } }[] }[] } }>('codebookVersions');
            const version = versions.find((v) => v.status === 'published')!;
            let n = 0;
            for (const r of rows) {
              const doc = docs.find((d) => d.fileName === r.file);
              const coder = coders.find((c) => c.name === r.coder);
              const variable = version.content.variables.find((v) => v.label.sv === r.variable);
              const value = variable?.values.find((x) => x.label.sv === r.value);
              if (!doc || !coder || !variable || !value) throw new Error(`cannot seed ${JSON.stringify(r)}`);
              tx.objectStore('judgements').put({
                id: crypto.randomUUID(), projectId: doc.projectId, documentId: doc.id, coderId: coder.id, codebookVersionId: version.id, variableId: variable.id,
                valueIds: [value.id], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: at + n, updatedAt: at + n,
              });
              n++;
            }
            tx.oncomplete = () => resolve(n);
          })().catch(reject);
        };
      }),
    { rows, at },
  );
  await page.reload();
  return written;
}
