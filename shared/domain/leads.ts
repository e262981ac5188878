/**
 * "Track leads by source": the lead figures of DOMAIN.md's Definitions, computed from the lead
 * rows and their event history.
 *
 * The history (LeadEvent rows) is the truth; `Lead.stage` is a cache of its last stage event.
 * Writers are expected to record every stage change, creation included (`from: null`), but
 * figures must survive a history that is incomplete, so two gaps are filled the same way
 * everywhere (see `leadFacts`):
 * - a lead with no stage event at all has been in `Lead.stage` since it was created;
 * - a history whose first event starts from a stage other than 'new' had the lead in that stage
 *   since creation.
 *
 * Events may arrive in any order: they are sorted by instant, and events at the same instant keep
 * the order they were given in (the order they were written).
 *
 * Instants are epoch ms; periods are half-open `[start, end)`; the user's time zone is an explicit
 * argument wherever the calendar matters (only business time needs it); nothing reads the clock.
 */
import { addDaysToKey, dayContaining, dayKey, daysBetweenKeys, DAY_MS, HOUR_MS } from './calendar';
import type { DayKey, Period } from './calendar';
import { DEFAULT_SOURCE_ORIGINS, DEFAULT_STAGE_PROBABILITIES, OPEN_STAGES, OPPORTUNITY_STAGES, SOURCE_IDS } from './model';
import type { Lead, LeadEvent, LeadStage, SourceId, SourceOrigin } from './model';
import { ratio } from './ratio';
import type { Ratio } from './ratio';

export type StageEvent = Extract<LeadEvent, { type: 'stage' }>;
export type ContactEvent = Extract<LeadEvent, { type: 'contact' }>;

/** Per-source origin, as in Settings; a source missing from the map takes its default origin. */
export type SourceOrigins = Readonly<Partial<Record<SourceId, SourceOrigin>>>;
/** Per-stage win probability (0–1), as in Settings; a missing stage takes its default. */
export type StageProbabilities = Readonly<Partial<Record<LeadStage, number>>>;

/** Stages that end a deal as lost. A dropped opportunity is a deal that ended without a win. */
export const CLOSED_LOST_STAGES: readonly LeadStage[] = ['lost', 'dropped'];
/** Stages in which an opportunity is still open and counts in the pipeline. */
export const PIPELINE_STAGES: readonly LeadStage[] = ['opportunity', 'proposal'];

const isOpportunityStage = (stage: LeadStage | null): boolean => stage !== null && OPPORTUNITY_STAGES.includes(stage);
const isOpenStage = (stage: LeadStage): boolean => OPEN_STAGES.includes(stage);

export function inPeriod(instant: number, period: Period): boolean {
  return instant >= period.start && instant < period.end;
}

// ---------------------------------------------------------------------------------------------
// One lead's history

function byTime<T extends { at: number }>(events: readonly T[]): T[] {
  // Array.prototype.sort is stable, so events at the same instant keep their given order.
  return [...events].sort((a, b) => a.at - b.at);
}

function stageEventsOf(events: readonly LeadEvent[]): StageEvent[] {
  return byTime(events.filter((e): e is StageEvent => e.type === 'stage'));
}

function contactTimesOf(events: readonly LeadEvent[]): number[] {
  return events
    .filter((e) => e.type === 'contact')
    .map((e) => e.at)
    .sort((a, b) => a - b);
}

/** The stage in effect at `instant` from time-sorted stage events (inclusive: a move AT it counts). */
function stageInSorted(sorted: readonly StageEvent[], instant: number, inclusive: boolean): LeadStage {
  // Before its first event the lead was where that event took it from; a lead starts as 'new'.
  let stage: LeadStage = sorted[0]?.from ?? 'new';
  for (const event of sorted) {
    if (inclusive ? event.at > instant : event.at >= instant) break;
    stage = event.to;
  }
  return stage;
}

/**
 * Index of the first sorted event at which the lead is known to be an opportunity: one that
 * reaches opportunity, proposal or won, or a first event that starts from one. -1 if never.
 */
function opportunityIndex(sorted: readonly StageEvent[]): number {
  return sorted.findIndex((e, i) => isOpportunityStage(e.to) || (i === 0 && isOpportunityStage(e.from)));
}

