/** The Documents view: the project's documents with their attributes; attribute CSV import. */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { matchAttributeRows, parseAttributesCsv } from '../../../src/formats/attributes-csv';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { usePlatform } from '../../state/platform-context';
import { useSession } from '../../state/session';
import { useStore } from '../../state/store-context';
import { AttributeImportDialog, type AttributeImportPreview } from './AttributeImportDialog';
import { AttributeTable } from './AttributeTable';

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

  const importAttributes = async () => {
    try {
      const [file] = await platform.openFiles({ title: t('documents.importAttributes'), filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }], multiple: false });
      if (!file || !documents) return;
      const text = new TextDecoder('utf-8').decode(file.bytes);
      const parsed = parseAttributesCsv(text);
      setPreview({ fileName: file.name, matching: matchAttributeRows(parsed.rows, documents), problems: parsed.problems });
    } catch (error) {
      reportError(error);
    }
  };

  const applyAttributes = async () => {
    if (!preview || !documents) return;
    const byId = new Map(documents.map((d) => [d.id, d]));
    const updates = preview.matching.matches.map((m) => ({
      id: m.documentId,
      attributes: { ...(byId.get(m.documentId)?.attributes ?? {}), ...Object.fromEntries(Object.entries(m.row.attributes).filter(([, v]) => v !== '')) },
    }));
    try {
      await store.documents.setAttributesMany(updates);
      inform(t('documents.attributesApplied', { count: updates.length }));
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
        {documents && <span className="muted">{t('documents.count', { count: documents.length })}</span>}
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => void importAttributes()} disabled={!documents?.length} data-testid="import-attributes">
          {t('documents.importAttributes')}
        </button>
        <button type="button" onClick={addColumn} disabled={!documents?.length} data-testid="add-column">
          {t('documents.addColumn')}
        </button>
      </div>
      {documents === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : documents.length === 0 ? (
        <p className="muted" data-testid="no-documents">
          {t('documents.empty')}
        </p>
      ) : (
        <AttributeTable documents={documents} extraColumns={extraColumns} selected={selected} onSelect={setSelected} />
      )}
      <AttributeImportDialog preview={preview} onApply={() => void applyAttributes()} onClose={() => setPreview(null)} />
    </section>
  );
}
