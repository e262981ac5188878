/**
 * Calendar periods in the user's time zone.
 *
 * Every figure in DOMAIN.md is over a half-open period `[start, end)` "in the user's time zone",
 * so the zone is always an explicit argument: the machine's own zone is never consulted, and the
 * same data gives the same report wherever it is opened. Periods are instants (epoch ms); their
 * boundaries are local midnights, so a day is 23, 24 or 25 hours long and a week 167–169 hours.
 */
import { TZDate, tz } from '@date-fns/tz';
import { addDays, addMonths, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import type { Settings, WeekStart } from './model';

/** Half-open `[start, end)`, epoch milliseconds. */
export interface Period {
  start: number;
  end: number;
}

/** A calendar day as 'YYYY-MM-DD' in the user's calendar (no zone: it names a date, not an instant). */
export type DayKey = string;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The two settings that shape the calendar. */
export type CalendarSettings = Pick<Settings, 'weekStartsOn' | 'fiscalYearStartMonth'>;

// ---------------------------------------------------------------------------------------------
// Guards. A wrong zone name makes TZDate silently return NaN, which would flow into every figure
// of a report as "NaN h"; failing loudly at the first call is kinder.

const knownZones = new Set<string>();

export function isValidTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  knownZones.add(timeZone);
  return true;
}

function assertZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
}

function assertInstant(instant: number): void {
  if (!Number.isFinite(instant)) throw new RangeError(`Not an instant: ${instant}`);
}

function assertWeekStart(weekStartsOn: number): asserts weekStartsOn is WeekStart {
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw new RangeError(`weekStartsOn must be 0..6, got ${weekStartsOn}`);
  }
}

function assertStartMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`fiscalYearStartMonth must be 1..12, got ${month}`);
  }
}

function zoned(instant: number, timeZone: string): TZDate {
  assertZone(timeZone);
  assertInstant(instant);
  return new TZDate(instant, timeZone);
}

function inZone(timeZone: string) {
  assertZone(timeZone);
  return { in: tz(timeZone) };
}

// ---------------------------------------------------------------------------------------------
// Days

/**
 * The first instant of the local day containing `instant`. Usually local midnight; in a zone
 * whose clocks skip midnight (e.g. America/Santiago in September) it is the first instant
 * that exists, 01:00.
 */
export function startOfDayIn(instant: number, timeZone: string): number {
  assertInstant(instant);
  return startOfDay(instant, inZone(timeZone)).getTime();
}

/**
 * Moves by `n` calendar days keeping the wall-clock time, so across a DST change the result is
 * 23 or 25 hours away per day, not 24. A wall time that does not exist on the target day
 * (inside a spring-forward gap) moves forward by the gap.
 */
