import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { becameOpportunityAt } from '../../../../shared/domain/leads';
import type { StageDetails } from '../../../../shared/domain/lead-input';
import { LOSS_REASONS, OPPORTUNITY_STAGES, type Lead, type LeadStage, type LossReason } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { Dialog, DialogActions } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { useDb, useLanguage, useSettings, useSystem } from '../../../app/services';
import { useNow } from '../../../app/useNow';
import { reportWriteError } from '../../../app/write-errors';
import { revertStageChange } from '../../../db/lead-detail';
import { changeStage, leadHistory } from '../../../db/leads';
import { toDateTimeLocal } from '../../../i18n/datetime-input';
import { formatDate, formatTime } from '../../../i18n/format';
import { useToasts } from '../../../stores/toasts';
import { submitOnEnter } from './form-keys';
import { leadName, useErrorText } from './lead-text';
import { MoneyField } from './MoneyField';
import { moneyInputText, parseMoneyInput } from './money';
import { readPastInstant } from './past-instant';
import { openWinCapture, winOfferFor } from './suggest-win';
import './lead-detail.css';

type Errors = Partial<Record<keyof StageDetails | 'at', string>>;
type Closing = 'won' | 'lost' | 'dropped';
/** The clock, read when the user saves (an event, not a render; the compiler cannot tell the two apart here). */
const readClock = () => Date.now();
const isClosing = (stage: LeadStage): stage is Closing => stage === 'won' || stage === 'lost' || stage === 'dropped';

/**
 * Moving a lead to a stage, with what that stage asks for: won asks for the value and the
 * decision moment (決め手), lost for a reason and what we learned, dropped for why. The date of
 * the change defaults to now and may be set back to when it really happened (not before the lead's
 * last stage change, never in the future). Enter saves; Shift+Enter starts a new line in a text.
 * Used by the lead page and the pipeline board.
 */
