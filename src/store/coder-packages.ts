/**
 * Offline coders. The lead builds a coder package (assigned documents, one published codebook
 * version, the coder — all under the lead's ids); the coder's installation imports it as a project
 * with the lead's project id; the coder exports their codings; the lead merges them under that
 * coder. Ids are kept end to end so the merge matches documents, versions and coders exactly,
 * and a document is also matched by SHA-256 so codings never land on a different text.
 *
 * Every import and merge is one Dexie transaction: it completes, or nothing changes.
 */
import {
  CODER_CODINGS_KIND,
  CODER_PACKAGE_KIND,
  Coder,
  CoderCodingsData,
  CoderPackageData,
  OverensError,
  Project,
  ProjectSettings,
  type CodebookVersion,
  type DocumentMemo,
  type DocumentMeta,
  type Judgement,
  type UserMessage,
} from '../core';
import type { EntityTable } from 'dexie';
import type { OverensDb } from './db';
import { CONSENSUS_CODER_NAME } from './projects';
import { blindness, leadOf } from '../core/blinding';

export interface BuiltPackage {
  data: CoderPackageData;
  /** Original bytes by document id. */
  files: Map<string, Uint8Array>;
}

export interface PackageImport {
  projectId: string;
  projectName: string;
  coderId: string;
  coderName: string;
  /** False when the project was already in this installation (a re-import or a newer package). */
  createdProject: boolean;
  documentsAdded: number;
  documentsPresent: number;
  /** The coder's own earlier codings carried by the package and added here. */
  codingsAdded: number;
  versionAdded: boolean;
}

export interface MergeCounts {
  segments: number;
  judgements: number;
  memos: number;
}

export type MergeSkipReason = 'unknown-document' | 'changed-document' | 'unknown-version' | 'unknown-value' | 'older-than-project' | 'newer-than-file' | 'id-conflict';

export interface MergeSkip {
  kind: 'document' | 'codebook-version' | 'segment' | 'judgement' | 'memo';
  /** The id of the thing skipped (a document, a version, a coding). */
  id: string;
  reason: MergeSkipReason;
  message: UserMessage;
}

export interface MergeReport {
  coder: { id: string; name: string; added: boolean };
  added: MergeCounts;
  updated: MergeCounts;
  unchanged: MergeCounts;
  /** The coder's codings in the project (on the file's documents and versions) that the file does not have; kept unless `removeMissing`. */
  notInFile: MergeCounts;
  removed: MergeCounts;
  skipped: MergeSkip[];
}

export interface MergeOptions {
  /**
   * Remove the coder's passages, judgements and memos on the file's documents (under the file's
   * codebook versions) that the file no longer has — the coder deleted them. Rows changed in the
   * project after the file was exported are kept and reported.
   */
  removeMissing?: boolean;
}

const zero = (): MergeCounts => ({ segments: 0, judgements: 0, memos: 0 });

/** Same content regardless of key order (rows read from IndexedDB vs rows parsed by zod). */
function sameRecord(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown) =>
    JSON.stringify(v, (_k, val: unknown) =>
      val && typeof val === 'object' && !Array.isArray(val) ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : val,
    );
  return canonical(a) === canonical(b);
}

type Upserted = 'added' | 'unchanged' | 'updated' | 'older';

/**
 * Insert `row`, or replace `existing` (its match in the project, by id or by unique key) unless
 * the two are the same or the project's copy is newer. A match under another id is deleted first,
 * so the unique key keeps one row.
 */
async function upsertRow<T extends { id: string; updatedAt: number }>(table: EntityTable<T, 'id'>, row: T, existing: T | undefined): Promise<Upserted> {
  if (!existing) {
    await table.add(row);
    return 'added';
  }
  if (sameRecord(existing, row)) return 'unchanged';
  if (existing.updatedAt > row.updatedAt) return 'older';
  if (existing.id !== row.id) await table.where('id').equals(existing.id).delete();
  await table.put(row);
  return 'updated';
}

const lower = (name: string) => name.toLocaleLowerCase('sv');

function notFound(code: string, sv: string, en: string): OverensError {
  return new OverensError(code, { sv, en });
}

export class CoderPackageRepository {
  constructor(private readonly db: OverensDb) {}

