/**
 * The revenue goal a report is measured against, and the reverse funnel's pace towards it.
 */
import { dayKey, daysBetweenKeys, fiscalQuarterPeriod, fiscalYearPeriod, instantOfDayKey } from '../calendar';
import type { DayKey, Period } from '../calendar';
import { funnelActuals, funnelPace, funnelRates, historicalRates, INSUFFICIENT, monthsOfGoal, reverseFunnel } from '../funnel';
import type { FunnelCounts, FunnelNeeds, Need, ReverseFunnel } from '../funnel';
import { inPeriod } from '../leads';
import type { Goal, Lead } from '../model';
import { ratio } from '../ratio';
import { plainRatio } from './figures';
import type { LeadContext } from './lead-figures';
import type { GoalProgress, PeriodTarget } from './types';

export function goalPeriod(goal: Pick<Goal, 'fiscalYear' | 'quarter'>, timeZone: string, fiscalYearStartMonth: number): Period {
  return goal.quarter === null
    ? fiscalYearPeriod(goal.fiscalYear, timeZone, fiscalYearStartMonth)
    : fiscalQuarterPeriod(goal.fiscalYear, goal.quarter, timeZone, fiscalYearStartMonth);
}

/**
 * The goal for `period` (DOMAIN.md is silent on which): the goal whose period contains the whole
 * report period, the shortest first (a month of Q3 is measured against Q3's goal, not the
 * year's; a week straddling a quarter's end, against the year); failing that, the shortest
 * containing the period's first instant (a week straddling the fiscal year's end belongs to the
 * year it starts in). Two goals for the same fiscal year and quarter: the one updated last.
 * null when no goal applies.
 */
export function chooseGoal(
  goals: readonly Goal[],
  period: Period,
  timeZone: string,
  fiscalYearStartMonth: number,
): { goal: Goal; period: Period } | null {
  let best: { goal: Goal; period: Period; rank: number } | null = null;
  for (const goal of goals) {
    if (!Number.isFinite(goal.revenue) || goal.revenue < 0) continue;
    const span = goalPeriod(goal, timeZone, fiscalYearStartMonth);
    const whole = span.start <= period.start && period.end <= span.end;
    if (!whole && !inPeriod(period.start, span)) continue;
    // Rank: containing the whole period beats containing its start; then the shorter period.
    const rank = (whole ? 0 : 2) + (goal.quarter === null ? 1 : 0);
    if (best === null || rank < best.rank || (rank === best.rank && goal.updatedAt > best.goal.updatedAt)) {
      best = { goal, period: span, rank };
    }
  }
  return best && { goal: best.goal, period: best.period };
}

const monthNumber = (key: DayKey) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;

/** Whole months from `goal.start` to `period`, when the period is made of whole calendar months. */
function monthsOf(period: Period, goal: Period, timeZone: string): { first: number; months: number } | null {
  const startKey = dayKey(period.start, timeZone);
  const endKey = dayKey(period.end, timeZone);
  const isMonthStart = (key: DayKey, instant: number) => key.endsWith('-01') && instantOfDayKey(key, timeZone) === instant;
  if (!isMonthStart(startKey, period.start) || !isMonthStart(endKey, period.end)) return null;
  const first = monthNumber(startKey) - monthNumber(dayKey(goal.start, timeZone));
  const months = monthNumber(endKey) - monthNumber(startKey);
  return months > 0 && daysBetweenKeys(startKey, endKey) > 0 ? { first, months } : null;
}

const minus = (a: Need, b: Need): Need => (a === INSUFFICIENT || b === INSUFFICIENT ? INSUFFICIENT : a - b);

function needsBetween(funnel: ReverseFunnel, first: number, months: number): FunnelNeeds | null {
  const end = funnel.perMonth[first + months - 1];
  if (first < 0 || !end) return null;
  const before: FunnelNeeds = first === 0 ? { deals: 0, opportunities: 0, leads: 0 } : (funnel.perMonth[first - 1] as { cumulative: FunnelNeeds }).cumulative;
  return {
    deals: minus(end.cumulative.deals, before.deals),
    opportunities: minus(end.cumulative.opportunities, before.opportunities),
    leads: minus(end.cumulative.leads, before.leads),
  };
}

export function goalProgress(args: {
  ctx: LeadContext;
  goals: readonly Goal[];
  period: Period;
  observed: Period;
  cutoff: number;
  history: Period;
  timeZone: string;
  fiscalYearStartMonth: number;
  periodActual: FunnelCounts;
}): GoalProgress | null {
  const { ctx, period, cutoff, timeZone } = args;
  const chosen = chooseGoal(args.goals, period, timeZone, args.fiscalYearStartMonth);
  if (!chosen) return null;
  const { goal } = chosen;
  // Only leads that can count in the history window or the goal period (a superset).
  const since = Math.min(args.history.start, chosen.period.start);
  const leads: Lead[] = [];
  for (const f of ctx.facts) {
    if (f.lead.createdAt >= since || (f.close !== null && f.close.at >= since) || (f.opportunityAt !== null && f.opportunityAt >= since)) {
      leads.push(f.lead);
    }
  }
  const history = historicalRates(leads, ctx.index, cutoff, timeZone);
  const rates = funnelRates(history, goal.assumptions);
  const funnel = reverseFunnel({
    goal: goal.revenue,
    averageDealValue: rates.averageDealValue.value,
    winRate: rates.winRate.value,
    leadToOpportunityRate: rates.leadToOpportunityRate.value,
    months: monthsOfGoal(goal),
  });
  const actual = funnelActuals(leads, ctx.index, chosen.period, cutoff);
  const months = monthsOf(period, chosen.period, timeZone);
  const need = months && needsBetween(funnel, months.first, months.months);
  const periodTarget: PeriodTarget | null =
    months && need ? { firstMonth: months.first, months: months.months, need, actual: args.periodActual } : null;
  return {
    goalId: goal.id,
    fiscalYear: goal.fiscalYear,
    quarter: goal.quarter,
    period: chosen.period,
    revenue: goal.revenue,
    progress: ratio(actual.revenue, goal.revenue),
    history: {
      window: history.window,
      averageDealValue: { ...history.averageDealValue },
      winRate: plainRatio(history.winRate),
      leadToOpportunityRate: plainRatio(history.leadToOpportunityRate),
    },
    rates,
    funnel,
    actual,
    pace: funnelPace(chosen.period, cutoff, funnel, actual),
    periodTarget,
  };
}
