/**
 * 小さな成功 Small wins: validating a draft, finding, grouping and reporting them, and suggesting
 * one when something worth sharing happens to a lead.
 *
 * Pure: the clock (`now`) and the time zone are arguments. Every message is an i18n key (with
 * params where the renderer needs them), never text, so the same rules serve ja and en.
 */
import type { Lead, SourceId, SourceOrigin, WeekStart, Win, WinType } from './model';
import { WIN_TYPES } from './model';
import { containsInstant, dayKey, DAY_MS, weekContaining } from './calendar';
import type { DayKey, Period } from './calendar';

// ---------------------------------------------------------------------------------------------
// Drafts and validation

/** What the win form edits: a Win without its identity and bookkeeping. */
export type WinDraft = Pick<Win, 'at' | 'title' | 'type' | 'initiativeId' | 'leadId' | 'amount' | 'unit' | 'tags' | 'starred' | 'note'>;

/** One i18n key per field that is wrong; an empty object means the draft may be saved. */
export type WinDraftErrors = Partial<Record<keyof WinDraft, string>>;

export const WIN_LIMITS = {
  /** Characters (code points, so an emoji or a rare kanji counts once), after trimming. */
  titleLength: 200,
  noteLength: 2000,
  unitLength: 20,
  tags: 20,
  tagLength: 50,
  /** A win may be dated this far after `now`; see `validateWinDraft`. */
  futureToleranceMs: DAY_MS,
  /** |amount| above this is a typo, not a win (the same bound as metric values). */
  amountMax: 1e12,
} as const;

/**
 * Units in which an amount is a change rather than a count ("bounce rate −5 %", "CTR +0.3 pt"),
 * so it may be negative. Compared after NFKC + lower case, so '％' and 'ＰＴ' match too. Every
 * other unit (opens, 件, 人, 円, none at all) counts something and cannot go below zero.
 */
const RELATIVE_UNITS: ReadonlySet<string> = new Set(['%', 'pt', 'pts', 'pp', 'point', 'points', 'ポイント']);

/** Whether an amount in `unit` counts things (and so must be ≥ 0). No unit counts too ("+35"). */
export function isCountUnit(unit: string | undefined): boolean {
  return !RELATIVE_UNITS.has(searchKey(unit ?? '').trim());
}

const codePoints = (text: string): number => [...text].length;

/**
 * Trims each tag, drops empty ones and keeps the first spelling of tags that differ only in case
 * or width ('Newsletter', 'newsletter', 'ｎｅｗｓｌｅｔｔｅｒ' are one tag). The kept spelling is
 * the user's own, not the normalised key: the tag is shown as they typed it.
 * Does not cut the list at WIN_LIMITS.tags: silently losing a tag is worse than saying so.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag === '') continue;
    const key = searchKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
  }
  return kept;
}

/**
 * The draft as it should be saved: title, note and unit trimmed, empty optional strings removed
 * (so "no note" is one state, not two), tags normalised. Validate the result, not the raw form.
 */
export function normalizeWinDraft(draft: WinDraft): WinDraft {
  const normalized: WinDraft = {
    at: draft.at,
    title: draft.title.trim(),
    type: draft.type,
    tags: normalizeTags(draft.tags),
    starred: draft.starred,
  };
  if (draft.initiativeId) normalized.initiativeId = draft.initiativeId;
  if (draft.leadId) normalized.leadId = draft.leadId;
  if (draft.amount !== undefined) normalized.amount = draft.amount;
  const unit = draft.unit?.trim();
  if (unit) normalized.unit = unit;
  const note = draft.note?.trim();
  if (note) normalized.note = note;
  return normalized;
}

/**
 * Field errors of a win draft, as i18n keys:
 * - title: 'validation.required' (empty or only whitespace), 'validation.tooLong' (> 200)
 * - at: 'validation.invalid' (not a finite instant), 'wins.futureDate' (more than 24 h after
 *   `now`). A win records something that happened; a day of slack allows a date picked in
 *   another zone while travelling, or "today" in a zone ahead of the one `now` was read in,
 *   while still catching the typical typo (next month, next year).
 * - type: 'validation.invalid' (not one of WIN_TYPES)
 * - amount: 'validation.number' (NaN or ±Infinity), 'validation.tooLarge' (|amount| > 1e12),
 *   'validation.nonNegative' (negative, unless the unit is a relative one such as % or pt)
 * - unit, note: 'validation.tooLong'
 * - tags: 'wins.tooManyTags' (> 20 after normalising), 'validation.tooLong' (a tag > 50)
 * Lengths and counts are checked on the normalised draft, so trailing spaces and duplicate tags
 * never cause an error the user cannot see.
 */
