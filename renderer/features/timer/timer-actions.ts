/**
 * The timer's actions as the UI uses them: each writes through renderer/db/timer.ts and turns a
 * failure into a message, so buttons, the tray and the global shortcut behave the same way.
 */
import type { SalesCategory } from '../../../shared/domain/model';
import type { TimerStart } from '../../../shared/domain/timer';
import type { TwoHatsDatabase } from '../../db/database';
import { backToBoxIn, excludeGapIn, interruptTimerIn, pauseTimerIn, resumeTimerIn, startTimerIn, stopTimerIn } from '../../db/timer';
import { reportWriteError } from '../../app/write-errors';
import type { TimerResult } from '../../../shared/domain/timer';

async function run(action: () => Promise<TimerResult>): Promise<TimerResult | null> {
  try {
    return await action();
  } catch (error) {
    reportWriteError(error);
    return null;
  }
}

export const timerActions = (db: TwoHatsDatabase) => ({
  start: (start: TimerStart) => run(() => startTimerIn(db, start, Date.now())),
  pause: () => run(() => pauseTimerIn(db, Date.now())),
  resume: () => run(() => resumeTimerIn(db, Date.now())),
  stop: (at?: number) => run(() => stopTimerIn(db, Date.now(), at)),
  interrupt: (sales: { category?: SalesCategory; note?: string }) => run(() => interruptTimerIn(db, Date.now(), sales)),
  backToBox: () => run(() => backToBoxIn(db, Date.now())),
  excludeGap: (away: { from: number; to: number }) => run(() => excludeGapIn(db, away, Date.now())),
});
