/**
 * The coding workspace: the documents on the left, the open document in the middle, the codebook
 * on the right. Select a passage and press a value's number (or click it) to code it; without a
 * selection the number sets the document-level judgement of the current variable. Every action is
 * undoable and shown as saved only after its IndexedDB transaction committed.
 *
 * This component only composes: live data (useCodingData), what follows from it (useCodingModel),
 * the actions and save state (useCodingActions), the keyboard (useCodingKeys), and the panels.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { findIndicatorTerms, type TermHit } from '../../../src/core/coding/suggest';
import type { Variable } from '../../../src/core';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { navigate, useRouteParam } from '../../state/route';
import { useSession } from '../../state/session';
import { useStore } from '../../state/store-context';
import { DocumentPane } from '../../viewer/DocumentPane';
import type { SelectionResult } from '../../viewer/selection';
import { CodebookPanel } from './CodebookPanel';
import { CodingToolbar, SelectionBadge } from './CodingToolbar';
import { CorpusSearch } from './CorpusSearch';
import { DocumentList } from './DocumentList';
import { DocumentMemo } from './DocumentMemo';
import { OrphanList, SegmentPopover, type Popover } from './PassageLists';
import { TermHits } from './TermHits';
import { useCodebookVersion, useDocumentCodings, useOpenDocument } from './useCodingData';
import { useCodingActions } from './useCodingActions';
import { useCodingKeys } from './useCodingKeys';
import { useCodingModel } from './useCodingModel';
import { useOutdatedText } from './useOutdated';
import { loadPlace, savePlace } from './coding-place';
import { useStudy } from '../../study/useStudy';
import { ProposalBadge, ProposalPanel } from '../../assist/ProposalPanel';
import { useProposals } from '../../assist/useProposals';
import { withEvidence } from '../../assist/evidence';

export function CodingView() {
  const { t, lang } = useI18n();
  const store = useStore();
  const { project, activeCoder, coders } = useSession();
  const { reportError } = useNotices();
  const version = useCodebookVersion(store, project);
  const documents = useLiveQuery(async () => (project ? store.documents.list(project.id) : []), [store, project]);
  const routeDoc = useRouteParam('doc');
  // Without ?doc=…, the document the coder was last on in this project (else the first).
  const remembered = useMemo(() => (project && activeCoder ? loadPlace(project.id, activeCoder.id) : {}), [project, activeCoder]);
  const documentId = routeDoc ?? (documents?.some((d) => d.id === remembered.documentId) ? remembered.documentId! : (documents?.[0]?.id ?? null));
  const open = useOpenDocument(store, documentId);
  const judgedSets = useLiveQuery(async () => (project && activeCoder ? store.codings.judgedByDocument(project.id, activeCoder.id, version?.id) : new Map<string, Set<string>>()), [store, project?.id, activeCoder?.id, version?.id]);
  const study = useStudy();
  // Blind unless the policy (lead's settings, open reliability assignments) says otherwise.
  const blind = study?.blind.blind ?? true;
  // Judgements belong to the agreement: a linked twin's are its agreement's file's.
  const unitId = open && open.meta.id === documentId ? (open.meta.twin?.of ?? documentId) : documentId;
  const { segments, judgements } = useDocumentCodings(store, documentId, activeCoder, blind, unitId);
  const documentMemo = useLiveQuery(async () => (documentId && activeCoder ? ((await store.codings.documentMemo(documentId, activeCoder.id)) ?? null) : null), [store, documentId, activeCoder?.id]);

  const coderNames = useMemo(() => new Map(coders.map((c) => [c.id, c.name])), [coders]);
  const model = useCodingModel(version, segments, judgements, activeCoder, lang, coderNames);
  const outdatedText = useOutdatedText(store, project, lang);
  const { codable, valueById, judgementByVariable } = model;
  const actions = useCodingActions({ store, project, coder: activeCoder, version, documentId: unitId, open, segments, judgements, judgementByVariable, reportError });

  // The assist model's proposals (renderer/assist): off until the lead turns them on.
  const proposals = useProposals({ study, store, documentId, unitId, judgementByVariable, perform: actions.perform });

  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [variableIndex, setVariableIndex] = useState(0);
  const [frameOpen, setFrameOpen] = useState(() => localStorage.getItem('overens.codingFrame') === 'open');
  const toggleFrame = useCallback(() => {
    setFrameOpen((open) => {
      localStorage.setItem('overens.codingFrame', open ? 'closed' : 'open');
      return !open;
    });
  }, []);
  const [popover, setPopover] = useState<Popover | null>(null);
  const [focusedSegment, setFocusedSegment] = useState<string | undefined>(undefined);
  const [dismissed, setDismissed] = useState<Set<string>>(() => new Set());
  const [searchOpen, setSearchOpen] = useState(false);
  const [scrollTarget, setScrollTarget] = useState<{ offset: number; key: number; documentId: string } | undefined>(undefined);
  const currentIndex = Math.min(variableIndex, codable.length - 1);
  const currentVariable: Variable | undefined = codable[currentIndex];
  const currentProposal = currentVariable ? proposals.shown(currentVariable.id) : undefined;
  const painted = useMemo(() => withEvidence(model.painted, currentVariable, currentProposal), [model.painted, currentVariable, currentProposal]);

  // Back at the variable the coder was on (once the codebook is known), and remember the place.
  // A link naming a variable (#/coding?doc=…&variable=…, e.g. from the final dataset's status
  // panel) opens at it; otherwise the remembered one.
  const routeVariable = useRouteParam('variable');
  const restoredVariable = useRef(false);
  // Applied once per link (document and variable), so later keys and clicks move freely.
  const appliedLink = useRef<string | null>(null);
  useEffect(() => {
    if (codable.length === 0) return;
    if (routeVariable !== null && appliedLink.current !== `${documentId}|${routeVariable}`) {
      const wanted = codable.findIndex((v) => v.id === routeVariable);
      if (wanted >= 0) {
        appliedLink.current = `${documentId}|${routeVariable}`;
        restoredVariable.current = true;
        setVariableIndex(wanted);
        return;
      }
    }
    if (restoredVariable.current) return;
    restoredVariable.current = true;
    const at = codable.findIndex((v) => v.id === remembered.variableId);
    if (at >= 0) setVariableIndex(at);
  }, [codable, remembered, routeVariable, documentId]);
  useEffect(() => {
    if (!project || !activeCoder || !documentId || !restoredVariable.current) return;
    savePlace(project.id, activeCoder.id, { documentId, variableId: currentVariable?.id });
  }, [project, activeCoder, documentId, currentVariable?.id]);
  const judgedByDocument = useMemo(() => {
    const codableIds = new Set(codable.map((v) => v.id));
    const counts = new Map([...(judgedSets ?? new Map<string, Set<string>>())].map(([id, set]) => [id, [...set].filter((v) => codableIds.has(v)).length]));
    // A linked twin shows its agreement's progress (the judgements belong to the agreement).
    for (const d of documents ?? []) if (d.twin?.of) counts.set(d.id, counts.get(d.twin.of) ?? 0);
    return counts;
  }, [judgedSets, codable, documents]);

  const showOffset = useCallback((offset: number) => documentId && setScrollTarget((old) => ({ offset, key: (old?.key ?? 0) + 1, documentId })), [documentId]);
  // The reading position: where the coder was in each document (a text offset at the top of the view).
  const openId = open?.meta.id;
  const initialOffset = useMemo(() => (project && activeCoder && openId ? loadPlace(project.id, activeCoder.id).offsets?.[openId] : undefined), [project, activeCoder, openId]);
  const onPosition = useCallback((id: string, offset: number) => project && activeCoder && savePlace(project.id, activeCoder.id, { offset: { documentId: id, offset } }), [project, activeCoder]);
  // A passage to show belongs to its document: another document opens at its remembered position.
  useEffect(() => setScrollTarget((old) => (old && old.documentId !== documentId ? undefined : old)), [documentId]);
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

  const { codeRange, judge, deleteSegment } = actions;
  const codeSelection = useCallback(
    (variable: Variable, valueId: string, range: { start: number; end: number }) => {
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      codeRange(variable, valueId, range);
    },
    [codeRange],
  );
  const assign = useCallback((variable: Variable, valueId: string) => (selection ? codeSelection(variable, valueId, selection) : judge(variable, valueId)), [selection, codeSelection, judge]);
  const removeSegment = useCallback(
    (id: string) => {
      setPopover(null);
      setFocusedSegment(undefined);
      return deleteSegment(id);
    },
    [deleteSegment],
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

  const onSelection = useCallback((result: SelectionResult) => {
    if (result.kind === 'range') {
      setSelection({ start: result.start, end: result.end });
      setPopover(null);
    } else setSelection(null);
  }, []);

  const onTextClick = useCallback(
    (offset: number, point: { x: number; y: number }) => {
      const hit = segments.filter((s) => s.selector.position.start <= offset && offset < s.selector.position.end);
      setPopover(hit.length ? { ...point, segmentIds: hit.map((s) => s.id) } : null);
      setFocusedSegment(hit[0]?.id);
    },
    [segments],
  );

  useCodingKeys({
    codable,
    variableIndex,
    setVariableIndex,
    judgementByVariable: model.currentByVariable,
    assign,
    acceptSuggestion: actions.acceptSuggestion,
    acceptProposal: proposals.accept,
    deleteFocusedOrLast: () => {
      const id = focusedSegment ?? actions.lastCreated.current;
      return id ? removeSegment(id) : false;
    },
    undoRedo: (which) => void actions.undoRedo(which),
    moveDocument,
    toggleFrame,
    escape: () => {
      setPopover(null);
      setSelection(null);
    },
  });

  if (!project || version === undefined || documents === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (!version) return <p className="notice">{t('codebook.none')}</p>;
  if (documents.length === 0) return <p className="notice">{t('coding.noDocuments')}</p>;
  if (!activeCoder) return <p className="notice">{t('coding.noCoder')}</p>;

  const orphans = segments.filter((s) => s.orphaned && s.coderId === activeCoder.id);
  return (
    <section className="coding-view" aria-label={t('coding.title')}>
      <DocumentList projectId={project.id} documents={documents} openId={documentId} judgedByDocument={judgedByDocument} total={codable.length} />
      <div className="coding-main">
        <CodingToolbar
          study={study ?? undefined}
          judged={model.judgedCount}
          total={codable.length}
          canUndo={actions.canUndo}
          canRedo={actions.canRedo}
          undoRedo={(which) => void actions.undoRedo(which)}
          saveStatus={actions.saveStatus}
          onRetry={actions.retry}
          onOpenSearch={() => setSearchOpen(true)}
        />
        {open && documentMemo !== undefined && (
          <DocumentMemo documentId={open.meta.id} memo={documentMemo} onSave={(text) => actions.save(() => store.codings.setDocumentMemo(project.id, open.meta.id, activeCoder.id, text))} />
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
            initialOffset={initialOffset}
            onPosition={onPosition}
          />
        )}
        <SelectionBadge selection={selection} />
        <OrphanList orphans={orphans} valueById={valueById} onDelete={removeSegment} />
        {popover && <SegmentPopover popover={popover} segments={segments} coderId={activeCoder.id} valueById={valueById} onDelete={removeSegment} onMemo={actions.setSegmentMemo} />}
      </div>
      <CorpusSearch
        open={searchOpen}
        onClose={() => setSearchOpen(false)}
        project={project}
        coder={activeCoder}
        version={version}
        documents={documents}
        perform={actions.perform}
      />
      <CodebookPanel
        model={model}
        outdatedText={outdatedText}
        currentIndex={currentIndex}
        frameOpen={frameOpen}
        onToggleFrame={toggleFrame}
        currentExtras={
          currentVariable && open ? (
            <>
            <ProposalPanel variable={currentVariable} proposals={proposals} onShow={showOffset} onAccept={() => proposals.accept(currentVariable)} />
            <TermHits
              variable={currentVariable}
              hits={termHits}
              text={open.content.text}
              valueById={valueById}
              onShow={showOffset}
              onAccept={(h) => {
                showOffset(h.start);
                codeSelection(currentVariable, h.valueId, h);
              }}
              onDismiss={(h) => setDismissed((d) => new Set(d).add(`${h.valueId}:${h.start}`))}
            />
            </>
          ) : null
        }
        onSelectVariable={setVariableIndex}
        onValue={assign}
        onJudgementMemo={actions.setJudgementMemo}
        onAcceptSuggestion={actions.acceptSuggestion}
        extraFor={(v, current) => (current ? null : <ProposalBadge variable={v} proposals={proposals} />)}
      />
    </section>
  );
}
