/**
 * Codebooks and their numbered versions. A codebook made from a shipped template starts with
 * version 1 published (the template is a finished instrument); a blank one starts as a draft.
 */
import { Codebook, CodebookTemplate, CodebookVersion, OverensError, newId } from '../core';
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
  const published = checked.content.variables.length > 0;
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

  async createFromTemplate(projectId: string, template: CodebookTemplate, now: number = Date.now()): Promise<Codebook> {
    return this.db.transaction('rw', this.db.projects, this.db.codebooks, this.db.codebookVersions, async () => {
      if (!(await this.db.projects.get(projectId))) {
        throw new OverensError('project-not-found', { sv: 'Projektet finns inte.', en: 'The project does not exist.' });
      }
      const { codebook } = await insertCodebookFromTemplate(this.db, projectId, template, now);
      return codebook;
    });
  }
}
