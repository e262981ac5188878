import { describe, expect, it } from 'vitest';
import {
  BOX_KEPT_SHARE,
  boxesKept,
  boxOutcome,
  budgetedMs,
  budgetKept,
  clip,
  durationMs,
  elapsedOfTimer,
  entryFromTimer,
  findOverlaps,
  interruptionLossMs,
  marketingBoxesStartingIn,
  marketingShare,
  MAX_ENTRY_MS,
  mergeIntervals,
  overlapMs,
  planVsActual,
  splitEntry,
  trimEntry,
  unionMs,
  validateEntry,
  weeklySeries,
  workTotals,
} from '../../../shared/domain/time';
import { monthContaining, weekContaining } from '../../../shared/domain/calendar';
import { ratio } from '../../../shared/domain/ratio';
import { at, box, entry, HOUR, MINUTE, timer } from './time-fixtures';

const TOKYO = 'Asia/Tokyo';
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

// Monday 2 November 2026 to Monday 9 November, Tokyo.
const WEEK = { start: at('2026-11-02T00:00+09:00'), end: at('2026-11-09T00:00+09:00') };
const NOVEMBER = { start: at('2026-11-01T00:00+09:00'), end: at('2026-12-01T00:00+09:00') };

describe('ratio', () => {
  it('keeps numerator and denominator and has no value over nothing', () => {
    expect(ratio(3, 12)).toEqual({ numerator: 3, denominator: 12, value: 0.25 });
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(ratio(5, 0).value).toBeNull();
    expect(ratio(1, Number.NaN).value).toBeNull();
    expect(ratio(0, 4).value).toBe(0);
  });
});

describe('interval arithmetic', () => {
  const a = { start: 10, end: 20 };

  it('measures overlaps, with touching and inverted intervals sharing nothing', () => {
    expect(overlapMs(a, { start: 15, end: 30 })).toBe(5);
    expect(overlapMs(a, { start: 12, end: 14 })).toBe(2);
    expect(overlapMs(a, { start: 0, end: 100 })).toBe(10);
    expect(overlapMs(a, { start: 20, end: 30 })).toBe(0);
    expect(overlapMs(a, { start: 0, end: 10 })).toBe(0);
    expect(overlapMs(a, { start: 18, end: 12 })).toBe(0);
    expect(durationMs({ start: 5, end: 3 })).toBe(0);
  });

  it('clips to a period', () => {
    expect(clip(a, { start: 15, end: 30 })).toEqual({ start: 15, end: 20 });
    expect(clip(a, { start: 0, end: 100 })).toEqual(a);
    expect(clip(a, { start: 20, end: 30 })).toBeNull();
  });

  it('unites intervals', () => {
    expect(
      mergeIntervals([
        { start: 30, end: 40 },
        { start: 0, end: 10 },
        { start: 5, end: 12 },
        { start: 12, end: 15 },
        { start: 50, end: 50 },
        { start: 60, end: 55 },
      ]),
    ).toEqual([
      { start: 0, end: 15 },
      { start: 30, end: 40 },
    ]);
    expect(unionMs([a, a, { start: 15, end: 25 }])).toBe(15);
    expect(unionMs([])).toBe(0);
  });
});

