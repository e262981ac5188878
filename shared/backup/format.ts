/**
 * The backup file format, version by version: its constants, its TypeScript types and the zod
 * schema of every table's rows. docs/backup-format.md describes each field for people; this file
 * is the machine-checked version of the same text, and the two must change together.
 *
 * Full `zod` (not zod/mini) because this module is only loaded when the user backs up or
 * restores, never on the start-up path. The schemas check what the rows ARE (types, enums from the
 * model's own const arrays, integer money, instants a Date can hold), and only the few rules that
 * every writer in the app already enforces (end ≥ start, a category of the row's kind); they
 * never transform a value, so a row that passes is stored exactly as it was read.
 */
import * as z from 'zod';
import {
  CONTACT_CHANNELS,
  INITIATIVE_CHANNELS,
  INITIATIVE_STATUSES,
  LEAD_STAGES,
  LOSS_REASONS,
  SOURCE_IDS,
  BUILTIN_METRICS,
  WIN_TYPES,
  WORK_KINDS,
  SALES_CATEGORIES,
  MARKETING_CATEGORIES,
  isCategoryOfKind,
  type Goal,
  type Initiative,
  type Lead,
  type LeadEvent,
  type MetricDefinition,
  type MetricEntry,
  type RunningTimer,
  type SavedReport,
  type Settings,
  type TimeBox,
  type TimeEntry,
  type Win,
} from '../domain/model';
import { isDayKey } from '../domain/calendar';

// The app's CSP forbids eval; zod must never probe for it (settings.ts sets the same, globally).
z.config({ jitless: true });

/** The marker that tells a TwoHats backup from any other JSON file. */
export const BACKUP_APP = 'TwoHats';

/**
 * The format this code writes. Bump it (and add a migration in migrations.ts) whenever the file
 * changes in any way: a new table, a new field (even an optional one), a renamed or re-meant one.
 */
export const BACKUP_FORMAT_VERSION = 1;

/**
 * Nesting deeper than this is refused before anything walks the tree. A TwoHats file nests 5 levels
 * plus whatever a saved report's snapshot holds; 100 leaves snapshots plenty of room while keeping
 * every recursive walk (validation, canonical writing) far from the stack limit.
 */
export const MAX_BACKUP_DEPTH = 100;

/**
 * Keys refused anywhere in a file. `__proto__` is the one key that JavaScript treats differently
 * from an ordinary property when it is assigned or merged (it sets the prototype); `constructor` and
 * `prototype` are the other two steps of the classic pollution path (`obj.constructor.prototype`).
 * No field TwoHats writes has these names, so a file holding one was not written by TwoHats (or was
 * edited by hand): it is refused with the key's path rather than silently dropped.
 */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * The tables of user data, in the file's order (object keys are written sorted, so this is also
 * alphabetical). Must list every table of renderer/db/schema.ts's DATA_TABLES; a test checks it.
 */
