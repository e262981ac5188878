import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'wouter';
import { becameOpportunityAt, followUpDueAt, isStale, lastContactAt, leadFacts, originOf } from '../../../../shared/domain/leads';
import { OPPORTUNITY_STAGES, type Lead, type LeadEvent, type LeadStage } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { useDb, useLanguage, useSettings, useSystem } from '../../../app/services';
import { useNow } from '../../../app/useNow';
import { reportWriteError } from '../../../app/write-errors';
import { readLeadDetail, revertStageChange } from '../../../db/lead-detail';
import { changeStage, deleteLead, restoreLead } from '../../../db/leads';
import { formatDate, formatMoney, formatTime } from '../../../i18n/format';
import { useToasts } from '../../../stores/toasts';
import { ContactLog } from './ContactLog';
import { LeadEditDialog } from './LeadEditDialog';
import { formatRelative, leadName } from './lead-text';
import { StageBar } from './StageBar';
import { StageChangeDialog } from './StageChangeDialog';
import { openWinCapture, winOfferFor } from './suggest-win';
import './lead-detail.css';

type SlaState = 'due' | 'met' | 'late' | 'overdue';

/**
 * One lead, everything about it: who, where it came from (source, detail, origin, initiative),
 * the stage bar, the details, the follow-up rule's status, the outcome of a closed deal, and the
 * contact log with the whole history. Keys: E edits, C goes to the contact form.
 */
export default function LeadDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const data = useLiveQuery(() => readLeadDetail(db, id), [db, id]);

  if (data === undefined) {
    return (
      <p className="screen-loading" role="status">
        {t('leadForm.detail.loading')}
      </p>
    );
  }
  if (data === null) {
    return (
      <EmptyState title={t('leadForm.detail.notFoundTitle')} body={t('leadForm.detail.notFoundBody')}>
        <Link href="~/leads/list" className="btn btn--primary">
          {t('leadForm.detail.backToList')}
        </Link>
      </EmptyState>
    );
  }
  return <LeadPage key={data.lead.id} lead={data.lead} events={data.events} initiativeName={data.initiative?.name ?? null} />;
}

