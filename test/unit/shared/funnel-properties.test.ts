import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reverseFunnel } from '../../../shared/domain/funnel';
import type { FunnelNeeds, Need } from '../../../shared/domain/funnel';
import { ratio } from '../../../shared/domain/ratio';

const goal = fc.integer({ min: 0, max: 2_000_000_000 });
// From ¥1,000 upwards, which keeps even the most extreme funnel (2 × 10^14 leads) exact in a double.
const dealValue = fc.integer({ min: 1_000, max: 50_000_000 });
// Rates as the app holds them: from history (k / n) or typed in as a percentage with decimals.
const rate = fc.oneof(
  fc.integer({ min: 1, max: 200 }).chain((n) => fc.integer({ min: 1, max: n }).map((k) => k / n)),
  fc.integer({ min: 1, max: 10_000 }).map((bp) => bp / 10_000),
);
const months = fc.constantFrom(1, 3, 6, 12);

const num = (need: Need): number => {
  if (typeof need !== 'number') throw new Error('expected a number');
  return need;
};

describe('reverse funnel properties', () => {
  it('is monotone in the goal', () => {
    fc.assert(
      fc.property(goal, goal, dealValue, rate, rate, (g1, g2, a, w, r) => {
        const [lo, hi] = g1 <= g2 ? [g1, g2] : [g2, g1];
        const small = reverseFunnel({ goal: lo, averageDealValue: a, winRate: w, leadToOpportunityRate: r, months: 1 });
        const big = reverseFunnel({ goal: hi, averageDealValue: a, winRate: w, leadToOpportunityRate: r, months: 1 });
        for (const key of ['deals', 'opportunities', 'leads'] as const) expect(num(big[key])).toBeGreaterThanOrEqual(num(small[key]));
      }),
    );
  });

  it('each step is the smallest whole number that covers the one before', () => {
    fc.assert(
      fc.property(goal, dealValue, rate, rate, (g, a, w, r) => {
        const f = reverseFunnel({ goal: g, averageDealValue: a, winRate: w, leadToOpportunityRate: r, months: 1 });
        const [deals, opportunities, leads] = [num(f.deals), num(f.opportunities), num(f.leads)];
        const slack = 1e-6;
        expect(deals * a).toBeGreaterThanOrEqual(g * (1 - slack));
        expect((deals - 1) * a).toBeLessThan(g);
        expect(opportunities * w).toBeGreaterThanOrEqual(deals * (1 - slack));
        expect(opportunities).toBeGreaterThanOrEqual(deals);
        expect(leads).toBeGreaterThanOrEqual(opportunities);
        if (opportunities > 0) expect((opportunities - 1) * w).toBeLessThan(deals);
        if (leads > 0) expect((leads - 1) * r).toBeLessThan(opportunities);
      }),
    );
  });

  it('the months add up to the whole, spread within one of each other, front-loaded', () => {
    fc.assert(
      fc.property(goal, dealValue, rate, rate, months, (g, a, w, r, m) => {
        const f = reverseFunnel({ goal: g, averageDealValue: a, winRate: w, leadToOpportunityRate: r, months: m });
        expect(f.perMonth).toHaveLength(m);
        for (const key of ['deals', 'opportunities', 'leads'] as const) {
          const perMonth = f.perMonth.map((month) => num(month[key]));
          expect(perMonth.reduce((s, v) => s + v, 0)).toBe(num(f[key]));
          expect(Math.max(...perMonth) - Math.min(...perMonth)).toBeLessThanOrEqual(1);
          expect(perMonth[0]).toBe(Math.max(...perMonth));
          expect(num((f.perMonth[m - 1]?.cumulative as FunnelNeeds)[key])).toBe(num(f[key]));
        }
      }),
    );
  });

  it('a rate given as a Ratio gives the same funnel as its value', () => {
    fc.assert(
      fc.property(goal, dealValue, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (g, a, k, n) => {
        const [num_, den] = k <= n ? [k, n] : [n, k];
        const asRatio = reverseFunnel({ goal: g, averageDealValue: a, winRate: ratio(num_, den), leadToOpportunityRate: ratio(num_, den), months: 3 });
        const asNumber = reverseFunnel({ goal: g, averageDealValue: a, winRate: num_ / den, leadToOpportunityRate: num_ / den, months: 3 });
        expect(asRatio).toEqual(asNumber);
      }),
    );
  });
});
