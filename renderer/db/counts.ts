/** Row counts per table, for the Settings data section and the empty states. `count()` reads no rows. */
import type { TwoHatsDatabase } from './database';

export interface DataCounts {
  timeEntries: number;
  timeBoxes: number;
  leads: number;
  initiatives: number;
  wins: number;
  metricEntries: number;
}

export async function countData(db: TwoHatsDatabase): Promise<DataCounts> {
  const [timeEntries, timeBoxes, leads, initiatives, wins, metricEntries] = await Promise.all([
    db.timeEntries.count(),
    db.timeBoxes.count(),
    db.leads.count(),
    db.initiatives.count(),
    db.wins.count(),
    db.metricEntries.count(),
  ]);
  return { timeEntries, timeBoxes, leads, initiatives, wins, metricEntries };
}

export function isEmpty(counts: DataCounts): boolean {
  return Object.values(counts).every((n) => n === 0);
}
