import { useId } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { fiscalQuarterOf, type Quarter } from '../../../../shared/domain/calendar';
import type { Goal } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { useDb, useLanguage, useSettings, useSystem } from '../../../app/services';
import { useNow } from '../../../app/useNow';
import { allGoals } from '../../../db/goals';
import { formatDate, formatMoney, formatMonthName } from '../../../i18n/format';
import { GoalEditor } from './GoalEditor';
import { goalPeriod, goalPeriodLabel, goalPeriodName, monthRange, type FiscalCalendar } from './fiscal-labels';
import { useGoalsUi } from './store';
import '../initiatives/initiatives.css';
import './goals.css';

const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/**
 * Goals and the reverse funnel: a revenue goal for a fiscal year or quarter, broken into the
 * deals, opportunities and leads it takes, per month and against the pace so far.
 */
export default function GoalsView() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { fiscalYearStartMonth } = useSettings();
  const { timeZone } = useSystem();
  const now = useNow(60_000);
  const ui = useGoalsUi();
  const cal: FiscalCalendar = { timeZone, fiscalYearStartMonth };
  const current = fiscalQuarterOf(now, timeZone, fiscalYearStartMonth);
  const fiscalYear = ui.fiscalYear ?? current.fiscalYear;
  const quarter = ui.kind === 'year' ? null : (ui.quarter ?? current.quarter);
  const goals = useLiveQuery(() => allGoals(db), [db]);
  const saved = goals?.find((g) => g.fiscalYear === fiscalYear && g.quarter === quarter);
  const pickerId = useId();

  const years = new Set<number>();
  for (let y = current.fiscalYear - 3; y <= current.fiscalYear + 2; y++) years.add(y);
  for (const goal of goals ?? []) years.add(goal.fiscalYear);
  years.add(fiscalYear);
  const yearOptions = [...years].sort((a, b) => a - b);
  const selectedRange = monthRange(goalPeriod(fiscalYear, null, cal), t, language, timeZone);

  return (
    <section className="goals" aria-label={t('initiatives.goals.label')}>
      <p className="muted goals__intro">{t('initiatives.goals.intro')}</p>
      <div className="goals-period">
        <fieldset className="segmented">
          <legend className="segmented__legend">{t('initiatives.goals.periodLegend')}</legend>
          {(['year', 'quarter'] as const).map((kind) => (
            <label key={kind} className={ui.kind === kind ? 'segmented__option segmented__option--active' : 'segmented__option'}>
              <input type="radio" name={`${pickerId}-kind`} value={kind} checked={ui.kind === kind} onChange={() => ui.setKind(kind)} />
              {t(kind === 'year' ? 'initiatives.goals.wholeYear' : 'initiatives.goals.oneQuarter')}
            </label>
          ))}
        </fieldset>
        <label className="goals-period__select">
          <span>{t('initiatives.goals.fiscalYear')}</span>
          <select className="input" value={fiscalYear} onChange={(e) => ui.setFiscalYear(Number(e.target.value))}>
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {goalPeriodLabel(y, null, t, language, cal)}
                {y === current.fiscalYear ? ` · ${t('initiatives.goals.current')}` : ''}
              </option>
            ))}
          </select>
        </label>
        {quarter !== null ? (
          <label className="goals-period__select">
            <span>{t('initiatives.goals.quarter')}</span>
            <select className="input" value={quarter} onChange={(e) => ui.setQuarter(Number(e.target.value) as Quarter)}>
              {QUARTERS.map((q) => (
                <option key={q} value={q}>
                  {t('initiatives.goals.quarterOption', { quarter: q, ...monthRange(goalPeriod(fiscalYear, q, cal), t, language, timeZone) })}
                  {fiscalYear === current.fiscalYear && q === current.quarter ? ` · ${t('initiatives.goals.current')}` : ''}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <p className="muted goals__naming">
        {t('initiatives.goals.naming', { year: String(fiscalYear), ...selectedRange, month: formatMonthName(fiscalYearStartMonth, language) })}
      </p>
      {goals === undefined ? (
        <p className="screen-loading" role="status">
          {t('app.loading')}
        </p>
      ) : (
        <GoalEditor key={`${fiscalYear}-${quarter ?? 'year'}`} fiscalYear={fiscalYear} quarter={quarter} saved={saved} now={now} />
      )}
      {goals && goals.length > 0 ? <GoalsList goals={goals} shown={saved?.id} cal={cal} onShow={(g) => ui.show(g.fiscalYear, g.quarter)} /> : null}
    </section>
  );
}

function GoalsList({ goals, shown, cal, onShow }: { goals: Goal[]; shown: string | undefined; cal: FiscalCalendar; onShow: (goal: Goal) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { currency } = useSettings();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('initiatives.goals.yourGoals')}</h3>
      <table className="data-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('initiatives.goals.goalColumns.period')}</th>
            <th scope="col" className="num">
              {t('initiatives.goals.goalColumns.revenue')}
            </th>
            <th scope="col">{t('initiatives.goals.goalColumns.updated')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('initiatives.list.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {goals.map((goal) => {
            const name = goalPeriodName(goal.fiscalYear, goal.quarter, t);
            return (
              <tr key={goal.id} aria-current={goal.id === shown ? 'true' : undefined} className={goal.id === shown ? 'goals-list__row--shown' : undefined}>
                <th scope="row">{goalPeriodLabel(goal.fiscalYear, goal.quarter, t, language, cal)}</th>
                <td className="num">{formatMoney(goal.revenue, currency, language)}</td>
                <td>{formatDate(goal.updatedAt, language, cal.timeZone)}</td>
                <td className="goals-list__action">
                  {goal.id === shown ? (
                    <span className="muted">{t('initiatives.goals.showing')}</span>
                  ) : (
                    <Button variant="ghost" onClick={() => onShow(goal)} aria-label={`${t('initiatives.goals.show')}: ${name}`}>
                      {t('initiatives.goals.show')}
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
