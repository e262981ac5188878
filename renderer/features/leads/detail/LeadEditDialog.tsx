import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { dayKey } from '../../../../shared/domain/calendar';
import type { LeadDraft } from '../../../../shared/domain/lead-input';
import { LOSS_REASONS, SOURCE_IDS, type Lead, type LossReason, type SourceId } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { Dialog, DialogActions } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { useDb, useLanguage, useSettings, useSystem } from '../../../app/services';
import { reportWriteError } from '../../../app/write-errors';
import { activeInitiatives, saveLeadEdit, type OutcomeDetails } from '../../../db/lead-detail';
import { fromDateAndTime, toDateInput } from '../../../i18n/datetime-input';
import { useToasts } from '../../../stores/toasts';
import { submitOnEnter } from './form-keys';
import { useErrorText } from './lead-text';
import { MoneyField } from './MoneyField';
import { moneyInputText, parseMoneyInput } from './money';

type TextField = 'company' | 'person' | 'title' | 'email' | 'phone' | 'sourceDetail' | 'note';
type ErrorField = TextField | 'name' | 'source' | 'initiativeId' | 'value' | 'expectedCloseAt' | 'nextActionAt' | keyof OutcomeDetails;

/** The fields of a lead the form edits, as they are now: what Undo puts back. */
function draftOf(lead: Lead): Partial<LeadDraft> {
  const { company, person, title, email, phone, source, sourceDetail, initiativeId, value, expectedCloseAt, nextActionAt, note } = lead;
  return { company, person, title, email, phone, source, sourceDetail, initiativeId, value, expectedCloseAt, nextActionAt, note };
}

function outcomeOf(lead: Lead): OutcomeDetails | null {
  if (lead.stage === 'won') return { decisionMoment: lead.decisionMoment };
  if (lead.stage === 'lost') return { lossReason: lead.lossReason, lesson: lead.lesson, decisionMoment: lead.decisionMoment };
  if (lead.stage === 'dropped') return { dropReason: lead.dropReason };
  return null;
}

/**
 * Everything about a lead but its stage (which has its own history): contact details, source,
 * deal value and dates, the note, and for a closed deal what its closing recorded. Enter in a
 * one-line field or Ctrl/Cmd+Enter anywhere saves; Enter in a text area starts a new line. Undo
 * puts the previous values back.
 */