function outcomeOf(stage: LeadStage): DealOutcome | null {
  if (stage === 'won') return 'won';
  return CLOSED_LOST_STAGES.includes(stage) ? 'lost' : null;
}

export type DealOutcome = 'won' | 'lost';

/** How and when a deal closed. */
export interface DealClose {
  at: number;
  outcome: DealOutcome;
  event: StageEvent;
}

function dealCloseSorted(sorted: readonly StageEvent[]): DealClose | null {
  const last = sorted[sorted.length - 1];
  if (!last) return null;
  const outcome = outcomeOf(last.to);
  if (outcome === null) return null;
  // The deal closed when the final run of same-outcome events began: lost → dropped is still
  // the loss on the day it was lost, and a repeated 'won' keeps the first date.
  let first = sorted.length - 1;
  while (first > 0 && outcomeOf((sorted[first - 1] as StageEvent).to) === outcome) first--;
  // A won run starts with a move to won, itself an opportunity stage; a lost run holds none, so
  // any opportunity the history shows came before the loss.
  if (opportunityIndex(sorted) < 0) return null;
  const event = sorted[first] as StageEvent;
  return { at: event.at, outcome, event };
}

function firstContactSorted(stages: readonly StageEvent[], contacts: readonly number[]): number | null {
  const move = stages.find((e, i) => e.to !== 'new' || (i === 0 && e.from !== null && e.from !== 'new'));
  const contact = contacts[0];
  if (move === undefined) return contact ?? null;
  return contact === undefined ? move.at : Math.min(move.at, contact);
}

/**
 * The stage at `instant` (a move at exactly `instant` has happened), from the stage events of one
 * lead, in any order. Before the first event: the stage that event left, or 'new'. Pass a leadId
 * to pick one lead's events out of all events.
 */
export function stageAt(events: readonly LeadEvent[], instant: number): LeadStage;
export function stageAt(events: readonly LeadEvent[], leadId: string, instant: number): LeadStage;
export function stageAt(events: readonly LeadEvent[], a: number | string, b?: number): LeadStage {
  const own = typeof a === 'string' ? events.filter((e) => e.leadId === a) : events;
  const instant = typeof a === 'string' ? (b as number) : a;
  return stageInSorted(stageEventsOf(own), instant, true);
}

/**
 * When the lead first became an opportunity: the first move to opportunity, proposal or won,
 * skipped stages included (new → won counts). null if it never did. Events of one lead.
 */
export function becameOpportunityAt(events: readonly LeadEvent[]): number | null {
  const sorted = stageEventsOf(events);
  const i = opportunityIndex(sorted);
  return i < 0 ? null : (sorted[i] as StageEvent).at;
}

/**
 * How the deal ended, from the events of one lead: won, or lost/dropped after having been an
 * opportunity. null while the deal is open, for a lead lost or dropped without ever being an
 * opportunity (a lost lead, not a lost deal), and for a deal reopened after closing (its last
 * stage is open again): the final outcome counts, so correcting a mistaken 'won' fixes old
 * reports too.
 */
export function dealClose(events: readonly LeadEvent[]): DealClose | null {
  return dealCloseSorted(stageEventsOf(events));
}

/** The stage event that closed the deal (see `dealClose`), or null. */
export function closingEvent(events: readonly LeadEvent[]): StageEvent | null {
  return dealClose(events)?.event ?? null;
}

/** When the deal closed (see `dealClose`), or null. */
export function closedAt(events: readonly LeadEvent[]): number | null {
  return dealClose(events)?.at ?? null;
}

/**
 * First contact: the earliest of the first contact-log event and the first move out of 'new'
 * (a lead created straight into a later stage was evidently in contact when it was created).
 * null if neither has happened. Events of one lead.
 */
export function firstContactAt(events: readonly LeadEvent[]): number | null {
  return firstContactSorted(stageEventsOf(events), contactTimesOf(events));
}

// ---------------------------------------------------------------------------------------------
// Many leads: an index of events by lead, so a figure over 20,000 leads is one pass, not n × m.

interface LeadHistory {
  /** Stage events in time order. */
  readonly stages: readonly StageEvent[];
  /** Contact-log instants in time order. */
  readonly contacts: readonly number[];
}

/** Events grouped by lead and sorted, for passing to many per-lead calls or several figures. */
export interface LeadEventIndex {
  readonly byLead: ReadonlyMap<string, LeadHistory>;
}

