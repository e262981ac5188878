/** How an initiative's period, a lead's name and a typed amount read on screen. */
import type { TFunction } from 'i18next';
import type { Initiative, Lead } from '../../../../shared/domain/model';
import type { Currency, Language } from '../../../../shared/domain/model/settings';
import { moneyInputText } from '../../../../shared/domain/initiative-results';
import { currencyFractionDigits, formatDate } from '../../../i18n/format';

/** "Nov 1, 2026 – Nov 30, 2026": the stored end is exclusive, so the last day shown is the one before it. */
export function periodLabel(initiative: Pick<Initiative, 'start' | 'end'>, t: TFunction, language: Language, timeZone: string): string {
  const lastInstant = Math.max(initiative.start, initiative.end - 1);
  return t('initiatives.period', { start: formatDate(initiative.start, language, timeZone), end: formatDate(lastInstant, language, timeZone) });
}

export function leadName(lead: Pick<Lead, 'company' | 'person'>, t: TFunction): string {
  const parts = [lead.company, lead.person].filter((part) => part.trim() !== '');
  return parts.length ? parts.join(' · ') : t('initiatives.detail.unnamed');
}

/** The example amount error messages show, typed the way the input expects it ("50000", "500.00"). */
export function moneyExample(currency: Currency): string {
  const digits = currencyFractionDigits(currency);
  return moneyInputText((digits === 0 ? 50_000 : 500) * 10 ** digits, digits);
}

/** An error key from the pure core as text, with the parameters any of them may use. */
export function errorMessage(
  t: TFunction,
  key: string | null | undefined,
  params: { min?: number; max?: number; currency?: Currency } = {},
): string | null {
  if (!key) return null;
  return t(key as 'validation.invalid', {
    min: params.min,
    max: params.max,
    example: params.currency ? moneyExample(params.currency) : undefined,
  });
}
