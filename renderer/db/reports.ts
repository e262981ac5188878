/**
 * The report's reads and the saved reports.
 *
 * Reads: `readReportRows` reads exactly the rows `reportReadPlan` (shared/domain/report/frame.ts)
 * names, through the indexes, in ONE read transaction, so the report is computed from one
 * consistent state of the database and never from a whole table (initiatives and metric
 * definitions excepted: a few hundred rows in ten years, and the plan asks for all of them).
 *
 * Saved reports: a report is saved when it is exported, with its snapshot (the computed report
 * and the text as sent), so reopening it shows exactly what the manager received, whatever
 * changed since. Deletes return the row so the caller can offer undo.
 */
import type { Table } from 'dexie';
import { previousPeriod, resolvePeriod, type Period, type PeriodSpec } from '../../shared/domain/calendar';
import type { Goal, Initiative, Lead, LeadEvent, MetricDefinition, MetricEntry, SavedReport, TimeBox, TimeEntry, Win } from '../../shared/domain/model';
import { reportReadPlan, type InstantRange, type ReportInput, type ReportReadPlan, type ReportSettings } from '../../shared/domain/report';
import type { TwoHatsDatabase } from './database';
import { newId } from './time';

/** The rows a report is built from (ReportInput without its periods and settings). */
export interface ReportRows {
  entries: TimeEntry[];
  boxes: TimeBox[];
  leads: Lead[];
  leadEvents: LeadEvent[];
  initiatives: Initiative[];
  wins: Win[];
  metricDefinitions: MetricDefinition[];
  metricEntries: MetricEntry[];
  goals: Goal[];
}

/** Reads `[from, to)` over an index of instants; ranges from the plan are sorted and disjoint. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any key and insert type: only `where` is used
function instantRanges<T>(table: Table<T, any, any>, index: string,
  ranges: readonly InstantRange[],
): Promise<T[]> {
  return Promise.all(
    ranges.map((r) => (r.to === null ? table.where(index).aboveOrEqual(r.from).toArray() : table.where(index).between(r.from, r.to, true, false).toArray())),
  ).then((lists) => lists.flat());
}

/**
 * The rows `plan` names (see ReportReadPlan for why each range), in one read transaction:
 * - time entries and boxes by `start`; wins by `at`; metric rows by `period`; goals by `fiscalYear`;
 * - leads: created in range (`createdAt`), open now (`stage`), with an event in range (`at` on
 *   leadEvents, then the leads by id), and the leads of the initiatives those rows refer to or
 *   that overlap the period (`initiativeId`);
 * - every event of every lead read: the events from the plan's `at` range were read already; a
 *   lead created before that range also gets its earlier history by `[leadId+at]`. A lead created
 *   inside the range has no earlier event (events are never dated before their lead's creation:
 *   the forms refuse it, and goals.ts relies on it too), so it needs no second read.
 */
