import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { useLeadsUi } from '../../stores/leads';
import { QuickAddLeadDialog } from './detail/QuickAddLeadDialog';
import { BusinessCardDialog } from './detail/BusinessCardDialog';

// Each section loads when first opened; the board and list are heavy with 20,000 leads.
const BoardView = lazy(() => import('./board/BoardView'));
const ListView = lazy(() => import('./list/ListView'));
const LeadDetail = lazy(() => import('./detail/LeadDetail'));
const InitiativesView = lazy(() => import('./initiatives/InitiativesView'));
const InitiativeDetail = lazy(() => import('./initiatives/InitiativeDetail'));
const GoalsView = lazy(() => import('./goals/GoalsView'));
const CsvView = lazy(() => import('./csv/CsvView'));

const SECTIONS = ['board', 'list', 'initiatives', 'goals', 'csv'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * Leads, initiatives and goals: where every lead came from and what it became. The sections are
 * nested routes under /leads, so each has its own address (and the browser's back works).
 */
export default function LeadsScreen() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const dialog = useLeadsUi((s) => s.dialog);
  const openDialog = useLeadsUi((s) => s.open);
  const closeDialog = useLeadsUi((s) => s.close);
  const section = SECTIONS.find((s) => location === `/${s}` || location.startsWith(`/${s}/`));
  return (
    <>
      <PageHeader
        title={t('leads.title')}
        actions={
          <div className="button-row">
            <Button onClick={() => openDialog({ type: 'business-cards' })}>{t('leads.businessCards')}</Button>
            <Button variant="primary" onClick={() => openDialog({ type: 'quick-add' })} aria-keyshortcuts="Control+L">
              {t('leads.quickAdd')}
            </Button>
          </div>
        }
      />
      <nav className="section-tabs" aria-label={t('leads.sections')}>
        {SECTIONS.map((s) => (
          <Link key={s} href={`/${s}`} className={section === s ? 'section-tabs__link section-tabs__link--active' : 'section-tabs__link'} aria-current={section === s ? 'page' : undefined}>
            {t(`leads.section.${s}` as `leads.section.${Section}`)}
          </Link>
        ))}
      </nav>
      <Suspense fallback={<p className="screen-loading" role="status">{t('app.loading')}</p>}>
        <Switch>
          <Route path="/board" component={BoardView} />
          <Route path="/list" component={ListView} />
          <Route path="/initiatives/:id">{(params) => <InitiativeDetail id={params.id} />}</Route>
          <Route path="/initiatives" component={InitiativesView} />
          <Route path="/goals" component={GoalsView} />
          <Route path="/csv" component={CsvView} />
          <Route path="/lead/:id">{(params) => <LeadDetail id={params.id} />}</Route>
          <Route>
            <Redirect to="/board" replace />
          </Route>
        </Switch>
      </Suspense>
      {dialog?.type === 'quick-add' ? <QuickAddLeadDialog initial={dialog.initial} onClose={closeDialog} /> : null}
      {dialog?.type === 'business-cards' ? <BusinessCardDialog onClose={closeDialog} /> : null}
    </>
  );
}