export function validateWinDraft(draft: WinDraft, now: number): WinDraftErrors {
  const errors: WinDraftErrors = {};
  const title = draft.title.trim();
  if (title === '') errors.title = 'validation.required';
  else if (codePoints(title) > WIN_LIMITS.titleLength) errors.title = 'validation.tooLong';

  if (!Number.isFinite(draft.at)) errors.at = 'validation.invalid';
  else if (draft.at > now + WIN_LIMITS.futureToleranceMs) errors.at = 'wins.futureDate';

  if (!(WIN_TYPES as readonly string[]).includes(draft.type)) errors.type = 'validation.invalid';

  if (draft.amount !== undefined) {
    if (typeof draft.amount !== 'number' || !Number.isFinite(draft.amount)) errors.amount = 'validation.number';
    else if (Math.abs(draft.amount) > WIN_LIMITS.amountMax) errors.amount = 'validation.tooLarge';
    else if (draft.amount < 0 && isCountUnit(draft.unit)) errors.amount = 'validation.nonNegative';
  }
  if (codePoints(draft.unit?.trim() ?? '') > WIN_LIMITS.unitLength) errors.unit = 'validation.tooLong';
  if (codePoints(draft.note?.trim() ?? '') > WIN_LIMITS.noteLength) errors.note = 'validation.tooLong';

  const tags = normalizeTags(draft.tags);
  if (tags.length > WIN_LIMITS.tags) errors.tags = 'wins.tooManyTags';
  else if (tags.some((tag) => codePoints(tag) > WIN_LIMITS.tagLength)) errors.tags = 'validation.tooLong';
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Ordering

/** Newest first; ties (two wins logged in the same millisecond) by creation, then id, so lists never jump. */
export function compareWinsNewestFirst(a: Win, b: Win): number {
  return b.at - a.at || b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Oldest first: the order a report tells its story in. */
export function compareWinsOldestFirst(a: Win, b: Win): number {
  return -compareWinsNewestFirst(a, b);
}

// ---------------------------------------------------------------------------------------------
// Periods and weeks

/** Wins dated in the half-open `period`, in their input order. */
export function winsInPeriod(wins: readonly Win[], period: Period): Win[] {
  return wins.filter((win) => containsInstant(period, win.at));
}

export interface WinWeek {
  /** The first day of the week in `timeZone`, 'YYYY-MM-DD'. */
  weekStart: DayKey;
  /** Newest first. */
  wins: Win[];
}

/**
 * Wins grouped by the week (in `timeZone`, starting on `weekStartsOn`) they are dated in; newest
 * week first, and only weeks that have wins (the list is a log, not a calendar). A win whose
 * instant is not finite cannot be placed in any week and is left out rather than breaking the
 * whole list.
 */
export function groupWinsByWeek(wins: readonly Win[], timeZone: string, weekStartsOn: WeekStart): WinWeek[] {
  const byWeek = new Map<DayKey, Win[]>();
  for (const win of wins) {
    if (!Number.isFinite(win.at)) continue;
    const key = dayKey(weekContaining(win.at, timeZone, weekStartsOn).start, timeZone);
    const list = byWeek.get(key);
    if (list) list.push(win);
    else byWeek.set(key, [win]);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([weekStart, list]) => ({ weekStart, wins: list.sort(compareWinsNewestFirst) }));
}

// ---------------------------------------------------------------------------------------------
// Filtering

export interface WinFilter {
  /** Wins of any of these types; absent or empty means every type (no chip selected = no filter). */
  types?: readonly WinType[];
  initiativeId?: string;
  starredOnly?: boolean;
  /** Words that must all appear in the title, note or tags (in any order, any case or width). */
  text?: string;
}

/**
 * The form text is compared in: NFKC folds full-width Latin and digits to ASCII ('ＡＢＣ１' →
 * 'ABC1'), half-width katakana to full-width ('ﾒﾙﾏｶﾞ' → 'メルマガ', voiced marks composed) and the
 * ideographic space to a plain one; lower case then folds case. Hiragana and katakana are NOT
 * folded into each other: 'めるまが' is a different word from 'メルマガ' to a Japanese reader.
 */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function searchTerms(text: string): string[] {
  return searchKey(text)
    .split(/\s+/u)
    .filter((term) => term !== '');
}

export function filterWins(wins: readonly Win[], filter: WinFilter): Win[] {
  const types = filter.types && filter.types.length > 0 ? new Set<WinType>(filter.types) : null;
  const terms = filter.text ? searchTerms(filter.text) : [];
  return wins.filter((win) => {
    if (types && !types.has(win.type)) return false;
    if (filter.initiativeId !== undefined && win.initiativeId !== filter.initiativeId) return false;
    if (filter.starredOnly && win.starred !== 1) return false;
    if (terms.length === 0) return true;
    // Fields are joined with a newline so a term (which never contains whitespace) cannot match
    // across the end of the title and the start of a tag.
    const haystack = searchKey([win.title, win.note ?? '', ...win.tags].join('\n'));
    return terms.every((term) => haystack.includes(term));
  });
}

// ---------------------------------------------------------------------------------------------
// The report

export interface WinReport {
  /** Starred wins in the period, oldest first (the report reads as a story of the period). */
  starred: Win[];
  /** Every win in the period counted by type; every type is present, zeros included, so the table never changes shape. */
  countsByType: Record<WinType, number>;
  /** All wins in the period, starred or not. */
  total: number;
}

export function reportWins(wins: readonly Win[], period: Period): WinReport {
  const inPeriod = winsInPeriod(wins, period);
  const countsByType = Object.fromEntries(WIN_TYPES.map((type) => [type, 0])) as Record<WinType, number>;
  for (const win of inPeriod) countsByType[win.type] += 1;
  return {
    starred: inPeriod.filter((win) => win.starred === 1).sort(compareWinsOldestFirst),
    countsByType,
    total: inPeriod.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Suggestions: "log this as a win?" when a lead does something worth sharing

export type WinSuggestionEvent =
  /** A lead was added. Suggested only for a marketing-sourced lead: that is the evidence. */
  | { kind: 'lead-added'; lead: Lead }
  /** A lead became an opportunity (reached opportunity, proposal or won for the first time). */
  | { kind: 'lead-opportunity'; lead: Lead; at: number }
  | { kind: 'lead-won'; lead: Lead; at: number };

export interface WinSuggestionContext {
  /** The user's source → origin setting, to tell a marketing-sourced lead. */
  sourceOrigins: Readonly<Record<SourceId, SourceOrigin>>;
  /** When given, nothing is suggested for a lead that already has a win of the same type. */
  existingWins?: readonly Win[];
}

/** A prefilled draft: the renderer turns `titleKey` + `titleParams` into the title in the user's language. */
export interface WinSuggestion {
  type: WinType;
  at: number;
  titleKey: string;
  titleParams: Record<string, string | number>;
  leadId: string;
  initiativeId?: string;
  /** The deal's value for a won lead (minor unit of the currency); the renderer adds the currency as unit. */
  amount?: number;
  tags: string[];
  starred: 0 | 1;
}

/** DOMAIN.md: a lead whose source is of marketing origin, or which is linked to an initiative. */
export function isMarketingSourcedLead(lead: Lead, sourceOrigins: Readonly<Record<SourceId, SourceOrigin>>): boolean {
  return lead.initiativeId !== undefined || sourceOrigins[lead.source] === 'marketing';
}

const SUGGESTED: Record<WinSuggestionEvent['kind'], { type: WinType; titleKey: string }> = {
  // A new lead from marketing is, nearly always, someone getting in touch.
  'lead-added': { type: 'inquiry', titleKey: 'wins.suggested.leadAdded' },
  'lead-opportunity': { type: 'meeting-booked', titleKey: 'wins.suggested.opportunity' },
  'lead-won': { type: 'deal', titleKey: 'wins.suggested.won' },
};

/**
 * A win to offer after `event`, or null when there is nothing to offer. Only a new lead needs to
 * be marketing-sourced: an opportunity or a deal is worth sharing whatever its source (and the
 * initiative link, when there is one, is what makes it marketing's). Nothing is starred: the
 * user decides what the boss sees.
 */
export function suggestedWin(event: WinSuggestionEvent, context: WinSuggestionContext): WinSuggestion | null {
  const { lead } = event;
  if (event.kind === 'lead-added' && !isMarketingSourcedLead(lead, context.sourceOrigins)) return null;
  const { type, titleKey } = SUGGESTED[event.kind];
  if (context.existingWins?.some((win) => win.leadId === lead.id && win.type === type)) return null;
  const titleParams: Record<string, string | number> = { company: lead.company, person: lead.person, source: lead.source };
  const suggestion: WinSuggestion = {
    type,
    at: event.kind === 'lead-added' ? lead.createdAt : event.at,
    titleKey,
    titleParams,
    leadId: lead.id,
    tags: [],
    starred: 0,
  };
  if (lead.initiativeId !== undefined) suggestion.initiativeId = lead.initiativeId;
  if (event.kind === 'lead-won' && lead.value !== undefined) {
    suggestion.amount = lead.value;
    titleParams.value = lead.value;
  }
  return suggestion;
}
