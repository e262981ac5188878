/**
 * Start-up: open the database, read settings, pick the language, then draw. If the database
 * cannot be opened, a full-screen message explains why; nothing is deleted to "recover".
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveLanguage } from '../shared/domain/model/settings';
import { App } from './app/App';
import { ServicesProvider } from './app/services';
import { StorageErrorScreen } from './app/StorageErrorScreen';
import { openDatabase } from './db/open';
import { loadSettings } from './db/settings';
import { i18next, initI18n } from './i18n';
import { platform } from './platform';
import { useToasts } from './stores/toasts';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/time.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const system = await platform().getSystemInfo();
  const opened = await openDatabase();
  if (!opened.ok) {
    await initI18n(resolveLanguage('system', system.locale));
    root.render(<StorageErrorScreen failure={opened.failure} />);
    return;
  }
  const { db } = opened;
  const initialSettings = await loadSettings(db, Date.now());
  await initI18n(resolveLanguage(initialSettings.language, system.locale));

  // A newer TwoHats opened the same database in another window: step aside instead of blocking it.
  db.on('versionchange', () => {
    db.close();
    useToasts.getState().show({
      message: i18next.t('storage.otherWindow'),
      tone: 'error',
      action: { label: i18next.t('storage.reload'), run: () => location.reload() },
    });
    return false;
  });

  root.render(
    <StrictMode>
      <ServicesProvider value={{ db, system, initialSettings }}>
        <App />
      </ServicesProvider>
    </StrictMode>,
  );
}

void start();