describe('workTotals and marketing share', () => {
  it('clips an entry that crosses midnight to each day', () => {
    const late = entry('marketing', '2026-11-02T23:00+09:00', '2026-11-03T01:00+09:00');
    const nov2 = { start: at('2026-11-02T00:00+09:00'), end: at('2026-11-03T00:00+09:00') };
    const nov3 = { start: at('2026-11-03T00:00+09:00'), end: at('2026-11-04T00:00+09:00') };
    expect(workTotals([late], nov2)).toEqual({ marketingMs: HOUR, salesMs: 0, totalMs: HOUR });
    expect(workTotals([late], nov3).marketingMs).toBe(HOUR);
    expect(workTotals([late], WEEK).marketingMs).toBe(2 * HOUR);
  });

  it('counts real elapsed time across a DST change, not wall-clock time', () => {
    // 00:30 EDT to 02:30 EST on 1 Nov 2026 reads "2 hours" on the clock but is 3.
    const autumn = entry('sales', '2026-11-01T00:30-04:00', '2026-11-01T02:30-05:00');
    const nov1 = { start: at('2026-11-01T00:00-04:00'), end: at('2026-11-02T00:00-05:00') };
    expect(workTotals([autumn], nov1).salesMs).toBe(3 * HOUR);
    // 01:30 EST to 03:30 EDT on 8 Mar 2026 is 1 hour.
    const spring = entry('marketing', '2026-03-08T01:30-05:00', '2026-03-08T03:30-04:00');
    expect(workTotals([spring], weekContaining(at('2026-03-08T12:00-04:00'), NEW_YORK, 0)).marketingMs).toBe(HOUR);
  });

  it('splits an entry that crosses a DST week boundary between the two weeks', () => {
    // Sunday 29 March 23:00 CEST to Monday 30 March 01:00 CEST, Berlin, Monday weeks.
    const e = entry('marketing', '2026-03-29T23:00+02:00', '2026-03-30T01:00+02:00');
    const dstWeek = weekContaining(at('2026-03-25T12:00+01:00'), BERLIN, 1);
    const nextWeek = weekContaining(at('2026-04-01T12:00+02:00'), BERLIN, 1);
    expect(workTotals([e], dstWeek).marketingMs).toBe(HOUR);
    expect(workTotals([e], nextWeek).marketingMs).toBe(HOUR);
  });

  it('sums each entry as DOMAIN defines, even where bad data overlaps', () => {
    const entries = [
      entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:00+09:00'),
      entry('marketing', '2026-11-03T10:30+09:00', '2026-11-03T11:30+09:00'),
      entry('sales', '2026-11-03T13:00+09:00', '2026-11-03T16:00+09:00'),
      entry('sales', '2026-11-10T13:00+09:00', '2026-11-10T16:00+09:00'),
    ];
    expect(workTotals(entries, WEEK)).toEqual({ marketingMs: 2 * HOUR, salesMs: 3 * HOUR, totalMs: 5 * HOUR });
  });

  it('gives the marketing share as hours over hours', () => {
    const share = marketingShare({ marketingMs: 3 * HOUR, salesMs: 9 * HOUR, totalMs: 12 * HOUR });
    expect(share).toEqual({ numerator: 3 * HOUR, denominator: 12 * HOUR, value: 0.25 });
  });
});

