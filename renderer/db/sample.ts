/**
 * Loads the seeded sample quarter into an empty database, and clears it again. Sample rows are
 * recognised by their id prefix, so clearing never touches what the user entered.
 */
import { generateSampleData, SAMPLE_ID_PREFIX, type SampleData } from '../../shared/sample';
import type { Language } from '../../shared/domain/model/settings';
import type { TwoHatsDatabase } from './database';
import { DATA_TABLES } from './schema';

export const SAMPLE_SEED = 20261123;
export const SAMPLE_WEEKS = 13;

export type LoadSampleResult = { status: 'loaded'; rows: number } | { status: 'not-empty' };

export async function loadSampleData(
  db: TwoHatsDatabase,
  options: { now: number; timeZone: string; language: Language; weeks?: number; seed?: number },
): Promise<LoadSampleResult> {
  const data = generateSampleData({
    seed: options.seed ?? SAMPLE_SEED,
    now: options.now,
    timeZone: options.timeZone,
    weeks: options.weeks ?? SAMPLE_WEEKS,
    language: options.language,
  });
  // The emptiness check and the writes share one transaction: all or nothing.
  return db.transaction('rw', DATA_TABLES.map((name) => db.table(name)), async () => {
    for (const name of DATA_TABLES) {
      if ((await db.table(name).count()) > 0) return { status: 'not-empty' } as const;
    }
    return { status: 'loaded', rows: await writeSampleRows(db, data) } as const;
  });
}

export async function writeSampleRows(db: TwoHatsDatabase, data: SampleData): Promise<number> {
  await db.timeBoxes.bulkAdd(data.timeBoxes);
  await db.timeEntries.bulkAdd(data.timeEntries);
  await db.initiatives.bulkAdd(data.initiatives);
  await db.leads.bulkAdd(data.leads);
  await db.leadEvents.bulkAdd(data.leadEvents);
  await db.wins.bulkAdd(data.wins);
  await db.metricDefinitions.bulkAdd(data.metricDefinitions);
  await db.metricEntries.bulkAdd(data.metricEntries);
  await db.goals.bulkAdd(data.goals);
  return (
    data.timeBoxes.length +
    data.timeEntries.length +
    data.initiatives.length +
    data.leads.length +
    data.leadEvents.length +
    data.wins.length +
    data.metricDefinitions.length +
    data.metricEntries.length +
    data.goals.length
  );
}

/** Rows whose id marks them as sample rows, per table. Reads keys only. */
export async function countSampleRows(db: TwoHatsDatabase): Promise<number> {
  const counts = await Promise.all(
    DATA_TABLES.map((name) => db.table(name).where(':id').startsWith(SAMPLE_ID_PREFIX).count()),
  );
  return counts.reduce((a, b) => a + b, 0);
}

export async function clearSampleData(db: TwoHatsDatabase): Promise<number> {
  return db.transaction('rw', DATA_TABLES.map((name) => db.table(name)), async () => {
    // A sample metric that the user has since typed values against stays, with its values:
    // clearing the sample must never take what the user entered.
    const usedSampleMetrics = new Set(
      (await db.metricEntries.toArray())
        .filter((entry) => !entry.id.startsWith(SAMPLE_ID_PREFIX) && entry.metricId.startsWith(SAMPLE_ID_PREFIX))
        .map((entry) => entry.metricId),
    );
    let removed = 0;
    for (const name of DATA_TABLES) {
      const table = db.table(name).where(':id').startsWith(SAMPLE_ID_PREFIX);
      removed += name === 'metricDefinitions' ? await table.filter((d: { id: string }) => !usedSampleMetrics.has(d.id)).delete() : await table.delete();
    }
    return removed;
  });
}