export function StageChangeDialog({ lead, to, onClose, onDone }: { lead: Lead; to: LeadStage; onClose: () => void; onDone?: (lead: Lead) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const db = useDb();
  const settings = useSettings();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const now = useNow(30_000);
  const events = useLiveQuery(() => leadHistory(db, lead.id), [db, lead.id]);
  const [atText, setAtText] = useState(() => toDateTimeLocal(now, timeZone));
  const [atTouched, setAtTouched] = useState(false);
  const [valueText, setValueText] = useState(moneyInputText(lead.value, settings.currency));
  const [decisionMoment, setDecisionMoment] = useState(lead.decisionMoment ?? '');
  const [lossReason, setLossReason] = useState<LossReason | ''>(lead.lossReason ?? '');
  const [lesson, setLesson] = useState(lead.lesson ?? '');
  const [dropReason, setDropReason] = useState(lead.dropReason ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const stageName = t(`leads.stage.${to}`);
  const key = isClosing(to) ? to : 'other';
  const lastStageAt = Math.max(lead.createdAt, ...(events ?? []).filter((e) => e.type === 'stage').map((e) => e.at));
  const when = (instant: number) => `${formatDate(instant, language, timeZone)} ${formatTime(instant, language, timeZone)}`;

  const save = async () => {
    if (saving) return;
    const clock = readClock();
    const found: Errors = {};
    let at = clock;
    if (atTouched) {
      const read = readPastInstant(atText, timeZone, clock, {
        at: lastStageAt,
        key: lastStageAt > lead.createdAt ? 'leadForm.error.beforeLastChange' : 'leadForm.error.beforeCreation',
      });
      if (read.ok) at = read.at;
      else found.at = errorText(read.key, undefined, { date: read.bound !== undefined ? when(read.bound) : '' }) ?? undefined;
    }
    const details: StageDetails = {};
    if (to === 'won') {
      const money = parseMoneyInput(valueText, settings.currency);
      if (!money.ok) found.value = errorText(money.error) ?? undefined;
      else if (money.value !== undefined) details.value = money.value;
      details.decisionMoment = decisionMoment;
    }
    if (to === 'lost') {
      if (lossReason) details.lossReason = lossReason;
      details.lesson = lesson;
    }
    if (to === 'dropped') details.dropReason = dropReason;
    if (Object.keys(found).length) return setErrors(found);
    setSaving(true);
    try {
      const before = (await db.leads.get(lead.id)) ?? lead;
      const history = events ?? (await leadHistory(db, lead.id));
      const result = await changeStage(db, lead.id, to, details, at, clock);
      if (!result.ok) {
        const next: Errors = {};
        for (const [field, message] of Object.entries(result.errors)) next[field as keyof Errors] = errorText(message, field) ?? undefined;
        return setErrors(next);
      }
      const firstOpportunity = OPPORTUNITY_STAGES.includes(to) && becameOpportunityAt(history) === null;
      const event = to === 'won' ? ({ kind: 'lead-won', lead: result.lead, at } as const) : firstOpportunity ? ({ kind: 'lead-opportunity', lead: result.lead, at } as const) : null;
      const offer = event ? await winOfferFor(db, event, settings, language, t) : null;
      // One toast: a change confirmed in a dialog offers the win when there is one (the stage bar
      // moves it back if it was a mistake), and Undo otherwise.
      show(
        offer
          ? { message: offer.message, tone: 'success', action: { label: offer.action, run: () => openWinCapture(offer.prefill) } }
          : {
              message: t('leadForm.stage.done', { name: leadName(result.lead), stage: stageName }),
              tone: 'success',
              action: { label: t('common.undo'), run: () => revertStageChange(db, before, Date.now()).then(() => undefined, reportWriteError) },
            },
      );
      onDone?.(result.lead);
      onClose();
    } catch (error) {
      reportWriteError(error);
    } finally {
      setSaving(false);
    }
  };

  const textArea = (value: string, set: (text: string) => void, field: keyof Errors, placeholder?: string) => ({
    value,
    placeholder,
    rows: 3,
    className: 'input lead-form__text',
    onChange: (e: { target: { value: string } }) => {
      set(e.target.value);
      setErrors((current) => ({ ...current, [field]: undefined }));
    },
  });

  return (
    <Dialog
      open
      title={isClosing(to) ? t(`leadForm.stage.title.${to}`) : t('leadForm.stage.title.other', { stage: stageName })}
      description={t('leadForm.stage.intro', { name: leadName(lead), stage: t(`leads.stage.${lead.stage}`) })}
      onClose={onClose}
      wide
    >
      {/* Enter in the fields inside saves (delegated); the form itself is never the target. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        noValidate
        className="lead-form"
        onKeyDown={(event) => submitOnEnter(event, { textareaEnterSubmits: true })}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {to === 'won' ? (
          <>
            <MoneyField
              label={t('leadForm.field.value')}
              text={valueText}
              onChange={(text) => {
                setValueText(text);
                setErrors((current) => ({ ...current, value: undefined }));
              }}
              error={errors.value ?? null}
              currency={settings.currency}
              language={language}
            />
            <Field label={t('leadForm.stage.decisionMoment')} hint={t('leadForm.stage.newlineHint')} error={errors.decisionMoment}>
              {({ id, describedBy, invalid }) => (
                <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} {...textArea(decisionMoment, setDecisionMoment, 'decisionMoment', t('leadForm.stage.decisionPlaceholder'))} />
              )}
            </Field>
          </>
        ) : null}
        {to === 'lost' ? (
          <>
            <Field label={t('leadForm.stage.lossReason')} error={errors.lossReason}>
              {({ id, describedBy, invalid }) => (
                <select
                  id={id}
                  className="input"
                  value={lossReason}
                  required
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => {
                    setLossReason(e.target.value as LossReason);
                    setErrors((current) => ({ ...current, lossReason: undefined }));
                  }}
                  // The reason is the one thing a loss must record.
                  // eslint-disable-next-line jsx-a11y/no-autofocus
                  autoFocus
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
            <Field label={t('leadForm.field.optional', { label: t('leadForm.stage.lesson') })} hint={t('leadForm.stage.newlineHint')} error={errors.lesson}>
              {({ id, describedBy, invalid }) => <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} {...textArea(lesson, setLesson, 'lesson')} />}
            </Field>
          </>
        ) : null}
        {to === 'dropped' ? (
          <Field label={t('leadForm.stage.dropReason')} hint={t('leadForm.stage.newlineHint')} error={errors.dropReason}>
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                required
                // Why is the one thing a drop must record.
                // eslint-disable-next-line jsx-a11y/no-autofocus
                autoFocus
                {...textArea(dropReason, setDropReason, 'dropReason', t('leadForm.stage.dropPlaceholder'))}
              />
            )}
          </Field>
        ) : null}
        <Field label={t('leadForm.stage.at')} error={errors.at}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input lead-form__when"
              type="datetime-local"
              value={atText}
              max={toDateTimeLocal(now, timeZone)}
              min={toDateTimeLocal(lastStageAt, timeZone)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                setAtText(e.target.value);
                setAtTouched(true);
                setErrors((current) => ({ ...current, at: undefined }));
              }}
            />
          )}
        </Field>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={saving}>
            {t(`leadForm.stage.save.${key}`)}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
