/**
 * 施策 Initiatives and revenue goals: the rules for what the user types about them, and what an
 * initiative produced (hours, leads, opportunities, deals, revenue, cost per lead, wins).
 *
 * Pure: rows and `now` in, plain values out. Every message is an i18n key, never text.
 */
import { INITIATIVE_CHANNELS, INITIATIVE_STATUSES } from './model';
import type { Goal, Initiative, InitiativeChannel, Lead, SourceId, TimeBox, TimeEntry, Win } from './model';
import { leadFacts, toIndex, type LeadEventsInput } from './leads';
import { ratio, type Ratio } from './ratio';
import { durationMs } from './time';
import { compareWinsNewestFirst } from './wins';

// ---------------------------------------------------------------------------------------------
// What the user types

export const INITIATIVE_LIMITS = {
  name: 120,
  goal: 2000,
  /** Hours, in quarter hours: 2000 h is a full working year, more than one person's initiative. */
  plannedHours: { min: 0, max: 2000 },
  targetNumber: { min: 0, max: 1e9 },
  /** Integer minor units; a trillion yen is past anything a small company spends on one effort. */
  maxMoney: 1e12,
} as const;

export const GOAL_LIMITS = {
  /** Minor units: room for a company's yearly revenue in any of the offered currencies. */
  maxRevenue: 1e13,
  maxDealValue: 1e12,
  fiscalYear: { min: 2000, max: 2100 },
} as const;

export type InitiativeDraft = Pick<Initiative, 'name' | 'channel' | 'status' | 'start' | 'end'> &
  Partial<Pick<Initiative, 'goal' | 'targetNumber' | 'plannedHours' | 'cost'>>;

export type InitiativeErrors = Partial<Record<keyof InitiativeDraft, string>>;

/** An i18n key for an amount of money in minor units, or null when it is fine (or absent). */
export function moneyError(value: number | undefined, max: number = INITIATIVE_LIMITS.maxMoney): string | null {
  if (value === undefined) return null;
  if (!Number.isFinite(value)) return 'validation.number';
  if (!Number.isInteger(value)) return 'validation.integer';
  if (value < 0) return 'initiatives.error.negative';
  if (value > max) return 'initiatives.error.tooLarge';
  return null;
}

export function validateInitiativeDraft(draft: InitiativeDraft): InitiativeErrors {
  const errors: InitiativeErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'initiatives.error.nameRequired';
  else if ([...name].length > INITIATIVE_LIMITS.name) errors.name = 'validation.tooLong';
  if (!(INITIATIVE_CHANNELS as readonly string[]).includes(draft.channel)) errors.channel = 'validation.invalid';
  if (!(INITIATIVE_STATUSES as readonly string[]).includes(draft.status)) errors.status = 'validation.invalid';
  if (!Number.isFinite(draft.start)) errors.start = 'initiatives.error.date';
  if (!Number.isFinite(draft.end)) errors.end = 'initiatives.error.date';
  else if (Number.isFinite(draft.start) && draft.end <= draft.start) errors.end = 'initiatives.error.endBeforeStart';
  if ((draft.goal?.length ?? 0) > INITIATIVE_LIMITS.goal) errors.goal = 'validation.tooLong';
  const target = draft.targetNumber;
  if (target !== undefined) {
    if (!Number.isFinite(target)) errors.targetNumber = 'validation.number';
    else if (!Number.isInteger(target)) errors.targetNumber = 'validation.integer';
    else if (target < INITIATIVE_LIMITS.targetNumber.min || target > INITIATIVE_LIMITS.targetNumber.max) errors.targetNumber = 'validation.range';
  }
  const hours = draft.plannedHours;
  if (hours !== undefined) {
    if (!Number.isFinite(hours)) errors.plannedHours = 'validation.number';
    else if (hours < INITIATIVE_LIMITS.plannedHours.min || hours > INITIATIVE_LIMITS.plannedHours.max) errors.plannedHours = 'validation.range';
    else if (!Number.isInteger(hours * 4)) errors.plannedHours = 'validation.quarterHour';
  }
  const cost = moneyError(draft.cost);
  if (cost) errors.cost = cost;
  return errors;
}

