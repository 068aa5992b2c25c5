/**
 * The coding workspace's list of documents (left): each with the active coder's judged/total,
 * filterable by name or attribute value and sortable by name, unfinished first, or an attribute;
 * the choice is remembered per project.
 */
import { useMemo, useState } from 'react';
import type { DocumentMeta } from '../../../src/core';
import { useI18n } from '../../i18n';
import { navigate } from '../../state/route';
import { arrangeDocuments, loadListPrefs, saveListPrefs, type DocumentListPrefs, type DocumentSort } from './coding-place';

export function DocumentList({ projectId, documents, openId, judgedByDocument, total }: {
  projectId: string;
  documents: DocumentMeta[];
  openId: string | null;
  /** Per document id, the number of variables the active coder has judged. */
  judgedByDocument: Map<string, number>;
  total: number;
}) {
  const { t } = useI18n();
  const [prefs, setPrefs] = useState<DocumentListPrefs>(() => loadListPrefs(projectId));
  const update = (change: Partial<DocumentListPrefs>) => {
    const next = { ...prefs, ...change };
    setPrefs(next);
    saveListPrefs(projectId, next);
  };
  const attributeKeys = useMemo(() => [...new Set(documents.flatMap((d) => Object.keys(d.attributes)))].sort(), [documents]);
  const listed = useMemo(
    () => arrangeDocuments(documents.map((d) => ({ ...d, judged: judgedByDocument.get(d.id) ?? 0 })), prefs, total),
    [documents, judgedByDocument, prefs, total],
  );
  const finished = documents.filter((d) => (judgedByDocument.get(d.id) ?? 0) >= total).length;
  return (
    <aside className="coding-documents">
      <h2>
        {t('documents.title')}{' '}
        <span className="muted small" data-testid="documents-finished">
          {t('coding.list.finished', { finished, total: documents.length })}
        </span>
      </h2>
      <div className="coding-documents-tools">
        <input type="search" value={prefs.filter} placeholder={t('coding.list.filter')} aria-label={t('coding.list.filter')} data-testid="document-filter" onChange={(e) => update({ filter: e.target.value })} />
        <select value={prefs.sort} aria-label={t('coding.list.sort')} data-testid="document-sort" onChange={(e) => update({ sort: e.target.value as DocumentSort })}>
          <option value="name">{t('coding.list.byName')}</option>
          <option value="unfinished">{t('coding.list.unfinished')}</option>
          {attributeKeys.map((k) => (
            <option key={k} value={`attr:${k}`}>
              {t('coding.list.byAttribute', { attribute: k })}
            </option>
          ))}
        </select>
      </div>
      <ul>
        {listed.map((d) => {
          const done = d.judged >= total;
          return (
            <li key={d.id}>
              <button
                type="button"
                className={`${d.id === openId ? 'active' : ''}${done ? ' finished' : ''}`}
                onClick={() => navigate('coding', { doc: d.id })}
                data-testid="coding-document"
                data-document-name={d.fileName}
                title={d.fileName}
              >
                <span className="document-name">{d.fileName}</span>
                <span className="document-progress" data-testid="document-progress" aria-label={t('coding.list.progress', { judged: d.judged, total })}>
                  {d.judged}/{total}
                </span>
              </button>
            </li>
          );
        })}
        {listed.length === 0 && <li className="muted small">{t('coding.list.none')}</li>}
      </ul>
    </aside>
  );
}
