/**
 * Projects and their coders. Creating a project creates, in one transaction, the project, its
 * first coder, its reserved consensus coder and (optionally) a codebook from a template.
 * Deleting a project removes everything that belongs to it in one transaction.
 */
import {
  Coder,
  OverensError,
  Project,
  ProjectSettings,
  newId,
  type CodebookTemplate,
} from '../core';
import type { OverensDb } from './db';
import { insertCodebookFromTemplate } from './codebooks';
import { FINAL_CODER_NAME } from '../core/final-dataset';

export interface CreateProjectInput {
  name: string;
  description?: string;
  /** The first (human) coder; becomes the active coder. */
  coderName: string;
  /** Analysis template to start the codebook from. */
  template?: CodebookTemplate;
}

export interface CreatedProject {
  project: Project;
  coder: Coder;
  consensusCoder: Coder;
}

export const CONSENSUS_CODER_NAME = 'Konsensus';

export class ProjectRepository {
  constructor(private readonly db: OverensDb) {}

  list(): Promise<Project[]> {
    return this.db.projects.orderBy('updatedAt').reverse().toArray();
  }

  get(id: string): Promise<Project | undefined> {
    return this.db.projects.get(id);
  }

  async create(input: CreateProjectInput, now: number = Date.now()): Promise<CreatedProject> {
    const projectId = newId();
    const project = Project.parse({
      id: projectId,
      name: input.name,
      description: input.description ?? '',
      createdAt: now,
      updatedAt: now,
      settings: ProjectSettings.parse({}),
    });
    const coder = Coder.parse({ id: newId(), projectId, name: input.coderName, kind: 'human', createdAt: now });
    // The first coder leads the project: the only one who may change blinding.
    project.settings.leadCoderId = coder.id;
    const consensusCoder = Coder.parse({ id: newId(), projectId, name: CONSENSUS_CODER_NAME, kind: 'consensus', createdAt: now });
    if ([CONSENSUS_CODER_NAME, FINAL_CODER_NAME].some((r) => coder.name.toLocaleLowerCase('sv') === r.toLocaleLowerCase('sv'))) {
      throw reservedName(coder.name);
    }
    await this.db.transaction('rw', [this.db.projects, this.db.coders, this.db.codebooks, this.db.codebookVersions], async () => {
      await this.db.projects.add(project);
      await this.db.coders.bulkAdd([coder, consensusCoder]);
      if (input.template) {
        const { codebook } = await insertCodebookFromTemplate(this.db, projectId, input.template, now);
        project.settings.codebookId = codebook.id;
        await this.db.projects.update(projectId, { settings: project.settings });
      }
    });
    return { project, coder, consensusCoder };
  }

  async rename(id: string, name: string, now: number = Date.now()): Promise<void> {
    const trimmed = Project.shape.name.parse(name);
    const changed = await this.db.projects.update(id, { name: trimmed, updatedAt: now });
    if (changed === 0) throw notFound(id);
  }

  async updateSettings(id: string, patch: Partial<ProjectSettings>, now: number = Date.now()): Promise<void> {
    await this.db.transaction('rw', this.db.projects, async () => {
      const project = await this.db.projects.get(id);
      if (!project) throw notFound(id);
      const settings = ProjectSettings.parse({ ...project.settings, ...patch });
      await this.db.projects.update(id, { settings, updatedAt: now });
    });
  }