export const BACKUP_TABLES = [
  'goals',
  'initiatives',
  'leadEvents',
  'leads',
  'metricDefinitions',
  'metricEntries',
  'reports',
  'timeBoxes',
  'timeEntries',
  'wins',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupTables {
  goals: Goal[];
  initiatives: Initiative[];
  leadEvents: LeadEvent[];
  leads: Lead[];
  metricDefinitions: MetricDefinition[];
  metricEntries: MetricEntry[];
  reports: SavedReport[];
  timeBoxes: TimeBox[];
  timeEntries: TimeEntry[];
  wins: Win[];
}

/** Everything the user has: what is read from the database for a backup and written by a restore. */
export interface BackupData {
  /** The one settings row as stored (older rows may lack fields added later), or null if never saved. */
  settings: Settings | null;
  /** The focus timer ('current'), or null when none is running or paused. */
  timer: RunningTimer | null;
  tables: BackupTables;
}

/** Who wrote the file and when. */
export interface BackupMeta {
  /** The TwoHats version that wrote the file, e.g. "0.1.0". */
  appVersion: string;
  /** Epoch milliseconds. */
  exportedAt: number;
}

/** A whole backup file of the current format version. */
export interface Backup extends BackupData, BackupMeta {
  app: typeof BACKUP_APP;
  formatVersion: number;
}

// ---------------------------------------------------------------------------------------------
// Field schemas

/**
 * An instant: epoch milliseconds that a Date can represent (±8.64e15 ms, about ±273,000 years).
 * Anything else (NaN and ±Infinity cannot even be written in JSON) is an invalid date.
 */
export const MAX_INSTANT = 8.64e15;
const instant = z.number().refine((n) => Math.abs(n) <= MAX_INSTANT, { error: 'date' });
const id = z.string().min(1);
const text = z.string();
/** Money: an integer in the currency's minor unit (yen have none), never negative. */
const money = z.number().refine((n) => Number.isSafeInteger(n) && n >= 0, { error: 'money' });
const flag = z.union([z.literal(0), z.literal(1)]);
const nonNegative = z.number().min(0);
const rate = z.number().min(0).max(1);
const kind = z.enum(WORK_KINDS);
const category = z.enum([...SALES_CATEGORIES, ...MARKETING_CATEGORIES]);
const dayKey = z.string().refine(isDayKey, { error: 'dayKey' });
/** Any JSON value, but present (JSON has no undefined, so this means "the key exists"). */
const present = z.unknown().refine((value): boolean => value !== undefined, { error: 'required' });

function endNotBeforeStart(row: { start: number; end: number }): boolean {
  return row.end >= row.start;
}
const orderedSpan = { error: 'endBeforeStart', path: ['end'] };
const categoryOfKind = { error: 'categoryKind', path: ['category'] };

// ---------------------------------------------------------------------------------------------
// Row schemas, one per table. Strict: an unknown field is refused, never stripped (stripping
// would drop data silently; a field this version does not know means a newer or foreign file).

export const timeBoxSchema = z
  .strictObject({
    id,
    kind,
    category,
    title: text,
    start: instant,
    end: instant,
    initiativeId: id.optional(),
    seriesId: id.optional(),
    note: text.optional(),
    createdAt: instant,
    updatedAt: instant,
  })
  .refine(endNotBeforeStart, orderedSpan)
  .refine((row) => isCategoryOfKind(row.kind, row.category), categoryOfKind);

export const timeEntrySchema = z
  .strictObject({
    id,
    kind,
    category,
    start: instant,
    end: instant,
    note: text.optional(),
    boxId: id.optional(),
    initiativeId: id.optional(),
    interruption: z.boolean().optional(),
    source: z.enum(['timer', 'manual', 'import']),
    createdAt: instant,
    updatedAt: instant,
  })
  .refine(endNotBeforeStart, orderedSpan)
  .refine((row) => isCategoryOfKind(row.kind, row.category), categoryOfKind);

export const initiativeSchema = z
  .strictObject({
    id,
    name: text,
    channel: z.enum(INITIATIVE_CHANNELS),
    status: z.enum(INITIATIVE_STATUSES),
    start: instant,
    end: instant,
    goal: text.optional(),
    targetNumber: nonNegative.optional(),
    plannedHours: nonNegative.optional(),
    cost: money.optional(),
    archived: flag,
    createdAt: instant,
    updatedAt: instant,
  })
  .refine(endNotBeforeStart, orderedSpan);

export const leadSchema = z.strictObject({
  id,
  createdAt: instant,
  company: text,
  person: text,
  title: text.optional(),
  email: text.optional(),
  phone: text.optional(),
  source: z.enum(SOURCE_IDS),
  sourceDetail: text.optional(),
  initiativeId: id.optional(),
  stage: z.enum(LEAD_STAGES),
  value: money.optional(),
  expectedCloseAt: instant.optional(),
  nextActionAt: instant.optional(),
  note: text.optional(),
  decisionMoment: text.optional(),
  lossReason: z.enum(LOSS_REASONS).optional(),
  lesson: text.optional(),
  dropReason: text.optional(),
  updatedAt: instant,
});

export const leadEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id,
    leadId: id,
    at: instant,
    type: z.literal('stage'),
    from: z.enum(LEAD_STAGES).nullable(),
    to: z.enum(LEAD_STAGES),
  }),
  z.strictObject({
    id,
    leadId: id,
    at: instant,
    type: z.literal('contact'),
    channel: z.enum(CONTACT_CHANNELS),
    note: text.optional(),
  }),
]);

export const winSchema = z.strictObject({
  id,
  at: instant,
  title: text,
  type: z.enum(WIN_TYPES),
  initiativeId: id.optional(),
  leadId: id.optional(),
  amount: z.number().optional(),
  unit: text.optional(),
  tags: z.array(text),
  starred: flag,
  note: text.optional(),
  createdAt: instant,
  updatedAt: instant,
});

