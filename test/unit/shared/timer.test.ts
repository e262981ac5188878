import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backToBox,
  closeSegment,
  excludeGap,
  interruptTimer,
  pauseTimer,
  resumeTimer,
  reviewOfTimer,
  startTimer,
  stopTimer,
  type TimerResult,
} from '../../../shared/domain/timer';
import { workTotals } from '../../../shared/domain/time';
import type { RunningTimer } from '../../../shared/domain/model';

const T = Date.UTC(2026, 10, 17, 1, 0); // Tue 10:00 in Tokyo
const MIN = 60_000;
const H = 60 * MIN;

function ids() {
  let n = 0;
  return () => `e${++n}`;
}

function value(result: TimerResult) {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('the timer as instants', () => {
  it('start → pause → resume → stop logs two entries with the paused gap left out', () => {
    const id = ids();
    let t = value(startTimer(null, { kind: 'marketing', category: 'newsletter', boxId: 'b1' }, T, id));
    expect(t.entries).toEqual([]);
    t = value(pauseTimer(t.timer, T + 25 * MIN, id));
    expect(t.timer?.runningSince).toBeNull();
    expect(t.entries).toMatchObject([{ id: 'e1', kind: 'marketing', category: 'newsletter', boxId: 'b1', start: T, end: T + 25 * MIN, source: 'timer' }]);
    t = value(resumeTimer(t.timer, T + 40 * MIN));
    expect(t.timer?.runningSince).toBe(T + 40 * MIN);
    const stopped = value(stopTimer(t.timer, T + 60 * MIN, id));
    expect(stopped.timer).toBeNull();
    expect(stopped.entries).toMatchObject([{ start: T + 40 * MIN, end: T + 60 * MIN }]);
  });

  it('the DOMAIN Tuesday: newsletter box, customer call at 10:40, back to the box', () => {
    const id = ids();
    const started = value(startTimer(null, { kind: 'marketing', category: 'newsletter', boxId: 'box', initiativeId: 'nov' }, T, id));
    const interrupted = value(interruptTimer(started.timer, T + 40 * MIN, id, { note: 'customer call' }));
    expect(interrupted.entries).toMatchObject([{ kind: 'marketing', start: T, end: T + 40 * MIN, boxId: 'box', initiativeId: 'nov' }]);
    expect(interrupted.timer).toMatchObject({ kind: 'sales', category: 'call', note: 'customer call', boxId: 'box', interrupted: { boxId: 'box', category: 'newsletter', initiativeId: 'nov' } });
    const back = value(backToBox(interrupted.timer, T + 55 * MIN, id));
    expect(back.entries).toMatchObject([{ kind: 'sales', category: 'call', interruption: true, start: T + 40 * MIN, end: T + 55 * MIN, note: 'customer call' }]);
    expect(back.timer).toMatchObject({ kind: 'marketing', category: 'newsletter', boxId: 'box', initiativeId: 'nov', runningSince: T + 55 * MIN });
    expect(back.timer?.interrupted).toBeUndefined();
    const stopped = value(stopTimer(back.timer, T + 90 * MIN, id));
    const all = [...interrupted.entries, ...back.entries, ...stopped.entries];
    expect(workTotals(all, { start: T, end: T + 2 * H })).toEqual({ marketingMs: 75 * MIN, salesMs: 15 * MIN, totalMs: 90 * MIN });
  });

  it('starting a new timer stops the running one first', () => {
    const id = ids();
    const first = value(startTimer(null, { kind: 'sales', category: 'call' }, T, id));
    const second = value(startTimer(first.timer, { kind: 'marketing', category: 'seo' }, T + 10 * MIN, id));
    expect(second.entries).toMatchObject([{ kind: 'sales', start: T, end: T + 10 * MIN }]);
    expect(second.timer).toMatchObject({ kind: 'marketing', category: 'seo', runningSince: T + 10 * MIN });
  });

  it('stopping in the past never invents time and never goes before the segment', () => {
    const id = ids();
    const t = value(startTimer(null, { kind: 'marketing', category: 'content' }, T, id));
    expect(value(stopTimer(t.timer, T + 5 * H, id, T + 2 * H)).entries).toMatchObject([{ start: T, end: T + 2 * H }]);
    expect(value(stopTimer(t.timer, T + 5 * H, id, T - H)).entries).toEqual([]);
    expect(value(stopTimer(t.timer, T + 5 * H, id, T + 9 * H)).entries).toMatchObject([{ end: T + 5 * H }]);
  });

  it('stopping a paused timer adds nothing more', () => {
    const id = ids();
    const paused = value(pauseTimer(value(startTimer(null, { kind: 'sales', category: 'visit' }, T, id)).timer, T + H, id));
    expect(value(stopTimer(paused.timer, T + 3 * H, id))).toEqual({ timer: null, entries: [] });
  });

  it('refuses what makes no sense', () => {
    const id = ids();
    expect(pauseTimer(null, T, id)).toEqual({ ok: false, error: 'no-timer' });
    const sales = value(startTimer(null, { kind: 'sales', category: 'call' }, T, id)).timer;
    expect(interruptTimer(sales, T + MIN, id)).toEqual({ ok: false, error: 'not-marketing' });
    expect(backToBox(sales, T + MIN, id)).toEqual({ ok: false, error: 'not-interrupted' });
    expect(resumeTimer(sales, T + MIN)).toEqual({ ok: false, error: 'already-running' });
    expect(startTimer(null, { kind: 'sales', category: 'newsletter' }, T, id)).toEqual({ ok: false, error: 'category-mismatch' });
  });
});

describe('closeSegment', () => {
  const timer: RunningTimer = { id: 'current', kind: 'marketing', category: 'seo', runningSince: T, startedAt: T, lastActivityAt: T };

  it('splits a segment longer than 24 h into entries of at most 24 h', () => {
    const entries = closeSegment(timer, T + 50 * H, ids());
    expect(entries.map((e) => (e.end - e.start) / H)).toEqual([24, 24, 2]);
    expect(entries[1]!.start).toBe(entries[0]!.end);
  });

  it('keeps the total for any length (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * H }), (length) => {
        const entries = closeSegment(timer, T + length, ids());
        expect(entries.reduce((sum, e) => sum + e.end - e.start, 0)).toBe(length);
        expect(entries.every((e) => e.end - e.start <= 24 * H && e.end > e.start)).toBe(true);
      }),
    );
  });
});