  /** Remove the project and everything in it, all or nothing. */
  async delete(id: string): Promise<void> {
    const db = this.db;
    await db.transaction(
      'rw',
      [db.projects, db.coders, db.codebooks, db.codebookVersions, db.documents, db.documentContents, db.documentFiles, db.segments, db.judgements, db.memos, db.assignments, db.samples, db.consensusEvents, db.blindingEvents],
      async () => {
        for (const table of [db.assignments, db.samples, db.consensusEvents, db.blindingEvents]) await table.where('projectId').equals(id).delete();
        const documentIds = await db.documents.where('projectId').equals(id).primaryKeys();
        await db.documentContents.bulkDelete(documentIds);
        await db.documentFiles.bulkDelete(documentIds);
        await db.documents.where('projectId').equals(id).delete();
        await db.segments.where('projectId').equals(id).delete();
        await db.judgements.where('projectId').equals(id).delete();
        await db.memos.where('projectId').equals(id).delete();
        await db.codebookVersions.where('projectId').equals(id).delete();
        await db.codebooks.where('projectId').equals(id).delete();
        await db.coders.where('projectId').equals(id).delete();
        await db.projects.delete(id);
      },
    );
  }

  /** Mark the project as just used (drives the order of the project list). */
  async touch(id: string, now: number = Date.now()): Promise<void> {
    await this.db.projects.update(id, { updatedAt: now });
  }
}

export class CoderRepository {
  constructor(private readonly db: OverensDb) {}

  /** Human coders first (by creation), the consensus coder last. */
  async list(projectId: string): Promise<Coder[]> {
    const coders = await this.db.coders.where('projectId').equals(projectId).sortBy('createdAt');
    return [...coders.filter((c) => c.kind === 'human'), ...coders.filter((c) => c.kind === 'consensus')];
  }

  async add(projectId: string, name: string, now: number = Date.now()): Promise<Coder> {
    const coder = Coder.parse({ id: newId(), projectId, name, kind: 'human', createdAt: now });
    await this.db.transaction('rw', this.db.projects, this.db.coders, async () => {
      if (!(await this.db.projects.get(projectId))) throw notFound(projectId);
      await this.assertNameFree(projectId, coder.name);
      await this.db.coders.add(coder);
    });
    return coder;
  }

  async rename(coderId: string, name: string): Promise<void> {
    const trimmed = Coder.shape.name.parse(name);
    await this.db.transaction('rw', this.db.coders, async () => {
      const coder = await this.db.coders.get(coderId);
      if (!coder) throw new OverensError('coder-not-found', { sv: 'Kodaren finns inte.', en: 'The coder does not exist.' });
      if (coder.kind === 'consensus') throw reservedName(coder.name);
      await this.assertNameFree(coder.projectId, trimmed, coderId);
      await this.db.coders.update(coderId, { name: trimmed });
    });
  }

  private async assertNameFree(projectId: string, name: string, exceptId?: string): Promise<void> {
    const wanted = name.toLocaleLowerCase('sv');
    if (wanted === CONSENSUS_CODER_NAME.toLocaleLowerCase('sv')) throw reservedName(name);
    if (wanted === FINAL_CODER_NAME.toLocaleLowerCase('sv')) {
      throw new OverensError('coder-name-reserved', {
        sv: `Namnet "${name}" är reserverat för det slutliga datamaterialets rader i exporterna.`,
        en: `The name "${name}" is reserved for the final dataset's rows in the exports.`,
      });
    }
    const coders = await this.db.coders.where('projectId').equals(projectId).toArray();
    if (coders.some((c) => c.id !== exceptId && c.name.toLocaleLowerCase('sv') === wanted)) {
      throw new OverensError('coder-name-taken', {
        sv: `Det finns redan en kodare som heter "${name}" i projektet.`,
        en: `There is already a coder called "${name}" in this project.`,
      });
    }
  }
}

function notFound(id: string): OverensError {
  return new OverensError('project-not-found', {
    sv: `Projektet finns inte (id ${id}). Det kan ha tagits bort i ett annat fönster.`,
    en: `The project does not exist (id ${id}). It may have been deleted in another window.`,
  });
}

function reservedName(name: string): OverensError {
  return new OverensError('coder-name-reserved', {
    sv: `Namnet "${name}" är reserverat för konsensuskodningen.`,
    en: `The name "${name}" is reserved for consensus coding.`,
  });
}
