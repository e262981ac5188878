/**
 * Money as people type it into a form, read into an integer of the currency's minor unit.
 * Accepted: thousands separators ('1,200,000'), full-width digits and punctuation
 * ('１，２００，０００'), a currency sign or code around the number ('¥600,000', '600,000円',
 * 'USD 12.50'), and the Japanese 万 (10⁴) and 億 (10⁸) ('120万', '1.5万円', '1億2000万'), since
 * that is how deal sizes are said and written in Japan. Error values are i18n keys.
 */
import { LEAD_LIMITS } from '../../../../shared/domain/lead-input';
import { CURRENCIES, type Currency } from '../../../../shared/domain/model/settings';
import { currencyFractionDigits } from '../../../i18n/format';

export type MoneyParse = { ok: true; value: number | undefined } | { ok: false; error: string };

// Digits with thousands groups of exactly three (or none), and an optional fraction.
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const AMOUNT = new RegExp(`^(?:(${NUMBER})億)?(?:(${NUMBER})万)?(${NUMBER})?$`);
const CODES = CURRENCIES.join('|');
const AROUND = new RegExp(`^(?:[¥$€£₩]|${CODES})|(?:円|元|ドル|ユーロ|${CODES})$`, 'i');

/**
 * `number` × 10^`exponent` as an integer, exactly (no binary fractions): null when that leaves a
 * fraction ('1.5' yen).
 */
function scaled(number: string, exponent: number): number | null {
  const [whole = '', fraction = ''] = number.replace(/,/g, '').split('.');
  const kept = fraction.slice(0, exponent);
  if (/[1-9]/.test(fraction.slice(exponent))) return null;
  return Number(`${whole}${kept.padEnd(exponent, '0')}`);
}

export function parseMoneyInput(input: string, currency: Currency): MoneyParse {
  let text = input.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return { ok: true, value: undefined };
  if (/^[-−▲△]/.test(text)) return { ok: false, error: 'leads.error.negativeValue' };
  // A sign before and a unit after may both be there ('¥600,000円' is odd but clear).
  text = text.replace(AROUND, '').replace(AROUND, '');
  const match = AMOUNT.exec(text);
  if (!match || text === '') return { ok: false, error: 'leadForm.error.moneyFormat' };
  const digits = currencyFractionDigits(currency);
  const [, oku, man, rest] = match;
  let value = 0;
  for (const [part, power] of [
    [oku, 8],
    [man, 4],
    [rest, 0],
  ] as const) {
    if (part === undefined) continue;
    const units = scaled(part, power + digits);
    if (units === null) return { ok: false, error: 'leadForm.error.moneyDecimals' };
    value += units;
  }
  if (!Number.isSafeInteger(value) || value > LEAD_LIMITS.maxValue) return { ok: false, error: 'leads.error.absurdValue' };
  return { ok: true, value };
}

const inputFormats = new Map<number, Intl.NumberFormat>();

/** A stored value as the text of the input ('1,200,000', '1,234.50'): what `parseMoneyInput` reads back. */
export function moneyInputText(value: number | undefined, currency: Currency): string {
  if (value === undefined) return '';
  const digits = currencyFractionDigits(currency);
  let format = inputFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    inputFormats.set(digits, format);
  }
  return format.format(value / 10 ** digits);
}
