/**
 * A metric rate as DOMAIN.md wants it, "n / d = x%", and "—" for a zero denominator, like
 * format.ts's formatRatio but with the precision small rates need: an inquiry rate of 0.17 % per
 * page view would read "0%" with whole percents. Two significant digits below 10 %.
 */
import type { Language } from '../../../shared/domain/model';
import { formatNumber } from '../../i18n/format';

export interface RateParts {
  sides: string;
  /** "22%", "0.17%", or "—". */
  value: string;
}

export function rateParts(ratio: { numerator: number; denominator: number }, language: Language, digits = 0): RateParts {
  const sides = `${formatNumber(ratio.numerator, language, digits)} / ${formatNumber(ratio.denominator, language, digits)}`;
  if (ratio.denominator === 0 || !Number.isFinite(ratio.denominator) || !Number.isFinite(ratio.numerator)) return { sides, value: '—' };
  const percent = (ratio.numerator / ratio.denominator) * 100;
  const size = Math.abs(percent);
  const fraction = size === 0 || size >= 10 ? 0 : size >= 1 ? 1 : 2;
  return { sides, value: `${formatNumber(percent, language, fraction)}%` };
}

export function formatRate(ratio: { numerator: number; denominator: number }, language: Language, digits = 0): string {
  const { sides, value } = rateParts(ratio, language, digits);
  return `${sides} = ${value}`;
}