/** Anything that holds the events: the raw rows, or an index of them built once. */
export type LeadEventsInput = readonly LeadEvent[] | LeadEventIndex;

const NO_HISTORY: LeadHistory = { stages: [], contacts: [] };

export function indexLeadEvents(events: readonly LeadEvent[]): LeadEventIndex {
  const grouped = new Map<string, LeadEvent[]>();
  for (const event of events) {
    const list = grouped.get(event.leadId);
    if (list) list.push(event);
    else grouped.set(event.leadId, [event]);
  }
  const byLead = new Map<string, LeadHistory>();
  for (const [leadId, list] of grouped) byLead.set(leadId, { stages: stageEventsOf(list), contacts: contactTimesOf(list) });
  return { byLead };
}

/** The index of `events`, building it only when given the raw rows. */
export function toIndex(events: LeadEventsInput): LeadEventIndex {
  return 'byLead' in events ? events : indexLeadEvents(events);
}

function historyOf(leadId: string, events: LeadEventsInput): LeadHistory {
  if ('byLead' in events) return events.byLead.get(leadId) ?? NO_HISTORY;
  const own = events.filter((e) => e.leadId === leadId);
  return { stages: stageEventsOf(own), contacts: contactTimesOf(own) };
}

/** What every lead figure needs to know about one lead, worked out once. */
export interface LeadFacts {
  readonly lead: Lead;
  /** Stage events in time order, with the lead's creation filled in where the history lacks it. */
  readonly stages: readonly StageEvent[];
  readonly contacts: readonly number[];
  readonly opportunityAt: number | null;
  readonly close: DealClose | null;
  readonly firstContactAt: number | null;
}

function creationEvent(lead: Lead, at: number, to: LeadStage): StageEvent {
  return { id: `${lead.id}#created`, leadId: lead.id, at, type: 'stage', from: null, to };
}

/** Fills the two gaps described in the module comment. */
function withCreation(lead: Lead, sorted: readonly StageEvent[]): readonly StageEvent[] {
  const first = sorted[0];
  if (!first) return [creationEvent(lead, lead.createdAt, lead.stage)];
  if (first.from !== null && first.from !== 'new') {
    return [creationEvent(lead, Math.min(lead.createdAt, first.at), first.from), ...sorted];
  }
  return sorted;
}

/** The facts of one lead; `events` may hold every lead's events (pass an index when calling often). */
export function leadFacts(lead: Lead, events: LeadEventsInput): LeadFacts {
  const history = historyOf(lead.id, events);
  const stages = withCreation(lead, history.stages);
  const i = opportunityIndex(stages);
  return {
    lead,
    stages,
    contacts: history.contacts,
    opportunityAt: i < 0 ? null : (stages[i] as StageEvent).at,
    close: dealCloseSorted(stages),
    firstContactAt: firstContactSorted(stages, history.contacts),
  };
}

/** The lead's stage at `instant`, or null before it was created. */
export function leadStageAt(lead: Lead, events: LeadEventsInput, instant: number): LeadStage | null {
  if (instant < lead.createdAt) return null;
  return stageInSorted(leadFacts(lead, events).stages, instant, true);
}

function allFacts(leads: readonly Lead[], events: LeadEventsInput): LeadFacts[] {
  const index = toIndex(events);
  return leads.map((lead) => leadFacts(lead, index));
}

// ---------------------------------------------------------------------------------------------
// Business time (DOMAIN.md): Monday–Friday in the user's zone, each a whole 24 h; Saturday and
// Sunday add nothing. A weekday that DST makes 23 or 25 h long still counts 24 h, spread evenly
// over its real length, so business time is continuous, never runs backwards and can be inverted
// exactly. Where the clocks change on a weekend (Europe, the Americas) or never (Japan), every
// weekday is 24 h and business time is plain elapsed time on weekdays.

function weekdayOfKey(key: DayKey): number {
  return new Date(`${key}T00:00:00Z`).getUTCDay();
}

/** Monday–Friday days among the `count` calendar days starting at `from`. */
function weekdaysIn(from: DayKey, count: number): number {
  if (count <= 0) return 0;
  const start = weekdayOfKey(from);
  let weekdays = Math.floor(count / 7) * 5;
  for (let i = 0; i < count % 7; i++) {
    const weekday = (start + i) % 7;
    if (weekday !== 0 && weekday !== 6) weekdays++;
  }
  return weekdays;
}