export async function readReportRows(db: TwoHatsDatabase, plan: ReportReadPlan): Promise<ReportRows> {
  const tables = [db.timeEntries, db.timeBoxes, db.leads, db.leadEvents, db.initiatives, db.wins, db.metricDefinitions, db.metricEntries, db.goals];
  return db.transaction('r', tables, async () => {
    const [entries, boxes, created, open, recentEvents, initiatives, wins, metricDefinitions, metricEntries, goals] = await Promise.all([
      instantRanges<TimeEntry>(db.timeEntries, 'start', plan.timeEntries),
      instantRanges<TimeBox>(db.timeBoxes, 'start', plan.timeBoxes),
      instantRanges<Lead>(db.leads, 'createdAt', plan.leadsCreated),
      // One getAll per value: anyOf() walks a cursor, which is slower on thousands of rows.
      Promise.all(plan.leadsInStages.map((stage) => db.leads.where('stage').equals(stage).toArray())).then((l) => l.flat()),
      instantRanges<LeadEvent>(db.leadEvents, 'at', plan.leadsWithEvents),
      db.initiatives.toArray(),
      instantRanges<Win>(db.wins, 'at', plan.wins),
      db.metricDefinitions.toArray(),
      Promise.all(plan.metricEntries.map((r) => db.metricEntries.where('period').between(r.from, r.to, true, true).toArray())).then((l) => l.flat()),
      Promise.all(plan.goalFiscalYears.map((year) => db.goals.where('fiscalYear').equals(year).toArray())).then((l) => l.flat()),
    ]);

    const leads = new Map<string, Lead>();
    for (const lead of created) leads.set(lead.id, lead);
    for (const lead of open) leads.set(lead.id, lead);
    const byEvent = [...new Set(recentEvents.map((e) => e.leadId))].filter((id) => !leads.has(id));
    for (const lead of await db.leads.bulkGet(byEvent)) if (lead) leads.set(lead.id, lead);

    // Rule 4: the lifetime leads of every initiative the rows above refer to, or that overlaps the period.
    const initiativeIds = new Set<string>();
    for (const lead of leads.values()) if (lead.initiativeId) initiativeIds.add(lead.initiativeId);
    for (const row of entries) if (row.initiativeId) initiativeIds.add(row.initiativeId);
    for (const row of boxes) if (row.initiativeId) initiativeIds.add(row.initiativeId);
    const over = plan.initiativesOverlapping;
    for (const i of initiatives) if (i.start < over.end && i.end > over.start) initiativeIds.add(i.id);
    const linked = await Promise.all([...initiativeIds].map((id) => db.leads.where('initiativeId').equals(id).toArray()));
    for (const lead of linked.flat()) if (!leads.has(lead.id)) leads.set(lead.id, lead);

    const eventsFrom = Math.min(...plan.leadsWithEvents.map((r) => r.from));
    const older = [...leads.values()].filter((lead) => lead.createdAt < eventsFrom);
    const histories = await Promise.all(
      older.map((lead) => db.leadEvents.where('[leadId+at]').between([lead.id, -Infinity], [lead.id, eventsFrom], true, false).toArray()),
    );
    return {
      entries,
      boxes,
      leads: [...leads.values()],
      leadEvents: [...histories.flat(), ...recentEvents],
      initiatives,
      wins,
      metricDefinitions,
      metricEntries,
      goals,
    };
  });
}

export interface ReportRequest {
  spec: PeriodSpec;
  settings: ReportSettings;
  timeZone: string;
  now: number;
}

/** Everything `buildReport` needs for `spec` as of `now`, read by the plan. */
export async function readReportInput(db: TwoHatsDatabase, { spec, settings, timeZone, now }: ReportRequest): Promise<ReportInput> {
  const period: Period = resolvePeriod(spec, timeZone, settings);
  const previous: Period = resolvePeriod(previousPeriod(spec, timeZone), timeZone, settings);
  const plan = reportReadPlan(period, previous, settings, timeZone, now, spec);
  const rows = await readReportRows(db, plan);
  return { ...rows, spec, period, previous, now, cutoff: Math.min(now, period.end), timeZone, settings };
}

// ---------------------------------------------------------------------------------------------
// Saved reports

export type SavedReportDraft = Omit<SavedReport, 'id' | 'createdAt'>;

export async function saveReport(db: TwoHatsDatabase, draft: SavedReportDraft, now: number): Promise<SavedReport> {
  const row: SavedReport = { ...draft, id: newId(), createdAt: now };
  await db.reports.add(row);
  return row;
}

/** The newest first, by the createdAt index; `limit` keeps a long history from being read whole. */
export function listReports(db: TwoHatsDatabase, limit = Infinity): Promise<SavedReport[]> {
  const query = db.reports.orderBy('createdAt').reverse();
  return (Number.isFinite(limit) ? query.limit(limit) : query).toArray();
}

export function countReports(db: TwoHatsDatabase): Promise<number> {
  return db.reports.count();
}

export function getReport(db: TwoHatsDatabase, id: string): Promise<SavedReport | undefined> {
  return db.reports.get(id);
}

/** Removes a saved report and returns it, for undo (`restoreReport`). */
export async function deleteReport(db: TwoHatsDatabase, id: string): Promise<SavedReport | undefined> {
  return db.transaction('rw', db.reports, async () => {
    const row = await db.reports.get(id);
    if (row) await db.reports.delete(id);
    return row;
  });
}

export async function restoreReport(db: TwoHatsDatabase, row: SavedReport): Promise<void> {
  await db.reports.put(row);
}