  /**
   * The lead: a package for one coder with the given documents and published codebook version.
   * It carries the coder's own codings on those documents under that version (a re-issued package
   * continues their work) and nobody else's.
   */
  async buildPackage(projectId: string, coderId: string, documentIds: readonly string[], codebookVersionId: string, now: number = Date.now()): Promise<BuiltPackage> {
    const db = this.db;
    const read = await db.transaction('r', [db.projects, db.coders, db.codebooks, db.codebookVersions, db.documents, db.documentContents, db.documentFiles, db.segments, db.judgements, db.memos, db.assignments], async () => {
      const project = await db.projects.get(projectId);
      if (!project) throw notFound('project-not-found', 'Projektet finns inte.', 'The project does not exist.');
      const coder = await db.coders.get(coderId);
      if (!coder || coder.projectId !== projectId) throw notFound('coder-not-found', 'Kodaren finns inte i projektet.', 'The coder is not in this project.');
      if (coder.kind !== 'human') {
        throw new OverensError('package-consensus-coder', {
          sv: `"${coder.name}" är projektets konsensuskodare; ett kodarpaket görs för en av de mänskliga kodarna.`,
          en: `"${coder.name}" is the project's consensus coder; a coder package is made for one of the human coders.`,
        });
      }
      const consensusCoder = (await db.coders.where('projectId').equals(projectId).toArray()).find((c) => c.kind === 'consensus');
      if (!consensusCoder) throw notFound('coder-not-found', 'Projektet saknar sin konsensuskodare.', 'The project has no consensus coder.');
      const version = await db.codebookVersions.get(codebookVersionId);
      if (!version || version.projectId !== projectId) throw notFound('version-not-found', 'Kodboksversionen finns inte i projektet.', 'The codebook version is not in this project.');
      if (version.status !== 'published') {
        throw new OverensError('version-not-published', {
          sv: `Version ${version.number} av kodboken är ett utkast. Publicera den, eller välj en publicerad version, innan kodarpaketet görs.`,
          en: `Version ${version.number} of the codebook is a draft. Publish it, or choose a published version, before making the coder package.`,
        });
      }
      const codebook = await db.codebooks.get(version.codebookId);
      if (!codebook) throw notFound('codebook-not-found', 'Kodboken finns inte.', 'The codebook does not exist.');
      const ids = [...new Set(documentIds)];
      if (ids.length === 0) {
        throw new OverensError('package-no-documents', { sv: 'Välj minst ett dokument till kodarpaketet.', en: 'Choose at least one document for the coder package.' });
      }
      const documents = await db.documents.bulkGet(ids);
      const missing = ids.filter((_, i) => documents[i]?.projectId !== projectId);
      if (missing.length) {
        throw new OverensError('document-not-found', {
          sv: `${missing.length} av de valda dokumenten finns inte längre i projektet. Inget paket gjordes.`,
          en: `${missing.length} of the chosen documents are no longer in the project. No package was made.`,
        });
      }
      const contents = await db.documentContents.bulkGet(ids);
      const fileRows = await db.documentFiles.bulkGet(ids);
      const idSet = new Set(ids);
      const inScope = (row: { documentId: string; codebookVersionId?: string }) => idSet.has(row.documentId) && (row.codebookVersionId === undefined || row.codebookVersionId === version.id);
      const segments = (await db.segments.where('projectId').equals(projectId).filter((s) => s.coderId === coderId).toArray()).filter(inScope);
      const segmentIds = new Set(segments.map((s) => s.id));
      const judgements = (await db.judgements.where('projectId').equals(projectId).filter((j) => j.coderId === coderId).toArray())
        .filter(inScope)
        .map((j) => ({ ...j, evidenceSegmentIds: j.evidenceSegmentIds.filter((e) => segmentIds.has(e)) }));
      const memos = (await db.memos.where('projectId').equals(projectId).filter((m) => m.coderId === coderId).toArray()).filter(inScope);
      const assignments = (await db.assignments.where('coderId').equals(coderId).toArray()).filter((a) => idSet.has(a.documentId));
      const coders = await db.coders.where('projectId').equals(projectId).toArray();
      // A twin travels linked only with the file it is linked to.
      const packaged = (documents as DocumentMeta[]).map((d) => (d.twin && !idSet.has(d.twin.of) ? (({ twin: _t, ...rest }) => rest)(d) : d));
      return { project, coder, coders, consensusCoder, codebook, version, documents: packaged, contents, fileRows, segments, judgements, memos, assignments };
    });
    const files = new Map<string, Uint8Array>();
    const fileList: { documentId: string; mimeType: string }[] = [];
    for (const [i, meta] of read.documents.entries()) {
      const row = read.fileRows[i];
      if (!row || !read.contents[i]) {
        throw new OverensError('document-incomplete', {
          sv: `"${meta.fileName}" saknar sin text eller originalfil i den här installationen och kan inte skickas.`,
          en: `"${meta.fileName}" lacks its text or original file in this installation and cannot be sent.`,
        });
      }
      files.set(meta.id, new Uint8Array(await row.bytes.arrayBuffer()));
      fileList.push({ documentId: meta.id, mimeType: row.mimeType });
    }
    const data = CoderPackageData.parse({
      kind: CODER_PACKAGE_KIND,
      formatVersion: 1,
      createdAt: now,
      project: { id: read.project.id, name: read.project.name, description: read.project.description },
      coder: read.coder,
      consensusCoder: read.consensusCoder,
      codebook: read.codebook,
      codebookVersion: read.version,
      assignment: { coderId: read.coder.id, documentIds: read.documents.map((d) => d.id) },
      documents: read.documents,
      documentContents: read.contents,
      files: fileList,
      codings: { segments: read.segments, judgements: read.judgements, memos: read.memos },
      assignments: read.assignments,
      blinding: {
        leadCoderId: leadOf(read.project.settings, read.coders) ?? read.coder.id,
        blindCoding: read.project.settings.blindCoding,
        stage: read.project.settings.stage,
        blindInReview: read.project.settings.blindInReview,
        blind: read.project.settings.blindCoders?.[read.coder.id],
      },
    });
    return { data, files };
  }

