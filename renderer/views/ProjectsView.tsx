/** Create, open, rename and delete projects. */
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { SHIPPED_TEMPLATES } from '../../src/core/codebook';
import { CODER_PACKAGE_EXTENSION, localize, type CodebookTemplate, type Project, type UserMessage } from '../../src/core';
import { codebookAsTemplate } from '../../src/formats/codebook-json';
import { readBackup } from '../../src/formats/backup';
import { BACKUP_FILTER, backupFileName, projectBackup } from '../state/auto-backup';
import type { QdpxImportReport } from '../../src/formats/qdpx-package';
import { importQdpxInto } from './projects/qdpx-import';
import { QdpxReport } from './projects/QdpxReport';
import { AutoBackupCard } from './AutoBackupCard';
import { readCoderPackage } from '../../src/formats/coder-package';
import { usePlatform } from '../state/platform-context';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n';
import { useNotices } from '../state/errors';
import { rememberActiveCoder, useSession } from '../state/session';
import { useStore } from '../state/store-context';

const DEFAULT_TEMPLATE = 'vardanalys-2017';

export function ProjectsView() {
  const { t, lang } = useI18n();
  const store = useStore();
  const { project: current, openProject, setActiveCoder } = useSession();
  const { reportError, inform } = useNotices();
  const projects = useLiveQuery(() => store.projects.list(), [store]);
  // Codebooks of existing projects can seed a new project (a duplicate of the codebook).
  const projectCodebooks = useLiveQuery(async () => {
    const list = await store.projects.list();
    return list.flatMap((p) => (p.settings.codebookId ? [{ project: p, codebookId: p.settings.codebookId }] : []));
  }, [store]);

  const templateFor = async (choice: string): Promise<CodebookTemplate | undefined> => {
    if (!choice.startsWith('codebook:')) return SHIPPED_TEMPLATES.find((tpl) => tpl.id === choice);
    const codebookId = choice.slice('codebook:'.length);
    const codebook = await store.codebooks.get(codebookId);
    const version = (await store.codebooks.latestPublished(codebookId)) ?? (await store.codebooks.latest(codebookId));
    return codebook && version ? codebookAsTemplate(codebook, version) : undefined;
  };

  const [name, setName] = useState('');
  const [coderName, setCoderName] = useState('');
  const [templateId, setTemplateId] = useState(DEFAULT_TEMPLATE);
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<{ project: Project; documents: number; codings: number } | null>(null);
  const platform = usePlatform();
  /** Problems of a restore or import, shown in the interface's language. */
  const [restoreProblems, setRestoreProblems] = useState<{ title: string; problems: UserMessage[] } | null>(null);
  /** The report of the last REFI-QDA import. */
  const [qdpxReport, setQdpxReport] = useState<{ file: string; report: QdpxImportReport } | null>(null);
  /** What is being read or written (a restore, an import, a backup), shown with a progress bar. */
  const [working, setWorking] = useState<string | null>(null);

  const backup = async (project: Project) => {
    setWorking(t('projects.workingBackup', { name: project.name }));
    try {
      await platform.saveFile(backupFileName(project, new Date()), await projectBackup(store, project.id), BACKUP_FILTER);
    } catch (error) {
      reportError(error);
    } finally {
      setWorking(null);
    }
  };

  const restore = async () => {
    try {
      const [file] = await platform.openFiles({ title: t('backup.restore'), filters: BACKUP_FILTER, multiple: false });
      if (!file) return;
      setWorking(t('projects.workingFile', { file: file.name }));
      const read = await readBackup(file.bytes);
      if (!read.ok) {
        setRestoreProblems({ title: t('backup.problems', { file: file.name }), problems: read.problems });
        return;
      }
      const exists = await store.backups.exists(read.data.project.id);
      if (exists && !window.confirm(t('backup.replace', { name: read.data.project.name }))) return;
      await store.backups.restore(read.data, read.files, { replace: exists });
      openProject(read.data.project.id);
      inform('backup.restored', { name: read.data.project.name });
    } catch (error) {
      reportError(error);
    } finally {
      setWorking(null);
    }
  };

  const importQdpx = async () => {
    try {
      const [file] = await platform.openFiles({ title: t('qdpx.import'), filters: [{ name: 'REFI-QDA', extensions: ['qdpx'] }], multiple: false });
      if (!file) return;
      setWorking(t('projects.workingFile', { file: file.name }));
      const imported = await importQdpxInto(store, file.bytes, file.name);
      if (!imported.ok) {
        setRestoreProblems({ title: t('qdpx.failed', { file: file.name }), problems: imported.problems });
        return;
      }
      const { data, files, report } = imported;
      await store.backups.restore(data, files, { replace: false });
      openProject(data.project.id);
      inform('qdpx.imported', { name: data.project.name, documents: data.documents.length, passages: data.segments.length });
      setQdpxReport({ file: file.name, report });
    } catch (error) {
      reportError(error);
    } finally {
      setWorking(null);
    }
  };

  const importCoderPackage = async () => {
    try {
      const [file] = await platform.openFiles({ title: t('coderPackage.import'), filters: [{ name: t('coderPackage.import'), extensions: [CODER_PACKAGE_EXTENSION] }], multiple: false });
      if (!file) return;
      setWorking(t('projects.workingFile', { file: file.name }));
      const read = await readCoderPackage(file.bytes, file.name);
      if (!read.ok) {
        setRestoreProblems({ title: t('coderPackage.importFailed', { file: file.name }), problems: read.problems });
        return;
      }
      const result = await store.coderPackages.importPackage(read.data, read.files);
      // The package's coder becomes the active coder of the project.
      if (current?.id === result.projectId) setActiveCoder(result.coderId);
      else rememberActiveCoder(result.projectId, result.coderId);
      openProject(result.projectId);
      inform(result.createdProject ? 'coderPackage.imported' : 'coderPackage.refreshed', { name: result.projectName, documents: result.documentsAdded, coder: result.coderName });
    } catch (error) {
      reportError(error);
    } finally {
      setWorking(null);
    }
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const template = await templateFor(templateId);
      const created = await store.projects.create({ name, coderName, template });
      openProject(created.project.id);
      inform('projects.created', { name: created.project.name });
      setName('');
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  const saveRename = async (e: FormEvent) => {
    e.preventDefault();
    if (!renaming) return;
    try {
      await store.projects.rename(renaming.id, renaming.name);
      inform('projects.renamed', { name: renaming.name.trim() });
      setRenaming(null);
    } catch (error) {
      reportError(error);
    }
  };

  const askDelete = async (project: Project) => {
    const documents = await store.db.documents.where('projectId').equals(project.id).count();
    const codings =
      (await store.db.segments.where('projectId').equals(project.id).count()) +
      (await store.db.judgements.where('projectId').equals(project.id).count());
    setDeleting({ project, documents, codings });
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await store.projects.delete(deleting.project.id);
      if (current?.id === deleting.project.id) openProject(null);
      inform('projects.deleted', { name: deleting.project.name });
    } catch (error) {
      reportError(error);
    } finally {
      setDeleting(null);
    }
  };

  return (
    <section className="view" aria-labelledby="projects-title">
      <h1 id="projects-title">{t('projects.title')}</h1>
      <p className="lead">{t('projects.intro')}</p>

      <div className="two-columns">
        <form className="card" onSubmit={(e) => void create(e)} data-testid="new-project-form">
          <h2>{t('projects.new')}</h2>
          <label className="field">
            <span>{t('projects.name')}</span>
            <input data-testid="new-project-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('projects.firstCoder')}</span>
            <input data-testid="new-project-coder" required maxLength={100} value={coderName} onChange={(e) => setCoderName(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('projects.template')}</span>
            <select data-testid="new-project-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              {SHIPPED_TEMPLATES.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {localize(tpl.name, lang)}
                </option>
              ))}
              {projectCodebooks?.map((c) => (
                <option key={c.codebookId} value={`codebook:${c.codebookId}`}>
                  {t('projects.fromProject', { name: c.project.name })}
                </option>
              ))}
              <option value="">{t('projects.noTemplate')}</option>
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy} data-testid="create-project">
            {t('projects.create')}
          </button>
        </form>

        <div className="card">
          <div className="view-heading">
            <h2>{t('projects.list')}</h2>
            <span className="toolbar">
              <button type="button" disabled={working !== null} onClick={() => void importCoderPackage()} data-testid="import-coder-package">
                {t('coderPackage.import')}
              </button>
              <button type="button" disabled={working !== null} onClick={() => void importQdpx()} data-testid="import-qdpx">
                {t('qdpx.import')}
              </button>
              <button type="button" disabled={working !== null} onClick={() => void restore()} data-testid="restore-backup">
                {t('backup.restore')}
              </button>
            </span>
          </div>
          {working && (
            <p className="small" role="status" data-testid="projects-working">
              <progress aria-label={working} /> {working}
            </p>
          )}
          {projects === undefined ? (
            <p className="muted">{t('common.loading')}</p>
          ) : projects.length === 0 ? (
            <p className="muted" data-testid="no-projects">
              {t('projects.empty')}
            </p>
          ) : (
            <ul className="project-list" data-testid="project-list">
              {projects.map((p) => (
                <li key={p.id} className={p.id === current?.id ? 'current' : undefined} data-testid="project-item">
                  {renaming?.id === p.id ? (
                    <form className="inline-form" onSubmit={(e) => void saveRename(e)}>
                      <input
                        aria-label={t('projects.name')}
                        data-testid="rename-input"
                        autoFocus
                        value={renaming.name}
                        onChange={(e) => setRenaming({ id: p.id, name: e.target.value })}
                        onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                      />
                      <button type="submit" className="primary">
                        {t('projects.save')}
                      </button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        {t('projects.cancel')}
                      </button>
                    </form>
                  ) : (
                    <>
                      <div className="project-main">
                        <span className="project-name" data-testid="project-name">
                          {p.name}
                        </span>
                        <span className="muted small">
                          {t('projects.updated')}: {new Date(p.updatedAt).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB')}
                        </span>
                      </div>
                      <div className="row-actions">
                        {p.id === current?.id ? (
                          <span className="badge">{t('projects.opened')}</span>
                        ) : (
                          <button type="button" onClick={() => openProject(p.id)} data-testid="open-project">
                            {t('projects.open')}
                          </button>
                        )}
                        <button type="button" onClick={() => void backup(p)} data-testid="backup-project">
                          {t('backup.make')}
                        </button>
                        <button type="button" onClick={() => setRenaming({ id: p.id, name: p.name })} data-testid="rename-project">
                          {t('projects.rename')}
                        </button>
                        <button type="button" className="danger" onClick={() => void askDelete(p)} data-testid="delete-project">
                          {t('projects.delete')}
                        </button>
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <AutoBackupCard />

      <Dialog
        open={restoreProblems !== null}
        title={restoreProblems?.title ?? ''}
        onClose={() => setRestoreProblems(null)}
        testId="restore-problems"
        actions={
          <button type="button" onClick={() => setRestoreProblems(null)}>
            {t('common.close')}
          </button>
        }
      >
        <ul className="problem-list">
          {restoreProblems?.problems.map((p, i) => (
            <li key={i}>{p[lang]}</li>
          ))}
        </ul>
      </Dialog>
      <QdpxReport file={qdpxReport?.file ?? ''} report={qdpxReport?.report ?? null} onClose={() => setQdpxReport(null)} />
      <Dialog
        open={deleting !== null}
        title={deleting ? t('projects.deleteTitle', { name: deleting.project.name }) : ''}
        onClose={() => setDeleting(null)}
        testId="delete-dialog"
        actions={
          <>
            <button type="button" onClick={() => setDeleting(null)}>
              {t('projects.cancel')}
            </button>
            <button type="button" className="danger" onClick={() => void confirmDelete()} data-testid="confirm-delete">
              {t('projects.deleteConfirm')}
            </button>
          </>
        }
      >
        {deleting && <p>{t('projects.deleteBody', { documents: deleting.documents, codings: deleting.codings })}</p>}
      </Dialog>
    </section>
  );
}
