import { describe, expect, it } from 'vitest';
import { daysOfWeek, dayKey, weekContaining } from '../../../shared/domain/calendar';
import {
  assignLanes,
  createSpan,
  instantAt,
  KEYBOARD_CREATE,
  layoutBoxes,
  minBottom,
  minuteInDay,
  MINUTES_PER_DAY,
  movedRange,
  moveSpan,
  nudgeRange,
  pointToSlot,
  resizeSpan,
  snapMinutes,
  SNAP_MINUTES,
  spanInDay,
  spanToRange,
  stepMinute,
  wallMinutes,
  wallRange,
  type GridDay,
} from '../../../renderer/features/plan/grid-geometry';

const TOKYO = 'Asia/Tokyo';
const BERLIN = 'Europe/Berlin';
const MIN = 60_000;
const HOUR = 60 * MIN;

/** The 7 grid days of the week containing `iso`, as the Plan screen builds them. */
function weekDays(iso: string, timeZone: string, weekStartsOn: 0 | 1 = 1): GridDay[] {
  const week = weekContaining(Date.parse(iso), timeZone, weekStartsOn);
  return daysOfWeek(week, timeZone).map((d) => ({ key: dayKey(d.start, timeZone), ...d }));
}

const at = (iso: string) => Date.parse(iso);
const box = (id: string, start: number, end: number) => ({ id, start, end });

describe('snapping', () => {
  it('rounds to the nearest 15 minutes', () => {
    expect(SNAP_MINUTES).toBe(15);
    expect(snapMinutes(0)).toBe(0);
    expect(snapMinutes(7)).toBe(0);
    expect(snapMinutes(7.5)).toBe(15);
    expect(snapMinutes(8)).toBe(15);
    expect(snapMinutes(22)).toBe(15);
    expect(snapMinutes(23)).toBe(30);
    expect(snapMinutes(10 * 60 + 52)).toBe(10 * 60 + 45);
    expect(snapMinutes(1439)).toBe(1440);
  });

  it('steps to the next snap line, or one step from a line', () => {
    expect(stepMinute(600, 1)).toBe(615);
    expect(stepMinute(600, -1)).toBe(585);
    expect(stepMinute(610, 1)).toBe(615);
    expect(stepMinute(610, -1)).toBe(600);
  });
});

