/** The Documents view: the project's documents with their attributes; attribute CSV import. */
import { useState, type DragEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { matchAttributeRows, parseAttributesCsv } from '../../../src/formats/attributes-csv';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { usePlatform } from '../../state/platform-context';
import { useSession } from '../../state/session';
import { useStore } from '../../state/store-context';
import { AttributeImportDialog, type AttributeImportPreview } from './AttributeImportDialog';
import { AttributeTable } from './AttributeTable';
import { CoderPackageActions } from './CoderPackageActions';
import { ImportPanel, type ImportBatch } from './ImportPanel';
import { importFiles, storeNewVersion, type ImportFile, type ImportOutcome } from '../../documents/importer';
import { extractPool } from '../../documents/extract-pool';
import { readFiles } from '../../platform/web';
import { navigate } from '../../state/route';
import { AssignmentCard } from './AssignmentCard';

export const IMPORT_FILTERS = [{ name: 'PDF, Word, text', extensions: ['pdf', 'docx', 'txt', 'md'] }];

export function DocumentsView() {
  const { t } = useI18n();
  const store = useStore();
  const platform = usePlatform();
  const { project } = useSession();
  const { reportError, inform } = useNotices();
  const documents = useLiveQuery(async () => (project ? store.documents.list(project.id) : []), [store, project]);
  const [extraColumns, setExtraColumns] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [preview, setPreview] = useState<AttributeImportPreview | null>(null);
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const [dragging, setDragging] = useState(false);

  const runImport = async (files: ImportFile[]) => {
    if (!project || files.length === 0) return;
    setBatch({ total: files.length, done: 0, outcomes: [] });
    const pool = extractPool();
    try {
      await importFiles(store, project.id, files, (name, bytes, password) => pool.extract(name, bytes, password), (done, _total, outcome) =>
        setBatch((b) => (b ? { ...b, done, outcomes: [...b.outcomes, outcome] } : b)),
      );
    } catch (error) {
      reportError(error);
    }
  };

  const chooseFiles = async () => {
    try {
      const files = await platform.openFiles({ title: t('documents.importFiles'), filters: IMPORT_FILTERS, multiple: true });
      await runImport(files.map((f) => ({ name: f.name, bytes: f.bytes })));
    } catch (error) {
      reportError(error);
    }
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    try {
      const files = await readFiles(Array.from(e.dataTransfer.files));
      await runImport(files.map((f) => ({ name: f.name, bytes: f.bytes })));
    } catch (error) {
      reportError(error);
    }
  };

  const replaceOutcome = (old: ImportOutcome, next: ImportOutcome) => setBatch((b) => (b ? { ...b, outcomes: b.outcomes.map((o) => (o === old ? next : o)) } : b));

  const importAnyway = async (o: Extract<ImportOutcome, { status: 'duplicate' }>) => {
    if (!project) return;
    try {
      const { document, carried } = await storeNewVersion(store, project.id, o.extracted, o.bytes, o.existing);
      replaceOutcome(o, { status: 'imported', fileName: o.fileName, document, carried });
    } catch (error) {
      reportError(error);
    }
  };

  const decideTwin = async (o: Extract<ImportOutcome, { status: 'imported' }>, link: boolean) => {
    if (!o.twin) return;
    try {
      if (link) await store.documents.linkTwin(o.document.id, o.twin.documentId, o.twin.similarity);
      replaceOutcome(o, { ...o, twinDecision: link ? 'linked' : 'separate' });
    } catch (error) {
      reportError(error);
    }
  };

  const retryWithPassword = async (o: Extract<ImportOutcome, { status: 'failed' }>) => {
    if (!project) return;
    const password = window.prompt(t('import.passwordPrompt', { name: o.fileName }));
    if (!password) return;
    const [next] = await importFiles(store, project.id, [{ name: o.fileName, bytes: o.bytes, password }], (name, bytes, pw) => extractPool().extract(name, bytes, pw), () => undefined);
    if (next) replaceOutcome(o, next);
  };

  const importAttributes = async () => {
    try {
      const [file] = await platform.openFiles({ title: t('documents.importAttributes'), filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }], multiple: false });
      if (!file || !documents) return;
      const text = new TextDecoder('utf-8').decode(file.bytes);
      const parsed = parseAttributesCsv(text);
      // A linked twin is the same agreement: rows are matched to agreements, and the twin gets its agreement's attributes.
      const matching = matchAttributeRows(parsed.rows, documents.filter((d) => !d.twin));
      const matched = new Set(matching.matches.map((m) => m.documentId));
      setPreview({ fileName: file.name, matching, problems: parsed.problems, twins: documents.filter((d) => d.twin && matched.has(d.twin.of)).length });
    } catch (error) {
      reportError(error);
    }
  };

  const applyAttributes = async () => {
    if (!preview || !documents) return;
    const byId = new Map(documents.map((d) => [d.id, d]));
    const updates = preview.matching.matches.flatMap((m) => {
      const own = Object.fromEntries(Object.entries(m.row.attributes).filter(([, v]) => v !== ''));
      const files = [m.documentId, ...documents.filter((d) => d.twin?.of === m.documentId).map((d) => d.id)];
      return files.map((id) => ({ id, attributes: { ...(byId.get(id)?.attributes ?? {}), ...own } }));
    });
    try {
      await store.documents.setAttributesMany(updates);
      inform('documents.attributesApplied', { count: updates.length });
      setPreview(null);
    } catch (error) {
      reportError(error);
    }
  };

  const addColumn = () => {
    const name = window.prompt(t('documents.addColumnPrompt'))?.trim();
    if (name && !extraColumns.includes(name)) setExtraColumns([...extraColumns, name]);
  };

  return (
    <section className="view wide" aria-labelledby="documents-title">
      <div className="view-heading">
        <h1 id="documents-title">{t('documents.title')}</h1>
        {documents && (
          <span className="muted" data-testid="documents-count">
            {documents.some((d) => d.twin) ? t('documents.countUnits', { units: documents.filter((d) => !d.twin).length, count: documents.length }) : t('documents.count', { count: documents.length })}
          </span>
        )}
      </div>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <button type="button" className="primary" onClick={() => void chooseFiles()} data-testid="import-files">
          {t('documents.importFiles')}
        </button>
        <span className="muted">{t('documents.dropHint')}</span>
      </div>
      {batch && <ImportPanel batch={batch} onImportAnyway={(o) => void importAnyway(o)} onRetryWithPassword={(o) => void retryWithPassword(o)} onTwin={(o, link) => void decideTwin(o, link)} onClose={() => setBatch(null)} onCancel={() => extractPool().cancel()} />}
      <AssignmentCard />
      <div className="toolbar">
        <button type="button" onClick={() => void importAttributes()} disabled={!documents?.length} data-testid="import-attributes">
          {t('documents.importAttributes')}
        </button>
        <button type="button" onClick={addColumn} disabled={!documents?.length} data-testid="add-column">
          {t('documents.addColumn')}
        </button>
        <CoderPackageActions documents={documents ?? []} />
      </div>
      {documents === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : documents.length === 0 ? (
        <p className="muted" data-testid="no-documents">
          {t('documents.empty')}
        </p>
      ) : (
        <AttributeTable
          documents={documents}
          extraColumns={extraColumns}
          selected={selected}
          onSelect={setSelected}
          onOpen={(id) => navigate('coding', { doc: id })}
        />
      )}
      <AttributeImportDialog preview={preview} onApply={() => void applyAttributes()} onClose={() => setPreview(null)} />
    </section>
  );
}
