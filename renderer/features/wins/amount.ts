/**
 * The "+35 opens" of a win: a number with a unit. When the unit is a currency code (JPY, USD…)
 * the number is money and is stored as an integer in that currency's minor unit, like every
 * amount of money in the app; the form shows and takes it in major units (12.50, not 1250).
 */
import { CURRENCIES, type Currency, type Language } from '../../../shared/domain/model/settings';
import { isCountUnit } from '../../../shared/domain/wins';
import { currencyFractionDigits, formatMoney, formatNumber } from '../../i18n/format';

export function moneyCurrency(unit: string | undefined): Currency | null {
  const code = unit?.trim().normalize('NFKC').toUpperCase() ?? '';
  return (CURRENCIES as readonly string[]).includes(code) ? (code as Currency) : null;
}

export type ParsedAmount = { ok: true; value: number | undefined; unit: string } | { ok: false };

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/gu;

/**
 * Reads what the user typed as the number: full-width digits, a leading + or any dash as minus,
 * thousands separators, and a unit typed right after the number ("+35 opens", "１２件") — the
 * unit comes back separately so nothing typed is lost. Empty means "no number".
 */
export function parseAmountInput(text: string): ParsedAmount {
  const normalized = text.normalize('NFKC').replace(DASHES, '-').trim();
  if (normalized === '') return { ok: true, value: undefined, unit: '' };
  const match = /^([+-]?)\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*([^\d.,\s].*)?$/u.exec(normalized);
  if (!match) return { ok: false };
  const [, sign, digits, unit] = match as unknown as [string, string, string, string | undefined];
  // Commas only as thousands separators: "1,200" is 1200, "1,2" is a typo, not 1.2.
  if (digits.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) return { ok: false };
  const value = Number(digits.replaceAll(',', '')) * (sign === '-' ? -1 : 1);
  if (!Number.isFinite(value)) return { ok: false };
  return { ok: true, value: Object.is(value, -0) ? 0 : value, unit: unit?.trim() ?? '' };
}

/** The stored amount for a typed number in `unit`: minor units for money, the number itself otherwise. */
export function toStoredAmount(value: number, unit: string | undefined): number {
  const currency = moneyCurrency(unit);
  return currency ? Math.round(value * 10 ** currencyFractionDigits(currency)) : value;
}

/** What the number field shows for a stored amount. */
export function toAmountInput(amount: number | undefined, unit: string | undefined): string {
  if (amount === undefined) return '';
  const currency = moneyCurrency(unit);
  return String(currency ? amount / 10 ** currencyFractionDigits(currency) : amount);
}

/** Units that read better written right after the number: "12件", "18%", not "12 件". */
const ATTACHED_UNIT = /^(?:[%％]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/u;

/**
 * "35 opens", "12件", "+18%", "−0.3 pt", "¥1,200,000". A change in a relative unit (% or pt)
 * carries its sign; a count does not need one.
 */
export function formatWinAmount(amount: number, unit: string | undefined, language: Language): string {
  const currency = moneyCurrency(unit);
  if (currency) return formatMoney(amount, currency, language);
  const number = formatNumber(amount, language, 2);
  const signed = amount > 0 && !isCountUnit(unit) ? `+${number}` : number;
  const trimmed = unit?.trim() ?? '';
  if (trimmed === '') return signed;
  return ATTACHED_UNIT.test(trimmed) ? `${signed}${trimmed}` : `${signed} ${trimmed}`;
}
