/**
 * Applies the focus timer's pure transitions (shared/domain/timer.ts) to the database: the new
 * timer row and the entries it closed are written in one transaction, so a crash can never
 * leave a closed segment without its entry, or an entry with the segment still running.
 */
import type { RunningTimer } from '../../shared/domain/model';
import {
  backToBox,
  excludeGap,
  interruptTimer,
  pauseTimer,
  resumeTimer,
  startTimer,
  stopTimer,
  type TimerResult,
  type TimerStart,
} from '../../shared/domain/timer';
import type { SalesCategory } from '../../shared/domain/model';
import type { TwoHatsDatabase } from './database';
import { newId } from './time';

export const getTimer = (db: TwoHatsDatabase): Promise<RunningTimer | undefined> => db.timer.get('current');

async function apply(db: TwoHatsDatabase, transition: (current: RunningTimer | null) => TimerResult): Promise<TimerResult> {
  return db.transaction('rw', db.timer, db.timeEntries, async () => {
    const result = transition((await db.timer.get('current')) ?? null);
    if (!result.ok) return result;
    const { timer, entries } = result.value;
    if (entries.length > 0) await db.timeEntries.bulkAdd(entries);
    if (timer) await db.timer.put(timer);
    else await db.timer.delete('current');
    return result;
  });
}

export const startTimerIn = (db: TwoHatsDatabase, start: TimerStart, now: number) => apply(db, (t) => startTimer(t, start, now, newId));
export const pauseTimerIn = (db: TwoHatsDatabase, now: number) => apply(db, (t) => pauseTimer(t, now, newId));
export const resumeTimerIn = (db: TwoHatsDatabase, now: number) => apply(db, (t) => resumeTimer(t, now));
export const stopTimerIn = (db: TwoHatsDatabase, now: number, at?: number) => apply(db, (t) => stopTimer(t, now, newId, at));
export const interruptTimerIn = (db: TwoHatsDatabase, now: number, sales?: { category?: SalesCategory; note?: string }) =>
  apply(db, (t) => interruptTimer(t, now, newId, sales));
export const backToBoxIn = (db: TwoHatsDatabase, now: number) => apply(db, (t) => backToBox(t, now, newId));

/** Records a sign of life, so a long silence (sleep, a forgotten timer) can be asked about. */
export async function touchTimer(db: TwoHatsDatabase, now: number): Promise<void> {
  await db.timer.where('id').equals('current').modify((timer) => {
    if (now > timer.lastActivityAt) timer.lastActivityAt = now;
  });
}
export const excludeGapIn = (db: TwoHatsDatabase, away: { from: number; to: number }, now: number) => apply(db, (t) => excludeGap(t, away, now, newId));
