/**
 * The pipeline views (the board by stage and the list of leads) as pure functions: one row per
 * lead with the facts the views show, the list's filter and sort, the board's columns and their
 * totals, and the follow-up flags. Every fact comes from `leads.ts` (the definitions of
 * DOMAIN.md); nothing here re-derives them.
 *
 * Built for 20,000 leads: a row is computed once per lead (and again only when that lead or its
 * history changes), the text a lead is found by is normalised once, the list is sorted once per
 * sort order and only filtered while the user types (filtering a sorted array keeps its order).
 */
import { DAY_MS } from './calendar';
import { isMarketingSourced, isOverdueForFirstContact, isStale, lastContactAt, leadFacts } from './leads';
import type { LeadEventIndex, SourceOrigins, StageProbabilities } from './leads';
import { DEFAULT_STAGE_PROBABILITIES, LEAD_STAGES, OPEN_STAGES } from './model';
import type { Lead, LeadStage, SourceId } from './model';
import { searchKey } from './wins';

// ---------------------------------------------------------------------------------------------
// Rows

/** What the board and the list show of one lead, worked out once from its history. */
export interface LeadListRow {
  readonly lead: Lead;
  /** DOMAIN.md's first contact, or null before any. */
  readonly firstContactAt: number | null;
  /** The last time anyone was in touch (the creation when never). */
  readonly lastContactAt: number;
  /** When the lead entered its current stage: the stage event that took it there, else its creation. */
  readonly stageSince: number;
  /** The normalised text the lead is found by (see `searchKey`). */
  readonly searchText: string;
}

/** The name a lead is shown and sorted by: its company, or the person when there is none. */
export function leadName(lead: Pick<Lead, 'company' | 'person'>): string {
  return lead.company.trim() || lead.person.trim();
}

/**
 * The searchable text: company, person, email, source detail and note, normalised once.
 * Fields are joined with a newline so a term (never containing whitespace) cannot match across
 * the end of one field and the start of the next.
 */
export function leadSearchText(lead: Lead): string {
  return searchKey([lead.company, lead.person, lead.email ?? '', lead.sourceDetail ?? '', lead.note ?? ''].join('\n'));
}

/** The row of one lead; `events` is an index holding (at least) this lead's events. */
export function leadListRow(lead: Lead, events: LeadEventIndex): LeadListRow {
  const facts = leadFacts(lead, events);
  let stageSince = lead.createdAt;
  for (let i = facts.stages.length - 1; i >= 0; i--) {
    const event = facts.stages[i]!;
    // The last move into the stage the lead is in now; a history that disagrees with the row's
    // stage (data from elsewhere) falls back to the creation rather than to a wrong stage's date.
    if (event.to === lead.stage) {
      stageSince = event.at;
      break;
    }
  }
  return {
    lead,
    firstContactAt: facts.firstContactAt,
    lastContactAt: lastContactAt(lead, events),
    stageSince,
    searchText: leadSearchText(lead),
  };
}

/** Whole days (24 h) the lead has been in its stage at `now`; 0 for a move in the future. */
export function daysInStage(row: Pick<LeadListRow, 'stageSince'>, now: number): number {
  return Math.max(0, Math.floor((now - row.stageSince) / DAY_MS));
}

// ---------------------------------------------------------------------------------------------
// Follow-up flags

export interface FollowUpRules {
  followUpSlaHours: number;
  staleLeadDays: number;
  timeZone: string;
}

export type LeadFlag = 'overdue' | 'stale';

/**
 * The leads that need the user at `now`: 'overdue' (no first contact and past the follow-up
 * rule) or else 'stale' (open, no contact for the stale period), as on Today. Only open leads are
 * looked at, since a closed one can be neither; only flagged leads are in the map.
 */
export function leadFlags(
  rows: readonly LeadListRow[],
  events: LeadEventIndex,
  rules: FollowUpRules,
  now: number,
): ReadonlyMap<string, LeadFlag> {
  const flags = new Map<string, LeadFlag>();
  for (const { lead } of rows) {
    if (!OPEN_STAGES.includes(lead.stage)) continue;
    if (isOverdueForFirstContact(lead, events, rules.followUpSlaHours, now, rules.timeZone)) flags.set(lead.id, 'overdue');
    else if (isStale(lead, events, rules.staleLeadDays, now)) flags.set(lead.id, 'stale');
  }
  return flags;
}

