import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { clearSampleData, countSampleRows, loadSampleData } from '../../../renderer/db/sample';
import { addEntry } from '../../../renderer/db/time';

const NOW = Date.UTC(2026, 10, 23, 2, 0);
const options = { now: NOW, timeZone: 'Asia/Tokyo', language: 'ja' as const, weeks: 4 };

let db: TwoHatsDatabase;
beforeEach(async () => {
  db = new TwoHatsDatabase(`sample-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('sample data in the database', () => {
  it('loads into an empty database, all of it', async () => {
    const result = await loadSampleData(db, options);
    expect(result.status).toBe('loaded');
    if (result.status !== 'loaded') return;
    expect(await countSampleRows(db)).toBe(result.rows);
    expect(await db.leads.count()).toBeGreaterThan(0);
    expect(await db.timeEntries.count()).toBeGreaterThan(0);
  });

  it('refuses a database that already holds data, and changes nothing', async () => {
    await addEntry(db, { kind: 'sales', category: 'call', start: NOW - 3_600_000, end: NOW }, NOW);
    expect(await loadSampleData(db, options)).toEqual({ status: 'not-empty' });
    expect(await db.timeEntries.count()).toBe(1);
    expect(await db.leads.count()).toBe(0);
  });

  it('clearing removes the sample rows only', async () => {
    await loadSampleData(db, options);
    await addEntry(db, { kind: 'sales', category: 'call', start: NOW - 3_600_000, end: NOW }, NOW);
    const sampleRows = await countSampleRows(db);
    expect(await clearSampleData(db)).toBe(sampleRows);
    expect(await countSampleRows(db)).toBe(0);
    expect(await db.timeEntries.count()).toBe(1);
  });

  it('keeps a sample metric the user typed values against, with those values', async () => {
    await loadSampleData(db, options);
    const metric = (await db.metricDefinitions.toArray())[0]!;
    await db.metricEntries.add({ id: 'mine', metricId: metric.id, period: '2030-01-06', value: 7, updatedAt: NOW });
    await clearSampleData(db);
    expect(await db.metricDefinitions.get(metric.id)).toBeDefined();
    expect(await db.metricEntries.get('mine')).toBeDefined();
    expect(await db.metricDefinitions.count()).toBe(1);
  });

  it('is deterministic: loading again after clearing gives the same rows (undo of clear)', async () => {
    await loadSampleData(db, options);
    const before = await db.leads.orderBy(':id').toArray();
    await clearSampleData(db);
    await loadSampleData(db, options);
    expect(await db.leads.orderBy(':id').toArray()).toEqual(before);
  });
});