export function LeadEditDialog({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const db = useDb();
  const settings = useSettings();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const initiatives = useLiveQuery(async () => {
    const active = await activeInitiatives(db);
    if (lead.initiativeId && !active.some((i) => i.id === lead.initiativeId)) {
      const own = await db.initiatives.get(lead.initiativeId);
      if (own) active.unshift(own);
    }
    return active;
  }, [db, lead.initiativeId]);

  const [text, setText] = useState<Record<TextField, string>>({
    company: lead.company,
    person: lead.person,
    title: lead.title ?? '',
    email: lead.email ?? '',
    phone: lead.phone ?? '',
    sourceDetail: lead.sourceDetail ?? '',
    note: lead.note ?? '',
  });
  const [source, setSource] = useState<SourceId>(lead.source);
  const [initiativeId, setInitiativeId] = useState(lead.initiativeId ?? '');
  const [valueText, setValueText] = useState(moneyInputText(lead.value, settings.currency));
  const [closeDate, setCloseDate] = useState(lead.expectedCloseAt !== undefined ? toDateInput(lead.expectedCloseAt, timeZone) : '');
  const [nextDate, setNextDate] = useState(lead.nextActionAt !== undefined ? toDateInput(lead.nextActionAt, timeZone) : '');
  const [outcome, setOutcome] = useState<OutcomeDetails | null>(outcomeOf(lead));
  const [errors, setErrors] = useState<Partial<Record<ErrorField, string | null>>>({});
  const [saving, setSaving] = useState(false);

  const clear = (...fields: ErrorField[]) =>
    setErrors((current) => {
      const next = { ...current };
      for (const field of fields) delete next[field];
      return next;
    });

  /** A date input as an instant at the start of that day; a close on the creation day is the creation itself. */
  const dayInstant = (value: string, notBefore?: number): number | null | undefined => {
    if (value === '') return undefined;
    const instant = fromDateAndTime(value, '00:00', timeZone);
    if (instant === null) return null;
    return notBefore !== undefined && value === dayKey(notBefore, timeZone) ? Math.max(instant, notBefore) : instant;
  };

  const save = async () => {
    if (saving) return;
    const found: Partial<Record<ErrorField, string | null>> = {};
    const money = parseMoneyInput(valueText, settings.currency);
    if (!money.ok) found.value = errorText(money.error);
    const expectedCloseAt = dayInstant(closeDate, lead.createdAt);
    const nextActionAt = dayInstant(nextDate);
    if (expectedCloseAt === null) found.expectedCloseAt = t('leadForm.error.dateInvalid');
    if (nextActionAt === null) found.nextActionAt = t('leadForm.error.dateInvalid');
    if (Object.keys(found).length || !money.ok || expectedCloseAt === null || nextActionAt === null) return setErrors(found);
    const change: Partial<LeadDraft> = { ...text, source, initiativeId, value: money.value, expectedCloseAt, nextActionAt };
    setSaving(true);
    try {
      const before = (await db.leads.get(lead.id)) ?? lead;
      const result = await saveLeadEdit(db, lead.id, change, outcome, Date.now());
      if (!result.ok) {
        const next: Partial<Record<ErrorField, string | null>> = {};
        for (const [field, key] of Object.entries(result.errors)) next[field as ErrorField] = errorText(key, field);
        return setErrors(next);
      }
      show({
        message: t('leadForm.edit.saved'),
        tone: 'success',
        action: { label: t('common.undo'), run: () => saveLeadEdit(db, lead.id, draftOf(before), outcomeOf(before), Date.now()).then(() => undefined, reportWriteError) },
      });
      onClose();
    } catch (error) {
      reportWriteError(error);
    } finally {
      setSaving(false);
    }
  };

  const textField = (field: TextField, label: string, options: { type?: string; autoComplete?: string; placeholder?: string } = {}): ReactNode => (
    <Field label={label} error={errors[field] ?? (field === 'company' ? errors.name : null)}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="input"
          type={options.type ?? 'text'}
          autoComplete={options.autoComplete ?? 'off'}
          placeholder={options.placeholder}
          value={text[field]}
          aria-describedby={describedBy}
          aria-invalid={invalid || (field === 'person' && Boolean(errors.name))}
          onChange={(e) => {
            setText((current) => ({ ...current, [field]: e.target.value }));
            clear(field, 'name');
          }}
        />
      )}
    </Field>
  );

  const outcomeText = (field: 'decisionMoment' | 'lesson' | 'dropReason', label: string) => (
    <Field label={label} error={errors[field]}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          className="input lead-form__text"
          rows={2}
          value={outcome?.[field] ?? ''}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => {
            setOutcome((current) => ({ ...current, [field]: e.target.value }));
            clear(field);
          }}
        />
      )}
    </Field>
  );

  const optional = (label: string) => t('leadForm.field.optional', { label });

  return (
    <Dialog open title={t('leadForm.edit.title')} onClose={onClose} wide>
      {/* Enter in the fields inside saves (delegated); the form itself is never the target. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        noValidate
        className="lead-form lead-form--edit"
        onKeyDown={(event) => submitOnEnter(event)}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="lead-form__group">
          <legend>{t('leadForm.edit.contact')}</legend>
          <div className="form-row">
            {textField('company', t('leadForm.field.company'))}
            {textField('person', t('leadForm.field.person'))}
          </div>
          <div className="form-row">
            {textField('title', t('leadForm.field.title'))}
            {textField('phone', t('leadForm.field.phone'), { type: 'tel' })}
          </div>
          {textField('email', t('leadForm.field.email'), { type: 'email' })}
        </fieldset>
        <fieldset className="lead-form__group">
          <legend>{t('leadForm.field.source')}</legend>
          <div className="form-row">
            <Field label={t('leadForm.field.source')} error={errors.source}>
              {({ id, describedBy, invalid }) => (
                <select id={id} className="input" value={source} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => setSource(e.target.value as SourceId)}>
                  {SOURCE_IDS.map((s) => (
                    <option key={s} value={s}>
                      {t(`leads.source.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {textField('sourceDetail', optional(t('leadForm.field.sourceDetail')), { placeholder: t('leadForm.field.sourceDetailPlaceholder') })}
          </div>
          <Field label={optional(t('leadForm.field.initiative'))}>
            {({ id }) => (
              <select id={id} className="input" value={initiativeId} onChange={(e) => setInitiativeId(e.target.value)}>
                <option value="">{t('leadForm.field.noInitiative')}</option>
                {(initiatives ?? []).map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset className="lead-form__group">
          <legend>{t('leadForm.edit.deal')}</legend>
          <MoneyField
            label={t('leadForm.field.value')}
            text={valueText}
            onChange={(value) => {
              setValueText(value);
              clear('value');
            }}
            error={errors.value ?? null}
            currency={settings.currency}
            language={language}
          />
          <div className="form-row">
            <Field label={t('leadForm.field.expectedCloseAt')} error={errors.expectedCloseAt}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  className="input"
                  type="date"
                  value={closeDate}
                  min={toDateInput(lead.createdAt, timeZone)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => {
                    setCloseDate(e.target.value);
                    clear('expectedCloseAt');
                  }}
                />
              )}
            </Field>
            <Field label={t('leadForm.field.nextActionAt')} error={errors.nextActionAt}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  className="input"
                  type="date"
                  value={nextDate}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => {
                    setNextDate(e.target.value);
                    clear('nextActionAt');
                  }}
                />
              )}
            </Field>
          </div>
        </fieldset>
        {lead.stage === 'won' || lead.stage === 'lost' || lead.stage === 'dropped' ? (
          <fieldset className="lead-form__group">
            <legend>{t('leadForm.detail.outcome')}</legend>
            {lead.stage === 'lost' ? (
              <Field label={t('leadForm.detail.lossReason')} error={errors.lossReason}>
                {({ id, describedBy, invalid }) => (
                  <select
                    id={id}
                    className="input"
                    value={outcome?.lossReason ?? ''}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    onChange={(e) => {
                      setOutcome((current) => ({ ...current, lossReason: e.target.value as LossReason }));
                      clear('lossReason');
                    }}
                  >
                    <option value="" disabled>
                      {t('leadForm.stage.chooseReason')}
                    </option>
                    {LOSS_REASONS.map((reason) => (
                      <option key={reason} value={reason}>
                        {t(`leads.lossReason.${reason}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            {lead.stage === 'won' || lead.stage === 'lost' ? outcomeText('decisionMoment', t('leadForm.detail.decisionMoment')) : null}
            {lead.stage === 'lost' ? outcomeText('lesson', t('leadForm.detail.lesson')) : null}
            {lead.stage === 'dropped' ? outcomeText('dropReason', t('leadForm.detail.dropReason')) : null}
          </fieldset>
        ) : null}
        <Field label={optional(t('leadForm.field.note'))} error={errors.note}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              className="input lead-form__text"
              rows={3}
              value={text.note}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                setText((current) => ({ ...current, note: e.target.value }));
                clear('note');
              }}
            />
          )}
        </Field>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={saving} aria-keyshortcuts="Control+Enter">
            {t('leadForm.edit.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