  /**
   * The coder: bring a package into this installation. A new project keeps the lead's ids (project,
   * coders, codebook, version, documents), with blind coding on. If the project is already here
   * (the same package again, or a newer one from the lead), only what is missing is added: nothing
   * is duplicated and nothing the coder has done is overwritten. Conflicting ids are refused.
   */
  async importPackage(data: CoderPackageData, files: ReadonlyMap<string, Uint8Array>, now: number = Date.now()): Promise<PackageImport> {
    const pkg = CoderPackageData.parse(data);
    const db = this.db;
    const conflict = (sv: string, en: string) =>
      new OverensError('package-conflict', { sv: `Kodarpaketet kan inte importeras: ${sv} Inget ändrades.`, en: `The coder package cannot be imported: ${en} Nothing was changed.` });
    return db.transaction(
      'rw',
      [db.projects, db.coders, db.codebooks, db.codebookVersions, db.documents, db.documentContents, db.documentFiles, db.segments, db.judgements, db.memos, db.assignments],
      async () => {
        const pid = pkg.project.id;
        let project = await db.projects.get(pid);
        const createdProject = !project;
        if (!project) {
          project = Project.parse({
            id: pid,
            name: pkg.project.name,
            description: pkg.project.description,
            createdAt: now,
            updatedAt: now,
            settings: ProjectSettings.parse({ blindCoding: true, codebookId: pkg.codebook.id, ...packagedBlinding(pkg) }),
          });
          await db.projects.add(project);
        } else {
          // The lead's blinding as of this package; the coder cannot change it here (the lead is not this coder).
          await db.projects.update(pid, { settings: ProjectSettings.parse({ ...project.settings, codebookId: project.settings.codebookId ?? pkg.codebook.id, ...packagedBlinding(pkg) }), updatedAt: now });
        }

        // Coders: the assigned one (same id), and the project's one consensus coder.
        const coders = await db.coders.where('projectId').equals(pid).toArray();
        for (const wanted of [pkg.coder, pkg.consensusCoder]) {
          const existing = await db.coders.get(wanted.id);
          if (existing) {
            if (existing.projectId !== pid) throw conflict(`kodaren "${wanted.name}" finns redan här i ett annat projekt.`, `the coder "${wanted.name}" already exists here in another project.`);
            continue;
          }
          if (wanted.kind === 'consensus') {
            if (coders.some((c) => c.kind === 'consensus')) continue;
          } else if (coders.some((c) => lower(c.name) === lower(wanted.name))) {
            throw conflict(
              `projektet har redan en annan kodare som heter "${wanted.name}". Byt namn på den kodaren först.`,
              `the project already has a different coder called "${wanted.name}". Rename that coder first.`,
            );
          }
          await db.coders.add(wanted);
        }

        // Codebook and the packaged version (published versions never change, so an existing one is the same).
        const codebook = await db.codebooks.get(pkg.codebook.id);
        if (codebook && codebook.projectId !== pid) throw conflict('kodboken finns redan här i ett annat projekt.', 'the codebook already exists here in another project.');
        if (!codebook) await db.codebooks.add(pkg.codebook);
        const version = await db.codebookVersions.get(pkg.codebookVersion.id);
        let versionAdded = false;
        if (version) {
          if (version.codebookId !== pkg.codebook.id) throw conflict('kodboksversionen hör till en annan kodbok här.', 'the codebook version belongs to another codebook here.');
        } else {
          const sameNumber = await db.codebookVersions.where('[codebookId+number]').equals([pkg.codebook.id, pkg.codebookVersion.number]).first();
          if (sameNumber) {
            throw conflict(
              `det finns redan en egen version ${pkg.codebookVersion.number} av kodboken här (${sameNumber.status === 'draft' ? 'ett utkast' : 'publicerad'}). Kodboken ändras av projektledaren, inte i kodarens installation.`,
              `there already is a local version ${pkg.codebookVersion.number} of the codebook here (${sameNumber.status === 'draft' ? 'a draft' : 'published'}). The lead changes the codebook, not the coder's installation.`,
            );
          }
          await db.codebookVersions.add(pkg.codebookVersion);
          versionAdded = true;
        }

        // Documents: added when missing; an existing one must be the same file.
        let documentsAdded = 0;
        let documentsPresent = 0;
        const contents = new Map(pkg.documentContents.map((c) => [c.documentId, c]));
        const mimeTypes = new Map(pkg.files.map((f) => [f.documentId, f.mimeType]));
        for (const meta of pkg.documents) {
          const existing = await db.documents.get(meta.id);
          if (existing) {
            if (existing.projectId !== pid || existing.sha256 !== meta.sha256) {
              throw conflict(`"${meta.fileName}" finns redan här men är en annan fil.`, `"${meta.fileName}" is already here but is a different file.`);
            }
            documentsPresent++;
            continue;
          }
          const bytes = files.get(meta.id);
          if (!bytes) throw conflict(`originalfilen till "${meta.fileName}" saknas.`, `the original file of "${meta.fileName}" is missing.`);
          const mimeType = mimeTypes.get(meta.id) ?? 'application/octet-stream';
          await db.documents.add(meta);
          await db.documentContents.put(contents.get(meta.id)!);
          await db.documentFiles.put({ documentId: meta.id, mimeType, bytes: new Blob([bytes.slice()], { type: mimeType }) });
          documentsAdded++;
        }

        // The coder's assignments (primary or reliability) on the packaged documents.
        for (const a of pkg.assignments ?? []) {
          const existing = await db.assignments.where('[documentId+coderId]').equals([a.documentId, a.coderId]).first();
          await db.assignments.put({ ...a, id: existing?.id ?? a.id });
        }

        // The coder's own earlier codings: added only where this installation has nothing yet.
        let codingsAdded = 0;
        for (const s of pkg.codings.segments) {
          if (await db.segments.get(s.id)) continue;
          await db.segments.add(s);
          codingsAdded++;
        }
        for (const j of pkg.codings.judgements) {
          if (await db.judgements.get(j.id)) continue;
          if (await db.judgements.where('[documentId+coderId+variableId]').equals([j.documentId, j.coderId, j.variableId]).first()) continue;
          await db.judgements.add(j);
          codingsAdded++;
        }
        for (const m of pkg.codings.memos) {
          if (await db.memos.get(m.id)) continue;
          if (await db.memos.where('[documentId+coderId]').equals([m.documentId, m.coderId]).first()) continue;
          await db.memos.add(m);
          codingsAdded++;
        }
        return { projectId: pid, projectName: project.name, coderId: pkg.coder.id, coderName: pkg.coder.name, createdProject, documentsAdded, documentsPresent, codingsAdded, versionAdded };
      },
    );
  }

