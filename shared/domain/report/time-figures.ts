/**
 * "Time invested": the hours figures of one period, computed with time.ts.
 */
import { weeksOf } from '../calendar';
import type { Period } from '../calendar';
import { MARKETING_CATEGORIES } from '../model';
import type { MarketingCategory, TimeBox, TimeEntry, WeekStart } from '../model';
import type { Ratio } from '../ratio';
import { ratio } from '../ratio';
import { boxesKept, budgetedMs, interruptionLossMs, marketingShare, MAX_ENTRY_MS, overlapMs, planVsActual, workTotals } from '../time';
import type { PlanVsActual, WorkTotals } from '../time';
import type { WeekPoint } from './types';

export interface TimePeriod {
  budgetMs: number;
  totals: WorkTotals;
  budgetKept: Ratio;
  share: Ratio;
  boxesKept: Ratio;
  interruptionLossMs: number;
  interruptions: number;
  plan: PlanVsActual;
  byCategory: Map<MarketingCategory, number>;
}

/** Entries and boxes that can touch `[from, to)`: both are at most 24 h long. */
function near<T extends Period>(rows: readonly T[], from: number, to: number): T[] {
  return rows.filter((r) => r.start < to && r.start >= from - MAX_ENTRY_MS);
}

/**
 * One period's time figures. Time is clipped to `observed` (the period up to the cut-off); the
 * budget is the whole period's. Boxes kept and interruptions judge the marketing boxes that
 * started in the observed period and have ended by `now`: a box still under way is not judged
 * yet (it would read as missed while the user is in it).
 */
export function timePeriod(args: {
  entries: readonly TimeEntry[];
  boxes: readonly TimeBox[];
  period: Period;
  observed: Period;
  now: number;
  weeklyBudgetHours: number;
  timeZone: string;
}): TimePeriod {
  const { period, observed, now } = args;
  const budgetMs = budgetedMs(args.weeklyBudgetHours, period, args.timeZone);
  const entries = near(args.entries, observed.start, observed.end + MAX_ENTRY_MS);
  const totals = workTotals(entries, observed);
  const judged = args.boxes.filter((b) => b.start >= observed.start && b.start < observed.end && b.end <= now);
  const byCategory = new Map<MarketingCategory, number>();
  let interruptions = 0;
  for (const entry of entries) {
    if (entry.kind === 'marketing') {
      const ms = overlapMs(entry, observed);
      if (ms > 0) byCategory.set(entry.category as MarketingCategory, (byCategory.get(entry.category as MarketingCategory) ?? 0) + ms);
    } else if (entry.interruption === true && entry.start >= observed.start && entry.start < observed.end) interruptions++;
  }
  return {
    budgetMs,
    totals,
    // Nothing logged at all means time was not tracked: unknown, not "0 % of the budget kept".
    budgetKept: ratio(totals.marketingMs, totals.totalMs > 0 ? budgetMs : 0),
    share: marketingShare(totals),
    boxesKept: boxesKept(judged, entries, observed),
    interruptionLossMs: interruptionLossMs(judged, entries, observed),
    interruptions,
    plan: planVsActual(near(args.boxes, period.start, period.end), near(entries, period.start, observed.end), observed),
    byCategory,
  };
}

export function categoryRows(current: TimePeriod, previous: TimePeriod): { category: MarketingCategory; ms: number; previous: number }[] {
  return MARKETING_CATEGORIES.map((category) => ({
    category,
    ms: current.byCategory.get(category) ?? 0,
    previous: previous.byCategory.get(category) ?? 0,
  })).filter((row) => row.ms > 0 || row.previous > 0);
}

/**
 * Marketing and sales time per week of `period` (weeks cut by the period are clipped to it), with
 * the budget pro rata per week: the same figures as time.ts `weeklySeries`, in one pass over the
 * entries (each is at most a day long, so it touches at most two weeks) rather than one per week.
 */
export function weeklyPoints(args: {
  entries: readonly TimeEntry[];
  period: Period;
  observed: Period;
  timeZone: string;
  weekStartsOn: WeekStart;
  weeklyBudgetHours: number;
}): WeekPoint[] {
  const { observed } = args;
  const weeks: WeekPoint[] = weeksOf(args.period, args.timeZone, args.weekStartsOn).map((week) => ({
    ...week,
    marketingMs: 0,
    salesMs: 0,
    budgetMs: budgetedMs(args.weeklyBudgetHours, week, args.timeZone),
  }));
  for (const entry of args.entries) {
    const start = Math.max(entry.start, observed.start);
    const end = Math.min(entry.end, observed.end);
    if (end <= start) continue;
    // First week ending after the entry starts.
    let lo = 0;
    let hi = weeks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((weeks[mid] as WeekPoint).end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < weeks.length; i++) {
      const week = weeks[i] as WeekPoint;
      if (week.start >= end) break;
      const ms = overlapMs({ start, end }, week);
      if (entry.kind === 'marketing') week.marketingMs += ms;
      else week.salesMs += ms;
    }
  }
  return weeks;
}
