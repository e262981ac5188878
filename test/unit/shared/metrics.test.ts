import { describe, expect, it } from 'vitest';
import {
  compareToPrevious,
  DERIVED_RATIO_BY_ID,
  DERIVED_RATIOS,
  derivedRatio,
  entriesByBuiltin,
  entryDays,
  mergeMetricRows,
  METRIC_VALUE_MAX,
  metricPeriodKeyAt,
  metricSeries,
  metricTrend,
  metricValueInPeriod,
  validateMetricValue,
} from '../../../shared/domain/metrics';
import type { MetricRow } from '../../../shared/domain/metrics';
import { fiscalQuarterPeriod, fiscalYearPeriod, instantOfDayKey, monthContaining, weekContaining } from '../../../shared/domain/calendar';
import type { CalendarSettings, Period } from '../../../shared/domain/calendar';
import type { MetricDefinition, MetricEntry } from '../../../shared/domain/model';

// Every fixture below is worked out by hand from the rule in metrics.ts: an entry gives a
// period value × shared calendar days / days of the entry. Instants are written WITH their
// offset and zones are passed explicitly, so the file means the same in both test runs
// (TZ=Asia/Tokyo and TZ=America/Los_Angeles).
const TOKYO = 'Asia/Tokyo';
const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const SETTINGS: CalendarSettings = { weekStartsOn: 1, fiscalYearStartMonth: 4 };

