import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayContaining, weekContaining } from '../../../shared/domain/calendar';
import { PageHeader } from '../../components/PageHeader';
import { useLanguage, useSettings, useSystem } from '../../app/services';
import { useNow } from '../../app/useNow';
import { formatLongDate } from '../../i18n/format';
import { loadFeatureMessages } from '../../i18n';
import { BudgetBar } from '../plan/BudgetBar';
import { useWeekBudget, useWeekData } from '../plan/useWeek';
import { TimerPanel } from '../timer/TimerPanel';
import { useTimer } from '../timer/useTimer';
import { TodayBoxes } from './TodayBoxes';

// Loaded after the first paint: it needs the leads maths, which the rest of Today does not.
const FollowUps = lazy(() => Promise.all([import('./FollowUps'), loadFeatureMessages()]).then(([m]) => ({ default: m.FollowUps })));

/**
 * The start-up screen: today's boxes, the timer and the week's budget. It reads only this week's
 * rows (by index), so it opens as fast with ten years of data as with none.
 */
export function TodayScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const now = useNow(30_000);
  const timer = useTimer();
  // Recomputed only when the day or the week changes, not on every tick.
  const dayStart = dayContaining(now, timeZone).start;
  const day = useMemo(() => dayContaining(dayStart, timeZone), [dayStart, timeZone]);
  const week = useMemo(() => weekContaining(dayStart, timeZone, settings.weekStartsOn), [dayStart, timeZone, settings.weekStartsOn]);
  const data = useWeekData(week);
  const budget = useWeekBudget(week, data, timer, now);
  return (
    <>
      <PageHeader title={t('today.title')} subtitle={formatLongDate(now, language, timeZone)} />
      <div className="today-grid">
        <div className="today-grid__main">
          {data ? <TodayBoxes day={day} boxes={data.boxes} entries={data.entries} timer={timer} now={now} /> : null}
          {budget ? <BudgetBar budget={budget} /> : null}
        </div>
        <div className="today-grid__side">
          <TimerPanel />
          <Suspense fallback={null}>
            <FollowUps now={now} />
          </Suspense>
        </div>
      </div>
    </>
  );
}
