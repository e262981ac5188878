/** The Dexie database: the single source of truth for everything the user entered. */
import Dexie, { type EntityTable } from 'dexie';
import type {
  Goal,
  Initiative,
  Lead,
  LeadEvent,
  MetricDefinition,
  MetricEntry,
  RunningTimer,
  SavedReport,
  Settings,
  TimeBox,
  TimeEntry,
  Win,
} from '../../shared/domain/model';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';

export const DATABASE_NAME = 'twohats';

export class TwoHatsDatabase extends Dexie {
  settings!: EntityTable<Settings, 'id'>;
  timeBoxes!: EntityTable<TimeBox, 'id'>;
  timeEntries!: EntityTable<TimeEntry, 'id'>;
  timer!: EntityTable<RunningTimer, 'id'>;
  initiatives!: EntityTable<Initiative, 'id'>;
  leads!: EntityTable<Lead, 'id'>;
  leadEvents!: EntityTable<LeadEvent, 'id'>;
  wins!: EntityTable<Win, 'id'>;
  metricDefinitions!: EntityTable<MetricDefinition, 'id'>;
  metricEntries!: EntityTable<MetricEntry, 'id'>;
  goals!: EntityTable<Goal, 'id'>;
  reports!: EntityTable<SavedReport, 'id'>;

  /** `versions` is a parameter so migration tests can open the schema as it was at any version. */
  constructor(name = DATABASE_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