interface LocalDay extends Period {
  key: DayKey;
  weekend: boolean;
}

// Finding a local day's bounds costs ~30 µs of zone arithmetic, and an SLA figure over thousands
// of leads walks the same few hundred days again and again, so days are remembered per zone.
// The cache holds only what the pure calendar functions return; clearing it changes no result.
const dayCache = new Map<string, LocalDay>();
const DAY_CACHE_LIMIT = 20_000;

function localDay(key: DayKey, timeZone: string, inside: number): LocalDay {
  const cacheKey = `${timeZone}|${key}`;
  let day = dayCache.get(cacheKey);
  if (!day) {
    const { start, end } = dayContaining(inside, timeZone);
    const weekday = weekdayOfKey(key);
    day = { start, end, key, weekend: weekday === 0 || weekday === 6 };
    if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
    dayCache.set(cacheKey, day);
  }
  return day;
}

const dayAround = (instant: number, timeZone: string): LocalDay => localDay(dayKey(instant, timeZone), timeZone, instant);
const dayAfter = (day: LocalDay, timeZone: string): LocalDay => localDay(addDaysToKey(day.key, 1), timeZone, day.end);

function assertInstant(instant: number, name: string): void {
  if (!Number.isFinite(instant)) throw new RangeError(`${name} is not an instant: ${instant}`);
}

/**
 * The instant `ms` of business time after `start`. When the result falls where business time
 * stands still (a Friday midnight, a weekend), it is the LAST such instant, the next business
 * day's start: nothing is late until business time has passed, so contacting on Saturday is
 * within a deadline that "ran out" at Friday 24:00. Hence Saturday 10:00 + 24 h = Tuesday 00:00,
 * Friday 15:00 + 24 h = Monday 15:00, Friday 00:00 + 24 h = Monday 00:00.
 */
