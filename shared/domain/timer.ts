/**
 * The focus timer as pure state transitions: each action takes the stored timer (or none) and
 * `now`, and returns the timer to store and the entries to add. The database layer applies the
 * result in one transaction, so a crash between "close the segment" and "start the next" cannot
 * lose or double-count time. Time is never counted by ticks: only instants are stored.
 */
import type { MarketingCategory, RunningTimer, SalesCategory, TimeBox, TimeEntry, WorkKind, Category } from './model';
import { isCategoryOfKind } from './model';
import { HOUR_MS } from './calendar';
import { MAX_ENTRY_MS, entryFromTimer } from './time';

export interface TimerStart {
  kind: WorkKind;
  category: Category;
  boxId?: string;
  initiativeId?: string;
  note?: string;
}

export interface TimerTransition {
  timer: RunningTimer | null;
  entries: TimeEntry[];
}

export type TimerError = 'no-timer' | 'not-running' | 'already-running' | 'not-marketing' | 'not-interrupted' | 'category-mismatch';

export type TimerResult = { ok: true; value: TimerTransition } | { ok: false; error: TimerError };

type NewId = () => string;

const ok = (value: TimerTransition): TimerResult => ({ ok: true, value });
const fail = (error: TimerError): TimerResult => ({ ok: false, error });

/**
 * Closes the running segment at `at` into entries. A segment longer than an entry may be
 * (24 h) becomes consecutive entries, so "keep it all" after a long gap never produces an entry
 * the rest of the app refuses.
 */
export function closeSegment(timer: RunningTimer, at: number, newId: NewId): TimeEntry[] {
  if (timer.runningSince === null || at <= timer.runningSince) return [];
  const entries: TimeEntry[] = [];
  let from = timer.runningSince;
  while (from < at) {
    const to = Math.min(at, from + MAX_ENTRY_MS);
    const entry = entryFromTimer({ ...timer, runningSince: from }, to, newId());
    if (entry) entries.push({ ...entry, createdAt: at, updatedAt: at });
    from = to;
  }
  return entries;
}

export function startTimer(current: RunningTimer | null, start: TimerStart, now: number, newId: NewId): TimerResult {
  if (!isCategoryOfKind(start.kind, start.category)) return fail('category-mismatch');
  // Starting something new while a timer runs stops the old one first: one thing at a time.
  const closed = current ? closeSegment(current, now, newId) : [];
  const timer: RunningTimer = {
    id: 'current',
    kind: start.kind,
    category: start.category,
    runningSince: now,
    startedAt: now,
    lastActivityAt: now,
  };
  if (start.boxId !== undefined) timer.boxId = start.boxId;
  if (start.initiativeId !== undefined) timer.initiativeId = start.initiativeId;
  if (start.note) timer.note = start.note;
  return ok({ timer, entries: closed });
}

export function pauseTimer(current: RunningTimer | null, now: number, newId: NewId): TimerResult {
  if (!current) return fail('no-timer');
  if (current.runningSince === null) return fail('not-running');
  return ok({ timer: { ...current, runningSince: null, lastActivityAt: now }, entries: closeSegment(current, now, newId) });
}

export function resumeTimer(current: RunningTimer | null, now: number): TimerResult {
  if (!current) return fail('no-timer');
  if (current.runningSince !== null) return fail('already-running');
  return ok({ timer: { ...current, runningSince: now, lastActivityAt: now }, entries: [] });
}

/**
 * Stops the timer. `at` lets the user stop it in the past ("I forgot to stop it at 18:00");
 * it is kept between the segment's start and now, so no time is invented.
 */
export function stopTimer(current: RunningTimer | null, now: number, newId: NewId, at: number = now): TimerResult {
  if (!current) return fail('no-timer');
  const since = current.runningSince ?? now;
  const end = Math.min(now, Math.max(since, at));
  return ok({ timer: null, entries: closeSegment(current, end, newId) });
}

/**
 * "Interrupted by sales": closes the marketing segment and starts a sales one that remembers the
 * box, so "Back to the box" resumes it. The sales entries are marked as interruptions.
 */
