import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { dayKey } from '../../../../shared/domain/calendar';
import { LEAD_LIMITS } from '../../../../shared/domain/lead-input';
import type { Lead } from '../../../../shared/domain/model';
import { searchKey } from '../../../../shared/domain/wins';
import { Button } from '../../../components/Button';
import { Dialog, DialogActions } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { useDb, useLanguage, useSystem } from '../../../app/services';
import { useNow } from '../../../app/useNow';
import { reportWriteError } from '../../../app/write-errors';
import { removeBusinessCards, saveBusinessCards, type CardErrors, type CardInput } from '../../../db/lead-detail';
import { openLeads } from '../../../db/leads';
import { fromDateAndTime, toDateInput } from '../../../i18n/datetime-input';
import { formatDate } from '../../../i18n/format';
import { useToasts } from '../../../stores/toasts';
import { isComposing } from './form-keys';
import { useErrorText } from './lead-text';
import './lead-detail.css';

const COLUMNS = ['person', 'company', 'title', 'email', 'phone'] as const;
type Column = (typeof COLUMNS)[number];

interface CardRow extends Record<Column, string> {
  key: number;
  asContact: boolean;
  /** The text of the existing-lead picker; resolved to a lead by its label. */
  leadQuery: string;
}

let nextKey = 1;
const emptyRow = (): CardRow => ({ key: nextKey++, person: '', company: '', title: '', email: '', phone: '', asContact: false, leadQuery: '' });
const isBlank = (row: CardRow) => COLUMNS.every((c) => row[c].trim() === '') && !(row.asContact && row.leadQuery.trim());

/** "ACME — 山田 太郎": how an open lead is named in the picker. */
const labelOf = (lead: Lead) => [lead.company, lead.person].filter(Boolean).join(' — ');

/**
 * Business-card mode, for client visits and trade shows: the exchange date and the event are
 * filled once, then one row per card, typed quickly (Enter moves along the row; in the last field
 * it adds a row). All rows are saved together or none: each becomes a lead from the trade show
 * (source detail = the event, created on the exchange date), or, when ticked, a meeting logged on
 * a lead that already exists (the model has no separate contacts table, so the person is recorded
 * in that contact's note).
 */
