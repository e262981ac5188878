import type { PowerMonitor } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAwayDetector, IDLE_POLL_MS, SLEEP_GAP_SLACK_MS, type AwayEvent } from '../../../electron/away';
import { as, FakePowerMonitor } from './fakes';

const START = Date.parse('2026-11-02T09:00:00+09:00');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * A machine with a clock, a user and a power monitor. The system idle time follows the user's
 * last input, as the OS counts it; `sleep` moves the clock without running timers, as a suspended
 * machine does.
 */
function setUp(idleMinutes = 10) {
  const powerMonitor = new FakePowerMonitor();
  let lastInput = Date.now();
  powerMonitor.getSystemIdleTime = () => Math.floor((Date.now() - lastInput) / SECOND);
  const events: AwayEvent[] = [];
  const detector = createAwayDetector({ powerMonitor: as<PowerMonitor>(powerMonitor), now: () => Date.now(), idleMinutes, emit: (event) => events.push(event) });
  return {
    powerMonitor,
    events,
    detector,
    /** Time passes with the user at the keyboard (input every second). */
    work(ms: number) {
      for (let done = 0; done < ms; done += SECOND) {
        vi.advanceTimersByTime(SECOND);
        lastInput = Date.now();
      }
    },
    /** Time passes with nobody at the keyboard. */
    leave(ms: number) {
      vi.advanceTimersByTime(ms);
    },
    /** The machine sleeps: the clock moves on, timers do not run. */
    sleep(ms: number) {
      vi.setSystemTime(Date.now() + ms);
    },
    input() {
      lastInput = Date.now();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createAwayDetector: sleep', () => {
  it('reports a night of sleep from suspend to resume', () => {
    const { powerMonitor, events, work, sleep, input } = setUp();
    work(MINUTE);
    const suspendedAt = Date.now();
    powerMonitor.emit('suspend');
    sleep(9 * HOUR);
    // The user wakes it: a key, the lid, the power button.
    input();
    powerMonitor.emit('resume');
    expect(events).toEqual([{ type: 'away', from: suspendedAt, to: suspendedAt + 9 * HOUR, reason: 'suspend' }]);

    // The first poll after waking is not mistaken for a second, unannounced sleep.
    work(2 * MINUTE);
    expect(events).toHaveLength(1);
  });

  it('reports a sleep the OS did not announce, from the last poll before it', () => {
    const { events, work, sleep, input } = setUp();
    work(IDLE_POLL_MS * 4);
    const lastPoll = Date.now();
    vi.advanceTimersByTime(5 * SECOND);
    sleep(8 * HOUR);
    input();
    vi.advanceTimersByTime(IDLE_POLL_MS - 5 * SECOND);
    expect(events).toEqual([{ type: 'away', from: lastPoll, to: Date.now(), reason: 'suspend' }]);
  });

  it('does not mistake a poll a little late (a busy machine) for a sleep', () => {
    const { events, work, sleep } = setUp(1);
    work(IDLE_POLL_MS);
    sleep(SLEEP_GAP_SLACK_MS);
    work(IDLE_POLL_MS);
    expect(events).toEqual([]);
  });

  it('reports the sleep once when the poll after waking comes before the resume event', () => {
    const { powerMonitor, events, work, sleep, input } = setUp();
    work(MINUTE);
    const suspendedAt = Date.now();
    powerMonitor.emit('suspend');
    sleep(7 * HOUR);
    input();
    vi.advanceTimersByTime(IDLE_POLL_MS);
    const wokeAt = Date.now();
    powerMonitor.emit('resume');
    expect(events).toEqual([{ type: 'away', from: suspendedAt, to: wokeAt, reason: 'suspend' }]);
  });

  it('ends the sleep at the first poll when the resume event never comes', () => {
    const { powerMonitor, events, work, sleep, input } = setUp();
    work(MINUTE);
    const suspendedAt = Date.now();
    powerMonitor.emit('suspend');
    sleep(3 * HOUR);
    input();
    vi.advanceTimersByTime(IDLE_POLL_MS);
    expect(events).toEqual([{ type: 'away', from: suspendedAt, to: Date.now(), reason: 'suspend' }]);
  });

  it('forgets a suspend that was cancelled (polls kept coming on time)', () => {
    const { powerMonitor, events, work, input } = setUp();
    work(MINUTE);
    powerMonitor.emit('suspend');
    work(20 * MINUTE);
    expect(events).toEqual([]);

    // A later absence starts at its own beginning, not at the cancelled suspend.
    const lockedAt = Date.now();
    powerMonitor.emit('lock-screen');
    vi.advanceTimersByTime(30 * MINUTE);
    input();
    powerMonitor.emit('unlock-screen');
    expect(events).toEqual([{ type: 'away', from: lockedAt, to: lockedAt + 30 * MINUTE, reason: 'lock' }]);
  });
});

describe('createAwayDetector: lock', () => {
  it('reports a locked screen from lock to unlock', () => {
    const { powerMonitor, events, work, leave, input } = setUp();
    work(MINUTE);
    const lockedAt = Date.now();
    powerMonitor.emit('lock-screen');
    leave(25 * MINUTE);
    input();
    powerMonitor.emit('unlock-screen');
    expect(events).toEqual([{ type: 'away', from: lockedAt, to: lockedAt + 25 * MINUTE, reason: 'lock' }]);
  });

  it('reports an overlapping lock and sleep once, covering both', () => {
    const { powerMonitor, events, work, leave, sleep, input } = setUp();
    work(MINUTE);
    const lockedAt = Date.now();
    powerMonitor.emit('lock-screen');
    leave(2 * SECOND);
    powerMonitor.emit('suspend');
    sleep(8 * HOUR);
    powerMonitor.emit('resume');
    leave(20 * SECOND);
    input();
    powerMonitor.emit('unlock-screen');
    expect(events).toEqual([{ type: 'away', from: lockedAt, to: Date.now(), reason: 'suspend' }]);
  });

  it('covers both when the sleep starts first and the lock ends last', () => {
    const { powerMonitor, events, work, sleep, input } = setUp();
    work(MINUTE);
    const suspendedAt = Date.now();
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    sleep(HOUR);
    powerMonitor.emit('resume');
    expect(events).toEqual([]);
    vi.advanceTimersByTime(10 * SECOND);
    input();
    powerMonitor.emit('unlock-screen');
    expect(events).toEqual([{ type: 'away', from: suspendedAt, to: Date.now(), reason: 'suspend' }]);
  });

  it('does not ask about an absence shorter than the idle threshold', () => {
    const { powerMonitor, events, work, leave, sleep, input } = setUp(10);
    work(MINUTE);
    powerMonitor.emit('lock-screen');
    leave(9 * MINUTE);
    input();
    powerMonitor.emit('unlock-screen');
    powerMonitor.emit('suspend');
    sleep(5 * MINUTE);
    powerMonitor.emit('resume');
    expect(events).toEqual([]);
  });
});

describe('createAwayDetector: idle', () => {
  it('reports idle time from the last input before it to the input that ended it', () => {
    const { events, work, leave, input } = setUp(10);
    work(5 * MINUTE);
    const leftAt = Date.now();
    leave(40 * MINUTE + 7 * SECOND);
    input();
    const backAt = Date.now();
    expect(events).toEqual([]);
    leave(IDLE_POLL_MS);
    expect(events).toEqual([{ type: 'away', from: leftAt, to: backAt, reason: 'idle' }]);
  });

  it('ends at the latest input the poll sees, at most one poll after the return', () => {
    const { events, work, leave } = setUp(10);
    work(MINUTE);
    const leftAt = Date.now();
    leave(30 * MINUTE + 2 * SECOND);
    const backAt = Date.now();
    work(IDLE_POLL_MS);
    const [event] = events;
    expect(event).toMatchObject({ from: leftAt, reason: 'idle' });
    expect(event?.to).toBeGreaterThanOrEqual(backAt);
    expect(event?.to).toBeLessThanOrEqual(backAt + IDLE_POLL_MS);
  });

  it('says nothing about a pause shorter than the threshold', () => {
    const { events, work, leave } = setUp(10);
    work(MINUTE);
    leave(9 * MINUTE);
    work(5 * MINUTE);
    expect(events).toEqual([]);
  });

  it('joins idle time before a lock to the lock', () => {
    const { powerMonitor, events, work, leave, input } = setUp(10);
    work(MINUTE);
    const leftAt = Date.now();
    leave(15 * MINUTE);
    powerMonitor.emit('lock-screen');
    leave(30 * MINUTE);
    input();
    powerMonitor.emit('unlock-screen');
    expect(events).toEqual([{ type: 'away', from: leftAt, to: Date.now(), reason: 'lock' }]);
  });

  it('joins idle time before a sleep, and after it until the user is back', () => {
    const { powerMonitor, events, work, leave, sleep, input } = setUp(10);
    work(MINUTE);
    const leftAt = Date.now();
    leave(20 * MINUTE);
    powerMonitor.emit('suspend');
    sleep(6 * HOUR);
    // Woken by the OS (a maintenance wake): nobody at the keyboard yet.
    powerMonitor.emit('resume');
    leave(10 * MINUTE);
    expect(events).toEqual([]);
    input();
    const backAt = Date.now();
    leave(IDLE_POLL_MS);
    expect(events).toEqual([{ type: 'away', from: leftAt, to: backAt, reason: 'suspend' }]);
  });

  it('applies a new threshold from the next poll', () => {
    const { detector, events, work, leave, input } = setUp(30);
    work(MINUTE);
    const leftAt = Date.now();
    leave(5 * MINUTE);
    detector.setIdleMinutes(2);
    leave(IDLE_POLL_MS);
    input();
    const backAt = Date.now();
    leave(IDLE_POLL_MS);
    expect(events).toEqual([{ type: 'away', from: leftAt, to: backAt, reason: 'idle' }]);
  });
});

describe('createAwayDetector: dispose', () => {
  it('stops listening and polling', () => {
    const { powerMonitor, detector, events, work, leave, sleep } = setUp(1);
    work(MINUTE);
    powerMonitor.emit('lock-screen');
    detector.dispose();
    for (const event of ['suspend', 'resume', 'lock-screen', 'unlock-screen']) expect(powerMonitor.listenerCount(event)).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    leave(HOUR);
    sleep(HOUR);
    powerMonitor.emit('unlock-screen');
    expect(events).toEqual([]);
  });
});
