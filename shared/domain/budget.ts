/**
 * The budget bar's figures for a period (a week on Plan and Today): budget, planned and logged
 * marketing time and the marketing share. The running timer's segment counts as logged up to
 * `now`, so the bar moves while the user works, computed from instants rather than ticks.
 */
import type { Period } from './calendar';
import type { RunningTimer, TimeBox, TimeEntry } from './model';
import type { Ratio } from './ratio';
import { budgetedMs, entryFromTimer, marketingShare, planVsActual, workTotals, type WorkTotals } from './time';

export interface PeriodBudget {
  budgetMs: number;
  plannedMs: number;
  loggedMs: number;
  totals: WorkTotals;
  share: Ratio;
}

export function periodBudget(input: {
  boxes: readonly TimeBox[];
  entries: readonly TimeEntry[];
  timer: RunningTimer | null;
  period: Period;
  weeklyBudgetHours: number;
  timeZone: string;
  now: number;
}): PeriodBudget {
  const running = input.timer ? entryFromTimer(input.timer, input.now, 'running') : null;
  const entries = running ? [...input.entries, running] : input.entries;
  const totals = workTotals(entries, input.period);
  const plan = planVsActual([...input.boxes], entries, input.period);
  return {
    budgetMs: budgetedMs(input.weeklyBudgetHours, input.period, input.timeZone),
    plannedMs: plan.plannedMs,
    loggedMs: totals.marketingMs,
    totals,
    share: marketingShare(totals),
  };
}
