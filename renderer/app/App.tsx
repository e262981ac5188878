import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { changeLanguage, loadFeatureMessages } from '../i18n';
import { isDesktop, platform } from '../platform';
import { Toasts } from '../components/Toasts';
import { TimerWatcher } from '../features/timer/TimerWatcher';
import { CaptureDialog } from '../features/wins/CaptureDialog';
import { useCaptureShortcut } from '../features/wins/shortcut';
import { TodayScreen } from '../features/today/TodayScreen';
import { Layout } from './Layout';
import { pathOf, screenOfMenuCommand, screenOfShortcutKey } from './routes';
import { useLanguage, useSettings } from './services';

// Today is the start-up path and loads with the app; every other screen loads when opened,
// together with the feature messages (kept off the start-up path, see i18n/index.ts).
const withMessages = <T,>(load: () => Promise<T>) => () => Promise.all([load(), loadFeatureMessages()]).then(([module]) => module);
const PlanScreen = lazy(withMessages(() => import('../features/plan/PlanScreen')));
const LeadsScreen = lazy(withMessages(() => import('../features/leads/LeadsScreen')));
const WinsScreen = lazy(withMessages(() => import('../features/wins/WinsScreen')));
const MetricsScreen = lazy(withMessages(() => import('../features/metrics/MetricsScreen')));
const ReportsScreen = lazy(withMessages(() => import('../features/reports/ReportsScreen')));
const SettingsScreen = lazy(withMessages(() => import('../features/settings/SettingsScreen')));

export function App() {
  return (
    <Router hook={useHashLocation}>
      <AppEffects />
      <Layout>
        <Suspense fallback={<ScreenLoading />}>
          <Switch>
            <Route path="/today" component={TodayScreen} />
            <Route path="/plan" component={PlanScreen} />
            <Route path="/leads" nest>
              <LeadsScreen />
            </Route>
            <Route path="/wins" component={WinsScreen} />
            <Route path="/metrics" component={MetricsScreen} />
            <Route path="/reports" component={ReportsScreen} />
            <Route path="/settings" component={SettingsScreen} />
            <Route>
              <Redirect to={pathOf('today')} replace />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
      <TimerWatcher />
      <CaptureDialog />
      <Toasts />
    </Router>
  );
}

function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <p className="screen-loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** Applies settings the moment they change, and wires the menu and keyboard shortcuts. */
function AppEffects() {
  useCaptureShortcut();
  const language = useLanguage();
  const { theme } = useSettings();
  const [, navigate] = useLocation();

  useEffect(() => {
    // Read by test/bench/startup.spec.ts: the moment the first screen is drawn and responds.
    performance.mark('twohats:interactive');
  }, []);

  useEffect(() => {
    void changeLanguage(language);
    void platform().setLanguage(language);
  }, [language]);

  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(
    () =>
      platform().onMenuCommand((command) => {
        const screen = screenOfMenuCommand(command);
        if (screen) navigate(pathOf(screen));
      }),
    [navigate],
  );

  useEffect(() => {
    // In the desktop app the native menu owns these accelerators.
    if (isDesktop()) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const screen = screenOfShortcutKey(event.key);
      if (!screen) return;
      event.preventDefault();
      navigate(pathOf(screen));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return null;
}
