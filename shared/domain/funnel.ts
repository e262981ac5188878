/**
 * The reverse funnel of DOMAIN.md: one revenue goal broken into the deals, opportunities and leads
 * needed to reach it, per month and against the pace so far, so sales and marketing share one
 * set of numbers.
 *
 * deals = ⌈G / A⌉, opportunities = ⌈deals / W⌉, leads = ⌈opportunities / R⌉, with A, W and R from
 * the last 12 months or, where there is too little history, the user's assumptions. A step that
 * cannot be computed (no rate, a zero rate) is INSUFFICIENT, never Infinity or NaN, so the screen
 * can say "set a win rate" instead of drawing nonsense.
 */
import { tz } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import type { Period } from './calendar';
import type { Goal, Lead } from './model';
import { inPeriod, leadFacts, leadToOpportunityRate, toIndex, winRate } from './leads';
import type { LeadEventsInput } from './leads';
import type { Ratio } from './ratio';

export const INSUFFICIENT = 'insufficient' as const;
export type Insufficient = typeof INSUFFICIENT;
/** A count needed, or INSUFFICIENT when an input it depends on is missing or unusable. */
export type Need = number | Insufficient;

/** A rate as a fraction (0.25), or a Ratio (its value is used). */
export type RateInput = number | Ratio | null | undefined;

export type FunnelInputName = 'averageDealValue' | 'winRate' | 'leadToOpportunityRate';

export interface ReverseFunnelInput {
  /** G: revenue goal in the currency's minor unit. */
  goal: number;
  /** A: average deal value, minor unit. */
  averageDealValue: number | null | undefined;
  /** W: win rate, a fraction in (0, 1]. */
  winRate: RateInput;
  /** R: lead-to-opportunity rate, a fraction in (0, 1]. */
  leadToOpportunityRate: RateInput;
  /** Months the goal spans: 12 for a fiscal year, 3 for a quarter. */
  months: number;
}

export interface FunnelNeeds {
  deals: Need;
  opportunities: Need;
  leads: Need;
}

export interface MonthNeeds extends FunnelNeeds {
  /** 0-based month of the goal period. */
  month: number;
  /** Needed by the end of this month. */
  cumulative: FunnelNeeds;
}

export interface ReverseFunnel extends FunnelNeeds {
  goal: number;
  /** Inputs that were absent or unusable (≤ 0, a rate above 1, not finite). */
  missing: FunnelInputName[];
  perMonth: MonthNeeds[];
}

/**
 * ⌈x⌉ that forgives floating-point noise: 3 / 0.3 is 10.000000000000002 in binary, and asking for
 * an 11th opportunity because of it would be a visible error. The noise of a division or two is a
 * few units in the last place, so only that much (64 ulp) is forgiven: a real fraction, even a
 * thin one, still rounds up.
 */
function ceilNeed(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= 64 * Number.EPSILON * Math.max(1, Math.abs(x)) ? nearest : Math.ceil(x);
}

function rateValue(rate: RateInput): number | null {
  const value = typeof rate === 'number' ? rate : (rate?.value ?? null);
  return value !== null && Number.isFinite(value) && value > 0 && value <= 1 ? value : null;
}

function positive(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}

/** need / rate rounded up; nothing needed upstream means nothing needed here, whatever the rate. */
function step(need: Need, divisor: number | null): Need {
  if (need === 0) return 0;
  if (need === INSUFFICIENT || divisor === null) return INSUFFICIENT;
  return ceilNeed(need / divisor);
}

/**
 * Needed by the end of month k (1-based) of `months`: ⌈need × k / months⌉. Spreading the
 * cumulative target (rather than ⌈need / months⌉ each month) keeps the months adding up to exactly
 * the need, with the odd extra ones early: 10 deals over 3 months are 4, 3, 3.
 */
function cumulativeNeed(need: Need, k: number, months: number): Need {
  return need === INSUFFICIENT ? INSUFFICIENT : ceilNeed((need * k) / months);
}

const minus = (a: Need, b: Need): Need => (a === INSUFFICIENT || b === INSUFFICIENT ? INSUFFICIENT : a - b);

