/**
 * The dataset exports of the Results view, all from the chosen source (the final dataset by
 * default, or one coder's judgements): long and wide CSV, wide XLSX, SPSS syntax, REFI-QDA, the
 * passages, and the consensus history. A large export shows a progress bar and disables the
 * others meanwhile.
 */
import { useState } from 'react';
import { consensusHistoryCsv } from '../../../src/formats/consensus-history';
import { longCsv, segmentsCsv, segmentsXlsx, spssSyntax, wideCsv, wideXlsx, type DatasetInput } from '../../../src/formats/dataset';
import { exportQdpx, QDPX_PROFILES, type QdpxProfile } from '../../../src/formats/refi-qda';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { useStore } from '../../state/store-context';
import type { Study } from '../../study/useStudy';
import { FINAL_SOURCE, type ResultsSource } from './useResultsTables';

export function DatasetExports({ study, source, stem, save }: { study: Study; source: ResultsSource; stem: string; save: (name: string, bytes: Uint8Array, extensions: string[]) => Promise<void> }) {
  const { t, lang } = useI18n();
  const store = useStore();
  const { reportError } = useNotices();
  const [exporting, setExporting] = useState<string | null>(null);
  /** The REFI-QDA export profile: the standard, or what QualCoder's / NVivo's readers need. */
  const [profile, setProfile] = useState<QdpxProfile>('standard');
  const { project, version, documents, coders, judgements } = study;
  const input = (): DatasetInput => ({
    content: version.content,
    documents,
    coders,
    judgements,
    lang,
    ...(source === FINAL_SOURCE ? { final: study.final } : { coderId: source }),
  });
  const text = (s: string) => Promise.resolve(new TextEncoder().encode(s));
  // The long export's codebook_version column: each judgement's version number (of this codebook).
  const versionNumbers = async () => {
    const all = await store.db.codebookVersions.where('projectId').equals(project.id).toArray();
    return { numbers: new Map(all.filter((x) => x.codebookId === version.codebookId).map((x) => [x.id, x.number])), current: version.number };
  };
  const segments = async () => {
    const all = await store.db.segments.where('projectId').equals(project.id).toArray();
    return source === FINAL_SOURCE ? all : all.filter((s) => s.coderId === source);
  };
  const exports = [
    ['long', async () => text(longCsv({ ...input(), versions: await versionNumbers() })), `${stem}-lang.csv`, 'csv'],
    ['wide', () => text(wideCsv(input())), `${stem}-bred.csv`, 'csv'],
    ['wideXlsx', () => wideXlsx(input()), `${stem}-bred.xlsx`, 'xlsx'],
    ['spss', () => text(spssSyntax(input(), `${stem}-bred.csv`)), `${stem}-bred.sps`, 'sps'],
    [
      'qdpx',
      async () => {
        const docs = await Promise.all(
          documents.map(async (meta) => {
            const content = (await store.documents.content(meta.id))!;
            const file = await store.documents.file(meta.id);
            return { meta, content, bytes: file ? new Uint8Array(await file.bytes.arrayBuffer()) : new Uint8Array() };
          }),
        );
        const only = source === FINAL_SOURCE ? undefined : source;
        return exportQdpx({
          project,
          coders: only ? coders.filter((c) => c.id === only) : coders,
          content: version.content,
          documents: docs,
          segments: await segments(),
          judgements: only ? judgements.filter((j) => j.coderId === only) : judgements,
          memos: (await store.db.memos.where('projectId').equals(project.id).toArray()).filter((m) => !only || m.coderId === only),
          ...(only ? {} : { final: { cells: study.final.cells, at: Date.now() } }),
        }, { profile });
      },
      `${stem}.qdpx`,
      'qdpx',
    ],
    ['segments', async () => text(segmentsCsv(await segments(), input())), `${stem}-markeringar.csv`, 'csv'],
    ['segmentsXlsx', async () => segmentsXlsx(await segments(), input()), `${stem}-markeringar.xlsx`, 'xlsx'],
    ['history', async () => text(consensusHistoryCsv(await store.study.consensusHistory(project.id), { content: version.content, documents, coders, lang })), `${stem}-konsensushistorik.csv`, 'csv'],
  ] as const;
  return (
    <div className="toolbar" data-testid="dataset-exports">
      <span className="small">{t('results.dataset')}</span>
      {exports.map(([key, make, name, ext]) => [
        key === 'qdpx' && (
          <select key="qdpx-profile" aria-label={t('dataset.qdpxProfile')} title={t('dataset.qdpxProfile')} value={profile} disabled={exporting !== null} onChange={(e) => setProfile(e.target.value as QdpxProfile)} data-testid="qdpx-profile">
            {QDPX_PROFILES.map((p) => (
              <option key={p} value={p}>
                {t(`dataset.qdpxProfile.${p}`)}
              </option>
            ))}
          </select>
        ),
        <button
          key={key}
          type="button"
          disabled={exporting !== null}
          data-testid={`dataset-${key}`}
          onClick={() => {
            setExporting(t(`dataset.${key}`));
            void make()
              .then((bytes) => save(name, bytes, [ext]), reportError)
              .finally(() => setExporting(null));
          }}
        >
          {t(`dataset.${key}`)}
        </button>,
      ])}
      {exporting && (
        <span className="small" role="status" data-testid="dataset-working">
          <progress aria-label={exporting} /> {t('results.exporting', { what: exporting })}
        </span>
      )}
    </div>
  );
}
