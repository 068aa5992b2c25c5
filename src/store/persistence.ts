/**
 * Ask the browser (or Electron's Chromium) to keep our IndexedDB data under storage pressure.
 * Done once, on first run; the answer is remembered in the `meta` table. See the Storage
 * Standard's `navigator.storage.persist()`.
 */
import type { OverensDb } from './db';

export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export type PersistenceState = 'granted' | 'denied' | 'unsupported';

const KEY = 'storage-persistence';

export async function ensurePersistentStorage(
  db: OverensDb,
  storage: StorageManagerLike | undefined = globalThis.navigator?.storage,
): Promise<PersistenceState> {
  const known = await db.meta.get(KEY);
  if (known && (known.value === 'granted' || known.value === 'denied' || known.value === 'unsupported')) {
    // A later grant (e.g. after the user bookmarked the app) is still picked up.
    if (known.value === 'denied' && storage?.persisted && (await storage.persisted())) {
      await db.meta.put({ key: KEY, value: 'granted' });
      return 'granted';
    }
    return known.value;
  }
  let state: PersistenceState;
  if (!storage?.persist) {
    state = 'unsupported';
  } else {
    const already = storage.persisted ? await storage.persisted() : false;
    state = already || (await storage.persist()) ? 'granted' : 'denied';
  }
  await db.meta.put({ key: KEY, value: state });
  return state;
}
