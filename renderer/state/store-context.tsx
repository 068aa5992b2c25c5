/** Provides the one Store (Dexie database + repositories) to the React tree. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Store } from '../../src/store';

const StoreContext = createContext<Store | null>(null);

export function StoreProvider({ store, children }: { store: Store; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside StoreProvider');
  return store;
}
