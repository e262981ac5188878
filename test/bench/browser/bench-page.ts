/**
 * Runs inside Chromium with real IndexedDB: the app's own read paths (renderer/db) and figures
 * (shared/domain) against the raw IndexedDB range read of the same rows, which is the floor.
 * Driven by test/bench/time.spec.ts; exposes `window.twohatsBench`.
 */
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { writeSampleRows } from '../../../renderer/db/sample';
import { boxesOverlapping, entriesOverlapping, MAX_BOX_MS } from '../../../renderer/db/time';
import { periodBudget } from '../../../shared/domain/budget';
import { fiscalQuarterContaining, weekContaining, type Period } from '../../../shared/domain/calendar';
import { generateSampleData } from '../../../shared/sample';
import { boxesKept, interruptionLossMs, marketingShare, workTotals } from '../../../shared/domain/time';
import { MAX_ENTRY_MS } from '../../../shared/domain/time';

const TZ = 'Asia/Tokyo';

async function load(weeks: number, now: number): Promise<{ db: TwoHatsDatabase; rows: number; ms: number }> {
  const db = new TwoHatsDatabase(`bench-${weeks}`);
  await db.open();
  const started = performance.now();
  if ((await db.timeEntries.count()) === 0) {
    const data = generateSampleData({ seed: 11, now, timeZone: TZ, weeks, language: 'ja' });
    await db.transaction('rw', db.tables, () => writeSampleRows(db, data));
  }
  return { db, rows: await db.timeEntries.count(), ms: performance.now() - started };
}

/** The floor: IndexedDB's own getAll over the same key ranges, with no library and no maths. */
function rawRange(db: TwoHatsDatabase, table: 'timeEntries' | 'timeBoxes', period: Period, maxLength: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const idb = db.backendDB();
    const request = idb
      .transaction(table, 'readonly')
      .objectStore(table)
      .index('start')
      .getAll(IDBKeyRange.bound(period.start - maxLength, period.end, false, true));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function run(weeks: number, now: number, runs: number) {
  const { db, rows, ms } = await load(weeks, now);
  const week = weekContaining(now, TZ, 1);
  const quarter = fiscalQuarterContaining(now, TZ, 4);

  const openWeek = async () => {
    const [boxes, entries] = await Promise.all([boxesOverlapping(db, week), entriesOverlapping(db, week)]);
    return periodBudget({ boxes, entries, timer: null, period: week, weeklyBudgetHours: 8, timeZone: TZ, now });
  };
  const rawWeek = () => Promise.all([rawRange(db, 'timeBoxes', week, MAX_BOX_MS), rawRange(db, 'timeEntries', week, MAX_ENTRY_MS)]);
  const quarterTotals = async () => {
    const [boxes, entries] = await Promise.all([boxesOverlapping(db, quarter), entriesOverlapping(db, quarter)]);
    const totals = workTotals(entries, quarter);
    return { totals, share: marketingShare(totals), kept: boxesKept(boxes, entries, quarter), lost: interruptionLossMs(boxes, entries, quarter) };
  };
  const rawQuarter = () => Promise.all([rawRange(db, 'timeBoxes', quarter, MAX_BOX_MS), rawRange(db, 'timeEntries', quarter, MAX_ENTRY_MS)]);

  // Warm up both paths once, as a returning user's open database is warm.
  await openWeek();
  await rawWeek();
  await quarterTotals();
  await rawQuarter();
  const result = {
    rows,
    loadMs: ms,
    weekRows: (await rawWeek()).reduce((n, list) => n + list.length, 0),
    quarterRows: (await rawQuarter()).reduce((n, list) => n + list.length, 0),
    openWeekMs: await median(runs, openWeek),
    rawWeekMs: await median(runs, rawWeek),
    quarterMs: await median(runs, quarterTotals),
    rawQuarterMs: await median(runs, rawQuarter),
  };
  db.close();
  return result;
}

declare global {
  interface Window {
    twohatsBench: { run: typeof run };
  }
}

window.twohatsBench = { run };
