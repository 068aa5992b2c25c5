/**
 * The project's codebook, read-only: groups, variables and their values with definitions,
 * coding rules, anchor examples and indicator terms. (Editing and versions: the coding issue.)
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localize, type CodebookContent, type CodebookTemplate, type CodebookVersion, type Language, type UserMessage, type Variable } from '../../src/core';
import { ChangeList } from './codebook/ChangeList';
import { DecisionList } from './codebook/DecisionList';
import { useI18n, type Translate } from '../i18n';
import { useNotices } from '../state/errors';
import { useSession } from '../state/session';
import { useStore } from '../state/store-context';
import { DraftEditor } from './codebook/DraftEditor';
import { ValueChips } from '../components/ValueChips';
import { diffVersions } from '../../src/core/codebook';
import { Dialog } from '../components/Dialog';
import { exportCodebookJson, parseCodebookJson } from '../../src/formats/codebook-json';
import { decodeQdc, exportQdc, readQdc } from '../../src/formats/refi-qda-codebook';
import { usePlatform } from '../state/platform-context';

export function CodebookView() {
  const { t, lang } = useI18n();
  const store = useStore();
  const { project } = useSession();
  // The project's codebook, or another codebook of the project (an import kept as a new codebook).
  const [viewed, setViewed] = useState<string | null>(null);
  const codebooks = useLiveQuery(async () => (project ? store.codebooks.list(project.id) : []), [store, project?.id]);
  const codebookId = (viewed && codebooks?.some((c) => c.id === viewed) ? viewed : undefined) ?? project?.settings.codebookId;
  const codebook = useLiveQuery(async () => (codebookId ? ((await store.codebooks.get(codebookId)) ?? null) : null), [store, codebookId]);
  const versions = useLiveQuery(async () => (codebookId ? store.codebooks.versions(codebookId) : []), [store, codebookId]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [compareWith, setCompareWith] = useState<string>('');
  const version: CodebookVersion | null | undefined = versions === undefined ? undefined : (versions.find((v) => v.id === chosen) ?? versions.at(-1) ?? null);
  const projectId = project?.id;
  const valueUse = useLiveQuery(async () => (projectId ? store.versions.valueUse(projectId) : new Map<string, number>()), [store, projectId]) ?? new Map<string, number>();
  const latestPublished = versions?.filter((v) => v.status === 'published').at(-1);
  // Codings under older versions that move by themselves (the rest wait in the decision list).
  const movable = useLiveQuery(async () => (latestPublished ? (await store.versions.migrationState(latestPublished.id)).movable.length : 0), [store, latestPublished?.id]);
  const { reportError, inform } = useNotices();
  const platform = usePlatform();
  const [filter, setFilter] = useState('');
  /** Problems of an import (shown in the interface's language): nothing imported, or (with `imported`, the draft's number) what was not carried over. */
  const [importProblems, setImportProblems] = useState<{ file: string; problems: UserMessage[]; imported?: number } | null>(null);

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      reportError(error);
    }
  };

  /** An import waiting for the answer to "replace the draft, or a new codebook?". */
  const [askImport, setAskImport] = useState<{ file: string; template: CodebookTemplate; problems?: UserMessage[]; draftNumber: number } | null>(null);

  /** Codebook JSON and .qdc alike: refused with its problems, or read into a draft — never over an existing draft without asking. */
  const importTemplate = async (file: string, parsed: { ok: true; template: CodebookTemplate; problems?: UserMessage[] } | { ok: false; problems: UserMessage[] }) => {
    if (!codebook) return;
    if (!parsed.ok) {
      setImportProblems({ file, problems: parsed.problems });
      return;
    }
    const latest = versions?.at(-1);
    // A draft with edits of its own is never replaced without asking; an empty one, or one still
    // equal to the version it was copied from, loses nothing.
    const base = versions?.find((v) => v.id === latest?.basedOnVersionId);
    const edited = latest?.status === 'draft' && latest.content.variables.length > 0 && (!base || JSON.stringify(base.content) !== JSON.stringify(latest.content));
    if (latest && edited) {
      setAskImport({ file, template: parsed.template, problems: parsed.problems, draftNumber: latest.number });
      return;
    }
    await importInto('draft', file, parsed.template, parsed.problems);
  };

  const importInto = async (where: 'draft' | 'new-codebook', file: string, template: CodebookTemplate, problems?: UserMessage[]) => {
    if (!codebook || !project) return;
    if (where === 'new-codebook') {
      const created = await store.codebooks.createFromTemplate(project.id, template, Date.now(), { draft: true });
      setViewed(created.id);
      setChosen(null);
      inform('codebook.importedNew', { file, name: localize(created.name, lang) });
      if (problems?.length) setImportProblems({ file, problems, imported: 1 });
      return;
    }
    const draft = await store.versions.draft(codebook.id);
    await store.versions.updateDraft(draft.id, template.content, []);
    setChosen(draft.id);
    inform('codebook.imported', { file, number: draft.number });
    if (problems?.length) setImportProblems({ file, problems, imported: draft.number });
  };

  if (codebook === undefined || version === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (!codebook || !version) {
    return (
      <section className="view">
        <h1>{t('codebook.title')}</h1>
        <p className="muted">{t('codebook.none')}</p>
      </section>
    );
  }

  return (
    <section className="view" aria-labelledby="codebook-title">
      <div className="view-heading">
        <h1 id="codebook-title">
          {t('codebook.title')}: {localize(codebook.name, lang)}
        </h1>
        <span className="badge" data-testid="codebook-version">
          {t('codebook.version', { number: version.number })} · {t(version.status === 'published' ? 'codebook.published' : 'codebook.draft')}
        </span>
        <span className="muted">{t('codebook.variables', { count: version.content.variables.length })}</span>
        {(codebooks?.length ?? 0) > 1 && (
          <label className="small">
            {t('codebook.pick')}{' '}
            <select
              value={codebook.id}
              data-testid="codebook-select"
              onChange={(e) => {
                setViewed(e.target.value);
                setChosen(null);
              }}
            >
              {(codebooks ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {localize(c.name, lang)}
                  {c.id === project?.settings.codebookId ? ` (${t('codebook.projectsCodebook')})` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="toolbar">
        <label className="small">
          {t('codebook.versionPick')}{' '}
          <select value={version.id} onChange={(e) => setChosen(e.target.value)} data-testid="version-select">
            {(versions ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {t('codebook.version', { number: v.number })} · {t(v.status === 'published' ? 'codebook.published' : 'codebook.draft')}
              </option>
            ))}
          </select>
        </label>
        {version.status === 'published' && version.id === versions?.at(-1)?.id && (
          <button type="button" data-testid="new-draft" onClick={() => void run(async () => setChosen((await store.versions.draft(codebook.id)).id))}>
            {t('codebook.newDraft')}
          </button>
        )}
        {version.status === 'draft' && (
          <button
            type="button"
            className="primary"
            data-testid="publish"
            onClick={() =>
              void run(async () => {
                const published = await store.versions.publish(version.id);
                inform('codebook.publishedNotice', { number: published.number });
              })
            }
          >
            {t('codebook.publish')}
          </button>
        )}
        <button
          type="button"
          data-testid="export-codebook"
          onClick={() =>
            void run(async () => {
              const bytes = new TextEncoder().encode(exportCodebookJson(codebook, version));
              await platform.saveFile(`${codebook.templateId ?? 'kodbok'}-v${version.number}.json`, bytes, [{ name: 'JSON', extensions: ['json'] }]);
            })
          }
        >
          {t('codebook.export')}
        </button>
        <button
          type="button"
          data-testid="import-codebook"
          onClick={() =>
            void run(async () => {
              const [file] = await platform.openFiles({ title: t('codebook.import'), filters: [{ name: 'JSON', extensions: ['json'] }], multiple: false });
              if (!file) return;
              await importTemplate(file.name, parseCodebookJson(new TextDecoder().decode(file.bytes)));
            })
          }
        >
          {t('codebook.import')}
        </button>
        <button
          type="button"
          data-testid="export-codebook-qdc"
          title={t('codebook.exportQdcTitle')}
          disabled={version.content.variables.length === 0}
          onClick={() =>
            void run(async () => {
              const bytes = new TextEncoder().encode(exportQdc(codebook, version, { appVersion: await platform.appVersion() }));
              await platform.saveFile(`${codebook.templateId ?? 'kodbok'}-v${version.number}.qdc`, bytes, [{ name: 'REFI-QDA', extensions: ['qdc'] }]);
            })
          }
        >
          {t('codebook.exportQdc')}
        </button>
        <button
          type="button"
          data-testid="import-codebook-qdc"
          title={t('codebook.exportQdcTitle')}
          onClick={() =>
            void run(async () => {
              const [file] = await platform.openFiles({ title: t('codebook.importQdc'), filters: [{ name: 'REFI-QDA', extensions: ['qdc', 'xml', 'qde'] }], multiple: false });
              if (!file) return;
              // Read against every version: a code that came from this codebook keeps its id (and its codings), its English texts and derivation rule.
              await importTemplate(file.name, readQdc(decodeQdc(file.bytes), file.name, { basis: (versions ?? []).map((v) => v.content) }));
            })
          }
        >
          {t('codebook.importQdc')}
        </button>
        {latestPublished && (movable ?? 0) > 0 && (
          <button
            type="button"
            data-testid="migrate"
            onClick={() =>
              void run(async () => {
                const result = await store.versions.migrate(latestPublished.id);
                inform('codebook.migrated', { moved: result.moved, decide: result.decide.length, number: latestPublished.number });
              })
            }
          >
            {t('codebook.migrate', { count: movable ?? 0, number: latestPublished.number })}
          </button>
        )}
      </div>
      {latestPublished && codebook.id === project?.settings.codebookId && <DecisionList key={latestPublished.id} target={latestPublished} versions={versions ?? []} />}
      <Dialog
        open={askImport !== null}
        title={askImport ? t('codebook.importAskTitle', { file: askImport.file, number: askImport.draftNumber }) : ''}
        onClose={() => setAskImport(null)}
        testId="codebook-import-ask"
        actions={
          <>
            <button type="button" onClick={() => setAskImport(null)} data-testid="import-ask-cancel">
              {t('common.cancel')}
            </button>
            <button type="button" onClick={() => askImport && (setAskImport(null), void run(() => importInto('new-codebook', askImport.file, askImport.template, askImport.problems)))} data-testid="import-as-new-codebook">
              {t('codebook.importAsNew')}
            </button>
            <button type="button" className="danger" onClick={() => askImport && (setAskImport(null), void run(() => importInto('draft', askImport.file, askImport.template, askImport.problems)))} data-testid="import-replace-draft">
              {t('codebook.importReplace', { number: askImport?.draftNumber ?? 0 })}
            </button>
          </>
        }
      >
        <p>{askImport && t('codebook.importAskText', { file: askImport.file, number: askImport.draftNumber })}</p>
      </Dialog>
      <Dialog
        open={importProblems !== null}
        title={
          !importProblems
            ? ''
            : importProblems.imported !== undefined
              ? t('codebook.importNotes', { file: importProblems.file, number: importProblems.imported, count: importProblems.problems.length })
              : t('codebook.importProblems', { file: importProblems.file, count: importProblems.problems.length })
        }
        onClose={() => setImportProblems(null)}
        testId="codebook-import-problems"
        actions={
          <button type="button" onClick={() => setImportProblems(null)}>
            {t('common.close')}
          </button>
        }
      >
        <ul className="problem-list">
          {importProblems?.problems.map((p, i) => (
            <li key={i}>{p[lang]}</li>
          ))}
        </ul>
      </Dialog>
      {(versions?.length ?? 0) > 1 && (
        <label className="small">
          {t('codebook.compare')}{' '}
          <select value={compareWith} onChange={(e) => setCompareWith(e.target.value)} data-testid="compare-select">
            <option value="">{t('codebook.compareNone')}</option>
            {(versions ?? [])
              .filter((v) => v.id !== version.id)
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {t('codebook.version', { number: v.number })}
                </option>
              ))}
          </select>
        </label>
      )}
      {(() => {
        const other = versions?.find((v) => v.id === compareWith);
        if (other) {
          const [older, newer] = other.number < version.number ? [other, version] : [version, other];
          const recorded = (versions ?? []).filter((v) => v.number > older.number && v.number <= newer.number).flatMap((v) => v.changes);
          const changes = diffVersions(older.content, newer.content, recorded);
          return <ChangeList title={t('codebook.diffTitle', { a: older.number, b: newer.number })} changes={changes} content={newer.content} versions={versions ?? []} lang={lang} t={t} />;
        }
        return version.status === 'published' && version.changes.length > 0 ? <ChangeList title={t('codebook.changes')} changes={version.changes} content={version.content} versions={versions ?? []} lang={lang} t={t} /> : null;
      })()}
      {version.content.variables.length === 0 ? (
        <p className="muted">{t('codebook.noVariables')}</p>
      ) : (
        <>
          <input
            type="search"
            className="filter"
            placeholder={t('codebook.filter')}
            aria-label={t('codebook.filter')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            data-testid="codebook-filter"
          />
          {version.status === 'draft' ? <DraftEditor draft={version} valueUse={valueUse} history={(versions ?? []).map((v) => v.content)} /> : <CodebookTree content={version.content} filter={filter} lang={lang} t={t} />}
        </>
      )}
    </section>
  );
}

function CodebookTree({ content, filter, lang, t }: { content: CodebookContent; filter: string; lang: Language; t: Translate }) {
  const groups = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase('sv');
    const matches = (v: Variable) =>
      !needle ||
      [v.label.sv, v.label.en, v.key, ...v.values.flatMap((val) => [val.label.sv, val.label.en])].some((s) => s?.toLocaleLowerCase('sv').includes(needle));
    const byGroup = new Map<string | undefined, Variable[]>();
    for (const v of content.variables.filter(matches)) {
      const list = byGroup.get(v.groupId) ?? [];
      list.push(v);
      byGroup.set(v.groupId, list);
    }
    const ordered = content.groups.map((g) => ({ id: g.id, label: localize(g.label, lang), variables: byGroup.get(g.id) ?? [] }));
    ordered.push({ id: '', label: t('codebook.ungrouped'), variables: byGroup.get(undefined) ?? [] });
    return ordered.filter((g) => g.variables.length > 0);
  }, [content, filter, lang, t]);

  const labelOf = (variableId: string, valueId?: string) => {
    const v = content.variables.find((x) => x.id === variableId);
    if (!v) return variableId;
    if (!valueId) return localize(v.label, lang);
    const val = v.values.find((x) => x.id === valueId);
    return val ? localize(val.label, lang) : valueId;
  };

  return (
    <div className="codebook-tree" data-testid="codebook-tree">
      {groups.map((group) => (
        <section key={group.id} className="codebook-group">
          <h2>{group.label}</h2>
          {group.variables.map((v) => (
            <details key={v.id} className="variable" data-testid="codebook-variable">
              <summary>
                <span className="variable-label" data-testid="variable-label">
                  {localize(v.label, lang)}
                </span>
                <span className="muted small">
                  {' '}
                  {t(`codebook.kind.${v.kind}`)} · {v.level}
                  {v.derived ? ` · ${t('codebook.derived')}` : ''}
                </span>
                <ValueChips values={v.values} lang={lang} />
              </summary>
              <div className="variable-body">
                {localize(v.description, lang) && <p>{localize(v.description, lang)}</p>}
                {localize(v.codingRule, lang) && (
                  <p>
                    <strong>{t('codebook.rule')}:</strong> {localize(v.codingRule, lang)}
                  </p>
                )}
                {v.derived && (
                  <p className="derived-rule">
                    {t(v.derived.type === 'all' ? 'codebook.derivedRule.all' : 'codebook.derivedRule.any', {
                      then: labelOf(v.id, v.derived.then),
                      otherwise: labelOf(v.id, v.derived.otherwise),
                      components: v.derived.components
                        .map((c) => `${labelOf(c.variableId)} = ${c.valueIds.map((id) => labelOf(c.variableId, id)).join(' / ')}`)
                        .join('; '),
                    })}
                  </p>
                )}
                {v.source && (
                  <p className="muted small">
                    {t('codebook.source')}: {v.source}
                  </p>
                )}
                <table className="values-table">
                  <thead>
                    <tr>
                      <th>{t('codebook.values')}</th>
                      <th>{t('codebook.definition')}</th>
                      <th>{t('codebook.anchors')}</th>
                      <th>{t('codebook.terms')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.values.map((val) => (
                      <tr key={val.id}>
                        <td>
                          <span className="swatch" style={{ background: val.colour }} /> {localize(val.label, lang)}
                          {val.absent && <span className="muted small"> ({t('codebook.absent')})</span>}
                        </td>
                        <td>
                          {localize(val.definition, lang)}
                          {localize(val.codingRule, lang) && (
                            <div className="muted small">
                              {t('codebook.rule')}: {localize(val.codingRule, lang)}
                            </div>
                          )}
                        </td>
                        <td>
                          {val.anchors.map((a, i) => (
                            <blockquote key={i}>
                              “{a.text}”{a.source && <cite> — {a.source}</cite>}
                            </blockquote>
                          ))}
                        </td>
                        <td>{val.indicatorTerms.join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ))}
        </section>
      ))}
    </div>
  );
}