  /**
   * The coder: all of one coder's passages, judgements and memos in the project, with every
   * document (id + SHA-256) and codebook version of the project, so the lead can check each one.
   */
  async exportCodings(projectId: string, coderId: string, now: number = Date.now()): Promise<CoderCodingsData> {
    const db = this.db;
    return db.transaction('r', [db.projects, db.coders, db.codebookVersions, db.documents, db.segments, db.judgements, db.memos], async () => {
      const project = await db.projects.get(projectId);
      if (!project) throw notFound('project-not-found', 'Projektet finns inte.', 'The project does not exist.');
      const coder = await db.coders.get(coderId);
      if (!coder || coder.projectId !== projectId) throw notFound('coder-not-found', 'Kodaren finns inte i projektet.', 'The coder is not in this project.');
      if (coder.kind !== 'human') {
        throw new OverensError('codings-consensus-coder', {
          sv: 'Konsensusbedömningar görs av projektledaren och exporteras inte som en kodares kodningar.',
          en: 'Consensus judgements are made by the lead and are not exported as a coder’s codings.',
        });
      }
      const documents = await db.documents.where('projectId').equals(projectId).toArray();
      const versions = await db.codebookVersions.where('projectId').equals(projectId).toArray();
      const segments = await db.segments.where('projectId').equals(projectId).filter((s) => s.coderId === coderId).toArray();
      const segmentDoc = new Map(segments.map((s) => [s.id, s.documentId]));
      const judgements = (await db.judgements.where('projectId').equals(projectId).filter((j) => j.coderId === coderId).toArray()).map((j) => ({
        ...j,
        // Evidence can only point to this coder's passages in the same document.
        evidenceSegmentIds: j.evidenceSegmentIds.filter((e) => segmentDoc.get(e) === j.documentId),
      }));
      const memos = await db.memos.where('projectId').equals(projectId).filter((m) => m.coderId === coderId).toArray();
      return CoderCodingsData.parse({
        kind: CODER_CODINGS_KIND,
        formatVersion: 1,
        exportedAt: now,
        project: { id: project.id, name: project.name, description: project.description },
        coder: { id: coder.id, name: coder.name },
        codebookVersions: versions.map((v) => ({ id: v.id, codebookId: v.codebookId, number: v.number })),
        documents: documents.map((d) => ({ id: d.id, sha256: d.sha256, fileName: d.fileName })),
        segments,
        judgements,
        memos,
      });
    });
  }

