import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, type ContactChannel, type Lead, type LeadEvent } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useDb, useLanguage, useSystem } from '../../../app/services';
import { reportWriteError } from '../../../app/write-errors';
import { deleteContact, logContactUndoable, restoreEvents, undoLoggedContact } from '../../../db/lead-detail';
import { toDateTimeLocal } from '../../../i18n/datetime-input';
import { formatDate, formatTime } from '../../../i18n/format';
import { useToasts } from '../../../stores/toasts';
import { submitOnEnter } from './form-keys';
import { formatRelative, useErrorText } from './lead-text';
import { readPastInstant } from './past-instant';

/**
 * The lead's contact log: a one-line form to log a call, email, visit or meeting (when defaults
 * to now and follows the clock until the user changes it), and the lead's whole history, newest
 * first: stage moves and contacts, each with its date and how long ago it was.
 */
export function ContactLog({ lead, events, now, channelRef }: { lead: Lead; events: readonly LeadEvent[]; now: number; channelRef?: Ref<HTMLSelectElement> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const db = useDb();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const [channel, setChannel] = useState<ContactChannel>('call');
  const [atText, setAtText] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ at?: string | null; note?: string | null }>({});
  const [saving, setSaving] = useState(false);

  const when = (instant: number) => `${formatDate(instant, language, timeZone)} ${formatTime(instant, language, timeZone)}`;
  const justNow = t('leadForm.relative.justNow');

  const save = async () => {
    if (saving) return;
    const clock = Date.now();
    let at = clock;
    if (atText !== null) {
      const read = readPastInstant(atText, timeZone, clock, { at: lead.createdAt, key: 'leadForm.error.beforeCreation' });
      if (!read.ok) return setErrors({ at: errorText(read.key, undefined, { date: read.bound !== undefined ? when(read.bound) : '' }) });
      at = read.at;
    }
    if (note.trim().length > 2000) return setErrors({ note: errorText('validation.tooLong', 'note') });
    setSaving(true);
    try {
      const logged = await logContactUndoable(db, lead.id, { channel, at, note }, clock);
      show({
        message: t('leadForm.contact.logged', { channel: t(`leads.channel.${channel}`) }),
        tone: 'success',
        action: { label: t('common.undo'), run: () => undoLoggedContact(db, logged, Date.now()).catch(reportWriteError) },
      });
      setNote('');
      setAtText(null);
      setErrors({});
    } catch (error) {
      reportWriteError(error);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (event: LeadEvent) => {
    try {
      const removed = await deleteContact(db, event.id);
      if (removed) show({ message: t('leadForm.contact.contactDeleted'), tone: 'info', action: { label: t('common.undo'), run: () => restoreEvents(db, [removed]).catch(reportWriteError) } });
    } catch (error) {
      reportWriteError(error);
    }
  };

  // Newest first; events at the same instant keep their written order, reversed with the rest.
  const newestFirst = [...events].reverse();
  // The shown clock ticks every half minute: an event logged a moment ago must not read "in 20 seconds".
  const shownNow = Math.max(now, ...events.map((e) => e.at));

  return (
    <section className="card lead-log" aria-labelledby="lead-log-title">
      <h2 id="lead-log-title">{t('leadForm.contact.title')}</h2>
      {/* Enter in the fields inside saves (delegated); the form itself is never the target. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        noValidate
        className="lead-log__form"
        aria-label={t('leadForm.contact.add')}
        onKeyDown={(event) => submitOnEnter(event)}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field label={t('leadForm.contact.channel')}>
          {({ id }) => (
            <select id={id} ref={channelRef} className="input" value={channel} onChange={(e) => setChannel(e.target.value as ContactChannel)} aria-keyshortcuts="C">
              {CONTACT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`leads.channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('leadForm.contact.at')} error={errors.at}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input lead-form__when"
              type="datetime-local"
              value={atText ?? toDateTimeLocal(now, timeZone)}
              max={toDateTimeLocal(now, timeZone)}
              min={toDateTimeLocal(lead.createdAt, timeZone)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                setAtText(e.target.value);
                setErrors({});
              }}
            />
          )}
        </Field>
        <div className="lead-log__note">
          <Field label={t('leadForm.field.optional', { label: t('leadForm.contact.note') })} error={errors.note}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input"
                value={note}
                placeholder={t('leadForm.contact.notePlaceholder')}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => {
                  setNote(e.target.value);
                  setErrors({});
                }}
              />
            )}
          </Field>
        </div>
        <Button type="submit" variant="primary" disabled={saving} className="lead-log__save">
          {t('leadForm.contact.save')}
        </Button>
      </form>

      <h3 className="lead-log__heading">{t('leadForm.contact.history')}</h3>
      <ol className="lead-history">
        {newestFirst.map((event) => (
          <li key={event.id} className={`lead-history__item lead-history__item--${event.type}`}>
            <div className="lead-history__main">
              {event.type === 'contact' ? (
                <>
                  <span className="badge lead-history__channel">{t(`leads.channel.${event.channel}`)}</span>
                  {event.note ? <span className="lead-history__note">{event.note}</span> : null}
                </>
              ) : (
                <span className="lead-history__move">
                  {event.from === null
                    ? t('leadForm.contact.created', { stage: t(`leads.stage.${event.to}`) })
                    : t('leadForm.contact.moved', { from: t(`leads.stage.${event.from}`), to: t(`leads.stage.${event.to}`) })}
                </span>
              )}
            </div>
            <time className="lead-history__when" dateTime={new Date(event.at).toISOString()} title={when(event.at)}>
              {when(event.at)} <span className="muted">· {formatRelative(event.at, shownNow, language, justNow)}</span>
            </time>
            {event.type === 'contact' ? (
              <Button
                variant="ghost"
                className="lead-history__delete"
                aria-label={t('leadForm.contact.deleteContactNamed', { channel: t(`leads.channel.${event.channel}`), date: when(event.at) })}
                title={t('leadForm.contact.deleteContact')}
                onClick={() => void remove(event)}
              >
                ×
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
