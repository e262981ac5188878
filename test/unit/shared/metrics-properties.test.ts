import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeMetricRows, metricSeries, metricValueInPeriod } from '../../../shared/domain/metrics';
import type { MetricMergeMode, MetricRow } from '../../../shared/domain/metrics';
import {
  addDaysToKey,
  addMonthsToKey,
  calendarDaysIn,
  fiscalQuarterContaining,
  instantOfDayKey,
  monthContaining,
} from '../../../shared/domain/calendar';
import type { Period } from '../../../shared/domain/calendar';
import type { MetricDefinition, MetricEntry } from '../../../shared/domain/model';

// Zones with no DST, DST in either hemisphere, a 30-minute DST and a zone whose clocks skip
// midnight: the roll-up counts calendar days, so none of them may change a total.
const zones = fc.constantFrom(
  'Asia/Tokyo',
  'Europe/Berlin',
  'America/Los_Angeles',
  'America/Santiago',
  'Australia/Lord_Howe',
  'UTC',
);
// Any day from 2000 to 2039, as a day key.
const dayKeys = fc.integer({ min: 0, max: 40 * 366 }).map((offset) => addDaysToKey('2000-01-01', offset));
const values = fc.integer({ min: 0, max: 1_000_000 });

const definition = (period: 'week' | 'month'): MetricDefinition => ({
  id: 'm',
  unit: 'count',
  period,
  archived: 0,
  order: 0,
  createdAt: 0,
});
const entriesFrom = (keys: readonly string[], vals: readonly number[]): MetricEntry[] =>
  keys.map((period, i) => ({ id: `e${i}`, metricId: 'm', period, value: vals[i] ?? 0, updatedAt: 0 }));

/** Consecutive periods from the one containing `from` until one reaches `until` (exclusive). */
function covering(from: string, until: string, tz: string, next: (instant: number, tz: string) => Period): Period[] {
  const end = instantOfDayKey(until, tz);
  const periods: Period[] = [];
  let period = next(instantOfDayKey(from, tz), tz);
  periods.push(period);
  while (period.end < end) {
    period = next(period.end, tz);
    periods.push(period);
  }
  return periods;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** Floating sums of pro-rata shares agree to a relative 1e-9. */
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe('roll-up properties', () => {
  it('rolling weekly values up to the months that cover them keeps their sum', () => {
    fc.assert(
      fc.property(zones, dayKeys, fc.array(values, { minLength: 1, maxLength: 60 }), (tz, first, weekly) => {
        const keys = weekly.map((_, i) => addDaysToKey(first, 7 * i));
        const months = covering(first, addDaysToKey(first, 7 * weekly.length), tz, monthContaining);
        const series = metricSeries(entriesFrom(keys, weekly), definition('week'), months, tz);
        close(sum(series.map((m) => m.value)), sum(weekly));
        // Consecutive weeks leave no gap: every month but the first and last is fully covered.
        for (const month of series.slice(1, -1)) close(month.coverage, 1);
      }),
      { numRuns: 150 },
    );
  });

  it('rolling monthly values up to fiscal quarters keeps their sum, whatever the fiscal start', () => {
    fc.assert(
      fc.property(zones, dayKeys, fc.integer({ min: 1, max: 12 }), fc.array(values, { minLength: 1, maxLength: 30 }), (tz, day, startMonth, monthly) => {
        const first = `${day.slice(0, 8)}01`;
        const keys = monthly.map((_, i) => addMonthsToKey(first, i));
        const quarters = covering(first, addMonthsToKey(first, monthly.length), tz, (instant, zone) =>
          fiscalQuarterContaining(instant, zone, startMonth),
        );
        const series = metricSeries(entriesFrom(keys, monthly), definition('month'), quarters, tz);
        // Whole months in whole quarters: integer values stay exact.
        expect(sum(series.map((q) => q.value))).toBe(sum(monthly));
      }),
      { numRuns: 100 },
    );
  });

  it('is additive: a period cut at any day boundary gives the same total in its two parts', () => {
    fc.assert(
      fc.property(
        zones,
        dayKeys,
        fc.array(values, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 160 }),
        fc.integer({ min: 0, max: 160 }),
        (tz, first, weekly, a, b) => {
          const keys = weekly.map((_, i) => addDaysToKey(first, 7 * i));
          const entries = entriesFrom(keys, weekly);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const start = instantOfDayKey(addDaysToKey(first, -3), tz);
          const cut = instantOfDayKey(addDaysToKey(first, lo), tz);
          const end = instantOfDayKey(addDaysToKey(first, hi + 1), tz);
          const whole = metricValueInPeriod(entries, definition('week'), { start, end }, tz);
          const left = metricValueInPeriod(entries, definition('week'), { start, end: cut }, tz);
          const right = metricValueInPeriod(entries, definition('week'), { start: cut, end }, tz);
          close(left.value + right.value, whole.value);
          close(left.coveredDays + right.coveredDays, whole.coveredDays);
          // The day line measures periods exactly as calendar.ts counts their days.
          close(whole.days, calendarDaysIn({ start, end }, tz));
          expect(whole.coverage).toBeGreaterThanOrEqual(0);
          expect(whole.coverage).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('merge properties', () => {
  // A small key space so that duplicates, within the file and against the store, are common.
  const keyed = fc.record({
    metricId: fc.constantFrom('opens', 'sent', 'views'),
    period: fc.constantFrom('2026-09-28', '2026-10-05', '2026-10-12'),
    value: fc.integer({ min: 0, max: 1000 }),
  });
  const stored = fc
    .uniqueArray(keyed, { selector: (r) => `${r.metricId}|${r.period}`, maxLength: 9 })
    .map((rows) => rows.map((r, i): MetricRow => ({ ...r, id: `s${i}` })));
  const incoming = fc.array(keyed, { maxLength: 12 });
  const modes = fc.constantFrom<MetricMergeMode>('replace', 'add');
  const keysOf = (rows: readonly MetricRow[]) => rows.map((r) => `${r.metricId}|${r.period}`);

  it("'replace' is idempotent: importing the same file twice changes nothing the second time", () => {
    fc.assert(
      fc.property(stored, incoming, (existing, file) => {
        const once = mergeMetricRows(existing, file, 'replace');
        const twice = mergeMetricRows(once.rows, file, 'replace');
        expect(twice.rows).toEqual(once.rows);
        expect(twice.changed).toEqual([]);
      }),
    );
  });

  it('leaves each key once, keeps every stored id, and (add) keeps the grand total', () => {
    fc.assert(
      fc.property(stored, incoming, modes, (existing, file, mode) => {
        const { rows } = mergeMetricRows(existing, file, mode);
        expect(new Set(keysOf(rows)).size).toBe(rows.length);
        expect(new Set(keysOf(rows))).toEqual(new Set([...keysOf(existing), ...keysOf(file)]));
        for (const row of existing) expect(rows.some((r) => r.id === row.id)).toBe(true);
        if (mode === 'add') expect(sum(rows.map((r) => r.value))).toBe(sum(existing.map((r) => r.value)) + sum(file.map((r) => r.value)));
      }),
    );
  });
});
