import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import {
  addEntry,
  boxesOverlapping,
  copyWeekPlan,
  createBox,
  deleteBox,
  deleteEntry,
  entriesOverlapping,
  repeatBoxWeekly,
  restoreBoxes,
  restoreEntries,
  splitEntryAt,
  trimOverlaps,
  updateBox,
} from '../../../renderer/db/time';
import { backToBoxIn, getTimer, interruptTimerIn, pauseTimerIn, resumeTimerIn, startTimerIn, stopTimerIn } from '../../../renderer/db/timer';
import { weekContaining } from '../../../shared/domain/calendar';
import { workTotals } from '../../../shared/domain/time';

const TZ = 'Asia/Tokyo';
const MON = Date.UTC(2026, 10, 16, 0, 0); // Mon 2026-11-16 09:00 JST
const MIN = 60_000;
const H = 60 * MIN;

let db: TwoHatsDatabase;
beforeEach(async () => {
  db = new TwoHatsDatabase(`time-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const box = (start: number, minutes: number, title = 'Newsletter') => ({ kind: 'marketing' as const, category: 'newsletter' as const, title, start, end: start + minutes * MIN });

describe('time boxes', () => {
  it('reads a week by index, including a box that started the evening before', async () => {
    const week = weekContaining(MON, TZ, 1);
    await createBox(db, box(week.start - 2 * H, 3 * 60, 'Sunday night'), 0);
    await createBox(db, box(MON + H, 90), 0);
    await createBox(db, box(week.end, 60, 'next week'), 0);
    await createBox(db, box(week.start - 25 * H, 60, 'last week'), 0);
    const titles = (await boxesOverlapping(db, week)).map((b) => b.title).sort();
    expect(titles).toEqual(['Newsletter', 'Sunday night']);
  });

  it('refuses invalid boxes and saves nothing', async () => {
    expect(await createBox(db, { ...box(MON, 60), end: MON - 1 }, 0)).toEqual({ ok: false, error: 'end-before-start' });
    expect(await createBox(db, { ...box(MON, 60), end: MON }, 0)).toEqual({ ok: false, error: 'zero-length' });
    expect(await createBox(db, box(MON, 25 * 60), 0)).toEqual({ ok: false, error: 'too-long' });
    expect(await createBox(db, { ...box(MON, 60), kind: 'sales' }, 0)).toEqual({ ok: false, error: 'category-mismatch' });
    expect(await createBox(db, box(MON, 60, 'x'.repeat(201)), 0)).toEqual({ ok: false, error: 'title-too-long' });
    expect(await db.timeBoxes.count()).toBe(0);
  });

  it('moves, deletes and restores a box', async () => {
    const created = await createBox(db, box(MON, 60), 1);
    if (!created.ok) throw new Error();
    expect(await updateBox(db, created.value.id, { start: MON + H, end: MON + 2 * H }, 2)).toMatchObject({ ok: true, value: { start: MON + H, updatedAt: 2 } });
    expect(await updateBox(db, created.value.id, { end: MON }, 3)).toEqual({ ok: false, error: 'end-before-start' });
    const deleted = await deleteBox(db, created.value.id);
    expect(await db.timeBoxes.count()).toBe(0);
    await restoreBoxes(db, [deleted!]);
    expect(await db.timeBoxes.get(created.value.id)).toMatchObject({ start: MON + H });
  });

  it('repeats weekly at the same wall-clock time across a DST change', async () => {
    const berlin = 'Europe/Berlin';
    const friday10 = Date.UTC(2026, 9, 23, 8, 0); // Fri 2026-10-23 10:00 CEST
    const created = await createBox(db, box(friday10, 60), 0);
    if (!created.ok) throw new Error();
    const copies = await repeatBoxWeekly(db, created.value.id, 2, berlin, 1);
    // After 2026-10-25 Berlin is UTC+1: 10:00 local is 09:00 UTC.
    expect(copies.map((c) => new Date(c.start).toISOString())).toEqual(['2026-10-30T09:00:00.000Z', '2026-11-06T09:00:00.000Z']);
    const series = new Set((await db.timeBoxes.toArray()).map((b) => b.seriesId));
    expect(series.size).toBe(1);
  });

  it('copies last week’s plan once, not twice', async () => {
    const lastWeek = weekContaining(MON - 7 * 24 * H, TZ, 1);
    const thisWeek = weekContaining(MON, TZ, 1);
    await createBox(db, box(MON - 7 * 24 * H + H, 90, 'A'), 0);
    await createBox(db, box(MON - 5 * 24 * H, 60, 'B'), 0);
    expect(await copyWeekPlan(db, lastWeek, thisWeek, TZ, 1)).toHaveLength(2);
    expect(await copyWeekPlan(db, lastWeek, thisWeek, TZ, 2)).toHaveLength(0);
    const copied = await boxesOverlapping(db, thisWeek);
    expect(copied.map((b) => b.start).sort()).toEqual([MON + H, MON + 2 * 24 * H]);
  });
});

describe('time entries', () => {
  it('adds, splits, deletes and restores', async () => {
    const added = await addEntry(db, { kind: 'sales', category: 'visit', start: MON, end: MON + 2 * H }, 1);
    if (!added.ok) throw new Error();
    expect(await splitEntryAt(db, added.value.id, MON + 30 * MIN, 2)).toBe(true);
    const pieces = await entriesOverlapping(db, { start: MON, end: MON + 3 * H });
    expect(pieces.map((p) => p.end - p.start).sort()).toEqual([30 * MIN, 90 * MIN]);
    expect(workTotals(pieces, { start: MON, end: MON + 3 * H }).salesMs).toBe(2 * H);
    expect(await splitEntryAt(db, added.value.id, MON + 5 * H, 3)).toBe(false);
    const removed = await deleteEntry(db, added.value.id);
    await restoreEntries(db, [removed!]);
    expect(await db.timeEntries.count()).toBe(2);
  });

  it('an entry may cross midnight, and is found from both days', async () => {
    const night = Date.UTC(2026, 10, 16, 14, 0); // 23:00 JST
    await addEntry(db, { kind: 'marketing', category: 'content', start: night, end: night + 2 * H }, 0);
    const tuesday = { start: Date.UTC(2026, 10, 16, 15, 0), end: Date.UTC(2026, 10, 17, 15, 0) };
    expect(await entriesOverlapping(db, tuesday)).toHaveLength(1);
  });

  it('trims neighbours to make room, and undo puts them back', async () => {
    const a = await addEntry(db, { kind: 'sales', category: 'call', start: MON, end: MON + 2 * H }, 0);
    if (!a.ok) throw new Error();
    const span = { start: MON + 30 * MIN, end: MON + 60 * MIN };
    const before = await trimOverlaps(db, span, undefined, 1);
    const after = await entriesOverlapping(db, { start: MON, end: MON + 3 * H });
    expect(after.map((e) => [e.start - MON, e.end - MON]).sort((x, y) => x[0]! - y[0]!)).toEqual([
      [0, 30 * MIN],
      [60 * MIN, 2 * H],
    ]);
    await restoreEntries(db, before, after.map((e) => e.id));
    expect(await db.timeEntries.toArray()).toEqual([a.value]);
  });
});

describe('the timer in the database', () => {
  it('survives a reopen mid-timer, and the totals are the expected minutes', async () => {
    await startTimerIn(db, { kind: 'marketing', category: 'newsletter', boxId: 'box' }, MON);
    await interruptTimerIn(db, MON + 40 * MIN, { note: 'customer call' });
    // The app is closed and reopened: the timer is instants in the database, nothing ticks.
    db.close();
    await db.open();
    expect(await getTimer(db)).toMatchObject({ kind: 'sales', runningSince: MON + 40 * MIN, interrupted: { boxId: 'box' } });
    await backToBoxIn(db, MON + 55 * MIN);
    await pauseTimerIn(db, MON + 70 * MIN);
    await resumeTimerIn(db, MON + 80 * MIN);
    await stopTimerIn(db, MON + 100 * MIN);
    expect(await getTimer(db)).toBeUndefined();
    const entries = await db.timeEntries.toArray();
    expect(workTotals(entries, { start: MON, end: MON + 2 * H })).toEqual({ marketingMs: 75 * MIN, salesMs: 15 * MIN, totalMs: 90 * MIN });
    expect(entries.filter((e) => e.interruption)).toHaveLength(1);
  });

  it('a refused transition writes nothing', async () => {
    expect(await pauseTimerIn(db, MON)).toEqual({ ok: false, error: 'no-timer' });
    expect(await db.timeEntries.count()).toBe(0);
  });
});
