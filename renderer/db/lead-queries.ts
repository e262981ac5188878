/**
 * Reads for the pipeline board and the lead list: every lead with the facts the views show (first
 * and last contact, when it entered its stage), computed with shared/domain from the lead events.
 *
 * Why not a plain `useLiveQuery`: the views need every lead and, for the last contact, every
 * event. With ten years of data (≈20,000 leads, ≈110,000 events) reading both tables takes about
 * 1.3 s in this project's test Chromium (see test/bench/leads.spec.ts): fine once, far too slow to
 * repeat after every stage change. So the rows are read once, kept in memory, and kept current
 * from Dexie's `storagemutated` event, which names the primary keys each committed transaction
 * touched (in this window and, through Dexie's BroadcastChannel, in others). Only the leads
 * concerned are read again, by primary key and the `[leadId+at]` index; a change Dexie reports as
 * a range (a clear, a bulk write of 50 rows or more) reads everything again. The data stay visible
 * while that happens.
 */
import Dexie, { RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie';
import { indexLeadEvents, type LeadEventIndex } from '../../shared/domain/leads';
import { leadListRow, type LeadListRow } from '../../shared/domain/lead-list';
import type { Lead, LeadEvent } from '../../shared/domain/model';
import type { TwoHatsDatabase } from './database';
import { leadHistory } from './leads';

type History = LeadEventIndex['byLead'] extends ReadonlyMap<string, infer H> ? H : never;

export interface LeadRowsData {
  /** One row per lead, in no particular order (the views sort). */
  readonly rows: readonly LeadListRow[];
  readonly byId: ReadonlyMap<string, LeadListRow>;
  /** Every lead's events, grouped and sorted: for the follow-up flags. */
  readonly events: LeadEventIndex;
}

export interface LeadRowsState {
  /** null until the first read has finished. */
  readonly data: LeadRowsData | null;
  /** The last read failed (the data, if any, are the last good ones). */
  readonly error: unknown;
}

// ---------------------------------------------------------------------------------------------
// Reads

/** Everything, in one read transaction. Returns the event → lead map too, for later deletions. */
/** Events are read in pages of this many, by primary key (see `readAllLeadRows`). */
const EVENT_PAGE = 8_000;

export async function readAllLeadRows(db: TwoHatsDatabase): Promise<{ data: LeadRowsData; eventLead: Map<string, string> }> {
  const started = performance.now();
  // One read transaction (a consistent snapshot), events in pages: each page is a task of its
  // own, so the window keeps drawing and answering between them instead of freezing for the
  // whole read (110,000 events at once block the main thread for about a second).
  const [leads, events] = await db.transaction('r', db.leads, db.leadEvents, async () => {
    const all: LeadEvent[] = [];
    const [rows] = await Promise.all([
      db.leads.toArray(),
      (async () => {
        let last: string | undefined;
        for (;;) {
          const page = await (last === undefined ? db.leadEvents.orderBy(':id') : db.leadEvents.where(':id').above(last)).limit(EVENT_PAGE).toArray();
          for (const event of page) all.push(event);
          if (page.length < EVENT_PAGE) break;
          last = page[page.length - 1]!.id;
        }
      })(),
    ]);
    return [rows, all] as const;
  });
  const read = performance.now();
  const index = indexLeadEvents(events);
  const eventLead = new Map<string, string>();
  for (const event of events) eventLead.set(event.id, event.leadId);
  const rows = leads.map((lead) => leadListRow(lead, index));
  // Read by test/bench/leads.spec.ts: what the first read of every lead costs, and where.
  performance.measure('twohats:leads-read', { start: started, end: read });
  performance.measure('twohats:leads-rows', { start: read, end: performance.now() });
  return { data: { rows, byId: new Map(rows.map((row) => [row.lead.id, row])), events: index }, eventLead };
}

/**
 * The data after the given leads and events changed: reads those leads (by primary key) and the
 * whole history of every lead concerned (by `[leadId+at]`), and recomputes only their rows.
 * `eventLead` (event id → lead id) is updated in place; it names the lead of a deleted event.
 */
export async function refreshLeadRows(
  db: TwoHatsDatabase,
  previous: LeadRowsData,
  eventLead: Map<string, string>,
  changed: { leadIds: Iterable<string>; eventIds: Iterable<string> },
): Promise<LeadRowsData> {
  const eventIds = [...new Set(changed.eventIds)];
  const { leadIds, leads, histories } = await db.transaction('r', db.leads, db.leadEvents, async () => {
    const concerned = new Set(changed.leadIds);
    const events = eventIds.length ? await db.leadEvents.bulkGet(eventIds) : [];
    eventIds.forEach((id, i) => {
      const event = events[i];
      const leadId = event?.leadId ?? eventLead.get(id);
      if (leadId !== undefined) concerned.add(leadId);
      if (!event) eventLead.delete(id);
    });
    const ids = [...concerned];
    const [rows, lists] = await Promise.all([db.leads.bulkGet(ids), Promise.all(ids.map((id) => leadHistory(db, id)))]);
    return { leadIds: ids, leads: rows, histories: lists };
  });
  if (leadIds.length === 0) return previous;

  const byLead = new Map<string, History>(previous.events.byLead);
  const byId = new Map(previous.byId);
  const replaced = new Map<string, LeadListRow | null>();
  leadIds.forEach((id, i) => {
    const history: LeadEvent[] = histories[i] ?? [];
    for (const event of history) eventLead.set(event.id, id);
    const own = indexLeadEvents(history).byLead.get(id);
    if (own) byLead.set(id, own);
    else byLead.delete(id);
    const lead: Lead | undefined = leads[i];
    if (!lead) {
      byId.delete(id);
      replaced.set(id, null);
      return;
    }
    const row = leadListRow(lead, { byLead });
    byId.set(id, row);
    replaced.set(id, row);
  });
  // Keep the order of the rows already there; new leads go at the end.
  const rows: LeadListRow[] = [];
  for (const row of previous.rows) {
    const next = replaced.get(row.lead.id);
    if (next === undefined) rows.push(row);
    else if (next !== null) rows.push(next);
    replaced.delete(row.lead.id);
  }
  for (const next of replaced.values()) if (next) rows.push(next);
  return { rows, byId, events: { byLead } };
}

// ---------------------------------------------------------------------------------------------
// What a committed transaction changed

export type LeadChanges = { all: true } | { all: false; leadIds: Set<string>; eventIds: Set<string> };

/**
 * The leads and events a `storagemutated` notification names, or `{ all: true }` when it names a
 * range rather than keys (a clear, a bulk write, a database just created). null: neither table.
 */
export function leadChangesOf(parts: ObservabilitySet, dbName: string): LeadChanges | null {
  const leads = keysOf(parts[`idb://${dbName}/leads/`]);
  const events = keysOf(parts[`idb://${dbName}/leadEvents/`]);
  if (leads === null && events === null) return null;
  if (leads === 'range' || events === 'range') return { all: true };
  return { all: false, leadIds: leads ?? new Set(), eventIds: events ?? new Set() };
}

function keysOf(tree: IntervalTree | undefined): Set<string> | 'range' | null {
  if (!tree || tree.d === 0) return null;
  const keys = new Set<string>();
  // RangeSet(tree) wraps the plain tree (as it arrives from another window) to iterate it.
  for (const node of RangeSet(tree)) {
    if (typeof node.from !== 'string' || node.from !== node.to) return 'range';
    keys.add(node.from);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// The store the views subscribe to (useSyncExternalStore)

/** Memory is given back this long after the last view closed; reopening within it is instant. */
const KEEP_MS = 30 * 60_000;

export class LeadRowsStore {
  private state: LeadRowsState = { data: null, error: null };
  private readonly listeners = new Set<() => void>();
  private eventLead = new Map<string, string>();
  private pending: { all: boolean; leadIds: Set<string>; eventIds: Set<string> } | null = null;
  private running = false;
  private listening = false;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: TwoHatsDatabase,
    private readonly keepMs = KEEP_MS,
  ) {}

  readonly getSnapshot = (): LeadRowsState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    clearTimeout(this.releaseTimer);
    if (!this.listening) {
      this.listening = true;
      Dexie.on('storagemutated', this.onMutated);
      this.request({ all: true });
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.releaseTimer = setTimeout(this.release, this.keepMs);
    };
  };

  /** Reads everything again (after an error, say). */
  reload(): void {
    this.request({ all: true });
  }

  /** Stops listening and forgets the rows. */
  readonly release = (): void => {
    clearTimeout(this.releaseTimer);
    if (this.listening) Dexie.on('storagemutated').unsubscribe(this.onMutated);
    this.listening = false;
    this.pending = null;
    this.eventLead = new Map();
    this.state = { data: null, error: null };
  };

  /** Resolves once every change heard so far has been read (for tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.running || this.pending) await new Promise((resolve) => setTimeout(resolve, 1));
  }

  private readonly onMutated = (parts: ObservabilitySet): void => {
    const changes = leadChangesOf(parts, this.db.name);
    if (changes) this.request(changes);
  };

  private request(changes: LeadChanges): void {
    const pending = (this.pending ??= { all: false, leadIds: new Set(), eventIds: new Set() });
    if (changes.all) pending.all = true;
    else {
      for (const id of changes.leadIds) pending.leadIds.add(id);
      for (const id of changes.eventIds) pending.eventIds.add(id);
    }
    if (!this.running) void this.drain();
  }

  /** One read at a time; changes heard meanwhile are merged and read next (re-reading is idempotent). */
  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending && this.listening) {
        const work = this.pending;
        this.pending = null;
        try {
          const current = this.state.data;
          if (work.all || !current) {
            const { data, eventLead } = await readAllLeadRows(this.db);
            if (!this.listening) return;
            this.eventLead = eventLead;
            this.set({ data, error: null });
          } else {
            const data = await refreshLeadRows(this.db, current, this.eventLead, work);
            if (!this.listening) return;
            if (data !== current || this.state.error) this.set({ data, error: null });
          }
        } catch (error) {
          console.error(error);
          this.set({ data: this.state.data, error });
        }
      }
    } finally {
      this.running = false;
    }
  }

  private set(state: LeadRowsState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<TwoHatsDatabase, LeadRowsStore>();

/** The one store of a database, shared by the board and the list. */
export function leadRowsStore(db: TwoHatsDatabase): LeadRowsStore {
  let store = stores.get(db);
  if (!store) {
    store = new LeadRowsStore(db);
    stores.set(db, store);
  }
  return store;
}

// ---------------------------------------------------------------------------------------------
// Undo of a stage change made on the board

const STAGE_FIELDS = ['stage', 'value', 'decisionMoment', 'lossReason', 'lesson', 'dropReason'] as const;

/**
 * Takes back a stage change as if it had not happened: deletes the stage event it wrote and puts
 * back the fields the change set. A move and a move back would instead leave both in the history,
 * and a lead moved out of 'new' by mistake would keep a first contact that never was.
 * Refuses (returns false, changes nothing) when the lead changed stage or was edited since.
 * (A write among the reads because the board's undo is its only user; it belongs with
 * `changeStage` in leads.ts.)
 */
export async function undoStageChange(db: TwoHatsDatabase, before: Lead, after: Lead): Promise<boolean> {
  return db.transaction('rw', db.leads, db.leadEvents, async () => {
    const current = await db.leads.get(after.id);
    if (!current || current.stage !== after.stage || current.updatedAt !== after.updatedAt) return false;
    const history = await leadHistory(db, after.id);
    let last: LeadEvent | undefined;
    for (const event of history) if (event.type === 'stage') last = event;
    if (!last || last.type !== 'stage' || last.to !== after.stage || last.from !== before.stage) return false;
    const restored: Record<string, unknown> = { ...current, updatedAt: before.updatedAt };
    for (const field of STAGE_FIELDS) {
      if (before[field] === undefined) delete restored[field];
      else restored[field] = before[field];
    }
    await db.leadEvents.delete(last.id);
    await db.leads.put(restored as unknown as Lead);
    return true;
  });
}