export function addBusinessTime(start: number, ms: number, timeZone: string): number {
  assertInstant(start, 'start');
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Business time must be ≥ 0, got ${ms}`);
  let t = start;
  let remaining = ms;
  for (let day = dayAround(start, timeZone); ; day = dayAfter(day, timeZone)) {
    if (!day.weekend) {
      const length = day.end - day.start;
      const left = ((day.end - t) * DAY_MS) / length;
      if (remaining < left) return Math.round(t + (remaining * length) / DAY_MS);
      remaining -= left;
    }
    t = day.end;
  }
}

/** Business time from `a` to `b` in ms (0 when `b` is not after `a`). Inverse of `addBusinessTime`. */
export function businessMsBetween(a: number, b: number, timeZone: string): number {
  assertInstant(a, 'a');
  assertInstant(b, 'b');
  if (b <= a) return 0;
  const share = (day: LocalDay, from: number, to: number) => (day.weekend ? 0 : ((to - from) * DAY_MS) / (day.end - day.start));
  const first = dayAround(a, timeZone);
  if (b <= first.end) return Math.round(share(first, a, b));
  const last = dayAround(b, timeZone);
  const between = daysBetweenKeys(first.key, last.key) - 1;
  const whole = weekdaysIn(addDaysToKey(first.key, 1), between) * DAY_MS;
  return Math.round(share(first, a, first.end) + whole + share(last, last.start, b));
}

// ---------------------------------------------------------------------------------------------
// Follow-up: SLA and stale leads

/** When the lead must have had its first contact: creation + the SLA in business time. */
export function followUpDueAt(lead: Pick<Lead, 'createdAt'>, slaHours: number, timeZone: string): number {
  return addBusinessTime(lead.createdAt, slaHours * HOUR_MS, timeZone);
}

/**
 * Whether, at `now`, the lead has had no first contact and its follow-up is past due. Only a lead
 * still in 'new' can be: any move out of it is a first contact.
 */
export function isOverdueForFirstContact(
  lead: Lead,
  events: LeadEventsInput,
  slaHours: number,
  now: number,
  timeZone: string,
): boolean {
  const contact = leadFacts(lead, events).firstContactAt;
  if (contact !== null && contact <= now) return false;
  return now > followUpDueAt(lead, slaHours, timeZone);
}

/**
 * The last time anyone was in touch, as of `asOf`: the latest contact-log event, or the first
 * contact if it is later (a move out of 'new' is a contact by DOMAIN.md's definition), or the
 * lead's creation. Later stage moves are not contacts: they record a decision, not a conversation.
 */
export function lastContactAt(lead: Lead, events: LeadEventsInput, asOf = Infinity): number {
  return lastContactOf(leadFacts(lead, events), asOf);
}

function lastContactOf(facts: LeadFacts, asOf: number): number {
  let last = facts.lead.createdAt;
  for (const at of facts.contacts) if (at <= asOf && at > last) last = at;
  const first = facts.firstContactAt;
  if (first !== null && first <= asOf && first > last) last = first;
  return last;
}

/**
 * Stale: open (new, contacted, opportunity or proposal) at `now`, and no contact for at least
 * `staleDays` × 24 h (see `lastContactAt`). Elapsed time, not calendar days: the list of leads to
 * drop does not need the calendar, and a day either way does not change the advice.
 */
export function isStale(lead: Lead, events: LeadEventsInput, staleDays: number, now: number): boolean {
  if (now < lead.createdAt) return false;
  const facts = leadFacts(lead, events);
  if (!isOpenStage(stageInSorted(facts.stages, now, true))) return false;
  return now - lastContactOf(facts, now) >= staleDays * DAY_MS;
}

// ---------------------------------------------------------------------------------------------
// Origin

/**
 * The origin of a source: the user's setting, else the default. A source this version does not
 * know (data from a newer one) is treated like 'other'.
 */
export function originOf(source: SourceId, sourceOrigins: SourceOrigins): SourceOrigin {
  return sourceOrigins[source] ?? DEFAULT_SOURCE_ORIGINS[source] ?? DEFAULT_SOURCE_ORIGINS.other;
}

/** Marketing-sourced: the source is of marketing origin, or the lead is linked to an initiative. */
export function isMarketingSourced(lead: Pick<Lead, 'source' | 'initiativeId'>, sourceOrigins: SourceOrigins): boolean {
  if (lead.initiativeId !== undefined && lead.initiativeId !== '') return true;
  return originOf(lead.source, sourceOrigins) === 'marketing';
}

// ---------------------------------------------------------------------------------------------
// Period figures

/**
 * 商談化率: leads created in `period` that are opportunities by `cutoff` / leads created in
 * `period`. `cutoff` is min(now, the report's cut-off); a lead created after it is not counted
 * at all, since the report could not have known it.
 */
export function leadToOpportunityRate(
  leads: readonly Lead[],
  events: LeadEventsInput,
  period: Period,
  cutoff: number,
): Ratio {
  const index = toIndex(events);
  let created = 0;
  let opportunities = 0;
  for (const lead of leads) {
    if (!inPeriod(lead.createdAt, period) || lead.createdAt > cutoff) continue;
    created++;
    const at = leadFacts(lead, index).opportunityAt;
    if (at !== null && at <= cutoff) opportunities++;
  }
  return ratio(opportunities, created);
}

/** 成約率: deals won in `period` / deals closed in `period` (won, or lost after being an opportunity), by closing date. */
export function winRate(leads: readonly Lead[], events: LeadEventsInput, period: Period): Ratio {
  let won = 0;
  let closed = 0;
  for (const { close } of allFacts(leads, events)) {
    if (close === null || !inPeriod(close.at, period)) continue;
    closed++;
    if (close.outcome === 'won') won++;
  }
  return ratio(won, closed);
}

export interface SlaResult extends Ratio {
  /** Leads of the period not yet contacted and not yet due: neither met nor missed so far. */
  readonly pending: number;
}

/**
 * SLA met: leads created in `period` (and by `now`) whose first contact came within the SLA in
 * business time / those that were contacted or are already past due at `now`.
 */
export function slaMet(
  leads: readonly Lead[],
  events: LeadEventsInput,
  period: Period,
  slaHours: number,
  timeZone: string,
  now: number,
): SlaResult {
  const index = toIndex(events);
  let met = 0;
  let counted = 0;
  let pending = 0;
  for (const lead of leads) {
    if (!inPeriod(lead.createdAt, period) || lead.createdAt > now) continue;
    const contact = leadFacts(lead, index).firstContactAt;
    const due = followUpDueAt(lead, slaHours, timeZone);
    if (contact !== null && contact <= now) {
      counted++;
      if (contact <= due) met++;
    } else if (now > due) counted++;
    else pending++;
  }
  return { ...ratio(met, counted), pending };
}

/** A lead's value, or null when it has none (or an unusable one). */
function dealValue(lead: Lead): number | null {
  return lead.value !== undefined && Number.isFinite(lead.value) ? lead.value : null;
}

export interface PipelineSum {
  /** Sum of values, in the currency's minor unit. */
  plain: number;
  /** Sum of value × the stage's win probability, rounded to the minor unit. */
  weighted: number;
  /** Open opportunities counted. */
  count: number;
  /** Of those, how many have no value (counted as 0): the UI warns that the sum is short. */
  missingValue: number;
}

/**
 * Marketing-sourced pipeline: opportunities from marketing-sourced leads that are open
 * (opportunity or proposal) at the end of `period`, or at `now` if that is earlier. Values are the
 * leads' current values: the history does not record how a value changed.
 */
export function marketingPipeline(
  leads: readonly Lead[],
  events: LeadEventsInput,
  period: Period,
  now: number,
  sourceOrigins: SourceOrigins,
  stageProbabilities: StageProbabilities = DEFAULT_STAGE_PROBABILITIES,
): PipelineSum {
  // The end of a half-open period is the next period's first instant: a move at exactly that
  // instant belongs to the next period, a move at exactly `now` has happened.
  const inclusive = now < period.end;
  const instant = inclusive ? now : period.end;
  const index = toIndex(events);
  let plain = 0;
  let weighted = 0;
  let count = 0;
  let missingValue = 0;
  for (const lead of leads) {
    if (!isMarketingSourced(lead, sourceOrigins)) continue;
    if (inclusive ? lead.createdAt > instant : lead.createdAt >= instant) continue;
    const stage = stageInSorted(leadFacts(lead, index).stages, instant, inclusive);
    if (!PIPELINE_STAGES.includes(stage)) continue;
    count++;
    const value = dealValue(lead);
    if (value === null) {
      missingValue++;
      continue;
    }
    plain += value;
    weighted += value * (stageProbabilities[stage] ?? DEFAULT_STAGE_PROBABILITIES[stage]);
  }
  return { plain, weighted: Math.round(weighted), count, missingValue };
}

export interface RevenueSum {
  /** Sum of the won deals' values, in the currency's minor unit. */
  revenue: number;
  deals: number;
  /** Won deals without a value (counted as 0). */
  missingValue: number;
}

function wonIn(facts: LeadFacts, period: Period | undefined): boolean {
  const close = facts.close;
  return close !== null && close.outcome === 'won' && (period === undefined || inPeriod(close.at, period));
}

/** Marketing-sourced revenue: the value of deals won in `period` from marketing-sourced leads. */
export function marketingRevenue(
  leads: readonly Lead[],
  events: LeadEventsInput,
  period: Period,
  sourceOrigins: SourceOrigins,
): RevenueSum {
  const marketing = leads.filter((lead) => isMarketingSourced(lead, sourceOrigins));
  return revenueOf(allFacts(marketing, events).filter((f) => wonIn(f, period)));
}

function revenueOf(won: readonly LeadFacts[]): RevenueSum {
  let revenue = 0;
  let missingValue = 0;
  for (const { lead } of won) {
    const value = dealValue(lead);
    if (value === null) missingValue++;
    else revenue += value;
  }
  return { revenue, deals: won.length, missingValue };
}

export interface DaysToWon {
  /** Median days (24 h, fractional) from creation to the won event; null with no won deal. */
  medianDays: number | null;
  count: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Days to won, as a median by source and overall, over the deals won in `period` (all won deals
 * when no period is given). Days are elapsed 24 h units, fractional; a won event dated before the
 * lead's creation (a mistyped date) counts as 0 days rather than a negative duration.
 */
export function medianDaysToWon(
  leads: readonly Lead[],
  events: LeadEventsInput,
  period?: Period,
): { overall: DaysToWon; bySource: Record<SourceId, DaysToWon> } {
  const days = new Map<SourceId, number[]>();
  const all: number[] = [];
  for (const facts of allFacts(leads, events)) {
    if (!wonIn(facts, period)) continue;
    const d = Math.max(0, (facts.close as DealClose).at - facts.lead.createdAt) / DAY_MS;
    all.push(d);
    const list = days.get(facts.lead.source);
    if (list) list.push(d);
    else days.set(facts.lead.source, [d]);
  }
  const bySource = {} as Record<SourceId, DaysToWon>;
  for (const source of new Set<SourceId>([...SOURCE_IDS, ...days.keys()])) {
    const list = days.get(source) ?? [];
    bySource[source] = { medianDays: median(list), count: list.length };
  }
  return { overall: { medianDays: median(all), count: all.length }, bySource };
}

// ---------------------------------------------------------------------------------------------
// Breakdowns

/**
 * One group's figures for a period. Leads and opportunities follow the cohort (leads created in
 * the period, opportunities by the cut-off), so `leadToOpportunity` is the group's 商談化率;
 * closed, won and revenue follow the closing date, like 成約率 and marketing-sourced revenue, so
 * the groups' revenue adds up to the headline figures.
 */
export interface BreakdownRow {
  leads: number;
  opportunities: number;
  leadToOpportunity: Ratio;
  closed: number;
  won: number;
  winRate: Ratio;
  revenue: number;
  /** Won deals without a value (counted as 0 in revenue). */
  missingValue: number;
}

export interface SourceBreakdownRow extends BreakdownRow {
  source: SourceId;
  origin: SourceOrigin;
}

export interface InitiativeBreakdownRow extends BreakdownRow {
  /** null: leads linked to no initiative. */
  initiativeId: string | null;
}

interface Tally {
  leads: number;
  opportunities: number;
  closed: number;
  won: number;
  revenue: number;
  missingValue: number;
}

const emptyTally = (): Tally => ({ leads: 0, opportunities: 0, closed: 0, won: 0, revenue: 0, missingValue: 0 });

function tallyBy<K>(
  leads: readonly Lead[],
  events: LeadEventsInput,
  period: Period,
  cutoff: number,
  keyOf: (lead: Lead) => K,
  tallies: Map<K, Tally>,
): Map<K, Tally> {
  for (const facts of allFacts(leads, events)) {
    const { lead, close, opportunityAt } = facts;
    const created = inPeriod(lead.createdAt, period) && lead.createdAt <= cutoff;
    const closed = close !== null && inPeriod(close.at, period);
    if (!created && !closed) continue;
    const key = keyOf(lead);
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = emptyTally()));
    if (created) {
      tally.leads++;
      if (opportunityAt !== null && opportunityAt <= cutoff) tally.opportunities++;
    }
    if (closed) {
      tally.closed++;
      if (close.outcome === 'won') {
        tally.won++;
        const value = dealValue(lead);
        if (value === null) tally.missingValue++;
        else tally.revenue += value;
      }
    }
  }
  return tallies;
}

function rowOf(t: Tally): BreakdownRow {
  return { ...t, leadToOpportunity: ratio(t.opportunities, t.leads), winRate: ratio(t.won, t.closed) };
}

/**
 * Figures per source for `period`, one row for every source in the fixed SOURCE_IDS order (the UI
 * hides empty rows), plus a row for any unknown source found in the data.
 */
export function breakdownBySource(
  leads: readonly Lead[],
  events: LeadEventsInput,
  period: Period,
  cutoff: number,
  sourceOrigins: SourceOrigins = DEFAULT_SOURCE_ORIGINS,
): SourceBreakdownRow[] {
  const tallies = new Map<SourceId, Tally>(SOURCE_IDS.map((s) => [s, emptyTally()]));
  tallyBy(leads, events, period, cutoff, (lead) => lead.source, tallies);
  return [...tallies].map(([source, t]) => ({
    source,
    origin: originOf(source, sourceOrigins),
    ...rowOf(t),
  }));
}

/**
 * Figures per initiative for `period`: only initiatives with something in the period, ordered by
 * id, then the leads linked to none (initiativeId null) last.
 */
export function breakdownByInitiative(
  leads: readonly Lead[],
  events: LeadEventsInput,
  period: Period,
  cutoff: number,
): InitiativeBreakdownRow[] {
  const tallies = tallyBy(leads, events, period, cutoff, (lead) => lead.initiativeId || null, new Map<string | null, Tally>());
  return [...tallies]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([initiativeId, t]) => ({ initiativeId, ...rowOf(t) }));
}