function LeadPage({ lead, events, initiativeName }: { lead: Lead; events: LeadEvent[]; initiativeName: string | null }) {
  const { t } = useTranslation();
  const db = useDb();
  const settings = useSettings();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const now = useNow(30_000);
  const show = useToasts((s) => s.show);
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState<LeadStage | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [moving, setMoving] = useState(false);
  const channelSelect = useRef<HTMLSelectElement>(null);

  const when = (instant: number) => `${formatDate(instant, language, timeZone)} ${formatTime(instant, language, timeZone)}`;
  const justNow = t('leadForm.relative.justNow');
  const name = leadName(lead);

  // E edits, C goes to the contact form: single keys, only when no field or dialog has the keyboard.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (key === 'e') {
        event.preventDefault();
        setEditing(true);
      } else if (key === 'c') {
        event.preventDefault();
        channelSelect.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const moveTo = async (to: LeadStage) => {
    if (to === 'won' || to === 'lost' || to === 'dropped') return setClosing(to);
    setMoving(true);
    try {
      const clock = Date.now();
      const before = lead;
      const result = await changeStage(db, lead.id, to, {}, clock, clock);
      if (!result.ok) return;
      show({
        message: t('leadForm.detail.moved', { stage: t(`leads.stage.${to}`) }),
        tone: 'success',
        // Undo is a change back (see revertStageChange): the history keeps both moves, honestly.
        action: { label: t('common.undo'), run: () => revertStageChange(db, before, Date.now()).then(() => undefined, reportWriteError) },
      });
      if (OPPORTUNITY_STAGES.includes(to) && becameOpportunityAt(events) === null) {
        const offer = await winOfferFor(db, { kind: 'lead-opportunity', lead: result.lead, at: clock }, settings, language, t);
        if (offer) show({ message: offer.message, tone: 'info', action: { label: offer.action, run: () => openWinCapture(offer.prefill) } });
      }
    } catch (error) {
      reportWriteError(error);
    } finally {
      setMoving(false);
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    try {
      const deleted = await deleteLead(db, lead.id);
      navigate('~/leads/list');
      if (deleted) {
        show({
          message: t('leadForm.detail.deleted', { name }),
          tone: 'info',
          action: {
            label: t('common.undo'),
            run: async () => {
              await restoreLead(db, deleted).catch(reportWriteError);
              navigate(`~/leads/lead/${deleted.lead.id}`);
            },
          },
        });
      }
    } catch (error) {
      reportWriteError(error);
    }
  };

  // Follow-up: the SLA (business time in the user's zone), the last contact and staleness.
  const facts = leadFacts(lead, events);
  const due = followUpDueAt(lead, settings.followUpSlaHours, timeZone);
  const first = facts.firstContactAt;
  const sla: SlaState = first !== null ? (first <= due ? 'met' : 'late') : now > due ? 'overdue' : 'due';
  const slaText =
    sla === 'met'
      ? t('leadForm.detail.slaMet', { date: when(first!) })
      : sla === 'late'
        ? t('leadForm.detail.slaLate', { date: when(first!), due: when(due) })
        : sla === 'overdue'
          ? t('leadForm.detail.slaOverdue', { date: when(due) })
          : t('leadForm.detail.slaDue', { date: when(due) });
  const contacted = first !== null || facts.contacts.length > 0;
  const lastContact = lastContactAt(lead, events, now);
  const stale = isStale(lead, events, settings.staleLeadDays, now);
  const origin = originOf(lead.source, settings.sourceOrigins);
  const closed = lead.stage === 'won' || lead.stage === 'lost' || lead.stage === 'dropped';

  const dash = <span className="muted">{t('leadForm.detail.notSet')}</span>;
  const item = (label: string, value: ReactNode) => (
    <div className="lead-facts__item">
      <dt>{label}</dt>
      <dd>{value ?? dash}</dd>
    </div>
  );
  const day = (instant: number | undefined) => (instant === undefined ? null : formatDate(instant, language, timeZone));

  return (
    <div className="lead-page">
      <Link href="~/leads/list" className="lead-page__back">
        ← {t('leadForm.detail.back')}
      </Link>

      <section className="card lead-head" aria-labelledby="lead-title">
        <div className="lead-head__top">
          <div className="lead-head__who">
            <h2 id="lead-title" className="lead-head__title">
              {lead.company || lead.person}
            </h2>
            {lead.company && (lead.person || lead.title) ? <p className="lead-head__person">{[lead.person, lead.title].filter(Boolean).join(' · ')}</p> : null}
          </div>
          <div className="button-row">
            <Button onClick={() => setEditing(true)} aria-keyshortcuts="E">
              {t('leadForm.detail.edit')}
            </Button>
            <Button variant="ghost" className="lead-head__delete" onClick={() => setConfirmDelete(true)}>
              {t('leadForm.detail.delete')}
            </Button>
          </div>
        </div>
        <div className="lead-head__line">
          <span className={`lead-stage lead-stage--${lead.stage}`}>{t(`leads.stage.${lead.stage}`)}</span>
          <span className={`lead-sla lead-sla--${sla}`}>{t(`leadForm.detail.slaBadge.${sla}`)}</span>
          {stale ? (
            <span className="lead-stale" title={t('leadForm.detail.staleHint', { days: settings.staleLeadDays })}>
              {t('leadForm.detail.stale')}
            </span>
          ) : null}
          <dl className="lead-head__meta">
            <div>
              <dt>{t('leadForm.detail.source')}</dt>
              <dd>
                {t(`leads.source.${lead.source}`)}
                {lead.sourceDetail ? <span className="muted"> — {lead.sourceDetail}</span> : null}{' '}
                <span className={`kind-badge kind-badge--${origin}`}>{t(`leads.origin.${origin}`)}</span>
              </dd>
            </div>
            {lead.initiativeId ? (
              <div>
                <dt>{t('leadForm.detail.initiative')}</dt>
                <dd>{initiativeName !== null ? <Link href={`~/leads/initiatives/${lead.initiativeId}`}>{initiativeName}</Link> : dash}</dd>
              </div>
            ) : null}
          </dl>
          <span className="lead-head__created muted">{t('leadForm.detail.created', { date: formatDate(lead.createdAt, language, timeZone) })}</span>
        </div>
      </section>

      <StageBar stage={lead.stage} disabled={moving} onMove={(to) => void moveTo(to)} />

      <div className="lead-page__columns">
        <div className="lead-page__side">
          <section className="card" aria-labelledby="lead-details-title">
            <h2 id="lead-details-title">{t('leadForm.detail.details')}</h2>
            <dl className="lead-facts">
              {item(t('leadForm.field.value'), lead.value !== undefined ? <strong className="lead-facts__money">{formatMoney(lead.value, settings.currency, language)}</strong> : null)}
              {item(t('leadForm.field.expectedCloseAt'), day(lead.expectedCloseAt))}
              {item(t('leadForm.field.nextActionAt'), day(lead.nextActionAt))}
              {item(t('leadForm.field.title'), lead.title)}
              {item(t('leadForm.field.email'), lead.email ? <span className="lead-facts__wrap">{lead.email}</span> : null)}
              {item(t('leadForm.field.phone'), lead.phone)}
              {item(t('leadForm.field.note'), lead.note ? <span className="lead-facts__note">{lead.note}</span> : null)}
            </dl>
          </section>

          <section className="card" aria-labelledby="lead-follow-title">
            <h2 id="lead-follow-title">{t('leadForm.detail.followUp')}</h2>
            <dl className="lead-facts">
              {item(t('leadForm.detail.slaRule'), <span className={`lead-sla-text lead-sla-text--${sla}`}>{slaText}</span>)}
              {item(
                t('leadForm.detail.lastContact'),
                contacted ? (
                  <>
                    {formatRelative(lastContact, Math.max(now, lastContact), language, justNow)} <span className="muted">({when(lastContact)})</span>
                  </>
                ) : (
                  t('leadForm.detail.noContact')
                ),
              )}
            </dl>
            {stale ? <p className="lead-stale-hint">{t('leadForm.detail.staleHint', { days: settings.staleLeadDays })}</p> : null}
          </section>

          {closed ? (
            <section className="card" aria-labelledby="lead-outcome-title">
              <h2 id="lead-outcome-title">{t('leadForm.detail.outcome')}</h2>
              <dl className="lead-facts">
                {lead.stage === 'lost' ? item(t('leadForm.detail.lossReason'), lead.lossReason ? t(`leads.lossReason.${lead.lossReason}`) : null) : null}
                {lead.stage !== 'dropped' ? item(t('leadForm.detail.decisionMoment'), lead.decisionMoment ? <span className="lead-facts__note">{lead.decisionMoment}</span> : null) : null}
                {lead.stage === 'lost' ? item(t('leadForm.detail.lesson'), lead.lesson ? <span className="lead-facts__note">{lead.lesson}</span> : null) : null}
                {lead.stage === 'dropped' ? item(t('leadForm.detail.dropReason'), lead.dropReason ? <span className="lead-facts__note">{lead.dropReason}</span> : null) : null}
              </dl>
            </section>
          ) : null}
        </div>

        <ContactLog lead={lead} events={events} now={now} channelRef={channelSelect} />
      </div>

      <p className="lead-page__keys muted">{t('leadForm.detail.shortcuts')}</p>

      {editing ? <LeadEditDialog lead={lead} onClose={() => setEditing(false)} /> : null}
      {closing ? <StageChangeDialog lead={lead} to={closing} onClose={() => setClosing(null)} /> : null}
      <ConfirmDialog
        open={confirmDelete}
        title={t('leadForm.detail.confirmDeleteTitle')}
        body={t('leadForm.detail.confirmDeleteBody', { name })}
        confirmLabel={t('leadForm.detail.delete')}
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      />
    </div>
  );
}