/** Trims the text fields and drops empty optional ones, so "" never reaches the database. */
export function normalizeInitiativeDraft<T extends InitiativeDraft>(draft: T): T {
  const out: Record<string, unknown> = { ...draft, name: draft.name.trim() };
  const goal = draft.goal?.trim();
  if (goal) out.goal = goal;
  else delete out.goal;
  for (const key of ['targetNumber', 'plannedHours', 'cost'] as const) if (draft[key] === undefined) delete out[key];
  return out as T;
}

export type GoalDraft = Pick<Goal, 'fiscalYear' | 'quarter' | 'revenue' | 'assumptions'>;
export type GoalErrors = Partial<Record<'fiscalYear' | 'quarter' | 'revenue' | 'averageDealValue' | 'winRate' | 'leadToOpportunityRate', string>>;

function rateError(rate: number | undefined): string | null {
  if (rate === undefined) return null;
  return Number.isFinite(rate) && rate > 0 && rate <= 1 ? null : 'initiatives.error.percent';
}

export function validateGoalDraft(draft: GoalDraft): GoalErrors {
  const errors: GoalErrors = {};
  const { min, max } = GOAL_LIMITS.fiscalYear;
  if (!Number.isInteger(draft.fiscalYear) || draft.fiscalYear < min || draft.fiscalYear > max) errors.fiscalYear = 'validation.invalid';
  if (draft.quarter !== null && ![1, 2, 3, 4].includes(draft.quarter)) errors.quarter = 'validation.invalid';
  const revenue = moneyError(draft.revenue, GOAL_LIMITS.maxRevenue);
  if (revenue) errors.revenue = revenue;
  else if (draft.revenue <= 0) errors.revenue = 'initiatives.error.goalRequired';
  const a = draft.assumptions ?? {};
  const deal = moneyError(a.averageDealValue, GOAL_LIMITS.maxDealValue);
  if (deal) errors.averageDealValue = deal;
  else if (a.averageDealValue === 0) errors.averageDealValue = 'initiatives.error.positive';
  const w = rateError(a.winRate);
  if (w) errors.winRate = w;
  const r = rateError(a.leadToOpportunityRate);
  if (r) errors.leadToOpportunityRate = r;
  return errors;
}

/** Drops absent assumptions, and the assumptions object itself when it holds none. */
export function normalizeGoalDraft(draft: GoalDraft): GoalDraft {
  const assumptions: NonNullable<Goal['assumptions']> = {};
  for (const key of ['averageDealValue', 'winRate', 'leadToOpportunityRate'] as const) {
    const value = draft.assumptions?.[key];
    if (value !== undefined) assumptions[key] = value;
  }
  const { assumptions: _dropped, ...rest } = draft;
  return Object.keys(assumptions).length ? { ...rest, assumptions } : rest;
}

// ---------------------------------------------------------------------------------------------
// Reading what the user typed. Japanese input methods often type full-width digits ("５００００")
// and a "円" or "¥" out of habit: both are understood rather than refused.

export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; error: string };

function normalizeNumberText(text: string): string {
  return text.normalize('NFKC').replace(/[\s,_]/g, '').trim();
}

const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

/**
 * An amount typed in major units ("50,000", "¥50000", "12.50") as an integer of minor units.
 * Empty text is "no value". Exact: the digits are shifted as text, never multiplied as floats.
 */
export function parseMoneyInput(text: string, fractionDigits: number): Parsed<number> {
  const clean = normalizeNumberText(text).replace(/^[¥$€£₩]|円$/gu, '').replace(/^[A-Z]{3}/, '');
  if (clean === '') return { ok: true, value: undefined };
  if (/^-/.test(clean)) return { ok: false, error: 'initiatives.error.negative' };
  const match = DECIMAL.exec(clean);
  if (!match) return { ok: false, error: 'initiatives.error.money' };
  const whole = match[1] as string;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > fractionDigits) return { ok: false, error: fractionDigits === 0 ? 'initiatives.error.wholeAmount' : 'initiatives.error.money' };
  const value = Number(whole + fraction.padEnd(fractionDigits, '0'));
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'initiatives.error.tooLarge' };
  return { ok: true, value };
}

