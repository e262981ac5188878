/**
 * <input type="datetime-local"> and <input type="date">/<input type="time"> speak wall-clock
 * strings without a zone; these convert them to and from instants in the user's time zone.
 */
import { TZDate } from '@date-fns/tz';

const pad = (n: number) => String(n).padStart(2, '0');

export function toDateTimeLocal(instant: number, timeZone: string): string {
  const d = new TZDate(instant, timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromDateTimeLocal(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const instant = new TZDate(y, mo - 1, d, h, mi, timeZone).getTime();
  return Number.isFinite(instant) ? instant : null;
}

export function toDateInput(instant: number, timeZone: string): string {
  return toDateTimeLocal(instant, timeZone).slice(0, 10);
}

export function toTimeInput(instant: number, timeZone: string): string {
  return toDateTimeLocal(instant, timeZone).slice(11);
}

export function fromDateAndTime(date: string, time: string, timeZone: string): number | null {
  return fromDateTimeLocal(`${date}T${time}`, timeZone);
}
