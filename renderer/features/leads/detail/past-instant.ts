/**
 * When something happened (a contact, a stage change), as typed in a datetime-local input: it must
 * lie between a lower bound (the lead's creation, its last stage change) and now. The input has
 * minutes only, so a value in the same minute as a bound means the bound itself: a lead created at
 * 10:00:20 can be called at "10:00".
 */
import { fromDateTimeLocal } from '../../../i18n/datetime-input';

export type PastInstant = { ok: true; at: number } | { ok: false; key: string; bound?: number };

const minuteOf = (instant: number) => Math.floor(instant / 60_000) * 60_000;

export function readPastInstant(
  value: string,
  timeZone: string,
  now: number,
  lower: { at: number; key: string },
): PastInstant {
  const typed = fromDateTimeLocal(value, timeZone);
  if (typed === null) return { ok: false, key: 'leadForm.error.dateInvalid' };
  if (typed > now) return typed === minuteOf(now) ? { ok: true, at: now } : { ok: false, key: 'leadForm.error.inFuture' };
  if (typed < lower.at) return typed === minuteOf(lower.at) ? { ok: true, at: lower.at } : { ok: false, key: lower.key, bound: lower.at };
  return { ok: true, at: typed };
}
