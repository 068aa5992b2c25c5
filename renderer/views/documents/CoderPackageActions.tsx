/**
 * Offline coders, from the Documents view. The lead exports a coder package (a coder, a published
 * codebook version, and all documents, the coder's reliability sample, or a chosen set) and imports
 * codings files, seeing what each merge did. A coder exports their own codings ("Export my
 * codings") from the project the package created. Import of a package is on the Projects view.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { CODER_CODINGS_EXTENSION, CODER_PACKAGE_EXTENSION, fileNamePart, OverensError, type CoderCodingsData, type DocumentMeta, type UserMessage } from '../../../src/core';
import { readCoderCodings, writeCoderCodings, writeCoderPackage } from '../../../src/formats/coder-package';
import type { MergeCounts, MergeReport } from '../../../src/store';
import { Dialog } from '../../components/Dialog';
import { useI18n, type Translate } from '../../i18n';
import { useNotices } from '../../state/errors';
import { usePlatform } from '../../state/platform-context';
import { useSession } from '../../state/session';
import { useStore } from '../../state/store-context';
import { SAMPLE_ATTRIBUTE } from '../reliability/SampleCard';

type Scope = 'all' | 'sample' | 'chosen';

/** One codings file's outcome: a merge report, or why nothing was imported. */
type FileOutcome = { fileName: string; data: CoderCodingsData; report: MergeReport; unchecked?: boolean } | { fileName: string; problems: UserMessage[] };

