/**
 * Metrics: the leading indicators (business cards, emails, opens, page views, inquiries …) that
 * show marketing working long before it shows in sales. Four tabs: the overview (trends and
 * ratios), the entry grid, the definitions, and CSV import. Keyboard: the tabs follow the ARIA
 * tabs pattern (arrow keys, Home, End); Alt+1 … Alt+4 open them from anywhere on the screen.
 */
import { lazy, Suspense, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { DefinitionsPanel } from './DefinitionsPanel';
import { EntryGrid } from './EntryGrid';
import { METRICS_TABS, useMetricsUi, type MetricsTab } from './metrics-ui';
import { OverviewPanel } from './OverviewPanel';
import './metrics.css';

// The CSV parser loads with the Import tab, not with the screen.
const ImportPanel = lazy(() => import('./ImportPanel').then((m) => ({ default: m.ImportPanel })));

export default function MetricsScreen() {
  const { t } = useTranslation();
  const tab = useMetricsUi((s) => s.tab);
  const setTab = useMetricsUi((s) => s.setTab);
  const tabs = useRef<Partial<Record<MetricsTab, HTMLButtonElement | null>>>({});

  const select = (next: MetricsTab, focus: boolean) => {
    setTab(next);
    if (focus) tabs.current[next]?.focus();
  };

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const index = Number(event.code.replace('Digit', '')) - 1;
      const next = METRICS_TABS[index];
      if (!next) return;
      event.preventDefault();
      useMetricsUi.getState().setTab(next);
      tabs.current[next]?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = METRICS_TABS.indexOf(tab);
    const last = METRICS_TABS.length - 1;
    const target =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : event.key === 'Home' ? 0 : event.key === 'End' ? last : null;
    if (target === null) return;
    event.preventDefault();
    select(METRICS_TABS[target]!, true);
  };

  return (
    <>
      <PageHeader title={t('metrics.title')} subtitle={t('metrics.subtitle')} />
      <div className="section-tabs metric-tabs" role="tablist" aria-label={t('metrics.tabs.label')}>
        {METRICS_TABS.map((name, i) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`metrics-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`metrics-panel-${name}`}
            aria-keyshortcuts={`Alt+${i + 1}`}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 'section-tabs__link section-tabs__link--active metric-tabs__tab' : 'section-tabs__link metric-tabs__tab'}
            onClick={() => select(name, false)}
            onKeyDown={onTabKey}
          >
            {t(`metrics.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`metrics-panel-${tab}`} aria-labelledby={`metrics-tab-${tab}`} className="metric-panel">
        {tab === 'overview' ? <OverviewPanel /> : null}
        {tab === 'entry' ? <EntryGrid /> : null}
        {tab === 'definitions' ? <DefinitionsPanel /> : null}
        {tab === 'import' ? (
          <Suspense fallback={<p className="screen-loading" role="status">{t('app.loading')}</p>}>
            <ImportPanel />
          </Suspense>
        ) : null}
      </div>
    </>
  );
}
