import { useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { monthContaining, startOfDayIn, type Quarter } from '../../../../shared/domain/calendar';
import {
  funnelActuals,
  funnelPace,
  funnelRates,
  historicalRates,
  MINIMUM_SAMPLE,
  monthsOfGoal,
  reverseFunnel,
} from '../../../../shared/domain/funnel';
import {
  GOAL_LIMITS,
  moneyInputText,
  parseMoneyInput,
  parsePercentInput,
  percentInputText,
  type GoalErrors,
} from '../../../../shared/domain/initiative-results';
import { indexLeadEvents } from '../../../../shared/domain/leads';
import type { Goal } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useDb, useLanguage, useSettings, useSystem } from '../../../app/services';
import { reportWriteError } from '../../../app/write-errors';
import { deleteGoal, leadsWithHistorySince, restoreGoal, upsertGoal } from '../../../db/goals';
import { currencyFractionDigits } from '../../../i18n/format';
import { useToasts } from '../../../stores/toasts';
import { errorMessage } from '../initiatives/labels';
import { MoneyInput } from '../initiatives/MoneyInput';
import { goalPeriod, goalPeriodLabel, goalPeriodName } from './fiscal-labels';
import { useGoalsUi, type GoalTexts as Texts } from './store';
import { FunnelCard, MonthsCard, PaceCard, RatesCard, type FunnelView, type MonthActual } from './FunnelPanels';

function textsOf(goal: Goal | undefined, digits: number): Texts {
  return {
    revenue: moneyInputText(goal?.revenue, digits),
    averageDealValue: moneyInputText(goal?.assumptions?.averageDealValue, digits),
    winRate: percentInputText(goal?.assumptions?.winRate),
    leadToOpportunityRate: percentInputText(goal?.assumptions?.leadToOpportunityRate),
  };
}

const sameTexts = (a: Texts, b: Texts) =>
  a.revenue.trim() === b.revenue.trim() &&
  a.averageDealValue.trim() === b.averageDealValue.trim() &&
  a.winRate.trim() === b.winRate.trim() &&
  a.leadToOpportunityRate.trim() === b.leadToOpportunityRate.trim();

/**
 * The goal of one fiscal period: its form, and the funnel computed from what the form holds, so
 * the user can try numbers before saving (the view says when they are not saved yet).
 */
