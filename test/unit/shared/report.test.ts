import { describe, expect, it } from 'vitest';
import { previousPeriod, resolvePeriod } from '../../../shared/domain/calendar';
import type { PeriodSpec } from '../../../shared/domain/calendar';
import { buildReport, chooseGoal, reportReadPlan } from '../../../shared/domain/report';
import type { Report, ReportInput } from '../../../shared/domain/report';
import { DAY, emptyRows, GOALS, HOUR, jst, LA, MINUTE, readByPlan, scenario, SETTINGS, TOKYO } from './report-fixtures';

type Rows = ReturnType<typeof scenario>;

function input(spec: PeriodSpec, timeZone: string, now: number, rows: Rows = scenario()): ReportInput {
  const period = resolvePeriod(spec, timeZone, rows.settings);
  const previous = resolvePeriod(previousPeriod(spec, timeZone), timeZone, rows.settings);
  return { ...rows, spec, period, previous, now, cutoff: Math.min(now, period.end), timeZone };
}
const report = (spec: PeriodSpec, timeZone: string, now: number, rows?: Rows): Report => buildReport(input(spec, timeZone, now, rows));

const NOVEMBER: PeriodSpec = { kind: 'month', anchor: '2026-11-01' };
const Q3: PeriodSpec = { kind: 'fiscal-quarter', anchor: '2026-10-01' };
/** Thursday 3 December 2026, 10:00 in Tokyo: November's report is written. */
const DEC_3 = jst('2026-12-03 10:00');
/** Tuesday 5 January 2027: the quarter's report is written. */
const JAN_5 = jst('2027-01-05 10:00');

const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const BUDGET_30_DAYS = 123_428_571; // round(8 h × 30 / 7)
const BUDGET_31_DAYS = 127_542_857; // round(8 h × 31 / 7)
const BUDGET_92_DAYS = 378_514_286; // round(8 h × 92 / 7)
const BUDGET_1_DAY = 4_114_286; // round(8 h × 1 / 7)

