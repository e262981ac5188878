import { describe, expect, it } from 'vitest';
import {
  funnelActuals,
  funnelPace,
  funnelRates,
  historicalRates,
  INSUFFICIENT,
  MINIMUM_SAMPLE,
  monthsOfGoal,
  reverseFunnel,
} from '../../../shared/domain/funnel';
import type { HistoricalRates } from '../../../shared/domain/funnel';
import { indexLeadEvents } from '../../../shared/domain/leads';
import { ratio } from '../../../shared/domain/ratio';
import { at, DAY, DEC_10, NOV_2025, novemberScenario, TOKYO } from './leads-fixtures';

describe('reverseFunnel', () => {
  it('G ¥10M, A ¥1M, W 30 %, R 25 % over a quarter: 10 deals, 34 opportunities, 136 leads', () => {
    const funnel = reverseFunnel({ goal: 10_000_000, averageDealValue: 1_000_000, winRate: 0.3, leadToOpportunityRate: 0.25, months: 3 });
    expect(funnel).toMatchObject({ goal: 10_000_000, deals: 10, opportunities: 34, leads: 136, missing: [] });
    // Cumulative ⌈need × k / 3⌉: deals 4, 7, 10; opportunities 12, 23, 34; leads 46, 91, 136.
    expect(funnel.perMonth.map((m) => [m.deals, m.opportunities, m.leads])).toEqual([
      [4, 12, 46],
      [3, 11, 45],
      [3, 11, 45],
    ]);
    expect(funnel.perMonth.map((m) => m.cumulative.leads)).toEqual([46, 91, 136]);
    expect(funnel.perMonth.map((m) => m.month)).toEqual([0, 1, 2]);
  });

  it('rounds up, but not because of floating-point noise', () => {
    // 3 / 0.3 is 10.000000000000002 in binary; 3.5M / (3.5M / 3) is not exactly 3 either.
    expect(reverseFunnel({ goal: 3, averageDealValue: 1, winRate: 0.3, leadToOpportunityRate: 1, months: 1 }).opportunities).toBe(10);
    expect(reverseFunnel({ goal: 3_500_000, averageDealValue: 3_500_000 / 3, winRate: 1, leadToOpportunityRate: 1, months: 1 }).deals).toBe(3);
    expect(reverseFunnel({ goal: 1_000_001, averageDealValue: 1_000_000, winRate: 1, leadToOpportunityRate: 1, months: 1 }).deals).toBe(2);
  });

  it('accepts Ratios for the rates', () => {
    const funnel = reverseFunnel({ goal: 6_000_000, averageDealValue: 1_000_000, winRate: ratio(2, 5), leadToOpportunityRate: ratio(1, 4), months: 12 });
    expect(funnel).toMatchObject({ deals: 6, opportunities: 15, leads: 60 });
    expect(funnel.perMonth).toHaveLength(12);
    expect(funnel.perMonth.reduce((s, m) => s + (m.leads as number), 0)).toBe(60);
  });

  it('a missing or zero rate makes the steps that need it INSUFFICIENT, never Infinity', () => {
    const noWin = reverseFunnel({ goal: 10_000_000, averageDealValue: 1_000_000, winRate: 0, leadToOpportunityRate: 0.25, months: 3 });
    expect(noWin).toMatchObject({ deals: 10, opportunities: INSUFFICIENT, leads: INSUFFICIENT, missing: ['winRate'] });
    expect(noWin.perMonth[0]).toMatchObject({ deals: 4, opportunities: INSUFFICIENT, leads: INSUFFICIENT });

    const noRate = reverseFunnel({ goal: 10_000_000, averageDealValue: 1_000_000, winRate: 0.5, leadToOpportunityRate: ratio(0, 0), months: 3 });
    expect(noRate).toMatchObject({ deals: 10, opportunities: 20, leads: INSUFFICIENT, missing: ['leadToOpportunityRate'] });

    const nothing = reverseFunnel({ goal: 10_000_000, averageDealValue: undefined, winRate: null, leadToOpportunityRate: undefined, months: 1 });
    expect(nothing).toMatchObject({ deals: INSUFFICIENT, opportunities: INSUFFICIENT, leads: INSUFFICIENT });
    expect(nothing.missing).toEqual(['averageDealValue', 'winRate', 'leadToOpportunityRate']);
  });

  it('rejects unusable inputs as missing: a rate above 1 (a percentage typed as 25), a negative value, NaN', () => {
    expect(reverseFunnel({ goal: 1, averageDealValue: -5, winRate: 25, leadToOpportunityRate: Number.NaN, months: 1 }).missing).toEqual([
      'averageDealValue',
      'winRate',
      'leadToOpportunityRate',
    ]);
    expect(reverseFunnel({ goal: 100, averageDealValue: 50, winRate: 1, leadToOpportunityRate: 1, months: 1 })).toMatchObject({
      deals: 2,
      opportunities: 2,
      leads: 2,
    });
  });

  it('a zero goal needs nothing, whatever is missing', () => {
    const funnel = reverseFunnel({ goal: 0, averageDealValue: null, winRate: null, leadToOpportunityRate: null, months: 2 });
    expect(funnel).toMatchObject({ deals: 0, opportunities: 0, leads: 0 });
    expect(funnel.perMonth.map((m) => m.leads)).toEqual([0, 0]);
  });

  it('rejects a negative goal and a broken month count', () => {
    const base = { averageDealValue: 1, winRate: 1, leadToOpportunityRate: 1 };
    expect(() => reverseFunnel({ ...base, goal: -1, months: 1 })).toThrow(RangeError);
    expect(() => reverseFunnel({ ...base, goal: Number.POSITIVE_INFINITY, months: 1 })).toThrow(RangeError);
    expect(() => reverseFunnel({ ...base, goal: 1, months: 0 })).toThrow(RangeError);
    expect(() => reverseFunnel({ ...base, goal: 1, months: 1.5 })).toThrow(RangeError);
  });

  it('a goal spans 12 months for a year, 3 for a quarter', () => {
    expect(monthsOfGoal({ quarter: null })).toBe(12);
    expect(monthsOfGoal({ quarter: 2 })).toBe(3);
  });
});