export function GoalEditor({ fiscalYear, quarter, saved, now }: { fiscalYear: number; quarter: Quarter | null; saved: Goal | undefined; now: number }) {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { currency, fiscalYearStartMonth } = useSettings();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const digits = currencyFractionDigits(currency);
  const cal = { timeZone, fiscalYearStartMonth };
  const period = goalPeriod(fiscalYear, quarter, cal);
  const months = monthsOfGoal({ quarter });
  const label = goalPeriodLabel(fiscalYear, quarter, t, language, cal);
  const name = goalPeriodName(fiscalYear, quarter, t);
  const headingId = useId();

  // What the user types is kept in the view's store per period, so leaving the tab or looking at
  // another period loses nothing. A draft belongs to the stored goal it started from: once that
  // changes (saved, undone, deleted, edited in another window) the form follows the stored goal.
  const savedKey = saved ? `${saved.id}@${saved.updatedAt}` : 'none';
  const draftKey = `${fiscalYear}-${quarter ?? 'year'}`;
  const stored = useGoalsUi((s) => s.drafts[draftKey]);
  const setDraft = useGoalsUi((s) => s.setDraft);
  const texts: Texts = stored && stored.basedOn === savedKey ? stored.texts : textsOf(saved, digits);
  const setTexts = (next: Texts | undefined) => setDraft(draftKey, next && { texts: next, basedOn: savedKey });
  const [errors, setErrors] = useState<GoalErrors>({});
  const [busy, setBusy] = useState(false);
  const dirty = !sameTexts(texts, textsOf(saved, digits));

  const parsed = {
    revenue: parseMoneyInput(texts.revenue, digits),
    averageDealValue: parseMoneyInput(texts.averageDealValue, digits),
    winRate: parsePercentInput(texts.winRate),
    leadToOpportunityRate: parsePercentInput(texts.leadToOpportunityRate),
  };
  const value = <T,>(p: { ok: true; value: T | undefined } | { ok: false; error: string }) => (p.ok ? p.value : undefined);
  const draft = {
    fiscalYear,
    quarter,
    revenue: value(parsed.revenue) ?? 0,
    assumptions: {
      averageDealValue: value(parsed.averageDealValue),
      winRate: value(parsed.winRate),
      leadToOpportunityRate: value(parsed.leadToOpportunityRate),
    },
  };
  const draftUsable = Object.values(parsed).every((p) => p.ok) && draft.revenue > 0 && draft.revenue <= GOAL_LIMITS.maxRevenue;
  // What the funnel shows: what is typed when it reads as a goal, else what is stored.
  const shown = dirty && draftUsable ? draft : saved;

  // Leads since the start of the 12-month history window (taken at the start of today, so the read
  // does not change every minute) or of the goal's period, whichever is earlier.
  const historyStart = startOfDayIn(historicalRates([], [], now, timeZone).window.start, timeZone);
  const since = Math.min(historyStart, period.start);
  const data = useLiveQuery(() => leadsWithHistorySince(db, since), [db, since]);

  // What does not depend on the goal: history, actuals of the period and of each month.
  const periodStart = period.start;
  const periodEnd = period.end;
  const base = useMemo(() => {
    if (!data) return null;
    const index = indexLeadEvents(data.events);
    const history = historicalRates(data.leads, index, now, timeZone);
    const goalPeriodNow = { start: periodStart, end: periodEnd };
    const actual = funnelActuals(data.leads, index, goalPeriodNow, now);
    const months: MonthActual[] = [];
    for (let cursor = periodStart; cursor < periodEnd; ) {
      const month = monthContaining(cursor, timeZone);
      months.push({ period: month, actual: month.start <= now ? funnelActuals(data.leads, index, month, now) : null });
      cursor = month.end;
    }
    return { history, actual, months };
  }, [data, now, timeZone, periodStart, periodEnd]);

  const goalRevenue = shown?.revenue;
  const assumedA = shown?.assumptions?.averageDealValue;
  const assumedW = shown?.assumptions?.winRate;
  const assumedR = shown?.assumptions?.leadToOpportunityRate;
  const view: FunnelView | null = useMemo(() => {
    if (!base) return null;
    const assumptions = { averageDealValue: assumedA, winRate: assumedW, leadToOpportunityRate: assumedR };
    const rates = funnelRates(base.history, assumptions);
    const funnel = reverseFunnel({
      goal: goalRevenue ?? 0,
      averageDealValue: rates.averageDealValue.value,
      winRate: rates.winRate.value,
      leadToOpportunityRate: rates.leadToOpportunityRate.value,
      months,
    });
    const pace = funnelPace({ start: periodStart, end: periodEnd }, now, funnel, base.actual);
    const perMonth = funnel.perMonth.map((m, i) => ({ ...m, ...(base.months[i] ?? { period: { start: periodEnd, end: periodEnd }, actual: null }) }));
    return { history: base.history, rates, funnel, pace, actual: base.actual, perMonth, assumptions };
  }, [base, goalRevenue, assumedA, assumedW, assumedR, months, periodStart, periodEnd, now]);

  const set = (field: keyof Texts) => (text: string) => {
    setTexts({ ...texts, [field]: text });
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };

  const save = async () => {
    const parseErrors: GoalErrors = {};
    for (const key of Object.keys(parsed) as (keyof typeof parsed)[]) {
      const p = parsed[key];
      if (!p.ok) parseErrors[key] = p.error;
    }
    if (parsed.revenue.ok && parsed.revenue.value === undefined) parseErrors.revenue = 'initiatives.error.goalRequired';
    if (Object.keys(parseErrors).length) return setErrors(parseErrors);
    setBusy(true);
    try {
      const result = await upsertGoal(db, draft, Date.now());
      if (!result.ok) return setErrors(result.errors);
      const { goal, previous } = result;
      show({
        message: t('initiatives.goals.saved', { period: name }),
        tone: 'success',
        action: { label: t('common.undo'), run: () => restoreGoal(db, previous, goal.id).catch(reportWriteError) },
      });
    } catch (error) {
      reportWriteError(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!saved) return;
    try {
      const deleted = await deleteGoal(db, saved.id);
      if (deleted) {
        show({
          message: t('initiatives.goals.goalDeleted', { period: name }),
          tone: 'info',
          action: { label: t('common.undo'), run: () => restoreGoal(db, deleted).catch(reportWriteError) },
        });
      }
    } catch (error) {
      reportWriteError(error);
    }
  };

  const message = (field: keyof GoalErrors) => errorMessage(t, errors[field], { currency });

  return (
    <div className="goals-editor">
      <h2 id={headingId} className="goals-editor__title">
        {label}
      </h2>
      <div className="goals-layout">
        <section className="card goals-form" aria-labelledby={`${headingId}-form`}>
          <h3 id={`${headingId}-form`}>{t('initiatives.goals.form')}</h3>
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <MoneyInput
              label={t('initiatives.goals.revenue')}
              value={texts.revenue}
              error={message('revenue')}
              currency={currency}
              language={language}
              onChange={set('revenue')}
              required
            />
            <fieldset className="goals-form__assumptions">
              <legend>{t('initiatives.goals.assumptions')}</legend>
              <p className="field__hint">
                {t('initiatives.goals.assumptionsHint', { deals: MINIMUM_SAMPLE.wonDeals, closed: MINIMUM_SAMPLE.closedDeals, leads: MINIMUM_SAMPLE.leads })}
              </p>
              <MoneyInput
                label={t('initiatives.goals.averageDealValue')}
                value={texts.averageDealValue}
                error={message('averageDealValue')}
                currency={currency}
                language={language}
                onChange={set('averageDealValue')}
              />
              <PercentInput label={t('initiatives.goals.winRate')} value={texts.winRate} error={message('winRate')} onChange={set('winRate')} />
              <PercentInput
                label={t('initiatives.goals.leadToOpportunityRate')}
                value={texts.leadToOpportunityRate}
                error={message('leadToOpportunityRate')}
                onChange={set('leadToOpportunityRate')}
              />
            </fieldset>
            {dirty && saved ? (
              <p className="goals-form__unsaved" role="status">
                {t(draftUsable ? 'initiatives.goals.unsaved' : 'initiatives.goals.unsavedInvalid')}
              </p>
            ) : null}
            <div className="button-row">
              <Button type="submit" variant="primary" disabled={busy || (!dirty && Boolean(saved))}>
                {t('initiatives.goals.save')}
              </Button>
              {dirty && saved ? (
                <Button
                  onClick={() => {
                    setTexts(undefined);
                    setErrors({});
                  }}
                >
                  {t('initiatives.goals.discard')}
                </Button>
              ) : null}
              {saved ? (
                <Button variant="ghost" onClick={() => void remove()}>
                  {t('initiatives.goals.deleteGoal')}
                </Button>
              ) : null}
            </div>
          </form>
        </section>
        <div className="goals-results">
          {!view ? (
            <p className="screen-loading" role="status">
              {t('app.loading')}
            </p>
          ) : (
            <>
              <RatesCard view={view} />
              {shown ? <FunnelCard view={view} /> : <p className="goals__no-goal">{t('initiatives.goals.noGoal', { period: name })}</p>}
            </>
          )}
        </div>
      </div>
      {view && shown ? (
        <>
          <PaceCard view={view} period={period} periodName={name} now={now} />
          <MonthsCard view={view} now={now} />
        </>
      ) : null}
      <details className="definitions">
        <summary>{t('initiatives.goals.definitions')}</summary>
        <p>{t('initiatives.goals.definitionsBody')}</p>
      </details>
    </div>
  );
}

function PercentInput({ label, value, error, onChange }: { label: string; value: string; error: string | null; onChange: (text: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={error}>
      {({ id, describedBy, invalid }) => (
        <div className="input-with-unit">
          <input
            id={id}
            className="input input--number"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => onChange(event.target.value)}
          />
          <span className="input-with-unit__unit">{t('initiatives.goals.percentUnit')}</span>
        </div>
      )}
    </Field>
  );
}