describe('wall-clock minutes since local midnight', () => {
  it('reads Asia/Tokyo wall time whatever the machine zone', () => {
    // 01:30 UTC is 10:30 in Tokyo (UTC+9, no DST).
    expect(wallMinutes(at('2026-11-10T01:30:00Z'), TOKYO)).toBe(630);
    expect(wallMinutes(at('2026-11-09T15:00:00Z'), TOKYO)).toBe(0);
    expect(wallMinutes(at('2026-11-10T14:59:00Z'), TOKYO)).toBe(1439);
    expect(wallMinutes(at('2026-11-10T01:30:30Z'), TOKYO)).toBe(630.5);
  });

  it('maps a box in Tokyo to its rows, and its end at midnight to 1440', () => {
    const days = weekDays('2026-11-10T03:00:00Z', TOKYO);
    const tuesday = days[1]!;
    expect(tuesday.key).toBe('2026-11-10');
    const newsletter = box('a', at('2026-11-10T01:00:00Z'), at('2026-11-10T02:30:00Z')); // 10:00–11:30
    expect(spanInDay(newsletter, tuesday, TOKYO)).toEqual({ top: 600, bottom: 690 });
    expect(minuteInDay(tuesday.end, tuesday, TOKYO)).toBe(MINUTES_PER_DAY);
    expect(minuteInDay(tuesday.start - HOUR, tuesday, TOKYO)).toBe(0);
    expect(spanInDay(newsletter, days[2]!, TOKYO)).toBeNull();
  });

  describe('across DST days in Europe/Berlin', () => {
    const spring = weekDays('2026-03-29T12:00:00Z', BERLIN).find((d) => d.key === '2026-03-29')!;
    const autumn = weekDays('2026-10-25T12:00:00Z', BERLIN).find((d) => d.key === '2026-10-25')!;

    it('still draws 0–24 h on a 23-hour and a 25-hour day', () => {
      expect(spring.end - spring.start).toBe(23 * HOUR);
      expect(autumn.end - autumn.start).toBe(25 * HOUR);
      expect(spanInDay(spring, spring, BERLIN)).toEqual({ top: 0, bottom: 1440 });
      expect(spanInDay(autumn, autumn, BERLIN)).toEqual({ top: 0, bottom: 1440 });
    });

    it('leaves the missing spring hour empty: 01:59 CET is followed by 03:00 CEST', () => {
      expect(wallMinutes(at('2026-03-29T00:59:00Z'), BERLIN)).toBe(119);
      expect(wallMinutes(at('2026-03-29T01:00:00Z'), BERLIN)).toBe(180);
      // 10:00 CEST is 08:00 UTC: the rows after the gap are wall-clock rows, not elapsed hours.
      expect(minuteInDay(at('2026-03-29T08:00:00Z'), spring, BERLIN)).toBe(600);
    });

    it('draws both passes of the repeated autumn hour on the same rows', () => {
      expect(wallMinutes(at('2026-10-25T00:30:00Z'), BERLIN)).toBe(150); // 02:30 CEST
      expect(wallMinutes(at('2026-10-25T01:30:00Z'), BERLIN)).toBe(150); // 02:30 CET
      // A box from 02:30 CEST to 02:15 CET (45 min) would end above its start: drawn 45 min tall.
      const fold = box('f', at('2026-10-25T00:30:00Z'), at('2026-10-25T01:15:00Z'));
      expect(spanInDay(fold, autumn, BERLIN)).toEqual({ top: 150, bottom: 195 });
    });

    it('turns wall times back into instants: the gap moves forward, the fold takes its first pass', () => {
      expect(new Date(instantAt(spring, 150, BERLIN)).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
      expect(new Date(instantAt(autumn, 150, BERLIN)).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, the first pass
      expect(instantAt(spring, 1440, BERLIN)).toBe(spring.end);
      expect(instantAt(spring, 600, BERLIN)).toBe(at('2026-03-29T08:00:00Z'));
    });

    it('never commits an empty range, even when both ends fall in the spring gap', () => {
      const range = spanToRange(spring, { top: 120, bottom: 180 }, BERLIN);
      expect(range.end).toBeGreaterThan(range.start);
    });
  });

  it('writes an end at midnight as 24:00 of the day before', () => {
    const r = wallRange({ start: at('2026-11-10T14:00:00Z'), end: at('2026-11-10T15:00:00Z') }, TOKYO); // 23:00–24:00
    expect(r).toEqual({ startDay: '2026-11-10', startMinute: 1380, endDay: '2026-11-10', endMinute: 1440 });
    const across = wallRange({ start: at('2026-11-10T14:00:00Z'), end: at('2026-11-10T16:00:00Z') }, TOKYO);
    expect(across.endDay).toBe('2026-11-11');
    expect(across.endMinute).toBe(60);
  });
});

describe('drags', () => {
  it('creates from the pressed cell to the pointer, either way, at least one snap', () => {
    expect(createSpan(607, 607)).toEqual({ top: 600, bottom: 615 }); // a tiny drag is one snap
    expect(createSpan(607, 688)).toEqual({ top: 600, bottom: 690 });
    expect(createSpan(607, 540)).toEqual({ top: 540, bottom: 615 }); // dragged upwards
    expect(createSpan(1439, 1500)).toEqual({ top: 1425, bottom: 1440 }); // clamped at midnight
    expect(createSpan(0, -40)).toEqual({ top: 0, bottom: 15 });
  });

  it('moves by the grab point, snapped, and clamps a box dragged past midnight to the day end', () => {
    // A 90-minute box grabbed 20 minutes below its top.
    expect(moveSpan(640, 20, 90)).toEqual({ top: 615, bottom: 705, clamped: false });
    expect(moveSpan(1430, 20, 90)).toEqual({ top: 1350, bottom: 1440, clamped: true });
    expect(moveSpan(10, 20, 90)).toEqual({ top: 0, bottom: 90, clamped: false });
    // A box whose length is not a multiple of 15 still ends exactly at 24:00.
    expect(moveSpan(1440, 0, 40)).toEqual({ top: 1400, bottom: 1440, clamped: true });
  });

  it('resizes the end to a snap line, at least one snap after the top and at most midnight', () => {
    expect(resizeSpan(600, 688)).toEqual({ top: 600, bottom: 690, clamped: false });
    expect(resizeSpan(600, 560)).toEqual({ top: 600, bottom: 615, clamped: false });
    expect(resizeSpan(610, 600)).toEqual({ top: 610, bottom: 630, clamped: false });
    expect(resizeSpan(600, 1500)).toEqual({ top: 600, bottom: 1440, clamped: true });
    expect(minBottom(1430)).toBe(1440);
  });

  it('clamps the pointer to the first and last day and to the 24-hour column', () => {
    const rect = { left: 100, top: 50, width: 700, height: 1440 };
    expect(pointToSlot(150, 650, rect, 7)).toEqual({ dayIndex: 0, minute: 600 });
    expect(pointToSlot(799, 650, rect, 7)).toEqual({ dayIndex: 6, minute: 600 });
    expect(pointToSlot(-300, -20, rect, 7)).toEqual({ dayIndex: 0, minute: 0 });
    expect(pointToSlot(5000, 5000, rect, 7)).toEqual({ dayIndex: 6, minute: 1440 });
    expect(pointToSlot(350, 50, rect, 7).dayIndex).toBe(2);
  });

  it('commits a move at the new start, keeping the real duration, stopped at midnight', () => {
    const days = weekDays('2026-11-10T03:00:00Z', TOKYO);
    const thursday = days[3]!;
    const r = movedRange(thursday, { top: 600, bottom: 690 }, 90 * MIN, TOKYO);
    expect(new Date(r.start).toISOString()).toBe('2026-11-12T01:00:00.000Z');
    expect(r.end - r.start).toBe(90 * MIN);
    const late = movedRange(thursday, { top: 1350, bottom: 1440 }, 90 * MIN, TOKYO);
    expect(late.end).toBe(thursday.end);
  });
});

describe('keyboard nudges', () => {
  const days = weekDays('2026-11-10T03:00:00Z', TOKYO);
  const tuesday10 = at('2026-11-10T01:00:00Z'); // Tue 10:00 JST
  const b = { start: tuesday10, end: tuesday10 + 90 * MIN };

  it('moves by 15 minutes and by a day, and changes the end by 15 minutes', () => {
    expect(nudgeRange(b, 'later', days, TOKYO)).toEqual({ start: b.start + 15 * MIN, end: b.end + 15 * MIN });
    expect(nudgeRange(b, 'earlier', days, TOKYO)).toEqual({ start: b.start - 15 * MIN, end: b.end - 15 * MIN });
    expect(nudgeRange(b, 'next-day', days, TOKYO)).toEqual({ start: b.start + 24 * HOUR, end: b.end + 24 * HOUR });
    expect(nudgeRange(b, 'previous-day', days, TOKYO)).toEqual({ start: b.start - 24 * HOUR, end: b.end - 24 * HOUR });
    expect(nudgeRange(b, 'longer', days, TOKYO)).toEqual({ start: b.start, end: b.end + 15 * MIN });
    expect(nudgeRange(b, 'shorter', days, TOKYO)).toEqual({ start: b.start, end: b.end - 15 * MIN });
  });

  it('stops at the week edges, at midnight and at one snap', () => {
    const monday = { start: days[0]!.start + 10 * HOUR, end: days[0]!.start + 11 * HOUR };
    const sunday = { start: days[6]!.start + 10 * HOUR, end: days[6]!.start + 11 * HOUR };
    expect(nudgeRange(monday, 'previous-day', days, TOKYO)).toBeNull();
    expect(nudgeRange(sunday, 'next-day', days, TOKYO)).toBeNull();
    const lastSlot = { start: days[1]!.end - 15 * MIN, end: days[1]!.end };
    expect(nudgeRange(lastSlot, 'later', days, TOKYO)).toBeNull();
    expect(nudgeRange(lastSlot, 'longer', days, TOKYO)).toBeNull();
    expect(nudgeRange(lastSlot, 'shorter', days, TOKYO)).toBeNull();
    const first = { start: days[1]!.start, end: days[1]!.start + HOUR };
    expect(nudgeRange(first, 'earlier', days, TOKYO)).toBeNull();
  });

  it('snaps an off-grid box to the next line', () => {
    const offGrid = { start: tuesday10 + 10 * MIN, end: tuesday10 + 50 * MIN }; // 10:10–10:50
    expect(nudgeRange(offGrid, 'later', days, TOKYO)).toEqual({ start: tuesday10 + 15 * MIN, end: tuesday10 + 55 * MIN });
    expect(nudgeRange(offGrid, 'earlier', days, TOKYO)).toEqual({ start: tuesday10, end: tuesday10 + 40 * MIN });
  });

  it('creates the keyboard box at 09:00 for one hour, in the day chosen', () => {
    const r = spanToRange(days[2]!, KEYBOARD_CREATE, TOKYO);
    expect(new Date(r.start).toISOString()).toBe('2026-11-11T00:00:00.000Z'); // Wed 09:00 JST
    expect(r.end - r.start).toBe(HOUR);
  });

  it('follows the week start from Settings: Sunday-first weeks start on Sunday', () => {
    const sundayFirst = weekDays('2026-11-10T03:00:00Z', TOKYO, 0);
    expect(sundayFirst[0]!.key).toBe('2026-11-08');
    expect(nudgeRange(b, 'next-day', sundayFirst, TOKYO)?.start).toBe(b.start + 24 * HOUR);
  });
});

describe('assignLanes', () => {
  const lanes = (items: { id: string; start: number; end: number }[]) =>
    Object.fromEntries([...assignLanes(items)].map(([id, p]) => [id, [p.lane, p.lanes]]));

  it('has nothing to place for no boxes, and one full-width lane for one', () => {
    expect(assignLanes([]).size).toBe(0);
    expect(lanes([box('a', 0, 60)])).toEqual({ a: [0, 1] });
  });

  it('puts two overlapping boxes side by side, and touching boxes in one lane', () => {
    expect(lanes([box('a', 0, 60), box('b', 30, 90)])).toEqual({ a: [0, 2], b: [1, 2] });
    expect(lanes([box('a', 0, 60), box('b', 60, 90)])).toEqual({ a: [0, 1], b: [0, 1] });
  });

  it('gives three mutually overlapping boxes three lanes', () => {
    expect(lanes([box('c', 20, 80), box('a', 0, 60), box('b', 10, 70)])).toEqual({ a: [0, 3], b: [1, 3], c: [2, 3] });
  });

  it('packs a chain (A overlaps B, B overlaps C, A not C) into 2 lanes', () => {
    expect(lanes([box('a', 0, 60), box('b', 30, 90), box('c', 60, 120)])).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2] });
  });

  it('counts lanes per overlap cluster, not per day', () => {
    const result = lanes([box('a', 0, 60), box('b', 0, 60), box('c', 0, 60), box('d', 120, 180)]);
    expect(result.d).toEqual([0, 1]);
    expect(result.a?.[1]).toBe(3);
  });

  it('never places two overlapping boxes in the same lane (a busy random day)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const items = Array.from({ length: 60 }, (_, i) => {
      const start = Math.floor(random() * 90) * 15;
      return box(`b${i}`, start, start + 15 * (1 + Math.floor(random() * 8)));
    });
    const placed = assignLanes(items);
    for (const x of items) {
      for (const y of items) {
        if (x.id < y.id && x.start < y.end && y.start < x.end) {
          expect(placed.get(x.id)?.lane).not.toBe(placed.get(y.id)?.lane);
          expect(placed.get(x.id)?.lanes).toBe(placed.get(y.id)?.lanes);
        }
      }
      const p = placed.get(x.id)!;
      expect(p.lane).toBeLessThan(p.lanes);
    }
  });
});

