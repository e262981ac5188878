// The period figures, checked against the November scenario of leads-fixtures.ts by hand.
import { describe, expect, it } from 'vitest';
import {
  breakdownByInitiative,
  breakdownBySource,
  indexLeadEvents,
  leadToOpportunityRate,
  marketingPipeline,
  marketingRevenue,
  median,
  medianDaysToWon,
  slaMet,
  winRate,
} from '../../../shared/domain/leads';
import type { Period } from '../../../shared/domain/calendar';
import { DEFAULT_SOURCE_ORIGINS, DEFAULT_STAGE_PROBABILITIES } from '../../../shared/domain/model';
import { at, DEC_10, leadWithHistory, NOV_2025, NOV_29, novemberScenario, scramble, TOKYO } from './leads-fixtures';

const { leads, events } = novemberScenario();
const EMPTY: Period = { start: at('2024-01-01T00:00:00+09:00'), end: at('2024-02-01T00:00:00+09:00') };
const DEC_2025: Period = { start: NOV_2025.end, end: at('2026-01-01T00:00:00+09:00') };

describe('lead-to-opportunity rate (商談化率)', () => {
  it('cohort of November, opportunities by now: L1 L3 L5 L6 L12 L13 of 8 (L2, created at the end instant, is December’s)', () => {
    expect(leadToOpportunityRate(leads, events, NOV_2025, DEC_10)).toEqual({ numerator: 6, denominator: 8, value: 0.75 });
  });

  it('by the period end, L6 (opportunity on 12-05) is not yet one', () => {
    expect(leadToOpportunityRate(leads, events, NOV_2025, NOV_2025.end)).toEqual({ numerator: 5, denominator: 8, value: 0.625 });
  });

  it('with a cut-off inside the period, only what was known then counts', () => {
    expect(leadToOpportunityRate(leads, events, NOV_2025, NOV_29)).toEqual({ numerator: 4, denominator: 8, value: 0.5 });
    // L1, L3, L4 exist on 11-10 00:00; none is an opportunity yet (L1 becomes one at 10:00).
    expect(leadToOpportunityRate(leads, events, NOV_2025, at('2025-11-10T00:00:00+09:00'))).toEqual({ numerator: 0, denominator: 3, value: 0 });
    expect(leadToOpportunityRate(leads, events, NOV_2025, at('2025-11-10T10:00:00+09:00'))).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
  });

  it('an empty period is "—", not 0 %', () => {
    expect(leadToOpportunityRate(leads, events, EMPTY, DEC_10)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(leadToOpportunityRate([], [], NOV_2025, DEC_10).value).toBeNull();
  });

  it('December holds L2, created at its first instant', () => {
    expect(leadToOpportunityRate(leads, events, DEC_2025, DEC_10)).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });
});

describe('win rate (成約率)', () => {
  it('won L1 L5 L8 L14 / closed those + L3 (lost) + L11 (dropped opportunity); L4, a lost lead, is not a deal', () => {
    expect(winRate(leads, events, NOV_2025)).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
  });

  it('counts by closing date: L14 won at the last millisecond of November', () => {
    const octoberCohortOnly = leads.filter((l) => l.id === 'L14');
    expect(winRate(octoberCohortOnly, events, NOV_2025)).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('nothing closed in December or an empty period: "—"', () => {
    expect(winRate(leads, events, DEC_2025).value).toBeNull();
    expect(winRate(leads, events, EMPTY)).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});

describe('SLA met', () => {
  it('at 12-10: met L1 L3 L4 L12 L13; missed L5 (won late), L6 (contacted late), L7 (never, past due)', () => {
    expect(slaMet(leads, events, NOV_2025, 24, TOKYO, DEC_10)).toEqual({ numerator: 5, denominator: 8, value: 5 / 8, pending: 0 });
  });

  it('at Saturday 11-29: L7 (Friday 18:00, due Monday 18:00) is pending, in neither count', () => {
    expect(slaMet(leads, events, NOV_2025, 24, TOKYO, NOV_29)).toEqual({ numerator: 5, denominator: 7, value: 5 / 7, pending: 1 });
  });

  it('L1, created Saturday 00:00 and contacted Monday 10:00, met a 24 h SLA (due Tuesday 00:00) but not an 8 h one', () => {
    const l1 = leads.filter((l) => l.id === 'L1');
    expect(slaMet(l1, events, NOV_2025, 24, TOKYO, DEC_10).value).toBe(1);
    expect(slaMet(l1, events, NOV_2025, 8, TOKYO, DEC_10).value).toBe(0);
  });

  it('an empty period is "—"', () => {
    expect(slaMet(leads, events, EMPTY, 24, TOKYO, DEC_10)).toEqual({ numerator: 0, denominator: 0, value: null, pending: 0 });
  });
});

describe('marketing-sourced pipeline', () => {
  it('open at the end of November: L9 (proposal) L10 (no value) L12 L13 (initiative-linked outbound)', () => {
    expect(marketingPipeline(leads, events, NOV_2025, DEC_10, DEFAULT_SOURCE_ORIGINS, DEFAULT_STAGE_PROBABILITIES)).toEqual({
      plain: 1_500_000 + 400_000 + 600_000,
      weighted: 1_500_000 * 0.6 + 400_000 * 0.3 + 600_000 * 0.3,
      count: 4,
      missingValue: 1,
    });
  });

  it('at now when earlier than the end: L14 still open (no value), L12 not yet an opportunity', () => {
    expect(marketingPipeline(leads, events, NOV_2025, NOV_29, DEFAULT_SOURCE_ORIGINS)).toEqual({
      plain: 1_500_000 + 600_000,
      weighted: 900_000 + 180_000,
      count: 4,
      missingValue: 2,
    });
  });

  it("uses the user's stage probabilities and origins", () => {
    const result = marketingPipeline(leads, events, NOV_2025, DEC_10, DEFAULT_SOURCE_ORIGINS, { opportunity: 0.5, proposal: 0.8 });
    expect(result.weighted).toBe(1_200_000 + 200_000 + 300_000);
    const noNewsletter = marketingPipeline(leads, events, NOV_2025, DEC_10, { newsletter: 'sales' });
    // L12 stays (linked to an initiative); L9 goes.
    expect(noNewsletter).toMatchObject({ plain: 1_000_000, count: 3 });
  });

  it('a move at exactly the end instant belongs to the next period', () => {
    const { lead, events: history } = leadWithHistory(
      'x',
      '2025-11-02T10:00:00+09:00',
      [['2025-11-03T10:00:00+09:00', 'proposal'], ['2025-12-01T00:00:00+09:00', 'won']],
      { source: 'seo', value: 100 },
    );
    expect(marketingPipeline([lead], history, NOV_2025, DEC_10, DEFAULT_SOURCE_ORIGINS)).toMatchObject({ plain: 100, count: 1 });
  });

  it('is zero for an empty period', () => {
    expect(marketingPipeline(leads, events, EMPTY, DEC_10, DEFAULT_SOURCE_ORIGINS)).toEqual({ plain: 0, weighted: 0, count: 0, missingValue: 0 });
  });
});

describe('marketing-sourced revenue', () => {
  it('deals won in November from marketing-sourced leads: L1 and L14 (no value); L5 and L8 are sales origin', () => {
    expect(marketingRevenue(leads, events, NOV_2025, DEFAULT_SOURCE_ORIGINS)).toEqual({ revenue: 1_000_000, deals: 2, missingValue: 1 });
  });

  it('follows the origins', () => {
    expect(marketingRevenue(leads, events, NOV_2025, { referral: 'marketing' })).toMatchObject({ revenue: 1_800_000, deals: 3 });
  });

  it('is zero for an empty period', () => {
    expect(marketingRevenue(leads, events, EMPTY, DEFAULT_SOURCE_ORIGINS)).toEqual({ revenue: 0, deals: 0, missingValue: 0 });
  });
});

describe('days to won', () => {
  it('median by source and overall over the deals won in November: 4, 27, 29, 60 → 28', () => {
    const result = medianDaysToWon(leads, events, NOV_2025);
    expect(result.overall).toEqual({ medianDays: 28, count: 4 });
    expect(result.bySource.newsletter).toEqual({ medianDays: 27, count: 1 });
    expect(result.bySource['existing-customer']).toEqual({ medianDays: 4, count: 1 });
    expect(result.bySource.referral).toEqual({ medianDays: 29, count: 1 });
    expect(result.bySource.seo).toEqual({ medianDays: 60, count: 1 });
    expect(result.bySource.webinar).toEqual({ medianDays: null, count: 0 });
  });

  it('without a period, every won deal; with an empty one, none', () => {
    expect(medianDaysToWon(leads, events).overall).toEqual({ medianDays: 28, count: 4 });
    expect(medianDaysToWon(leads, events, EMPTY).overall).toEqual({ medianDays: null, count: 0 });
  });

  it('median of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe('breakdowns', () => {
  it('by source: every source, in the fixed order, adding up to the headline figures', () => {
    const rows = breakdownBySource(leads, events, NOV_2025, DEC_10);
    const row = (source: string) => rows.find((r) => r.source === source);
    expect(rows.map((r) => r.source)).toEqual(Object.keys(DEFAULT_SOURCE_ORIGINS));
    expect(row('newsletter')).toMatchObject({ origin: 'marketing', leads: 2, opportunities: 2, closed: 1, won: 1, revenue: 1_000_000, missingValue: 0 });
    expect(row('newsletter')?.leadToOpportunity).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(row('outbound')).toMatchObject({ origin: 'sales', leads: 2, opportunities: 2, closed: 1, won: 0, revenue: 0 });
    expect(row('outbound')?.winRate).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(row('seo')).toMatchObject({ leads: 1, opportunities: 0, closed: 1, won: 1, revenue: 0, missingValue: 1 });
    expect(row('existing-customer')).toMatchObject({ leads: 1, opportunities: 1, closed: 1, won: 1, revenue: 300_000 });
    expect(row('trade-show')).toMatchObject({ leads: 1, opportunities: 1, closed: 0, won: 0 });
    expect(row('trade-show')?.winRate.value).toBeNull();
    expect(row('web-ad')).toMatchObject({ leads: 1, opportunities: 0 });
    expect(row('referral')).toMatchObject({ leads: 0, closed: 1, won: 1, revenue: 800_000 });
    expect(row('referral')?.leadToOpportunity.value).toBeNull();
    expect(row('document-download')).toMatchObject({ leads: 0, closed: 1, won: 0 });
    expect(row('web-form')).toMatchObject({ leads: 0, closed: 0 });

    const sum = (key: 'leads' | 'opportunities' | 'closed' | 'won' | 'revenue') => rows.reduce((s, r) => s + r[key], 0);
    const rate = leadToOpportunityRate(leads, events, NOV_2025, DEC_10);
    const wins = winRate(leads, events, NOV_2025);
    expect([sum('leads'), sum('opportunities')]).toEqual([rate.denominator, rate.numerator]);
    expect([sum('closed'), sum('won')]).toEqual([wins.denominator, wins.numerator]);
    expect(sum('revenue')).toBe(2_100_000);
  });

  it('by initiative: linked initiatives by id, then the unlinked', () => {
    const rows = breakdownByInitiative(leads, events, NOV_2025, DEC_10);
    expect(rows.map((r) => r.initiativeId)).toEqual(['nl-nov', 'show-nov', null]);
    expect(rows[0]).toMatchObject({ leads: 1, opportunities: 1, closed: 0, won: 0 });
    expect(rows[1]).toMatchObject({ leads: 2, opportunities: 2, closed: 0, won: 0 });
    expect(rows[2]).toMatchObject({ leads: 5, opportunities: 3, closed: 6, won: 4, revenue: 2_100_000, missingValue: 1 });
    expect(rows[1]?.leadToOpportunity).toEqual({ numerator: 2, denominator: 2, value: 1 });
  });

  it('an empty period: zero rows with "—" rates, and no initiatives', () => {
    const rows = breakdownBySource(leads, events, EMPTY, DEC_10);
    expect(rows.every((r) => r.leads === 0 && r.closed === 0 && r.leadToOpportunity.value === null && r.winRate.value === null)).toBe(true);
    expect(breakdownByInitiative(leads, events, EMPTY, DEC_10)).toEqual([]);
  });
});

describe('input order and indexing do not change any figure', () => {
  it('scrambled events, scrambled leads, and a prebuilt index give the same results', () => {
    const variants = [events, scramble(events), indexLeadEvents(scramble(events))];
    const shuffledLeads = scramble(leads);
    const figures = variants.map((ev) => ({
      rate: leadToOpportunityRate(shuffledLeads, ev, NOV_2025, DEC_10),
      win: winRate(leads, ev, NOV_2025),
      sla: slaMet(shuffledLeads, ev, NOV_2025, 24, TOKYO, DEC_10),
      pipeline: marketingPipeline(leads, ev, NOV_2025, DEC_10, DEFAULT_SOURCE_ORIGINS),
      revenue: marketingRevenue(shuffledLeads, ev, NOV_2025, DEFAULT_SOURCE_ORIGINS),
      days: medianDaysToWon(leads, ev, NOV_2025),
      sources: breakdownBySource(leads, ev, NOV_2025, DEC_10),
    }));
    expect(figures[1]).toEqual(figures[0]);
    expect(figures[2]).toEqual(figures[0]);
  });
});
