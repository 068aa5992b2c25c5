/**
 * The Dexie (IndexedDB) database. Every schema version is declared here in order; a schema
 * change adds `db.version(n + 1).stores({...}).upgrade(...)` below the last one and a test that
 * opens a database created by the previous version (see Dexie's "Database versioning" docs).
 *
 * One database holds all projects; every row carries `projectId`. Document metadata, extracted
 * content and original bytes are separate tables so that lists never load texts or files.
 */
import { Dexie, type EntityTable } from 'dexie';
import type {
  Codebook,
  CodebookVersion,
  Coder,
  DocumentContent,
  DocumentFile,
  DocumentMemo,
  DocumentMeta,
  Judgement,
  Project,
  Segment,
  Assignment,
  BlindingEvent,
  ConsensusEvent,
  ReliabilitySample,
} from '../core';
import { sanitiseHtml } from '../core';

export const DATABASE_NAME = 'overens';

/** Small key/value facts about this installation (first run, persistence requested…). */
export interface MetaEntry {
  key: string;
  value: unknown;
}

export type OverensDb = Dexie & {
  projects: EntityTable<Project, 'id'>;
  coders: EntityTable<Coder, 'id'>;
  codebooks: EntityTable<Codebook, 'id'>;
  codebookVersions: EntityTable<CodebookVersion, 'id'>;
  documents: EntityTable<DocumentMeta, 'id'>;
  documentContents: EntityTable<DocumentContent, 'documentId'>;
  documentFiles: EntityTable<DocumentFile, 'documentId'>;
  segments: EntityTable<Segment, 'id'>;
  judgements: EntityTable<Judgement, 'id'>;
  meta: EntityTable<MetaEntry, 'key'>;
  memos: EntityTable<DocumentMemo, 'id'>;
  assignments: EntityTable<Assignment, 'id'>;
  samples: EntityTable<ReliabilitySample, 'id'>;
  consensusEvents: EntityTable<ConsensusEvent, 'id'>;
  blindingEvents: EntityTable<BlindingEvent, 'id'>;
};

/** Schema version 1. Index strings: first the primary key, then indexes; `&` = unique, `[a+b]` = compound. */
export const SCHEMA_V1 = {
  projects: 'id, name, updatedAt',
  coders: 'id, projectId, &[projectId+name]',
  codebooks: 'id, projectId',
  codebookVersions: 'id, codebookId, projectId, &[codebookId+number]',
  documents: 'id, projectId, [projectId+sha256], [projectId+fileName]',
  documentContents: 'documentId',
  documentFiles: 'documentId',
  // Hot queries: a coder's passages in a document; a variable's passages per coder.
  segments: 'id, projectId, documentId, [documentId+coderId], [variableId+coderId], codebookVersionId',
  // One judgement per document, coder and variable.
  judgements: 'id, projectId, documentId, &[documentId+coderId+variableId], [documentId+coderId], [variableId+coderId], codebookVersionId',
  meta: 'key',
} as const;

/** Schema version 2: document memos, one per document and coder. Nothing else changes. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  memos: 'id, projectId, &[documentId+coderId]',
} as const;

/**
 * Schema version 3: the study's workflow — assignments (one per document and coder), reliability
 * samples, the consensus history, and the lead's blinding changes.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  assignments: 'id, projectId, documentId, coderId, &[documentId+coderId]',
  samples: 'id, projectId',
  consensusEvents: 'id, projectId, [documentId+variableId]',
  blindingEvents: 'id, projectId',
} as const;

/** Open (creating or upgrading) the database. Pass a name to keep tests apart. */
export function openDatabase(name: string = DATABASE_NAME): OverensDb {
  const db = new Dexie(name) as OverensDb;
  db.version(1).stores(SCHEMA_V1);
  // Version 2 only adds a table; existing rows need no change.
  db.version(2).stores(SCHEMA_V2);
  // Version 3 adds tables, names each project's lead (its first human coder) and gives every
  // consensus the basis it needs to be re-opened when a judgement it reconciled changes (the
  // reconciled coders' judgements as they are now).
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      const coders = (await tx.table('coders').toArray()) as Coder[];
      await tx.table('projects').toCollection().modify((p: Project) => {
        if (p.settings.leadCoderId) return;
        const lead = coders.filter((c) => c.projectId === p.id && c.kind === 'human').sort((a, b) => a.createdAt - b.createdAt)[0];
        if (lead) p.settings = { ...p.settings, leadCoderId: lead.id };
      });
      const judgements = tx.table('judgements');
      const consensus = ((await judgements.toArray()) as Judgement[]).filter((j) => j.resolution && !j.resolution.basis);
      for (const c of consensus) {
        const basis = [];
        for (const coderId of c.resolution!.coderIds) {
          const own = (await judgements.where('[documentId+coderId+variableId]').equals([c.documentId, coderId, c.variableId]).first()) as Judgement | undefined;
          basis.push({ coderId, valueIds: own?.valueIds ?? [] });
        }
        await judgements.update(c.id, { resolution: { ...c.resolution!, basis } });
      }
    });
  // Version 4 changes no table: it runs every stored HTML through the one sanitiser, so HTML a
  // backup or package brought in before they were sanitised on the way in is safe too.
  db.version(4)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      await tx.table('documentContents').toCollection().modify((c: { html?: string }) => {
        if (typeof c.html === 'string') c.html = sanitiseHtml(c.html).html;
      });
    });
  return db;
}

/** A database as schema version 3 created it (for upgrade tests). */
export function openDatabaseV3(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  db.version(3).stores(SCHEMA_V3);
  return db;
}

/** A database as schema version 2 created it (for upgrade tests). */
export function openDatabaseV2(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  return db;
}

/** A database as schema version 1 created it (for upgrade tests). */
export function openDatabaseV1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  return db;
}
