/**
 * The coding workspace: the documents on the left, the open document in the middle, the codebook
 * on the right. Select a passage and press a value's number (or click it) to code it; without a
 * selection the number sets the document-level judgement of the current variable. Every action is
 * undoable and shown as saved only after its IndexedDB transaction committed.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localize, newId, type Judgement, type Segment, type Variable } from '../../../src/core';
import { describeRange } from '../../../src/core/anchoring';
import { computeDerived } from '../../../src/core/codebook';
import { findIndicatorTerms, suggestJudgement, type TermHit } from '../../../src/core/coding/suggest';
import { History, type Action } from '../../coding/history';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { navigate, useRouteParam } from '../../state/route';
import { useSession } from '../../state/session';
import { useStore } from '../../state/store-context';
import { DocumentPane } from '../../viewer/DocumentPane';
import type { SelectionResult } from '../../viewer/selection';
import { useCodebookVersion, useDocumentCodings, useOpenDocument } from './useCodingData';
import { CorpusSearch } from './CorpusSearch';

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

interface Popover {
  x: number;
  y: number;
  segmentIds: string[];
}

export function CodingView() {
  const { t, lang } = useI18n();
  const store = useStore();
  const { project, activeCoder } = useSession();
  const { reportError } = useNotices();
  const version = useCodebookVersion(store, project);
  const documents = useLiveQuery(async () => (project ? store.documents.list(project.id) : []), [store, project]);
  const routeDoc = useRouteParam('doc');
  const documentId = routeDoc ?? documents?.[0]?.id ?? null;
  const open = useOpenDocument(store, documentId);
  const blind = project?.settings.blindCoding ?? true;
  const { segments, judgements } = useDocumentCodings(store, documentId, activeCoder, blind);

  const documentMemo = useLiveQuery(async () => (documentId && activeCoder ? ((await store.codings.documentMemo(documentId, activeCoder.id)) ?? null) : null), [store, documentId, activeCoder?.id]);
  const history = useMemo(() => new History(), []);
  const historyState = useSyncExternalStore(
    useCallback((l: () => void) => history.subscribe(l), [history]),
    () => `${history.canUndo}/${history.canRedo}`,
  );
  useEffect(() => history.clear(), [history, documentId, activeCoder?.id]);

  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [variableIndex, setVariableIndex] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [popover, setPopover] = useState<Popover | null>(null);
  const [focusedSegment, setFocusedSegment] = useState<string | undefined>(undefined);
  const lastCreated = useRef<string | undefined>(undefined);

  const content = version?.content;
  const codable = useMemo(() => content?.variables.filter((v) => !v.derived) ?? [], [content]);
  const currentVariable: Variable | undefined = codable[Math.min(variableIndex, codable.length - 1)];
  const valueById = useMemo(() => {
    const map = new Map<string, { variable: Variable; label: string; colour: string }>();
    for (const v of content?.variables ?? []) for (const val of v.values) map.set(val.id, { variable: v, label: localize(val.label, lang), colour: val.colour });
    return map;
  }, [content, lang]);
  const judgementByVariable = useMemo(() => new Map(judgements.map((j) => [j.variableId, j])), [judgements]);
  // Values of a multi-valued variable written but not yet back from the live query: quick key
  // presses toggle on top of them, not on the stale judgement. Dropped once the query caught up.
  const pendingValues = useRef(new Map<string, string[]>());
  useEffect(() => pendingValues.current.clear(), [documentId, activeCoder?.id]);
  useEffect(() => {
    for (const [variableId, ids] of pendingValues.current) {
      if ((judgementByVariable.get(variableId)?.valueIds ?? []).join('+') === ids.join('+')) pendingValues.current.delete(variableId);
    }
  }, [judgementByVariable]);
  const derived = useMemo(() => (content ? computeDerived(content, new Map(judgements.map((j) => [j.variableId, j.valueIds]))) : new Map<string, string | undefined>()), [content, judgements]);
  const judgedCount = codable.filter((v) => (judgementByVariable.get(v.id)?.valueIds.length ?? 0) > 0).length;

  // Per variable, the active coder's passages and the judgement they suggest (computed once per change).
  const suggestions = useMemo(() => {
    const own = segments.filter((s) => s.coderId === activeCoder?.id && !s.orphaned);
    const byVariable = new Map<string, typeof own>();
    for (const s of own) {
      const list = byVariable.get(s.variableId);
      if (list) list.push(s);
      else byVariable.set(s.variableId, [s]);
    }
    return new Map(codable.map((v) => [v.id, suggestJudgement(v, byVariable.get(v.id) ?? [])]));
  }, [segments, activeCoder, codable]);

  const painted = useMemo(
    () => segments.filter((s) => !s.orphaned).map((s) => ({ id: s.id, start: s.selector.position.start, end: s.selector.position.end, colour: valueById.get(s.valueId)?.colour ?? '#888888' })),
    [segments, valueById],
  );

  const perform = useCallback(
    async (action: Action) => {
      setSaveState('saving');
      try {
        await history.run(action);
        // The transaction has committed: mark it for the benchmark (test/bench/coding.ts).
        performance.mark('overens:coding-committed');
        setSaveState('saved');
      } catch (error) {
        setSaveState('error');
        reportError(error);
      }
    },
    [history, reportError],
  );

  const undoRedo = useCallback(
    async (which: 'undo' | 'redo') => {
      pendingValues.current.clear();
      setSaveState('saving');
      try {
        await history[which]();
        setSaveState('saved');
      } catch (error) {
        setSaveState('error');
        reportError(error);
      }
    },
    [history, reportError],
  );

  const setJudgement = useCallback(
    (variable: Variable, valueIds: string[], origin: Judgement['origin'], evidence: string[]) => {
      if (!project || !activeCoder || !version || !documentId) return;
      const previous = judgementByVariable.get(variable.id);
      const now = Date.now();
      const next: Judgement = {
        id: previous?.id ?? newId(),
        projectId: project.id,
        documentId,
        coderId: activeCoder.id,
        codebookVersionId: version.id,
        variableId: variable.id,
        valueIds,
        status: 'final',
        origin,
        evidenceSegmentIds: evidence,
        memo: previous?.memo ?? '',
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      };
      void perform({
        label: `judge ${variable.key}`,
        redo: async () => void (await store.codings.putJudgement(next)),
        undo: async () => (previous ? void (await store.codings.putJudgement(previous)) : store.codings.deleteJudgement(next.id)),
      });
    },
    [project, activeCoder, version, documentId, judgementByVariable, perform, store],
  );

  const codeRange = useCallback(
    (variable: Variable, valueId: string, range: { start: number; end: number }) => {
      if (!project || !activeCoder || !version || !open) return;
      const now = Date.now();
      const segment: Segment = {
        id: newId(),
        projectId: project.id,
        documentId: open.meta.id,
        coderId: activeCoder.id,
        codebookVersionId: version.id,
        variableId: variable.id,
        valueId,
        selector: describeRange(open.content.text, range.start, range.end, open.content.pageStarts),
        memo: '',
        orphaned: false,
        createdAt: now,
        updatedAt: now,
      };
      lastCreated.current = segment.id;
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      void perform({
        label: 'code passage',
        redo: async () => void (await store.codings.addSegment(segment)),
        undo: () => store.codings.deleteSegment(segment.id),
      });
    },
    [project, activeCoder, version, open, perform, store],
  );

  const assign = useCallback(
    (variable: Variable, valueId: string) => {
      if (selection) return codeRange(variable, valueId, selection);
      // A multi-valued variable: the key or click toggles the value in the judgement (codebook order).
      const chosen = new Set(variable.kind === 'multi' ? (pendingValues.current.get(variable.id) ?? judgementByVariable.get(variable.id)?.valueIds ?? []) : []);
      if (chosen.has(valueId)) chosen.delete(valueId);
      else chosen.add(valueId);
      const valueIds = variable.values.map((v) => v.id).filter((id) => chosen.has(id));
      if (variable.kind === 'multi') pendingValues.current.set(variable.id, valueIds);
      setJudgement(variable, valueIds, 'explicit', segments.filter((s) => s.coderId === activeCoder?.id && valueIds.includes(s.valueId)).map((s) => s.id));
    },
    [selection, codeRange, setJudgement, segments, activeCoder, judgementByVariable],
  );

  const [dismissed, setDismissed] = useState<Set<string>>(() => new Set());
  const [searchOpen, setSearchOpen] = useState(false);
  const [scrollTarget, setScrollTarget] = useState<{ offset: number; key: number } | undefined>(undefined);
  const showOffset = useCallback((offset: number) => setScrollTarget((old) => ({ offset, key: (old?.key ?? 0) + 1 })), []);
  // Opened at a passage (e.g. from the disagreement review): #/coding?doc=…&at=<offset>.
  const routeAt = useRouteParam('at');
  useEffect(() => {
    if (routeAt !== null && Number.isFinite(Number(routeAt))) showOffset(Number(routeAt));
  }, [routeAt, documentId, showOffset]);
  const termHits = useMemo((): TermHit[] => {
    if (!open || !currentVariable || !activeCoder) return [];
    const own = segments.filter((s) => s.coderId === activeCoder.id && s.variableId === currentVariable.id);
    return findIndicatorTerms(open.content.text, currentVariable).filter(
      (h) => !dismissed.has(`${h.valueId}:${h.start}`) && !own.some((s) => s.selector.position.start < h.end && h.start < s.selector.position.end),
    );
  }, [open, currentVariable, activeCoder, segments, dismissed]);

  const deleteSegment = useCallback(
    (id: string) => {
      const segment = segments.find((s) => s.id === id);
      if (!segment || segment.coderId !== activeCoder?.id) return;
      const affected = judgements.filter((j) => j.evidenceSegmentIds.includes(id));
      setPopover(null);
      setFocusedSegment(undefined);
      void perform({
        label: 'delete passage',
        redo: () => store.codings.deleteSegment(id),
        undo: async () => {
          await store.codings.addSegment(segment);
          for (const j of affected) await store.codings.putJudgement(j);
        },
      });
    },
    [segments, judgements, activeCoder, perform, store],
  );

  const setSegmentMemo = useCallback(
    (segment: Segment, memo: string) => {
      if (memo === segment.memo) return;
      void perform({
        label: 'memo',
        redo: () => store.codings.updateSegmentMemo(segment.id, memo),
        undo: () => store.codings.updateSegmentMemo(segment.id, segment.memo),
      });
    },
    [perform, store],
  );

  const setJudgementMemo = useCallback(
    (judgement: Judgement, memo: string) => {
      if (memo === judgement.memo) return;
      void perform({
        label: 'memo',
        redo: () => store.codings.updateJudgementMemo(judgement.id, memo),
        undo: () => store.codings.updateJudgementMemo(judgement.id, judgement.memo),
      });
    },
    [perform, store],
  );

  const acceptSuggestion = useCallback(
    (variable: Variable) => {
      const suggestion = suggestJudgement(variable, segments.filter((s) => s.coderId === activeCoder?.id));
      if (suggestion) setJudgement(variable, [suggestion.valueId], 'suggestion', suggestion.evidenceSegmentIds);
    },
    [segments, activeCoder, setJudgement],
  );

  const moveDocument = useCallback(
    (delta: number) => {
      if (!documents?.length) return;
      const at = documents.findIndex((d) => d.id === documentId);
      const next = documents[(at + delta + documents.length) % documents.length];
      if (next) navigate('coding', { doc: next.id });
    },
    [documents, documentId],
  );

  const onSelection = useCallback(
    (result: SelectionResult) => {
      if (result.kind === 'range') {
        setSelection({ start: result.start, end: result.end });
        setPopover(null);
      } else if (result.kind === 'none') setSelection(null);
      else setSelection(null);
    },
    [],
  );

  const onTextClick = useCallback(
    (offset: number, point: { x: number; y: number }) => {
      const hit = segments.filter((s) => s.selector.position.start <= offset && offset < s.selector.position.end);
      setPopover(hit.length ? { ...point, segmentIds: hit.map((s) => s.id) } : null);
      setFocusedSegment(hit[0]?.id);
    },
    [segments],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void undoRedo(e.shiftKey ? 'redo' : 'undo');
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        void undoRedo('redo');
      } else if (e.altKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        e.preventDefault();
        moveDocument(e.key === 'ArrowRight' ? 1 : -1);
      } else if (!mod && !e.altKey && /^[1-9]$/.test(e.key) && currentVariable) {
        const value = currentVariable.values[Number(e.key) - 1];
        if (value) {
          e.preventDefault();
          assign(currentVariable, value.id);
        }
      } else if (!mod && !e.altKey && (e.key === 'ArrowDown' || e.key === 'j')) {
        e.preventDefault();
        setVariableIndex((i) => Math.min(codable.length - 1, i + 1));
      } else if (!mod && !e.altKey && (e.key === 'ArrowUp' || e.key === 'k')) {
        e.preventDefault();
        setVariableIndex((i) => Math.max(0, i - 1));
      } else if (!mod && e.key === 'n') {
        const start = Math.min(variableIndex, codable.length - 1);
        for (let step = 1; step <= codable.length; step++) {
          const i = (start + step) % codable.length;
          if (!(judgementByVariable.get(codable[i]!.id)?.valueIds.length)) {
            setVariableIndex(i);
            break;
          }
        }
      } else if (!mod && e.key === 'a' && currentVariable) {
        acceptSuggestion(currentVariable);
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        const id = focusedSegment ?? lastCreated.current;
        if (id) {
          e.preventDefault();
          deleteSegment(id);
        }
      } else if (e.key === 'Escape') {
        setPopover(null);
        setSelection(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [assign, acceptSuggestion, codable, currentVariable, deleteSegment, focusedSegment, judgementByVariable, moveDocument, undoRedo, variableIndex]);

  if (!project || version === undefined || documents === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (!version) return <p className="notice">{t('codebook.none')}</p>;
  if (documents.length === 0) return <p className="notice">{t('coding.noDocuments')}</p>;
  if (!activeCoder) return <p className="notice">{t('coding.noCoder')}</p>;

  const [canUndo, canRedo] = historyState.split('/').map((x) => x === 'true');
  return (
    <section className="coding-view" aria-label={t('coding.title')}>
      <aside className="coding-documents">
        <h2>{t('documents.title')}</h2>
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              <button type="button" className={d.id === documentId ? 'active' : undefined} onClick={() => navigate('coding', { doc: d.id })} data-testid="coding-document">
                {d.fileName}
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="coding-main">
        <div className="coding-status">
          <span data-testid="judged-progress">{t('coding.progress', { judged: judgedCount, total: codable.length })}</span>
          <progress max={codable.length} value={judgedCount} />
          <button type="button" disabled={!canUndo} onClick={() => void undoRedo('undo')} data-testid="undo" title="Ctrl+Z">
            {t('coding.undo')}
          </button>
          <button type="button" disabled={!canRedo} onClick={() => void undoRedo('redo')} data-testid="redo" title="Ctrl+Shift+Z">
            {t('coding.redo')}
          </button>
          <span className={`save-state ${saveState}`} data-testid="save-state">
            {saveState === 'saving' ? t('coding.saving') : saveState === 'saved' ? t('coding.saved') : saveState === 'error' ? t('coding.saveError') : ''}
          </span>
          <button type="button" onClick={() => setSearchOpen(true)} data-testid="open-corpus-search">
            {t('search.open')}
          </button>
          <label className="small" title={t('coding.blindHelp')}>
            <input
              type="checkbox"
              checked={blind}
              data-testid="blind-toggle"
              onChange={(e) => void store.projects.updateSettings(project.id, { blindCoding: e.target.checked }).catch(reportError)}
            />{' '}
            {t('coding.blind')}
          </label>
          {selection && (
            <span className="badge" data-testid="selection-info">
              {t('coding.selection', { length: selection.end - selection.start })}
            </span>
          )}
        </div>
        {open && documentMemo !== undefined && (
          <details className="document-memo" open={Boolean(documentMemo?.text)}>
            <summary data-testid="document-memo-toggle">{t('coding.documentMemo')}</summary>
            <textarea
              key={`${open.meta.id}:${documentMemo?.text ?? ''}`}
              className="memo"
              defaultValue={documentMemo?.text ?? ''}
              aria-label={t('coding.documentMemo')}
              data-testid="document-memo"
              onBlur={(e) => {
                if (e.target.value === (documentMemo?.text ?? '')) return;
                setSaveState('saving');
                store.codings.setDocumentMemo(project.id, open.meta.id, activeCoder.id, e.target.value).then(
                  () => setSaveState('saved'),
                  (error: unknown) => {
                    setSaveState('error');
                    reportError(error);
                  },
                );
              }}
            />
          </details>
        )}
        {open === undefined ? (
          <p className="muted">{t('common.loading')}</p>
        ) : open === null ? (
          <p className="notice">{t('coding.documentGone')}</p>
        ) : (
          <DocumentPane
            key={open.meta.id}
            meta={open.meta}
            content={open.content}
            bytes={open.bytes}
            segments={painted}
            focusedSegmentId={focusedSegment}
            onSelection={onSelection}
            onTextClick={onTextClick}
            onError={reportError}
            scrollTarget={scrollTarget}
          />
        )}
        {segments.some((s) => s.orphaned && s.coderId === activeCoder.id) && (
          <details className="orphans" data-testid="orphans">
            <summary>{t('coding.orphans', { count: segments.filter((s) => s.orphaned && s.coderId === activeCoder.id).length })}</summary>
            <p className="muted small">{t('coding.orphansHelp')}</p>
            <ul>
              {segments
                .filter((s) => s.orphaned && s.coderId === activeCoder.id)
                .map((s) => (
                  <li key={s.id}>
                    <span className="swatch" style={{ background: valueById.get(s.valueId)?.colour }} /> “{s.selector.quote.exact}” — {valueById.get(s.valueId)?.label}{' '}
                    <button type="button" className="danger" onClick={() => deleteSegment(s.id)}>
                      {t('coding.deletePassage')}
                    </button>
                  </li>
                ))}
            </ul>
          </details>
        )}
        {popover && (
          <div className="segment-popover" style={{ left: popover.x + 8, top: popover.y + 8 }} data-testid="segment-popover" role="dialog">
            {popover.segmentIds.map((id) => {
              const s = segments.find((x) => x.id === id);
              if (!s) return null;
              const value = valueById.get(s.valueId);
              return (
                <div key={id} className="popover-row">
                  <span className="swatch" style={{ background: value?.colour }} />
                  <span data-testid="popover-code">
                    {value ? `${localize(value.variable.label, lang)}: ${value.label}` : s.valueId}
                  </span>
                  {s.coderId === activeCoder.id && (
                    <button type="button" className="danger" onClick={() => deleteSegment(id)} data-testid="popover-delete">
                      {t('coding.deletePassage')}
                    </button>
                  )}
                  {s.coderId === activeCoder.id && (
                    <textarea
                      key={`${s.id}:${s.memo}`}
                      className="memo"
                      placeholder={t('coding.memo')}
                      aria-label={t('coding.memo')}
                      defaultValue={s.memo}
                      data-testid="segment-memo"
                      onBlur={(e) => setSegmentMemo(s, e.target.value)}
                    />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
      <CorpusSearch
        open={searchOpen}
        onClose={() => setSearchOpen(false)}
        project={project}
        coder={activeCoder}
        version={version}
        variable={currentVariable}
        documents={documents}
        perform={perform}
      />
      <aside className="coding-codebook" data-testid="coding-codebook">
        {currentVariable && termHits.length > 0 && open && (
          <details className="term-hits" open data-testid="term-hits">
            <summary>{t('coding.termHits', { count: termHits.length, variable: localize(currentVariable.label, lang) })}</summary>
            <ul>
              {termHits.slice(0, 50).map((h) => (
                <li key={`${h.valueId}:${h.start}`} data-testid="term-hit">
                  <span className="small">
                    …{open.content.text.slice(Math.max(0, h.start - 30), h.start)}
                    <mark>{open.content.text.slice(h.start, h.end)}</mark>
                    {open.content.text.slice(h.end, h.end + 30)}…
                  </span>
                  <span className="term-actions">
                    <button type="button" onClick={() => showOffset(h.start)} title={t('coding.show')}>
                      {t('coding.show')}
                    </button>
                    <button
                      type="button"
                      data-testid="accept-term"
                      onClick={() => {
                        showOffset(h.start);
                        codeRange(currentVariable, h.valueId, h);
                      }}
                    >
                      {valueById.get(h.valueId)?.label}
                    </button>
                    <button type="button" data-testid="dismiss-term" onClick={() => setDismissed((d) => new Set(d).add(`${h.valueId}:${h.start}`))}>
                      {t('coding.dismiss')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )}
        {(content?.variables ?? []).map((v) => {
          if (v.derived) {
            const value = derived.get(v.id);
            return (
              <div key={v.id} className="coding-variable derived" data-testid="derived-variable">
                <div className="coding-variable-label">{localize(v.label, lang)}</div>
                <div className="muted small">
                  {t('coding.derived')}: <strong data-testid="derived-value">{value ? valueById.get(value)?.label : t('coding.missing')}</strong>
                </div>
              </div>
            );
          }
          const index = codable.indexOf(v);
          const judgement = judgementByVariable.get(v.id);
          const suggestion = suggestions.get(v.id) ?? null;
          const current = index === Math.min(variableIndex, codable.length - 1);
          return (
            <div
              key={v.id}
              className={`coding-variable${current ? ' current' : ''}`}
              data-testid="coding-variable"
              data-variable={v.key}
              onClick={() => setVariableIndex(index)}
              ref={(el) => {
                if (current && el) el.scrollIntoView({ block: 'nearest' });
              }}
            >
              <div className="coding-variable-label">{localize(v.label, lang)}</div>
              <div className="coding-values">
                {v.values.map((val, i) => {
                  const chosen = judgement?.valueIds.includes(val.id);
                  return (
                    <button
                      key={val.id}
                      type="button"
                      className={`value-button${chosen ? ' chosen' : ''}`}
                      style={{ borderColor: val.colour }}
                      title={localize(val.definition, lang)}
                      data-testid="value-button"
                      onClick={(e) => {
                        e.stopPropagation();
                        setVariableIndex(index);
                        assign(v, val.id);
                      }}
                    >
                      {current && i < 9 && <kbd>{i + 1}</kbd>}
                      <span className="swatch" style={{ background: val.colour }} />
                      {localize(val.label, lang)}
                    </button>
                  );
                })}
              </div>
              {current && judgement && (
                <textarea
                  key={`${judgement.id}:${judgement.memo}`}
                  className="memo"
                  placeholder={t('coding.judgementMemo')}
                  aria-label={t('coding.judgementMemo')}
                  defaultValue={judgement.memo}
                  data-testid="judgement-memo"
                  onClick={(e) => e.stopPropagation()}
                  onBlur={(e) => setJudgementMemo(judgement, e.target.value)}
                />
              )}
              {!judgement?.valueIds.length && suggestion && (
                <div className="suggestion small">
                  {t(suggestion.reason === 'passages' ? 'coding.suggestPassages' : 'coding.suggestAbsent', { value: valueById.get(suggestion.valueId)?.label ?? '' })}{' '}
                  <button
                    type="button"
                    data-testid="accept-suggestion"
                    onClick={(e) => {
                      e.stopPropagation();
                      acceptSuggestion(v);
                    }}
                  >
                    {t('coding.accept')}
                  </button>
                </div>
              )}
            </div>
          );
        })}
      </aside>
    </section>
  );
}
