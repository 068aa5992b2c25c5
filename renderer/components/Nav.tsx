/** The main navigation between the six views; views other than Projects need an open project. */
import { useI18n, type MessageKey } from '../i18n';
import { VIEWS, type View } from '../state/route';

interface NavProps {
  current: View;
  hasProject: boolean;
  onNavigate: (view: View) => void;
}

export function Nav({ current, hasProject, onNavigate }: NavProps) {
  const { t } = useI18n();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ol>
        {VIEWS.map((view, i) => {
          const disabled = view !== 'projects' && !hasProject;
          return (
            <li key={view}>
              <button
                type="button"
                className={view === current ? 'active' : undefined}
                aria-current={view === current ? 'page' : undefined}
                disabled={disabled}
                title={disabled ? t('nav.needsProject') : `Alt+${i + 1}`}
                data-testid={`nav-${view}`}
                onClick={() => onNavigate(view)}
              >
                <span className="nav-number">{i + 1}</span>
                {t(`nav.${view}` as MessageKey)}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
