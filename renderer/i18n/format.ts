/**
 * Dates, numbers, money and durations through Intl in the user's language. Formatters are cached
 * because creating an Intl formatter is far slower than using one, and lists format many values.
 */
import type { Currency, Language } from '../../shared/domain/model/settings';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    cache.set(key, format);
  }
  return format;
}

/** How many minor units make one major unit (JPY 0, USD 2), as Intl knows it. */
export function currencyFractionDigits(currency: Currency): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 0;
}

/** Money is stored as an integer in the currency's minor unit (yen have none). */
export function formatMoney(minorUnits: number, currency: Currency, language: Language): string {
  const digits = currencyFractionDigits(currency);
  return numberFormat(language, { style: 'currency', currency }).format(minorUnits / 10 ** digits);
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 1): string {
  return numberFormat(language, { maximumFractionDigits }).format(value);
}

export function formatPercent(fraction: number, language: Language): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatHours(hours: number, language: Language): string {
  return numberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 2 }).format(hours);
}

/** "2 h 30 min" / "2時間30分": durations read as hours and minutes, never as decimals. */
export function formatDuration(ms: number, language: Language): string {
  const totalMinutes = Math.round(ms / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const h = numberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: language === 'ja' ? 'long' : 'short' });
  const m = numberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: language === 'ja' ? 'long' : 'short' });
  if (hours === 0) return m.format(minutes);
  if (minutes === 0) return h.format(hours);
  return language === 'ja' ? `${h.format(hours)}${m.format(minutes)}` : `${h.format(hours)} ${m.format(minutes)}`;
}

export function formatDate(instant: number, language: Language, timeZone?: string): string {
  return dateFormat(language, { dateStyle: 'medium', timeZone }).format(instant);
}

export function formatLongDate(instant: number, language: Language, timeZone?: string): string {
  return dateFormat(language, { dateStyle: 'full', timeZone }).format(instant);
}

export function formatTime(instant: number, language: Language, timeZone?: string): string {
  return dateFormat(language, { hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
}

/** "Nov 17, 5:00 PM" / "11月17日 17:00": for instants that may be on another day than today. */
export function formatDateTime(instant: number, language: Language, timeZone?: string): string {
  return dateFormat(language, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
}

export function formatMonthName(month1to12: number, language: Language): string {
  return dateFormat(language, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, month1to12 - 1, 15));
}

/** "Japanese (日本語)" style label for a language in the current UI language. */
export function languageName(language: Language, inLanguage: Language): string {
  return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(language) ?? language;
}

export function currencyName(currency: Currency, language: Language): string {
  return new Intl.DisplayNames([language], { type: 'currency' }).of(currency) ?? currency;
}

/**
 * Rates show their numerator and denominator: "3 / 12 = 25 %", and "—" for a zero denominator.
 * `part` formats the two sides (counts by default; durations for time shares).
 */
export function formatRatio(
  ratio: { numerator: number; denominator: number },
  language: Language,
  part: (value: number) => string = (value) => formatNumber(value, language),
): string {
  const sides = `${part(ratio.numerator)} / ${part(ratio.denominator)}`;
  return ratio.denominator === 0 ? `${sides} = —` : `${sides} = ${formatPercent(ratio.numerator / ratio.denominator, language)}`;
}
