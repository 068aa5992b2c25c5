/**
 * Automatic backups: in Electron the folder, the schedule, how many to keep, the last run and
 * "back up now"; in the browser (no folder can be written to on a schedule) "back up all
 * projects now", which downloads one backup file per project.
 */
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useAutoBackup } from '../state/auto-backup-context';
import { BACKUP_FILTER, backupFileName, INTERVALS, projectBackup, type IntervalMinutes } from '../state/auto-backup';
import { useNotices } from '../state/errors';
import { usePlatform } from '../state/platform-context';
import { useStore } from '../state/store-context';

export function AutoBackupCard() {
  const { t, lang } = useI18n();
  const auto = useAutoBackup();
  const platform = usePlatform();
  const store = useStore();
  const { reportError, inform } = useNotices();
  const [downloading, setDownloading] = useState<{ done: number; total: number } | null>(null);
  const when = (at: number) => new Date(at).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');

  const downloadAll = async () => {
    try {
      const projects = await store.projects.list();
      setDownloading({ done: 0, total: projects.length });
      for (const [i, project] of projects.entries()) {
        await platform.saveFile(backupFileName(project, new Date()), await projectBackup(store, project.id), BACKUP_FILTER);
        setDownloading({ done: i + 1, total: projects.length });
      }
      inform('autoBackup.downloaded', { count: projects.length });
    } catch (error) {
      reportError(error);
    } finally {
      setDownloading(null);
    }
  };

  const progress = auto.running ?? downloading;
  return (
    <section className="card" data-testid="auto-backup" aria-labelledby="auto-backup-title">
      <h2 id="auto-backup-title">{t('autoBackup.title')}</h2>
      {auto.available ? (
        <>
          <p className="small">
            {t('autoBackup.folder')}{' '}
            <code data-testid="auto-backup-folder">{auto.folder ?? t('autoBackup.noFolder')}</code>{' '}
            <button type="button" onClick={() => void auto.chooseFolder()} data-testid="auto-backup-choose">
              {t('autoBackup.choose')}
            </button>
          </p>
          <div className="toolbar">
            <label className="small">
              {t('autoBackup.interval')}{' '}
              <select
                value={auto.state.settings.intervalMinutes}
                onChange={(e) => auto.setSettings({ ...auto.state.settings, intervalMinutes: Number(e.target.value) as IntervalMinutes })}
                data-testid="auto-backup-interval"
              >
                {INTERVALS.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {t(`autoBackup.every${minutes}` as 'autoBackup.every0')}
                  </option>
                ))}
              </select>
            </label>
            <label className="small">
              {t('autoBackup.keep')}{' '}
              <input
                type="number"
                min={1}
                max={1000}
                value={auto.state.settings.keep}
                onChange={(e) => {
                  const keep = Math.round(Number(e.target.value));
                  if (keep >= 1 && keep <= 1000) auto.setSettings({ ...auto.state.settings, keep });
                }}
                data-testid="auto-backup-keep"
                style={{ width: '5rem' }}
              />
            </label>
            <button type="button" disabled={!auto.folder || progress !== null} onClick={() => void auto.runNow()} data-testid="auto-backup-now">
              {t('autoBackup.now')}
            </button>
          </div>
          <p className="small muted" data-testid="auto-backup-status">
            {auto.state.lastRunAt === null ? t('autoBackup.never') : t('autoBackup.lastRun', { when: when(auto.state.lastRunAt) })}
            {auto.lastResult && ` ${t('autoBackup.result', { written: auto.lastResult.written.length, unchanged: auto.lastResult.unchanged.length, failed: auto.lastResult.failed.length })}`}
          </p>
        </>
      ) : (
        <>
          <p className="small">{t('autoBackup.webExplain')}</p>
          <button type="button" disabled={progress !== null} onClick={() => void downloadAll()} data-testid="backup-all">
            {t('autoBackup.downloadAll')}
          </button>
        </>
      )}
      {progress && <progress max={progress.total} value={progress.done} aria-label={t('autoBackup.title')} data-testid="auto-backup-progress" />}
    </section>
  );
}
