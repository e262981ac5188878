import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import {
  addBusinessTime,
  breakdownBySource,
  businessMsBetween,
  indexLeadEvents,
  leadToOpportunityRate,
  marketingPipeline,
  marketingRevenue,
  slaMet,
  winRate,
} from '../../../shared/domain/leads';
import type { Period } from '../../../shared/domain/calendar';
import { LEAD_STAGES, SOURCE_IDS } from '../../../shared/domain/model';
import type { Lead, LeadEvent, LeadStage } from '../../../shared/domain/model';
import { BERLIN, CAIRO, contact, DAY, lead, NEW_YORK, stage, TOKYO } from './leads-fixtures';

// Around both spring changes of 2026 (New York 03-08, Berlin 03-29) and Cairo's weekday one (04-24).
const ORIGIN = Date.UTC(2026, 1, 20);
const SPAN = 80 * DAY;
const instant = fc.integer({ min: ORIGIN, max: ORIGIN + SPAN });
const businessMs = fc.integer({ min: 0, max: 30 * DAY });
const weekdayZones = fc.constantFrom(TOKYO, BERLIN, NEW_YORK);

describe('business time properties', () => {
  it('businessMsBetween inverts addBusinessTime exactly where weekdays are 24 h', () => {
    fc.assert(
      fc.property(instant, businessMs, weekdayZones, (start, ms, zone) => {
        expect(businessMsBetween(start, addBusinessTime(start, ms, zone), zone)).toBe(ms);
      }),
    );
  });

  it('and within a millisecond of rounding where DST falls on a weekday', () => {
    fc.assert(
      fc.property(instant, businessMs, (start, ms) => {
        expect(Math.abs(businessMsBetween(start, addBusinessTime(start, ms, CAIRO), CAIRO) - ms)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a deadline always falls on a weekday, never before the start, and moves forward with the amount', () => {
    fc.assert(
      fc.property(instant, businessMs, businessMs, weekdayZones, (start, a, b, zone) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const due = addBusinessTime(start, lo, zone);
        const weekday = new TZDate(due, zone).getDay();
        expect(weekday).not.toBe(0);
        expect(weekday).not.toBe(6);
        expect(due).toBeGreaterThanOrEqual(start);
        expect(addBusinessTime(start, hi, zone)).toBeGreaterThanOrEqual(due);
      }),
    );
  });

  it('business time adds up over consecutive spans and never exceeds elapsed time on 24 h weekdays', () => {
    fc.assert(
      fc.property(fc.array(instant, { minLength: 3, maxLength: 3 }), weekdayZones, (points, zone) => {
        const [a, b, c] = [...points].sort((x, y) => x - y) as [number, number, number];
        expect(businessMsBetween(a, b, zone) + businessMsBetween(b, c, zone)).toBe(businessMsBetween(a, c, zone));
        expect(businessMsBetween(a, c, zone)).toBeLessThanOrEqual(c - a);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random leads with random histories. Each lead's events have distinct instants, so the figures
// must not depend on the order the events come in.

interface Step {
  gap: number;
  kind: 'contact' | LeadStage;
}

const step = fc.record({
  gap: fc.integer({ min: 1, max: 20 * DAY }),
  kind: fc.constantFrom<Step['kind']>('contact', ...LEAD_STAGES),
});

const leadSpec = fc.record({
  created: instant,
  source: fc.constantFrom(...SOURCE_IDS),
  linked: fc.boolean(),
  value: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
  withCreationEvent: fc.boolean(),
  steps: fc.array(step, { maxLength: 6 }),
});

const dataset = fc.array(leadSpec, { maxLength: 25 }).map((specs) => {
  const leads: Lead[] = [];
  const events: LeadEvent[] = [];
  specs.forEach((spec, i) => {
    const id = `p${i}`;
    let current: LeadStage = 'new';
    let t = spec.created;
    if (spec.withCreationEvent) events.push(stage(id, t, null, 'new'));
    for (const s of spec.steps) {
      t += s.gap;
      if (s.kind === 'contact') events.push(contact(id, t));
      else {
        events.push(stage(id, t, current, s.kind));
        current = s.kind;
      }
    }
    leads.push(
      lead(id, spec.created, {
        source: spec.source,
        stage: spec.withCreationEvent || spec.steps.some((s) => s.kind !== 'contact') ? current : 'new',
        ...(spec.linked ? { initiativeId: 'i1' } : {}),
        ...(spec.value === undefined ? {} : { value: spec.value }),
      }),
    );
  });
  return { leads, events };
});

const period = fc
  .tuple(instant, fc.integer({ min: 0, max: 40 * DAY }))
  .map(([start, length]): Period => ({ start, end: start + length }));

describe('lead figure properties', () => {
  it('every rate has numerator ≤ denominator, and value null exactly when the denominator is 0', () => {
    fc.assert(
      fc.property(dataset, period, instant, ({ leads, events }, p, now) => {
        for (const r of [
          leadToOpportunityRate(leads, events, p, now),
          winRate(leads, events, p),
          slaMet(leads, events, p, 24, TOKYO, now),
        ]) {
          expect(r.numerator).toBeGreaterThanOrEqual(0);
          expect(r.numerator).toBeLessThanOrEqual(r.denominator);
          expect(r.value === null).toBe(r.denominator === 0);
        }
      }),
    );
  });

  it('the lead-to-opportunity numerator only grows with a later cut-off', () => {
    fc.assert(
      fc.property(dataset, period, instant, fc.integer({ min: 0, max: 30 * DAY }), ({ leads, events }, p, cutoff, extra) => {
        const early = leadToOpportunityRate(leads, events, p, cutoff);
        const late = leadToOpportunityRate(leads, events, p, cutoff + extra);
        expect(late.numerator).toBeGreaterThanOrEqual(early.numerator);
        expect(late.denominator).toBeGreaterThanOrEqual(early.denominator);
      }),
    );
  });

  it('weighted pipeline ≤ plain pipeline; missing values ≤ count', () => {
    fc.assert(
      fc.property(dataset, period, instant, ({ leads, events }, p, now) => {
        const pipeline = marketingPipeline(leads, events, p, now, {});
        expect(pipeline.weighted).toBeLessThanOrEqual(pipeline.plain);
        expect(pipeline.missingValue).toBeLessThanOrEqual(pipeline.count);
      }),
    );
  });

  it('the source breakdown adds up to the headline figures', () => {
    fc.assert(
      fc.property(dataset, period, instant, ({ leads, events }, p, cutoff) => {
        const rows = breakdownBySource(leads, events, p, cutoff);
        const sum = (key: 'leads' | 'opportunities' | 'closed' | 'won' | 'revenue') => rows.reduce((s, r) => s + r[key], 0);
        const rate = leadToOpportunityRate(leads, events, p, cutoff);
        const wins = winRate(leads, events, p);
        expect([sum('leads'), sum('opportunities')]).toEqual([rate.denominator, rate.numerator]);
        expect([sum('closed'), sum('won')]).toEqual([wins.denominator, wins.numerator]);
        const allMarketing = Object.fromEntries(SOURCE_IDS.map((s) => [s, 'marketing' as const]));
        expect(sum('revenue')).toBe(marketingRevenue(leads, events, p, allMarketing).revenue);
      }),
    );
  });

  it('figures do not depend on the order of events (distinct instants) or on indexing', () => {
    const shuffledDataset = dataset.chain((d) =>
      fc.shuffledSubarray(d.events, { minLength: d.events.length, maxLength: d.events.length }).map((shuffled) => ({ ...d, shuffled })),
    );
    fc.assert(
      fc.property(shuffledDataset, period, instant, ({ leads, events, shuffled }, p, now) => {
        const figures = (ev: readonly LeadEvent[] | ReturnType<typeof indexLeadEvents>) => [
          leadToOpportunityRate(leads, ev, p, now),
          winRate(leads, ev, p),
          slaMet(leads, ev, p, 24, BERLIN, now),
          marketingPipeline(leads, ev, p, now, {}),
        ];
        expect(figures(shuffled)).toEqual(figures(events));
        expect(figures(indexLeadEvents(shuffled))).toEqual(figures(events));
      }),
    );
  });
});
