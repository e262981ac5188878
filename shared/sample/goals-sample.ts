/**
 * Revenue goals: the current fiscal year (April start, named by the year it starts in, as in
 * 2025年度) and its current quarter. Sized from the lead model so the reverse funnel on screen
 * asks for roughly the pace the sample leads actually deliver, a little more (a stretch goal).
 */
import type { Goal } from '../domain/model';
import { SAMPLE_ID_PREFIX, type SampleContext } from './context';
import { fiscalYearOf } from './initiatives-sample';
import { LEAD_MODEL } from './leads-sample';

/** Measured on the ten-year sample: about 28 % of leads become opportunities; deals average ≈ ¥1.17 M. */
const OBSERVED = { leadToOpportunityRate: 0.28, averageDealValue: 1_170_000, leadsPerWeek: 38 } as const;

/** Japanese B2B buying peaks before the fiscal year closes in March. */
const QUARTER_SHARE = [0.22, 0.24, 0.24, 0.3] as const;

export function generateGoals(ctx: SampleContext): Goal[] {
  const { cal, now } = ctx;
  const { year, month } = cal.civil(ctx.nowDay);
  const fiscalYear = fiscalYearOf(year, month);
  const quarter = (Math.floor(((month + 12 - 4) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
  const winRate = LEAD_MODEL.wonShare / (LEAD_MODEL.wonShare + LEAD_MODEL.lostShare);
  const expected = OBSERVED.leadsPerWeek * 52 * OBSERVED.leadToOpportunityRate * LEAD_MODEL.wonShare * OBSERVED.averageDealValue;
  const revenue = Math.round((expected * 1.1) / 10_000_000) * 10_000_000;
  // Set at the fiscal year's kick-off, or now if the sample starts later than that.
  const setAt = Math.min(now, cal.at(cal.dayNumber(fiscalYear, 4, 1), 10 * 60));
  const assumptions = {
    averageDealValue: OBSERVED.averageDealValue,
    winRate: Math.round(winRate * 100) / 100,
    leadToOpportunityRate: OBSERVED.leadToOpportunityRate,
  };
  return [
    { id: `${SAMPLE_ID_PREFIX}goal-${fiscalYear}`, fiscalYear, quarter: null, revenue, assumptions, updatedAt: setAt },
    {
      id: `${SAMPLE_ID_PREFIX}goal-${fiscalYear}-q${quarter}`,
      fiscalYear,
      quarter,
      revenue: Math.round((revenue * (QUARTER_SHARE[quarter - 1] ?? 0.25)) / 1_000_000) * 1_000_000,
      assumptions,
      updatedAt: setAt,
    },
  ];
}