/** Marketing-sourced (DOMAIN.md): for the colour of a lead's source. */
export function isMarketingRow(row: LeadListRow, sourceOrigins: SourceOrigins): boolean {
  return isMarketingSourced(row.lead, sourceOrigins);
}

// ---------------------------------------------------------------------------------------------
// The list: filter and sort

export interface LeadListFilter {
  /** Words that must all appear (any order, any case or width) in the searchable text. */
  text: string;
  /** Any of these sources; empty: every source. */
  sources: readonly SourceId[];
  /** Any of these stages; empty: every stage. */
  stages: readonly LeadStage[];
  /** Only leads linked to this initiative; null: any (or none). */
  initiativeId: string | null;
}

export function searchTerms(text: string): string[] {
  return searchKey(text)
    .split(/\s+/u)
    .filter((term) => term !== '');
}

export function isFiltering(filter: LeadListFilter): boolean {
  return searchTerms(filter.text).length > 0 || filter.sources.length > 0 || filter.stages.length > 0 || filter.initiativeId !== null;
}

/**
 * The rows that pass every filter, in their given order (filter a sorted list and it stays
 * sorted). With no filter at all, the same array is returned, not a copy.
 */
export function filterLeadRows<R extends LeadListRow>(rows: readonly R[], filter: LeadListFilter): readonly R[] {
  const terms = searchTerms(filter.text);
  const sources = filter.sources.length > 0 ? new Set<SourceId>(filter.sources) : null;
  const stages = filter.stages.length > 0 ? new Set<LeadStage>(filter.stages) : null;
  const initiativeId = filter.initiativeId;
  if (terms.length === 0 && !sources && !stages && initiativeId === null) return rows;
  return rows.filter(({ lead, searchText }) => {
    if (sources && !sources.has(lead.source)) return false;
    if (stages && !stages.has(lead.stage)) return false;
    if (initiativeId !== null && lead.initiativeId !== initiativeId) return false;
    for (const term of terms) if (!searchText.includes(term)) return false;
    return true;
  });
}

export const LEAD_SORT_KEYS = ['createdAt', 'company', 'value', 'stage', 'lastContact'] as const;
export type LeadSortKey = (typeof LEAD_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface LeadSort {
  key: LeadSortKey;
  direction: SortDirection;
}

/** The direction a column sorts in when first chosen: names A→Z and stages in funnel order, figures and dates largest/newest first. */
export function defaultDirection(key: LeadSortKey): SortDirection {
  return key === 'company' || key === 'stage' ? 'asc' : 'desc';
}

/** Clicking a column header: the same column flips its direction, another starts at its default. */
export function nextSort(current: LeadSort, key: LeadSortKey): LeadSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: defaultDirection(key) };
}

const STAGE_ORDER = new Map<LeadStage, number>(LEAD_STAGES.map((stage, i) => [stage, i]));

/**
 * A sorted copy. Leads without a value sort after those with one in both directions (a missing
 * value is not a zero). Ties fall back to the newest first, then the id, so the order never
 * depends on how the rows were read. `compareText` orders names (an `Intl.Collator`'s compare in
 * the user's language). Each row's key is worked out once (names are ranked by one collation of
 * the distinct names), so 20,000 rows sort as numbers, not as 300,000 collations.
 */
export function sortLeadRows<R extends LeadListRow>(rows: readonly R[], sort: LeadSort, compareText: (a: string, b: string) => number): R[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  let keyOf: (row: R) => number;
  switch (sort.key) {
    case 'createdAt':
      keyOf = (row) => row.lead.createdAt;
      break;
    case 'lastContact':
      keyOf = (row) => row.lastContactAt;
      break;
    case 'stage':
      keyOf = (row) => STAGE_ORDER.get(row.lead.stage) ?? LEAD_STAGES.length;
      break;
    case 'value':
      keyOf = (row) => usableValue(row.lead) ?? Number.NaN;
      break;
    case 'company': {
      const names = [...new Set(rows.map((row) => leadName(row.lead)))].sort(compareText);
      const rank = new Map(names.map((name, i) => [name, i]));
      keyOf = (row) => rank.get(leadName(row.lead)) ?? 0;
      break;
    }
  }
  const keyed = rows.map((row) => ({ row, key: keyOf(row) }));
  keyed.sort((a, b) => {
    const x = a.key;
    const y = b.key;
    if (Number.isNaN(x) || Number.isNaN(y)) {
      if (!Number.isNaN(x)) return -1;
      if (!Number.isNaN(y)) return 1;
    } else if (x !== y) return sign * (x - y);
    const p = a.row.lead;
    const q = b.row.lead;
    return q.createdAt - p.createdAt || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0);
  });
  return keyed.map((k) => k.row);
}