export function CoderPackageActions({ documents }: { documents: DocumentMeta[] }) {
  const { t, lang } = useI18n();
  const store = useStore();
  const platform = usePlatform();
  const { project, coders, activeCoder } = useSession();
  const { reportError, inform } = useNotices();
  const humans = useMemo(() => coders.filter((c) => c.kind === 'human'), [coders]);
  const codebookId = project?.settings.codebookId;
  const published = useLiveQuery(async () => (codebookId ? (await store.codebooks.versions(codebookId)).filter((v) => v.status === 'published') : []), [store, codebookId]);

  const [exporting, setExporting] = useState(false);
  const [coderChoice, setCoderChoice] = useState('');
  const [versionChoice, setVersionChoice] = useState('');
  const [scope, setScope] = useState<Scope | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<FileOutcome[] | null>(null);

  const coder = humans.find((c) => c.id === coderChoice) ?? humans.find((c) => c.id !== activeCoder?.id) ?? humans[0];
  const version = published?.find((v) => v.id === versionChoice) ?? published?.at(-1);
  const sample = useMemo(() => documents.filter((d) => coder && (d.attributes[SAMPLE_ATTRIBUTE] ?? '').trim() === coder.name), [documents, coder]);
  const effectiveScope: Scope = scope ?? (sample.length > 0 ? 'sample' : 'all');
  const selected = effectiveScope === 'all' ? documents : effectiveScope === 'sample' ? sample : documents.filter((d) => chosen.has(d.id));

  const exportPackage = async () => {
    if (!project || !coder || !version || selected.length === 0) return;
    setBusy(true);
    try {
      const built = await store.coderPackages.buildPackage(project.id, coder.id, selected.map((d) => d.id), version.id);
      const bytes = await writeCoderPackage(built.data, built.files);
      const result = await platform.saveFile(`${fileNamePart(project.name)}-${fileNamePart(coder.name)}.${CODER_PACKAGE_EXTENSION}`, bytes, [{ name: t('coderPackage.title'), extensions: [CODER_PACKAGE_EXTENSION] }]);
      if (result.saved) {
        inform('coderPackage.saved', { coder: coder.name, count: selected.length });
        setExporting(false);
      }
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  const exportMine = async () => {
    if (!project || !activeCoder) return;
    try {
      const data = await store.coderPackages.exportCodings(project.id, activeCoder.id);
      const bytes = await writeCoderCodings(data);
      const result = await platform.saveFile(`${fileNamePart(project.name)}-${fileNamePart(activeCoder.name)}.${CODER_CODINGS_EXTENSION}`, bytes, [{ name: t('codings.export'), extensions: [CODER_CODINGS_EXTENSION] }]);
      if (result.saved) inform('codings.exported', { coder: activeCoder.name, segments: data.segments.length, judgements: data.judgements.filter((j) => j.valueIds.length > 0).length, memos: data.memos.length });
    } catch (error) {
      reportError(error);
    }
  };

  const importCodings = async () => {
    if (!project) return;
    try {
      const files = await platform.openFiles({ title: t('codings.import'), filters: [{ name: t('codings.import'), extensions: [CODER_CODINGS_EXTENSION] }], multiple: true });
      if (files.length === 0) return;
      const results: FileOutcome[] = [];
      // One file at a time, each merged in its own transaction.
      for (const file of files) {
        const read = await readCoderCodings(file.bytes, file.name);
        if (!read.ok) {
          results.push({ fileName: file.name, problems: read.problems });
          continue;
        }
        try {
          results.push({ fileName: file.name, data: read.data, report: await store.coderPackages.mergeCodings(project.id, read.data), unchecked: read.unchecked });
        } catch (error) {
          if (error instanceof OverensError) results.push({ fileName: file.name, problems: [error.userMessage] });
          else throw error;
        }
      }
      setOutcomes(results);
    } catch (error) {
      reportError(error);
    }
  };

  const removeMissing = async (index: number) => {
    const outcome = outcomes?.[index];
    if (!project || !outcome || !('report' in outcome)) return;
    try {
      const report = await store.coderPackages.mergeCodings(project.id, outcome.data, { removeMissing: true });
      setOutcomes((list) => list?.map((o, i) => (i === index ? { ...outcome, report } : o)) ?? null);
    } catch (error) {
      reportError(error);
    }
  };

  const toggle = (id: string) =>
    setChosen((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <button type="button" onClick={() => setExporting(true)} disabled={documents.length === 0 || humans.length === 0} data-testid="export-coder-package">
        {t('coderPackage.export')}
      </button>
      <button type="button" onClick={() => void importCodings()} data-testid="import-codings">
        {t('codings.import')}
      </button>
      <button type="button" onClick={() => void exportMine()} disabled={!activeCoder} data-testid="export-codings">
        {t('codings.export')}
      </button>

      <Dialog
        open={exporting}
        title={t('coderPackage.title')}
        onClose={() => setExporting(false)}
        testId="coder-package-dialog"
        actions={
          <>
            <button type="button" onClick={() => setExporting(false)}>
              {t('coderPackage.cancel')}
            </button>
            <button type="button" className="primary" disabled={busy || !coder || !version || selected.length === 0} onClick={() => void exportPackage()} data-testid="coder-package-save">
              {t('coderPackage.make')}
            </button>
          </>
        }
      >
        <p className="small">{t('coderPackage.intro')}</p>
        <label className="field">
          <span>{t('coderPackage.coder')}</span>
          <select value={coder?.id ?? ''} onChange={(e) => setCoderChoice(e.target.value)} data-testid="coder-package-coder">
            {humans.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('coderPackage.version')}</span>
          {published && published.length === 0 ? (
            <span className="error-text" data-testid="coder-package-no-version">
              {t('coderPackage.noPublished')}
            </span>
          ) : (
            <select value={version?.id ?? ''} onChange={(e) => setVersionChoice(e.target.value)} data-testid="coder-package-version">
              {published?.map((v) => (
                <option key={v.id} value={v.id}>
                  {t('coderPackage.versionOption', { number: v.number })}
                </option>
              ))}
            </select>
          )}
        </label>
        <fieldset className="field">
          <legend>{t('coderPackage.documents')}</legend>
          <label className="small">
            <input type="radio" name="package-scope" checked={effectiveScope === 'all'} onChange={() => setScope('all')} data-testid="coder-package-all" /> {t('coderPackage.all', { count: documents.length })}
          </label>
          <label className="small">
            <input type="radio" name="package-scope" checked={effectiveScope === 'sample'} disabled={sample.length === 0} onChange={() => setScope('sample')} data-testid="coder-package-sample" />{' '}
            {t('coderPackage.sample', { coder: coder?.name ?? '', count: sample.length })}
          </label>
          <label className="small">
            <input type="radio" name="package-scope" checked={effectiveScope === 'chosen'} onChange={() => setScope('chosen')} data-testid="coder-package-chosen" />{' '}
            {t('coderPackage.chosen', { count: chosen.size })}
          </label>
          {effectiveScope === 'chosen' && (
            <ul className="problem-list" data-testid="coder-package-documents">
              {documents.map((d) => (
                <li key={d.id}>
                  <label className="small">
                    <input type="checkbox" checked={chosen.has(d.id)} onChange={() => toggle(d.id)} data-testid="coder-package-document" /> {d.fileName}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </Dialog>

      <Dialog
        open={outcomes !== null}
        title={t('codings.reportTitle')}
        onClose={() => setOutcomes(null)}
        testId="codings-report"
        actions={
          <button type="button" onClick={() => setOutcomes(null)} data-testid="codings-report-close">
            {t('common.close')}
          </button>
        }
      >
        {outcomes?.map((o, i) => (
          <section key={i} data-testid="codings-report-file">
            {'report' in o ? (
              <>
                <h3>{t('codings.reportFile', { coder: o.report.coder.name, file: o.fileName })}</h3>
                {o.report.coder.added && <p className="small">{t('codings.coderAdded', { coder: o.report.coder.name })}</p>}
                {o.unchecked && (
                  <p className="small notice" data-testid="codings-unchecked">
                    {t('codings.unchecked')}
                  </p>
                )}
                <ul className="small" data-testid="codings-report-counts">
                  <CountLine t={t} label={t('codings.added')} counts={o.report.added} />
                  <CountLine t={t} label={t('codings.updated')} counts={o.report.updated} />
                  <CountLine t={t} label={t('codings.unchanged')} counts={o.report.unchanged} />
                  <CountLine t={t} label={t('codings.removed')} counts={o.report.removed} />
                </ul>
                {total(o.report.notInFile) > 0 && (
                  <p className="small" data-testid="codings-not-in-file">
                    {t('codings.notInFile', { counts: countText(t, o.report.notInFile) })}{' '}
                    <button type="button" className="danger" onClick={() => void removeMissing(i)} data-testid="codings-remove-missing">
                      {t('codings.removeMissing')}
                    </button>
                  </p>
                )}
                {o.report.skipped.length > 0 && (
                  <>
                    <p className="small">{t('codings.skipped', { count: o.report.skipped.length })}</p>
                    <ul className="problem-list" data-testid="codings-skipped">
                      {o.report.skipped.map((s, k) => (
                        <li key={k}>{s.message[lang]}</li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            ) : (
              <>
                <h3>{t('codings.failed', { file: o.fileName })}</h3>
                <ul className="problem-list" data-testid="codings-problems">
                  {o.problems.map((p, k) => (
                    <li key={k}>{p[lang]}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ))}
      </Dialog>
    </>
  );
}

const total = (c: MergeCounts) => c.segments + c.judgements + c.memos;
const countText = (t: Translate, c: MergeCounts) => t('codings.counts', { segments: c.segments, judgements: c.judgements, memos: c.memos });

function CountLine({ t, label, counts }: { t: Translate; label: string; counts: MergeCounts }) {
  if (total(counts) === 0) return null;
  return (
    <li>
      {label}: {countText(t, counts)}
    </li>
  );
}