export function BusinessCardDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const db = useDb();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const listId = useId();
  const open = useLiveQuery(() => openLeads(db), [db]);
  const today = toDateInput(useNow(60_000), timeZone);
  const [date, setDate] = useState(today);
  const [event, setEvent] = useState('');
  const [rows, setRows] = useState<CardRow[]>(() => [emptyRow()]);
  const [rowErrors, setRowErrors] = useState<Record<number, CardErrors>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  /** A card row whose name should take focus once it is on screen (a row just added or removed). */
  const pendingFocus = useRef<number | null>(null);

  // Open leads by label (the picker's options) and by company (to point out a card from a company already in the pipeline).
  const { byLabel, byCompany, labels } = useMemo(() => {
    const byLabel = new Map<string, Lead>();
    const byCompany = new Map<string, Lead>();
    const sorted = [...(open ?? [])].sort((a, b) => labelOf(a).localeCompare(labelOf(b)));
    for (const lead of sorted) {
      let label = labelOf(lead);
      // Two open leads with the same names are told apart by their creation date.
      if (byLabel.has(label)) label = `${label} (${formatDate(lead.createdAt, language, timeZone)})`;
      byLabel.set(label, lead);
      if (lead.company && !byCompany.has(searchKey(lead.company).trim())) byCompany.set(searchKey(lead.company).trim(), lead);
    }
    return { byLabel, byCompany, labels: [...byLabel.keys()] };
  }, [open, language, timeZone]);
  const labelOfLead = (lead: Lead) => [...byLabel.entries()].find(([, l]) => l.id === lead.id)?.[0] ?? labelOf(lead);

  const focusName = (key: number) => formRef.current?.querySelector<HTMLInputElement>(`[data-card="${key}"][data-column="person"]`)?.focus();

  useEffect(() => {
    if (pendingFocus.current === null) return;
    focusName(pendingFocus.current);
    pendingFocus.current = null;
  }, [rows]);

  const update = (key: number, change: Partial<CardRow>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
    setRowErrors((current) => {
      if (!current[key]) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });
    setFormError(null);
  };

  const addRow = () => {
    const row = emptyRow();
    pendingFocus.current = row.key;
    setRows((current) => [...current, row]);
  };

  const removeRow = (key: number) => {
    const index = rows.findIndex((r) => r.key === key);
    const rest = rows.filter((r) => r.key !== key);
    const next = rest.length ? rest : [emptyRow()];
    pendingFocus.current = (next[Math.min(index, next.length - 1)] ?? next[0]!).key;
    setRows(next);
  };

  /** When the cards were exchanged: now for today, midday for an earlier day (the hour is not known). */
  const exchangeInstant = (now: number): number | null => {
    if (date === today) return now;
    const noon = fromDateAndTime(date, '12:00', timeZone);
    if (noon === null) return null;
    return noon;
  };

  const save = async () => {
    if (saving) return;
    const now = Date.now();
    setFormError(null);
    const at = exchangeInstant(now);
    if (at === null) return setDateError(t('leadForm.error.dateInvalid'));
    if (dayKey(at, timeZone) > dayKey(now, timeZone)) return setDateError(t('leadForm.error.inFuture'));
    const filled = rows.filter((row) => !isBlank(row));
    if (filled.length === 0) return setFormError(t('leadForm.cards.nothing'));
    const place = event.trim();
    const cards: CardInput[] = filled.map((row) => {
      if (row.asContact) {
        const details = [row.person.trim(), row.title.trim(), row.company.trim(), row.email.trim(), row.phone.trim()].filter(Boolean).join(' · ');
        return {
          kind: 'contact',
          leadId: byLabel.get(row.leadQuery.trim())?.id ?? '',
          person: row.person,
          company: row.company,
          note: place ? t('leadForm.cards.contactNote', { event: place, details }) : t('leadForm.cards.contactNoteNoEvent', { details }),
        };
      }
      return {
        kind: 'lead',
        draft: {
          person: row.person,
          company: row.company,
          title: row.title,
          email: row.email,
          phone: row.phone,
          source: 'trade-show',
          sourceDetail: place,
          note: place ? t('leadForm.cards.note', { event: place }) : t('leadForm.cards.noteNoEvent'),
        },
      };
    });
    setSaving(true);
    try {
      const result = await saveBusinessCards(db, cards, at, now);
      if (!result.ok) {
        const errors: Record<number, CardErrors> = {};
        for (const { row, errors: e } of result.rowErrors) errors[filled[row]!.key] = e;
        setRowErrors(errors);
        setFormError(t('leadForm.cards.blocked'));
        // To the first card to fix, so the keyboard is where the work is.
        focusName(filled[result.rowErrors[0]!.row]!.key);
        return;
      }
      const count = result.saved.leads.length + result.saved.contacts.length;
      show({
        message: t('leadForm.cards.saved', { count }),
        tone: 'success',
        action: { label: t('common.undo'), run: () => removeBusinessCards(db, result.saved, Date.now()).catch(reportWriteError) },
      });
      onClose();
    } catch (error) {
      reportWriteError(error);
    } finally {
      setSaving(false);
    }
  };

  /** Enter moves along a row, and from its last field to a new row; Ctrl/Cmd+Enter saves everything. */
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || isComposing(e) || e.altKey) return;
    const target = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
      return;
    }
    if (target instanceof HTMLButtonElement) return;
    e.preventDefault();
    const card = target.dataset.card;
    const column = target.dataset.column;
    if (card === undefined) {
      // The exchange fields (the date is usually today): on to the first card.
      if (rows[0]) focusName(rows[0].key);
      return;
    }
    const key = Number(card);
    const index = rows.findIndex((r) => r.key === key);
    const row = rows[index];
    if (!row) return;
    const order = [...COLUMNS, ...(row.asContact ? ['lead'] : [])];
    const next = order[order.indexOf(column ?? '') + 1];
    if (next) {
      formRef.current?.querySelector<HTMLInputElement>(`[data-card="${key}"][data-column="${next}"]`)?.focus();
    } else if (index === rows.length - 1) {
      addRow();
    } else {
      focusName(rows[index + 1]!.key);
    }
  };

  const filledCount = rows.filter((row) => !isBlank(row)).length;
  const columnLabel = (c: Column) => t(`leadForm.cards.${c === 'person' ? 'name' : c === 'title' ? 'jobTitle' : c}`);

  return (
    <Dialog open title={t('leadForm.cards.title')} description={t('leadForm.cards.intro')} onClose={onClose} wide>
      {/* Keys are handled for the fields inside (delegated); the form itself is never the target. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        ref={formRef}
        noValidate
        className="lead-form cards-form"
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="form-row cards-form__exchange">
          <Field label={t('leadForm.cards.event')}>
            {({ id }) => (
              <input
                id={id}
                className="input"
                data-exchange="event"
                value={event}
                maxLength={LEAD_LIMITS.name}
                placeholder={t('leadForm.cards.eventPlaceholder')}
                onChange={(e) => setEvent(e.target.value)}
                // The event is typed first; the date next to it is usually today.
                // eslint-disable-next-line jsx-a11y/no-autofocus
                autoFocus
              />
            )}
          </Field>
          <Field label={t('leadForm.cards.date')} error={dateError}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input"
                type="date"
                data-exchange="date"
                value={date}
                max={today}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => {
                  setDate(e.target.value);
                  setDateError(null);
                }}
              />
            )}
          </Field>
        </div>

        <div className="cards-form__rows">
          <div className="cards-form__head" aria-hidden="true">
            {COLUMNS.map((c) => (
              <span key={c}>{columnLabel(c)}</span>
            ))}
            <span />
          </div>
          {rows.map((row, index) => {
            const errors = rowErrors[row.key];
            const n = index + 1;
            const match = !row.asContact && row.company.trim() ? byCompany.get(searchKey(row.company).trim()) : undefined;
            const messages = errors
              ? [...new Set(Object.entries(errors).map(([field, key]) => errorText(key, field)))].filter((m): m is string => Boolean(m))
              : [];
            const errorId = `${listId}-card-${row.key}-error`;
            return (
              <div key={row.key} role="group" aria-label={t('leadForm.cards.card', { n })} className={`cards-form__card${errors ? ' cards-form__card--invalid' : ''}`}>
                <div className="cards-form__fields">
                  {COLUMNS.map((c) => (
                    <input
                      key={c}
                      className="input"
                      data-card={row.key}
                      data-column={c}
                      type={c === 'email' ? 'email' : c === 'phone' ? 'tel' : 'text'}
                      autoComplete="off"
                      aria-label={columnLabel(c)}
                      aria-invalid={Boolean(errors && (errors[c] || (errors.name && (c === 'person' || c === 'company'))))}
                      aria-describedby={errors ? errorId : undefined}
                      value={row[c]}
                      onChange={(e) => update(row.key, { [c]: e.target.value })}
                    />
                  ))}
                  <Button variant="ghost" className="cards-form__remove" aria-label={t('leadForm.cards.remove', { n })} title={t('leadForm.cards.remove', { n })} onClick={() => removeRow(row.key)}>
                    ×
                  </Button>
                </div>
                <div className="cards-form__options">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={row.asContact}
                      onChange={(e) => update(row.key, { asContact: e.target.checked, leadQuery: e.target.checked && !row.leadQuery && match ? labelOfLead(match) : row.leadQuery })}
                    />{' '}
                    {t('leadForm.cards.asContact')}
                  </label>
                  {row.asContact ? (
                    <input
                      className="input cards-form__lead"
                      list={`${listId}-leads`}
                      data-card={row.key}
                      data-column="lead"
                      autoComplete="off"
                      aria-label={t('leadForm.cards.existingLead')}
                      aria-invalid={Boolean(errors?.lead)}
                      aria-describedby={errors ? errorId : undefined}
                      placeholder={t('leadForm.cards.existingPlaceholder')}
                      value={row.leadQuery}
                      onChange={(e) => update(row.key, { leadQuery: e.target.value })}
                    />
                  ) : match ? (
                    <span className="muted cards-form__match">{t('leadForm.cards.matchHint', { company: match.company })}</span>
                  ) : null}
                </div>
                {messages.length ? (
                  <p className="field__error" id={errorId} role="alert">
                    {messages.join(' ')}
                  </p>
                ) : null}
              </div>
            );
          })}
          {/* Only while a card is a contact: thousands of open leads need not sit in the page otherwise. */}
          {rows.some((row) => row.asContact) ? (
            <datalist id={`${listId}-leads`}>
              {labels.map((label) => (
                <option key={label} value={label} />
              ))}
            </datalist>
          ) : null}
          <Button onClick={addRow} className="cards-form__add">
            + {t('leadForm.cards.add')}
          </Button>
        </div>

        {formError ? (
          <p className="field__error" role="alert">
            {formError}
          </p>
        ) : null}
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={saving} aria-keyshortcuts="Control+Enter">
            {t('leadForm.cards.save', { count: filledCount })}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
