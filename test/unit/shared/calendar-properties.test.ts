import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CALENDAR_PERIOD_KINDS,
  calendarDaysIn,
  dayContaining,
  dayKey,
  daysOf,
  fiscalHalfContaining,
  fiscalQuarterContaining,
  fiscalQuarterOf,
  fiscalQuarterPeriod,
  fiscalYearContaining,
  instantOfDayKey,
  monthContaining,
  periodSpecAt,
  resolvePeriod,
  shiftPeriod,
  startOfDayIn,
  weekContaining,
  HOUR_MS,
} from '../../../shared/domain/calendar';
import type { WeekStart } from '../../../shared/domain/model';

// Zones chosen for their awkward rules: none, 1-hour DST both hemispheres, a 30-minute DST
// (Lord Howe), a half-hour offset, and a zone whose clocks skip midnight (Santiago).
const zones = fc.constantFrom(
  'Asia/Tokyo',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
);
// Uniform instants rarely land near a clock change, so half of them are drawn within 8 days of one.
const TRANSITIONS = [
  Date.UTC(2026, 2, 29, 1), // Europe/Berlin spring
  Date.UTC(2026, 9, 25, 1), // Europe/Berlin autumn
  Date.UTC(2026, 2, 8, 7), // America/New_York spring
  Date.UTC(2026, 10, 1, 6), // America/New_York autumn
  Date.UTC(2026, 2, 8, 10), // America/Los_Angeles spring
  Date.UTC(2022, 8, 11, 4), // America/Santiago, skipping midnight
  Date.UTC(2026, 3, 4, 15), // Australia/Lord_Howe, 30 minutes back
];
const EIGHT_DAYS = 8 * 24 * 3_600_000;
const instants = fc.oneof(
  fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
  fc
    .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -EIGHT_DAYS, max: EIGHT_DAYS }))
    .map(([t, offset]) => t + offset),
);
const weekStarts = fc.constantFrom<WeekStart>(0, 1, 2, 3, 4, 5, 6);
const startMonths = fc.integer({ min: 1, max: 12 });

/** Weekday (0 = Sunday) of a calendar date, computed without any zone. */
const weekdayOfKey = (key: string) => new Date(`${key}T00:00:00Z`).getUTCDay();

