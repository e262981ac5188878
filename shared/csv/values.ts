/** Reading amounts and dates the way spreadsheets write them. */
import { TZDate } from '@date-fns/tz';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** 千, 万 and 億 as powers of ten: "120万円" is 1,200,000 yen. */
const EXPONENTS: Record<string, number> = { 千: 3, 万: 4, 億: 8 };

/**
 * An amount in major units ("1,200,000", "¥1,200,000", "120万円", "$1,234.50", "1 200 000")
 * as an integer in the currency's minor unit. `fractionDigits` is the currency's (JPY 0, USD 2).
 * Errors are i18n keys.
 */
export function parseMoney(text: string, fractionDigits: number): Parsed<number> {
  let s = text.normalize('NFKC').trim();
  // Currency signs and codes, "円", grouping separators and spaces carry no value.
  s = s.replace(/[¥$€£₩\s,'_]|円|JPY|USD|EUR|GBP|CNY|KRW|TWD|SGD|AUD|税込|税抜/gi, '');
  if (s === '') return { ok: false, error: 'leadCsv.error.valueNotNumber' };
  const match = /^(-?)(\d+(?:\.\d+)?)([千万億]?)$/.exec(s);
  if (!match) return { ok: false, error: 'leadCsv.error.valueNotNumber' };
  const [, sign, digits, unit] = match as unknown as [string, string, string, string];
  // Decimal strings to minor units without floating-point drift: shift the decimal point.
  const [whole = '0', fraction = ''] = digits.split('.');
  const scale = fractionDigits + (unit ? (EXPONENTS[unit] as number) : 0);
  const fractionPart = fraction.replace(/0+$/, '');
  if (fractionPart.length > scale) return { ok: false, error: 'leadCsv.error.valueDecimals' };
  const minor = Number(whole + fractionPart.padEnd(scale, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, error: 'leads.error.absurdValue' };
  return { ok: true, value: sign === '-' ? -minor : minor };
}

/** Minor units back to the plain major-unit number a spreadsheet reads ("1200000", "1234.50"). */
export function formatMoneyPlain(minor: number, fractionDigits: number): string {
  if (fractionDigits === 0) return String(minor);
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(fractionDigits + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -fractionDigits)}.${digits.slice(-fractionDigits)}`;
}

function validCivil(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

const YEAR_FIRST = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]*(\d{1,2})[:時](\d{1,2})(?:[:分](\d{1,2}))?(?:\.\d+)?秒?分?)?$/;
const YEAR_LAST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A date or date and time, in the user's time zone unless the text names its own offset:
 * "2026-11-23", "2026/11/23 9:05", "2026年11月23日 9時5分", "2026-11-23T09:05:00+09:00".
 * Year-last dates are read only when unambiguous: 23/11/2026 is 23 November, but 05/11/2026 could
 * be 5 November or 11 May and is refused with a message asking for the year first.
 */
export function parseDateTime(text: string, timeZone: string): Parsed<number> {
  const s = text.normalize('NFKC').trim();
  if (WITH_ZONE.test(s)) {
    const instant = Date.parse(s);
    return Number.isFinite(instant) ? { ok: true, value: instant } : { ok: false, error: 'leadCsv.error.date' };
  }
  let parts: number[] | null = null;
  const first = YEAR_FIRST.exec(s);
  if (first) parts = first.slice(1).map((p) => Number(p ?? 0));
  else {
    const last = YEAR_LAST.exec(s);
    if (last) {
      const [a, b, y, h, mi, sec] = last.slice(1).map((p) => Number(p ?? 0)) as [number, number, number, number, number, number];
      if (a > 12 && b <= 12) parts = [y, b, a, h, mi, sec];
      else if (b > 12 && a <= 12) parts = [y, a, b, h, mi, sec];
      else return { ok: false, error: 'leadCsv.error.dateAmbiguous' };
    }
  }
  if (!parts) return { ok: false, error: 'leadCsv.error.date' };
  const [y, mo, d, h, mi, sec] = parts as [number, number, number, number, number, number];
  if (!validCivil(y, mo, d, h, mi, sec)) return { ok: false, error: 'leadCsv.error.date' };
  const instant = zonedInstant(y, mo, d, h, mi, sec, timeZone);
  return Number.isFinite(instant) ? { ok: true, value: instant } : { ok: false, error: 'leadCsv.error.date' };
}

// A 50,000-row file calls these 50,000 times or more, and a TZDate costs microseconds (Intl),
// so zone offsets are remembered per quarter hour, of local time when reading and of UTC when
// writing: offsets are multiples of 15 minutes and change on quarter hours (Lord Howe's DST is
// 30 minutes, Newfoundland's zone is UTC−3:30).
const localQuarterShift = new Map<string, number>();
const utcQuarterOffset = new Map<string, number>();
const QUARTER_MS = 900_000;

function remember<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size > 20_000) map.clear();
    value = compute();
    map.set(key, value);
  }
  return value;
}

/** The instant of a wall-clock time in `timeZone`, as `new TZDate(…).getTime()` gives it (gaps move forward). */
export function zonedInstant(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): number {
  const q = Math.floor(mi / 15) * 15;
  const shift = remember(localQuarterShift, `${timeZone}|${y}|${mo}|${d}|${h}|${q}`, () => new TZDate(y, mo - 1, d, h, q, 0, timeZone).getTime() - Date.UTC(y, mo - 1, d, h, q));
  return Date.UTC(y, mo - 1, d, h, mi, s) + shift;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
function offsetMsAt(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / QUARTER_MS);
  return remember(utcQuarterOffset, `${timeZone}|${quarter}`, () => -new TZDate(quarter * QUARTER_MS, timeZone).getTimezoneOffset() * 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD HH:mm" in `timeZone`: what the export writes and the import reads back. */
export function formatDateTimePlain(instant: number, timeZone: string): string {
  const d = new Date(instant + offsetMsAt(instant, timeZone));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
