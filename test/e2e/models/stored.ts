/** Reading the app's IndexedDB directly from a page of its origin (what is in the store, not on screen). */
import type { Page } from 'playwright-core';

/** Every judgement's values (value keys) per variable key, for the only coder of the store. */
export async function storedJudgements(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string[]>>((resolve, reject) => {
        const req = indexedDB.open('overens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction(['judgements', 'codebookVersions']);
          const judgements = tx.objectStore('judgements').getAll();
          const versions = tx.objectStore('codebookVersions').getAll();
          tx.oncomplete = () => {
            type V = { id: string; key: string; values: { id: string; key: string }[] };
            const variables = new Map<string, V>();
            for (const version of versions.result as { content: { variables: V[] } }[]) for (const v of version.content.variables) variables.set(v.id, v);
            const out: Record<string, string[]> = {};
            for (const j of judgements.result as { variableId: string; valueIds: string[] }[]) {
              const v = variables.get(j.variableId)!;
              out[v.key] = j.valueIds.map((id) => v.values.find((x) => x.id === id)!.key);
            }
            req.result.close();
            resolve(out);
          };
        };
      }),
  );
}
