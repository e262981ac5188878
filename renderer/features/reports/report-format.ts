/**
 * How the report writes its figures, in the report's language (which may not be the app's): the
 * app's formatters (i18n/format.ts) bound to the language, currency and time zone the report was
 * made with, plus the few the report alone needs (hours with one decimal, signed changes, month
 * ranges). Rates always show numerator and denominator, and "—" for a zero denominator.
 */
import { instantOfDayKey, type DayKey } from '../../../shared/domain/calendar';
import type { Ratio } from '../../../shared/domain/ratio';
import type { Currency, Language } from '../../../shared/domain/model';
import { formatDate, formatMoney, formatNumber, formatPercent, formatRatio, formatTime } from '../../i18n/format';
import type { ReportT } from './report-i18n';

export const DASH = '—';
const HOUR_MS = 3_600_000;

const rangeFormats = new Map<string, Intl.DateTimeFormat>();
function rangeFormat(language: Language, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${JSON.stringify(options)}`;
  let format = rangeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone });
    rangeFormats.set(key, format);
  }
  return format;
}

export interface ReportFormat {
  t: ReportT;
  language: Language;
  currency: Currency;
  timeZone: string;
  count(value: number): string;
  decimal(value: number | null, digits?: number): string;
  money(value: number | null): string;
  /** Milliseconds as hours with one decimal: "83.2 h" / "83.2時間". */
  hours(ms: number | null): string;
  percent(fraction: number | null): string;
  ratio(ratio: Pick<Ratio, 'numerator' | 'denominator'>): string;
  hoursRatio(ratio: Pick<Ratio, 'numerator' | 'denominator'>): string;
  moneyRatio(ratio: Pick<Ratio, 'numerator' | 'denominator'>): string;
  /** Money per unit, with both sides: "¥300,000 / 12 = ¥25,000", "—" for 0 units. */
  moneyPer(ratio: Pick<Ratio, 'numerator' | 'denominator'>): string;
  /** A relative change (0.25 → "+25%"), "—" when there is none. */
  change(fraction: number | null): string;
  /** A change between two rates, in percentage points (0.05 → "+5.0 pt"). */
  points(fraction: number | null): string;
  date(instant: number): string;
  dateTime(instant: number): string;
  /** "10/5": a chart's axis label. */
  shortDay(instant: number): string;
  day(key: DayKey): string;
  dayRange(first: DayKey, last: DayKey): string;
  /** "November 2026" / "2026年11月". */
  month(instant: number): string;
  /** "Oct – Dec 2026" / "2026年10月～12月". */
  monthRange(first: DayKey, last: DayKey): string;
}

const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text);

export function reportFormat(t: ReportT, language: Language, currency: Currency, timeZone: string): ReportFormat {
  const count = (value: number) => formatNumber(value, language, 0);
  const money = (value: number | null) => (value === null || !Number.isFinite(value) ? DASH : formatMoney(Math.round(value), currency, language));
  const hours = (ms: number | null) => (ms === null ? DASH : t('report.unit.hours', { value: formatNumber(ms / HOUR_MS, language, 1) }));
  const day = (key: DayKey) => formatDate(instantOfDayKey(key, timeZone), language, timeZone);
  return {
    t,
    language,
    currency,
    timeZone,
    count,
    decimal: (value, digits = 1) => (value === null || !Number.isFinite(value) ? DASH : formatNumber(value, language, digits)),
    money,
    hours,
    percent: (fraction) => (fraction === null || !Number.isFinite(fraction) ? DASH : formatPercent(fraction, language)),
    ratio: (r) => formatRatio(r, language),
    hoursRatio: (r) => formatRatio(r, language, (ms) => hours(ms)),
    moneyRatio: (r) => formatRatio(r, language, (value) => money(value)),
    moneyPer: (r) => `${money(r.numerator)} / ${count(r.denominator)} = ${r.denominator === 0 ? DASH : money(r.numerator / r.denominator)}`,
    change: (fraction) => (fraction === null || !Number.isFinite(fraction) ? DASH : signed(formatPercent(fraction, language), fraction)),
    points: (fraction) =>
      fraction === null || !Number.isFinite(fraction) ? DASH : t('report.table.points', { value: signed(formatNumber(fraction * 100, language, 1), fraction) }),
    date: (instant) => formatDate(instant, language, timeZone),
    shortDay: (instant) => rangeFormat(language, timeZone, { month: 'numeric', day: 'numeric' }).format(instant),
    dateTime: (instant) => `${formatDate(instant, language, timeZone)} ${formatTime(instant, language, timeZone)}`,
    day,
    dayRange: (first, last) => (first === last ? day(first) : rangeFormat(language, timeZone, { dateStyle: 'medium' }).formatRange(instantOfDayKey(first, timeZone), instantOfDayKey(last, timeZone))),
    month: (instant) => rangeFormat(language, timeZone, { year: 'numeric', month: 'long' }).format(instant),
    monthRange: (first, last) => {
      const a = instantOfDayKey(first, timeZone);
      const b = instantOfDayKey(last, timeZone);
      return rangeFormat(language, timeZone, { year: 'numeric', month: 'short' }).formatRange(a, b);
    },
  };
}
