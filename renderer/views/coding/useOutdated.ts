/**
 * Judgements under another codebook version than the one coded with: how the coding view names
 * them ("needs a decision (was: X in version N)") — the value labels of the version they were made
 * under, never an internal id while any version knows the value.
 */
import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localize, type Judgement, type Language, type Project } from '../../../src/core';
import type { Store } from '../../../src/store';

export interface OutdatedText {
  values: string;
  number: number;
}

export function useOutdatedText(store: Store, project: Project | null | undefined, lang: Language): (judgement: Judgement) => OutdatedText {
  const codebookId = project?.settings.codebookId;
  const versions = useLiveQuery(async () => (codebookId ? store.codebooks.versions(codebookId) : []), [store, codebookId]);
  return useCallback(
    (judgement: Judgement) => {
      const own = versions?.find((v) => v.id === judgement.codebookVersionId);
      const label = (valueId: string) => {
        for (const v of [own, ...(versions ?? [])]) {
          const value = v?.content.variables.find((x) => x.id === judgement.variableId)?.values.find((x) => x.id === valueId);
          if (value) return localize(value.label, lang);
        }
        return valueId;
      };
      return { values: judgement.valueIds.map(label).join(', '), number: own?.number ?? 0 };
    },
    [versions, lang],
  );
}