export function reverseFunnel(input: ReverseFunnelInput): ReverseFunnel {
  const { goal, months } = input;
  if (!Number.isFinite(goal) || goal < 0) throw new RangeError(`Goal must be a revenue ≥ 0, got ${goal}`);
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number ≥ 1, got ${months}`);
  const a = positive(input.averageDealValue);
  const w = rateValue(input.winRate);
  const r = rateValue(input.leadToOpportunityRate);
  const missing: FunnelInputName[] = [];
  if (a === null) missing.push('averageDealValue');
  if (w === null) missing.push('winRate');
  if (r === null) missing.push('leadToOpportunityRate');

  const deals = goal === 0 ? 0 : a === null ? INSUFFICIENT : ceilNeed(goal / a);
  const opportunities = step(deals, w);
  const leads = step(opportunities, r);

  const perMonth: MonthNeeds[] = [];
  let previous: FunnelNeeds = { deals: 0, opportunities: 0, leads: 0 };
  for (let month = 0; month < months; month++) {
    const cumulative: FunnelNeeds = {
      deals: cumulativeNeed(deals, month + 1, months),
      opportunities: cumulativeNeed(opportunities, month + 1, months),
      leads: cumulativeNeed(leads, month + 1, months),
    };
    perMonth.push({
      month,
      deals: minus(cumulative.deals, previous.deals),
      opportunities: minus(cumulative.opportunities, previous.opportunities),
      leads: minus(cumulative.leads, previous.leads),
      cumulative,
    });
    previous = cumulative;
  }
  return { goal, deals, opportunities, leads, missing, perMonth };
}

/** Months a goal spans: a fiscal year (quarter null) or one fiscal quarter. */
export function monthsOfGoal(goal: Pick<Goal, 'quarter'>): number {
  return goal.quarter === null ? 12 : 3;
}

// ---------------------------------------------------------------------------------------------
// Rates from history

export const HISTORY_MONTHS = 12;

/**
 * The least history a figure needs before it replaces the user's assumption. Below this a rate
 * swings by tens of points with one deal (1 win of 2 closed reads as 50 %), which would make the
 * funnel lurch month to month; the user's own estimate is the steadier guide until then.
 */
export const MINIMUM_SAMPLE = {
  /** Won deals with a value, for the average deal value A. */
  wonDeals: 5,
  /** Closed deals (won + lost after being an opportunity), for the win rate W. */
  closedDeals: 5,
  /** Leads created, for the lead-to-opportunity rate R. */
  leads: 20,
} as const;

export interface AverageDealValue {
  /** Mean value of the deals won in the window, rounded to the minor unit; null with none. */
  value: number | null;
  /** Won deals with a value (the mean's sample). */
  deals: number;
  /** Won deals without a value, left out of the mean rather than counted as 0. */
  missingValue: number;
}

export interface HistoricalRates {
  /** `[now − 12 months, now)`, months counted on the user's calendar. */
  window: Period;
  averageDealValue: AverageDealValue;
  /** Deals won / closed in the window, by closing date. */
  winRate: Ratio;
  /**
   * Leads created in the window that are opportunities by now / leads created in the window.
   * The last weeks' leads have had little time to convert, so this leans low: the funnel then
   * asks for a few more leads, the safe side to err on.
   */
  leadToOpportunityRate: Ratio;
}

export function historicalRates(
  leads: readonly Lead[],
  events: LeadEventsInput,
  now: number,
  timeZone: string,
): HistoricalRates {
  const window: Period = { start: addMonths(now, -HISTORY_MONTHS, { in: tz(timeZone) }).getTime(), end: now };
  const index = toIndex(events);
  let sum = 0;
  let deals = 0;
  let missingValue = 0;
  for (const lead of leads) {
    const close = leadFacts(lead, index).close;
    if (close === null || close.outcome !== 'won' || !inPeriod(close.at, window)) continue;
    if (lead.value === undefined || !Number.isFinite(lead.value)) missingValue++;
    else {
      sum += lead.value;
      deals++;
    }
  }
  return {
    window,
    averageDealValue: { value: deals === 0 ? null : Math.round(sum / deals), deals, missingValue },
    winRate: winRate(leads, index, window),
    leadToOpportunityRate: leadToOpportunityRate(leads, index, window, now),
  };
}

export type RateSource = 'history' | 'assumption' | 'none';

export interface ChosenRate {
  /** null when neither history nor an assumption gives a usable figure. */
  value: number | null;
  source: RateSource;
}

export interface FunnelRates {
  averageDealValue: ChosenRate;
  winRate: ChosenRate;
  leadToOpportunityRate: ChosenRate;
}

function choose(history: number | null, sample: number, minimum: number, assumption: number | null): ChosenRate {
  if (history !== null && sample >= minimum) return { value: history, source: 'history' };
  if (assumption !== null) return { value: assumption, source: 'assumption' };
  return { value: null, source: 'none' };
}

/**
 * A, W and R for the funnel, each on its own: history when it has at least MINIMUM_SAMPLE and a
 * usable value (a 0 % win rate cannot size a funnel), else the user's assumption, else none.
 * Assumptions are fractions (0.25 for 25 %); anything outside (0, 1] is ignored.
 */
export function funnelRates(history: HistoricalRates, assumptions: Goal['assumptions']): FunnelRates {
  return {
    averageDealValue: choose(
      positive(history.averageDealValue.value),
      history.averageDealValue.deals,
      MINIMUM_SAMPLE.wonDeals,
      positive(assumptions?.averageDealValue),
    ),
    winRate: choose(
      rateValue(history.winRate),
      history.winRate.denominator,
      MINIMUM_SAMPLE.closedDeals,
      rateValue(assumptions?.winRate),
    ),
    leadToOpportunityRate: choose(
      rateValue(history.leadToOpportunityRate),
      history.leadToOpportunityRate.denominator,
      MINIMUM_SAMPLE.leads,
      rateValue(assumptions?.leadToOpportunityRate),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Pace

export interface FunnelCounts {
  leads: number;
  opportunities: number;
  deals: number;
  /** Minor unit. */
  revenue: number;
}

/**
 * What the goal period has produced by `now`: leads created in it, leads that BECAME
 * opportunities in it (whenever they were created: the funnel asks for opportunities to happen in
 * the period), deals won in it and their value (a won deal without a value adds 0).
 */
export function funnelActuals(leads: readonly Lead[], events: LeadEventsInput, period: Period, now: number): FunnelCounts {
  const index = toIndex(events);
  const counts: FunnelCounts = { leads: 0, opportunities: 0, deals: 0, revenue: 0 };
  const happened = (at: number | null): at is number => at !== null && at <= now && inPeriod(at, period);
  for (const lead of leads) {
    const facts = leadFacts(lead, index);
    if (happened(lead.createdAt)) counts.leads++;
    if (happened(facts.opportunityAt)) counts.opportunities++;
    const close = facts.close;
    if (close !== null && close.outcome === 'won' && happened(close.at)) {
      counts.deals++;
      if (lead.value !== undefined && Number.isFinite(lead.value)) counts.revenue += lead.value;
    }
  }
  return counts;
}

export interface PaceLine {
  need: Need;
  /** need × the share of the period elapsed, unrounded (the UI rounds for display). */
  expected: Need;
  actual: number;
  /** Still to go: need − actual, never below 0. */
  remaining: Need;
  /** actual ≥ expected; null when the need is unknown. */
  onPace: boolean | null;
}

export interface FunnelPace {
  /** Share of the goal period elapsed at `now`, 0–1. */
  elapsed: number;
  leads: PaceLine;
  opportunities: PaceLine;
  deals: PaceLine;
  revenue: PaceLine;
}

/**
 * Expected-by-now against actual for each step. The expectation grows linearly with elapsed time
 * over the goal period, which matches the even per-month spread up to months' different lengths
 * (and the per-month ceilings); seasonality is not modelled.
 */
export function funnelPace(
  period: Period,
  now: number,
  funnel: Pick<ReverseFunnel, 'goal' | 'deals' | 'opportunities' | 'leads'>,
  actual: FunnelCounts,
): FunnelPace {
  const length = period.end - period.start;
  const elapsed = length <= 0 ? (now >= period.end ? 1 : 0) : Math.min(1, Math.max(0, (now - period.start) / length));
  const line = (need: Need, done: number): PaceLine => {
    if (need === INSUFFICIENT) return { need, expected: INSUFFICIENT, actual: done, remaining: INSUFFICIENT, onPace: null };
    const expected = need * elapsed;
    // Tolerance for the product's rounding: 10 × 0.3 is 3.0000000000000004, and 3 is on pace.
    const onPace = done >= expected - 1e-9 * Math.max(1, expected);
    return { need, expected, actual: done, remaining: Math.max(0, need - done), onPace };
  };
  return {
    elapsed,
    leads: line(funnel.leads, actual.leads),
    opportunities: line(funnel.opportunities, actual.opportunities),
    deals: line(funnel.deals, actual.deals),
    revenue: line(funnel.goal, actual.revenue),
  };
}