  /**
   * The lead: merge one coder's codings file into the project, in one transaction. Codings are
   * matched by id; a judgement or memo replaces this coder's one for the same document (and
   * variable) unless the project's is newer. Codings on unknown or changed documents, under
   * unknown codebook versions or with unknown values are skipped and reported. Other coders'
   * codings are never read for writing. Importing the same file again changes nothing.
   */
  async mergeCodings(projectId: string, input: CoderCodingsData, options: MergeOptions = {}, now: number = Date.now()): Promise<MergeReport> {
    const file = CoderCodingsData.parse(input);
    const db = this.db;
    return db.transaction('rw', [db.projects, db.coders, db.codebookVersions, db.documents, db.segments, db.judgements, db.memos], async () => {
      const project = await db.projects.get(projectId);
      if (!project) throw notFound('project-not-found', 'Projektet finns inte.', 'The project does not exist.');
      if (file.project.id !== projectId) {
        // Two projects may share a name: then they are told apart by id and creation date.
        const same = file.project.name === project.name;
        const created = new Date(project.createdAt).toISOString().slice(0, 10);
        const theirs = same ? ` (id ${file.project.id.slice(0, 8)})` : '';
        const ours = { sv: same ? ` (skapat ${created}, id ${project.id.slice(0, 8)})` : '', en: same ? ` (created ${created}, id ${project.id.slice(0, 8)})` : '' };
        throw new OverensError('codings-other-project', {
          sv: `Kodningarna kommer från projektet "${file.project.name}"${theirs}, inte från "${project.name}"${ours.sv}. Öppna det projektet och importera dem där. Inget importerades.`,
          en: `The codings come from the project "${file.project.name}"${theirs}, not from "${project.name}"${ours.en}. Open that project and import them there. Nothing was imported.`,
        });
      }

      // The coder, by id.
      let coder = await db.coders.get(file.coder.id);
      let coderAdded = false;
      if (coder && (coder.projectId !== projectId || coder.kind !== 'human')) {
        throw new OverensError('codings-coder-conflict', {
          sv: `Kodaren "${file.coder.name}" i filen är inte en av projektets kodare. Inget importerades.`,
          en: `The coder "${file.coder.name}" in the file is not one of the project's coders. Nothing was imported.`,
        });
      }
      if (!coder) {
        const others = await db.coders.where('projectId').equals(projectId).toArray();
        const sameName = others.find((c) => lower(c.name) === lower(file.coder.name));
        if (sameName || lower(file.coder.name) === lower(CONSENSUS_CODER_NAME)) {
          throw new OverensError('codings-coder-unknown', {
            sv: `Kodaren "${file.coder.name}" i filen finns inte i projektet. Projektets kodare "${sameName?.name ?? CONSENSUS_CODER_NAME}" har samma namn men är en annan kodare, så kodningarna läggs inte under hen. Inget importerades.`,
            en: `The coder "${file.coder.name}" in the file is not in the project. The project's coder "${sameName?.name ?? CONSENSUS_CODER_NAME}" has the same name but is a different coder, so the codings are not put under them. Nothing was imported.`,
          });
        }
        // The project was made by this lead (same id) but no longer has the coder, e.g. after a
        // restore from an older backup: the coder comes back under the same id.
        coder = Coder.parse({ id: file.coder.id, projectId, name: file.coder.name, kind: 'human', createdAt: now });
        await db.coders.add(coder);
        coderAdded = true;
      }
      const coderId = coder.id;

      const report: MergeReport = {
        coder: { id: coderId, name: coder.name, added: coderAdded },
        added: zero(),
        updated: zero(),
        unchanged: zero(),
        notInFile: zero(),
        removed: zero(),
        skipped: [],
      };
      const codingsOn = (documentId: string) =>
        file.segments.filter((s) => s.documentId === documentId).length + file.judgements.filter((j) => j.documentId === documentId).length + file.memos.filter((m) => m.documentId === documentId).length;
      const codingsUnder = (versionId: string) => file.segments.filter((s) => s.codebookVersionId === versionId).length + file.judgements.filter((j) => j.codebookVersionId === versionId).length;

      // Codebook versions: must be this project's.
      const versions = new Map<string, CodebookVersion>();
      for (const v of file.codebookVersions) {
        const local = await db.codebookVersions.get(v.id);
        if (local && local.projectId === projectId && local.codebookId === v.codebookId) {
          versions.set(v.id, local);
          continue;
        }
        const n = codingsUnder(v.id);
        if (n > 0) {
          report.skipped.push({
            kind: 'codebook-version',
            id: v.id,
            reason: 'unknown-version',
            message: {
              sv: `Kodboksversion ${v.number} i filen finns inte i projektet (den gjordes inte av projektledaren): ${n} kodningar under den importerades inte.`,
              en: `Codebook version ${v.number} in the file is not in the project (the lead did not make it): ${n} codings under it were not imported.`,
            },
          });
        }
      }

      // Documents: same id and same SHA-256.
      const documents = new Map<string, DocumentMeta>();
      for (const d of file.documents) {
        const local = await db.documents.get(d.id);
        const n = codingsOn(d.id);
        if (!local || local.projectId !== projectId) {
          if (n > 0) {
            report.skipped.push({
              kind: 'document',
              id: d.id,
              reason: 'unknown-document',
              message: {
                sv: `"${d.fileName}" finns inte i projektet (kodaren kan ha importerat den själv): ${n} kodningar på den importerades inte.`,
                en: `"${d.fileName}" is not in the project (the coder may have imported it themselves): ${n} codings on it were not imported.`,
              },
            });
          }
        } else if (local.sha256 !== d.sha256) {
          if (n > 0) {
            report.skipped.push({
              kind: 'document',
              id: d.id,
              reason: 'changed-document',
              message: {
                sv: `"${d.fileName}" hos kodaren är inte samma fil som projektets "${local.fileName}" (SHA-256 skiljer sig): ${n} kodningar på den importerades inte.`,
                en: `"${d.fileName}" at the coder is not the same file as the project's "${local.fileName}" (SHA-256 differs): ${n} codings on it were not imported.`,
              },
            });
          }
        } else {
          documents.set(d.id, local);
        }
      }
      const fileName = (documentId: string) => documents.get(documentId)?.fileName ?? documentId;
      const variableOf = (versionId: string, variableId: string) => versions.get(versionId)?.content.variables.find((v) => v.id === variableId);
      const accepted = <T extends { documentId: string; codebookVersionId?: string }>(row: T) =>
        documents.has(row.documentId) && (row.codebookVersionId === undefined || versions.has(row.codebookVersionId));
      const skip = (kind: MergeSkip['kind'], id: string, reason: MergeSkipReason, sv: string, en: string) => report.skipped.push({ kind, id, reason, message: { sv, en } });
      const olderThanProject = (kind: MergeSkip['kind'], id: string, svWhat: string, enWhat: string) =>
        skip(kind, id, 'older-than-project', `${svWhat}: projektet har en senare ändring än filen; projektets behölls.`, `${enWhat}: the project has a later change than the file; the project's was kept.`);
      const idConflict = (kind: MergeSkip['kind'], id: string, svWhat: string, enWhat: string) =>
        skip(kind, id, 'id-conflict', `${svWhat}: id ${id} används redan av en annan kodning i projektet; hoppades över.`, `${enWhat}: id ${id} is already used by another coding in the project; skipped.`);

      // Passages.
      for (const s of file.segments.filter(accepted)) {
        const what = { sv: `Markering "${s.selector.quote.exact.slice(0, 40)}" i "${fileName(s.documentId)}"`, en: `Passage "${s.selector.quote.exact.slice(0, 40)}" in "${fileName(s.documentId)}"` };
        const variable = variableOf(s.codebookVersionId, s.variableId);
        if (!variable || !variable.values.some((v) => v.id === s.valueId)) {
          skip('segment', s.id, 'unknown-value', `${what.sv}: variabeln eller värdet finns inte i kodboksversionen; hoppades över.`, `${what.en}: the variable or value is not in the codebook version; skipped.`);
          continue;
        }
        const existing = await db.segments.get(s.id);
        if (existing && (existing.projectId !== projectId || existing.coderId !== coderId || existing.documentId !== s.documentId)) {
          idConflict('segment', s.id, what.sv, what.en);
          continue;
        }
        const outcome = await upsertRow(db.segments, s, existing);
        if (outcome === 'older') olderThanProject('segment', s.id, what.sv, what.en);
        else report[outcome].segments++;
      }
      const fileSegmentIds = new Set(file.segments.map((s) => s.id));
      const removedSegments = new Set<string>();
      for (const documentId of documents.keys()) {
        for (const row of await db.segments.where('[documentId+coderId]').equals([documentId, coderId]).toArray()) {
          if (fileSegmentIds.has(row.id) || !versions.has(row.codebookVersionId)) continue;
          if (options.removeMissing && row.updatedAt <= file.exportedAt) {
            await db.segments.delete(row.id);
            removedSegments.add(row.id);
            report.removed.segments++;
          } else {
            report.notInFile.segments++;
            if (options.removeMissing) {
              skip('segment', row.id, 'newer-than-file', `Markering "${row.selector.quote.exact.slice(0, 40)}" i "${fileName(documentId)}" ändrades i projektet efter att filen exporterades; den behölls.`, `Passage "${row.selector.quote.exact.slice(0, 40)}" in "${fileName(documentId)}" was changed in the project after the file was exported; it was kept.`);
            }
          }
        }
      }

      // Judgements: one per document, coder and variable.
      const passagesOf = new Map<string, Set<string>>();
      const coderPassages = async (documentId: string) => {
        let set = passagesOf.get(documentId);
        if (!set) {
          set = new Set(await db.segments.where('[documentId+coderId]').equals([documentId, coderId]).primaryKeys());
          passagesOf.set(documentId, set);
        }
        return set;
      };
      if (removedSegments.size) {
        for (const documentId of documents.keys()) {
          for (const j of await db.judgements.where('[documentId+coderId]').equals([documentId, coderId]).toArray()) {
            if (j.evidenceSegmentIds.some((e) => removedSegments.has(e))) await db.judgements.update(j.id, { evidenceSegmentIds: j.evidenceSegmentIds.filter((e) => !removedSegments.has(e)) });
          }
        }
      }
      for (const incoming of file.judgements.filter(accepted)) {
        const variable = variableOf(incoming.codebookVersionId, incoming.variableId);
        const label = variable ? (variable.label.sv ?? variable.label.en ?? variable.key) : incoming.variableId;
        const labelEn = variable ? (variable.label.en ?? variable.label.sv ?? variable.key) : incoming.variableId;
        const what = { sv: `Bedömningen av "${label}" i "${fileName(incoming.documentId)}"`, en: `The judgement of "${labelEn}" in "${fileName(incoming.documentId)}"` };
        if (!variable || !incoming.valueIds.every((id) => variable.values.some((v) => v.id === id))) {
          skip('judgement', incoming.id, 'unknown-value', `${what.sv}: variabeln eller ett värde finns inte i kodboksversionen; hoppades över.`, `${what.en}: the variable or a value is not in the codebook version; skipped.`);
          continue;
        }
        const passages = await coderPassages(incoming.documentId);
        const j: Judgement = { ...incoming, evidenceSegmentIds: incoming.evidenceSegmentIds.filter((e) => passages.has(e)) };
        const byId = await db.judgements.get(j.id);
        if (byId && (byId.projectId !== projectId || byId.coderId !== coderId || byId.documentId !== j.documentId || byId.variableId !== j.variableId)) {
          idConflict('judgement', j.id, what.sv, what.en);
          continue;
        }
        const existing = byId ?? (await db.judgements.where('[documentId+coderId+variableId]').equals([j.documentId, coderId, j.variableId]).first());
        const outcome = await upsertRow(db.judgements, j, existing);
        if (outcome === 'older') olderThanProject('judgement', j.id, what.sv, what.en);
        else report[outcome].judgements++;
      }
      const fileJudgementKeys = new Set(file.judgements.map((j) => `${j.documentId}\u0000${j.variableId}`));
      for (const documentId of documents.keys()) {
        for (const row of await db.judgements.where('[documentId+coderId]').equals([documentId, coderId]).toArray()) {
          if (fileJudgementKeys.has(`${documentId}\u0000${row.variableId}`) || !versions.has(row.codebookVersionId)) continue;
          if (options.removeMissing && row.updatedAt <= file.exportedAt) {
            await db.judgements.delete(row.id);
            report.removed.judgements++;
          } else {
            report.notInFile.judgements++;
            if (options.removeMissing) {
              skip('judgement', row.id, 'newer-than-file', `En bedömning i "${fileName(documentId)}" ändrades i projektet efter att filen exporterades; den behölls.`, `A judgement in "${fileName(documentId)}" was changed in the project after the file was exported; it was kept.`);
            }
          }
        }
      }

      // Document memos: one per document and coder.
      for (const m of file.memos.filter(accepted)) {
        const what = { sv: `Memot till "${fileName(m.documentId)}"`, en: `The memo on "${fileName(m.documentId)}"` };
        const byId = await db.memos.get(m.id);
        if (byId && (byId.projectId !== projectId || byId.coderId !== coderId || byId.documentId !== m.documentId)) {
          idConflict('memo', m.id, what.sv, what.en);
          continue;
        }
        const existing: DocumentMemo | undefined = byId ?? (await db.memos.where('[documentId+coderId]').equals([m.documentId, coderId]).first());
        const outcome = await upsertRow(db.memos, m, existing);
        if (outcome === 'older') olderThanProject('memo', m.id, what.sv, what.en);
        else report[outcome].memos++;
      }
      const memoDocs = new Set(file.memos.map((m) => m.documentId));
      for (const documentId of documents.keys()) {
        const row = await db.memos.where('[documentId+coderId]').equals([documentId, coderId]).first();
        if (!row || memoDocs.has(documentId)) continue;
        if (options.removeMissing && row.updatedAt <= file.exportedAt) {
          await db.memos.delete(row.id);
          report.removed.memos++;
        } else {
          report.notInFile.memos++;
          if (options.removeMissing) {
            skip('memo', row.id, 'newer-than-file', `Memot till "${fileName(documentId)}" ändrades i projektet efter att filen exporterades; det behölls.`, `The memo on "${fileName(documentId)}" was changed in the project after the file was exported; it was kept.`);
          }
        }
      }
      return report;
    });
  }
}

/** The settings a package's blinding gives the coder's project (the coder's own blinding as the lead set it). */
function packagedBlinding(pkg: CoderPackageData): Partial<ProjectSettings> {
  if (!pkg.blinding) return {};
  const b = pkg.blinding;
  // The coder's effective blindness in the lead's project (their own setting, else the stage's), held here as the coding stage's.
  const here = blindness({ blindCoding: b.blindCoding, stage: b.stage, blindInReview: b.blindInReview, blindCoders: b.blind === undefined ? {} : { [pkg.coder.id]: b.blind } }, pkg.coder.id, 0);
  return { leadCoderId: b.leadCoderId, blindCoding: here.blind, stage: 'coding' };
}
