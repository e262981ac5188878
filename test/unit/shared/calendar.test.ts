import { describe, expect, it } from 'vitest';
import {
  addDaysIn,
  addDaysToKey,
  addMonthsToKey,
  calendarDaysIn,
  dayContaining,
  dayKey,
  daysBetweenKeys,
  daysOf,
  daysOfWeek,
  fiscalHalfContaining,
  fiscalHalfOf,
  fiscalQuarterContaining,
  fiscalQuarterOf,
  fiscalQuarterPeriod,
  fiscalYearContaining,
  fiscalYearOf,
  fiscalYearPeriod,
  instantOfDayKey,
  isDayKey,
  isValidTimeZone,
  monthContaining,
  periodSpecAt,
  previousPeriod,
  resolvePeriod,
  samePeriodLastYear,
  shiftPeriod,
  startOfDayIn,
  weekContaining,
  weeksOf,
  HOUR_MS,
} from '../../../shared/domain/calendar';
import type { CalendarSettings, Period } from '../../../shared/domain/calendar';

// Every fixture is written as an ISO instant WITH its offset, worked out by hand from the zone's
// rules, so nothing here depends on the zone the test process runs in (it runs in two).
const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad fixture ${iso}`);
  return ms;
};
const period = (start: string, end: string): Period => ({ start: at(start), end: at(end) });
const hoursOf = (p: Period) => (p.end - p.start) / HOUR_MS;

const TOKYO = 'Asia/Tokyo';
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

describe('days', () => {
  it('starts the day at local midnight', () => {
    expect(startOfDayIn(at('2026-03-11T01:00+09:00'), TOKYO)).toBe(at('2026-03-11T00:00+09:00'));
    // The same instant is still the 10th in New York.
    expect(startOfDayIn(at('2026-03-11T01:00+09:00'), NEW_YORK)).toBe(at('2026-03-10T00:00-04:00'));
    expect(startOfDayIn(at('2026-03-11T00:00+09:00'), TOKYO)).toBe(at('2026-03-11T00:00+09:00'));
  });

  it('starts a day whose midnight does not exist at the first instant that does', () => {
    // Chile sprang forward at 2022-09-11 00:00 → 01:00 (-04 → -03).
    expect(startOfDayIn(at('2022-09-11T12:00-03:00'), 'America/Santiago')).toBe(at('2022-09-11T01:00-03:00'));
    expect(dayContaining(at('2022-09-11T12:00-03:00'), 'America/Santiago')).toEqual(
      period('2022-09-11T01:00-03:00', '2022-09-12T00:00-03:00'),
    );
    expect(dayContaining(at('2022-09-10T12:00-04:00'), 'America/Santiago')).toEqual(
      period('2022-09-10T00:00-04:00', '2022-09-11T01:00-03:00'),
    );
  });

  it('has 23- and 25-hour days across DST', () => {
    expect(hoursOf(dayContaining(at('2026-03-08T12:00-04:00'), NEW_YORK))).toBe(23);
    expect(hoursOf(dayContaining(at('2026-11-01T12:00-05:00'), NEW_YORK))).toBe(25);
    expect(hoursOf(dayContaining(at('2026-03-29T12:00+02:00'), BERLIN))).toBe(23);
    expect(hoursOf(dayContaining(at('2026-10-25T12:00+01:00'), BERLIN))).toBe(25);
    expect(hoursOf(dayContaining(at('2026-03-29T12:00+09:00'), TOKYO))).toBe(24);
  });

  it('adds calendar days keeping the wall-clock time', () => {
    expect(addDaysIn(at('2026-03-07T12:00-05:00'), 1, NEW_YORK)).toBe(at('2026-03-08T12:00-04:00'));
    expect(addDaysIn(at('2026-10-24T12:00+02:00'), 1, BERLIN)).toBe(at('2026-10-25T12:00+01:00'));
    expect(addDaysIn(at('2026-10-25T12:00+01:00'), -1, BERLIN)).toBe(at('2026-10-24T12:00+02:00'));
    expect(addDaysIn(at('2026-01-31T23:30+09:00'), 1, TOKYO)).toBe(at('2026-02-01T23:30+09:00'));
    expect(addDaysIn(at('2026-03-08T12:00-04:00'), 0, NEW_YORK)).toBe(at('2026-03-08T12:00-04:00'));
    // 02:30 does not exist on 8 March in New York: it moves forward by the gap.
    expect(addDaysIn(at('2026-03-07T02:30-05:00'), 1, NEW_YORK)).toBe(at('2026-03-08T03:30-04:00'));
    expect(() => addDaysIn(0, 1.5, TOKYO)).toThrow(RangeError);
  });

  it('names the local day', () => {
    const instant = at('2026-03-10T16:00Z');
    expect(dayKey(instant, TOKYO)).toBe('2026-03-11');
    expect(dayKey(instant, 'America/Los_Angeles')).toBe('2026-03-10');
    expect(dayKey(at('2026-12-31T23:59:59.999+09:00'), TOKYO)).toBe('2026-12-31');
    expect(dayKey(at('2027-01-01T00:00+09:00'), TOKYO)).toBe('2027-01-01');
    expect(dayKey(at('0999-06-01T12:00Z'), 'UTC')).toBe('0999-06-01');
  });

  it('finds the first instant of a named day', () => {
    expect(instantOfDayKey('2026-03-29', BERLIN)).toBe(at('2026-03-29T00:00+01:00'));
    expect(instantOfDayKey('2026-03-30', BERLIN)).toBe(at('2026-03-30T00:00+02:00'));
    expect(instantOfDayKey('2026-11-01', NEW_YORK)).toBe(at('2026-11-01T00:00-04:00'));
    expect(instantOfDayKey('2026-02-10', TOKYO)).toBe(at('2026-02-10T00:00+09:00'));
    expect(instantOfDayKey('2022-09-11', 'America/Santiago')).toBe(at('2022-09-11T01:00-03:00'));
    expect(dayKey(instantOfDayKey('2028-02-29', NEW_YORK), NEW_YORK)).toBe('2028-02-29');
  });

  it('rejects malformed day keys and unknown zones', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '2026-13-01', '2026-00-10', 'abc', '', '2026-02-10T00:00']) {
      expect(isDayKey(bad)).toBe(false);
      expect(() => instantOfDayKey(bad, TOKYO)).toThrow(RangeError);
    }
    expect(isDayKey('2028-02-29')).toBe(true);
    expect(isDayKey('2027-02-29')).toBe(false);
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => startOfDayIn(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => weekContaining(0, 'Mars/Olympus_Mons', 1)).toThrow(RangeError);
    expect(() => dayKey(Number.NaN, TOKYO)).toThrow(RangeError);
  });

  it('does day-key arithmetic on the calendar', () => {
    expect(addDaysToKey('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDaysToKey('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToKey('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonthsToKey('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsToKey('2028-02-29', -12)).toBe('2027-02-28');
    expect(addMonthsToKey('2026-11-15', 3)).toBe('2027-02-15');
    expect(daysBetweenKeys('2026-11-01', '2026-12-01')).toBe(30);
    expect(daysBetweenKeys('2026-12-01', '2026-11-01')).toBe(-30);
  });
});

describe('weekContaining', () => {
  // 2026-03-11 is a Wednesday.
  const wednesday = at('2026-03-11T12:00+09:00');

  it.each([
    [1, '2026-03-09T00:00+09:00', '2026-03-16T00:00+09:00'],
    [0, '2026-03-08T00:00+09:00', '2026-03-15T00:00+09:00'],
    [6, '2026-03-07T00:00+09:00', '2026-03-14T00:00+09:00'],
  ] as const)('Tokyo, week starting on day %i', (weekStartsOn, start, end) => {
    const week = weekContaining(wednesday, TOKYO, weekStartsOn);
    expect(week).toEqual(period(start, end));
    expect(hoursOf(week)).toBe(168);
  });

  it('puts the first instant of a week in that week and the instant before it in the previous one', () => {
    const monday = at('2026-03-09T00:00+09:00');
    expect(weekContaining(monday, TOKYO, 1).start).toBe(monday);
    expect(weekContaining(monday - 1, TOKYO, 1)).toEqual(period('2026-03-02T00:00+09:00', '2026-03-09T00:00+09:00'));
  });

  it.each([
    // Berlin springs forward on Sunday 2026-03-29 02:00 CET → 03:00 CEST.
    [BERLIN, 1, '2026-03-25T12:00+01:00', '2026-03-23T00:00+01:00', '2026-03-30T00:00+02:00', 167],
    [BERLIN, 0, '2026-03-29T14:00+02:00', '2026-03-29T00:00+01:00', '2026-04-05T00:00+02:00', 167],
    [BERLIN, 6, '2026-03-29T14:00+02:00', '2026-03-28T00:00+01:00', '2026-04-04T00:00+02:00', 167],
    // …and falls back on Sunday 2026-10-25 03:00 CEST → 02:00 CET.
    [BERLIN, 1, '2026-10-25T12:00+01:00', '2026-10-19T00:00+02:00', '2026-10-26T00:00+01:00', 169],
    [BERLIN, 0, '2026-10-25T12:00+01:00', '2026-10-25T00:00+02:00', '2026-11-01T00:00+01:00', 169],
    [BERLIN, 6, '2026-10-25T12:00+01:00', '2026-10-24T00:00+02:00', '2026-10-31T00:00+01:00', 169],
    // New York springs forward on Sunday 2026-03-08 02:00 EST → 03:00 EDT.
    [NEW_YORK, 0, '2026-03-08T08:00-04:00', '2026-03-08T00:00-05:00', '2026-03-15T00:00-04:00', 167],
    [NEW_YORK, 1, '2026-03-08T08:00-04:00', '2026-03-02T00:00-05:00', '2026-03-09T00:00-04:00', 167],
    [NEW_YORK, 6, '2026-03-08T08:00-04:00', '2026-03-07T00:00-05:00', '2026-03-14T00:00-04:00', 167],
    // …and falls back on Sunday 2026-11-01 02:00 EDT → 01:00 EST.
    [NEW_YORK, 0, '2026-11-01T07:00-05:00', '2026-11-01T00:00-04:00', '2026-11-08T00:00-05:00', 169],
    [NEW_YORK, 1, '2026-11-01T07:00-05:00', '2026-10-26T00:00-04:00', '2026-11-02T00:00-05:00', 169],
    [NEW_YORK, 6, '2026-11-01T07:00-05:00', '2026-10-31T00:00-04:00', '2026-11-07T00:00-05:00', 169],
  ] as const)('%s, week starting on day %i around %s', (zone, weekStartsOn, instant, start, end, hours) => {
    const week = weekContaining(at(instant), zone, weekStartsOn);
    expect(week).toEqual(period(start, end));
    expect(hoursOf(week)).toBe(hours);
    expect(calendarDaysIn(week, zone)).toBe(7);
  });

  it('finds the week of an instant inside the repeated autumn hour', () => {
    // 01:30 happens twice in New York on 2026-11-01; both belong to the Sunday-start week of the 1st.
    for (const instant of ['2026-11-01T01:30-04:00', '2026-11-01T01:30-05:00']) {
      expect(weekContaining(at(instant), NEW_YORK, 0)).toEqual(period('2026-11-01T00:00-04:00', '2026-11-08T00:00-05:00'));
    }
  });

  it('rejects a week start outside 0..6', () => {
    expect(() => weekContaining(0, TOKYO, 7 as never)).toThrow(RangeError);
  });

  it('splits a DST week into its 7 days', () => {
    const week = weekContaining(at('2026-03-25T12:00+01:00'), BERLIN, 1);
    const days = daysOfWeek(week, BERLIN);
    expect(days.map(hoursOf)).toEqual([24, 24, 24, 24, 24, 24, 23]);
    expect(days[0]?.start).toBe(week.start);
    expect(days[6]?.end).toBe(week.end);
    expect(days.map((d) => dayKey(d.start, BERLIN))).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    const autumn = daysOfWeek(weekContaining(at('2026-11-01T07:00-05:00'), NEW_YORK, 0), NEW_YORK);
    expect(autumn.map(hoursOf)).toEqual([25, 24, 24, 24, 24, 24, 24]);
  });
});

describe('months', () => {
  it('spans the local month', () => {
    expect(monthContaining(at('2026-11-17T09:00+09:00'), TOKYO)).toEqual(
      period('2026-11-01T00:00+09:00', '2026-12-01T00:00+09:00'),
    );
    const ny = monthContaining(at('2026-11-17T09:00-05:00'), NEW_YORK);
    expect(ny).toEqual(period('2026-11-01T00:00-04:00', '2026-12-01T00:00-05:00'));
    expect(hoursOf(ny)).toBe(30 * 24 + 1);
    expect(monthContaining(at('2026-02-10T00:00+09:00'), TOKYO)).toEqual(
      period('2026-02-01T00:00+09:00', '2026-03-01T00:00+09:00'),
    );
    // 1 Nov 00:30 in Tokyo is still October in New York.
    expect(monthContaining(at('2026-11-01T00:30+09:00'), NEW_YORK)).toEqual(
      period('2026-10-01T00:00-04:00', '2026-11-01T00:00-04:00'),
    );
  });
});

describe('fiscal periods', () => {
  it('puts February in Q4 of the fiscal year that began the April before (April start)', () => {
    const feb10 = at('2026-02-10T12:00+09:00');
    expect(fiscalYearOf(feb10, TOKYO, 4)).toBe(2025);
    expect(fiscalQuarterOf(feb10, TOKYO, 4)).toEqual({ fiscalYear: 2025, quarter: 4 });
    expect(fiscalQuarterContaining(feb10, TOKYO, 4)).toEqual(period('2026-01-01T00:00+09:00', '2026-04-01T00:00+09:00'));
    expect(fiscalHalfOf(feb10, TOKYO, 4)).toEqual({ fiscalYear: 2025, half: 2 });
    expect(fiscalHalfContaining(feb10, TOKYO, 4)).toEqual(period('2025-10-01T00:00+09:00', '2026-04-01T00:00+09:00'));
    expect(fiscalYearContaining(feb10, TOKYO, 4)).toEqual(period('2025-04-01T00:00+09:00', '2026-04-01T00:00+09:00'));
  });

  it.each([
    ['2026-04-01T00:00+09:00', 2026, 1, '2026-04-01T00:00+09:00', '2026-07-01T00:00+09:00'],
    ['2026-06-30T23:59:59.999+09:00', 2026, 1, '2026-04-01T00:00+09:00', '2026-07-01T00:00+09:00'],
    ['2026-07-01T00:00+09:00', 2026, 2, '2026-07-01T00:00+09:00', '2026-10-01T00:00+09:00'],
    ['2026-12-31T12:00+09:00', 2026, 3, '2026-10-01T00:00+09:00', '2027-01-01T00:00+09:00'],
    ['2027-03-31T23:59:59.999+09:00', 2026, 4, '2027-01-01T00:00+09:00', '2027-04-01T00:00+09:00'],
  ] as const)('April start: %s is FY%i Q%i', (instant, fiscalYear, quarter, start, end) => {
    expect(fiscalQuarterOf(at(instant), TOKYO, 4)).toEqual({ fiscalYear, quarter });
    expect(fiscalQuarterContaining(at(instant), TOKYO, 4)).toEqual(period(start, end));
  });

  it('switches fiscal year at local midnight of the start month', () => {
    const startFy2026 = at('2026-04-01T00:00+09:00');
    expect(fiscalYearOf(startFy2026, TOKYO, 4)).toBe(2026);
    expect(fiscalYearOf(startFy2026 - 1, TOKYO, 4)).toBe(2025);
    // Same instant, different zone: still 31 March in New York.
    expect(fiscalYearOf(startFy2026, NEW_YORK, 4)).toBe(2025);
  });

  it('makes the fiscal year the calendar year with a January start', () => {
    const feb10 = at('2026-02-10T12:00+09:00');
    expect(fiscalYearOf(feb10, TOKYO, 1)).toBe(2026);
    expect(fiscalQuarterOf(feb10, TOKYO, 1)).toEqual({ fiscalYear: 2026, quarter: 1 });
    expect(fiscalQuarterContaining(feb10, TOKYO, 1)).toEqual(period('2026-01-01T00:00+09:00', '2026-04-01T00:00+09:00'));
    expect(fiscalQuarterOf(at('2026-12-31T23:00+09:00'), TOKYO, 1)).toEqual({ fiscalYear: 2026, quarter: 4 });
    expect(fiscalHalfContaining(at('2026-07-01T00:00+09:00'), TOKYO, 1)).toEqual(
      period('2026-07-01T00:00+09:00', '2027-01-01T00:00+09:00'),
    );
    expect(fiscalYearContaining(feb10, TOKYO, 1)).toEqual(period('2026-01-01T00:00+09:00', '2027-01-01T00:00+09:00'));
  });

  it('names a fiscal year by the year it starts in, for any start month', () => {
    // October start: October 2026 begins FY2026 (not FY2027 as US federal naming would have it).
    expect(fiscalYearOf(at('2026-10-01T00:00+09:00'), TOKYO, 10)).toBe(2026);
    expect(fiscalYearOf(at('2026-09-30T23:00+09:00'), TOKYO, 10)).toBe(2025);
    expect(fiscalQuarterOf(at('2026-12-01T00:00+09:00'), TOKYO, 10)).toEqual({ fiscalYear: 2026, quarter: 1 });
    // December start: Q1 runs over the new year.
    expect(fiscalQuarterContaining(at('2027-01-15T00:00+09:00'), TOKYO, 12)).toEqual(
      period('2026-12-01T00:00+09:00', '2027-03-01T00:00+09:00'),
    );
    expect(fiscalQuarterOf(at('2027-01-15T00:00+09:00'), TOKYO, 12)).toEqual({ fiscalYear: 2026, quarter: 1 });
  });

  it('resolves named fiscal periods (for goals)', () => {
    expect(fiscalYearPeriod(2026, TOKYO, 4)).toEqual(period('2026-04-01T00:00+09:00', '2027-04-01T00:00+09:00'));
    expect(fiscalQuarterPeriod(2025, 4, TOKYO, 4)).toEqual(period('2026-01-01T00:00+09:00', '2026-04-01T00:00+09:00'));
    // DST inside the quarter: starts in EST, ends in EDT.
    expect(fiscalQuarterPeriod(2025, 4, NEW_YORK, 4)).toEqual(period('2026-01-01T00:00-05:00', '2026-04-01T00:00-04:00'));
  });

  it('rejects a start month outside 1..12', () => {
    expect(() => fiscalYearOf(0, TOKYO, 0)).toThrow(RangeError);
    expect(() => fiscalQuarterContaining(0, TOKYO, 13)).toThrow(RangeError);
    expect(() => fiscalYearPeriod(2026, TOKYO, 4.5)).toThrow(RangeError);
  });
});

describe('calendarDaysIn', () => {
  it('counts whole local days, however long they are', () => {
    expect(calendarDaysIn(monthContaining(at('2026-11-10T00:00+09:00'), TOKYO), TOKYO)).toBe(30);
    expect(calendarDaysIn(monthContaining(at('2026-11-10T00:00-05:00'), NEW_YORK), NEW_YORK)).toBe(30);
    expect(calendarDaysIn(monthContaining(at('2028-02-10T00:00+01:00'), BERLIN), BERLIN)).toBe(29);
    expect(calendarDaysIn(fiscalYearPeriod(2026, BERLIN, 4), BERLIN)).toBe(365);
    expect(calendarDaysIn(dayContaining(at('2026-03-08T12:00-04:00'), NEW_YORK), NEW_YORK)).toBe(1);
  });

  it('counts a partial day as the share of its real length', () => {
    expect(calendarDaysIn(period('2026-11-02T00:00+09:00', '2026-11-02T06:00+09:00'), TOKYO)).toBe(0.25);
    // 00:00–12:00 EDT on the 23-hour day is 11 real hours.
    expect(calendarDaysIn(period('2026-03-08T00:00-05:00', '2026-03-08T12:00-04:00'), NEW_YORK)).toBeCloseTo(11 / 23, 12);
    // Noon to noon over that day: half + the whole 23-h day + half.
    expect(calendarDaysIn(period('2026-03-07T12:00-05:00', '2026-03-09T12:00-04:00'), NEW_YORK)).toBe(2);
    expect(calendarDaysIn(period('2026-11-02T06:00+09:00', '2026-11-02T06:00+09:00'), TOKYO)).toBe(0);
    expect(() => calendarDaysIn(period('2026-11-02T06:00+09:00', '2026-11-02T05:00+09:00'), TOKYO)).toThrow(RangeError);
  });
});

describe('daysOf and weeksOf', () => {
  it('clips the first and last day to the period', () => {
    const days = daysOf(period('2026-11-02T18:00+09:00', '2026-11-04T06:00+09:00'), TOKYO);
    expect(days).toEqual([
      period('2026-11-02T18:00+09:00', '2026-11-03T00:00+09:00'),
      period('2026-11-03T00:00+09:00', '2026-11-04T00:00+09:00'),
      period('2026-11-04T00:00+09:00', '2026-11-04T06:00+09:00'),
    ]);
    expect(daysOf(period('2026-11-02T18:00+09:00', '2026-11-02T18:00+09:00'), TOKYO)).toEqual([]);
  });

  it('cuts a month into weeks, keeping each whole week start for the label', () => {
    // November 2026 starts on a Sunday and ends on a Monday.
    const november = monthContaining(at('2026-11-10T00:00+09:00'), TOKYO);
    const weeks = weeksOf(november, TOKYO, 1);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual({
      weekStart: at('2026-10-26T00:00+09:00'),
      start: at('2026-11-01T00:00+09:00'),
      end: at('2026-11-02T00:00+09:00'),
    });
    expect(weeks[5]).toEqual({
      weekStart: at('2026-11-30T00:00+09:00'),
      start: at('2026-11-30T00:00+09:00'),
      end: at('2026-12-01T00:00+09:00'),
    });
    expect(weeks.reduce((sum, w) => sum + calendarDaysIn(w, TOKYO), 0)).toBe(30);
    expect(weeksOf(period('2026-11-02T00:00+09:00', '2026-11-02T00:00+09:00'), TOKYO, 1)).toEqual([]);
  });
});

describe('period specs', () => {
  const settings: CalendarSettings = { weekStartsOn: 1, fiscalYearStartMonth: 4 };

  it('resolves each kind around its anchor day', () => {
    expect(resolvePeriod({ kind: 'week', anchor: '2026-03-29' }, BERLIN, settings)).toEqual(
      period('2026-03-23T00:00+01:00', '2026-03-30T00:00+02:00'),
    );
    expect(resolvePeriod({ kind: 'month', anchor: '2026-11-17' }, TOKYO, settings)).toEqual(
      period('2026-11-01T00:00+09:00', '2026-12-01T00:00+09:00'),
    );
    expect(resolvePeriod({ kind: 'fiscal-quarter', anchor: '2026-02-10' }, TOKYO, settings)).toEqual(
      period('2026-01-01T00:00+09:00', '2026-04-01T00:00+09:00'),
    );
    expect(resolvePeriod({ kind: 'fiscal-half', anchor: '2026-02-10' }, TOKYO, settings)).toEqual(
      period('2025-10-01T00:00+09:00', '2026-04-01T00:00+09:00'),
    );
    expect(resolvePeriod({ kind: 'fiscal-year', anchor: '2026-02-10' }, TOKYO, settings)).toEqual(
      period('2025-04-01T00:00+09:00', '2026-04-01T00:00+09:00'),
    );
    expect(
      resolvePeriod({ kind: 'fiscal-quarter', anchor: '2026-02-10' }, TOKYO, { ...settings, fiscalYearStartMonth: 1 }),
    ).toEqual(period('2026-01-01T00:00+09:00', '2026-04-01T00:00+09:00'));
    expect(resolvePeriod({ kind: 'week', anchor: '2026-03-11' }, TOKYO, { ...settings, weekStartsOn: 0 })).toEqual(
      period('2026-03-08T00:00+09:00', '2026-03-15T00:00+09:00'),
    );
    const custom = period('2026-11-02T09:00+09:00', '2026-11-02T17:00+09:00');
    expect(resolvePeriod({ kind: 'custom', ...custom }, TOKYO, settings)).toEqual(custom);
    expect(() => resolvePeriod({ kind: 'custom', start: 10, end: 5 }, TOKYO, settings)).toThrow(RangeError);
  });

  it('builds a spec from an instant in the zone', () => {
    expect(periodSpecAt('month', at('2026-11-30T20:00-05:00'), TOKYO)).toEqual({ kind: 'month', anchor: '2026-12-01' });
    expect(periodSpecAt('month', at('2026-11-30T20:00-05:00'), NEW_YORK)).toEqual({ kind: 'month', anchor: '2026-11-30' });
  });

  it('steps to the previous and next period', () => {
    const resolve = (spec: Parameters<typeof resolvePeriod>[0]) => resolvePeriod(spec, TOKYO, settings);
    expect(resolve(previousPeriod({ kind: 'month', anchor: '2026-01-15' }, TOKYO))).toEqual(
      period('2025-12-01T00:00+09:00', '2026-01-01T00:00+09:00'),
    );
    expect(previousPeriod({ kind: 'month', anchor: '2026-03-31' }, TOKYO)).toEqual({ kind: 'month', anchor: '2026-02-28' });
    expect(resolve(previousPeriod({ kind: 'fiscal-quarter', anchor: '2026-02-10' }, TOKYO))).toEqual(
      period('2025-10-01T00:00+09:00', '2026-01-01T00:00+09:00'),
    );
    expect(resolve(shiftPeriod({ kind: 'fiscal-quarter', anchor: '2026-02-10' }, 1, TOKYO))).toEqual(
      period('2026-04-01T00:00+09:00', '2026-07-01T00:00+09:00'),
    );
    expect(resolve(previousPeriod({ kind: 'fiscal-half', anchor: '2026-02-10' }, TOKYO))).toEqual(
      period('2025-04-01T00:00+09:00', '2025-10-01T00:00+09:00'),
    );
    expect(resolve(shiftPeriod({ kind: 'fiscal-year', anchor: '2026-02-10' }, -2, TOKYO))).toEqual(
      period('2023-04-01T00:00+09:00', '2024-04-01T00:00+09:00'),
    );
    // The week before Berlin's spring-forward week is a plain 168-h week.
    const before = resolvePeriod(previousPeriod({ kind: 'week', anchor: '2026-03-29' }, BERLIN), BERLIN, settings);
    expect(before).toEqual(period('2026-03-16T00:00+01:00', '2026-03-23T00:00+01:00'));
    expect(hoursOf(before)).toBe(168);
    expect(() => shiftPeriod({ kind: 'month', anchor: '2026-01-15' }, 0.5, TOKYO)).toThrow(RangeError);
  });

  it('steps a custom period by the calendar days it touches, keeping wall-clock times', () => {
    const november = { kind: 'custom', ...period('2026-11-01T00:00+09:00', '2026-12-01T00:00+09:00') } as const;
    expect(previousPeriod(november, TOKYO)).toEqual({
      kind: 'custom',
      ...period('2026-10-02T00:00+09:00', '2026-11-01T00:00+09:00'),
    });
    const workday = { kind: 'custom', ...period('2026-11-02T09:00+09:00', '2026-11-02T17:00+09:00') } as const;
    expect(previousPeriod(workday, TOKYO)).toEqual({ kind: 'custom', ...period('2026-11-01T09:00+09:00', '2026-11-01T17:00+09:00') });
    expect(shiftPeriod(workday, 2, TOKYO)).toEqual({ kind: 'custom', ...period('2026-11-04T09:00+09:00', '2026-11-04T17:00+09:00') });
    // Across New York's autumn change: the same wall-clock hours two days before, 49 h earlier.
    const dstDay = { kind: 'custom', ...period('2026-11-02T09:00-05:00', '2026-11-02T17:00-05:00') } as const;
    expect(shiftPeriod(dstDay, -2, NEW_YORK)).toEqual({ kind: 'custom', ...period('2026-10-31T09:00-04:00', '2026-10-31T17:00-04:00') });
    const empty = { kind: 'custom', ...period('2026-11-02T09:00+09:00', '2026-11-02T09:00+09:00') } as const;
    expect(previousPeriod(empty, TOKYO)).toEqual({ kind: 'custom', ...period('2026-11-01T09:00+09:00', '2026-11-01T09:00+09:00') });
  });

  it('finds the same period last year', () => {
    expect(samePeriodLastYear({ kind: 'fiscal-quarter', anchor: '2026-02-10' }, TOKYO)).toEqual({
      kind: 'fiscal-quarter',
      anchor: '2025-02-10',
    });
    expect(resolvePeriod(samePeriodLastYear({ kind: 'fiscal-quarter', anchor: '2026-02-10' }, TOKYO), TOKYO, settings)).toEqual(
      period('2025-01-01T00:00+09:00', '2025-04-01T00:00+09:00'),
    );
    expect(resolvePeriod(samePeriodLastYear({ kind: 'month', anchor: '2028-02-29' }, TOKYO), TOKYO, settings)).toEqual(
      period('2027-02-01T00:00+09:00', '2027-03-01T00:00+09:00'),
    );
    // The week holding the same date a year earlier.
    expect(resolvePeriod(samePeriodLastYear({ kind: 'week', anchor: '2026-03-11' }, TOKYO), TOKYO, settings)).toEqual(
      period('2025-03-10T00:00+09:00', '2025-03-17T00:00+09:00'),
    );
    const leapDay = { kind: 'custom', ...period('2028-02-29T00:00+09:00', '2028-03-01T00:00+09:00') } as const;
    expect(samePeriodLastYear(leapDay, TOKYO)).toEqual({ kind: 'custom', ...period('2027-02-28T00:00+09:00', '2027-03-01T00:00+09:00') });
    // Wall-clock kept across DST: in 2025 New York changed on 9 March, so the same dates are
    // 00:00 EST to 00:00 EDT (167 h) where the 2026 range was 168 h.
    const ny = { kind: 'custom', ...period('2026-03-09T00:00-04:00', '2026-03-16T00:00-04:00') } as const;
    expect(samePeriodLastYear(ny, NEW_YORK)).toEqual({ kind: 'custom', ...period('2025-03-09T00:00-05:00', '2025-03-16T00:00-04:00') });
  });
});
