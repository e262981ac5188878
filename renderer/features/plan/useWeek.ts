/** The week's boxes and entries, read by index and kept live, plus the budget figures. */
import { useLiveQuery } from 'dexie-react-hooks';
import { periodBudget, type PeriodBudget } from '../../../shared/domain/budget';
import type { Period } from '../../../shared/domain/calendar';
import type { RunningTimer, TimeBox, TimeEntry } from '../../../shared/domain/model';
import { useDb, useSettings, useSystem } from '../../app/services';
import { boxesOverlapping, entriesOverlapping } from '../../db/time';

export interface WeekData {
  boxes: TimeBox[];
  entries: TimeEntry[];
}

export function useWeekData(week: Period): WeekData | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => {
      const [boxes, entries] = await Promise.all([boxesOverlapping(db, week), entriesOverlapping(db, week)]);
      return { boxes, entries };
    },
    [db, week.start, week.end],
  );
}

export function useWeekBudget(week: Period, data: WeekData | undefined, timer: RunningTimer | null | undefined, now: number): PeriodBudget | undefined {
  const settings = useSettings();
  const { timeZone } = useSystem();
  if (!data) return undefined;
  return periodBudget({
    boxes: data.boxes,
    entries: data.entries,
    timer: timer ?? null,
    period: week,
    weeklyBudgetHours: settings.weeklyBudgetHours,
    timeZone,
    now,
  });
}
