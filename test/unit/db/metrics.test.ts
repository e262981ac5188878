import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import {
  addMetric,
  builtinMetricId,
  clearMetricValues,
  ensureBuiltinMetrics,
  entriesForKeys,
  entriesForPeriods,
  importMetricRows,
  listMetricDefinitions,
  metricEntriesBetween,
  metricHasEntries,
  moveMetric,
  saveMetricValue,
  saveMetricValues,
  setMetricArchived,
  undoMetricWrite,
  updateMetric,
  validateMetricDraft,
  withBuiltinDefaults,
} from '../../../renderer/db/metrics';
import { loadSampleData } from '../../../renderer/db/sample';
import { BUILTIN_METRICS, type MetricDefinition } from '../../../shared/domain/model';
import { metricsEn } from '../../../renderer/i18n/metrics.en';

const NOW = Date.UTC(2026, 10, 18, 3, 0); // Wed 2026-11-18 12:00 in Tokyo
const OPENS = builtinMetricId('email-opens');
const SENT = builtinMetricId('emails-sent');
const VIEWS = builtinMetricId('page-views');

/** Names as the English UI shows them. */
const name = (d: MetricDefinition) => d.name?.trim() || (d.builtin ? metricsEn.builtin[d.builtin] : '');

let db: TwoHatsDatabase;
beforeEach(async () => {
  db = new TwoHatsDatabase(`metrics-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const values = async () =>
  (await db.metricEntries.toArray())
    .map((e) => `${e.metricId}|${e.period}=${e.value}`)
    .sort();

describe('built-in definitions', () => {
  it('are shown before they are stored, exactly as they will be stored', async () => {
    const virtual = withBuiltinDefaults([], NOW);
    expect(virtual.map((d) => d.builtin)).toEqual([...BUILTIN_METRICS]);
    expect(virtual.map((d) => d.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(virtual.find((d) => d.builtin === 'webinar-attendees')?.period).toBe('month');
    expect(virtual.filter((d) => d.period === 'week')).toHaveLength(6);
    // Reading never writes: the database stays empty (so sample data can still be loaded).
    expect(await listMetricDefinitions(db)).toEqual([]);
    expect(await db.metricDefinitions.count()).toBe(0);
    expect(await ensureBuiltinMetrics(db, NOW)).toEqual(virtual);
    expect(await listMetricDefinitions(db)).toEqual(virtual);
  });

  it('are stored once, however often or concurrently they are ensured', async () => {
    await Promise.all([ensureBuiltinMetrics(db, NOW), ensureBuiltinMetrics(db, NOW), ensureBuiltinMetrics(db, NOW + 1)]);
    await ensureBuiltinMetrics(db, NOW + 2);
    const stored = await listMetricDefinitions(db);
    expect(stored).toHaveLength(BUILTIN_METRICS.length);
    expect(new Set(stored.map((d) => d.builtin)).size).toBe(BUILTIN_METRICS.length);
  });

  it('never duplicate a built-in that already has a definition, archived or not, whatever its id', async () => {
    await db.metricDefinitions.bulkAdd([
      { id: 'sample-metric-email-opens', builtin: 'email-opens', unit: '件', period: 'week', archived: 1, order: 4, createdAt: 0 },
      { id: 'custom-1', name: 'Newsletter subscribers', unit: 'people', period: 'month', archived: 0, order: 9, createdAt: 0 },
    ]);
    const all = await ensureBuiltinMetrics(db, NOW);
    expect(all.filter((d) => d.builtin === 'email-opens').map((d) => d.id)).toEqual(['sample-metric-email-opens']);
    expect(all).toHaveLength(8);
    // The new ones come after the existing order, in the built-in order.
    expect(all.slice(2).map((d) => [d.builtin, d.order])).toEqual([
      ['business-cards', 10],
      ['emails-sent', 11],
      ['page-views', 12],
      ['inquiries', 13],
      ['document-downloads', 14],
      ['webinar-attendees', 15],
    ]);
  });

  it('do not get in the way of the sample data, and write to the sample definitions once it is loaded', async () => {
    const loaded = await loadSampleData(db, { now: NOW, timeZone: 'Asia/Tokyo', language: 'en', weeks: 3 });
    expect(loaded.status).toBe('loaded');
    const before = await db.metricDefinitions.count();
    const result = await saveMetricValue(db, { metricId: 'sample-metric-email-opens', period: '2026-11-16', value: '77' }, NOW);
    expect(result.ok).toBe(true);
    expect(await db.metricDefinitions.count()).toBe(before);
    expect(await entriesForKeys(db, [['sample-metric-email-opens', '2026-11-16']])).toMatchObject([{ value: 77 }]);
  });
});

describe('definitions', () => {
  it('validates names against what the user sees, including built-in names', () => {
    const all = withBuiltinDefaults([]);
    const draft = (n: string) => ({ name: n, unit: '', period: 'week' as const });
    expect(validateMetricDraft(draft('  '), all, name)).toEqual({ name: 'metrics.error.nameRequired' });
    expect(validateMetricDraft(draft('x'.repeat(61)), all, name)).toEqual({ name: 'metrics.error.nameTooLong' });
    expect(validateMetricDraft(draft(' page  VIEWS '), all, name)).toEqual({ name: 'metrics.error.nameTaken' });
    expect(validateMetricDraft(draft('Ｐａｇｅ views'), all, name)).toEqual({ name: 'metrics.error.nameTaken' });
    expect(validateMetricDraft({ name: 'Sessions', unit: 'u'.repeat(21), period: 'week' }, all, name)).toEqual({ unit: 'metrics.error.unitTooLong' });
    expect(validateMetricDraft({ name: 'Sessions', unit: '', period: 'day' as 'week' }, all, name)).toEqual({ period: 'metrics.error.period' });
    // A built-in may go without a name: it then shows its own.
    expect(validateMetricDraft(draft(''), all, name, 'page-views')).toEqual({});
  });

  it('adds a metric after the others, storing the built-ins with it', async () => {
    const invalid = await addMetric(db, { name: 'Email opens', unit: '', period: 'week' }, name, NOW);
    expect(invalid).toEqual({ ok: false, errors: { name: 'metrics.error.nameTaken' } });
    expect(await db.metricDefinitions.count()).toBe(0);
    const added = await addMetric(db, { name: ' Newsletter subscribers ', unit: ' people ', period: 'month' }, name, NOW);
    expect(added).toMatchObject({ ok: true, definition: { name: 'Newsletter subscribers', unit: 'people', period: 'month', archived: 0, order: 7 } });
    expect(await db.metricDefinitions.count()).toBe(8);
  });

  it('renames a built-in, and an empty name brings back its own', async () => {
    const renamed = await updateMetric(db, VIEWS, { name: 'Sessions', unit: 'sessions', period: 'week' }, name, NOW);
    expect(renamed).toMatchObject({ ok: true, definition: { id: VIEWS, name: 'Sessions', builtin: 'page-views' } });
    const back = await updateMetric(db, VIEWS, { name: '  ', unit: '', period: 'week' }, name, NOW);
    expect(back.ok).toBe(true);
    expect((await db.metricDefinitions.get(VIEWS))?.name).toBeUndefined();
    expect(await updateMetric(db, VIEWS, { name: 'Emails sent', unit: '', period: 'week' }, name, NOW)).toEqual({
      ok: false,
      errors: { name: 'metrics.error.nameTaken' },
    });
    // Its own name is not "taken" by itself.
    expect((await updateMetric(db, VIEWS, { name: 'Page views', unit: '', period: 'week' }, name, NOW)).ok).toBe(true);
  });

  it('changes the period only while the metric has no values', async () => {
    expect((await updateMetric(db, VIEWS, { name: '', unit: '', period: 'month' }, name, NOW)).ok).toBe(true);
    expect((await updateMetric(db, VIEWS, { name: '', unit: '', period: 'week' }, name, NOW)).ok).toBe(true);
    await saveMetricValue(db, { metricId: VIEWS, period: '2026-11-16', value: 10 }, NOW);
    expect(await metricHasEntries(db, VIEWS)).toBe(true);
    expect(await metricHasEntries(db, OPENS)).toBe(false);
    expect(await updateMetric(db, VIEWS, { name: '', unit: '', period: 'month' }, name, NOW)).toEqual({
      ok: false,
      errors: { period: 'metrics.error.periodHasEntries' },
    });
    expect((await db.metricDefinitions.get(VIEWS))?.period).toBe('week');
  });

  it('archives and brings back, returning the definition as it was', async () => {
    const before = await setMetricArchived(db, OPENS, true, NOW);
    expect(before.archived).toBe(0);
    expect((await db.metricDefinitions.get(OPENS))?.archived).toBe(1);
    await setMetricArchived(db, OPENS, false, NOW);
    expect((await db.metricDefinitions.get(OPENS))?.archived).toBe(0);
    await expect(setMetricArchived(db, 'nope', true, NOW)).rejects.toThrow('No metric nope');
  });

  it('moves a metric up and down, and not past the ends', async () => {
    await moveMetric(db, SENT, -1, NOW);
    const order = async () => (await listMetricDefinitions(db)).map((d) => d.builtin);
    expect((await order()).slice(0, 3)).toEqual(['emails-sent', 'business-cards', 'email-opens']);
    await moveMetric(db, SENT, -1, NOW);
    expect((await order())[0]).toBe('emails-sent');
    const last = builtinMetricId('webinar-attendees');
    await moveMetric(db, last, 1, NOW);
    expect((await order()).at(-1)).toBe('webinar-attendees');
    await moveMetric(db, last, -1, NOW);
    expect((await order()).slice(-2)).toEqual(['webinar-attendees', 'document-downloads']);
    expect((await listMetricDefinitions(db)).map((d) => d.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('values', () => {
  it('keeps one row per metric and period: typing a cell twice updates it', async () => {
    const first = await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value: ' 1,234 ' }, NOW);
    expect(first).toMatchObject({ ok: true, entry: { value: 1234, updatedAt: NOW } });
    const second = await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value: '１２３５' }, NOW + 1);
    expect(second).toMatchObject({ ok: true, entry: { value: 1235 } });
    expect(await values()).toEqual([`${OPENS}|2026-11-16=1235`]);
    if (!first.ok || !second.ok) throw new Error();
    expect(second.entry.id).toBe(first.entry.id);
  });

  it('refuses invalid values and keeps the stored one', async () => {
    await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value: 10 }, NOW);
    for (const [value, error] of [
      ['abc', 'validation.number'],
      ['-5', 'validation.nonNegative'],
      ['2.5', 'validation.integer'],
      ['1e13', 'validation.tooLarge'],
      ['', 'validation.required'],
    ] as const) {
      expect(await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value }, NOW + 1)).toEqual({ ok: false, error });
    }
    expect(await saveMetricValue(db, { metricId: OPENS, period: '16/11/2026', value: 1 }, NOW)).toEqual({ ok: false, error: 'metrics.error.period' });
    expect(await saveMetricValue(db, { metricId: 'nope', period: '2026-11-16', value: 1 }, NOW)).toEqual({ ok: false, error: 'metrics.error.noMetric' });
    expect(await values()).toEqual([`${OPENS}|2026-11-16=10`]);
  });

  it('stores nothing at all, not even the built-in definitions, when a write is refused', async () => {
    expect((await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value: '-1' }, NOW)).ok).toBe(false);
    expect((await addMetric(db, { name: '', unit: '', period: 'week' }, name, NOW)).ok).toBe(false);
    expect((await updateMetric(db, OPENS, { name: 'Page views', unit: '', period: 'week' }, name, NOW)).ok).toBe(false);
    expect(await db.metricDefinitions.count()).toBe(0);
    expect(await db.metricEntries.count()).toBe(0);
  });

  it('lets a custom metric be fractional', async () => {
    const added = await addMetric(db, { name: 'NPS', unit: '', period: 'month' }, name, NOW);
    if (!added.ok) throw new Error();
    expect(await saveMetricValue(db, { metricId: added.definition.id, period: '2026-11-01', value: '42.5' }, NOW)).toMatchObject({ ok: true, entry: { value: 42.5 } });
  });

  it('saves a pasted block all or nothing', async () => {
    const bad = await saveMetricValues(
      db,
      [
        { metricId: OPENS, period: '2026-11-09', value: '5' },
        { metricId: OPENS, period: '2026-11-16', value: 'x' },
      ],
      NOW,
    );
    expect(bad).toEqual({ ok: false, errors: [{ index: 1, error: 'validation.number' }] });
    expect(await db.metricEntries.count()).toBe(0);
    const good = await saveMetricValues(
      db,
      [
        { metricId: OPENS, period: '2026-11-09', value: '5' },
        { metricId: SENT, period: '2026-11-09', value: '50' },
      ],
      NOW,
    );
    expect(good.ok).toBe(true);
    expect(await values()).toEqual([`${SENT}|2026-11-09=50`, `${OPENS}|2026-11-09=5`].sort());
  });

  it('undoes a new value, a changed value and a cleared value', async () => {
    const created = await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value: 10 }, NOW);
    if (!created.ok) throw new Error();
    const changed = await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value: 20 }, NOW + 1);
    if (!changed.ok) throw new Error();
    await undoMetricWrite(db, changed.undo);
    expect(await values()).toEqual([`${OPENS}|2026-11-16=10`]);
    await undoMetricWrite(db, created.undo);
    expect(await values()).toEqual([]);

    await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value: 30 }, NOW + 2);
    const cleared = await clearMetricValues(db, [{ metricId: OPENS, period: '2026-11-16' }], NOW + 3);
    expect(cleared.restore).toMatchObject([{ value: 30 }]);
    expect(await values()).toEqual([]);
    await undoMetricWrite(db, cleared);
    expect(await values()).toEqual([`${OPENS}|2026-11-16=30`]);
    // Clearing an empty cell removes nothing and has nothing to undo.
    expect((await clearMetricValues(db, [{ metricId: SENT, period: '2026-11-16' }], NOW)).restore).toEqual([]);
  });

  it('never undoes over something typed after the write', async () => {
    const first = await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value: 10 }, NOW);
    if (!first.ok) throw new Error();
    await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value: 11 }, NOW + 5);
    expect(await undoMetricWrite(db, first.undo)).toEqual({ skipped: 1 });
    expect(await values()).toEqual([`${OPENS}|2026-11-16=11`]);

    // A cleared cell typed again: undoing the clear does not bring back the old value.
    const cleared = await clearMetricValues(db, [{ metricId: OPENS, period: '2026-11-16' }], NOW + 6);
    await saveMetricValue(db, { metricId: OPENS, period: '2026-11-16', value: 12 }, NOW + 7);
    expect(await undoMetricWrite(db, cleared)).toEqual({ skipped: 1 });
    expect(await values()).toEqual([`${OPENS}|2026-11-16=12`]);
  });

  it('reads the grid through the period index and a series through [metricId+period]', async () => {
    await saveMetricValues(
      db,
      [
        { metricId: OPENS, period: '2026-11-02', value: 1 },
        { metricId: OPENS, period: '2026-11-09', value: 2 },
        { metricId: OPENS, period: '2026-11-16', value: 3 },
        { metricId: SENT, period: '2026-11-16', value: 30 },
        { metricId: VIEWS, period: '2026-11-16', value: 300 },
      ],
      NOW,
    );
    const grid = await entriesForPeriods(db, ['2026-11-09', '2026-11-16'], [OPENS, SENT]);
    expect(grid.map((e) => `${e.metricId}|${e.period}`).sort()).toEqual([`${SENT}|2026-11-16`, `${OPENS}|2026-11-09`, `${OPENS}|2026-11-16`].sort());
    expect(await entriesForPeriods(db, [], [OPENS])).toEqual([]);
    expect((await metricEntriesBetween(db, OPENS, '2026-11-03', '2026-11-16')).map((e) => e.value)).toEqual([2, 3]);
  });
});

describe('import', () => {
  it('creates the new metrics and merges by replace: the file wins, the last line within it', async () => {
    await saveMetricValue(db, { metricId: VIEWS, period: '2026-11-09', value: 100 }, NOW);
    const result = await importMetricRows(
      db,
      {
        rows: [
          { metricId: VIEWS, period: '2026-11-09', value: 150 },
          { metricId: VIEWS, period: '2026-11-16', value: 10 },
          { metricId: VIEWS, period: '2026-11-16', value: 20 },
          { metricId: 'new-1', period: '2026-11-01', value: 7 },
        ],
        newDefinitions: [{ id: 'new-1', name: ' Sessions ', unit: 'sessions', period: 'month' }],
        mode: 'replace',
      },
      NOW + 1,
    );
    expect(result).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    expect(result.duplicates).toHaveLength(2);
    expect(await values()).toEqual([`${VIEWS}|2026-11-09=150`, `${VIEWS}|2026-11-16=20`, 'new-1|2026-11-01=7'].sort());
    expect(await db.metricDefinitions.get('new-1')).toMatchObject({ name: 'Sessions', unit: 'sessions', period: 'month', order: 7 });
  });

  it('adds: totals with the stored value and within the file (daily rows of one week)', async () => {
    await saveMetricValue(db, { metricId: VIEWS, period: '2026-11-16', value: 100 }, NOW);
    const result = await importMetricRows(
      db,
      {
        rows: [
          { metricId: VIEWS, period: '2026-11-16', value: 10 },
          { metricId: VIEWS, period: '2026-11-16', value: 20 },
          { metricId: OPENS, period: '2026-11-16', value: 5 },
          { metricId: OPENS, period: '2026-11-16', value: 6 },
        ],
        mode: 'add',
      },
      NOW + 1,
    );
    expect(await values()).toEqual([`${VIEWS}|2026-11-16=130`, `${OPENS}|2026-11-16=11`].sort());
    expect(result.duplicates).toEqual(
      expect.arrayContaining([
        { metricId: VIEWS, period: '2026-11-16', existing: 100, incoming: [10, 20], result: 130 },
        { metricId: OPENS, period: '2026-11-16', existing: undefined, incoming: [5, 6], result: 11 },
      ]),
    );
  });

  it('is all or nothing: one bad row and nothing is written, not even the new metrics', async () => {
    await saveMetricValue(db, { metricId: VIEWS, period: '2026-11-16', value: 100 }, NOW);
    const attempt = (rows: { metricId: string; period: string; value: number }[]) =>
      importMetricRows(db, { rows, newDefinitions: [{ id: 'new-1', name: 'Sessions', unit: '', period: 'week' }], mode: 'replace' }, NOW + 1);
    await expect(attempt([{ metricId: VIEWS, period: '2026-11-16', value: 1 }, { metricId: VIEWS, period: '2026-11-09', value: -1 }])).rejects.toThrow(
      'validation.nonNegative',
    );
    await expect(attempt([{ metricId: 'unknown', period: '2026-11-16', value: 1 }])).rejects.toThrow('No metric unknown');
    await expect(attempt([{ metricId: VIEWS, period: '2026/11/16', value: 1 }])).rejects.toThrow('Not a period key');
    await expect(
      importMetricRows(db, { rows: [{ metricId: VIEWS, period: '2026-11-16', value: 1e12 }], mode: 'add' }, NOW + 1),
    ).rejects.toThrow('validation.tooLarge');
    expect(await values()).toEqual([`${VIEWS}|2026-11-16=100`]);
    expect(await db.metricDefinitions.get('new-1')).toBeUndefined();
  });

  it('is undone completely: values as they were, new metrics gone', async () => {
    await saveMetricValue(db, { metricId: VIEWS, period: '2026-11-16', value: 100 }, NOW);
    const result = await importMetricRows(
      db,
      {
        rows: [
          { metricId: VIEWS, period: '2026-11-16', value: 50 },
          { metricId: 'new-1', period: '2026-11-16', value: 3 },
        ],
        newDefinitions: [{ id: 'new-1', name: 'Sessions', unit: '', period: 'week' }],
        mode: 'add',
      },
      NOW + 1,
    );
    expect(await values()).toEqual([`${VIEWS}|2026-11-16=150`, 'new-1|2026-11-16=3'].sort());
    expect(await undoMetricWrite(db, result.undo)).toEqual({ skipped: 0 });
    expect(await values()).toEqual([`${VIEWS}|2026-11-16=100`]);
    expect(await db.metricDefinitions.get('new-1')).toBeUndefined();
  });

  it('importing the same file twice with replace changes nothing the second time', async () => {
    const rows = [{ metricId: VIEWS, period: '2026-11-16', value: 50 }];
    await importMetricRows(db, { rows, mode: 'replace' }, NOW);
    const again = await importMetricRows(db, { rows, mode: 'replace' }, NOW + 1);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await db.metricEntries.toArray())[0]?.updatedAt).toBe(NOW);
  });
});