export function interruptTimer(
  current: RunningTimer | null,
  now: number,
  newId: NewId,
  sales: { category?: SalesCategory; note?: string } = {},
): TimerResult {
  if (!current) return fail('no-timer');
  if (current.kind !== 'marketing') return fail('not-marketing');
  const entries = closeSegment(current, now, newId);
  const interrupted: NonNullable<RunningTimer['interrupted']> = { category: current.category as MarketingCategory };
  if (current.boxId !== undefined) interrupted.boxId = current.boxId;
  if (current.initiativeId !== undefined) interrupted.initiativeId = current.initiativeId;
  if (current.note !== undefined) interrupted.note = current.note;
  const timer: RunningTimer = {
    id: 'current',
    kind: 'sales',
    category: sales.category ?? 'call',
    runningSince: now,
    startedAt: now,
    lastActivityAt: now,
    interrupted,
  };
  // The sales segment is logged against the same box, so the box shows what it lost.
  if (current.boxId !== undefined) timer.boxId = current.boxId;
  if (sales.note) timer.note = sales.note;
  return ok({ timer, entries });
}

export function backToBox(current: RunningTimer | null, now: number, newId: NewId): TimerResult {
  if (!current) return fail('no-timer');
  if (!current.interrupted) return fail('not-interrupted');
  const entries = closeSegment(current, now, newId);
  const { boxId, category, initiativeId, note } = current.interrupted;
  const timer: RunningTimer = {
    id: 'current',
    kind: 'marketing',
    category,
    runningSince: now,
    startedAt: now,
    lastActivityAt: now,
  };
  if (boxId !== undefined) timer.boxId = boxId;
  if (initiativeId !== undefined) timer.initiativeId = initiativeId;
  if (note !== undefined) timer.note = note;
  return ok({ timer, entries });
}

/** How long past its box's end a timer may run before the app asks, and how long without input. */
export const REVIEW_AFTER_BOX_END_MS = 30 * 60_000;
export const REVIEW_AFTER_NO_INPUT_MS = 2 * HOUR_MS;

export type TimerReview =
  | { reason: 'past-box-end'; boxEnd: number; lastActivityAt: number }
  | { reason: 'no-input'; lastActivityAt: number };

/**
 * Whether a running timer needs the user's word before its time is counted: it ran well past
 * its box, or nobody touched the app for hours (a night's sleep, a forgotten timer).
 */
export function reviewOfTimer(timer: RunningTimer | null, box: Pick<TimeBox, 'end'> | undefined, now: number): TimerReview | null {
  if (!timer || timer.runningSince === null) return null;
  if (box && now - box.end > REVIEW_AFTER_BOX_END_MS && box.end > timer.runningSince) {
    return { reason: 'past-box-end', boxEnd: box.end, lastActivityAt: timer.lastActivityAt };
  }
  if (now - timer.lastActivityAt > REVIEW_AFTER_NO_INPUT_MS) return { reason: 'no-input', lastActivityAt: timer.lastActivityAt };
  return null;
}

/** Remaining time of the box the timer runs on; negative once the box has ended. */
export function remainingInBox(box: Pick<TimeBox, 'end'> | undefined, now: number): number | null {
  return box ? box.end - now : null;
}

/**
 * "Discard the time away": the running segment is closed where the absence began and a new one
 * starts where it ended, so the gap (sleep, lock, idle) is never counted. Keeping it needs no
 * transition at all.
 */
export function excludeGap(current: RunningTimer | null, away: { from: number; to: number }, now: number, newId: NewId): TimerResult {
  if (!current) return fail('no-timer');
  if (current.runningSince === null) return fail('not-running');
  const to = Math.min(away.to, now);
  if (to <= current.runningSince) return ok({ timer: current, entries: [] });
  const entries = closeSegment(current, Math.max(current.runningSince, away.from), newId);
  return ok({ timer: { ...current, runningSince: to, lastActivityAt: now }, entries });
}
