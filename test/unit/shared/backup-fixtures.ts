/** Backups for the backup tests: a hand-written one touching every table, and fast-check arbitraries of valid data. */
import fc from 'fast-check';
import {
  BUILTIN_METRICS,
  CONTACT_CHANNELS,
  INITIATIVE_CHANNELS,
  INITIATIVE_STATUSES,
  LEAD_STAGES,
  LOSS_REASONS,
  MARKETING_CATEGORIES,
  SALES_CATEGORIES,
  SOURCE_IDS,
  WIN_TYPES,
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
} from '../../../shared/domain/model';
import { BACKUP_TABLES, MAX_INSTANT, type BackupData, type BackupMeta, type BackupTables } from '../../../shared/backup';
import { fixtureRows } from '../db/fixtures';

export const META: BackupMeta = { appVersion: '0.1.0', exportedAt: Date.UTC(2026, 10, 23, 3, 0) };

/** The db tests' hand-written rows (every table and index) as backup data. */
export function fixtureBackupData(): BackupData {
  const rows = fixtureRows();
  const tables = {} as Record<string, unknown[]>;
  for (const table of BACKUP_TABLES) tables[table] = rows[table] ?? [];
  return {
    settings: (rows.settings?.[0] as Settings | undefined) ?? null,
    timer: (rows.timer?.[0] as RunningTimer | undefined) ?? null,
    tables: tables as unknown as BackupTables,
  };
}

export function emptyBackupData(): BackupData {
  const tables = {} as Record<string, unknown[]>;
  for (const table of BACKUP_TABLES) tables[table] = [];
  return { settings: null, timer: null, tables: tables as unknown as BackupTables };
}

// ---------------------------------------------------------------------------------------------
// Arbitraries of valid rows: every field of every table, optional ones present or absent.

/** Text of every kind: Japanese, emoji, control characters, quotes, backslashes, lone surrogates. */
export const textArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', '株式会社サンプル', '"quoted" \\ back\\slash', '\u0000\u001f\u2028\u2029', '\ud800 lone', '👩‍💼', '__proto__', 'constructor'),
);
const idArb = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('sample-leads-1', '10', '9', 'a', 'A', 'é'));
/** Instants: today's, but also the edges of what a Date can hold, and fractional milliseconds. */
export const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
  fc.constantFrom(0, -1, MAX_INSTANT, -MAX_INSTANT),
  fc.double({ min: -MAX_INSTANT, max: MAX_INSTANT, noNaN: true }),
);
const moneyArb = fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.constant(Number.MAX_SAFE_INTEGER));
const span = fc.tuple(instantArb, fc.integer({ min: 0, max: 86_400_000 })).map(([start, length]) => {
  const s = Math.min(start, MAX_INSTANT - length);
  return { start: s, end: s + length };
});
const kindCategory = fc.oneof(
  fc.constantFrom(...SALES_CATEGORIES).map((category) => ({ kind: 'sales' as const, category })),
  fc.constantFrom(...MARKETING_CATEGORIES).map((category) => ({ kind: 'marketing' as const, category })),
);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A record without the keys whose value is undefined (as JSON and the app's writers leave them). */
function clean<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}
/** JSON-able values for the report snapshot (nested, with integer-like keys). */
const snapshotArb = fc.jsonValue({ maxDepth: 4 });

export const timeBoxArb: fc.Arbitrary<TimeBox> = fc
  .record({ id: idArb, kc: kindCategory, title: textArb, span, initiativeId: opt(idArb), seriesId: opt(idArb), note: opt(textArb), createdAt: instantArb, updatedAt: instantArb })
  .map(({ kc, span: s, ...rest }) => clean({ ...rest, ...kc, ...s }));

export const timeEntryArb: fc.Arbitrary<TimeEntry> = fc
  .record({
    id: idArb,
    kc: kindCategory,
    span,
    note: opt(textArb),
    boxId: opt(idArb),
    initiativeId: opt(idArb),
    interruption: opt(fc.boolean()),
    source: fc.constantFrom('timer' as const, 'manual' as const, 'import' as const),
    createdAt: instantArb,
    updatedAt: instantArb,
  })
  .map(({ kc, span: s, ...rest }) => clean({ ...rest, ...kc, ...s }));

export const initiativeArb: fc.Arbitrary<Initiative> = fc
  .record({
    id: idArb,
    name: textArb,
    channel: fc.constantFrom(...INITIATIVE_CHANNELS),
    status: fc.constantFrom(...INITIATIVE_STATUSES),
    span,
    goal: opt(textArb),
    targetNumber: opt(fc.integer({ min: 0, max: 1e9 })),
    plannedHours: opt(fc.integer({ min: 0, max: 8000 }).map((q) => q / 4)),
    cost: opt(moneyArb),
    archived: fc.constantFrom(0 as const, 1 as const),
    createdAt: instantArb,
    updatedAt: instantArb,
  })
  .map(({ span: s, ...rest }) => clean({ ...rest, ...s }));

export const leadArb: fc.Arbitrary<Lead> = fc
  .record({
    id: idArb,
    createdAt: instantArb,
    company: textArb,
    person: textArb,
    title: opt(textArb),
    email: opt(fc.emailAddress()),
    phone: opt(textArb),
    source: fc.constantFrom(...SOURCE_IDS),
    sourceDetail: opt(textArb),
    initiativeId: opt(idArb),
    stage: fc.constantFrom(...LEAD_STAGES),
    value: opt(moneyArb),
    expectedCloseAt: opt(instantArb),
    nextActionAt: opt(instantArb),
    note: opt(textArb),
    decisionMoment: opt(textArb),
    lossReason: opt(fc.constantFrom(...LOSS_REASONS)),
    lesson: opt(textArb),
    dropReason: opt(textArb),
    updatedAt: instantArb,
  })
  .map(clean);