/** Minor units back to the text the money input shows when editing (no grouping, no symbol). */
export function moneyInputText(minorUnits: number | undefined, fractionDigits: number): string {
  if (minorUnits === undefined) return '';
  if (fractionDigits === 0) return String(minorUnits);
  const text = String(Math.abs(minorUnits)).padStart(fractionDigits + 1, '0');
  return `${minorUnits < 0 ? '-' : ''}${text.slice(0, -fractionDigits)}.${text.slice(-fractionDigits)}`;
}

/** A plain decimal number ("7.5", "７．５"); empty is "no value". */
export function parseNumberInput(text: string): Parsed<number> {
  const clean = normalizeNumberText(text);
  if (clean === '') return { ok: true, value: undefined };
  if (!/^-?\d+(\.\d*)?$|^-?\.\d+$/.test(clean)) return { ok: false, error: 'validation.number' };
  return { ok: true, value: Number(clean) };
}

/** A percentage ("30", "30 %", "12.5") as a fraction (0.3); empty is "no value". */
export function parsePercentInput(text: string): Parsed<number> {
  const parsed = parseNumberInput(text.normalize('NFKC').replace(/%$/, ''));
  if (!parsed.ok || parsed.value === undefined) return parsed;
  if (!(parsed.value > 0 && parsed.value <= 100)) return { ok: false, error: 'initiatives.error.percent' };
  // Rounded to 0.01 % so that "30" is exactly 0.3 and not 0.30000000000000004 after a round trip.
  return { ok: true, value: Math.round(parsed.value * 100) / 10_000 };
}

/** A stored fraction as the percentage the input shows ("30", "12.5"). */
export function percentInputText(fraction: number | undefined): string {
  return fraction === undefined ? '' : String(Math.round(fraction * 10_000) / 100);
}

// ---------------------------------------------------------------------------------------------
// Which lead source an initiative's leads usually come from (a default for "add a lead from it").

const SOURCE_OF_CHANNEL: Record<InitiativeChannel, SourceId> = {
  newsletter: 'newsletter',
  seo: 'seo',
  'trade-show': 'trade-show',
  webinar: 'webinar',
  social: 'social',
  'web-ad': 'web-ad',
  content: 'document-download',
  other: 'other',
};

export function sourceOfChannel(channel: InitiativeChannel): SourceId {
  return SOURCE_OF_CHANNEL[channel] ?? 'other';
}

// ---------------------------------------------------------------------------------------------
// What an initiative produced

export interface InitiativeRows {
  initiative: Pick<Initiative, 'id' | 'plannedHours' | 'cost'>;
  /** Leads with initiativeId = the initiative. */
  leads: readonly Lead[];
  /** Stage and contact events of those leads (or more: others are ignored). */
  events: LeadEventsInput;
  /** Entries with initiativeId = the initiative. */
  entries: readonly TimeEntry[];
  /** Boxes with initiativeId = the initiative. */
  boxes: readonly Pick<TimeBox, 'id'>[];
  /** Entries logged against those boxes (boxId in the boxes' ids). */
  boxEntries: readonly TimeEntry[];
  wins: readonly Win[];
}

export interface InitiativeHours {
  /** Every entry linked to the initiative, not clipped to any period, except interruptions. */
  spentMs: number;
  /** Of spentMs, marketing work. */
  marketingMs: number;
  /** Of spentMs, sales work credited to the initiative (e.g. following up its leads). */
  salesMs: number;
  /** Sales work that took over one of the initiative's boxes: not work on it, so not in spentMs. */
  interruptionMs: number;
  /** Entries counted (an entry linked both directly and through its box counts once). */
  entries: number;
  /** spent hours / planned hours; null when no hours were planned. */
  planned: Ratio | null;
}

