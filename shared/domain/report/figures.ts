/** Figures: a value beside the previous period's, and the change between them. */
import { ratio } from '../ratio';
import type { Ratio } from '../ratio';
import type { AmountFigure, RatioFigure } from './types';

/** -0 becomes 0: JSON cannot tell them apart, and a reopened snapshot must equal what was sent. */
export const clean = (n: number): number => (n === 0 ? 0 : n);

/** A Ratio with no extra fields (SlaResult and DerivedRatioValue carry more). */
export function plainRatio(r: Ratio): Ratio {
  return ratio(clean(r.numerator), clean(r.denominator));
}

export function amount(value: number, previous: number): AmountFigure {
  const delta = clean(value - previous);
  return { kind: 'amount', value: clean(value), previous: clean(previous), delta, change: previous === 0 ? null : clean(delta / Math.abs(previous)) };
}

export function optionalAmount(value: number | null, previous: number | null): AmountFigure<number | null> {
  if (value === null || previous === null) {
    return { kind: 'amount', value: value === null ? null : clean(value), previous: previous === null ? null : clean(previous), delta: null, change: null };
  }
  return amount(value, previous);
}

export function rate(value: Ratio, previous: Ratio): RatioFigure {
  const v = plainRatio(value);
  const p = plainRatio(previous);
  return { kind: 'ratio', value: v, previous: p, change: v.value === null || p.value === null ? null : clean(v.value - p.value) };
}