const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad fixture ${iso}`);
  return ms;
};
/** The calendar month containing day `key` in `tz`. */
const month = (key: string, tz: string): Period => monthContaining(instantOfDayKey(key, tz), tz);

const def = (id: string, period: 'week' | 'month', extra: Partial<MetricDefinition> = {}): MetricDefinition => ({
  id,
  unit: 'count',
  period,
  archived: 0,
  order: 0,
  createdAt: 0,
  ...extra,
});
let n = 0;
const entry = (metricId: string, period: string, value: number, updatedAt = 0): MetricEntry => ({
  id: `e${++n}`,
  metricId,
  period,
  value,
  updatedAt,
});

const WEEKLY = def('opens', 'week', { builtin: 'email-opens' });
const MONTHLY = def('attendees', 'month', { builtin: 'webinar-attendees' });

describe('entryDays', () => {
  it('covers 7 days from a weekly key and the whole month of a monthly key', () => {
    expect(entryDays('2026-09-28', 'week')).toEqual({ start: '2026-09-28', end: '2026-10-05' });
    expect(entryDays('2026-02-01', 'month')).toEqual({ start: '2026-02-01', end: '2026-03-01' });
    // A monthly key that is not the 1st still means its month.
    expect(entryDays('2026-02-17', 'month')).toEqual({ start: '2026-02-01', end: '2026-03-01' });
    expect(entryDays('2026-02-30', 'week')).toBeNull();
    expect(entryDays('garbage', 'month')).toBeNull();
  });

  it('keys a new entry by the first day of its week or month in the zone', () => {
    // Sunday 4 Oct 2026 23:30 in Tokyo is Sunday 07:30 in LA: the week of Mon 28 Sep in both.
    const instant = at('2026-10-04T23:30+09:00');
    expect(metricPeriodKeyAt(instant, 'week', TOKYO, 1)).toBe('2026-09-28');
    expect(metricPeriodKeyAt(instant, 'week', LA, 1)).toBe('2026-09-28');
    expect(metricPeriodKeyAt(instant, 'week', TOKYO, 0)).toBe('2026-10-04');
    // Monday 00:30 in Tokyo is still Sunday in LA.
    expect(metricPeriodKeyAt(at('2026-10-05T00:30+09:00'), 'week', TOKYO, 1)).toBe('2026-10-05');
    expect(metricPeriodKeyAt(at('2026-10-05T00:30+09:00'), 'week', LA, 1)).toBe('2026-09-28');
    expect(metricPeriodKeyAt(instant, 'month', TOKYO, 1)).toBe('2026-10-01');
    // 1 Oct 00:30 in Tokyo is 30 Sep in LA.
    expect(metricPeriodKeyAt(at('2026-10-01T00:30+09:00'), 'month', LA, 1)).toBe('2026-09-01');
  });
});

describe('metricValueInPeriod: weekly entries', () => {
  it('splits a week across two months by days: Mon 28 Sep – Sun 4 Oct, 70 → 30 + 40', () => {
    const entries = [entry('opens', '2026-09-28', 70)];
    for (const tz of [TOKYO, LA]) {
      const sep = metricValueInPeriod(entries, WEEKLY, month('2026-09-01', tz), tz);
      expect(sep).toMatchObject({ value: 30, days: 30, coveredDays: 3, entries: 1 });
      expect(sep.coverage).toBeCloseTo(3 / 30, 12);
      const oct = metricValueInPeriod(entries, WEEKLY, month('2026-10-01', tz), tz);
      expect(oct).toMatchObject({ value: 40, days: 31, coveredDays: 4 });
      expect(oct.coverage).toBeCloseTo(4 / 31, 12);
    }
  });

  it('splits a week across a fiscal quarter (and fiscal year) boundary with an April start', () => {
    // Mon 30 Mar – Sun 5 Apr 2026: 2 days in FY2025 Q4 (Jan–Mar 2026), 5 days in FY2026 Q1.
    const entries = [entry('opens', '2026-03-30', 70)];
    expect(metricValueInPeriod(entries, WEEKLY, fiscalQuarterPeriod(2025, 4, TOKYO, 4), TOKYO).value).toBe(20);
    expect(metricValueInPeriod(entries, WEEKLY, fiscalQuarterPeriod(2026, 1, TOKYO, 4), TOKYO).value).toBe(50);
    expect(metricValueInPeriod(entries, WEEKLY, fiscalYearPeriod(2025, TOKYO, 4), TOKYO).value).toBe(20);
    expect(metricValueInPeriod(entries, WEEKLY, fiscalYearPeriod(2026, TOKYO, 4), TOKYO).value).toBe(50);
    // With a January start the same boundary falls between calendar Q1 and Q2.
    expect(metricValueInPeriod(entries, WEEKLY, fiscalQuarterPeriod(2026, 1, TOKYO, 1), TOKYO).value).toBe(20);
    expect(metricValueInPeriod(entries, WEEKLY, fiscalQuarterPeriod(2026, 2, TOKYO, 1), TOKYO).value).toBe(50);
  });

  it('counts a DST week as 7 days (Europe/Berlin, Sun 29 Mar 2026 has 23 hours)', () => {
    // A Sunday-start week, Sun 29 Mar – Sat 4 Apr: the short day is inside it.
    // 3 days (29, 30, 31) in March, 4 in April, though March's share is 71 hours, not 72.
    const entries = [entry('opens', '2026-03-29', 70)];
    const mar = metricValueInPeriod(entries, WEEKLY, month('2026-03-01', BERLIN), BERLIN);
    expect(mar).toMatchObject({ value: 30, days: 31, coveredDays: 3 });
    expect(metricValueInPeriod(entries, WEEKLY, month('2026-04-01', BERLIN), BERLIN).value).toBe(40);
    // The week itself as a period (167 hours) holds the entry whole and is fully covered.
    const week = weekContaining(at('2026-03-30T12:00+02:00'), BERLIN, 0);
    expect((week.end - week.start) / 3_600_000).toBe(167);
    expect(metricValueInPeriod(entries, WEEKLY, week, BERLIN)).toMatchObject({ value: 70, days: 7, coverage: 1 });
  });

  it('counts the autumn DST week (25 hours on Sun 25 Oct 2026) as 7 days too', () => {
    // Mon 26 Oct – Sun 1 Nov: 6 days in October, 1 in November.
    const entries = [entry('opens', '2026-10-19', 7), entry('opens', '2026-10-26', 70)];
    expect(metricValueInPeriod(entries, WEEKLY, month('2026-10-01', BERLIN), BERLIN).value).toBe(7 + 60);
    expect(metricValueInPeriod(entries, WEEKLY, month('2026-11-01', BERLIN), BERLIN).value).toBe(10);
  });

  it('reports partial coverage instead of a misleadingly low full figure', () => {
    // October 2026 with only the weeks of 28 Sep and 5 Oct entered: 4 + 7 = 11 of 31 days.
    const entries = [entry('opens', '2026-09-28', 70), entry('opens', '2026-10-05', 14)];
    const oct = metricValueInPeriod(entries, WEEKLY, month('2026-10-01', TOKYO), TOKYO);
    expect(oct.value).toBe(40 + 14);
    expect(oct.coveredDays).toBe(11);
    expect(oct.coverage).toBeCloseTo(11 / 31, 12);
  });

  it('counts a recorded zero as coverage: zero is data, not a gap', () => {
    const oct = metricValueInPeriod([entry('opens', '2026-10-05', 0)], WEEKLY, weekContaining(at('2026-10-07T12:00+09:00'), TOKYO, 1), TOKYO);
    expect(oct).toMatchObject({ value: 0, coverage: 1, entries: 1 });
  });

  it('gives 0 with coverage 0 for an empty or zero-length period', () => {
    const oct = month('2026-10-01', TOKYO);
    expect(metricValueInPeriod([], WEEKLY, oct, TOKYO)).toMatchObject({ value: 0, coverage: 0, coveredDays: 0, days: 31, entries: 0 });
    const entries = [entry('opens', '2026-10-05', 7)];
    expect(metricValueInPeriod(entries, WEEKLY, { start: oct.start, end: oct.start }, TOKYO)).toMatchObject({ value: 0, coverage: 0, days: 0 });
  });

  it('refuses an inverted or non-finite period, as calendar.ts does', () => {
    const oct = month('2026-10-01', TOKYO);
    expect(() => metricValueInPeriod([], WEEKLY, { start: oct.end, end: oct.start }, TOKYO)).toThrow(RangeError);
    expect(() => metricValueInPeriod([], WEEKLY, { start: Number.NaN, end: oct.end }, TOKYO)).toThrow(RangeError);
  });

  it('counts the days of a period in a zone whose clocks skip midnight (Santiago, 11 Sep 2022 starts at 01:00)', () => {
    // The week Mon 5 – Sun 11 Sep 2022 holds the 23-hour day and is still 7 days.
    const week = weekContaining(at('2022-09-07T12:00-04:00'), 'America/Santiago', 1);
    const value = metricValueInPeriod([entry('opens', '2022-09-05', 70)], WEEKLY, week, 'America/Santiago');
    expect(value).toMatchObject({ value: 70, days: 7, coverage: 1 });
  });

  it('takes the share of a day for a custom range that cuts days', () => {
    // Wed 7 Oct 12:00 → Thu 8 Oct 18:00 Tokyo: 0.5 + 0.75 = 1.25 days of a 7-per-week entry of 70 → 12.5.
    const custom = { start: at('2026-10-07T12:00+09:00'), end: at('2026-10-08T18:00+09:00') };
    const value = metricValueInPeriod([entry('opens', '2026-10-05', 70)], WEEKLY, custom, TOKYO);
    expect(value.value).toBeCloseTo(12.5, 12);
    expect(value.days).toBeCloseTo(1.25, 12);
    expect(value.coverage).toBeCloseTo(1, 12);
  });

  it('ignores other metrics, bad keys and non-finite values; the last update wins a duplicate key', () => {
    const oct = month('2026-10-01', TOKYO);
    const entries = [
      entry('page-views', '2026-10-05', 1000),
      entry('opens', 'not-a-day', 5),
      entry('opens', '2026-10-12', Number.NaN),
      entry('opens', '2026-10-05', 7, 100),
      entry('opens', '2026-10-05', 9, 200), // a later edit of the same week
      entry('opens', '2026-10-05', 8, 150),
    ];
    expect(metricValueInPeriod(entries, WEEKLY, oct, TOKYO)).toMatchObject({ value: 9, coveredDays: 7, entries: 1 });
  });

  it('sums overlapping weeks keyed on different weekdays but counts their days once in coverage', () => {
    // Mon 5 Oct (7) and, after a switch to Sunday weeks, Sun 11 Oct (14): 5–18 Oct, 13 days.
    const oct = metricValueInPeriod(
      [entry('opens', '2026-10-05', 7), entry('opens', '2026-10-11', 14)],
      WEEKLY,
      month('2026-10-01', TOKYO),
      TOKYO,
    );
    expect(oct).toMatchObject({ value: 21, coveredDays: 13, entries: 2 });
  });

  it('uses the calendar of the zone it is given, not the machine’s', () => {
    // A custom period 1 Oct 00:00 → 2 Oct 00:00 Tokyo is 30 Sep 08:00 → 1 Oct 08:00 in LA:
    // in LA terms it is 2/3 of 30 Sep (week of 28 Sep) and 1/3 of 1 Oct (same week) = 1 day.
    const custom = { start: at('2026-10-01T00:00+09:00'), end: at('2026-10-02T00:00+09:00') };
    const entries = [entry('opens', '2026-09-28', 70)];
    expect(metricValueInPeriod(entries, WEEKLY, custom, TOKYO).value).toBe(10);
    expect(metricValueInPeriod(entries, WEEKLY, custom, LA).value).toBeCloseTo(10, 12);
  });
});

describe('metricValueInPeriod: monthly entries', () => {
  it('rolls whole months up to a fiscal quarter and reports the missing month as partial', () => {
    // FY2026 Q1 (April start) = Apr 30 d + May 31 d + Jun 30 d = 91 days.
    const q1 = fiscalQuarterPeriod(2026, 1, TOKYO, 4);
    const twoMonths = [entry('attendees', '2026-04-01', 30), entry('attendees', '2026-05-01', 31)];
    const partial = metricValueInPeriod(twoMonths, MONTHLY, q1, TOKYO);
    expect(partial).toMatchObject({ value: 61, days: 91, coveredDays: 61 });
    expect(partial.coverage).toBeCloseTo(61 / 91, 12);
    const full = metricValueInPeriod([...twoMonths, entry('attendees', '2026-06-01', 12)], MONTHLY, q1, TOKYO);
    expect(full).toMatchObject({ value: 73, coverage: 1 });
    // March belongs to the previous fiscal year.
    expect(metricValueInPeriod([entry('attendees', '2026-03-01', 40)], MONTHLY, q1, TOKYO).value).toBe(0);
  });

  it('gives a week the share of each month’s days it holds', () => {
    // Sep 300 (30 d → 10/day), Oct 310 (31 d → 10/day); week Mon 28 Sep – Sun 4 Oct: 3 × 10 + 4 × 10.
    const entries = [entry('attendees', '2026-09-01', 300), entry('attendees', '2026-10-01', 310)];
    const week = weekContaining(at('2026-09-30T12:00+09:00'), TOKYO, 1);
    expect(metricValueInPeriod(entries, MONTHLY, week, TOKYO)).toMatchObject({ value: 70, days: 7, coverage: 1, entries: 2 });
    // February 2026 (28 d) of 56 → 2/day; the week Mon 23 Feb – Sun 1 Mar holds 6 February days.
    const feb = [entry('attendees', '2026-02-01', 56)];
    const lastWeek = weekContaining(at('2026-02-25T12:00+09:00'), TOKYO, 1);
    const value = metricValueInPeriod(feb, MONTHLY, lastWeek, TOKYO);
    expect(value).toMatchObject({ value: 12, coveredDays: 6 });
    expect(value.coverage).toBeCloseTo(6 / 7, 12);
  });

  it('spreads a DST month over its calendar days, not its hours (Berlin, March 2026)', () => {
    // 310 over March's 31 days is 10 a day; the Monday week 23–29 Mar (167 h) holds 7 of them.
    const week = weekContaining(at('2026-03-25T12:00+01:00'), BERLIN, 1);
    expect(metricValueInPeriod([entry('attendees', '2026-03-01', 310)], MONTHLY, week, BERLIN).value).toBe(70);
  });
});

describe('metricSeries', () => {
  it('rolls the same entries up to each period in order', () => {
    const entries = [
      entry('opens', '2026-09-21', 7),
      entry('opens', '2026-09-28', 70),
      entry('opens', '2026-10-26', 70), // Mon 26 Oct – Sun 1 Nov: 6 + 1
    ];
    const months = ['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'].map((key) => month(key, TOKYO));
    const series = metricSeries(entries, WEEKLY, months, TOKYO);
    expect(series.map((p) => p.value)).toEqual([7 + 30, 40 + 60, 10, 0]);
    expect(series.map((p) => p.coveredDays)).toEqual([10, 10, 1, 0]);
    expect(series.map((p) => p.period)).toEqual(months);
  });
});

describe('compareToPrevious', () => {
  it('gives the change and the change over the previous value', () => {
    expect(compareToPrevious(52, 40)).toEqual({
      current: 52,
      previous: 40,
      change: 12,
      changeRatio: { numerator: 12, denominator: 40, value: 0.3 },
    });
    expect(compareToPrevious(30, 40).changeRatio).toEqual({ numerator: -10, denominator: 40, value: -0.25 });
  });

  it('has no ratio for growth from zero', () => {
    expect(compareToPrevious(5, 0)).toMatchObject({ change: 5, changeRatio: { numerator: 5, denominator: 0, value: null } });
    expect(compareToPrevious(0, 0).changeRatio.value).toBeNull();
  });
});

describe('metricTrend', () => {
  const entries = [
    entry('attendees', '2025-10-01', 20),
    entry('attendees', '2026-09-01', 40),
    entry('attendees', '2026-10-01', 50),
  ];

  it('compares October with September and with October last year', () => {
    const trend = metricTrend(entries, MONTHLY, { kind: 'month', anchor: '2026-10-15' }, TOKYO, SETTINGS);
    expect(trend.current.value).toBe(50);
    expect(trend.previous.value).toBe(40);
    expect(trend.lastYear.value).toBe(20);
    expect(trend.vsPrevious?.changeRatio).toEqual({ numerator: 10, denominator: 40, value: 0.25 });
    expect(trend.vsLastYear?.changeRatio).toEqual({ numerator: 30, denominator: 20, value: 1.5 });
  });

  it('does not compare with a period that has no data', () => {
    // September 2025 has no entry: no "vs last year"; August 2026 has none: no "vs previous".
    const sep = metricTrend(entries, MONTHLY, { kind: 'month', anchor: '2026-09-01' }, TOKYO, SETTINGS);
    expect(sep.vsPrevious).toBeNull();
    expect(sep.vsLastYear).toBeNull();
    expect(sep.lastYear).toMatchObject({ value: 0, coverage: 0 });
    // Nor when the current period itself is empty.
    const nov = metricTrend(entries, MONTHLY, { kind: 'month', anchor: '2026-11-01' }, TOKYO, SETTINGS);
    expect(nov.vsPrevious).toBeNull();
  });

  it('steps fiscal quarters on the calendar (April start)', () => {
    const weekly = [entry('opens', '2026-03-30', 70), entry('opens', '2026-06-29', 14)];
    // FY2026 Q2 = Jul–Sep 2026: week of 29 Jun has 5 days in July → 10. Previous = Q1: 50 + 2 × 2 = 54.
    const trend = metricTrend(weekly, WEEKLY, { kind: 'fiscal-quarter', anchor: '2026-08-01' }, TOKYO, SETTINGS);
    expect(trend.current.value).toBe(10);
    expect(trend.previous.value).toBe(54);
    expect(trend.vsPrevious?.change).toBe(-44);
  });
});

describe('derived ratios', () => {
  const sent = def('sent', 'week', { builtin: 'emails-sent', order: 1 });
  const opens = def('opens', 'week', { builtin: 'email-opens', order: 2 });
  const views = def('views', 'week', { builtin: 'page-views', order: 3 });
  const entries = [
    entry('sent', '2026-09-28', 700),
    entry('sent', '2026-10-05', 1400),
    entry('opens', '2026-09-28', 210),
    entry('opens', '2026-10-05', 280),
  ];
  const byMetric = entriesByBuiltin([views, opens, sent], entries);
  const openRate = DERIVED_RATIO_BY_ID['open-rate'];

  it('defines each ratio once, over built-in metrics', () => {
    expect(DERIVED_RATIOS.map((r) => r.id)).toEqual(['open-rate', 'inquiry-rate', 'download-rate']);
    expect(openRate).toMatchObject({ numerator: 'email-opens', denominator: 'emails-sent' });
    expect(DERIVED_RATIO_BY_ID['inquiry-rate']).toMatchObject({ numerator: 'inquiries', denominator: 'page-views' });
  });

  it('groups entries by the built-in metric their definition measures', () => {
    expect(byMetric['emails-sent']?.entries.map((e) => e.value)).toEqual([700, 1400]);
    expect(byMetric['page-views']?.entries).toEqual([]);
    expect(byMetric.inquiries).toBeUndefined();
    // A second definition claiming the same built-in loses to the first by order.
    const twin = def('sent-2', 'week', { builtin: 'emails-sent', order: 9 });
    expect(entriesByBuiltin([twin, sent], entries)['emails-sent']?.definition.id).toBe('sent');
  });

  it('computes open rate = opens / sends over a month, each side pro rata', () => {
    // October: sends 700 × 4/7 + 1400 = 1800; opens 210 × 4/7 + 280 = 400.
    const oct = derivedRatio(byMetric, openRate, month('2026-10-01', TOKYO), TOKYO);
    expect(oct.numerator).toBe(400);
    expect(oct.denominator).toBe(1800);
    expect(oct.value).toBeCloseTo(2 / 9, 12);
    expect(oct.numeratorCoverage).toBeCloseTo(11 / 31, 12);
    expect(oct.denominatorCoverage).toBeCloseTo(11 / 31, 12);
  });

  it('is 0 / 0 with no value for an empty period or a metric never entered', () => {
    expect(derivedRatio(byMetric, openRate, month('2026-12-01', TOKYO), TOKYO)).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
      numeratorCoverage: 0,
      denominatorCoverage: 0,
    });
    expect(derivedRatio(byMetric, DERIVED_RATIO_BY_ID['inquiry-rate'], month('2026-10-01', TOKYO), TOKYO).value).toBeNull();
  });

  it('shows a partial side through its coverage rather than hiding the ratio', () => {
    // Sends entered for both weeks, opens for the first only.
    const partial = entriesByBuiltin([sent, opens], entries.slice(0, 3));
    const oct = derivedRatio(partial, openRate, month('2026-10-01', TOKYO), TOKYO);
    expect(oct).toMatchObject({ numerator: 120, denominator: 1800 });
    expect(oct.numeratorCoverage).toBeCloseTo(4 / 31, 12);
    expect(oct.denominatorCoverage).toBeCloseTo(11 / 31, 12);
  });
});

describe('validateMetricValue', () => {
  const custom = def('hours', 'week', { name: 'Hours on LinkedIn' });

  it('accepts numbers and number text, including full-width digits and thousands separators', () => {
    expect(validateMetricValue(1234, WEEKLY)).toEqual({ ok: true, value: 1234 });
    expect(validateMetricValue(' 1,234 ', WEEKLY)).toEqual({ ok: true, value: 1234 });
    expect(validateMetricValue('１，２３４', WEEKLY)).toEqual({ ok: true, value: 1234 });
    expect(validateMetricValue('0', WEEKLY)).toEqual({ ok: true, value: 0 });
    expect(validateMetricValue('2.5', custom)).toEqual({ ok: true, value: 2.5 });
    expect(validateMetricValue(METRIC_VALUE_MAX, WEEKLY)).toEqual({ ok: true, value: 1e12 });
  });

  it('names what is wrong', () => {
    expect(validateMetricValue('', WEEKLY)).toEqual({ ok: false, error: 'validation.required' });
    expect(validateMetricValue('   ', WEEKLY)).toEqual({ ok: false, error: 'validation.required' });
    expect(validateMetricValue('abc', WEEKLY)).toEqual({ ok: false, error: 'validation.number' });
    expect(validateMetricValue('0x1F', WEEKLY)).toEqual({ ok: false, error: 'validation.number' });
    expect(validateMetricValue('12,34', WEEKLY)).toEqual({ ok: false, error: 'validation.number' });
    expect(validateMetricValue(Number.NaN, WEEKLY)).toEqual({ ok: false, error: 'validation.number' });
    expect(validateMetricValue(null, WEEKLY)).toEqual({ ok: false, error: 'validation.number' });
    expect(validateMetricValue(Number.POSITIVE_INFINITY, WEEKLY)).toEqual({ ok: false, error: 'validation.finite' });
    expect(validateMetricValue('1e999', WEEKLY)).toEqual({ ok: false, error: 'validation.finite' });
    expect(validateMetricValue(-1, WEEKLY)).toEqual({ ok: false, error: 'validation.nonNegative' });
    expect(validateMetricValue('－３', WEEKLY)).toEqual({ ok: false, error: 'validation.nonNegative' });
    expect(validateMetricValue(1e12 + 1, WEEKLY)).toEqual({ ok: false, error: 'validation.tooLarge' });
    expect(validateMetricValue(2.5, WEEKLY)).toEqual({ ok: false, error: 'validation.integer' });
  });
});

describe('mergeMetricRows', () => {
  const row = (metricId: string, period: string, value: number, id?: string): MetricRow =>
    id === undefined ? { metricId, period, value } : { id, metricId, period, value };
  const existing = [row('opens', '2026-09-28', 70, 'a'), row('opens', '2026-10-05', 14, 'b'), row('sent', '2026-09-28', 700, 'c')];

  it('replace: keeps the incoming value (the last of repeated lines) and the stored id', () => {
    const incoming = [row('opens', '2026-10-05', 20, 'x'), row('opens', '2026-10-12', 5, 'y'), row('opens', '2026-10-05', 21, 'z')];
    const result = mergeMetricRows(existing, incoming, 'replace');
    expect(result.rows).toEqual([
      row('opens', '2026-09-28', 70, 'a'),
      row('opens', '2026-10-05', 21, 'b'),
      row('sent', '2026-09-28', 700, 'c'),
      row('opens', '2026-10-12', 5, 'y'),
    ]);
    expect(result.changed).toEqual([row('opens', '2026-10-05', 21, 'b'), row('opens', '2026-10-12', 5, 'y')]);
    expect(result.duplicates).toEqual([{ metricId: 'opens', period: '2026-10-05', existing: 14, incoming: [20, 21], result: 21 }]);
  });

  it('add: sums stored and incoming values for a key', () => {
    const incoming = [row('opens', '2026-10-05', 6), row('sent', '2026-10-05', 100), row('sent', '2026-10-05', 50)];
    const result = mergeMetricRows(existing, incoming, 'add');
    expect(result.rows).toEqual([
      row('opens', '2026-09-28', 70, 'a'),
      row('opens', '2026-10-05', 20, 'b'),
      row('sent', '2026-09-28', 700, 'c'),
      row('sent', '2026-10-05', 150),
    ]);
    expect(result.duplicates).toEqual([
      { metricId: 'opens', period: '2026-10-05', existing: 14, incoming: [6], result: 20 },
      { metricId: 'sent', period: '2026-10-05', existing: undefined, incoming: [100, 50], result: 150 },
    ]);
  });

  it('reports a duplicate but writes nothing when the value does not change', () => {
    const result = mergeMetricRows(existing, [row('opens', '2026-09-28', 70)], 'replace');
    expect(result.changed).toEqual([]);
    expect(result.rows).toEqual(existing);
    expect(result.duplicates).toHaveLength(1);
  });

  it('does nothing with nothing to import', () => {
    expect(mergeMetricRows(existing, [], 'add')).toEqual({ rows: existing, changed: [], duplicates: [] });
  });
});
