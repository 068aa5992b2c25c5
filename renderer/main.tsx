/** Renderer entry: open the store, ask for persistent storage once, mount the app. */
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createStore, ensurePersistentStorage } from '../src/store';
import { App } from './App';
import { I18nProvider } from './i18n';
import { getPlatform } from './platform';
import { NoticeProvider } from './state/errors';
import { PlatformProvider } from './state/platform-context';
import { SessionProvider } from './state/session';
import { AutoBackupProvider } from './state/auto-backup-context';
import { StoreProvider } from './state/store-context';
import './app.css';

async function start(): Promise<void> {
  const platform = getPlatform();
  const store = createStore();
  const persistence = await ensurePersistentStorage(store.db).catch((error: unknown) => {
    console.error('Could not request persistent storage', error);
    return 'unsupported' as const;
  });
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <PlatformProvider platform={platform}>
      <StoreProvider store={store}>
        <I18nProvider systemLanguage={platform.systemLanguage()}>
          <NoticeProvider>
            <SessionProvider>
              <AutoBackupProvider>
                <App persistenceDenied={persistence === 'denied'} />
              </AutoBackupProvider>
            </SessionProvider>
          </NoticeProvider>
        </I18nProvider>
      </StoreProvider>
      </PlatformProvider>
    </StrictMode>,
  );
}

void start();
