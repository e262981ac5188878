/**
 * What every sample generator shares: the options, the local calendar, the sampled weeks and
 * the id scheme. Built once by index.ts and passed down, so no generator re-derives the weeks.
 */
import { LocalCalendar } from './calendar';

export type SampleLanguage = 'ja' | 'en';

export interface SampleOptions {
  /** Same seed (and same other options) → byte-identical output. */
  seed: number;
  /** The instant the data is generated for: nothing actual happens after it. */
  now: number;
  /** IANA zone the person works in; all local times (09:00–18:00, weeks, months) are in it. */
  timeZone: string;
  /** How many weeks end at `now`, the current week included. */
  weeks: number;
  language: SampleLanguage;
}

/** A text in both languages; generators pick with the same draw whatever the language. */
export interface Bilingual {
  ja: string;
  en: string;
}

export interface SampleWeek {
  index: number;
  /** Day number of the week's Monday (weeks start on Monday, the app's default). */
  monday: number;
  /** Instant of Monday 00:00 local. */
  start: number;
  /** Instant of the next Monday 00:00 local (exclusive). */
  end: number;
}

export interface SampleContext {
  readonly options: SampleOptions;
  readonly cal: LocalCalendar;
  readonly now: number;
  readonly nowDay: number;
  readonly lang: SampleLanguage;
  /** The sampled weeks, oldest first; the last one holds `now`. */
  readonly weeks: readonly SampleWeek[];
  /** The week after `now`'s week: planned boxes only. */
  readonly nextWeek: SampleWeek;
  text(value: Bilingual): string;
  /** Index into `weeks` of the week holding the instant, or -1 outside the sampled weeks. */
  weekIndexOf(instant: number): number;
  /** Monday–Friday and not a company holiday. */
  isWorkday(dayNum: number): boolean;
}

/**
 * Every sample id starts with this, so the app can tell sample rows from the user's own
 * (e.g. "remove sample data") without a separate flag on every table.
 */
export const SAMPLE_ID_PREFIX = 'sample-';

export function sampleId(table: string, n: number): string {
  return `${SAMPLE_ID_PREFIX}${table}-${n}`;
}

export function isSampleId(id: string): boolean {
  return id.startsWith(SAMPLE_ID_PREFIX);
}

/**
 * Japanese company holidays (年末年始 Dec 29 – Jan 3, お盆 Aug 13–15): the persona works at a
 * Japanese company whichever UI language they use, and an empty New Year week is what their real
 * data looks like. Kept independent of `language` so ja and en samples differ only in text.
 */
export function isCompanyHoliday(cal: LocalCalendar, dayNum: number): boolean {
  const { month, day } = cal.civil(dayNum);
  return (month === 12 && day >= 29) || (month === 1 && day <= 3) || (month === 8 && day >= 13 && day <= 15);
}

export function createContext(options: SampleOptions): SampleContext {
  const { now, weeks: weekCount, language } = options;
  if (!Number.isInteger(weekCount) || weekCount < 1) throw new RangeError(`weeks must be a positive integer, got ${weekCount}`);
  if (!Number.isFinite(now)) throw new RangeError('now must be a finite instant');
  if (!Number.isFinite(options.seed)) throw new RangeError('seed must be a finite number');
  if (language !== 'ja' && language !== 'en') throw new RangeError(`language must be 'ja' or 'en', got ${String(language)}`);
  const cal = new LocalCalendar(options.timeZone);
  const nowDay = cal.dayOf(now);
  const currentMonday = cal.mondayOf(nowDay);
  const makeWeek = (index: number, monday: number): SampleWeek => ({
    index,
    monday,
    start: cal.startOfDay(monday),
    end: cal.startOfDay(monday + 7),
  });
  const weeks: SampleWeek[] = [];
  for (let i = 0; i < weekCount; i++) weeks.push(makeWeek(i, currentMonday - 7 * (weekCount - 1 - i)));
  const nextWeek = makeWeek(weekCount, currentMonday + 7);
  const first = weeks[0] as SampleWeek;

  return {
    options,
    cal,
    now,
    nowDay,
    lang: language,
    weeks,
    nextWeek,
    text: (value) => value[language],
    weekIndexOf(instant) {
      if (instant < first.start || instant >= nextWeek.start) return -1;
      // Binary search: weeks are sorted and contiguous.
      let lo = 0;
      let hi = weeks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((weeks[mid] as SampleWeek).start <= instant) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
    isWorkday: (dayNum) => !cal.isWeekend(dayNum) && !isCompanyHoliday(cal, dayNum),
  };
}
