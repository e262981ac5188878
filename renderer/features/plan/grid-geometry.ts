/**
 * Geometry of the week planner grid: pure functions, no DOM, no React, no clock.
 *
 * The grid draws each day as 24 rows of local wall-clock time in the user's zone, whatever the
 * day's real length, because that is how people read a calendar ("the 10:00 row"). A position
 * on the grid is therefore a number of wall-clock minutes since the day's local midnight,
 * 0–1440 (1440 = the next midnight, a box's exclusive end).
 *
 * DST, decided on purpose (DST days are 23 or 25 hours long, but still draw as 24 rows):
 * - Missing hour (spring forward, e.g. Berlin 02:00→03:00): no instant maps into it, so its row
 *   stays empty. A wall time inside it, when turned back into an instant (a box dropped at
 *   02:30), moves forward by the gap to 03:30, as `addDaysIn` does.
 * - Repeated hour (fall back, e.g. Berlin 03:00→02:00): instants of both passes map to the same
 *   02:00–03:00 row, so a box in the second pass is drawn over (beside, via lanes) one in the
 *   first. A span whose end maps above its start (it crosses the fold) is drawn with its real
 *   length from its start. A wall time inside the repeated hour resolves to its FIRST
 *   occurrence (summer time), like Temporal's "compatible" disambiguation.
 * - Moves keep a box's real duration (so the planned time in reports does not change), except
 *   that a box never crosses midnight in the planner: it is stopped at the day's end.
 */
import { tzOffset } from '@date-fns/tz';
import { DAY_MS, dayKey, startOfDayIn } from '../../../shared/domain/calendar';
import type { DayKey, Period } from '../../../shared/domain/calendar';

/** Every drag and key press on the grid lands on a multiple of this many minutes. */
export const SNAP_MINUTES = 15;
export const MINUTES_PER_DAY = 1440;
export const MINUTE_MS = 60_000;
/** The part of the day in view when the grid opens (the rest is reachable by scrolling). */
export const VIEW_FROM_MINUTE = 7 * 60;
export const VIEW_TO_MINUTE = 21 * 60;
/** A box created from the keyboard on a day heading: 09:00 for one hour. */
export const KEYBOARD_CREATE: Span = { top: 9 * 60, bottom: 10 * 60 };
/** Pointer travel (px) before a press becomes a drag; less is a click. */
export const DRAG_THRESHOLD_PX = 4;

/** One column of the grid: a local calendar day and the instants it spans. */
export interface GridDay {
  key: DayKey;
  start: number;
  end: number;
}

