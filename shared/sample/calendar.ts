/**
 * Local wall-clock time in one IANA time zone, for the sample generator.
 *
 * Days are "day numbers": whole days since 1970-01-01 of the *civil* calendar (the date a wall
 * calendar shows in the zone), so date arithmetic is plain integer arithmetic and never touches
 * the machine's own time zone. Turning a (day, minute) into an instant goes through TZDate, which
 * is DST-safe but costs ~10 µs a call; generating ten years calls it hundreds of thousands of
 * times, so each day's UTC offset is looked up once and reused when it is the same at the day's
 * first and last minute (every day except the few with a DST change, which take the slow path).
 */
import { TZDate } from '@date-fns/tz';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;

interface DayInfo {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** Date.UTC of the civil date: the instant the day would start in UTC. */
  utc: number;
  offsetAtStart: number;
  offsetAtEnd: number;
}

export interface CivilDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

export class LocalCalendar {
  private readonly days = new Map<number, DayInfo>();
  private lastOffset = 0;

  constructor(readonly timeZone: string) {
    if (Number.isNaN(new TZDate(0, timeZone).getTime()) || Number.isNaN(new TZDate(2000, 0, 1, timeZone).getTime())) {
      throw new RangeError(`Unknown time zone: ${timeZone}`);
    }
  }

  /** Day number of a civil date (month 1–12; day may overflow, like Date.UTC). */
  dayNumber(year: number, month: number, day: number): number {
    return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
  }

  civil(dayNum: number): CivilDate {
    const info = this.info(dayNum);
    return { year: info.year, month: info.month, day: info.day };
  }

  /** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
  weekday(dayNum: number): number {
    return (((dayNum + 4) % 7) + 7) % 7;
  }

  isWeekend(dayNum: number): boolean {
    const w = this.weekday(dayNum);
    return w === 0 || w === 6;
  }

  /** The Monday of the day's week (the app's default week start). */
  mondayOf(dayNum: number): number {
    return dayNum - ((this.weekday(dayNum) + 6) % 7);
  }

  /** The instant of `minute` minutes after local midnight of the day (minute may exceed 1440). */
  at(dayNum: number, minute: number): number {
    const info = this.info(dayNum);
    if (info.offsetAtStart === info.offsetAtEnd) return info.utc + minute * MINUTE - info.offsetAtStart;
    // A DST change falls on this day: let TZDate resolve the wall time.
    return new TZDate(info.year, info.month - 1, info.day, 0, minute, this.timeZone).getTime();
  }

  startOfDay(dayNum: number): number {
    return this.at(dayNum, 0);
  }

  /** The local day an instant falls on. */
  dayOf(instant: number): number {
    let d = Math.floor((instant + this.lastOffset) / DAY_MS);
    // The guess is off by at most a day; walk to the day whose [start, next start) holds it.
    while (this.startOfDay(d) > instant) d--;
    while (this.startOfDay(d + 1) <= instant) d++;
    this.lastOffset = this.info(d).offsetAtStart;
    return d;
  }

  /** 'YYYY-MM-DD', the format MetricEntry.period uses. */
  isoDate(dayNum: number): string {
    const { year, month, day } = this.info(dayNum);
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  private info(dayNum: number): DayInfo {
    let info = this.days.get(dayNum);
    if (info) return info;
    const utc = dayNum * DAY_MS;
    const date = new Date(utc);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    const start = new TZDate(year, month - 1, day, 0, 0, this.timeZone).getTime();
    const end = new TZDate(year, month - 1, day, 23, 59, this.timeZone).getTime();
    info = { year, month, day, utc, offsetAtStart: utc - start, offsetAtEnd: utc + 1439 * MINUTE - end };
    this.days.set(dayNum, info);
    return info;
  }
}
