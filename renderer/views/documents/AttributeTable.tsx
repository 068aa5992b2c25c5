/**
 * The documents table: one row per document, one editable column per attribute (level, county,
 * municipality, valid from/to, and any free columns). A cell is saved when it loses focus or on
 * Enter; Escape restores the stored value.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { WELL_KNOWN_ATTRIBUTES, type DocumentMeta } from '../../../src/core';
import { warningText } from '../../documents/warnings';
import { isMessageKey, useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { useStore } from '../../state/store-context';

const DEFAULT_COLUMNS = ['level', 'county', 'municipality', 'valid_from', 'valid_to'];

export function attributeColumns(documents: readonly DocumentMeta[], extra: readonly string[] = []): string[] {
  const found = new Set<string>(DEFAULT_COLUMNS);
  for (const d of documents) for (const key of Object.keys(d.attributes)) found.add(key);
  for (const key of extra) found.add(key);
  const known = (WELL_KNOWN_ATTRIBUTES as readonly string[]).filter((k) => found.has(k));
  const free = [...found].filter((k) => !(WELL_KNOWN_ATTRIBUTES as readonly string[]).includes(k)).sort((a, b) => a.localeCompare(b, 'sv'));
  return [...known, ...free];
}

export function AttributeTable({ documents, extraColumns, selected, onSelect, onOpen }: {
  documents: DocumentMeta[];
  extraColumns: string[];
  selected: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const columns = useMemo(() => attributeColumns(documents, extraColumns), [documents, extraColumns]);
  const heading = (key: string) => {
    const msg = `attr.${key}`;
    return isMessageKey(msg) ? t(msg) : key;
  };
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="documents-table">
        <thead>
          <tr>
            <th>{t('documents.file')}</th>
            <th>{t('documents.kind')}</th>
            <th className="num">{t('documents.pages')}</th>
            <th className="num">{t('documents.characters')}</th>
            {columns.map((c) => (
              <th key={c}>{heading(c)}</th>
            ))}
            <th>{t('documents.warnings')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id} className={d.id === selected ? 'selected' : undefined} data-testid="document-row" onClick={() => onSelect(d.id)}>
              <td className="file-cell" data-testid="document-file">
                <button type="button" className="link" onClick={() => onOpen(d.id)} title={t('documents.open')}>
                  {d.fileName}
                </button>
                {d.version > 1 && <span className="badge small">v{d.version}</span>}
                {d.twin && <TwinBadge document={d} of={documents.find((x) => x.id === d.twin?.of)?.fileName ?? d.twin.of} />}
              </td>
              <td>{d.kind.toUpperCase()}</td>
              <td className="num">{d.pageCount}</td>
              <td className="num">{d.textLength.toLocaleString('sv-SE')}</td>
              {columns.map((c) => (
                <td key={c}>
                  <AttributeCell document={d} attribute={c} />
                </td>
              ))}
              <td className="warnings-cell">
                {d.ocr?.status === 'pending' ? <span className="badge">{t('ocr.tablePending')}</span> : !d.hasText && <span className="badge warn">{t('documents.noText')}</span>}
                {d.warnings.map((w, i) => (
                  <span key={i} className="warning-text" title={warningText(w, t)}>
                    {warningText(w, t)}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A linked twin: the agreement it belongs to, and a way back to a separate document. */
function TwinBadge({ document, of }: { document: DocumentMeta; of: string }) {
  const { t } = useI18n();
  const store = useStore();
  const { reportError } = useNotices();
  return (
    <span className="badge small" data-testid="twin-badge">
      {t('documents.twinOf', { name: of })}{' '}
      <button type="button" className="link small" onClick={() => void store.documents.unlinkTwin(document.id).catch(reportError)} data-testid="twin-unlink">
        {t('documents.unlink')}
      </button>
    </span>
  );
}

function AttributeCell({ document, attribute }: { document: DocumentMeta; attribute: string }) {
  const store = useStore();
  const { reportError } = useNotices();
  const stored = document.attributes[attribute] ?? '';
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);

  const save = async () => {
    if (cancelled.current || draft === null || draft === stored) {
      cancelled.current = false;
      setDraft(null);
      return;
    }
    const next = { ...document.attributes };
    if (draft.trim() === '') delete next[attribute];
    else next[attribute] = draft.trim();
    try {
      await store.documents.setAttributes(document.id, next);
    } catch (error) {
      reportError(error);
    } finally {
      setDraft(null);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
    if (e.key === 'Escape') {
      cancelled.current = true;
      setDraft(null);
      e.currentTarget.blur();
    }
  };

  return (
    <input
      className="cell-input"
      aria-label={`${attribute}: ${document.fileName}`}
      data-testid={`attr-${attribute}`}
      value={draft ?? stored}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={onKeyDown}
    />
  );
}