function usableValue(lead: Lead): number | null {
  return lead.value !== undefined && Number.isFinite(lead.value) ? lead.value : null;
}

// ---------------------------------------------------------------------------------------------
// The board

/** Closed columns (won, lost, dropped) show the leads closed in this many days unless asked for all. */
export const CLOSED_WINDOW_DAYS = 90;

export const CLOSED_STAGES: readonly LeadStage[] = LEAD_STAGES.filter((stage) => !OPEN_STAGES.includes(stage));

export interface BoardColumn<R extends LeadListRow = LeadListRow> {
  stage: LeadStage;
  open: boolean;
  /** The cards shown, in board order. */
  rows: R[];
  /** Leads of this stage the column does not show (closed before the window). */
  hidden: number;
  /** Sum of the shown leads' values, in the currency's minor unit. */
  value: number;
  /** The sum weighted by the stage's win probability (Settings), rounded to the minor unit. */
  weighted: number;
  /** Shown leads without a value (counted as 0 in the sums). */
  missingValue: number;
}

export interface BoardOptions {
  now: number;
  /** Closed stages whose column shows every lead, not just the recent ones. */
  showAll: ReadonlySet<LeadStage>;
  stageProbabilities?: StageProbabilities;
  closedWindowDays?: number;
}

/**
 * One column per stage, in funnel order. Open columns put the lead longest in its stage first
 * (what rots is what needs looking at); closed columns the most recently closed first, and only
 * those closed in the window unless `showAll` has the stage (years of won and lost would bury the
 * recent outcomes and cost thousands of cards).
 */
export function boardColumns<R extends LeadListRow>(rows: readonly R[], options: BoardOptions): BoardColumn<R>[] {
  const probabilities = options.stageProbabilities ?? DEFAULT_STAGE_PROBABILITIES;
  const since = options.now - (options.closedWindowDays ?? CLOSED_WINDOW_DAYS) * DAY_MS;
  const columns = new Map<LeadStage, BoardColumn<R>>(
    LEAD_STAGES.map((stage) => [stage, { stage, open: OPEN_STAGES.includes(stage), rows: [], hidden: 0, value: 0, weighted: 0, missingValue: 0 }]),
  );
  for (const row of rows) {
    const column = columns.get(row.lead.stage);
    if (!column) continue; // a stage this version does not know
    if (!column.open && !options.showAll.has(column.stage) && row.stageSince < since) {
      column.hidden++;
      continue;
    }
    column.rows.push(row);
    const value = usableValue(row.lead);
    if (value === null) column.missingValue++;
    else column.value += value;
  }
  for (const column of columns.values()) {
    const probability = probabilities[column.stage] ?? DEFAULT_STAGE_PROBABILITIES[column.stage];
    column.weighted = Math.round(column.value * probability);
    const byId = (a: R, b: R) => (a.lead.id < b.lead.id ? -1 : a.lead.id > b.lead.id ? 1 : 0);
    column.rows.sort(column.open ? (a, b) => a.stageSince - b.stageSince || byId(a, b) : (a, b) => b.stageSince - a.stageSince || byId(a, b));
  }
  return [...columns.values()];
}

/** The stage before or after `stage` in funnel order, or null at either end. */
export function neighbourStage(stage: LeadStage, step: -1 | 1): LeadStage | null {
  const i = LEAD_STAGES.indexOf(stage);
  return LEAD_STAGES[i + step] ?? null;
}

/** Closing stages ask for details (value and decision moment, loss reason, why dropped) in a dialog. */
export function needsStageDialog(stage: LeadStage): boolean {
  return !OPEN_STAGES.includes(stage);
}