/** A vertical span on a day column, in wall-clock minutes since local midnight (0–1440). */
export interface Span {
  top: number;
  bottom: number;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds to the nearest multiple of `step` minutes (halves round up: 7.5 → 15). */
export function snapMinutes(minutes: number, step = SNAP_MINUTES): number {
  return Math.round(minutes / step) * step;
}

/** The next snap line after `minute` (direction 1) or before it (-1); from a line, one step. */
export function stepMinute(minute: number, direction: 1 | -1, step = SNAP_MINUTES): number {
  return direction > 0 ? Math.floor(minute / step) * step + step : Math.ceil(minute / step) * step - step;
}

/** The zone's UTC offset at `instant`, in ms (from Intl: the machine's own zone plays no part). */
function offsetMs(timeZone: string, instant: number): number {
  return tzOffset(timeZone, new Date(instant)) * MINUTE_MS;
}

/** Wall-clock minutes since local midnight of `instant` in `timeZone` (fractions for seconds). */
export function wallMinutes(instant: number, timeZone: string): number {
  const wall = instant + offsetMs(timeZone, instant);
  return (((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS;
}

/** Where `instant` is drawn on `day`'s column: clamped to the day, its end is 1440. */
export function minuteInDay(instant: number, day: GridDay, timeZone: string): number {
  if (instant >= day.end) return MINUTES_PER_DAY;
  // A day whose midnight was skipped (America/Santiago) starts at 01:00, i.e. minute 60.
  return wallMinutes(Math.max(instant, day.start), timeZone);
}

/**
 * The span `interval` covers on `day`'s column, or null when it does not touch the day.
 * Spans shorter than `minLength` (a 5-minute box; an empty one) are drawn `minLength` tall, so
 * that nothing planned is ever invisible; near midnight they grow upwards.
 */
export function spanInDay(interval: Period, day: GridDay, timeZone: string, minLength = 0): Span | null {
  const start = Math.max(interval.start, day.start);
  const end = Math.min(interval.end, day.end);
  const emptyInDay = interval.end <= interval.start && interval.start >= day.start && interval.start < day.end;
  if (end <= start && !(emptyInDay && minLength > 0)) return null;
  const top = minuteInDay(start, day, timeZone);
  let bottom = minuteInDay(Math.max(start, end), day, timeZone);
  // Crossing the repeated autumn hour maps the end above the start: draw the real length.
  if (bottom < top) bottom = Math.min(MINUTES_PER_DAY, top + (end - start) / MINUTE_MS);
  if (bottom - top >= minLength) return { top, bottom };
  const grown = Math.min(MINUTES_PER_DAY, top + minLength);
  return { top: grown - minLength, bottom: grown };
}

/**
 * The instant at wall-clock `minute` of `day`, inside the day. Ambiguous wall times resolve as
 * Temporal's "compatible" disambiguation does: the first pass of a repeated hour, and forward by
 * the gap inside a skipped one. Computed from the zone's offsets, never the machine's zone.
 */
export function instantAt(day: GridDay, minute: number, timeZone: string): number {
  if (minute >= MINUTES_PER_DAY) return day.end;
  const [year, month, date] = day.key.split('-').map(Number) as [number, number, number];
  // The wall time written as if it were UTC; the real instant is that minus the offset then.
  const local = Date.UTC(year, month - 1, date) + Math.max(0, minute) * MINUTE_MS;
  // Offsets change at most once in two days, so these two are the only candidates.
  const before = offsetMs(timeZone, local - DAY_MS);
  const after = offsetMs(timeZone, local + DAY_MS);
  const valid = [local - before, local - after].filter((t) => wallMinutes(t, timeZone) === wallMinutes(local, 'UTC'));
  const instant = valid.length > 0 ? Math.min(...valid) : local - before;
  return clamp(instant, day.start, day.end);
}

/** A span of `day` as instants; never empty, even when both ends fall in the spring gap. */
export function spanToRange(day: GridDay, span: Span, timeZone: string): Period {
  const start = instantAt(day, span.top, timeZone);
  let end = instantAt(day, span.bottom, timeZone);
  if (end <= start) end = Math.min(day.end, start + (span.bottom - span.top) * MINUTE_MS);
  return { start, end };
}

/**
 * Where a moved box lands: it starts at `span.top` of `day` and keeps its real duration, but is
 * stopped at the day's end (a span reaching 1440 ends exactly at the next midnight).
 */
export function movedRange(day: GridDay, span: Span, durationMs: number, timeZone: string): Period {
  const start = instantAt(day, span.top, timeZone);
  const end = span.bottom >= MINUTES_PER_DAY ? day.end : Math.min(day.end, start + durationMs);
  return end > start ? { start, end } : spanToRange(day, span, timeZone);
}

// ---------------------------------------------------------------------------------------------
// Drags. All take the pointer's (unsnapped) minute and return the snapped span to draw/commit.

/** Length in minutes a box keeps when moved: its real duration, at most a whole day. */
export function moveLength(box: Period): number {
  return clamp((box.end - box.start) / MINUTE_MS, 0, MINUTES_PER_DAY);
}

/**
 * Creating: from the 15-minute cell pressed to the pointer's nearest snap line, either way, so
 * the box is at least one snap long and always contains the cell where the drag began.
 */
export function createSpan(anchorMinute: number, pointerMinute: number): Span {
  const cellTop = clamp(Math.floor(anchorMinute / SNAP_MINUTES) * SNAP_MINUTES, 0, MINUTES_PER_DAY - SNAP_MINUTES);
  const cellBottom = cellTop + SNAP_MINUTES;
  const pointer = clamp(snapMinutes(pointerMinute), 0, MINUTES_PER_DAY);
  return { top: Math.min(cellTop, pointer), bottom: Math.max(cellBottom, pointer) };
}

/**
 * Moving: the box's top follows the pointer minus where it was grabbed, snapped, and the box
 * stays inside the day: dragged past midnight it stops with its end at 24:00 (`clamped`).
 */
export function moveSpan(pointerMinute: number, grabOffset: number, length: number): Span & { clamped: boolean } {
  const wanted = snapMinutes(pointerMinute - grabOffset);
  const top = clamp(wanted, 0, MINUTES_PER_DAY - length);
  return { top, bottom: top + length, clamped: wanted > top };
}

/** The least end of a box starting at `top`: the first snap line at least one snap later. */
export function minBottom(top: number): number {
  return Math.min(MINUTES_PER_DAY, Math.ceil((top + SNAP_MINUTES) / SNAP_MINUTES) * SNAP_MINUTES);
}

/** Resizing: the end follows the pointer's nearest snap line, at least one snap after the top. */
export function resizeSpan(top: number, pointerMinute: number): Span & { clamped: boolean } {
  const wanted = snapMinutes(pointerMinute);
  const bottom = clamp(wanted, minBottom(top), MINUTES_PER_DAY);
  return { top, bottom, clamped: wanted > bottom };
}

/** Pointer position → day column (clamped to the first/last day) and unsnapped minute (0–1440). */
export function pointToSlot(
  x: number,
  y: number,
  rect: { left: number; top: number; width: number; height: number },
  dayCount: number,
): { dayIndex: number; minute: number } {
  const column = rect.width / Math.max(1, dayCount);
  const dayIndex = clamp(Math.floor((x - rect.left) / column), 0, Math.max(0, dayCount - 1));
  const minute = rect.height > 0 ? clamp(((y - rect.top) / rect.height) * MINUTES_PER_DAY, 0, MINUTES_PER_DAY) : 0;
  return { dayIndex, minute };
}

// ---------------------------------------------------------------------------------------------
// Keyboard

export type Nudge = 'earlier' | 'later' | 'previous-day' | 'next-day' | 'shorter' | 'longer';

/** Where a box starts on the week: its start's day (the first day if it started before). */
function placement(box: Period, days: readonly GridDay[], timeZone: string) {
  const found = days.findIndex((d) => box.start >= d.start && box.start < d.end);
  const dayIndex = found >= 0 ? found : 0;
  const day = days[dayIndex];
  return day ? { dayIndex, day, top: minuteInDay(box.start, day, timeZone) } : null;
}

/**
 * The range a key press moves or resizes `box` to, or null when it cannot move (week edge, day
 * edge) or would not change. Moves go to the next snap line (from 10:10, down is 10:15) and
 * keep the box inside one day; resizes change the end, never below one snap.
 */
export function nudgeRange(box: Period, nudge: Nudge, days: readonly GridDay[], timeZone: string): Period | null {
  const place = placement(box, days, timeZone);
  if (!place) return null;
  const length = moveLength(box);
  let range: Period | null = null;
  if (nudge === 'earlier' || nudge === 'later') {
    const top = clamp(stepMinute(place.top, nudge === 'later' ? 1 : -1), 0, MINUTES_PER_DAY - length);
    range = movedRange(place.day, { top, bottom: top + length }, box.end - box.start, timeZone);
  } else if (nudge === 'previous-day' || nudge === 'next-day') {
    const day = days[place.dayIndex + (nudge === 'next-day' ? 1 : -1)];
    if (!day) return null;
    const top = Math.min(place.top, MINUTES_PER_DAY - length);
    range = movedRange(day, { top, bottom: top + length }, box.end - box.start, timeZone);
  } else {
    // The end is changed on the day it falls in (an end at midnight belongs to the day before).
    const endDay = days.find((d) => box.end > d.start && box.end <= d.end);
    if (!endDay) return null;
    const top = box.start >= endDay.start ? minuteInDay(box.start, endDay, timeZone) : 0;
    const end = minuteInDay(box.end, endDay, timeZone);
    const bottom = clamp(stepMinute(end, nudge === 'longer' ? 1 : -1), minBottom(top), MINUTES_PER_DAY);
    range = { start: box.start, end: spanToRange(endDay, { top, bottom }, timeZone).end };
  }
  return range.start === box.start && range.end === box.end ? null : range;
}

// ---------------------------------------------------------------------------------------------
// Lanes and layout

export interface LanePlacement {
  /** 0-based column inside the overlap cluster. */
  lane: number;
  /** Columns the cluster needs: the box is drawn `1 / lanes` wide. */
  lanes: number;
}

/**
 * Side-by-side lanes for overlapping intervals (classic interval-graph column packing): sweep by
 * start, put each interval in the first lane that is free again (half-open: a box ending at
 * 10:00 frees its lane for one starting at 10:00), and give every interval of an overlap
 * cluster (intervals connected by overlaps, directly or through others) the cluster's lane
 * count. Ids must be unique. Deterministic: ties sort by longer first, then by id.
 */
export function assignLanes<T extends { id: string; start: number; end: number }>(
  items: readonly T[],
): Map<string, LanePlacement> {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result = new Map<string, LanePlacement>();
  let cluster: { id: string; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    for (const { id, lane } of cluster) result.set(id, { lane, lanes: laneEnds.length });
    cluster = [];
    laneEnds = [];
    clusterEnd = -Infinity;
  };
  for (const item of sorted) {
    const end = Math.max(item.start, item.end);
    if (cluster.length > 0 && item.start >= clusterEnd) close();
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= item.start);
    if (lane < 0) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    cluster.push({ id: item.id, lane });
    clusterEnd = Math.max(clusterEnd, end);
  }
  close();
  return result;
}

/** A box as drawn on one day column. A box crossing midnight has one segment per day. */
export interface BoxSegment<B extends Period & { id: string }> extends Span, LanePlacement {
  box: B;
  dayIndex: number;
  /** The box started on an earlier day / goes on to a later one. */
  continuesBefore: boolean;
  continuesAfter: boolean;
  /** The first segment of the box in the week: the one that is focusable and named. */
  primary: boolean;
}

/**
 * Every box's segments per day column, in time order, with lanes computed on the drawn spans
 * (after the minimum height), so boxes that look overlapping are always side by side.
 */
export function layoutBoxes<B extends Period & { id: string }>(
  days: readonly GridDay[],
  boxes: readonly B[],
  timeZone: string,
): BoxSegment<B>[][] {
  const seen = new Set<string>();
  return days.map((day, dayIndex) => {
    const spans: (Span & { box: B })[] = [];
    for (const box of boxes) {
      const span = spanInDay(box, day, timeZone, SNAP_MINUTES);
      if (span) spans.push({ box, ...span });
    }
    const lanes = assignLanes(spans.map((s) => ({ id: s.box.id, start: s.top, end: s.bottom })));
    // In time order, so that Tab walks a day from morning to night.
    spans.sort((a, b) => a.top - b.top || (lanes.get(a.box.id)?.lane ?? 0) - (lanes.get(b.box.id)?.lane ?? 0));
    return spans.map((s) => {
      const primary = !seen.has(s.box.id);
      seen.add(s.box.id);
      return {
        ...s,
        ...(lanes.get(s.box.id) ?? { lane: 0, lanes: 1 }),
        dayIndex,
        continuesBefore: s.box.start < day.start,
        continuesAfter: s.box.end > day.end,
        primary,
      };
    });
  });
}

/** Entries per day column, clipped to the day; empty ones are left out (they cover no time). */
export function layoutEntries<E extends Period & { id: string }>(
  days: readonly GridDay[],
  entries: readonly E[],
  timeZone: string,
): (Span & { entry: E })[][] {
  return days.map((day) =>
    entries.flatMap((entry) => {
      const span = spanInDay(entry, day, timeZone);
      return span ? [{ entry, ...span }] : [];
    }),
  );
}

/**
 * A range in wall-clock terms for labels: start day and minute, end day and minute. An end at a
 * local midnight is written as 24:00 of the day before ("Tue 23:00–24:00"), not as 00:00.
 */
export function wallRange(range: Period, timeZone: string) {
  const atMidnight = range.end > range.start && startOfDayIn(range.end, timeZone) === range.end;
  return {
    startDay: dayKey(range.start, timeZone),
    startMinute: wallMinutes(range.start, timeZone),
    endDay: dayKey(atMidnight ? range.end - 1 : range.end, timeZone),
    endMinute: atMidnight ? MINUTES_PER_DAY : wallMinutes(range.end, timeZone),
  };
}
