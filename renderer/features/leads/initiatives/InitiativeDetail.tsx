import { useId, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { initiativeResults, sourceOfChannel, type InitiativeResults } from '../../../../shared/domain/initiative-results';
import type { Initiative, Lead } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { useDb, useLanguage, useSettings, useSystem } from '../../../app/services';
import { useNow } from '../../../app/useNow';
import { initiativeRows } from '../../../db/initiatives';
import { formatDate, formatDuration, formatMoney, formatNumber, formatRatio } from '../../../i18n/format';
import { useLeadsUi } from '../../../stores/leads';
import { DeleteInitiativeDialog } from './DeleteInitiativeDialog';
import { InitiativeFormDialog } from './InitiativeFormDialog';
import { leadName, periodLabel } from './labels';
import { useInitiativeActions } from './useInitiativeActions';
import { useShortcut } from './useShortcut';
import './initiatives.css';

const DASH = '—';

/**
 * One initiative's page: what it produced (hours, leads, opportunities, deals, revenue, cost per
 * result, small wins) and the list of its leads. E edits it.
 */
export default function InitiativeDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const now = useNow(60_000);
  const [, navigate] = useLocation();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const rows = useLiveQuery(() => initiativeRows(db, id), [db, id]);
  const results = useMemo(() => (rows ? initiativeResults(rows, now) : null), [rows, now]);
  useShortcut('e', () => setDialog('edit'), Boolean(rows));

  if (rows === undefined) {
    return (
      <p className="screen-loading" role="status">
        {t('initiatives.loading')}
      </p>
    );
  }
  if (rows === null || !results) {
    return (
      <EmptyState title={t('initiatives.detail.notFoundTitle')} body={t('initiatives.detail.notFoundBody')}>
        <Link href="/initiatives" className="btn btn--secondary">
          {t('initiatives.detail.back')}
        </Link>
      </EmptyState>
    );
  }
  const { initiative } = rows;
  return (
    <article className="initiative" aria-labelledby="initiative-title">
      <Link href="/initiatives" className="initiative__back">
        ← {t('initiatives.detail.back')}
      </Link>
      <InitiativeHeader initiative={initiative} onEdit={() => setDialog('edit')} onDelete={() => setDialog('delete')} />
      <Produced initiative={initiative} results={results} />
      <WinsOfInitiative results={results} />
      <LeadsOfInitiative leads={rows.leads} />
      <details className="definitions">
        <summary>{t('initiatives.detail.definitions')}</summary>
        <p>{t('initiatives.detail.definitionsBody')}</p>
      </details>
      {dialog === 'edit' ? <InitiativeFormDialog initiative={initiative} now={now} onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? <DeleteInitiativeDialog initiative={initiative} onClose={() => setDialog(null)} onDeleted={() => navigate('/initiatives')} /> : null}
    </article>
  );
}

function InitiativeHeader({ initiative, onEdit, onDelete }: { initiative: Initiative; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const actions = useInitiativeActions();
  const openLeadDialog = useLeadsUi((s) => s.open);
  return (
    <header className="initiative__head">
      <div className="initiative__title">
        <h2 id="initiative-title">{initiative.name}</h2>
        <p className="initiative__meta">
          <span className="badge">{t(`initiatives.channel.${initiative.channel}`)}</span>
          <span className={`status-badge status-badge--${initiative.status}`}>{t(`initiatives.status.${initiative.status}`)}</span>
          {initiative.archived ? <span className="badge">{t('initiatives.list.archivedBadge')}</span> : null}
          <span>{periodLabel(initiative, t, language, timeZone)}</span>
        </p>
        <p className="initiative__goal">
          <strong>{t('initiatives.detail.goal')}: </strong>
          {initiative.goal ?? <span className="muted">{t('initiatives.detail.noGoal')}</span>}
          {initiative.targetNumber !== undefined ? (
            <span className="initiative__target"> · {t('initiatives.detail.target', { target: formatNumber(initiative.targetNumber, language) })}</span>
          ) : null}
        </p>
      </div>
      <div className="button-row initiative__actions">
        <Button onClick={onEdit} aria-keyshortcuts="E" title={t('initiatives.shortcut', { keys: 'E' })}>
          {t('initiatives.detail.edit')}
        </Button>
        <Button onClick={() => openLeadDialog({ type: 'quick-add', initial: { source: sourceOfChannel(initiative.channel), initiativeId: initiative.id } })}>
          {t('initiatives.detail.addLead')}
        </Button>
        <Button onClick={() => void (initiative.archived ? actions.unarchive(initiative) : actions.archive(initiative))}>
          {t(initiative.archived ? 'initiatives.list.unarchive' : 'initiatives.list.archive')}
        </Button>
        <Button variant="ghost" onClick={onDelete}>
          {t('initiatives.list.delete')}
        </Button>
      </div>
    </header>
  );
}

/** One figure: its name (dt), its value (the first dd) and what explains it (more dd). */
function Figure({ label, value, children, tone }: { label: string; value: string; children?: ReactNode; tone?: 'marketing' | 'ratio' }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd className={tone ? `figure__value figure__value--${tone}` : 'figure__value'}>{value}</dd>
      {children ? <dd className="figure__detail">{children}</dd> : null}
    </div>
  );
}