describe('historicalRates and funnelRates', () => {
  const { leads, events } = novemberScenario();

  it('the last 12 months of the November scenario, at 12-10', () => {
    const history = historicalRates(leads, events, DEC_10, TOKYO);
    expect(history.window).toEqual({ start: at('2024-12-10T12:00:00+09:00'), end: DEC_10 });
    // Won with a value: L1 1.0M, L5 0.3M, L8 0.8M; L14 has none.
    expect(history.averageDealValue).toEqual({ value: 700_000, deals: 3, missingValue: 1 });
    expect(history.winRate).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
    // All 14 leads were created in the window; L2, L4 and L7 are not opportunities.
    expect(history.leadToOpportunityRate).toEqual({ numerator: 11, denominator: 14, value: 11 / 14 });
    expect(historicalRates(leads, indexLeadEvents(events), DEC_10, TOKYO)).toEqual(history);
  });

  it('the window is 12 calendar months in the user zone and leaves older history out', () => {
    const history = historicalRates(leads, events, at('2026-10-15T00:00:00+09:00'), TOKYO);
    expect(history.window.start).toBe(at('2025-10-15T00:00:00+09:00'));
    // Created since 10-15: L1–L8, L12, L13 (10), of which L2, L4, L7 are not opportunities.
    // Closed since: everything that closed in November.
    expect(history.leadToOpportunityRate).toEqual({ numerator: 7, denominator: 10, value: 0.7 });
    expect(history.winRate.denominator).toBe(6);
  });

  it('falls back to the assumptions figure by figure where history is thin', () => {
    const history = historicalRates(leads, events, DEC_10, TOKYO);
    const rates = funnelRates(history, { averageDealValue: 1_000_000, winRate: 0.3, leadToOpportunityRate: 0.25 });
    expect(MINIMUM_SAMPLE).toEqual({ wonDeals: 5, closedDeals: 5, leads: 20 });
    expect(rates).toEqual({
      averageDealValue: { value: 1_000_000, source: 'assumption' }, // 3 won deals < 5
      winRate: { value: 4 / 6, source: 'history' }, // 6 closed ≥ 5
      leadToOpportunityRate: { value: 0.25, source: 'assumption' }, // 14 leads < 20
    });
    const funnel = reverseFunnel({
      goal: 12_000_000,
      averageDealValue: rates.averageDealValue.value,
      winRate: rates.winRate.value,
      leadToOpportunityRate: rates.leadToOpportunityRate.value,
      months: 12,
    });
    expect(funnel).toMatchObject({ deals: 12, opportunities: 18, leads: 72 });
  });

  it('with neither history nor an assumption a figure is none; an unusable history value falls back', () => {
    const empty = historicalRates([], [], DEC_10, TOKYO);
    expect(empty.averageDealValue).toEqual({ value: null, deals: 0, missingValue: 0 });
    expect(empty.winRate.value).toBeNull();
    expect(funnelRates(empty, undefined)).toEqual({
      averageDealValue: { value: null, source: 'none' },
      winRate: { value: null, source: 'none' },
      leadToOpportunityRate: { value: null, source: 'none' },
    });
    const neverWon: HistoricalRates = {
      window: empty.window,
      averageDealValue: { value: null, deals: 0, missingValue: 0 },
      winRate: ratio(0, 8),
      leadToOpportunityRate: ratio(30, 40),
    };
    expect(funnelRates(neverWon, { winRate: 0.2, leadToOpportunityRate: 2 })).toEqual({
      averageDealValue: { value: null, source: 'none' },
      winRate: { value: 0.2, source: 'assumption' },
      leadToOpportunityRate: { value: 0.75, source: 'history' },
    });
  });
});

