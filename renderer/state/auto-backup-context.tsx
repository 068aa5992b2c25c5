/**
 * Runs the automatic-backup schedule for the whole window (checked every minute) and gives the
 * Projects view its settings, status and "back up now". See auto-backup.ts.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { useNotices } from './errors';
import { usePlatform } from './platform-context';
import { useStore } from './store-context';
import { isDue, loadState, runBackups, saveState, type AutoBackupSettings, type AutoBackupState, type RunResult } from './auto-backup';
import { OverensError } from '../../src/core';

interface AutoBackupValue {
  /** False in the browser: no folder can be written to on a schedule. */
  available: boolean;
  folder: string | null;
  chooseFolder(): Promise<void>;
  state: AutoBackupState;
  setSettings(settings: AutoBackupSettings): void;
  running: { done: number; total: number } | null;
  lastResult: RunResult | null;
  /** Back up every project now (even unchanged ones). */
  runNow(): Promise<void>;
}

const AutoBackupContext = createContext<AutoBackupValue | null>(null);
const CHECK_EVERY_MS = 60_000;

export function AutoBackupProvider({ children }: { children: ReactNode }) {
  const platform = usePlatform();
  const store = useStore();
  const { t, lang } = useI18n();
  const { reportError } = useNotices();
  const backupFolder = platform.backupFolder;
  const [folder, setFolder] = useState<string | null>(null);
  const [state, setState] = useState<AutoBackupState>(() => loadState());
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [lastResult, setLastResult] = useState<RunResult | null>(null);
  const busy = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    if (!backupFolder) return;
    backupFolder.current().then(setFolder, reportError);
  }, [backupFolder, reportError]);

  const run = useCallback(
    async (force: boolean) => {
      if (!backupFolder || !folder || busy.current) return;
      busy.current = true;
      try {
        const projects = await store.projects.list();
        setRunning({ done: 0, total: projects.length });
        const { result, state: next } = await runBackups({
          store,
          folder: backupFolder,
          projects,
          state: stateRef.current,
          now: Date.now(),
          force,
          onProgress: (done, total) => setRunning({ done, total }),
        });
        saveState(next);
        setState(next);
        setLastResult(result);
        for (const failure of result.failed) {
          const reason = failure.error instanceof OverensError ? failure.error.messageIn(lang) : failure.error instanceof Error ? failure.error.message : String(failure.error);
          reportError(new Error(t('autoBackup.failed', { project: failure.project, reason })));
        }
      } catch (error) {
        reportError(error);
      } finally {
        busy.current = false;
        setRunning(null);
      }
    },
    [backupFolder, folder, store, reportError, t, lang],
  );

  useEffect(() => {
    if (!backupFolder || !folder) return;
    const check = () => {
      if (isDue(stateRef.current, Date.now())) void run(false);
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [backupFolder, folder, run]);

  const value = useMemo<AutoBackupValue>(
    () => ({
      available: backupFolder !== null,
      folder,
      chooseFolder: async () => {
        if (!backupFolder) return;
        try {
          setFolder(await backupFolder.choose());
        } catch (error) {
          reportError(error);
        }
      },
      state,
      setSettings: (settings) => {
        const next = { ...stateRef.current, settings };
        saveState(next);
        setState(next);
      },
      running,
      lastResult,
      runNow: () => run(true),
    }),
    [backupFolder, folder, state, running, lastResult, run, reportError],
  );
  return <AutoBackupContext.Provider value={value}>{children}</AutoBackupContext.Provider>;
}

export function useAutoBackup(): AutoBackupValue {
  const value = useContext(AutoBackupContext);
  if (!value) throw new Error('useAutoBackup outside AutoBackupProvider');
  return value;
}
