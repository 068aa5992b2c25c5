/**
 * The window's session: which project is open and which coder is active in it. One coder is
 * active per window; the choice is remembered per project in localStorage, while the data
 * itself lives in IndexedDB and is read through live queries.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Coder, Project } from '../../src/core';
import { useStore } from './store-context';

const PROJECT_KEY = 'overens.activeProject';
const coderKey = (projectId: string) => `overens.activeCoder.${projectId}`;

/** Make `coderId` the active coder of a project before it is opened (e.g. after importing a coder package). */
export function rememberActiveCoder(projectId: string, coderId: string): void {
  localStorage.setItem(coderKey(projectId), coderId);
}

interface SessionValue {
  /** undefined while loading; null when no project is open. */
  project: Project | null | undefined;
  coders: Coder[];
  activeCoder: Coder | undefined;
  openProject: (id: string | null) => void;
  setActiveCoder: (coderId: string) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const store = useStore();
  const [projectId, setProjectId] = useState<string | null>(() => localStorage.getItem(PROJECT_KEY));
  const [coderChoice, setCoderChoice] = useState(0);

  const project = useLiveQuery(async () => (projectId ? ((await store.projects.get(projectId)) ?? null) : null), [store, projectId]);
  const coderRows = useLiveQuery(async () => (projectId ? store.coders.list(projectId) : []), [store, projectId]);
  const coders = useMemo(() => coderRows ?? [], [coderRows]);

  const openProject = useCallback(
    (id: string | null) => {
      if (id) {
        localStorage.setItem(PROJECT_KEY, id);
        void store.projects.touch(id);
      } else {
        localStorage.removeItem(PROJECT_KEY);
      }
      setProjectId(id);
    },
    [store],
  );

  const setActiveCoder = useCallback(
    (coderId: string) => {
      if (!projectId) return;
      localStorage.setItem(coderKey(projectId), coderId);
      setCoderChoice((n) => n + 1);
    },
    [projectId],
  );

  const activeCoder = useMemo(() => {
    if (!projectId) return undefined;
    void coderChoice;
    const chosen = localStorage.getItem(coderKey(projectId));
    const humans = coders.filter((c) => c.kind === 'human');
    return coders.find((c) => c.id === chosen) ?? humans[0];
  }, [coders, projectId, coderChoice]);

  const value = useMemo<SessionValue>(
    () => ({ project, coders, activeCoder, openProject, setActiveCoder }),
    [project, coders, activeCoder, openProject, setActiveCoder],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