describe('budget', () => {
  it('pro-rates the weekly budget by calendar days', () => {
    // November has 30 days: 8 h × 30 / 7 ≈ 34.29 h.
    expect(budgetedMs(8, NOVEMBER, TOKYO)).toBe(Math.round((8 * HOUR * 30) / 7));
    expect(budgetedMs(8, NOVEMBER, TOKYO)).toBe(123_428_571);
    // The same month in New York has a 25-hour day, but still 30 calendar days.
    expect(budgetedMs(8, monthContaining(at('2026-11-15T12:00-05:00'), NEW_YORK), NEW_YORK)).toBe(123_428_571);
    expect(budgetedMs(8, WEEK, TOKYO)).toBe(8 * HOUR);
    // A 167-hour week is still a week.
    expect(budgetedMs(8, weekContaining(at('2026-03-25T12:00+01:00'), BERLIN, 1), BERLIN)).toBe(8 * HOUR);
    // A quarter of a day: 8 h × 0.25 / 7.
    const morning = { start: at('2026-11-02T00:00+09:00'), end: at('2026-11-02T06:00+09:00') };
    expect(budgetedMs(8, morning, TOKYO)).toBe(Math.round((8 * HOUR * 0.25) / 7));
    expect(budgetedMs(0, NOVEMBER, TOKYO)).toBe(0);
  });

  it('measures budget kept against the budget', () => {
    const totals = workTotals([entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T14:00+09:00')], WEEK);
    expect(budgetKept(totals, budgetedMs(8, WEEK, TOKYO))).toEqual({ numerator: 4 * HOUR, denominator: 8 * HOUR, value: 0.5 });
    expect(budgetKept(totals, budgetedMs(0, WEEK, TOKYO)).value).toBeNull();
  });
});

describe('empty periods', () => {
  it('gives no value for any ratio', () => {
    const empty = { start: WEEK.start, end: WEEK.start };
    const entries = [entry('marketing', '2026-11-02T00:00+09:00', '2026-11-02T01:00+09:00')];
    const boxes = [box('marketing', '2026-11-02T00:00+09:00', '2026-11-02T01:00+09:00')];
    const totals = workTotals(entries, empty);
    expect(totals).toEqual({ marketingMs: 0, salesMs: 0, totalMs: 0 });
    expect(marketingShare(totals).value).toBeNull();
    expect(budgetedMs(8, empty, TOKYO)).toBe(0);
    expect(budgetKept(totals, budgetedMs(8, empty, TOKYO)).value).toBeNull();
    expect(boxesKept(boxes, entries, empty)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(interruptionLossMs(boxes, entries, empty)).toBe(0);
    expect(planVsActual(boxes, entries, empty)).toEqual({ plannedMs: 0, loggedMs: 0, loggedInBoxesMs: 0 });
    expect(weeklySeries(entries, empty, TOKYO, 1)).toEqual([]);
  });

  it('gives no value for a real period with nothing in it', () => {
    const totals = workTotals([], WEEK);
    expect(marketingShare(totals).value).toBeNull();
    expect(boxesKept([], [], WEEK).value).toBeNull();
    expect(budgetKept(totals, budgetedMs(8, WEEK, TOKYO))).toEqual({ numerator: 0, denominator: 8 * HOUR, value: 0 });
  });
});

describe('boxes kept', () => {
  // Tuesday 3 November, 10:00–11:30: a 90-minute marketing box; 80 % is 72 minutes.
  const tuesday = box('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:30+09:00');

  it('keeps a box at exactly 80 % and not a millisecond less', () => {
    expect(BOX_KEPT_SHARE).toBe(0.8);
    const exactly = [entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:12+09:00')];
    const short = [entry('marketing', at('2026-11-03T10:00+09:00'), at('2026-11-03T11:12+09:00') - 1)];
    expect(boxesKept([tuesday], exactly, WEEK)).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(boxesKept([tuesday], short, WEEK)).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(boxOutcome(tuesday, exactly)).toEqual({ plannedMs: 90 * MINUTE, marketingMs: 72 * MINUTE, salesMs: 0, kept: true });
  });

  it('keeps exactly-80 % boxes of awkward lengths too', () => {
    for (const minutes of [5, 25, 35, 45, 55, 65, 95, 115, 135, 175, 235, 475]) {
      const start = at('2026-11-03T09:00+09:00');
      const b = box('marketing', start, start + minutes * MINUTE);
      const logged = [entry('marketing', start, start + (minutes * MINUTE * 4) / 5)];
      expect(boxOutcome(b, logged).kept).toBe(true);
      expect(boxOutcome(b, [entry('marketing', start, start + (minutes * MINUTE * 4) / 5 - 1)]).kept).toBe(false);
    }
  });

  it('counts only marketing time inside the box window', () => {
    const entries = [
      entry('marketing', '2026-11-03T09:00+09:00', '2026-11-03T10:30+09:00'), // 30 min inside
      entry('sales', '2026-11-03T10:30+09:00', '2026-11-03T10:45+09:00'),
      entry('marketing', '2026-11-03T10:45+09:00', '2026-11-03T12:00+09:00'), // 45 min inside
    ];
    expect(boxOutcome(tuesday, entries)).toEqual({ plannedMs: 90 * MINUTE, marketingMs: 75 * MINUTE, salesMs: 15 * MINUTE, kept: true });
    // Without the second half the box has 30 of 90 minutes.
    expect(boxesKept([tuesday], entries.slice(0, 2), WEEK).value).toBe(0);
  });

  it('does not let overlapping marketing entries keep a box twice over', () => {
    const doubled = [
      entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:00+09:00'),
      entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:00+09:00'),
    ];
    // Summed, 120 of 90 minutes; united, 60 of 90 (67 %).
    expect(workTotals(doubled, WEEK).marketingMs).toBe(120 * MINUTE);
    expect(boxOutcome(tuesday, doubled).marketingMs).toBe(60 * MINUTE);
    expect(boxesKept([tuesday], doubled, WEEK).value).toBe(0);
  });

  it('counts marketing boxes starting in the period, judged over their whole window', () => {
    const sundayNight = box('marketing', '2026-11-08T23:30+09:00', '2026-11-09T00:30+09:00');
    const lastWeek = box('marketing', '2026-11-01T23:30+09:00', '2026-11-02T00:30+09:00');
    const salesBox = box('sales', '2026-11-04T10:00+09:00', '2026-11-04T11:00+09:00');
    const broken = box('marketing', '2026-11-05T10:00+09:00', '2026-11-05T10:00+09:00');
    const entries = [
      entry('marketing', '2026-11-08T23:30+09:00', '2026-11-09T00:30+09:00'),
      entry('marketing', '2026-11-01T23:30+09:00', '2026-11-02T00:30+09:00'),
    ];
    const boxes = [sundayNight, lastWeek, salesBox, broken, tuesday];
    expect(marketingBoxesStartingIn(boxes, WEEK)).toEqual([sundayNight, tuesday]);
    // Sunday night kept (its half after midnight counts too); Tuesday not.
    expect(boxesKept(boxes, entries, WEEK)).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('judges a sales box by its sales time in the planner', () => {
    const salesBox = box('sales', '2026-11-04T10:00+09:00', '2026-11-04T11:00+09:00');
    expect(boxOutcome(salesBox, [entry('sales', '2026-11-04T10:00+09:00', '2026-11-04T11:00+09:00')]).kept).toBe(true);
    expect(boxOutcome(salesBox, [entry('marketing', '2026-11-04T10:00+09:00', '2026-11-04T11:00+09:00')]).kept).toBe(false);
    expect(boxOutcome(box('marketing', 100, 100), []).kept).toBe(false);
  });
});

describe('hours lost to interruptions', () => {
  const tuesday = box('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:30+09:00');

  it('unites overlapping sales entries inside a box', () => {
    const entries = [
      entry('sales', '2026-11-03T10:40+09:00', '2026-11-03T11:00+09:00', { interruption: true }),
      entry('sales', '2026-11-03T10:50+09:00', '2026-11-03T11:10+09:00'),
      entry('sales', '2026-11-03T09:30+09:00', '2026-11-03T10:10+09:00'), // 10 minutes inside
      entry('sales', '2026-11-03T12:00+09:00', '2026-11-03T13:00+09:00'), // outside
      entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T10:40+09:00'),
    ];
    // 10:40–11:10 united (30 min) + 10:00–10:10 (10 min).
    expect(interruptionLossMs([tuesday], entries, WEEK)).toBe(40 * MINUTE);
    expect(boxOutcome(tuesday, entries).salesMs).toBe(40 * MINUTE);
  });

  it('loses time in overlapping boxes once', () => {
    const a = box('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:00+09:00');
    const b = box('marketing', '2026-11-03T10:30+09:00', '2026-11-03T11:30+09:00');
    const call = [entry('sales', '2026-11-03T10:30+09:00', '2026-11-03T11:00+09:00')];
    expect(interruptionLossMs([a, b], call, WEEK)).toBe(30 * MINUTE);
    // Each box, seen alone in the planner, did lose those 30 minutes.
    expect(boxOutcome(a, call).salesMs + boxOutcome(b, call).salesMs).toBe(60 * MINUTE);
  });

  it('ignores sales boxes and boxes starting outside the period', () => {
    const salesBox = box('sales', '2026-11-03T10:00+09:00', '2026-11-03T11:00+09:00');
    const before = box('marketing', '2026-11-01T23:00+09:00', '2026-11-02T01:00+09:00');
    const entries = [
      entry('sales', '2026-11-03T10:00+09:00', '2026-11-03T11:00+09:00'),
      entry('sales', '2026-11-02T00:00+09:00', '2026-11-02T01:00+09:00'),
    ];
    expect(interruptionLossMs([salesBox, before], entries, WEEK)).toBe(0);
  });
});

describe('plan vs actual', () => {
  it('compares planned marketing time with logged marketing time in the period', () => {
    const boxes = [
      box('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:30+09:00'),
      box('marketing', '2026-11-03T11:00+09:00', '2026-11-03T12:00+09:00'),
      box('sales', '2026-11-03T13:00+09:00', '2026-11-03T17:00+09:00'),
      box('marketing', '2026-11-08T23:00+09:00', '2026-11-09T01:00+09:00'), // 1 h inside the week
    ];
    const entries = [
      entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:00+09:00'),
      entry('marketing', '2026-11-03T13:00+09:00', '2026-11-03T14:00+09:00'),
      entry('sales', '2026-11-03T11:00+09:00', '2026-11-03T12:00+09:00'),
    ];
    expect(planVsActual(boxes, entries, WEEK)).toEqual({ plannedMs: 3 * HOUR, loggedMs: 2 * HOUR, loggedInBoxesMs: HOUR });
  });
});

describe('entries', () => {
  it('validates a span', () => {
    const start = at('2026-11-03T10:00+09:00');
    expect(validateEntry({ start, end: start + HOUR })).toBeNull();
    expect(validateEntry({ start, end: start + MAX_ENTRY_MS })).toBeNull();
    expect(validateEntry({ start, end: start + MAX_ENTRY_MS + 1 })).toBe('too-long');
    expect(validateEntry({ start, end: start })).toBe('zero-length');
    expect(validateEntry({ start, end: start - 1 })).toBe('end-before-start');
    expect(validateEntry({ start: Number.NaN, end: start })).toBe('invalid-instant');
    expect(validateEntry({ start, end: Number.POSITIVE_INFINITY })).toBe('invalid-instant');
  });

  it('splits strictly inside, keeping the id on the first half', () => {
    const original = entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T12:00+09:00', { boxId: 'b', note: 'n' });
    const result = splitEntry(original, at('2026-11-03T11:00+09:00'), { newId: 'new', now: 42 });
    if (!result.ok) throw new Error('split refused');
    const [first, second] = result.entries;
    expect(first).toEqual({ ...original, end: at('2026-11-03T11:00+09:00'), updatedAt: 42 });
    expect(second).toEqual({ ...original, id: 'new', start: at('2026-11-03T11:00+09:00'), createdAt: 42, updatedAt: 42 });
    expect(workTotals(result.entries, WEEK)).toEqual(workTotals([original], WEEK));
    expect(splitEntry(original, original.start, { newId: 'x', now: 0 })).toEqual({ ok: false, error: 'not-inside' });
    expect(splitEntry(original, original.end, { newId: 'x', now: 0 })).toEqual({ ok: false, error: 'not-inside' });
    expect(splitEntry(original, original.end + HOUR, { newId: 'x', now: 0 }).ok).toBe(false);
  });

  it('finds every overlapping pair, in order of start', () => {
    const e1 = entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:00+09:00');
    const e2 = entry('marketing', '2026-11-03T10:30+09:00', '2026-11-03T11:30+09:00');
    const e3 = entry('sales', '2026-11-03T10:45+09:00', '2026-11-03T10:50+09:00');
    const touching = entry('sales', '2026-11-03T11:30+09:00', '2026-11-03T12:00+09:00');
    const empty = entry('sales', '2026-11-03T10:40+09:00', '2026-11-03T10:40+09:00');
    expect(findOverlaps([touching, e3, e2, empty, e1])).toEqual([
      { firstId: e1.id, secondId: e2.id, start: at('2026-11-03T10:30+09:00'), end: at('2026-11-03T11:00+09:00'), sameKind: true },
      { firstId: e1.id, secondId: e3.id, start: at('2026-11-03T10:45+09:00'), end: at('2026-11-03T10:50+09:00'), sameKind: false },
      { firstId: e2.id, secondId: e3.id, start: at('2026-11-03T10:45+09:00'), end: at('2026-11-03T10:50+09:00'), sameKind: false },
    ]);
    expect(findOverlaps([e1, touching])).toEqual([]);
    expect(findOverlaps([])).toEqual([]);
  });

  it('trims an entry around a cut', () => {
    const e = entry('sales', '2026-11-03T10:00+09:00', '2026-11-03T12:00+09:00');
    const stamp = { newId: 'rest', now: 7 };
    expect(trimEntry(e, { start: at('2026-11-03T10:30+09:00'), end: at('2026-11-03T11:00+09:00') }, stamp)).toEqual([
      { ...e, end: at('2026-11-03T10:30+09:00'), updatedAt: 7 },
      { ...e, id: 'rest', start: at('2026-11-03T11:00+09:00'), createdAt: 7, updatedAt: 7 },
    ]);
    expect(trimEntry(e, { start: at('2026-11-03T09:00+09:00'), end: at('2026-11-03T10:30+09:00') }, stamp)).toEqual([
      { ...e, start: at('2026-11-03T10:30+09:00'), updatedAt: 7 },
    ]);
    expect(trimEntry(e, { start: at('2026-11-03T09:00+09:00'), end: at('2026-11-03T13:00+09:00') }, stamp)).toEqual([]);
    const untouched = trimEntry(e, { start: at('2026-11-03T12:00+09:00'), end: at('2026-11-03T13:00+09:00') }, stamp);
    expect(untouched).toHaveLength(1);
    expect(untouched[0]).toBe(e);
  });

  it('resolves an overlap by trimming one side', () => {
    const e1 = entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:00+09:00');
    const e2 = entry('sales', '2026-11-03T10:30+09:00', '2026-11-03T11:30+09:00');
    const [overlap] = findOverlaps([e1, e2]);
    if (!overlap) throw new Error('no overlap found');
    const trimmed = trimEntry(e1, overlap, { newId: 'x', now: 1 });
    expect(findOverlaps([...trimmed, e2])).toEqual([]);
  });
});

describe('weeklySeries', () => {
  it('cuts a month into clipped weeks that add up to the month', () => {
    const entries = [
      entry('marketing', '2026-10-31T23:00+09:00', '2026-11-01T01:00+09:00'), // 1 h in November
      entry('marketing', '2026-11-01T10:00+09:00', '2026-11-01T12:00+09:00'),
      entry('marketing', '2026-11-03T10:00+09:00', '2026-11-03T11:00+09:00'),
      entry('sales', '2026-11-03T13:00+09:00', '2026-11-03T15:00+09:00'),
      entry('marketing', '2026-11-08T23:00+09:00', '2026-11-09T01:00+09:00'), // across a week start
      entry('sales', '2026-11-30T09:00+09:00', '2026-11-30T10:00+09:00'),
      entry('sales', '2026-12-01T09:00+09:00', '2026-12-01T10:00+09:00'), // December
    ];
    const series = weeklySeries(entries, NOVEMBER, TOKYO, 1);
    expect(series.map((w) => [w.marketingMs / HOUR, w.salesMs / HOUR])).toEqual([
      [3, 0],
      [2, 2],
      [1, 0],
      [0, 0],
      [0, 0],
      [0, 1],
    ]);
    expect(series[0]).toMatchObject({
      weekStart: at('2026-10-26T00:00+09:00'),
      start: at('2026-11-01T00:00+09:00'),
      end: at('2026-11-02T00:00+09:00'),
    });
    expect(series[0] && budgetedMs(8, series[0], TOKYO)).toBe(Math.round((8 * HOUR) / 7));
    const totals = workTotals(entries, NOVEMBER);
    expect(series.reduce((sum, w) => sum + w.marketingMs, 0)).toBe(totals.marketingMs);
    expect(series.reduce((sum, w) => sum + w.salesMs, 0)).toBe(totals.salesMs);
  });

  it('follows the week start setting', () => {
    const sundays = weeklySeries([], NOVEMBER, TOKYO, 0);
    expect(sundays).toHaveLength(5);
    expect(sundays[0]?.weekStart).toBe(at('2026-11-01T00:00+09:00'));
  });
});

describe('the running timer', () => {
  const since = at('2026-11-03T10:00+09:00');

  it('counts the running segment only, never negative', () => {
    expect(elapsedOfTimer(timer({ runningSince: null }), since + HOUR)).toBe(0);
    expect(elapsedOfTimer(timer({ runningSince: since }), since + 40 * MINUTE)).toBe(40 * MINUTE);
    expect(elapsedOfTimer(timer({ runningSince: since }), since - MINUTE)).toBe(0);
  });

  it('turns the running segment into an entry', () => {
    const interrupted = timer({
      kind: 'sales',
      category: 'call',
      runningSince: since,
      boxId: 'box-1',
      note: 'customer call',
      interrupted: { boxId: 'box-1', category: 'newsletter' },
    });
    expect(entryFromTimer(interrupted, since + 20 * MINUTE, 'id-1')).toEqual({
      id: 'id-1',
      kind: 'sales',
      category: 'call',
      start: since,
      end: since + 20 * MINUTE,
      note: 'customer call',
      boxId: 'box-1',
      interruption: true,
      source: 'timer',
      createdAt: since + 20 * MINUTE,
      updatedAt: since + 20 * MINUTE,
    });
    const plain = entryFromTimer(timer({ runningSince: since }), since + HOUR, 'id-2');
    expect(plain).not.toHaveProperty('interruption');
    expect(plain).not.toHaveProperty('boxId');
    expect(entryFromTimer(timer({ runningSince: null }), since, 'id-3')).toBeNull();
    expect(entryFromTimer(timer({ runningSince: since }), since, 'id-4')).toBeNull();
  });
});
