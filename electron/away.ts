/**
 * Notices when the user was away from the computer — idle, asleep or behind a locked screen — and
 * reports the span as instants, so the renderer can ask whether it was work. The timer stores its
 * start instant and derives elapsed time from it, so a night of sleep would count unless it is
 * reported here; nothing in this file counts ticks.
 *
 * Causes that overlap (the screen locks, then the laptop sleeps, then the user comes back and the
 * idle time drops) make one absence, reported once, from the earliest start to the latest end.
 */
import type { PowerMonitor } from 'electron';
import type { ShellEvent } from '../shared/bridge';

export type AwayEvent = Extract<ShellEvent, { type: 'away' }>;
type Cause = 'suspend' | 'lock' | 'idle';

/** How often the system idle time is read. */
export const IDLE_POLL_MS = 15_000;
/**
 * How late a poll may come before the gap counts as a sleep the OS did not announce (Linux without
 * logind, a missed 'resume'). Timers stop while the machine sleeps, so the first poll after waking
 * comes late by the length of the sleep.
 */
export const SLEEP_GAP_SLACK_MS = 60_000;

export interface AwayDetectorOptions {
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener' | 'getSystemIdleTime'>;
  /** Epoch milliseconds (Date.now in the app). */
  now: () => number;
  /** The Settings threshold; also the shortest absence worth asking about. */
  idleMinutes: number;
  emit: (event: AwayEvent) => void;
}

export interface AwayDetector {
  setIdleMinutes(minutes: number): void;
  /** Stops listening; an absence still open is dropped (the app is quitting). */
  dispose(): void;
}

interface Absence {
  from: number;
  to: number;
  /** Causes still going on; the absence ends when the last one does. */
  open: Map<Cause, number>;
  /** Every cause it had, to name the reason. */
  seen: Set<Cause>;
}

export function createAwayDetector({ powerMonitor, now, idleMinutes, emit }: AwayDetectorOptions): AwayDetector {
  let thresholdMs = idleMinutes * 60_000;
  let absence: Absence | null = null;
  let lastPollAt = now();

  const begin = (cause: Cause, at: number) => {
    if (!absence) absence = { from: at, to: at, open: new Map(), seen: new Set() };
    absence.from = Math.min(absence.from, at);
    if (!absence.open.has(cause)) absence.open.set(cause, at);
    absence.seen.add(cause);
  };

  const end = (cause: Cause, at: number) => {
    if (!absence?.open.has(cause)) return;
    absence.open.delete(cause);
    absence.to = Math.max(absence.to, at);
    if (absence.open.size > 0) return;
    const { from, to, seen } = absence;
    absence = null;
    // A sleep is the strongest claim (nobody works through it), then a locked screen.
    const reason = seen.has('suspend') ? 'suspend' : seen.has('lock') ? 'lock' : 'idle';
    // Shorter than the idle threshold, it is a pause, not an absence: a screen locked while
    // fetching a coffee is not asked about, as the browser build does not ask either.
    if (to - from >= thresholdMs) emit({ type: 'away', from, to, reason });
  };

  /**
   * Reads the idle time: long enough opens the idle cause, dated from the last input (exact, not
   * rounded to a poll); a drop below the threshold means the user is back, and the idle cause ends
   * at the latest input that poll sees, at most one poll interval after their return.
   */
  const checkIdle = (at: number) => {
    const idleMs = Math.max(0, powerMonitor.getSystemIdleTime()) * 1000;
    const lastInput = at - idleMs;
    if (absence?.open.has('idle')) {
      if (idleMs < thresholdMs) end('idle', lastInput);
    } else if (idleMs >= thresholdMs) {
      begin('idle', lastInput);
    }
  };

  const poll = () => {
    const at = now();
    const gap = at - lastPollAt;
    lastPollAt = at;
    const suspendedAt = absence?.open.get('suspend');
    if (gap > IDLE_POLL_MS + SLEEP_GAP_SLACK_MS) {
      // Asleep since the last poll: announced but 'resume' never came, or not announced at all.
      // (A wall clock set forward by hand looks the same; the user is asked and keeps the time.)
      if (suspendedAt === undefined) begin('suspend', at - gap);
      checkIdle(at);
      end('suspend', at);
      return;
    }
    if (suspendedAt !== undefined && at - suspendedAt > IDLE_POLL_MS + SLEEP_GAP_SLACK_MS) {
      // 'suspend' came but polls kept coming on time: the sleep was cancelled. It adds no time.
      end('suspend', suspendedAt);
    }
    checkIdle(at);
  };

  const onSuspend = () => begin('suspend', now());
  const onLock = () => begin('lock', now());
  // On the way back the idle time is read first, so an idle spell that began before the sleep or
  // the lock (or goes on after it, nobody at the keyboard) joins the same absence.
  const onResume = () => {
    const at = now();
    lastPollAt = at;
    checkIdle(at);
    end('suspend', at);
  };
  const onUnlock = () => {
    const at = now();
    checkIdle(at);
    end('lock', at);
  };

  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  powerMonitor.on('lock-screen', onLock);
  powerMonitor.on('unlock-screen', onUnlock);
  const interval = setInterval(poll, IDLE_POLL_MS);

  return {
    setIdleMinutes(minutes) {
      thresholdMs = minutes * 60_000;
    },
    dispose() {
      clearInterval(interval);
      powerMonitor.removeListener('suspend', onSuspend);
      powerMonitor.removeListener('resume', onResume);
      powerMonitor.removeListener('lock-screen', onLock);
      powerMonitor.removeListener('unlock-screen', onUnlock);
      absence = null;
    },
  };
}
