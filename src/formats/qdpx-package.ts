/**
 * The one import of a REFI-QDA package, shared by the app's import dialog and `overens qdpx`:
 * read (refi-qda-import.ts) and map to a new project (refi-qda-to-project.ts), with one report —
 * counts, how each source's positions were counted, and every problem of both steps.
 */
import type { BackupData, UserMessage } from '../core';
import { qdpxSummary, readQdpx, type QdpxProject, type SourceConvention } from './refi-qda-import';
import { qdpxToBackup } from './refi-qda-to-project';

export interface QdpxImportReport {
  name: string;
  origin?: string;
  counts: Omit<ReturnType<typeof qdpxSummary>, 'problems'>;
  /** Per text source, how its positions were counted. */
  conventions: SourceConvention[];
  problems: UserMessage[];
}

export type QdpxImport =
  | { ok: false; problems: UserMessage[] }
  | { ok: true; project: QdpxProject; data: BackupData; files: Map<string, Uint8Array>; report: QdpxImportReport };

export interface QdpxImportOptions {
  /** Of the package's GUIDs, those the database already holds (they get new ids). */
  takenIds?: (ids: string[]) => Promise<ReadonlySet<string>> | ReadonlySet<string>;
  now?: number;
}

/** Every GUID the mapping would keep as an id (users, sources, selections). */
export function packageIds(project: QdpxProject): string[] {
  const ids: string[] = [];
  for (const u of project.users) ids.push(u.guid);
  for (const s of project.sources) {
    ids.push(s.guid);
    for (const x of s.selections) ids.push(x.guid);
  }
  return ids;
}

export async function importQdpxPackage(bytes: Uint8Array, fileName: string, options: QdpxImportOptions = {}): Promise<QdpxImport> {
  const read = await readQdpx(bytes, fileName);
  if (!read.ok) return read;
  const takenIds = options.takenIds ? await options.takenIds(packageIds(read.project)) : undefined;
  const { data, files, problems } = await qdpxToBackup(read.project, options.now, takenIds ? { takenIds } : {});
  const { problems: _read, ...counts } = qdpxSummary(read.project);
  return {
    ok: true,
    project: read.project,
    data,
    files,
    report: { name: read.project.name, ...(read.project.origin ? { origin: read.project.origin } : {}), counts, conventions: read.project.conventions ?? [], problems },
  };
}