export const leadEventArb: fc.Arbitrary<LeadEvent> = fc.oneof(
  fc.record({ id: idArb, leadId: idArb, at: instantArb, type: fc.constant('stage' as const), from: fc.option(fc.constantFrom(...LEAD_STAGES), { nil: null }), to: fc.constantFrom(...LEAD_STAGES) }),
  fc.record({ id: idArb, leadId: idArb, at: instantArb, type: fc.constant('contact' as const), channel: fc.constantFrom(...CONTACT_CHANNELS), note: opt(textArb) }).map(clean),
);

export const winArb: fc.Arbitrary<Win> = fc
  .record({
    id: idArb,
    at: instantArb,
    title: textArb,
    type: fc.constantFrom(...WIN_TYPES),
    initiativeId: opt(idArb),
    leadId: opt(idArb),
    amount: opt(fc.double({ noNaN: true, noDefaultInfinity: true })),
    unit: opt(textArb),
    tags: fc.array(textArb, { maxLength: 4 }),
    starred: fc.constantFrom(0 as const, 1 as const),
    note: opt(textArb),
    createdAt: instantArb,
    updatedAt: instantArb,
  })
  .map(clean);

export const metricDefinitionArb: fc.Arbitrary<MetricDefinition> = fc
  .record({
    id: idArb,
    builtin: opt(fc.constantFrom(...BUILTIN_METRICS)),
    name: opt(textArb),
    unit: textArb,
    period: fc.constantFrom('week' as const, 'month' as const),
    archived: fc.constantFrom(0 as const, 1 as const),
    order: fc.integer(),
    createdAt: instantArb,
  })
  .map(clean);

const dayKeyArb = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
export const metricEntryArb: fc.Arbitrary<MetricEntry> = fc.record({
  id: idArb,
  metricId: idArb,
  period: dayKeyArb,
  value: fc.double({ noNaN: true, noDefaultInfinity: true }),
  updatedAt: instantArb,
});

const rateArb = fc.double({ min: 0, max: 1, noNaN: true });
export const goalArb: fc.Arbitrary<Goal> = fc
  .record({
    id: idArb,
    fiscalYear: fc.integer({ min: 2000, max: 2100 }),
    quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, null),
    revenue: moneyArb,
    assumptions: opt(fc.record({ averageDealValue: opt(moneyArb), winRate: opt(rateArb), leadToOpportunityRate: opt(rateArb) }).map(clean)),
    updatedAt: instantArb,
  })
  .map(clean);

export const reportArb: fc.Arbitrary<SavedReport> = fc
  .record({ id: idArb, createdAt: instantArb, span, language: fc.constantFrom('ja' as const, 'en' as const), title: textArb, snapshot: snapshotArb, comment: textArb, plan: textArb })
  .map(({ span: s, ...rest }) => ({ ...rest, periodStart: s.start, periodEnd: s.end }));

export const timerArb: fc.Arbitrary<RunningTimer> = fc
  .record({
    kc: kindCategory,
    note: opt(textArb),
    boxId: opt(idArb),
    initiativeId: opt(idArb),
    runningSince: fc.option(instantArb, { nil: null }),
    startedAt: instantArb,
    lastActivityAt: instantArb,
    interrupted: opt(fc.record({ boxId: opt(idArb), category: fc.constantFrom(...MARKETING_CATEGORIES), initiativeId: opt(idArb), note: opt(textArb) }).map(clean)),
  })
  .map(({ kc, ...rest }) => clean({ id: 'current' as const, ...kc, ...rest }));

/** Rows of one table with distinct ids (the database's primary key). */
const rowsOf = <T extends { id: string }>(arb: fc.Arbitrary<T>) => fc.uniqueArray(arb, { selector: (row) => row.id, maxLength: 6 });

/** Partial settings too: older app versions wrote fewer fields, and the app fills in defaults. */
export const settingsArb = (base: Settings): fc.Arbitrary<Settings | null> =>
  fc.option(
    fc.subarray(Object.keys(base).filter((k) => k !== 'id')).map((keys) => {
      const row: Record<string, unknown> = { id: 'app' };
      for (const key of keys) row[key] = base[key as keyof Settings];
      return row as unknown as Settings;
    }),
    { nil: null },
  );

export const backupDataArb = (baseSettings: Settings): fc.Arbitrary<BackupData> =>
  fc.record({
    settings: settingsArb(baseSettings),
    timer: fc.option(timerArb, { nil: null }),
    tables: fc.record({
      goals: rowsOf(goalArb),
      initiatives: rowsOf(initiativeArb),
      leadEvents: rowsOf(leadEventArb),
      leads: rowsOf(leadArb),
      metricDefinitions: rowsOf(metricDefinitionArb),
      metricEntries: rowsOf(metricEntryArb),
      reports: rowsOf(reportArb),
      timeBoxes: rowsOf(timeBoxArb),
      timeEntries: rowsOf(timeEntryArb),
      wins: rowsOf(winArb),
    }),
  });
