/**
 * Search every document of the project and code all hits at once: a preview per document first,
 * then confirmation; the whole batch is one transaction and one undoable action. The variable and
 * value are chosen in the dialog — proposed from the codebook values whose indicator terms match
 * the query — never taken implicitly from the variable the coder happens to be on.
 */
import { useEffect, useState } from 'react';
import { localize, newId, type CodebookVersion, type Coder, type DocumentMeta, type Project, type Segment, type Variable } from '../../../src/core';
import { describeRange } from '../../../src/core/anchoring';
import type { Action } from '../../coding/history';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n';
import { useStore } from '../../state/store-context';
import { findAll } from '../../viewer/selection';
import { codeHitsAction } from '../../coding/actions';

interface DocumentHits {
  document: DocumentMeta;
  text: string;
  pageStarts: number[];
  hits: { start: number; end: number }[];
}

/** The first value (in codebook order) one of whose indicator terms contains the query or is contained in it. */
export function proposeValue(variables: readonly Variable[], query: string): { variable: Variable; valueId: string } | undefined {
  const q = query.trim().toLocaleLowerCase('sv');
  if (q.length < 2) return undefined;
  for (const variable of variables) {
    for (const value of variable.values) {
      if (value.indicatorTerms.some((term) => {
        const x = term.toLocaleLowerCase('sv');
        return x.includes(q) || q.includes(x);
      })) return { variable, valueId: value.id };
    }
  }
  return undefined;
}

export function CorpusSearch({ open, onClose, project, coder, version, documents, perform }: {
  open: boolean;
  onClose: () => void;
  project: Project;
  coder: Coder;
  version: CodebookVersion;
  documents: DocumentMeta[];
  perform: (action: Action) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const store = useStore();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DocumentHits[]>([]);
  const codable = version.content.variables.filter((v) => !v.derived);
  // What the coder chose; until then, the proposal from the indicator terms (or nothing).
  const [chosen, setChosen] = useState<{ variableId: string; valueId: string } | null>(null);
  const proposal = proposeValue(codable, query);
  const variableId = chosen?.variableId ?? proposal?.variable.id ?? '';
  const variable = codable.find((v) => v.id === variableId);
  const valueId = chosen ? chosen.valueId : (proposal?.valueId ?? '');

  useEffect(() => {
    let cancelled = false;
    const needle = query.trim();
    if (!open || needle.length < 2) {
      setResults([]);
      return;
    }
    const timer = setTimeout(() => {
      void (async () => {
        const found: DocumentHits[] = [];
        for (const document of documents) {
          const content = await store.documents.content(document.id);
          if (!content) continue;
          const hits = findAll(content.text, needle);
          if (hits.length) found.push({ document, text: content.text, pageStarts: content.pageStarts, hits });
        }
        if (!cancelled) setResults(found);
      })();
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [open, query, documents, store]);

  const total = results.reduce((n, r) => n + r.hits.length, 0);
  const chosenValue = variable?.values.find((v) => v.id === valueId);

  const codeAll = () => {
    if (!variable || !chosenValue || total === 0) return;
    if (!window.confirm(t('search.confirm', { count: total, documents: results.length, value: localize(chosenValue.label, lang) }))) return;
    const now = Date.now();
    const segments: Segment[] = results.flatMap((r) =>
      r.hits.map((h) => ({
        id: newId(),
        projectId: project.id,
        documentId: r.document.id,
        coderId: coder.id,
        codebookVersionId: version.id,
        variableId: variable.id,
        valueId: chosenValue.id,
        selector: describeRange(r.text, h.start, h.end, r.pageStarts),
        memo: '',
        orphaned: false,
        createdAt: now,
        updatedAt: now,
      })),
    );
    void perform(codeHitsAction(store, segments)).then(onClose);
  };

  return (
    <Dialog
      open={open}
      title={t('search.title')}
      onClose={onClose}
      testId="corpus-search"
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('projects.cancel')}
          </button>
          <button type="button" className="primary" disabled={!variable || !chosenValue || total === 0} onClick={codeAll} data-testid="code-all">
            {t('search.codeAll', { count: total })}
          </button>
        </>
      }
    >
      <input type="search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('search.placeholder')} aria-label={t('search.placeholder')} data-testid="corpus-query" />
      <div className="toolbar">
        <label className="small">
          {t('search.variable')}{' '}
          <select value={variableId} onChange={(e) => setChosen({ variableId: e.target.value, valueId: '' })} data-testid="corpus-variable">
            <option value="">{t('search.choose')}</option>
            {codable.map((v) => (
              <option key={v.id} value={v.id}>
                {localize(v.label, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="small">
          {t('search.value')}{' '}
          <select value={valueId} disabled={!variable} onChange={(e) => setChosen({ variableId, valueId: e.target.value })} data-testid="corpus-value">
            <option value="">{t('search.choose')}</option>
            {variable?.values.map((v) => (
              <option key={v.id} value={v.id}>
                {localize(v.label, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="small muted" data-testid="corpus-proposal">
        {!chosen && proposal ? t('search.proposed', { value: `${localize(proposal.variable.label, lang)}: ${localize(proposal.variable.values.find((x) => x.id === proposal.valueId)?.label, lang)}` }) : !chosenValue ? t('search.needValue') : ''}
      </p>
      <p className="small" data-testid="corpus-count">
        {query.trim().length >= 2 ? t('search.count', { count: total, documents: results.length }) : ''}
      </p>
      <ul className="problem-list">
        {results.map((r) => (
          <li key={r.document.id}>
            <strong>{r.document.fileName}</strong> ({r.hits.length}):{' '}
            <span className="small">
              …{r.text.slice(Math.max(0, r.hits[0]!.start - 30), r.hits[0]!.start)}
              <mark>{r.text.slice(r.hits[0]!.start, r.hits[0]!.end)}</mark>
              {r.text.slice(r.hits[0]!.end, r.hits[0]!.end + 30)}…
            </span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