export const metricDefinitionSchema = z.strictObject({
  id,
  builtin: z.enum(BUILTIN_METRICS).optional(),
  name: text.optional(),
  unit: text,
  period: z.enum(['week', 'month']),
  archived: flag,
  order: z.number(),
  createdAt: instant,
});

export const metricEntrySchema = z.strictObject({
  id,
  metricId: id,
  /** First calendar day of the week or month, 'YYYY-MM-DD'. */
  period: dayKey,
  value: z.number(),
  updatedAt: instant,
});

export const goalSchema = z.strictObject({
  id,
  fiscalYear: z.int(),
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]),
  revenue: money,
  assumptions: z
    .strictObject({
      averageDealValue: money.optional(),
      winRate: rate.optional(),
      leadToOpportunityRate: rate.optional(),
    })
    .optional(),
  updatedAt: instant,
});

export const savedReportSchema = z
  .strictObject({
    id,
    createdAt: instant,
    periodStart: instant,
    periodEnd: instant,
    language: z.enum(['ja', 'en']),
    title: text,
    /** Any JSON (the report as computed at export time); only required to be present. */
    snapshot: present,
    comment: text,
    plan: text,
  })
  .refine((row) => row.periodEnd >= row.periodStart, { error: 'endBeforeStart', path: ['periodEnd'] });

export const runningTimerSchema = z.strictObject({
  id: z.literal('current'),
  kind,
  category,
  note: text.optional(),
  boxId: id.optional(),
  initiativeId: id.optional(),
  runningSince: instant.nullable(),
  startedAt: instant,
  lastActivityAt: instant,
  interrupted: z
    .strictObject({
      boxId: id.optional(),
      category: z.enum(MARKETING_CATEGORIES),
      initiativeId: id.optional(),
      note: text.optional(),
    })
    .optional(),
}).refine((row) => isCategoryOfKind(row.kind, row.category), categoryOfKind);

export const ROW_SCHEMAS = {
  goals: goalSchema,
  initiatives: initiativeSchema,
  leadEvents: leadEventSchema,
  leads: leadSchema,
  metricDefinitions: metricDefinitionSchema,
  metricEntries: metricEntrySchema,
  reports: savedReportSchema,
  timeBoxes: timeBoxSchema,
  timeEntries: timeEntrySchema,
  wins: winSchema,
} as const satisfies Record<BackupTable, z.ZodType>;

/**
 * The envelope: everything but the rows, which are checked one by one (validate-rows.ts) so that a
 * problem names its table, row and field, and one bad row does not hide the others.
 */
export const envelopeSchema = z.strictObject({
  app: z.literal(BACKUP_APP),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string(),
  exportedAt: instant,
  settings: present,
  timer: present,
  tables: z.strictObject(Object.fromEntries(BACKUP_TABLES.map((name) => [name, z.array(z.unknown())])) as Record<BackupTable, z.ZodArray<z.ZodUnknown>>),
});

// ---------------------------------------------------------------------------------------------
// The schemas must describe exactly the model's types: if a type gains, loses or changes a field,
// these lines stop compiling until the schema (and docs/backup-format.md, and the format version)
// follow.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Row<T extends z.ZodType> = z.infer<T>;
const sameShape: {
  goals: Same<Row<typeof goalSchema>, Goal>;
  initiatives: Same<Row<typeof initiativeSchema>, Initiative>;
  leadEvents: Same<Row<typeof leadEventSchema>, LeadEvent>;
  leads: Same<Row<typeof leadSchema>, Lead>;
  metricDefinitions: Same<Row<typeof metricDefinitionSchema>, MetricDefinition>;
  metricEntries: Same<Row<typeof metricEntrySchema>, MetricEntry>;
  reports: Same<Row<typeof savedReportSchema>, SavedReport>;
  timeBoxes: Same<Row<typeof timeBoxSchema>, TimeBox>;
  timeEntries: Same<Row<typeof timeEntrySchema>, TimeEntry>;
  wins: Same<Row<typeof winSchema>, Win>;
  timer: Same<Row<typeof runningTimerSchema>, RunningTimer>;
} = {
  goals: true,
  initiatives: true,
  leadEvents: true,
  leads: true,
  metricDefinitions: true,
  metricEntries: true,
  reports: true,
  timeBoxes: true,
  timeEntries: true,
  wins: true,
  timer: true,
};
void sameShape;