describe('reviewOfTimer', () => {
  const running: RunningTimer = { id: 'current', kind: 'marketing', category: 'seo', boxId: 'b', runningSince: T, startedAt: T, lastActivityAt: T };

  it('asks when the timer ran more than 30 minutes past its box', () => {
    const box = { end: T + 90 * MIN };
    expect(reviewOfTimer(running, box, T + 120 * MIN)).toBeNull();
    expect(reviewOfTimer(running, box, T + 121 * MIN)).toEqual({ reason: 'past-box-end', boxEnd: T + 90 * MIN, lastActivityAt: T });
  });

  it('asks after more than two hours without input, box or not', () => {
    const adHoc = { ...running, boxId: undefined };
    expect(reviewOfTimer(adHoc, undefined, T + 2 * H)).toBeNull();
    expect(reviewOfTimer(adHoc, undefined, T + 2 * H + 1)).toEqual({ reason: 'no-input', lastActivityAt: T });
    expect(reviewOfTimer({ ...adHoc, lastActivityAt: T + 8 * H }, undefined, T + 9 * H)).toBeNull();
  });

  it('never asks about a paused timer or no timer', () => {
    expect(reviewOfTimer({ ...running, runningSince: null }, { end: T }, T + 10 * H)).toBeNull();
    expect(reviewOfTimer(null, undefined, T)).toBeNull();
  });
});

describe('excludeGap', () => {
  const running: RunningTimer = { id: 'current', kind: 'marketing', category: 'seo', runningSince: T, startedAt: T, lastActivityAt: T };

  it('logs the time before the absence and restarts after it', () => {
    const result = value(excludeGap(running, { from: T + H, to: T + 9 * H }, T + 9 * H + 5 * MIN, ids()));
    expect(result.entries).toMatchObject([{ start: T, end: T + H }]);
    expect(result.timer).toMatchObject({ runningSince: T + 9 * H, lastActivityAt: T + 9 * H + 5 * MIN });
  });

  it('an absence that began before the timer only moves its start', () => {
    const result = value(excludeGap(running, { from: T - H, to: T + H }, T + 2 * H, ids()));
    expect(result.entries).toEqual([]);
    expect(result.timer?.runningSince).toBe(T + H);
  });

  it('an absence that ended before the timer started changes nothing', () => {
    expect(value(excludeGap(running, { from: T - 3 * H, to: T - H }, T + H, ids()))).toEqual({ timer: running, entries: [] });
  });

  it('never invents time: kept + discarded = elapsed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * H }), fc.integer({ min: 0, max: 20 * H }), (a, b) => {
        const [from, to] = [T + Math.min(a, b), T + Math.max(a, b)];
        const now = T + 21 * H;
        const result = value(excludeGap(running, { from, to }, now, ids()));
        const logged = result.entries.reduce((sum, e) => sum + e.end - e.start, 0);
        const stillRunning = now - (result.timer!.runningSince ?? now);
        expect(logged + stillRunning + (to - from)).toBe(now - T);
      }),
    );
  });
});
