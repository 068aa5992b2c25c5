/** The application shell: header, navigation, the current view, notices and shortcut help. */
import { useEffect, useState } from 'react';
import { Header } from './components/Header';
import { Nav } from './components/Nav';
import { Dialog } from './components/Dialog';
import { useI18n } from './i18n';
import { useNotices } from './state/errors';
import { navigate, useView, VIEWS } from './state/route';
import { useSession } from './state/session';
import { useOcrFeed } from './ocr/useOcr';
import { CodebookView } from './views/CodebookView';
import { CodingView } from './views/coding/CodingView';
import { ReliabilityView } from './views/reliability/ReliabilityView';
import { ResultsView } from './views/results/ResultsView';
import { DocumentsView } from './views/documents/DocumentsView';
import { ProjectsView } from './views/ProjectsView';

export function App({ persistenceDenied }: { persistenceDenied: boolean }) {
  const { t } = useI18n();
  const requested = useView();
  const { project } = useSession();
  const { notices, dismiss } = useNotices();
  const [helpOpen, setHelpOpen] = useState(false);
  const view = project ? requested : 'projects';
  useOcrFeed(project?.id);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^[1-6]$/.test(e.key)) {
        e.preventDefault();
        const next = VIEWS[Number(e.key) - 1];
        if (next && (next === 'projects' || project)) navigate(next);
      } else if (e.key === '?' && !typing) {
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [project]);

  return (
    <div className="app">
      <Header />
      <div className="app-body">
        <Nav current={view} hasProject={Boolean(project)} onNavigate={navigate} />
        <main className="app-main" data-testid={`view-${view}`}>
          {persistenceDenied && <p className="notice">{t('status.persistDenied')}</p>}
          {view === 'projects' && <ProjectsView />}
          {view === 'documents' && <DocumentsView />}
          {view === 'codebook' && <CodebookView />}
          {view === 'coding' && <CodingView />}
          {view === 'reliability' && <ReliabilityView />}
          {view === 'results' && <ResultsView />}
        </main>
      </div>
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice-toast ${n.kind}`} data-testid={`notice-${n.kind}`}>
            {n.kind === 'error' && <strong>{t('error.title')}: </strong>}
            {n.text}
            {n.details && (
              <details className="notice-details" data-testid="notice-details">
                <summary>{t('error.details')}</summary>
                <pre>{n.details}</pre>
              </details>
            )}
            <button type="button" aria-label={t('error.dismiss')} onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      <Dialog
        open={helpOpen}
        title={t('help.title')}
        onClose={() => setHelpOpen(false)}
        actions={
          <button type="button" onClick={() => setHelpOpen(false)}>
            {t('common.close')}
          </button>
        }
      >
        <dl className="shortcuts">
          <dt>
            <kbd>Alt</kbd>+<kbd>1</kbd>…<kbd>6</kbd>
          </dt>
          <dd>{t('help.navigate')}</dd>
          <dt>
            <kbd>?</kbd>
          </dt>
          <dd>{t('help.open')}</dd>
          <dt>1–9, ↑↓, n, a, p</dt>
          <dd>{t('help.coding')}</dd>
        </dl>
      </Dialog>
    </div>
  );
}
