/**
 * The database schema, one entry per version. Never edit a released version: add a new one with
 * its `upgrade`, and add a fixture for the old version in test/unit/db/migrations.test.ts, which
 * opens a filled database of every older version with the current code and checks every row.
 *
 * Index notes (why each exists):
 * - `start` / `[kind+start]`: week and period views read entries by range. Entries and boxes are
 *   at most 24 h long, so "overlaps [a, b)" is the range start ∈ [a − 24 h, b) plus a cheap filter.
 * - `[leadId+at]`: one lead's history in order; `at` / `[type+at]`: events in a period for rates.
 * - `[starred+at]`: the report's starred wins in a period (booleans are stored as 0/1 because
 *   IndexedDB cannot index booleans).
 * - `[metricId+period]`: one metric's series; `period`: all metrics of a period for the grid.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      settings: 'id',
      timeBoxes: 'id, start, [kind+start], initiativeId, seriesId',
      timeEntries: 'id, start, [kind+start], boxId, initiativeId',
      timer: 'id',
      initiatives: 'id, start, status, archived',
      leads: 'id, createdAt, stage, [stage+createdAt], source, initiativeId, email, nextActionAt',
      leadEvents: 'id, [leadId+at], at, [type+at]',
      wins: 'id, at, [starred+at], type, initiativeId, leadId',
      metricDefinitions: 'id, order',
      metricEntries: 'id, [metricId+period], period',
      goals: 'id, fiscalYear',
      reports: 'id, createdAt, periodStart',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** The tables that hold what the user entered (everything but settings and the timer). */
export const DATA_TABLES = [
  'timeBoxes',
  'timeEntries',
  'initiatives',
  'leads',
  'leadEvents',
  'wins',
  'metricDefinitions',
  'metricEntries',
  'goals',
  'reports',
] as const;
export type DataTable = (typeof DATA_TABLES)[number];
