/**
 * Agreements as units of analysis. Two files of the same agreement (a PDF and its DOCX, linked as
 * twins at import) are one unit in every statistic: the unit is named by the file the others are
 * linked to (`twin.of`), and its attributes are that file's.
 */

export interface UnitDocument {
  id: string;
  fileName?: string;
  twin?: { of: string } | undefined;
}

/** document id → the id of its unit's first file (itself when it is not a twin; chains followed). */
export function unitOf(documents: readonly UnitDocument[]): Map<string, string> {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const result = new Map<string, string>();
  for (const d of documents) {
    let at = d;
    const seen = new Set<string>([d.id]);
    while (at.twin && byId.has(at.twin.of) && !seen.has(at.twin.of)) {
      at = byId.get(at.twin.of)!;
      seen.add(at.id);
    }
    result.set(d.id, at.id);
  }
  return result;
}

/** The units in document order, each with its files (the unit's own file first). */
export function unitsOf<T extends UnitDocument>(documents: readonly T[]): { unit: T; files: T[] }[] {
  const unit = unitOf(documents);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const files = new Map<string, T[]>();
  for (const d of documents) {
    const u = unit.get(d.id)!;
    const list = files.get(u) ?? [];
    if (u === d.id) list.unshift(d);
    else list.push(d);
    files.set(u, list);
  }
  return [...files.entries()].map(([id, list]) => ({ unit: byId.get(id)!, files: list }));
}