/** Every number in `value`, with its path. */
function numbersIn(value: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => numbersIn(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}
/** Paths holding undefined, a function, a Map or any non-plain object: none may be in a report. */
function nonJson(value: unknown, path = '$', out: string[] = []): string[] {
  if (value === undefined || typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol') out.push(path);
  else if (Array.isArray(value)) value.forEach((item, i) => nonJson(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) out.push(path);
    for (const [k, v] of Object.entries(value)) nonJson(v, `${path}.${k}`, out);
  }
  return out;
}
/** Every Ratio (an object with numerator, denominator and value) in the report, with its path. */
function ratiosIn(value: unknown, path = '$', out: [string, { value: number | null }][] = []): [string, { value: number | null }][] {
  if (Array.isArray(value)) value.forEach((item, i) => ratiosIn(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    if ('numerator' in value && 'denominator' in value && 'value' in value) out.push([path, value as { value: number | null }]);
    for (const [k, v] of Object.entries(value)) ratiosIn(v, `${path}.${k}`, out);
  }
  return out;
}

function expectPlainAndFinite(rep: Report): void {
  expect(numbersIn(rep).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
  expect(nonJson(rep)).toEqual([]);
  // A snapshot reopened later shows exactly what was sent.
  expect(JSON.parse(JSON.stringify(rep))).toStrictEqual(rep);
}

// =============================================================================================

describe('November 2026 in Tokyo (report written on 3 December)', () => {
  const rep = report(NOVEMBER, TOKYO, DEC_3);

  it('states its periods, cut-off and settings', () => {
    expect(rep.version).toBe(1);
    expect(rep.generatedAt).toBe(DEC_3);
    expect(rep.cutoff).toBe(jst('2026-12-01 00:00'));
    expect(rep.timeZone).toBe(TOKYO);
    expect(rep.currency).toBe('JPY');
    expect(rep.period).toEqual({
      start: jst('2026-11-01 00:00'),
      end: jst('2026-12-01 00:00'),
      kind: 'month',
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
      days: 30,
      fiscalYear: 2026,
      fiscalQuarter: 3,
      fiscalHalf: 2,
    });
    expect(rep.previous).toMatchObject({ start: jst('2026-10-01 00:00'), end: jst('2026-11-01 00:00'), kind: 'month', days: 31 });
    expect(rep.next).toMatchObject({ start: jst('2026-12-01 00:00'), end: jst('2027-01-01 00:00'), kind: 'month', firstDay: '2026-12-01', lastDay: '2026-12-31' });
    expect(rep.settings).toMatchObject({ weeklyBudgetHours: 8, fiscalYearStartMonth: 4, weekStartsOn: 1, followUpSlaHours: 24, staleLeadDays: 60 });
    expect(rep.isEmpty).toBe(false);
    expectPlainAndFinite(rep);
  });

  it('results: marketing-sourced revenue, total revenue and the pipeline', () => {
    const { results } = rep;
    // Won in November from marketing-sourced leads: A1 1.2M + A2 0.6M + B2 0.8M. October: C1 0.7M.
    expect(results.marketingRevenue).toEqual({ kind: 'amount', value: 2_600_000, previous: 700_000, delta: 1_900_000, change: 1_900_000 / 700_000 });
    expect(results.marketingDeals).toMatchObject({ value: 3, previous: 1 });
    expect(results.marketingRevenueMissingValue).toBe(0);
    // B3 (existing customer, sales origin) adds 3M to the total only.
    expect(results.totalRevenue).toMatchObject({ value: 5_600_000, previous: 700_000 });
    expect(results.totalDeals).toMatchObject({ value: 4, previous: 1 });
    expect(results.marketingRevenueShare.value).toEqual(r(2_600_000, 5_600_000));
    expect(results.marketingRevenueShare.previous).toEqual(r(700_000, 700_000));
    expect(results.marketingRevenueShare.change).toBeCloseTo(2.6 / 5.6 - 1, 12);
    // Open at 1 Dec 00:00: A4 opportunity 2M (×0.3), B6 proposal 0.5M (×0.6), B4 opportunity
    // with no value. A5 is outbound (sales); A7 becomes an opportunity only on 2 Dec.
    expect(results.pipeline).toMatchObject({ value: 2_500_000 });
    expect(results.weightedPipeline).toMatchObject({ value: 900_000 });
    expect(results.pipelineOpportunities).toMatchObject({ value: 3 });
    expect(results.pipelineMissingValue).toBe(1);
    // October's, at 1 Nov 00:00: B1 proposal 1.5M (×0.6), B2 opportunity 0.8M (×0.3),
    // B6 opportunity 0.5M (×0.3), B4 without value.
    expect(results.pipeline.previous).toBe(2_800_000);
    expect(results.weightedPipeline.previous).toBe(1_290_000);
    expect(results.pipelineOpportunities.previous).toBe(4);
  });

  it('results: the FY2026 Q3 goal, its reverse funnel and the pace so far', () => {
    const goal = rep.results.goal;
    expect(goal).not.toBeNull();
    if (!goal) return;
    // Q3 beats the fiscal year (shorter); of two Q3 rows the later one counts.
    expect(goal).toMatchObject({ goalId: 'g-q3', fiscalYear: 2026, quarter: 3, revenue: 12_000_000 });
    expect(goal.period).toEqual({ start: jst('2026-10-01 00:00'), end: jst('2027-01-01 00:00') });
    // History [1 Dec 2025, 1 Dec 2026): won C1 0.7M, B2 0.8M, B3 3M, A2 0.6M, A1 1.2M → A = 1.26M;
    // closed 8 (those 5 won + C3, B1 lost, A8 dropped) → W = 5/8; 18 leads created (< 20) so
    // R is the user's assumption 25 %.
    expect(goal.history.window).toEqual({ start: jst('2025-12-01 00:00'), end: jst('2026-12-01 00:00') });
    expect(goal.history.averageDealValue).toEqual({ value: 1_260_000, deals: 5, missingValue: 0 });
    expect(goal.history.winRate).toEqual(r(5, 8));
    expect(goal.history.leadToOpportunityRate).toEqual(r(12, 18));
    expect(goal.rates).toEqual({
      averageDealValue: { value: 1_260_000, source: 'history' },
      winRate: { value: 0.625, source: 'history' },
      leadToOpportunityRate: { value: 0.25, source: 'assumption' },
    });
    // ⌈12M / 1.26M⌉ = 10 deals, ⌈10 / 0.625⌉ = 16 opportunities, ⌈16 / 0.25⌉ = 64 leads.
    expect(goal.funnel).toMatchObject({ goal: 12_000_000, deals: 10, opportunities: 16, leads: 64, missing: [] });
    // Per month (cumulative ⌈need × k / 3⌉): deals 4, 3, 3; opportunities 6, 5, 5; leads 22, 21, 21.
    expect(goal.periodTarget).toEqual({
      firstMonth: 1,
      months: 1,
      need: { deals: 3, opportunities: 5, leads: 21 },
      actual: { leads: 9, opportunities: 5, deals: 4, revenue: 5_600_000 },
    });
    // Q3 so far: leads Oct 6 + Nov 9; opportunities made Oct 5 + Nov 5; deals C1 + 4 in Nov.
    expect(goal.actual).toEqual({ leads: 15, opportunities: 10, deals: 5, revenue: 6_300_000 });
    expect(goal.progress).toEqual(r(6_300_000, 12_000_000));
    expect(goal.pace.elapsed).toBeCloseTo(61 / 92, 12);
    expect(goal.pace.revenue).toMatchObject({ need: 12_000_000, actual: 6_300_000, remaining: 5_700_000, onPace: false });
    expect(goal.pace.revenue.expected).toBeCloseTo((12_000_000 * 61) / 92, 3);
    expect(goal.pace.deals).toMatchObject({ need: 10, actual: 5, remaining: 5, onPace: false });
  });

  it('pipeline: cohort, 商談化率, 成約率 and SLA as ratios', () => {
    const { pipeline } = rep;
    // Created in November: A1–A9. Marketing-sourced: all but A5 (outbound) and A9 (referral).
    expect(pipeline.leads).toMatchObject({ value: 9, previous: 6 });
    expect(pipeline.marketingLeads).toMatchObject({ value: 7, previous: 5 });
    // Opportunities by the cut-off: A1, A2 (new → won counts), A4, A5, A8 (dropped later: still
    // was one). A7 became one on 2 Dec, after the cut-off. October: C1, C3, B2, B3, B4 of 6.
    expect(pipeline.leadToOpportunity.value).toEqual(r(5, 9));
    expect(pipeline.leadToOpportunity.previous).toEqual(r(5, 6));
    expect(pipeline.leadToOpportunity.change).toBeCloseTo(5 / 9 - 5 / 6, 12);
    expect(pipeline.marketingLeadToOpportunity.value).toEqual(r(4, 7));
    expect(pipeline.marketingLeadToOpportunity.previous).toEqual(r(4, 5));
    expect(pipeline.newOpportunities).toMatchObject({ value: 5, previous: 5 });
    expect(pipeline.marketingNewOpportunities).toMatchObject({ value: 4, previous: 4 });
    // Closed in November: won A1, A2, B2, B3; lost B1, A8 (dropped opportunity = lost deal).
    // A3 and A9 were lost without being opportunities: lost leads, not in the rate.
    expect(pipeline.winRate.value).toEqual(r(4, 6));
    expect(pipeline.winRate.previous).toEqual(r(1, 2));
    expect(pipeline.marketingWinRate.value).toEqual(r(3, 5));
    // SLA at the cut-off: met A1, A2, A3 (Fri 18:00 → due Mon 18:00, contacted Mon 17:00), A5,
    // A8, A9; missed A4 (due Fri 10:00, contacted Mon) and A6 (due Mon 30th 18:00, never);
    // A7 (due Tue 1 Dec 20:00) is still pending at the cut-off.
    expect(pipeline.sla.value).toEqual(r(6, 8));
    expect(pipeline.slaPending).toBe(1);
    // October: C3 and B3 were first contacted by their move to opportunity, days late.
    expect(pipeline.sla.previous).toEqual(r(4, 6));
  });

  it('pipeline: breakdown by source, every source with something in either month', () => {
    const rows = Object.fromEntries(rep.pipeline.bySource.map((row) => [row.source, row]));
    expect(rep.pipeline.bySource.map((row) => row.source)).toEqual([
      'web-form',
      'document-download',
      'newsletter',
      'webinar',
      'trade-show',
      'seo',
      'web-ad',
      'social',
      'referral',
      'existing-customer',
      'outbound',
    ]);
    expect(rows.newsletter).toMatchObject({
      origin: 'marketing',
      leads: 2,
      opportunities: 1,
      closed: 2,
      won: 1,
      revenue: 1_200_000,
      leadToOpportunity: r(1, 2),
      winRate: r(1, 2),
      previous: { leads: 1, opportunities: 1, won: 1, revenue: 700_000 },
    });
    expect(rows['document-download']).toMatchObject({ leads: 1, opportunities: 1, closed: 1, won: 0, winRate: r(0, 1) });
    expect(rows['existing-customer']).toMatchObject({ origin: 'sales', leads: 0, closed: 1, won: 1, revenue: 3_000_000, leadToOpportunity: r(0, 0) });
    expect(rows.webinar).toMatchObject({ leads: 0, previous: { leads: 1, opportunities: 1, won: 0, revenue: 0 } });
    expect(rows.outbound).toMatchObject({ origin: 'sales', leads: 1, opportunities: 1 });
  });

  it('pipeline: breakdown by initiative with hours spent and cost per lead', () => {
    const rows = rep.pipeline.byInitiative;
    expect(rows.map((row) => row.initiativeId)).toEqual(['nl-nov', 'show-oct', 'seo-blog', null]);
    // nl-nov: leads A1, A7; A1 won. Hours: E2 + E4 through box B1 (40 + 20 min) and E5 (2 h).
    // Cost 50,000 over its 2 leads to date.
    expect(rows[0]).toMatchObject({
      name: 'Nov newsletter',
      channel: 'newsletter',
      status: 'done',
      leads: 2,
      opportunities: 1,
      closed: 1,
      won: 1,
      revenue: 1_200_000,
      marketingMs: 3 * HOUR,
      plannedHours: 6,
      cost: 50_000,
      leadsToDate: 2,
      costPerLead: r(50_000, 2),
    });
    // The October show still pays in November: A4 (a November lead) and B2 (won in November).
    expect(rows[1]).toMatchObject({
      name: 'Autumn trade show',
      leads: 1,
      won: 1,
      revenue: 800_000,
      marketingMs: 0,
      leadsToDate: 2,
      costPerLead: r(300_000, 2),
      previous: { leads: 1, opportunities: 1, won: 0, revenue: 0 },
    });
    // Running through November with time logged (E10, 3 h) but no lead yet, and no cost.
    expect(rows[2]).toMatchObject({ name: 'SEO blog series', leads: 0, marketingMs: 3 * HOUR, cost: null, costPerLead: null });
    // Leads linked to no initiative: A2, A3, A5, A6, A8, A9; closed A2, A8, B1, B3.
    expect(rows[3]).toMatchObject({
      name: null,
      leads: 6,
      opportunities: 3,
      closed: 4,
      won: 2,
      revenue: 3_600_000,
      previous: { leads: 5, opportunities: 4, won: 1, revenue: 700_000 },
    });
  });

  it('pipeline: median days to won, overall and by source', () => {
    // Won in November: A2 16 days, A1 24, B2 26, B3 55 → median 25. October: C1 18.
    expect(rep.pipeline.daysToWon).toEqual({ kind: 'amount', value: 25, previous: 18, delta: 7, change: 7 / 18 });
    expect(rep.pipeline.daysToWonBySource).toEqual([
      { source: 'web-form', medianDays: { kind: 'amount', value: 16, previous: null, delta: null, change: null }, count: 1, previousCount: 0 },
      { source: 'newsletter', medianDays: { kind: 'amount', value: 24, previous: 18, delta: 6, change: 6 / 18 }, count: 1, previousCount: 1 },
      { source: 'trade-show', medianDays: { kind: 'amount', value: 26, previous: null, delta: null, change: null }, count: 1, previousCount: 0 },
      { source: 'existing-customer', medianDays: { kind: 'amount', value: 55, previous: null, delta: null, change: null }, count: 1, previousCount: 0 },
    ]);
  });

  it('time invested: hours, budget, share, boxes kept and interruptions', () => {
    const { time } = rep;
    // Marketing: E1's November hour + E2 40 min + E4 20 min + E5 2 h + E7's November hour + E10 3 h = 8 h.
    // Sales: E3 30 min + E6 30 min + E8 8 h + E9 5 h = 14 h. October: 5 h and 10 h.
    expect(time.marketing).toMatchObject({ value: 8 * HOUR, previous: 5 * HOUR });
    expect(time.sales).toMatchObject({ value: 14 * HOUR, previous: 10 * HOUR });
    expect(time.budget).toMatchObject({ value: BUDGET_30_DAYS, previous: BUDGET_31_DAYS });
    expect(time.budgetKept.value).toEqual(r(8 * HOUR, BUDGET_30_DAYS));
    expect(time.budgetKept.previous).toEqual(r(5 * HOUR, BUDGET_31_DAYS));
    expect(time.share.value).toEqual(r(8 * HOUR, 22 * HOUR));
    expect(time.share.previous).toEqual(r(5 * HOUR, 15 * HOUR));
    expect(time.share.change).toBeCloseTo(8 / 22 - 1 / 3, 12);
    // B1 60/90 min no, B2 120/150 = exactly 80 % yes, B3 nothing no, B5 (ends on 1 Dec, still
    // November's: it starts there) yes. October: B0 kept.
    expect(time.boxesKept.value).toEqual(r(2, 4));
    expect(time.boxesKept.previous).toEqual(r(1, 1));
    // Sales inside marketing boxes: E3 in B1 (30 min) and E6 in B3 (30 min, not flagged).
    expect(time.interruptionLoss).toMatchObject({ value: 60 * MINUTE, previous: 0, change: null });
    expect(time.interruptions).toMatchObject({ value: 1, previous: 0 });
    // Planned in November: B1 90 + B2 150 + B3 60 + B5's November hour = 6 h; logged inside: 4 h.
    expect(time.planned).toMatchObject({ value: 6 * HOUR, previous: 2 * HOUR });
    expect(time.loggedInBoxes).toMatchObject({ value: 4 * HOUR, previous: 2 * HOUR });
    expect(time.marketingByCategory).toEqual([
      { category: 'content', ms: HOUR, previous: 5 * HOUR },
      { category: 'newsletter', ms: 3 * HOUR, previous: 0 },
      { category: 'seo', ms: 3 * HOUR, previous: 0 },
      { category: 'event', ms: HOUR, previous: 0 },
    ]);
  });

  it('time invested: a weekly series for the chart, weeks clipped to the month', () => {
    const week = (monday: string, from: string, to: string, marketing: number, sales: number, budget: number) => ({
      weekStart: jst(`${monday} 00:00`),
      start: jst(`${from} 00:00`),
      end: jst(`${to} 00:00`),
      marketingMs: marketing,
      salesMs: sales,
      budgetMs: budget,
    });
    expect(rep.time.weekly).toEqual([
      week('2026-10-26', '2026-11-01', '2026-11-02', HOUR, 0, BUDGET_1_DAY),
      week('2026-11-02', '2026-11-02', '2026-11-09', 0, 8 * HOUR, 8 * HOUR),
      week('2026-11-09', '2026-11-09', '2026-11-16', 3 * HOUR, 30 * MINUTE, 8 * HOUR),
      week('2026-11-16', '2026-11-16', '2026-11-23', 0, 5.5 * HOUR, 8 * HOUR),
      week('2026-11-23', '2026-11-23', '2026-11-30', 3 * HOUR, 0, 8 * HOUR),
      week('2026-11-30', '2026-11-30', '2026-12-01', HOUR, 0, BUDGET_1_DAY),
    ]);
  });

  it('leading indicators: pro rata by days, sparkline, change and derived ratios', () => {
    const { metrics, ratios } = rep.indicators;
    // The archived custom metric without data is left out.
    expect(metrics.map((m) => m.metricId)).toEqual(['m-cards', 'm-opens', 'm-sent', 'm-pv']);
    const opens = metrics[1];
    // November: 10 (1 day of the week of 26 Oct) + 100 + 120 + 90 + 110 + 20 (1/7 of 140) = 450.
    // October: 40 (4 days of the week of 28 Sep) + 80 + 90 + 100 + 60 (6 days of 70) = 370.
    expect(opens?.figure).toEqual({ kind: 'amount', value: 450, previous: 370, delta: 80, change: 80 / 370 });
    expect(opens?.coverage).toBe(1);
    expect(opens?.builtin).toBe('email-opens');
    expect(opens?.name).toBeNull();
    // Twelve months ending with November: nothing before September (3 days of the week of 28 Sep: 30).
    expect(opens?.sparkline.map((p) => p.value)).toEqual([null, null, null, null, null, null, null, null, null, 30, 370, 450]);
    expect(opens?.sparkline[9]?.coverage).toBeCloseTo(3 / 30, 12);
    expect(opens?.sparkline[0]).toMatchObject({ start: jst('2025-12-01 00:00'), end: jst('2026-01-01 00:00') });
    expect(metrics[0]?.figure).toMatchObject({ value: 7, previous: 55 });
    expect(metrics[0]?.figure.change).toBeCloseTo(-48 / 55, 12);
    // Sends cover only 2 of the weeks: the coverage says the figure is partial.
    expect(metrics[2]).toMatchObject({ figure: { value: 2000, previous: 2000, change: 0 }, coverage: 14 / 30, previousCoverage: 14 / 31 });
    expect(metrics[3]?.figure).toMatchObject({ value: 3600, previous: 3000, change: 0.2 });
    // Only the open rate: inquiries and downloads are not recorded, so their ratios are not shown.
    expect(ratios).toHaveLength(1);
    expect(ratios[0]).toMatchObject({ id: 'open-rate', numerator: 'email-opens', denominator: 'emails-sent', numeratorCoverage: 1, denominatorCoverage: 14 / 30 });
    expect(ratios[0]?.figure.value).toEqual(r(450, 2000));
    expect(ratios[0]?.figure.previous).toEqual(r(370, 2000));
    expect(ratios[0]?.figure.change).toBeCloseTo(0.04, 12);
  });

  it('wins: starred first (oldest first), then counts by type', () => {
    const { wins } = rep;
    expect(wins.total).toMatchObject({ value: 4, previous: 1, change: 3 });
    expect(wins.starredCount).toBe(2);
    expect(wins.starred).toEqual([
      {
        id: 'W1',
        at: jst('2026-11-12 15:00'),
        title: 'Newsletter reader asked for a quote',
        type: 'inquiry',
        initiativeId: 'nl-nov',
        initiativeName: 'Nov newsletter',
        leadId: 'A1',
        amount: null,
        unit: null,
        tags: ['newsletter'],
        note: null,
      },
      { id: 'W2', at: jst('2026-11-20 12:00'), title: 'Win W2', type: 'deal', initiativeId: null, initiativeName: null, leadId: 'A2', amount: 600_000, unit: 'JPY', tags: [], note: null },
    ]);
    expect(Object.fromEntries(wins.byType.map((t) => [t.type, t.count]))).toEqual({
      inquiry: 1,
      reply: 0,
      'meeting-booked': 0,
      'content-published': 1,
      spike: 1,
      referral: 0,
      deal: 1,
      other: 0,
    });
  });

  it('problems and lessons: decision moments, losses with reasons, rotting leads at the cut-off', () => {
    const { problems } = rep;
    expect(problems.wonDeals.map((d) => [d.leadId, d.value, d.decisionMoment, d.marketingSourced, d.initiativeName])).toEqual([
      ['B2', 800_000, null, true, 'Autumn trade show'],
      ['A2', 600_000, 'A fast quote', true, null],
      ['B3', 3_000_000, null, false, null],
      ['A1', 1_200_000, 'Months of newsletters had built trust', true, 'Nov newsletter'],
    ]);
    expect(problems.wonDealsTotal).toBe(4);
    expect(problems.losses.map((l) => [l.leadId, l.kind, l.stage, l.lossReason, l.at])).toEqual([
      ['A3', 'lead', 'lost', 'no-need', jst('2026-11-13 10:00')],
      ['B1', 'deal', 'lost', 'price', jst('2026-11-19 10:00')],
      ['A9', 'lead', 'lost', 'timing', jst('2026-11-24 10:00')],
      ['A8', 'deal', 'dropped', null, jst('2026-11-28 10:00')],
    ]);
    expect(problems.losses[1]).toMatchObject({
      lesson: 'Show the return in numbers in the first proposal',
      decisionMoment: 'The competitor was cheaper up front',
      value: 1_500_000,
      dropReason: null,
    });
    expect(problems.losses[3]).toMatchObject({ dropReason: 'No budget in sight', lesson: null });
    expect(problems.lossReasons).toEqual([
      { reason: 'price', deals: 1, leads: 0 },
      { reason: 'timing', deals: 0, leads: 1 },
      { reason: 'competitor', deals: 0, leads: 0 },
      { reason: 'no-need', deals: 0, leads: 1 },
      { reason: 'no-response', deals: 0, leads: 0 },
      { reason: 'other', deals: 0, leads: 0 },
      { reason: 'unspecified', deals: 1, leads: 0 },
    ]);
    // At 1 Dec 00:00: A6 is past its SLA (due Mon 30 Nov 18:00); A7 is not due yet. B5 has had
    // no contact since 1 July; C2 (8 Oct 16:00) is 53 days quiet, not yet 60.
    expect(problems.overdue.map((f) => [f.leadId, f.stage, f.since])).toEqual([['A6', 'new', jst('2026-11-30 18:00')]]);
    expect(problems.stale.map((f) => [f.leadId, f.stage, f.since])).toEqual([['B5', 'contacted', jst('2026-07-01 10:00')]]);
    expect([problems.overdueTotal, problems.staleTotal]).toEqual([1, 1]);
  });

  it("next period's plan: initiatives planned or running in December, planned marketing hours", () => {
    // Not the idea, not the archived one, not February's show, not November's finished newsletter.
    expect(rep.plan.initiatives.map((i) => i.id)).toEqual(['seo-blog', 'nl-dec', 'webinar-dec']);
    expect(rep.plan.initiatives[1]).toEqual({
      id: 'nl-dec',
      name: 'Dec newsletter',
      channel: 'newsletter',
      status: 'planned',
      start: jst('2026-12-01 00:00'),
      end: jst('2027-01-01 00:00'),
      goal: '3 quote requests',
      targetNumber: 3,
      plannedHours: 6,
      cost: 50_000,
    });
    // B5's December hour + B6 90 min + B7 2 h.
    expect(rep.plan).toMatchObject({ plannedMarketingMs: 4.5 * HOUR, plannedBoxes: 3, budgetMs: BUDGET_31_DAYS });
  });

  it('headline: results first, as facts for the renderer to word', () => {
    expect(rep.headline).toEqual([
      { key: 'revenue', params: { revenue: 2_600_000, deals: 3, previous: 700_000, change: 1_900_000 / 700_000 } },
      { key: 'goal', params: { progress: 6_300_000 / 12_000_000, revenue: 6_300_000, goal: 12_000_000, onPace: false } },
      { key: 'leads', params: { leads: 7, opportunities: 4, rate: 4 / 7 } },
      { key: 'share', params: { share: 8 / 22, logged: 8 * HOUR, budget: BUDGET_30_DAYS } },
      { key: 'topDeal', params: { value: 1_200_000, company: 'Company A1', initiative: 'Nov newsletter', source: 'newsletter' } },
    ]);
  });

  it('footnotes: the definitions used, as i18n keys with the settings they cite', () => {
    const keys = rep.definitions.map((d) => d.key);
    expect(keys).toContain('report.definition.reverseFunnel');
    expect(keys).toContain('report.definition.metricsProRata');
    expect(keys.every((k) => k.startsWith('report.definition.'))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rep.definitions.find((d) => d.key === 'report.definition.slaMet')?.params).toEqual({ slaHours: 24 });
    expect(rep.definitions.find((d) => d.key === 'report.definition.boxesKept')?.params).toEqual({ share: 0.8 });
    expect(rep.definitions.find((d) => d.key === 'report.definition.weightedPipeline')?.params).toMatchObject({ new: 0.05, proposal: 0.6, won: 1 });
  });

  it('does not depend on the order of its input rows', () => {
    const rows = scenario();
    const reversed: Rows = {
      ...rows,
      entries: [...rows.entries].reverse(),
      boxes: [...rows.boxes].reverse(),
      leads: [...rows.leads].reverse(),
      leadEvents: [...rows.leadEvents].reverse(),
      initiatives: [...rows.initiatives].reverse(),
      wins: [...rows.wins].reverse(),
      metricDefinitions: [...rows.metricDefinitions].reverse(),
      metricEntries: [...rows.metricEntries].reverse(),
      goals: [...rows.goals].reverse(),
    };
    expect(report(NOVEMBER, TOKYO, DEC_3, reversed)).toEqual(rep);
  });
});

// =============================================================================================

describe('a period still under way: November seen on Friday 20 November at 12:00', () => {
  const now = jst('2026-11-20 12:00');
  const rep = report(NOVEMBER, TOKYO, now);

  it('counts only what happened by the cut-off, and judges only boxes that have ended', () => {
    expect(rep.cutoff).toBe(now);
    // W2 is dated exactly at the cut-off: it has happened.
    expect(rep.wins.total.value).toBe(2);
    // Created by then: A1–A5, A8, A9.
    expect(rep.pipeline.leads.value).toBe(7);
    // E1's November hour + E2 + E4 + E5 = 4 h; the budget is the whole month's.
    expect(rep.time.marketing.value).toBe(4 * HOUR);
    expect(rep.time.budget.value).toBe(BUDGET_30_DAYS);
    // B1, B2, B3 have ended; B5 has not even started.
    expect(rep.time.boxesKept.value).toEqual(r(1, 3));
    // Won by then: B2 (10th) and A2 (20th 09:00).
    expect(rep.results.totalRevenue.value).toBe(1_400_000);
    // The previous month is seen as at its own end, as its own report showed it.
    expect(rep.pipeline.leads.previous).toBe(6);
    expectPlainAndFinite(rep);
  });
});

// =============================================================================================

describe('fiscal Q3 of FY2026 (October–December, April start), written on 5 January 2027', () => {
  const rep = report(Q3, TOKYO, JAN_5);

  it('reports October to December against July to September, and plans January to March', () => {
    expect(rep.period).toEqual({
      start: jst('2026-10-01 00:00'),
      end: jst('2027-01-01 00:00'),
      kind: 'fiscal-quarter',
      firstDay: '2026-10-01',
      lastDay: '2026-12-31',
      days: 92,
      fiscalYear: 2026,
      fiscalQuarter: 3,
      fiscalHalf: 2,
    });
    expect(rep.previous).toMatchObject({ start: jst('2026-07-01 00:00'), end: jst('2026-10-01 00:00'), kind: 'fiscal-quarter', fiscalQuarter: 2 });
    // Q4 of the same fiscal year: January to March 2027.
    expect(rep.next).toMatchObject({ start: jst('2027-01-01 00:00'), end: jst('2027-04-01 00:00'), fiscalYear: 2026, fiscalQuarter: 4, days: 90 });
    expect(rep.cutoff).toBe(jst('2027-01-01 00:00'));
    expectPlainAndFinite(rep);
  });

  it('time: the quarter, and a previous quarter with nothing logged reads "—", not 0 %', () => {
    // 15 h marketing (E1 whole, E11, E2, E4, E5, E7 whole, E10, E13) and 24 h sales.
    expect(rep.time.marketing).toMatchObject({ value: 15 * HOUR, previous: 0, change: null });
    expect(rep.time.sales.value).toBe(24 * HOUR);
    expect(rep.time.budget).toMatchObject({ value: BUDGET_92_DAYS, previous: BUDGET_92_DAYS });
    expect(rep.time.budgetKept.value).toEqual(r(15 * HOUR, BUDGET_92_DAYS));
    expect(rep.time.budgetKept.previous).toEqual(r(0, 0));
    expect(rep.time.budgetKept.change).toBeNull();
    // B0, B2, B5 kept; B1, B3, B6, B7 not.
    expect(rep.time.boxesKept.value).toEqual(r(3, 7));
    expect(rep.time.boxesKept.previous).toEqual(r(0, 0));
    // 14 weeks from the week of Mon 28 Sep (cut to 1 Oct) to the week of Mon 28 Dec (cut to 1 Jan).
    expect(rep.time.weekly).toHaveLength(14);
    expect(rep.time.weekly[0]).toMatchObject({ weekStart: jst('2026-09-28 00:00'), start: jst('2026-10-01 00:00'), budgetMs: Math.round((8 * HOUR * 4) / 7) });
    expect(rep.time.weekly.reduce((sum, w) => sum + w.marketingMs, 0)).toBe(15 * HOUR);
  });

  it('leads over the quarter, judged at 1 January', () => {
    // Cohort: 6 in October, 9 in November, D1 in December. Opportunities by 1 Jan: C1, C3, B2,
    // B3, B4; A1, A2, A4, A5, A7 (2 Dec), A8. Q2's cohort: B6 and B1, both opportunities.
    expect(rep.pipeline.leadToOpportunity.value).toEqual(r(11, 16));
    expect(rep.pipeline.leadToOpportunity.previous).toEqual(r(2, 2));
    expect(rep.pipeline.marketingLeads).toMatchObject({ value: 13, previous: 2 });
    // Closed in the quarter: won C1, B2, A2, B3, A1; lost C3, B1, A8. Nothing closed in Q2.
    expect(rep.pipeline.winRate.value).toEqual(r(5, 8));
    expect(rep.pipeline.winRate.previous).toEqual(r(0, 0));
    expect(rep.pipeline.winRate.change).toBeNull();
    // October 4 of 6 met; November 7 of 9 (A7 was contacted within its SLA on 1 Dec); D1 missed.
    expect(rep.pipeline.sla.value).toEqual(r(11, 16));
    expect(rep.pipeline.slaPending).toBe(0);
    expect(rep.results.marketingRevenue).toMatchObject({ value: 3_300_000, previous: 0, change: null });
    expect(rep.results.totalRevenue.value).toBe(6_300_000);
    expect(rep.problems.overdue.map((f) => f.leadId)).toEqual(['A6', 'D1']);
    // C2 (8 Oct) and B4 (20 Oct) have now been quiet for more than 60 days too.
    expect(rep.problems.stale.map((f) => f.leadId)).toEqual(['B5', 'C2', 'B4']);
    expect(rep.wins.starred.map((w) => w.id)).toEqual(['W5', 'W1', 'W2', 'W6']);
  });

  it('the goal is the quarter itself: its whole funnel is the period target', () => {
    const goal = rep.results.goal;
    expect(goal?.goalId).toBe('g-q3');
    // 19 leads in the 12 months before 1 Jan (< 20): R stays the assumption.
    expect(goal?.history.leadToOpportunityRate).toEqual(r(13, 19));
    expect(goal?.rates.leadToOpportunityRate).toEqual({ value: 0.25, source: 'assumption' });
    expect(goal?.periodTarget).toEqual({
      firstMonth: 0,
      months: 3,
      need: { deals: 10, opportunities: 16, leads: 64 },
      actual: { leads: 16, opportunities: 11, deals: 5, revenue: 6_300_000 },
    });
    expect(goal?.pace.elapsed).toBe(1);
    expect(goal?.pace.deals).toMatchObject({ need: 10, expected: 10, actual: 5, onPace: false });
    expect(rep.plan.initiatives.map((i) => i.id)).toEqual(['seo-blog', 'q1-show']);
  });

  it('metric sparkline of twelve fiscal quarters', () => {
    const opens = rep.indicators.metrics.find((m) => m.metricId === 'm-opens');
    expect(opens?.sparkline).toHaveLength(12);
    expect(opens?.sparkline[0]).toMatchObject({ start: jst('2024-01-01 00:00'), end: jst('2024-04-01 00:00'), value: null });
    // Q2 gets the week of 28 Sep's 3 September days; Q3 the rest: 40 + 80 + 90 + 100 + 70 + 100 + 120 + 90 + 110 + 140.
    expect(opens?.figure).toMatchObject({ value: 940, previous: 30 });
  });
});

// =============================================================================================

describe('the same data in America/Los_Angeles: the period boundaries of that zone', () => {
  const rep = report(NOVEMBER, LA, DEC_3);
  const start = Date.parse('2026-11-01T00:00:00-07:00');
  const end = Date.parse('2026-12-01T00:00:00-08:00');

  it('November runs from 1 Nov 00:00 PDT to 1 Dec 00:00 PST: 30 calendar days, 721 hours', () => {
    expect(rep.period).toMatchObject({ start, end, firstDay: '2026-11-01', lastDay: '2026-11-30', days: 30 });
    expect(rep.period.end - rep.period.start).toBe(30 * DAY + HOUR);
    expect(rep.previous).toMatchObject({ start: Date.parse('2026-10-01T00:00:00-07:00'), end: start });
    expect(rep.cutoff).toBe(end);
    // The budget counts calendar days: the 25-hour 1 November is one day.
    expect(rep.time.budget.value).toBe(BUDGET_30_DAYS);
    expectPlainAndFinite(rep);
  });

  it('entries, wins and leads fall on the Los Angeles side of each boundary', () => {
    // E1 (Tokyo 31 Oct 23:00 – 1 Nov 01:00) is 31 Oct 07:00–09:00 in LA: all October. E7 (Tokyo
    // 30 Nov 23:00 – 1 Dec 01:00) is 30 Nov 06:00–08:00 in LA: all November.
    expect(rep.time.marketing).toMatchObject({ value: 8 * HOUR, previous: 6 * HOUR });
    expect(rep.time.weekly.map((w) => w.marketingMs)).toEqual([0, 0, 3 * HOUR, 0, 3 * HOUR, 2 * HOUR]);
    // The first week is cut to the 25-hour Sunday 1 November.
    expect(rep.time.weekly[0]).toMatchObject({ start, end: Date.parse('2026-11-02T00:00:00-08:00'), budgetMs: BUDGET_1_DAY });
    // W6 (Tokyo 1 Dec 00:00) is 30 Nov 07:00 in LA.
    expect(rep.wins.total).toMatchObject({ value: 5, previous: 1 });
    expect(rep.wins.starred.map((w) => w.id)).toEqual(['W1', 'W2', 'W6']);
    // B3 (Tokyo 1 Oct 10:00) was created on 30 September in LA: October's cohort is 5.
    expect(rep.pipeline.leads).toMatchObject({ value: 9, previous: 5 });
    expect(rep.pipeline.leadToOpportunity.value).toEqual(r(5, 9));
  });

  it('business days and the cut-off are Los Angeles ones', () => {
    // The cut-off is Tokyo 1 Dec 17:00, after A7's first contact (Tokyo 1 Dec 09:00 = LA Mon
    // 30 Nov 16:00, within its SLA): A7 is met, nothing is pending. A4 (LA Wed 4 Nov 17:00, due
    // Thu 17:00, first contact LA Sun 8 Nov) and A6 (LA Fri 27 Nov 01:00, due Mon 30 Nov 01:00)
    // are missed.
    expect(rep.pipeline.sla.value).toEqual(r(7, 9));
    expect(rep.pipeline.slaPending).toBe(0);
    expect(rep.problems.overdue.map((f) => [f.leadId, f.since])).toEqual([['A6', Date.parse('2026-11-30T01:00:00-08:00')]]);
  });
});

// =============================================================================================

describe('empty periods', () => {
  it('no data at all: isEmpty, no headline, every ratio "—", no NaN or Infinity anywhere', () => {
    const rep = report(NOVEMBER, TOKYO, DEC_3, emptyRows());
    expect(rep.isEmpty).toBe(true);
    expect(rep.headline).toEqual([]);
    const ratios = ratiosIn(rep);
    expect(ratios.length).toBeGreaterThan(8);
    expect(ratios.filter(([, ratio]) => ratio.value !== null).map(([path]) => path)).toEqual([]);
    expect(rep.results.goal).toBeNull();
    expect(rep.pipeline.daysToWon).toEqual({ kind: 'amount', value: null, previous: null, delta: null, change: null });
    expect(rep.pipeline.bySource).toEqual([]);
    expect(rep.pipeline.byInitiative).toEqual([]);
    expect(rep.indicators).toEqual({ metrics: [], ratios: [] });
    expect(rep.time.weekly).toHaveLength(6);
    expect(rep.time.budget.value).toBe(BUDGET_30_DAYS);
    expectPlainAndFinite(rep);
  });

  it('a quiet month amid data (February 2027): isEmpty, its own ratios "—", the goal still measured', () => {
    const rep = report({ kind: 'month', anchor: '2027-02-01' }, TOKYO, jst('2027-03-05 10:00'));
    expect(rep.isEmpty).toBe(true);
    expect(rep.headline).toEqual([]);
    for (const figure of [
      rep.pipeline.leadToOpportunity,
      rep.pipeline.winRate,
      rep.pipeline.sla,
      rep.time.share,
      rep.time.boxesKept,
      rep.time.budgetKept,
      rep.results.marketingRevenueShare,
    ]) {
      expect(figure.value.value).toBeNull();
      expect(figure.change).toBeNull();
    }
    // Opportunities still open at the end of February.
    expect(rep.results.pipelineOpportunities.value).toBeGreaterThan(0);
    // February is in Q4, for which there is no goal: the fiscal year's is used.
    expect(rep.results.goal?.goalId).toBe('g-fy');
    expect(rep.results.goal?.periodTarget?.firstMonth).toBe(10);
    expectPlainAndFinite(rep);
  });

  it('a zero weekly budget gives "—" for budget kept, never a division by zero', () => {
    const rows = { ...scenario(), settings: { ...SETTINGS, weeklyBudgetHours: 0 } };
    const rep = report(NOVEMBER, TOKYO, DEC_3, rows);
    expect(rep.time.budget.value).toBe(0);
    expect(rep.time.budgetKept.value).toEqual(r(8 * HOUR, 0));
    expectPlainAndFinite(rep);
  });
});

// =============================================================================================

describe('input checks', () => {
  it('refuses a spec that does not resolve to the period', () => {
    const base = input(NOVEMBER, TOKYO, DEC_3);
    expect(() => buildReport({ ...base, spec: { kind: 'month', anchor: '2026-10-01' } })).toThrow(RangeError);
  });

  it('works without a spec: a custom range steps to the next range of the same calendar days', () => {
    const base = input(NOVEMBER, TOKYO, DEC_3);
    const { spec: _spec, ...rest } = base;
    const rep = buildReport(rest);
    expect(rep.period.kind).toBe('custom');
    // 30 touched days later: 1–30 December.
    expect(rep.next).toMatchObject({ kind: 'custom', firstDay: '2026-12-01', lastDay: '2026-12-30' });
    expect(rep.previous.kind).toBe('custom');
    expect(rep.pipeline.leadToOpportunity.value).toEqual(r(5, 9));
  });
});

describe('chooseGoal', () => {
  const week = (from: string, to: string) => ({ start: jst(`${from} 00:00`), end: jst(`${to} 00:00`) });

  it('prefers the shortest goal containing the whole period, then the one updated last', () => {
    expect(chooseGoal(GOALS, week('2026-11-01', '2026-12-01'), TOKYO, 4)?.goal.id).toBe('g-q3');
    expect(chooseGoal(GOALS, week('2026-04-01', '2026-05-01'), TOKYO, 4)?.goal.id).toBe('g-fy');
    expect(chooseGoal(GOALS, week('2027-04-01', '2027-05-01'), TOKYO, 4)).toBeNull();
  });

  it('a week straddling a quarter end is measured against the year; one straddling the year end, where it starts', () => {
    expect(chooseGoal(GOALS, week('2026-12-28', '2027-01-04'), TOKYO, 4)?.goal.id).toBe('g-fy');
    expect(chooseGoal(GOALS, week('2027-03-29', '2027-04-05'), TOKYO, 4)?.goal.id).toBe('g-fy');
    expect(chooseGoal(GOALS.filter((g) => g.id !== 'g-fy'), week('2026-12-28', '2027-01-04'), TOKYO, 4)?.goal.id).toBe('g-q3');
  });
});

describe('reportReadPlan', () => {
  it('names the index ranges for November in Tokyo', () => {
    const period = resolvePeriod(NOVEMBER, TOKYO, SETTINGS);
    const previous = resolvePeriod(previousPeriod(NOVEMBER, TOKYO), TOKYO, SETTINGS);
    const plan = reportReadPlan(period, previous, SETTINGS, TOKYO, DEC_3, NOVEMBER);
    // October and November, each widened by a day for entries overlapping them or their boxes.
    expect(plan.timeEntries).toEqual([{ from: jst('2026-09-30 00:00'), to: jst('2026-12-02 00:00') }]);
    // Boxes from a day before October to the end of December (the plan).
    expect(plan.timeBoxes).toEqual([{ from: jst('2026-09-30 00:00'), to: jst('2027-01-01 00:00') }]);
    // Leads from the start of the 12 months before the cut-off (1 Dec 2025), to the cut-off.
    expect(plan.leadsCreated).toEqual([{ from: jst('2025-12-01 00:00'), to: jst('2026-12-01 00:00') + 1 }]);
    expect(plan.leadsWithEvents).toEqual([{ from: jst('2025-12-01 00:00'), to: null }]);
    expect(plan.leadsInStages).toEqual(['new', 'contacted', 'opportunity', 'proposal']);
    expect(plan.wins).toEqual([{ from: jst('2026-10-01 00:00'), to: jst('2026-12-01 00:00') }]);
    // The sparkline starts in December 2025; a weekly row keyed up to 6 days earlier reaches in.
    // The end is the last day of the month of the period's end (1 Dec), for monthly keys.
    expect(plan.metricEntries).toEqual([{ from: '2025-11-25', to: '2026-12-31' }]);
    expect(plan.goalFiscalYears).toEqual([2026]);
  });

  it('the rows it names give the same report as every row', () => {
    const full = report(NOVEMBER, TOKYO, DEC_3);
    const period = resolvePeriod(NOVEMBER, TOKYO, SETTINGS);
    const previous = resolvePeriod(previousPeriod(NOVEMBER, TOKYO), TOKYO, SETTINGS);
    const plan = reportReadPlan(period, previous, SETTINGS, TOKYO, DEC_3, NOVEMBER);
    const read = readByPlan(plan, scenario());
    // Something was left out (E13 on 2 December, W6's month is read but not December's boxes'
    // entries)…
    expect(read.entries.length).toBeLessThan(scenario().entries.length);
    // …and nothing that matters.
    expect(report(NOVEMBER, TOKYO, DEC_3, read)).toEqual(full);
  });
});
