/** Top bar: app name, the open project, the active coder and the language switch. */
import { useI18n } from '../i18n';
import { useSession } from '../state/session';
import { useStore } from '../state/store-context';
import { useNotices } from '../state/errors';

const ADD_CODER = '__add__';

export function Header() {
  const { t, lang, setLang } = useI18n();
  const { project, coders, activeCoder, setActiveCoder } = useSession();
  const store = useStore();
  const { reportError } = useNotices();

  const onCoderChange = async (value: string) => {
    if (value !== ADD_CODER) {
      setActiveCoder(value);
      return;
    }
    const name = window.prompt(t('header.newCoderPrompt'));
    if (!name?.trim() || !project) return;
    try {
      const coder = await store.coders.add(project.id, name);
      setActiveCoder(coder.id);
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <div className="header-project" data-testid="current-project">
        {project ? project.name : <span className="muted">{t('header.noProject')}</span>}
      </div>
      <div className="header-controls">
        {project && (
          <label>
            <span>{t('header.coder')}</span>
            <select data-testid="coder-select" value={activeCoder?.id ?? ''} onChange={(e) => void onCoderChange(e.target.value)}>
              {coders
                .filter((c) => c.kind === 'human')
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              <option value={ADD_CODER}>{t('header.addCoder')}</option>
            </select>
          </label>
        )}
        <label>
          <span>{t('header.language')}</span>
          <select data-testid="language-select" value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'sv')}>
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
    </header>
  );
}
