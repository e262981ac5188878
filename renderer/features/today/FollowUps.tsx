import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import type { Lead } from '../../../shared/domain/model';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useDb, useLanguage, useSettings, useSystem } from '../../app/services';
import { reportWriteError } from '../../app/write-errors';
import { followUps } from '../../db/follow-ups';
import { changeStage, logContact } from '../../db/leads';
import { formatDateTime } from '../../i18n/format';
import { useToasts } from '../../stores/toasts';
import { instantOfAction } from '../../app/useNow';

/** Shown on Today: at most this many; the rest are one click away in Leads. */
const SHOWN = 8;
const DAY_MS = 86_400_000;

const nameOf = (lead: Lead) => [lead.company, lead.person].filter(Boolean).join(' · ');

/**
 * Leads past the follow-up rule and stale leads, each one click from "contacted" or "drop",
 * because leads from marketing rot when nobody follows them up (DOMAIN "Leads rot").
 */
export function FollowUps({ now }: { now: number }) {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const [dropping, setDropping] = useState<Lead | null>(null);
  // Re-evaluated every few minutes (via `now`) and whenever a lead or its events change.
  const minute = Math.floor(now / 300_000);
  const items = useLiveQuery(
    () => followUps(db, { followUpSlaHours: settings.followUpSlaHours, staleLeadDays: settings.staleLeadDays, timeZone }, minute * 300_000),
    [db, settings.followUpSlaHours, settings.staleLeadDays, timeZone, minute],
  );

  const contacted = async (lead: Lead) => {
    try {
      const at = instantOfAction();
      await logContact(db, lead.id, { channel: 'call', at }, at);
      show({ message: t('today.contacted', { name: nameOf(lead) }), tone: 'success' });
    } catch (error) {
      reportWriteError(error);
    }
  };

  return (
    <section className="card follow-ups" aria-labelledby="follow-ups-title" aria-busy={items === undefined}>
      <h2 id="follow-ups-title">{t('today.followUps')}</h2>
      {items && items.length === 0 ? <p className="muted">{t('today.followUpsEmpty')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="follow-ups__list">
          {items.slice(0, SHOWN).map(({ lead, reason, since }) => (
            <li key={lead.id} className="follow-ups__item">
              <div className="follow-ups__what">
                <Link href={`/leads/lead/${lead.id}`} className="follow-ups__name">
                  {nameOf(lead)}
                </Link>
                <span className={reason === 'overdue' ? 'follow-ups__reason follow-ups__reason--overdue' : 'follow-ups__reason'}>
                  {reason === 'overdue'
                    ? `${t('today.overdue')} · ${t('today.overdueSince', { due: formatDateTime(since, language, timeZone) })}`
                    : t('today.stale', { days: Math.floor((now - since) / DAY_MS) })}
                </span>
                <span className="muted follow-ups__source">{t(`leads.source.${lead.source}`)}</span>
              </div>
              <div className="button-row">
                {reason === 'overdue' ? (
                  <Button onClick={() => void contacted(lead)} aria-label={t('today.markContactedNamed', { name: nameOf(lead) })}>
                    {t('today.markContacted')}
                  </Button>
                ) : null}
                <Button variant="ghost" onClick={() => setDropping(lead)} aria-label={t('today.dropNamed', { name: nameOf(lead) })}>
                  {t('today.drop')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {items && items.length > SHOWN ? (
        <p className="muted">
          <Link href="/leads/list">{t('today.more', { count: items.length - SHOWN })}</Link>
        </p>
      ) : null}
      {dropping ? (
        <DropDialog
          lead={dropping}
          onClose={() => setDropping(null)}
          onDrop={async (reason) => {
            const lead = dropping;
            setDropping(null);
            try {
              const result = await changeStage(db, lead.id, 'dropped', { dropReason: reason }, Date.now(), Date.now());
              if (result.ok) show({ message: t('today.dropped', { name: nameOf(lead) }), tone: 'success' });
            } catch (error) {
              reportWriteError(error);
            }
          }}
        />
      ) : null}
    </section>
  );
}

function DropDialog({ lead, onClose, onDrop }: { lead: Lead; onClose: () => void; onDrop: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog open title={t('today.dropTitle', { name: nameOf(lead) })} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) return setError(t('leads.error.dropReasonRequired'));
          onDrop(reason.trim());
        }}
      >
        <Field label={t('today.dropReason')} error={error}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input"
              value={reason}
              maxLength={500}
              placeholder={t('today.dropReasonPlaceholder')}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                setReason(e.target.value);
                setError(null);
              }}
            />
          )}
        </Field>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="danger">
            {t('today.dropConfirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
