import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { INITIATIVE_STATUSES, type Initiative, type InitiativeStatus } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { useDb, useLanguage, useSystem } from '../../../app/services';
import { useNow } from '../../../app/useNow';
import { ARCHIVE_FILTERS, leadCountsByInitiative, listInitiatives } from '../../../db/initiatives';
import { formatNumber } from '../../../i18n/format';
import { DeleteInitiativeDialog } from './DeleteInitiativeDialog';
import { InitiativeFormDialog } from './InitiativeFormDialog';
import { periodLabel } from './labels';
import { useInitiativesUi } from './store';
import { useInitiativeActions } from './useInitiativeActions';
import { useShortcut } from './useShortcut';
import './initiatives.css';

/**
 * 施策: every marketing effort with its channel, period, status and the leads it brought, filtered
 * to the active ones by default. N adds one; each row opens the initiative's page.
 */
export default function InitiativesView() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const now = useNow(60_000);
  const { archived, status, dialog, setArchived, setStatus, open, close } = useInitiativesUi();
  const actions = useInitiativeActions();

  const data = useLiveQuery(async () => {
    const [rows, active, archivedCount] = await Promise.all([
      listInitiatives(db, { archived, status }),
      db.initiatives.where('archived').equals(0).count(),
      db.initiatives.where('archived').equals(1).count(),
    ]);
    const leads = await leadCountsByInitiative(
      db,
      rows.map((i) => i.id),
    );
    return { rows, leads, counts: { active, archived: archivedCount, all: active + archivedCount } };
  }, [db, archived, status]);

  useShortcut('n', () => open({ type: 'new' }));
  // A dialog belongs to this visit of the list: leaving the screen closes it.
  useEffect(() => close, [close]);

  const dialogRow = dialog && dialog.type !== 'new' ? data?.rows.find((i) => i.id === dialog.id) : undefined;
  const newButton = (
    <Button variant="primary" onClick={() => open({ type: 'new' })} aria-keyshortcuts="N" title={t('initiatives.shortcut', { keys: 'N' })}>
      {t('initiatives.list.new')}
    </Button>
  );

  let body;
  if (!data) {
    body = (
      <p className="screen-loading" role="status">
        {t('initiatives.loading')}
      </p>
    );
  } else if (data.counts.all === 0) {
    body = (
      <EmptyState title={t('initiatives.empty.title')} body={t('initiatives.empty.body')}>
        {newButton}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className="initiatives-toolbar">
          <fieldset className="segmented">
            <legend className="segmented__legend">{t('initiatives.list.show')}</legend>
            {ARCHIVE_FILTERS.map((filter) => (
              <label key={filter} className={filter === archived ? 'segmented__option segmented__option--active' : 'segmented__option'}>
                <input type="radio" name="initiatives-archived" value={filter} checked={filter === archived} onChange={() => setArchived(filter)} />
                {t('initiatives.list.filterCount', { label: t(`initiatives.list.filter.${filter}`), count: data.counts[filter] })}
              </label>
            ))}
          </fieldset>
          <label className="initiatives-toolbar__status">
            <span>{t('initiatives.list.status')}</span>
            <select className="input" value={status ?? ''} onChange={(e) => setStatus((e.target.value || null) as InitiativeStatus | null)}>
              <option value="">{t('initiatives.list.anyStatus')}</option>
              {INITIATIVE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`initiatives.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="initiatives-toolbar__new">{newButton}</div>
        </div>
        {data.rows.length === 0 ? (
          <div className="initiatives-none">
            <p className="muted">{archived === 'archived' && !status ? t('initiatives.list.noneArchived') : t('initiatives.list.noneMatch')}</p>
            <Button
              onClick={() => {
                setArchived('all');
                setStatus(null);
              }}
            >
              {t('initiatives.list.showAll')}
            </Button>
          </div>
        ) : (
          <table className="data-table initiatives-table" aria-label={t('initiatives.list.label')}>
            <thead>
              <tr>
                <th scope="col">{t('initiatives.list.columns.name')}</th>
                <th scope="col">{t('initiatives.list.columns.channel')}</th>
                <th scope="col">{t('initiatives.list.columns.period')}</th>
                <th scope="col">{t('initiatives.list.columns.status')}</th>
                <th scope="col" className="num">
                  {t('initiatives.list.columns.leads')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('initiatives.list.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((initiative) => (
                <InitiativeRow
                  key={initiative.id}
                  initiative={initiative}
                  leads={data.leads.get(initiative.id) ?? 0}
                  ended={initiative.end <= now}
                  period={periodLabel(initiative, t, language, timeZone)}
                  language={language}
                  onEdit={() => open({ type: 'edit', id: initiative.id })}
                  onArchive={() => void (initiative.archived ? actions.unarchive(initiative) : actions.archive(initiative))}
                  onDelete={() => open({ type: 'delete', id: initiative.id })}
                />
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  }

  return (
    <section className="initiatives" aria-label={t('initiatives.list.label')}>
      {body}
      {dialog?.type === 'new' ? <InitiativeFormDialog now={now} onClose={close} /> : null}
      {dialog?.type === 'edit' && dialogRow ? <InitiativeFormDialog initiative={dialogRow} now={now} onClose={close} /> : null}
      {dialog?.type === 'delete' && dialogRow ? <DeleteInitiativeDialog initiative={dialogRow} onClose={close} /> : null}
    </section>
  );
}

function InitiativeRow({
  initiative,
  leads,
  ended,
  period,
  language,
  onEdit,
  onArchive,
  onDelete,
}: {
  initiative: Initiative;
  leads: number;
  ended: boolean;
  period: string;
  language: ReturnType<typeof useLanguage>;
  onEdit: () => void;
  onArchive: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const stillOpen = ended && (initiative.status === 'running' || initiative.status === 'planned');
  return (
    <tr className={initiative.archived ? 'initiatives-table__row--archived' : undefined}>
      <th scope="row" className="initiatives-table__name">
        <Link href={`/initiatives/${initiative.id}`}>{initiative.name}</Link>
        {initiative.archived ? <span className="badge">{t('initiatives.list.archivedBadge')}</span> : null}
      </th>
      <td>{t(`initiatives.channel.${initiative.channel}`)}</td>
      <td className="initiatives-table__period">{period}</td>
      <td>
        <span className={`status-badge status-badge--${initiative.status}`}>{t(`initiatives.status.${initiative.status}`)}</span>
        {stillOpen ? <span className="initiatives-table__ended"> {t('initiatives.list.ended')}</span> : null}
      </td>
      <td className="num">{formatNumber(leads, language)}</td>
      <td>
        <div className="row-actions" role="group" aria-label={t('initiatives.list.actionsFor', { name: initiative.name })}>
          <Button variant="ghost" onClick={onEdit}>
            {t('initiatives.list.edit')}
          </Button>
          <Button variant="ghost" onClick={onArchive}>
            {t(initiative.archived ? 'initiatives.list.unarchive' : 'initiatives.list.archive')}
          </Button>
          <Button variant="ghost" onClick={onDelete}>
            {t('initiatives.list.delete')}
          </Button>
        </div>
      </td>
    </tr>
  );
}
