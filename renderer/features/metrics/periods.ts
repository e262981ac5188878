/**
 * Period keys ('YYYY-MM-DD' of a week's or month's first day) for the grid and the charts, and
 * their labels. Keys name dates, not instants, so they are formatted as UTC dates: the label of
 * a key is the same in every time zone.
 */
import { addDaysToKey, addMonthsToKey, instantOfDayKey, isDayKey, type DayKey, type Period, type PeriodSpec } from '../../../shared/domain/calendar';
import { entryDays, metricPeriodKeyAt } from '../../../shared/domain/metrics';
import type { Language, MetricPeriod, WeekStart } from '../../../shared/domain/model';
import { formatDate } from '../../i18n/format';

/** The key of the week or month containing `key` (normalises a key typed under another week start). */
export function alignKey(key: DayKey, period: MetricPeriod, timeZone: string, weekStartsOn: WeekStart): DayKey {
  return metricPeriodKeyAt(instantOfDayKey(key, timeZone), period, timeZone, weekStartsOn);
}

export function shiftKey(key: DayKey, period: MetricPeriod, steps: number): DayKey {
  return period === 'week' ? addDaysToKey(key, 7 * steps) : addMonthsToKey(key, steps);
}

/** `count` consecutive period keys ending with `last`, oldest first. */
export function keysEndingAt(last: DayKey, period: MetricPeriod, count: number): DayKey[] {
  return Array.from({ length: count }, (_, i) => shiftKey(last, period, i - count + 1));
}

/** The instants a key stands for in the user's zone. */
export function periodOfKey(key: DayKey, period: MetricPeriod, timeZone: string): Period {
  const days = entryDays(key, period);
  if (!days) throw new RangeError(`Not a period key: ${key}`);
  return { start: instantOfDayKey(days.start, timeZone), end: instantOfDayKey(days.end, timeZone) };
}

export const specOfKey = (key: DayKey, period: MetricPeriod): PeriodSpec => ({ kind: period, anchor: key });

const utc = (key: DayKey) => {
  if (!isDayKey(key)) throw new RangeError(`Not a day key: ${key}`);
  return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)));
};

// Two formats format.ts does not have yet (month and day; month and year), cached like its own.
const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    cache.set(key, format);
  }
  return format;
}

/** "Nov 16, 2026" / "2026/11/16" (a week, by its first day), "November 2026" / "2026年11月". */
export function formatKeyLong(key: DayKey, period: MetricPeriod, language: Language): string {
  return period === 'week' ? formatDate(utc(key), language, 'UTC') : dateFormat(language, { year: 'numeric', month: 'long' }).format(utc(key));
}

/** "Nov 16" / "11/16" for a week, "Nov 2026" / "2026年11月" for a month: column heads and chart ticks. */
export function formatKeyShort(key: DayKey, period: MetricPeriod, language: Language): string {
  return period === 'week'
    ? dateFormat(language, language === 'ja' ? { month: 'numeric', day: 'numeric' } : { month: 'short', day: 'numeric' }).format(utc(key))
    : dateFormat(language, { year: 'numeric', month: 'short' }).format(utc(key));
}

/** The year of a key, for a column head where the year changes. */
export const yearOfKey = (key: DayKey): number => Number(key.slice(0, 4));