export function addDaysIn(instant: number, n: number, timeZone: string): number {
  assertInstant(instant);
  if (!Number.isInteger(n)) throw new RangeError(`addDaysIn needs whole days, got ${n}`);
  return addDays(instant, n, inZone(timeZone)).getTime();
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** 'YYYY-MM-DD' of the local day containing `instant`. */
export function dayKey(instant: number, timeZone: string): DayKey {
  const d = zoned(instant, timeZone);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDayKey(key: DayKey): CivilDate {
  const match = DAY_KEY.exec(key);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    // Round-tripping through UTC rejects '2026-02-30' rather than quietly meaning March 2nd.
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`Not a day key (YYYY-MM-DD): ${key}`);
}

function formatCivil({ year, month, day }: CivilDate): DayKey {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The first instant of the day `key` in `timeZone`. Throws RangeError on a malformed key. */
export function instantOfDayKey(key: DayKey, timeZone: string): number {
  const { year, month, day } = parseDayKey(key);
  assertZone(timeZone);
  // The constructor resolves a skipped local midnight to the first instant that exists.
  return new TZDate(year, month - 1, day, timeZone).getTime();
}

/** Whether `key` is a real calendar date written as 'YYYY-MM-DD'. */
export function isDayKey(key: string): key is DayKey {
  try {
    parseDayKey(key);
    return true;
  } catch {
    return false;
  }
}

// Day keys name dates, not instants, so their arithmetic needs no zone: plain proleptic
// Gregorian maths in UTC is exact.

/** Calendar date `n` days after `key`. */
export function addDaysToKey(key: DayKey, n: number): DayKey {
  const { year, month, day } = parseDayKey(key);
  const d = new Date(Date.UTC(year, month - 1, day + n));
  return formatCivil({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Calendar date `n` months after `key`; the day is clamped to the month's length (Mar 31 − 1 → Feb 28). */
export function addMonthsToKey(key: DayKey, n: number): DayKey {
  const { year, month, day } = parseDayKey(key);
  const first = new Date(Date.UTC(year, month - 1 + n, 1));
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return formatCivil({ year: y, month: m + 1, day: Math.min(day, lastDay) });
}

/** Days since 1970-01-01 of a calendar date: an index for counting whole days between dates. */
function dayNumber(key: DayKey): number {
  const { year, month, day } = parseDayKey(key);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Number of whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenKeys(from: DayKey, to: DayKey): number {
  return dayNumber(to) - dayNumber(from);
}

/** Start of the day that follows the day starting at `dayStart`. */
function nextDayStart(dayStart: number, timeZone: string): number {
  // Normalising after the step matters where a day starts at 01:00 (skipped midnight):
  // the next day starts at its own midnight, not at 01:00.
  return startOfDayIn(addDaysIn(dayStart, 1, timeZone), timeZone);
}

/** The local day containing `instant`, as a period (23, 24 or 25 h long). */
export function dayContaining(instant: number, timeZone: string): Period {
  const start = startOfDayIn(instant, timeZone);
  return { start, end: nextDayStart(start, timeZone) };
}

// ---------------------------------------------------------------------------------------------
// Weeks and months

/** The 7 calendar days starting on `weekStartsOn` (0 = Sunday … 6 = Saturday) around `instant`. */
export function weekContaining(instant: number, timeZone: string, weekStartsOn: WeekStart): Period {
  assertInstant(instant);
  assertWeekStart(weekStartsOn);
  const ctx = inZone(timeZone);
  const start = startOfWeek(instant, { ...ctx, weekStartsOn }).getTime();
  const end = startOfDayIn(addDaysIn(start, 7, timeZone), timeZone);
  return { start, end };
}

export function monthContaining(instant: number, timeZone: string): Period {
  assertInstant(instant);
  const ctx = inZone(timeZone);
  const start = startOfMonth(instant, ctx).getTime();
  const end = startOfMonth(addMonths(start, 1, ctx), ctx).getTime();
  return { start, end };
}

/** Start of month `monthIndex` (0-based, may overflow into later years) of `year`, in the zone. */
function monthStart(year: number, monthIndex: number, timeZone: string): number {
  assertZone(timeZone);
  return new TZDate(year, monthIndex, 1, timeZone).getTime();
}

// ---------------------------------------------------------------------------------------------
// Fiscal periods
//
// A fiscal year is named by the calendar year in which it STARTS: with an April start, FY2026 is
// April 2026 – March 2027 (the Japanese 2026年度). With a January start the fiscal year is the
// calendar year. (Some organisations name it by the year it ends in, e.g. the US federal FY2027
// starting October 2026; we do not, and the report should print the months to avoid doubt.)
// Q1 is the three months from the start month; H1 is Q1 + Q2.

export type Quarter = 1 | 2 | 3 | 4;
export type Half = 1 | 2;

/** Months (0–11) elapsed since the fiscal year began, and the fiscal year itself. */
function fiscalPosition(instant: number, timeZone: string, startMonth: number) {
  assertStartMonth(startMonth);
  const d = zoned(instant, timeZone);
  const month = d.getMonth() + 1;
  const fiscalYear = month >= startMonth ? d.getFullYear() : d.getFullYear() - 1;
  return { fiscalYear, monthsIn: (month - startMonth + 12) % 12 };
}

/** The fiscal year containing `instant`, named by the calendar year it starts in. */
export function fiscalYearOf(instant: number, timeZone: string, fiscalYearStartMonth: number): number {
  return fiscalPosition(instant, timeZone, fiscalYearStartMonth).fiscalYear;
}

export function fiscalQuarterOf(
  instant: number,
  timeZone: string,
  fiscalYearStartMonth: number,
): { fiscalYear: number; quarter: Quarter } {
  const { fiscalYear, monthsIn } = fiscalPosition(instant, timeZone, fiscalYearStartMonth);
  return { fiscalYear, quarter: (Math.floor(monthsIn / 3) + 1) as Quarter };
}

export function fiscalHalfOf(
  instant: number,
  timeZone: string,
  fiscalYearStartMonth: number,
): { fiscalYear: number; half: Half } {
  const { fiscalYear, monthsIn } = fiscalPosition(instant, timeZone, fiscalYearStartMonth);
  return { fiscalYear, half: monthsIn < 6 ? 1 : 2 };
}

/** `months` months starting `offset` months into fiscal year `fiscalYear`. */
function fiscalSpan(fiscalYear: number, offset: number, months: number, timeZone: string, startMonth: number): Period {
  assertStartMonth(startMonth);
  const first = startMonth - 1 + offset;
  return { start: monthStart(fiscalYear, first, timeZone), end: monthStart(fiscalYear, first + months, timeZone) };
}

/** Period of a named fiscal year (e.g. for a Goal row). */
export function fiscalYearPeriod(fiscalYear: number, timeZone: string, fiscalYearStartMonth: number): Period {
  return fiscalSpan(fiscalYear, 0, 12, timeZone, fiscalYearStartMonth);
}

/** Period of a named fiscal quarter (e.g. for a Goal row with a quarter). */
export function fiscalQuarterPeriod(
  fiscalYear: number,
  quarter: Quarter,
  timeZone: string,
  fiscalYearStartMonth: number,
): Period {
  return fiscalSpan(fiscalYear, (quarter - 1) * 3, 3, timeZone, fiscalYearStartMonth);
}

export function fiscalHalfPeriod(fiscalYear: number, half: Half, timeZone: string, fiscalYearStartMonth: number): Period {
  return fiscalSpan(fiscalYear, (half - 1) * 6, 6, timeZone, fiscalYearStartMonth);
}

export function fiscalYearContaining(instant: number, timeZone: string, fiscalYearStartMonth: number): Period {
  return fiscalYearPeriod(fiscalYearOf(instant, timeZone, fiscalYearStartMonth), timeZone, fiscalYearStartMonth);
}

export function fiscalQuarterContaining(instant: number, timeZone: string, fiscalYearStartMonth: number): Period {
  const { fiscalYear, quarter } = fiscalQuarterOf(instant, timeZone, fiscalYearStartMonth);
  return fiscalQuarterPeriod(fiscalYear, quarter, timeZone, fiscalYearStartMonth);
}

export function fiscalHalfContaining(instant: number, timeZone: string, fiscalYearStartMonth: number): Period {
  const { fiscalYear, half } = fiscalHalfOf(instant, timeZone, fiscalYearStartMonth);
  return fiscalHalfPeriod(fiscalYear, half, timeZone, fiscalYearStartMonth);
}

// ---------------------------------------------------------------------------------------------
// Counting and cutting periods

/**
 * Calendar days in `period`, for the budget pro-rata of DOMAIN.md
 * (budgeted hours = weekly budget × calendar days / 7).
 *
 * Whole local days count 1 each whatever their length, so a DST week is 7 days and November
 * is 30. A period that starts or ends inside a day (only custom periods do) counts that day as
 * the share of the day's real length it covers: 6 h of a 24-h day is 0.25, 11 h of a 23-h day
 * is 11/23. Counting real time keeps the count additive (splitting a period never changes the
 * sum) and monotone, which wall-clock arithmetic would not be inside a repeated autumn hour.
 */
export function calendarDaysIn(period: Period, timeZone: string): number {
  assertPeriod(period);
  if (period.end === period.start) return 0;
  const first = dayContaining(period.start, timeZone);
  const last = dayContaining(period.end, timeZone);
  if (first.start === last.start) return (period.end - period.start) / (first.end - first.start);
  const wholeDays = daysBetweenKeys(dayKey(first.start, timeZone), dayKey(last.start, timeZone));
  const beforeStart = (period.start - first.start) / (first.end - first.start);
  const beforeEnd = (period.end - last.start) / (last.end - last.start);
  return wholeDays - beforeStart + beforeEnd;
}

function assertPeriod(period: Period): void {
  assertInstant(period.start);
  assertInstant(period.end);
  if (period.end < period.start) throw new RangeError(`Period ends before it starts: [${period.start}, ${period.end})`);
}

/** The local days overlapping `period`, each clipped to it (first and last may be partial). */
export function daysOf(period: Period, timeZone: string): Period[] {
  assertPeriod(period);
  const days: Period[] = [];
  if (period.end === period.start) return days;
  let start = startOfDayIn(period.start, timeZone);
  while (start < period.end) {
    const end = nextDayStart(start, timeZone);
    days.push({ start: Math.max(start, period.start), end: Math.min(end, period.end) });
    start = end;
  }
  return days;
}

/** The 7 day periods of a week from `weekContaining`. */
export function daysOfWeek(week: Period, timeZone: string): Period[] {
  return daysOf(week, timeZone);
}

/**
 * The weeks overlapping `period`, each clipped to it, with the start of the whole week so a
 * chart can label it. A month usually starts and ends with a partial week.
 */
export function weeksOf(
  period: Period,
  timeZone: string,
  weekStartsOn: WeekStart,
): { weekStart: number; start: number; end: number }[] {
  assertPeriod(period);
  const weeks: { weekStart: number; start: number; end: number }[] = [];
  if (period.end === period.start) return weeks;
  let week = weekContaining(period.start, timeZone, weekStartsOn);
  while (week.start < period.end) {
    weeks.push({ weekStart: week.start, start: Math.max(week.start, period.start), end: Math.min(week.end, period.end) });
    week = weekContaining(week.end, timeZone, weekStartsOn);
  }
  return weeks;
}

export function containsInstant(period: Period, instant: number): boolean {
  return instant >= period.start && instant < period.end;
}

// ---------------------------------------------------------------------------------------------
// Period specs: what the user picked ("November", "this quarter", a custom range), kept apart
// from the instants it resolves to, so "previous period" and "same period last year" are
// calendar steps rather than millisecond arithmetic that DST would skew.

export const CALENDAR_PERIOD_KINDS = ['week', 'month', 'fiscal-quarter', 'fiscal-half', 'fiscal-year'] as const;
export type CalendarPeriodKind = (typeof CALENDAR_PERIOD_KINDS)[number];

export type PeriodSpec =
  /**
   * The period of this kind containing the calendar day `anchor`. Anchoring on a date (not an
   * instant, not a "week number") keeps the spec meaningful when the zone or the week-start or
   * fiscal-start settings change, and lets it be stored as-is.
   */
  | { kind: CalendarPeriodKind; anchor: DayKey }
  /** Any `[start, end)` the user typed; instants, since the range may not be whole days. */
  | { kind: 'custom'; start: number; end: number };

/** The spec of the period of `kind` containing `instant`. */
export function periodSpecAt(kind: CalendarPeriodKind, instant: number, timeZone: string): PeriodSpec {
  return { kind, anchor: dayKey(instant, timeZone) };
}

export function resolvePeriod(spec: PeriodSpec, timeZone: string, settings: CalendarSettings): Period {
  if (spec.kind === 'custom') {
    const period = { start: spec.start, end: spec.end };
    assertPeriod(period);
    return period;
  }
  const at = instantOfDayKey(spec.anchor, timeZone);
  switch (spec.kind) {
    case 'week':
      return weekContaining(at, timeZone, settings.weekStartsOn);
    case 'month':
      return monthContaining(at, timeZone);
    case 'fiscal-quarter':
      return fiscalQuarterContaining(at, timeZone, settings.fiscalYearStartMonth);
    case 'fiscal-half':
      return fiscalHalfContaining(at, timeZone, settings.fiscalYearStartMonth);
    case 'fiscal-year':
      return fiscalYearContaining(at, timeZone, settings.fiscalYearStartMonth);
  }
}

const MONTHS_PER_STEP: Record<Exclude<CalendarPeriodKind, 'week'>, number> = {
  month: 1,
  'fiscal-quarter': 3,
  'fiscal-half': 6,
  'fiscal-year': 12,
};

/**
 * The spec `steps` periods later (negative: earlier). Calendar kinds move their anchor by whole
 * weeks or months, which lands in the neighbouring period whatever the week-start or fiscal-start
 * setting, because those periods are aligned blocks of 7 days or 1/3/6/12 months.
 *
 * A custom period moves by the number of calendar days it touches (at least 1), keeping its
 * wall-clock times: "1–30 Nov" steps back to "2–31 Oct", "today 9:00–17:00" to "yesterday
 * 9:00–17:00". Moving by whole touched days means the moved period never overlaps the original.
 */
export function shiftPeriod(spec: PeriodSpec, steps: number, timeZone: string): PeriodSpec {
  if (!Number.isInteger(steps)) throw new RangeError(`shiftPeriod needs whole steps, got ${steps}`);
  switch (spec.kind) {
    case 'custom': {
      assertPeriod(spec);
      const firstDay = dayKey(spec.start, timeZone);
      // The day of the last instant inside the period; an empty period touches its start's day.
      const lastDay = spec.end > spec.start ? dayKey(spec.end - 1, timeZone) : firstDay;
      const touched = daysBetweenKeys(firstDay, lastDay) + 1;
      return {
        kind: 'custom',
        start: addDaysIn(spec.start, touched * steps, timeZone),
        end: addDaysIn(spec.end, touched * steps, timeZone),
      };
    }
    case 'week':
      return { kind: 'week', anchor: addDaysToKey(spec.anchor, 7 * steps) };
    default:
      return { kind: spec.kind, anchor: addMonthsToKey(spec.anchor, MONTHS_PER_STEP[spec.kind] * steps) };
  }
}

export function previousPeriod(spec: PeriodSpec, timeZone: string): PeriodSpec {
  return shiftPeriod(spec, -1, timeZone);
}

/**
 * The same period one year earlier: the month/quarter/half/year of the same name, the week
 * containing the same date a year ago, or a custom range moved back 12 months on the calendar
 * (29 Feb becomes 28 Feb).
 */
export function samePeriodLastYear(spec: PeriodSpec, timeZone: string): PeriodSpec {
  if (spec.kind === 'custom') {
    assertPeriod(spec);
    const ctx = inZone(timeZone);
    return {
      kind: 'custom',
      start: addMonths(spec.start, -12, ctx).getTime(),
      end: addMonths(spec.end, -12, ctx).getTime(),
    };
  }
  return { kind: spec.kind, anchor: addMonthsToKey(spec.anchor, -12) };
}
