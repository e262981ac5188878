/**
 * "Protect marketing time": the figures of DOMAIN.md's Definitions about hours, budget and boxes.
 *
 * Everything here is plain arithmetic on `[start, end)` intervals in epoch ms. Only the budget
 * and the weekly series need the calendar (and so a time zone); nothing reads the clock.
 *
 * Two ways of adding time are used on purpose:
 * - Marketing / sales hours are, as DOMAIN.md defines them, the SUM of entry durations clipped
 *   to the period. If bad data holds overlapping entries, that sum counts the overlap twice;
 *   `findOverlaps` lets the UI warn about it and offer `trimEntry`, rather than the totals
 *   silently disagreeing with the entry list the user sees.
 * - Figures about what happened inside a box's window (boxes kept, interruptions, plan vs
 *   actual) use the UNION of intervals: there, double counting would let bad data "keep" a box
 *   or lose more time than the box had.
 */
import type { RunningTimer, TimeBox, TimeEntry, WeekStart, WorkKind } from './model';
import { calendarDaysIn, HOUR_MS, weeksOf } from './calendar';
import type { Period } from './calendar';
import { ratio } from './ratio';
import type { Ratio } from './ratio';

/** Any `[start, end)` span in epoch ms; periods, boxes and entries all are. */
export type Interval = Period;

/** A box counts as kept when marketing time logged inside its window reaches this share of it. */
export const BOX_KEPT_SHARE = 0.8;

/** One entry may not be longer than a day: longer is almost surely a timer left running. */
export const MAX_ENTRY_MS = 24 * HOUR_MS;

// ---------------------------------------------------------------------------------------------
// Interval arithmetic

export function durationMs(interval: Interval): number {
  return Math.max(0, interval.end - interval.start);
}