describe('funnelActuals and funnelPace', () => {
  const { leads, events } = novemberScenario();

  it('November so far: 8 leads created, 5 became opportunities in it, 4 deals worth ¥2.1M', () => {
    expect(funnelActuals(leads, events, NOV_2025, DEC_10)).toEqual({ leads: 8, opportunities: 5, deals: 4, revenue: 2_100_000 });
    // On 11-15: L1 L3 L4 L5 L6 L13 created; L1 L3 L5 opportunities; L5 won.
    expect(funnelActuals(leads, events, NOV_2025, at('2025-11-15T00:00:00+09:00'))).toEqual({
      leads: 6,
      opportunities: 3,
      deals: 1,
      revenue: 300_000,
    });
  });

  const quarter = { start: at('2026-01-01T00:00:00+09:00'), end: at('2026-04-01T00:00:00+09:00') }; // 90 days
  const funnel = { goal: 9_000_000, deals: 9, opportunities: 30, leads: 120 };

  it('a third of the way through: expected = need × 1/3, against actual', () => {
    const pace = funnelPace(quarter, quarter.start + 30 * DAY, funnel, { leads: 45, opportunities: 9, deals: 3, revenue: 2_500_000 });
    expect(pace.elapsed).toBeCloseTo(1 / 3, 12);
    expect(pace.leads).toMatchObject({ need: 120, actual: 45, remaining: 75, onPace: true });
    expect(pace.leads.expected).toBeCloseTo(40, 9);
    expect(pace.opportunities).toMatchObject({ need: 30, actual: 9, remaining: 21, onPace: false });
    expect(pace.deals).toMatchObject({ need: 9, actual: 3, remaining: 6, onPace: true });
    expect(pace.revenue).toMatchObject({ need: 9_000_000, actual: 2_500_000, remaining: 6_500_000, onPace: false });
  });

  it('exactly on pace despite floating point (10 × 0.3 = 3.0000000000000004)', () => {
    const pace = funnelPace({ start: 0, end: 10 }, 3, { goal: 10, deals: 10, opportunities: 10, leads: 10 }, { leads: 3, opportunities: 3, deals: 3, revenue: 3 });
    expect(pace.deals.onPace).toBe(true);
  });

  it('clamps before and after the period; remaining never goes below 0', () => {
    const before = funnelPace(quarter, quarter.start - DAY, funnel, { leads: 0, opportunities: 0, deals: 0, revenue: 0 });
    expect(before.elapsed).toBe(0);
    expect(before.deals).toMatchObject({ expected: 0, onPace: true });
    const after = funnelPace(quarter, quarter.end + DAY, funnel, { leads: 130, opportunities: 20, deals: 10, revenue: 9_500_000 });
    expect(after.elapsed).toBe(1);
    expect(after.leads).toMatchObject({ expected: 120, remaining: 0, onPace: true });
    expect(after.opportunities).toMatchObject({ expected: 30, remaining: 10, onPace: false });
  });

  it('an insufficient need has no expectation', () => {
    const pace = funnelPace(quarter, quarter.start + 30 * DAY, { goal: 9_000_000, deals: 9, opportunities: INSUFFICIENT, leads: INSUFFICIENT }, { leads: 5, opportunities: 1, deals: 1, revenue: 1 });
    expect(pace.leads).toEqual({ need: INSUFFICIENT, expected: INSUFFICIENT, actual: 5, remaining: INSUFFICIENT, onPace: null });
    expect(pace.deals.onPace).toBe(false);
  });
});
