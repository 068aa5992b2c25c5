/**
 * Codebooks and their numbered versions. A codebook made from a shipped template starts with
 * version 1 published (the template is a finished instrument); a blank one starts as a draft.
 */
import { Codebook, CodebookContent, CodebookTemplate, CodebookVersion, OverensError, newId, type VersionChange } from '../core';
import { diffVersions, type DecisionChoice } from '../core/codebook';
import { decideCodings, migrationState, restoreCodings, type CodingsBefore, type MigrationState } from './version-decisions';
import type { OverensDb } from './db';

/**
 * Insert a codebook and its first version from a template. Call inside a transaction that
 * includes `codebooks` and `codebookVersions` (or on its own: Dexie then wraps each write).
 */
export async function insertCodebookFromTemplate(
  db: OverensDb,
  projectId: string,
  template: CodebookTemplate,
  now: number,
  /** Start as a draft even when the template has variables (an imported codebook to be reviewed). */
  options: { draft?: boolean } = {},
): Promise<{ codebook: Codebook; version: CodebookVersion }> {
  const checked = CodebookTemplate.parse(template);
  const codebook = Codebook.parse({
    id: newId(),
    projectId,
    name: checked.name,
    description: checked.description,
    templateId: checked.id,
    createdAt: now,
    updatedAt: now,
  });
  const published = checked.content.variables.length > 0 && !options.draft;
  const version = CodebookVersion.parse({
    id: newId(),
    codebookId: codebook.id,
    projectId,
    number: 1,
    status: published ? 'published' : 'draft',
    createdAt: now,
    publishedAt: published ? now : undefined,
    note: checked.source ?? '',
    content: checked.content,
    changes: [],
  });
  await db.codebooks.add(codebook);
  await db.codebookVersions.add(version);
  return { codebook, version };
}

export class CodebookRepository {
  constructor(private readonly db: OverensDb) {}

  list(projectId: string): Promise<Codebook[]> {
    return this.db.codebooks.where('projectId').equals(projectId).sortBy('createdAt');
  }

  get(id: string): Promise<Codebook | undefined> {
    return this.db.codebooks.get(id);
  }

  /** All versions of a codebook, oldest first. */
  versions(codebookId: string): Promise<CodebookVersion[]> {
    return this.db.codebookVersions.where('codebookId').equals(codebookId).sortBy('number');
  }

  /** The newest version (draft or published). */
  async latest(codebookId: string): Promise<CodebookVersion | undefined> {
    const versions = await this.versions(codebookId);
    return versions.at(-1);
  }

  /** The newest published version: what coders code with. */
  async latestPublished(codebookId: string): Promise<CodebookVersion | undefined> {
    const versions = await this.versions(codebookId);
    return versions.filter((v) => v.status === 'published').at(-1);
  }

  async createFromTemplate(projectId: string, template: CodebookTemplate, now: number = Date.now(), options: { draft?: boolean } = {}): Promise<Codebook> {
    return this.db.transaction('rw', this.db.projects, this.db.codebooks, this.db.codebookVersions, async () => {
      if (!(await this.db.projects.get(projectId))) {
        throw new OverensError('project-not-found', { sv: 'Projektet finns inte.', en: 'The project does not exist.' });
      }
      const { codebook } = await insertCodebookFromTemplate(this.db, projectId, template, now, options);
      return codebook;
    });
  }
}

/** Codebook versioning: drafts, publishing, and moving codings to a newer version. */
export class CodebookVersioning {
  constructor(private readonly db: OverensDb) {}

  /** The codebook's open draft, or a new draft (next number) copied from its latest version. */
  async draft(codebookId: string, now: number = Date.now()): Promise<CodebookVersion> {
    return this.db.transaction('rw', this.db.codebookVersions, async () => {
      const versions = await this.db.codebookVersions.where('codebookId').equals(codebookId).sortBy('number');
      const latest = versions.at(-1);
      if (!latest) throw new OverensError('codebook-not-found', { sv: 'Kodboken finns inte.', en: 'The codebook does not exist.' });
      if (latest.status === 'draft') return latest;
      const draft = CodebookVersion.parse({
        id: newId(),
        codebookId,
        projectId: latest.projectId,
        number: latest.number + 1,
        status: 'draft',
        createdAt: now,
        basedOnVersionId: latest.id,
        note: '',
        content: structuredClone(latest.content),
        changes: [],
      });
      await this.db.codebookVersions.add(draft);
      return draft;
    });
  }

