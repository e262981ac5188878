import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { addDaysToKey, dayKey, instantOfDayKey, isDayKey, monthContaining } from '../../../../shared/domain/calendar';
import {
  INITIATIVE_LIMITS,
  moneyInputText,
  parseMoneyInput,
  parseNumberInput,
  type InitiativeDraft,
  type InitiativeErrors,
} from '../../../../shared/domain/initiative-results';
import { INITIATIVE_CHANNELS, INITIATIVE_STATUSES, type Initiative, type InitiativeChannel, type InitiativeStatus } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { Dialog, DialogActions } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { useDb, useLanguage, useSettings, useSystem } from '../../../app/services';
import { reportWriteError } from '../../../app/write-errors';
import { createInitiative, updateInitiative } from '../../../db/initiatives';
import { currencyFractionDigits } from '../../../i18n/format';
import { useToasts } from '../../../stores/toasts';
import { errorMessage } from './labels';
import { MoneyInput } from './MoneyInput';

type FormErrors = InitiativeErrors;

function suggestedStatus(startDay: string, endDay: string, now: number, timeZone: string): InitiativeStatus {
  if (!isDayKey(startDay) || !isDayKey(endDay)) return 'planned';
  if (now < instantOfDayKey(startDay, timeZone)) return 'planned';
  return now < instantOfDayKey(addDaysToKey(endDay, 1), timeZone) ? 'running' : 'done';
}

/**
 * Create or edit an initiative: name, channel, status, period (whole days in the user's zone,
 * the last day included), goal and target, planned hours and cost. Enter saves; Ctrl+Enter saves
 * from the goal text too.
 */
