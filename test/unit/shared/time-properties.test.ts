import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  boxesKept,
  boxOutcome,
  durationMs,
  findOverlaps,
  interruptionLossMs,
  marketingBoxesStartingIn,
  overlapMs,
  splitEntry,
  unionMs,
  weeklySeries,
  workTotals,
} from '../../../shared/domain/time';
import type { Interval } from '../../../shared/domain/time';
import type { WeekStart, WorkKind } from '../../../shared/domain/model';
import { box, entry, HOUR } from './time-fixtures';

// A few days around Berlin's spring change, so weeks and days of odd lengths come up.
const ORIGIN = Date.UTC(2026, 2, 25);
const SPAN = 10 * 24 * HOUR;
const instant = fc.integer({ min: ORIGIN, max: ORIGIN + SPAN });
const kind = fc.constantFrom<WorkKind>('marketing', 'sales');

const interval = fc
  .tuple(instant, fc.integer({ min: 0, max: 30 * HOUR }))
  .map(([start, length]): Interval => ({ start, end: start + length }));

const entries = fc.array(
  fc.tuple(kind, interval).map(([k, i]) => entry(k, i.start, i.end)),
  { maxLength: 25 },
);

const boxes = fc.array(
  fc.tuple(kind, interval).map(([k, i]) => box(k, i.start, i.end)),
  { maxLength: 10 },
);

/** Entries of one kind that never overlap: consecutive pieces between sorted cut points. */
const disjointEntries = (k: WorkKind) =>
  fc.uniqueArray(instant, { maxLength: 30 }).map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push(entry(k, sorted[i] as number, sorted[i + 1] as number));
    return out;
  });

describe('time properties', () => {
  it('non-overlapping entries never total more than the period, per kind', () => {
    fc.assert(
      fc.property(disjointEntries('marketing'), disjointEntries('sales'), interval, (mk, sales, period) => {
        const totals = workTotals([...mk, ...sales], period);
        expect(totals.marketingMs).toBeLessThanOrEqual(durationMs(period));
        expect(totals.salesMs).toBeLessThanOrEqual(durationMs(period));
        expect(totals.totalMs).toBe(totals.marketingMs + totals.salesMs);
        expect(findOverlaps(mk)).toEqual([]);
      }),
    );
  });

  it('splitting an entry never changes totals, for any period', () => {
    fc.assert(
      fc.property(
        entries,
        kind,
        interval.filter((i) => i.end - i.start >= 2),
        fc.double({ min: 0, max: 1, noNaN: true }),
        interval,
        (others, k, span, where, period) => {
          const whole = entry(k, span.start, span.end);
          const at = Math.min(span.end - 1, Math.max(span.start + 1, Math.round(span.start + where * (span.end - span.start))));
          const result = splitEntry(whole, at, { newId: 'half', now: 0 });
          if (!result.ok) throw new Error('split refused strictly inside');
          expect(workTotals([...others, ...result.entries], period)).toEqual(workTotals([...others, whole], period));
        },
      ),
    );
  });

  it('clipping is monotone: a larger period never holds less', () => {
    fc.assert(
      fc.property(entries, interval, fc.nat(5 * HOUR), fc.nat(5 * HOUR), (list, inner, grow1, grow2) => {
        const outer = { start: inner.start - grow1, end: inner.end + grow2 };
        for (const e of list) {
          expect(overlapMs(e, inner)).toBeLessThanOrEqual(overlapMs(e, outer));
          expect(overlapMs(e, outer)).toBeLessThanOrEqual(durationMs(e));
        }
        const small = workTotals(list, inner);
        const large = workTotals(list, outer);
        expect(small.marketingMs).toBeLessThanOrEqual(large.marketingMs);
        expect(small.salesMs).toBeLessThanOrEqual(large.salesMs);
      }),
    );
  });

  it('a union is at most the sum and at least the longest', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 20 }), (list) => {
        const union = unionMs(list);
        expect(union).toBeLessThanOrEqual(list.reduce((s, i) => s + durationMs(i), 0));
        expect(union).toBeGreaterThanOrEqual(Math.max(0, ...list.map(durationMs)));
        // No overlapping pair exactly when the union is the sum.
        const withIds = list.map((i) => entry('marketing', i.start, i.end));
        expect(findOverlaps(withIds).length === 0).toBe(union === list.reduce((s, i) => s + durationMs(i), 0));
      }),
    );
  });

  it('duplicated entries change neither boxes kept nor interruption loss', () => {
    fc.assert(
      fc.property(boxes, entries, interval, (bs, es, period) => {
        const doubled = [...es, ...es.map((e) => ({ ...e, id: `${e.id}-copy` }))];
        expect(boxesKept(bs, doubled, period)).toEqual(boxesKept(bs, es, period));
        expect(interruptionLossMs(bs, doubled, period)).toBe(interruptionLossMs(bs, es, period));
      }),
    );
  });

  it('box figures stay within their bounds', () => {
    fc.assert(
      fc.property(boxes, entries, interval, (bs, es, period) => {
        const kept = boxesKept(bs, es, period);
        expect(kept.numerator).toBeLessThanOrEqual(kept.denominator);
        const counted = marketingBoxesStartingIn(bs, period);
        expect(kept.denominator).toBe(counted.length);
        const loss = interruptionLossMs(bs, es, period);
        expect(loss).toBeLessThanOrEqual(unionMs(counted));
        expect(loss).toBeLessThanOrEqual(counted.reduce((s, b) => s + boxOutcome(b, es).salesMs, 0));
        for (const b of bs) {
          const outcome = boxOutcome(b, es);
          expect(outcome.marketingMs).toBeLessThanOrEqual(outcome.plannedMs);
          expect(outcome.salesMs).toBeLessThanOrEqual(outcome.plannedMs);
        }
      }),
    );
  });

  it('the weekly series adds up to the period totals', () => {
    fc.assert(
      fc.property(
        entries,
        interval,
        fc.constantFrom('Europe/Berlin', 'Asia/Tokyo', 'America/New_York'),
        fc.constantFrom<WeekStart>(0, 1, 6),
        (es, period, zone, weekStartsOn) => {
          const series = weeklySeries(es, period, zone, weekStartsOn);
          const totals = workTotals(es, period);
          expect(series.reduce((s, w) => s + w.marketingMs, 0)).toBe(totals.marketingMs);
          expect(series.reduce((s, w) => s + w.salesMs, 0)).toBe(totals.salesMs);
          series.forEach((w, i) => {
            if (i > 0) expect(w.start).toBe(series[i - 1]?.end);
          });
        },
      ),
    );
  });
});