describe('calendar properties', () => {
  it('a week contains its instant, starts on the week-start day at a day start, and has 7 calendar days', () => {
    fc.assert(
      fc.property(instants, zones, weekStarts, (instant, zone, weekStartsOn) => {
        const week = weekContaining(instant, zone, weekStartsOn);
        expect(week.start).toBeLessThanOrEqual(instant);
        expect(instant).toBeLessThan(week.end);
        expect(startOfDayIn(week.start, zone)).toBe(week.start);
        expect(startOfDayIn(week.end, zone)).toBe(week.end);
        expect(weekdayOfKey(dayKey(week.start, zone))).toBe(weekStartsOn);
        expect(calendarDaysIn(week, zone)).toBe(7);
        expect(daysOf(week, zone)).toHaveLength(7);
        const hours = (week.end - week.start) / HOUR_MS;
        expect(hours).toBeGreaterThanOrEqual(167);
        expect(hours).toBeLessThanOrEqual(169);
      }),
    );
  });

  it('day keys round-trip to the start of the day', () => {
    fc.assert(
      fc.property(instants, zones, (instant, zone) => {
        const key = dayKey(instant, zone);
        expect(instantOfDayKey(key, zone)).toBe(startOfDayIn(instant, zone));
        const day = dayContaining(instant, zone);
        expect(dayKey(day.end - 1, zone)).toBe(key);
        expect(dayKey(day.end, zone)).not.toBe(key);
      }),
    );
  });

  it('calendar days add up when a period is cut in two', () => {
    fc.assert(
      fc.property(fc.array(instants, { minLength: 3, maxLength: 3 }), zones, (points, zone) => {
        const [a, b, c] = [...points].sort((x, y) => x - y) as [number, number, number];
        const whole = calendarDaysIn({ start: a, end: c }, zone);
        const parts = calendarDaysIn({ start: a, end: b }, zone) + calendarDaysIn({ start: b, end: c }, zone);
        expect(parts).toBeCloseTo(whole, 6);
      }),
    );
  });

  it('days tile a period exactly', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 40 * 24 * HOUR_MS }), zones, (start, length, zone) => {
        const period = { start, end: start + length };
        const days = daysOf(period, zone);
        if (length === 0) {
          expect(days).toEqual([]);
          return;
        }
        expect(days[0]?.start).toBe(period.start);
        expect(days[days.length - 1]?.end).toBe(period.end);
        days.forEach((day, i) => {
          expect(day.end).toBeGreaterThan(day.start);
          if (i > 0) expect(day.start).toBe(days[i - 1]?.end);
        });
      }),
    );
  });

  it('a fiscal quarter holds its instant and nests in its half and year', () => {
    fc.assert(
      fc.property(instants, zones, startMonths, (instant, zone, startMonth) => {
        const quarter = fiscalQuarterContaining(instant, zone, startMonth);
        const half = fiscalHalfContaining(instant, zone, startMonth);
        const year = fiscalYearContaining(instant, zone, startMonth);
        expect(quarter.start).toBeLessThanOrEqual(instant);
        expect(instant).toBeLessThan(quarter.end);
        expect(half.start).toBeLessThanOrEqual(quarter.start);
        expect(quarter.end).toBeLessThanOrEqual(half.end);
        expect(year.start).toBeLessThanOrEqual(half.start);
        expect(half.end).toBeLessThanOrEqual(year.end);
        const { fiscalYear, quarter: q } = fiscalQuarterOf(instant, zone, startMonth);
        expect(fiscalQuarterPeriod(fiscalYear, q, zone, startMonth)).toEqual(quarter);
        // The fiscal year is named by the calendar year of its first day.
        expect(dayKey(year.start, zone).slice(0, 4)).toBe(String(fiscalYear));
        // Months begin on the 1st, and a quarter is 3 whole months.
        expect(dayKey(quarter.start, zone).slice(8)).toBe('01');
        expect(monthContaining(quarter.start, zone).start).toBe(quarter.start);
      }),
    );
  });

  it('the previous period of every kind ends where the period starts', () => {
    fc.assert(
      fc.property(
        instants,
        zones,
        weekStarts,
        startMonths,
        fc.constantFrom(...CALENDAR_PERIOD_KINDS),
        fc.integer({ min: -30, max: 30 }),
        (instant, zone, weekStartsOn, fiscalYearStartMonth, kind, steps) => {
          const settings = { weekStartsOn, fiscalYearStartMonth };
          const spec = shiftPeriod(periodSpecAt(kind, instant, zone), steps, zone);
          const current = resolvePeriod(spec, zone, settings);
          const previous = resolvePeriod(shiftPeriod(spec, -1, zone), zone, settings);
          const next = resolvePeriod(shiftPeriod(spec, 1, zone), zone, settings);
          expect(previous.end).toBe(current.start);
          expect(next.start).toBe(current.end);
        },
      ),
    );
  });

  it('a shifted custom period keeps its wall-clock times and never overlaps the original', () => {
    fc.assert(
      fc.property(
        instants,
        fc.integer({ min: 0, max: 10 * 24 * HOUR_MS }),
        zones,
        fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0),
        (start, length, zone, steps) => {
          const spec = { kind: 'custom' as const, start, end: start + length };
          const shifted = shiftPeriod(spec, steps, zone);
          if (shifted.kind !== 'custom') throw new Error('kind changed');
          if (steps < 0) expect(shifted.end).toBeLessThanOrEqual(spec.start);
          else expect(shifted.start).toBeGreaterThanOrEqual(spec.end);
          // Same local time of day unless a DST gap pushed it (at most 1 hour).
          const timeOfDay = (t: number) => t - startOfDayIn(t, zone);
          expect(Math.abs(timeOfDay(shifted.start) - timeOfDay(spec.start))).toBeLessThanOrEqual(HOUR_MS);
        },
      ),
    );
  });
});