  /** Replace a draft's content (validated); published versions are immutable. */
  async updateDraft(versionId: string, content: CodebookContent, changes: VersionChange[]): Promise<void> {
    const parsed = CodebookContent.parse(content);
    await this.db.transaction('rw', this.db.codebookVersions, async () => {
      const version = await this.db.codebookVersions.get(versionId);
      if (!version) throw new OverensError('version-not-found', { sv: 'Versionen finns inte.', en: 'The version does not exist.' });
      if (version.status !== 'draft') throw publishedError(version.number);
      await this.db.codebookVersions.update(versionId, { content: parsed, changes });
    });
  }

  /** Publish a draft: it becomes immutable; its changes against the version it was based on are recorded. */
  async publish(versionId: string, now: number = Date.now()): Promise<CodebookVersion> {
    return this.db.transaction('rw', this.db.codebookVersions, async () => {
      const version = await this.db.codebookVersions.get(versionId);
      if (!version) throw new OverensError('version-not-found', { sv: 'Versionen finns inte.', en: 'The version does not exist.' });
      if (version.status !== 'draft') throw publishedError(version.number);
      const base = version.basedOnVersionId ? await this.db.codebookVersions.get(version.basedOnVersionId) : undefined;
      const changes = base ? diffVersions(base.content, version.content, version.changes) : [];
      const published = CodebookVersion.parse({ ...version, status: 'published', publishedAt: now, changes });
      await this.db.codebookVersions.put(published);
      return published;
    });
  }

  /** How many codings (passages and judgements) use each value of a version's variables. */
  async valueUse(projectId: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    await this.db.segments.where('projectId').equals(projectId).each((s) => counts.set(s.valueId, (counts.get(s.valueId) ?? 0) + 1));
    await this.db.judgements.where('projectId').equals(projectId).each((j) => j.valueIds.forEach((v) => counts.set(v, (counts.get(v) ?? 0) + 1)));
    return counts;
  }

  /**
   * Move the project's codings made under older versions of the codebook to `targetVersionId`,
   * applying the recorded changes of every version in between (merges automatically). Codings
   * that need a decision (split or removed values) stay where they are and are returned; so do
   * those someone decided to keep under their version. Returns the moved rows as they were, for undo.
   */
  async migrate(targetVersionId: string, now: number = Date.now()): Promise<{ moved: number; decide: { kind: 'segment' | 'judgement'; id: string; documentId: string; variableId: string; reason: string }[]; before: CodingsBefore }> {
    const db = this.db;
    return db.transaction('rw', db.codebookVersions, db.segments, db.judgements, async () => {
      const state = await migrationState(db, targetVersionId);
      const before: CodingsBefore = { segments: [], judgements: [] };
      for (const m of state.movable) {
        if (m.kind === 'segment') {
          before.segments.push((await db.segments.get(m.id))!);
          await db.segments.update(m.id, { codebookVersionId: targetVersionId, valueId: m.valueIds[0]!, updatedAt: now });
        } else {
          before.judgements.push((await db.judgements.get(m.id))!);
          await db.judgements.update(m.id, { codebookVersionId: targetVersionId, valueIds: m.valueIds, updatedAt: now });
        }
      }
      return { moved: state.movable.length, decide: state.pending.map((d) => ({ kind: d.kind, id: d.id, documentId: d.documentId, variableId: d.variableId, reason: d.reason })), before };
    });
  }

  /** What waits to move to a published version: codings that move by themselves, and those that need a decision. */
  migrationState(targetVersionId: string): Promise<MigrationState> {
    return migrationState(this.db, targetVersionId);
  }

  /** Decide codings left under older versions (one transaction); returns the rows as they were, for undo. */
  decide(targetVersionId: string, items: readonly { kind: 'segment' | 'judgement'; id: string; choice: DecisionChoice }[], now: number = Date.now()): Promise<CodingsBefore> {
    return decideCodings(this.db, targetVersionId, items, now);
  }

  /** Undo a decision or a migration: the rows as they were. */
  restoreCodings(before: CodingsBefore): Promise<void> {
    return restoreCodings(this.db, before);
  }
}

function publishedError(number: number): OverensError {
  return new OverensError('version-published', {
    sv: `Version ${number} är publicerad och kan inte ändras. Skapa ett nytt utkast.`,
    en: `Version ${number} is published and cannot be changed. Create a new draft.`,
  });
}