describe('layoutBoxes', () => {
  const days = weekDays('2026-11-10T03:00:00Z', TOKYO);

  it('splits a box crossing midnight into segments, named once', () => {
    const late = { id: 'x', start: days[1]!.start + 23 * HOUR, end: days[2]!.start + HOUR };
    const layout = layoutBoxes(days, [late], TOKYO);
    expect(layout[1]).toMatchObject([{ top: 1380, bottom: 1440, continuesAfter: true, continuesBefore: false, primary: true }]);
    expect(layout[2]).toMatchObject([{ top: 0, bottom: 60, continuesBefore: true, primary: false }]);
  });

  it('draws a very short box one snap tall, and lanes it by what is drawn', () => {
    const t = days[0]!.start + 10 * HOUR;
    const layout = layoutBoxes(days, [{ id: 's', start: t, end: t + 5 * MIN }, { id: 'n', start: t + 10 * MIN, end: t + HOUR }], TOKYO);
    expect(layout[0]!.find((s) => s.box.id === 's')).toMatchObject({ top: 600, bottom: 615, lanes: 2 });
  });

  it('lists each day in time order (the Tab order), whatever the order of the boxes', () => {
    const t = days[2]!.start;
    const layout = layoutBoxes(days, [box('late', t + 15 * HOUR, t + 16 * HOUR), box('early', t + 8 * HOUR, t + 9 * HOUR), box('mid', t + 8 * HOUR, t + 12 * HOUR)], TOKYO);
    expect(layout[2]!.map((s) => s.box.id)).toEqual(['mid', 'early', 'late']);
  });

  it('keeps 60 boxes on a day all visible', () => {
    const t = days[3]!.start;
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `m${i}`, start: t + (8 + (i % 10)) * HOUR, end: t + (9 + (i % 10)) * HOUR }));
    const layout = layoutBoxes(days, many, TOKYO);
    expect(layout[3]).toHaveLength(60);
    expect(layout[3]!.every((s) => s.lanes === 6)).toBe(true);
  });
});
