/**
 * A rate as DOMAIN.md wants it shown: numerator and denominator kept beside the value
 * ("3 / 12 = 25 %"), and no value at all where the denominator is 0 (shown as "—").
 * Formatting belongs to the renderer; this is only the data.
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  /** null when the denominator is 0 (or not a finite number): the renderer shows "—". */
  readonly value: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  // A rate over nothing is unknown, not 0 % and not 100 %: an empty week must not read as
  // "budget missed" or "every box kept".
  const defined = denominator !== 0 && Number.isFinite(denominator) && Number.isFinite(numerator);
  return { numerator, denominator, value: defined ? numerator / denominator : null };
}