function Produced({ initiative, results }: { initiative: Initiative; results: InitiativeResults }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { currency } = useSettings();
  const headingId = useId();
  const money = (value: number | null) => (value === null ? DASH : formatMoney(value, currency, language));
  const count = (value: number) => formatNumber(value, language);
  const { hours } = results;
  const hasCost = initiative.cost !== undefined;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('initiatives.detail.produced')}</h3>
      <dl className="figures">
        <Figure label={t('initiatives.detail.hours')} value={formatDuration(hours.spentMs, language)} tone="marketing">
          <span>{t('initiatives.detail.hoursMarketing', { time: formatDuration(hours.marketingMs, language) })}</span>
          {hours.salesMs > 0 ? <span>{t('initiatives.detail.hoursSales', { time: formatDuration(hours.salesMs, language) })}</span> : null}
          {hours.interruptionMs > 0 ? <span className="figure__warning">{t('initiatives.detail.interruptions', { time: formatDuration(hours.interruptionMs, language) })}</span> : null}
        </Figure>
        <Figure
          label={t('initiatives.detail.planned')}
          value={hours.planned ? formatRatio(hours.planned, language, (h) => formatDuration(Math.round(h * 3_600_000), language)) : DASH}
          tone={hours.planned ? 'ratio' : undefined}
        >
          {hours.planned ? null : t('initiatives.detail.noPlan')}
        </Figure>
        <Figure label={t('initiatives.detail.leads')} value={count(results.leads)} />
        <Figure label={t('initiatives.detail.opportunities')} value={count(results.opportunities)}>
          {t('initiatives.detail.leadToOpportunity', { ratio: formatRatio(results.leadToOpportunity, language) })}
        </Figure>
        <Figure label={t('initiatives.detail.won')} value={count(results.won)}>
          {t('initiatives.detail.winRate', { ratio: formatRatio(results.winRate, language) })}
          {results.openOpportunities > 0 ? <span>{t('initiatives.detail.openOpportunities', { count: results.openOpportunities })}</span> : null}
        </Figure>
        <Figure label={t('initiatives.detail.revenue')} value={money(results.revenue)}>
          {results.wonWithoutValue > 0 ? <span className="figure__warning">{t('initiatives.detail.missingValue', { count: results.wonWithoutValue })}</span> : null}
        </Figure>
        <Figure label={t('initiatives.detail.cost')} value={hasCost ? money(initiative.cost ?? null) : DASH}>
          {hasCost ? null : t('initiatives.detail.noCost')}
        </Figure>
        {hasCost ? (
          <>
            <Figure label={t('initiatives.detail.costPerLead')} value={money(results.costPerLead)} />
            <Figure label={t('initiatives.detail.costPerOpportunity')} value={money(results.costPerOpportunity)} />
            <Figure label={t('initiatives.detail.costPerDeal')} value={money(results.costPerDeal)} />
          </>
        ) : null}
      </dl>
    </section>
  );
}

function WinsOfInitiative({ results }: { results: InitiativeResults }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const headingId = useId();
  return (
    <section className="card initiative__wins" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('initiatives.detail.wins')} <span className="muted initiative__count">{t('initiatives.detail.winsCount', { count: results.wins.count })}</span>
      </h3>
      {results.wins.count === 0 ? (
        <p className="muted">{t('initiatives.detail.noWins')}</p>
      ) : (
        <ul className="initiative__win-list">
          {results.wins.latest.map((win) => (
            <li key={win.id}>
              <span className="muted">{formatDate(win.at, language, timeZone)}</span> {win.starred ? '★ ' : ''}
              {win.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LeadsOfInitiative({ leads }: { leads: readonly Lead[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { currency } = useSettings();
  const { timeZone } = useSystem();
  const headingId = useId();
  const sorted = useMemo(() => [...leads].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1)), [leads]);
  return (
    <section className="card initiative__leads" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('initiatives.detail.leadList')} <span className="muted initiative__count">{formatNumber(leads.length, language)}</span>
      </h3>
      {sorted.length === 0 ? (
        <p className="muted">{t('initiatives.detail.noLeads')}</p>
      ) : (
        <div className="initiative__table-wrap">
          <table className="data-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('initiatives.detail.leadColumns.lead')}</th>
                <th scope="col">{t('initiatives.detail.leadColumns.source')}</th>
                <th scope="col">{t('initiatives.detail.leadColumns.stage')}</th>
                <th scope="col">{t('initiatives.detail.leadColumns.created')}</th>
                <th scope="col" className="num">
                  {t('initiatives.detail.leadColumns.value')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((lead) => (
                <tr key={lead.id}>
                  <th scope="row">
                    <Link href={`/lead/${lead.id}`}>{leadName(lead, t)}</Link>
                  </th>
                  <td className="nowrap">{t(`leads.source.${lead.source}`)}</td>
                  <td className="nowrap">
                    <span className={`stage-badge stage-badge--${lead.stage}`}>{t(`leads.stage.${lead.stage}`)}</span>
                  </td>
                  <td className="num">{formatDate(lead.createdAt, language, timeZone)}</td>
                  <td className="num">{lead.value === undefined ? '' : formatMoney(lead.value, currency, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