export function InitiativeFormDialog({ initiative, now, onClose }: { initiative?: Initiative; now: number; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { currency } = useSettings();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const [, navigate] = useLocation();
  const digits = currencyFractionDigits(currency);

  // A new initiative starts as this month, the most common period for a newsletter or a campaign.
  const month = monthContaining(now, timeZone);
  const [name, setName] = useState(initiative?.name ?? '');
  const [channel, setChannel] = useState<InitiativeChannel>(initiative?.channel ?? 'newsletter');
  // A new initiative's status follows its period (running now, planned later, done before) until
  // the user picks one; an existing initiative keeps its own.
  const [pickedStatus, setStatus] = useState<InitiativeStatus | null>(initiative?.status ?? null);
  const [startDay, setStartDay] = useState(dayKey(initiative?.start ?? month.start, timeZone));
  const [endDay, setEndDay] = useState(dayKey(Math.max(initiative?.start ?? month.start, (initiative?.end ?? month.end) - 1), timeZone));
  const [goal, setGoal] = useState(initiative?.goal ?? '');
  const [target, setTarget] = useState(initiative?.targetNumber === undefined ? '' : String(initiative.targetNumber));
  const [hours, setHours] = useState(initiative?.plannedHours === undefined ? '' : String(initiative.plannedHours));
  const [cost, setCost] = useState(moneyInputText(initiative?.cost, digits));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);

  const status = pickedStatus ?? suggestedStatus(startDay, endDay, now, timeZone);

  const clear = (field: keyof FormErrors) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));

  const save = async () => {
    if (saving) return;
    const parseErrors: FormErrors = {};
    const targetParsed = parseNumberInput(target);
    const hoursParsed = parseNumberInput(hours);
    const costParsed = parseMoneyInput(cost, digits);
    if (!targetParsed.ok) parseErrors.targetNumber = targetParsed.error;
    if (!hoursParsed.ok) parseErrors.plannedHours = hoursParsed.error;
    if (!costParsed.ok) parseErrors.cost = costParsed.error;
    const start = isDayKey(startDay) ? instantOfDayKey(startDay, timeZone) : Number.NaN;
    const end = isDayKey(endDay) ? instantOfDayKey(addDaysToKey(endDay, 1), timeZone) : Number.NaN;
    const draft: InitiativeDraft = {
      name,
      channel,
      status,
      start,
      end,
      goal,
      targetNumber: targetParsed.ok ? targetParsed.value : undefined,
      plannedHours: hoursParsed.ok ? hoursParsed.value : undefined,
      cost: costParsed.ok ? costParsed.value : undefined,
    };
    if (Object.keys(parseErrors).length) {
      setErrors(parseErrors);
      return;
    }
    setSaving(true);
    try {
      const result = initiative ? await updateInitiative(db, initiative.id, draft, Date.now()) : await createInitiative(db, draft, Date.now());
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      if (initiative) show({ message: t('initiatives.form.saved'), tone: 'success' });
      else {
        const id = result.initiative.id;
        show({
          message: t('initiatives.form.created', { name: result.initiative.name }),
          tone: 'success',
          action: { label: t('initiatives.form.open'), run: () => navigate(`/initiatives/${id}`) },
        });
      }
      onClose();
    } catch (error) {
      reportWriteError(error);
    } finally {
      setSaving(false);
    }
  };

  const message = (field: keyof FormErrors, params?: Parameters<typeof errorMessage>[2]) => errorMessage(t, errors[field], params);

  return (
    <Dialog open title={t(initiative ? 'initiatives.form.editTitle' : 'initiatives.form.newTitle')} onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field label={t('initiatives.form.name')} error={message('name', { max: INITIATIVE_LIMITS.name })}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input"
              value={name}
              maxLength={INITIATIVE_LIMITS.name}
              placeholder={t('initiatives.form.namePlaceholder')}
              autoComplete="off"
              required
              aria-required
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                setName(e.target.value);
                clear('name');
              }}
              // The name is what the user came to type.
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
            />
          )}
        </Field>
        <div className="form-row">
          <Field label={t('initiatives.form.channel')} error={message('channel')}>
            {({ id }) => (
              <select id={id} className="input" value={channel} onChange={(e) => setChannel(e.target.value as InitiativeChannel)}>
                {INITIATIVE_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`initiatives.channel.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('initiatives.form.status')} error={message('status')}>
            {({ id }) => (
              <select id={id} className="input" value={status} onChange={(e) => setStatus(e.target.value as InitiativeStatus)}>
                {INITIATIVE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`initiatives.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('initiatives.form.start')} error={message('start')}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input"
                type="date"
                value={startDay}
                required
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => {
                  setStartDay(e.target.value);
                  clear('start');
                  clear('end');
                }}
              />
            )}
          </Field>
          <Field label={t('initiatives.form.end')} hint={t('initiatives.form.periodHint')} error={message('end')}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input"
                type="date"
                value={endDay}
                min={isDayKey(startDay) ? startDay : undefined}
                required
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => {
                  setEndDay(e.target.value);
                  clear('end');
                }}
              />
            )}
          </Field>
        </div>
        <Field label={t('initiatives.form.goal')} error={message('goal', { max: INITIATIVE_LIMITS.goal })}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              className="input initiatives-textarea"
              rows={2}
              value={goal}
              maxLength={INITIATIVE_LIMITS.goal}
              placeholder={t('initiatives.form.goalPlaceholder')}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              aria-keyshortcuts="Control+Enter"
              onChange={(e) => {
                setGoal(e.target.value);
                clear('goal');
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void save();
                }
              }}
            />
          )}
        </Field>
        <div className="form-row initiatives-form-numbers">
          <Field label={t('initiatives.form.targetNumber')} hint={t('initiatives.form.targetHint')} error={message('targetNumber', INITIATIVE_LIMITS.targetNumber)}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input input--number"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={target}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => {
                  setTarget(e.target.value);
                  clear('targetNumber');
                }}
              />
            )}
          </Field>
          <Field label={t('initiatives.form.plannedHours')} hint={t('initiatives.form.plannedHoursHint')} error={message('plannedHours', INITIATIVE_LIMITS.plannedHours)}>
            {({ id, describedBy, invalid }) => (
              <div className="input-with-unit">
                <input
                  id={id}
                  className="input input--number"
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={hours}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => {
                    setHours(e.target.value);
                    clear('plannedHours');
                  }}
                />
                <span className="input-with-unit__unit" aria-hidden="true">
                  {t('initiatives.form.hoursUnit')}
                </span>
              </div>
            )}
          </Field>
        </div>
        <MoneyInput
          label={t('initiatives.form.cost')}
          hint={t('initiatives.form.costHint')}
          value={cost}
          error={message('cost', { currency })}
          currency={currency}
          language={language}
          onChange={(text) => {
            setCost(text);
            clear('cost');
          }}
        />
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={saving}>
            {t(initiative ? 'initiatives.form.save' : 'initiatives.form.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