/** Milliseconds `a` and `b` have in common (0 when disjoint or either is empty/inverted). */
export function overlapMs(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The part of `interval` inside `period`, or null when there is none. */
export function clip(interval: Interval, period: Interval): Interval | null {
  const start = Math.max(interval.start, period.start);
  const end = Math.min(interval.end, period.end);
  return end > start ? { start, end } : null;
}

/**
 * The union of `intervals` as sorted, disjoint, non-touching intervals. Empty and inverted
 * intervals are dropped: they cover no time.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** Time covered by at least one of `intervals`. */
export function unionMs(intervals: readonly Interval[]): number {
  return mergeIntervals(intervals).reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** Time of `window` covered by `merged` (the output of `mergeIntervals`), in O(log n + k). */
function coveredMs(merged: readonly Interval[], window: Interval): number {
  // First merged interval ending after the window starts; the ones before cannot overlap.
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((merged[mid] as Interval).end <= window.start) lo = mid + 1;
    else hi = mid;
  }
  let covered = 0;
  for (let i = lo; i < merged.length; i++) {
    const interval = merged[i] as Interval;
    if (interval.start >= window.end) break;
    covered += overlapMs(interval, window);
  }
  return covered;
}

/** Time covered by both merged lists (each from `mergeIntervals`). */
function intersectionMs(a: readonly Interval[], b: readonly Interval[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    total += overlapMs(x, y);
    if (x.end < y.end) i++;
    else j++;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Totals

export interface WorkTotals {
  marketingMs: number;
  salesMs: number;
  /** marketingMs + salesMs. */
  totalMs: number;
}

/** The least an entry (or box) must carry to be counted: its span and its kind. */
export type Kinded = Interval & { kind: WorkKind };

/**
 * Marketing and sales time in `period`: each entry's own duration clipped to the period, summed
 * per kind (DOMAIN.md "Marketing hours"). Overlapping entries are each counted; see the module
 * comment and `findOverlaps`.
 */
export function workTotals(entries: readonly Kinded[], period: Interval): WorkTotals {
  let marketingMs = 0;
  let salesMs = 0;
  for (const entry of entries) {
    const ms = overlapMs(entry, period);
    if (entry.kind === 'marketing') marketingMs += ms;
    else salesMs += ms;
  }
  return { marketingMs, salesMs, totalMs: marketingMs + salesMs };
}

/** Marketing share = marketing / (marketing + sales); "—" (null) when nothing was logged. */
export function marketingShare(totals: WorkTotals): Ratio {
  return ratio(totals.marketingMs, totals.marketingMs + totals.salesMs);
}

/**
 * Budgeted time for `period` = weekly budget × calendar days in the period / 7 (DOMAIN.md),
 * rounded to whole ms like every other duration. A DST week is 7 calendar days, so it is
 * budgeted the full weekly budget even though it has 167 or 169 hours.
 */
export function budgetedMs(weeklyBudgetHours: number, period: Interval, timeZone: string): number {
  return Math.round((weeklyBudgetHours * HOUR_MS * calendarDaysIn(period, timeZone)) / 7);
}

/** Budget kept = marketing time / budgeted time; "—" when nothing was budgeted (0 h or empty period). */
export function budgetKept(totals: WorkTotals, budgeted: number): Ratio {
  return ratio(totals.marketingMs, budgeted);
}

// ---------------------------------------------------------------------------------------------
// Boxes

/**
 * The planned marketing boxes DOMAIN.md counts for `period`: those STARTING in it, with a
 * positive length. A box is attributed whole to the period it starts in, even when it runs past
 * the period's end, so that each box is judged exactly once across consecutive reports.
 */
export function marketingBoxesStartingIn<B extends Interval & { kind: WorkKind }>(
  boxes: readonly B[],
  period: Interval,
): B[] {
  return boxes.filter(
    (b) => b.kind === 'marketing' && b.end > b.start && b.start >= period.start && b.start < period.end,
  );
}

function mergedOfKind(entries: readonly Kinded[], kind: WorkKind): Interval[] {
  return mergeIntervals(entries.filter((e) => e.kind === kind));
}

/** Whether `covered` ms of a `planned` ms box reach the kept threshold. */
function isKept(covered: number, planned: number): boolean {
  // Division, not `covered >= 0.8 * planned`: the quotient of two integers whose true value is
  // 4/5 rounds to exactly the double 0.8, so "exactly 80 %" is kept without float surprises.
  return planned > 0 && covered / planned >= BOX_KEPT_SHARE;
}

/**
 * Boxes kept = planned marketing boxes (starting in the period) in which marketing time logged
 * inside the box's own window is ≥ 80 % of its length / those boxes. Any marketing entry counts,
 * whether or not it was logged against the box; overlapping entries count once (union).
 */
export function boxesKept(boxes: readonly TimeBox[], entries: readonly Kinded[], period: Interval): Ratio {
  const counted = marketingBoxesStartingIn(boxes, period);
  const marketing = mergedOfKind(entries, 'marketing');
  const kept = counted.filter((box) => isKept(coveredMs(marketing, box), box.end - box.start)).length;
  return ratio(kept, counted.length);
}

/**
 * Hours lost to interruptions = time inside the windows of planned marketing boxes (starting in
 * the period) that was logged as sales, whether or not the entry is flagged as an interruption.
 * Sales entries are united, and so are the box windows: when two planned boxes overlap, a sales
 * call in the overlap lost that time once, not twice. The windows are not clipped to the
 * period, matching `boxesKept`.
 */
export function interruptionLossMs(boxes: readonly TimeBox[], entries: readonly Kinded[], period: Interval): number {
  const windows = mergeIntervals(marketingBoxesStartingIn(boxes, period));
  return intersectionMs(windows, mergedOfKind(entries, 'sales'));
}

export interface BoxOutcome {
  plannedMs: number;
  /** Marketing time logged inside the box window (union: overlaps count once). */
  marketingMs: number;
  /** Sales time logged inside the box window (union); for a marketing box, the interruptions. */
  salesMs: number;
  /**
   * Whether time of the box's own kind reached `BOX_KEPT_SHARE` of it. For marketing boxes this
   * is DOMAIN.md's "kept"; sales boxes are judged the same way for the planner's sake, though no
   * report figure counts them.
   */
  kept: boolean;
}

export function boxOutcome(box: Interval & { kind: WorkKind }, entries: readonly Kinded[]): BoxOutcome {
  const plannedMs = durationMs(box);
  const marketingMs = coveredMs(mergedOfKind(entries, 'marketing'), box);
  const salesMs = coveredMs(mergedOfKind(entries, 'sales'), box);
  return { plannedMs, marketingMs, salesMs, kept: isKept(box.kind === 'marketing' ? marketingMs : salesMs, plannedMs) };
}

export interface PlanVsActual {
  /** Time covered by planned marketing boxes inside the period (union: overlapping boxes plan it once). */
  plannedMs: number;
  /** Marketing time logged in the period: the same figure as "Marketing hours". */
  loggedMs: number;
  /** The part of the planned time that was actually logged as marketing. */
  loggedInBoxesMs: number;
}

/**
 * Planned against logged marketing time in `period`. Unlike the box counts, which judge whole
 * boxes by their start, both sides here are time and are clipped to the period, so a week's bar
 * never shows planned time that falls in the next week.
 */
export function planVsActual(boxes: readonly TimeBox[], entries: readonly Kinded[], period: Interval): PlanVsActual {
  const planned = mergeIntervals(
    boxes.filter((b) => b.kind === 'marketing').flatMap((b) => clip(b, period) ?? []),
  );
  const logged = mergeIntervals(
    entries.filter((e) => e.kind === 'marketing').flatMap((e) => clip(e, period) ?? []),
  );
  return {
    plannedMs: planned.reduce((sum, i) => sum + (i.end - i.start), 0),
    loggedMs: workTotals(entries, period).marketingMs,
    loggedInBoxesMs: intersectionMs(planned, logged),
  };
}

// ---------------------------------------------------------------------------------------------
// Entries: validation, overlaps, splitting and trimming

export type EntryError = 'invalid-instant' | 'end-before-start' | 'zero-length' | 'too-long';

/** Why an entry's span cannot be saved, or null if it can. Exactly 24 h is allowed. */
export function validateEntry(span: Interval): EntryError | null {
  if (!Number.isFinite(span.start) || !Number.isFinite(span.end)) return 'invalid-instant';
  if (span.end < span.start) return 'end-before-start';
  if (span.end === span.start) return 'zero-length';
  if (span.end - span.start > MAX_ENTRY_MS) return 'too-long';
  return null;
}

export interface EntryOverlap {
  /** The entry that starts first (on a tie, the one listed first). */
  firstId: string;
  secondId: string;
  /** The time both cover. */
  start: number;
  end: number;
  /** Same kind: the overlap is counted twice in that kind's hours. */
  sameKind: boolean;
}

/**
 * Every pair of entries that cover the same time, in order of start. One person cannot log two
 * things at once, so the UI warns about each and offers to trim one (see `trimEntry`).
 */
export function findOverlaps(entries: readonly (Kinded & { id: string })[]): EntryOverlap[] {
  const sorted = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.end > entry.start)
    .sort((a, b) => a.entry.start - b.entry.start || a.index - b.index)
    .map(({ entry }) => entry);
  const overlaps: EntryOverlap[] = [];
  let active: (Kinded & { id: string })[] = [];
  for (const entry of sorted) {
    active = active.filter((a) => a.end > entry.start);
    for (const a of active) {
      overlaps.push({
        firstId: a.id,
        secondId: entry.id,
        start: entry.start,
        end: Math.min(a.end, entry.end),
        sameKind: a.kind === entry.kind,
      });
    }
    active.push(entry);
  }
  // Already in order of start: each overlap starts where the later-starting entry does.
  return overlaps;
}

/** A new id and the current instant, supplied by the caller because shared/ makes neither. */
export interface Stamp {
  /** Id for the entry that did not exist before (the second half of a split). */
  newId: string;
  now: number;
}

export type SplitResult = { ok: true; entries: [TimeEntry, TimeEntry] } | { ok: false; error: 'not-inside' };

/**
 * Splits an entry at `at`, which must be strictly inside it (a split at an edge would make an
 * empty entry). The first half keeps the id, so links to it survive; the halves share every other
 * field, so totals are unchanged for any period.
 */
export function splitEntry(entry: TimeEntry, at: number, stamp: Stamp): SplitResult {
  if (!(at > entry.start && at < entry.end)) return { ok: false, error: 'not-inside' };
  return {
    ok: true,
    entries: [
      { ...entry, end: at, updatedAt: stamp.now },
      { ...entry, id: stamp.newId, start: at, createdAt: stamp.now, updatedAt: stamp.now },
    ],
  };
}

/**
 * What is left of `entry` once `cut` is removed from it: nothing, one piece, or two pieces when
 * the cut is strictly inside. The first remaining piece keeps the id; an unchanged entry is
 * returned as is. Used to resolve an overlap by trimming one of the two entries.
 */
export function trimEntry(entry: TimeEntry, cut: Interval, stamp: Stamp): TimeEntry[] {
  if (overlapMs(entry, cut) === 0) return [entry];
  const pieces: Interval[] = [];
  if (cut.start > entry.start) pieces.push({ start: entry.start, end: cut.start });
  if (cut.end < entry.end) pieces.push({ start: cut.end, end: entry.end });
  return pieces.map((piece, i) =>
    i === 0
      ? { ...entry, ...piece, updatedAt: stamp.now }
      : { ...entry, ...piece, id: stamp.newId, createdAt: stamp.now, updatedAt: stamp.now },
  );
}

// ---------------------------------------------------------------------------------------------
// Charts

export interface WeekPoint {
  /** Start of the whole week (for the label), even when the period cuts it. */
  weekStart: number;
  /** The part of the week inside the period: feed it to `budgetedMs` for a pro-rata budget line. */
  start: number;
  end: number;
  marketingMs: number;
  salesMs: number;
}

/** Per-week marketing and sales time over `period`; weeks cut by the period are clipped to it. */
export function weeklySeries(
  entries: readonly Kinded[],
  period: Period,
  timeZone: string,
  weekStartsOn: WeekStart,
): WeekPoint[] {
  const inPeriod = entries.filter((e) => overlapMs(e, period) > 0);
  return weeksOf(period, timeZone, weekStartsOn).map((week) => {
    const { marketingMs, salesMs } = workTotals(inPeriod, week);
    return { ...week, marketingMs, salesMs };
  });
}

// ---------------------------------------------------------------------------------------------
// The running timer

/**
 * Milliseconds of the segment now running (0 while paused). Segments before a pause are already
 * entries, so they are not added here. A clock that went backwards (the user fixed the time)
 * gives 0 rather than negative time.
 */
export function elapsedOfTimer(timer: Pick<RunningTimer, 'runningSince'>, now: number): number {
  return timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince);
}

/**
 * The entry that the running segment becomes when the timer is paused or stopped at `now`, or
 * null when nothing is running or no time has passed. A timer that interrupted a marketing box
 * is logged as an interruption. The caller checks `validateEntry` (a segment left running over
 * a night is 'too-long' and deserves a question, not a silent 30-hour entry).
 */
export function entryFromTimer(timer: RunningTimer, now: number, newId: string): TimeEntry | null {
  if (timer.runningSince === null || now <= timer.runningSince) return null;
  const entry: TimeEntry = {
    id: newId,
    kind: timer.kind,
    category: timer.category,
    start: timer.runningSince,
    end: now,
    source: 'timer',
    createdAt: now,
    updatedAt: now,
  };
  if (timer.note !== undefined) entry.note = timer.note;
  if (timer.boxId !== undefined) entry.boxId = timer.boxId;
  if (timer.initiativeId !== undefined) entry.initiativeId = timer.initiativeId;
  if (timer.interrupted) entry.interruption = true;
  return entry;
}