export interface InitiativeResults {
  hours: InitiativeHours;
  leads: number;
  /** Leads that are or have been opportunities by `now` (DOMAIN: skipping stages counts). */
  opportunities: number;
  /** Deals closed (won, or lost after being an opportunity). */
  closed: number;
  won: number;
  /** Sum of the won deals' values, minor units. */
  revenue: number;
  /** Won deals with no value (counted as 0 in revenue): the UI says the sum is short. */
  wonWithoutValue: number;
  /** Open opportunities (opportunity or proposal now). */
  openOpportunities: number;
  leadToOpportunity: Ratio;
  winRate: Ratio;
  /** Cost per lead / opportunity / won deal in minor units, rounded; null without a cost or a denominator. */
  costPerLead: number | null;
  costPerOpportunity: number | null;
  costPerDeal: number | null;
  wins: { count: number; latest: Win[] };
}

/** How many of the latest wins the initiative page lists by title. */
export const LATEST_WINS = 3;

/**
 * The hours of an initiative. Entries linked directly (initiativeId) and entries logged against
 * its boxes are one set: an entry found both ways counts once. An entry in one of its boxes that
 * was explicitly credited to ANOTHER initiative belongs to that one. Nothing is clipped: the
 * initiative's hours are all its hours, whenever they were logged.
 */
export function initiativeHours(rows: Pick<InitiativeRows, 'initiative' | 'entries' | 'boxEntries'>): InitiativeHours {
  const id = rows.initiative.id;
  const linked = new Map<string, TimeEntry>();
  for (const entry of rows.entries) if (entry.initiativeId === id) linked.set(entry.id, entry);
  for (const entry of rows.boxEntries) {
    if (entry.initiativeId === undefined || entry.initiativeId === '' || entry.initiativeId === id) linked.set(entry.id, entry);
  }
  let marketingMs = 0;
  let salesMs = 0;
  let interruptionMs = 0;
  for (const entry of linked.values()) {
    const ms = durationMs(entry);
    if (entry.kind === 'marketing') marketingMs += ms;
    else if (entry.interruption) interruptionMs += ms;
    else salesMs += ms;
  }
  const spentMs = marketingMs + salesMs;
  const plannedHours = rows.initiative.plannedHours;
  return {
    spentMs,
    marketingMs,
    salesMs,
    interruptionMs,
    entries: linked.size,
    planned: plannedHours === undefined ? null : ratio(spentMs / 3_600_000, plannedHours),
  };
}

const costPer = (cost: number | undefined, count: number): number | null =>
  cost === undefined || !Number.isFinite(cost) || count === 0 ? null : Math.round(cost / count);

export function initiativeResults(rows: InitiativeRows, now: number): InitiativeResults {
  const index = toIndex(rows.events);
  let opportunities = 0;
  let openOpportunities = 0;
  let closed = 0;
  let won = 0;
  let revenue = 0;
  let wonWithoutValue = 0;
  for (const lead of rows.leads) {
    const facts = leadFacts(lead, index);
    if (facts.opportunityAt !== null && facts.opportunityAt <= now) opportunities++;
    if (lead.stage === 'opportunity' || lead.stage === 'proposal') openOpportunities++;
    const close = facts.close;
    if (close === null || close.at > now) continue;
    closed++;
    if (close.outcome !== 'won') continue;
    won++;
    if (lead.value === undefined || !Number.isFinite(lead.value)) wonWithoutValue++;
    else revenue += lead.value;
  }
  const cost = rows.initiative.cost;
  const latest = [...rows.wins].sort(compareWinsNewestFirst).slice(0, LATEST_WINS);
  return {
    hours: initiativeHours(rows),
    leads: rows.leads.length,
    opportunities,
    closed,
    won,
    revenue,
    wonWithoutValue,
    openOpportunities,
    leadToOpportunity: ratio(opportunities, rows.leads.length),
    winRate: ratio(won, closed),
    costPerLead: costPer(cost, rows.leads.length),
    costPerOpportunity: costPer(cost, opportunities),
    costPerDeal: costPer(cost, won),
    wins: { count: rows.wins.length, latest },
  };
}
