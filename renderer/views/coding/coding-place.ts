/**
 * Where a coder was in a project — the open document, the current variable, and the position in
 * the document (a text offset near the top of the view) — remembered per project and coder in
 * localStorage, so switching views or restarting brings the coder back to the same place. Also
 * the document list's sort and filter.
 */
export interface CodingPlace {
  documentId?: string;
  variableId?: string;
  /** Per document: a text offset at the top of the view when it was left. */
  offsets?: Record<string, number>;
}

export type DocumentSort = 'name' | 'unfinished' | `attr:${string}`;

export interface DocumentListPrefs {
  sort: DocumentSort;
  filter: string;
}

const placeKey = (projectId: string, coderId: string) => `overens.codingPlace.${projectId}.${coderId}`;
const prefsKey = (projectId: string) => `overens.documentList.${projectId}`;
/** Offsets kept for at most this many documents (the most recent). */
const MAX_OFFSETS = 200;

function read<T>(storage: Pick<Storage, 'getItem'>, key: string): Partial<T> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Partial<T>) : {};
  } catch {
    return {};
  }
}

export function loadPlace(projectId: string, coderId: string, storage: Pick<Storage, 'getItem'> = localStorage): CodingPlace {
  const p = read<CodingPlace>(storage, placeKey(projectId, coderId));
  const offsets = p.offsets && typeof p.offsets === 'object' ? Object.fromEntries(Object.entries(p.offsets).filter(([, v]) => Number.isInteger(v) && v >= 0)) : {};
  return { documentId: typeof p.documentId === 'string' ? p.documentId : undefined, variableId: typeof p.variableId === 'string' ? p.variableId : undefined, offsets };
}

export function savePlace(projectId: string, coderId: string, change: { documentId?: string; variableId?: string; offset?: { documentId: string; offset: number } }, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): void {
  const place = loadPlace(projectId, coderId, storage);
  if (change.documentId !== undefined) place.documentId = change.documentId;
  if (change.variableId !== undefined) place.variableId = change.variableId;
  if (change.offset) {
    const offsets = { ...place.offsets };
    delete offsets[change.offset.documentId];
    offsets[change.offset.documentId] = change.offset.offset;
    const keys = Object.keys(offsets);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_OFFSETS))) delete offsets[k];
    place.offsets = offsets;
  }
  try {
    storage.setItem(placeKey(projectId, coderId), JSON.stringify(place));
  } catch {
    // A full or unavailable localStorage only costs the remembered place.
  }
}

export function loadListPrefs(projectId: string, storage: Pick<Storage, 'getItem'> = localStorage): DocumentListPrefs {
  const p = read<DocumentListPrefs>(storage, prefsKey(projectId));
  const sort = typeof p.sort === 'string' && (p.sort === 'name' || p.sort === 'unfinished' || p.sort.startsWith('attr:')) ? p.sort : 'name';
  return { sort, filter: typeof p.filter === 'string' ? p.filter : '' };
}

export function saveListPrefs(projectId: string, prefs: DocumentListPrefs, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(prefsKey(projectId), JSON.stringify(prefs));
  } catch {
    // As above.
  }
}

export interface ListedDocument {
  id: string;
  fileName: string;
  attributes: Record<string, string>;
  judged: number;
}

const collator = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

/**
 * The document list as shown: filtered by name (or any attribute value) containing the filter
 * text, sorted by name, by unfinished first (fewest judged first, then name), or by an attribute
 * (documents without it last).
 */
export function arrangeDocuments<T extends ListedDocument>(documents: readonly T[], prefs: DocumentListPrefs, total: number): T[] {
  const needle = prefs.filter.trim().toLocaleLowerCase('sv');
  const shown = needle ? documents.filter((d) => d.fileName.toLocaleLowerCase('sv').includes(needle) || Object.values(d.attributes).some((v) => v.toLocaleLowerCase('sv').includes(needle))) : [...documents];
  const byName = (a: T, b: T) => collator.compare(a.fileName, b.fileName);
  if (prefs.sort === 'unfinished') {
    const done = (d: T) => (d.judged >= total ? 1 : 0);
    return shown.sort((a, b) => done(a) - done(b) || a.judged - b.judged || byName(a, b));
  }
  if (prefs.sort.startsWith('attr:')) {
    const key = prefs.sort.slice(5);
    return shown.sort((a, b) => {
      const x = a.attributes[key] ?? '';
      const y = b.attributes[key] ?? '';
      if (!x !== !y) return x ? -1 : 1;
      return collator.compare(x, y) || byName(a, b);
    });
  }
  return shown.sort(byName);
}
