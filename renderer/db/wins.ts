/**
 * 小さな成功 Small wins: the writes the quick capture and the timeline make, and the indexed reads
 * behind them. Every write normalises and validates the draft with shared/domain/wins.ts first
 * and saves nothing when the draft is wrong; deletes and edits return what was there before, so
 * the caller can offer undo.
 *
 * Reads never walk the whole table: the timeline reads a window of weeks by the `at` index, the
 * report's starred wins come from `[starred+at]`, one lead's wins from `leadId`.
 */
import { addDaysIn, weekContaining, type Period } from '../../shared/domain/calendar';
import type { Lead, WeekStart, Win } from '../../shared/domain/model';
import { normalizeWinDraft, searchKey, validateWinDraft, type WinDraft, type WinDraftErrors } from '../../shared/domain/wins';
import type { TwoHatsDatabase } from './database';
import { newId } from './time';

export type WinWriteResult = { ok: true; win: Win } | { ok: false; errors: WinDraftErrors };
export type WinUpdateResult = { ok: true; win: Win; previous: Win } | { ok: false; errors: WinDraftErrors };

const hasErrors = (errors: WinDraftErrors): boolean => Object.keys(errors).length > 0;

/** Saves a new win, dated `draft.at`; `now` is its creation instant and the "not in the future" reference. */
export async function createWin(db: TwoHatsDatabase, draft: WinDraft, now: number): Promise<WinWriteResult> {
  const clean = normalizeWinDraft(draft);
  const errors = validateWinDraft(clean, now);
  if (hasErrors(errors)) return { ok: false, errors };
  const win: Win = { ...clean, id: newId(), createdAt: now, updatedAt: now };
  await db.wins.add(win);
  return { ok: true, win };
}

/**
 * Replaces the editable fields of a win. Optional fields absent from `draft` are removed (the
 * form sends the whole draft: clearing the note means no note). Returns the previous row for undo.
 */
export async function updateWin(db: TwoHatsDatabase, id: string, draft: WinDraft, now: number): Promise<WinUpdateResult> {
  return db.transaction('rw', db.wins, async () => {
    const previous = await db.wins.get(id);
    if (!previous) throw new Error(`No win ${id}`);
    const clean = normalizeWinDraft(draft);
    // An old win keeps its date even if it was once saved a little ahead of the clock; only a
    // changed date is held to the "not in the future" rule.
    const errors = validateWinDraft(clean, Math.max(now, clean.at === previous.at ? previous.at : now));
    if (hasErrors(errors)) return { ok: false, errors } as const;
    const win: Win = { ...clean, id, createdAt: previous.createdAt, updatedAt: now };
    await db.wins.put(win);
    return { ok: true, win, previous } as const;
  });
}

/** Stars or unstars a win ("show in the report"); the one field the timeline edits inline. */
export async function setWinStarred(db: TwoHatsDatabase, id: string, starred: 0 | 1, now: number): Promise<Win | undefined> {
  return db.transaction('rw', db.wins, async () => {
    const win = await db.wins.get(id);
    if (!win) return undefined;
    if (win.starred === starred) return win;
    const next: Win = { ...win, starred, updatedAt: now };
    await db.wins.put(next);
    return next;
  });
}

/** Deletes a win and returns it, so the caller can offer undo with `restoreWin`. */
export async function deleteWin(db: TwoHatsDatabase, id: string): Promise<Win | undefined> {
  return db.transaction('rw', db.wins, async () => {
    const win = await db.wins.get(id);
    if (win) await db.wins.delete(id);
    return win;
  });
}

/** Undo for delete and edit: puts the row back exactly as it was (same id, same timestamps). */
export async function restoreWin(db: TwoHatsDatabase, win: Win): Promise<void> {
  await db.wins.put(win);
}

// ---------------------------------------------------------------------------------------------
// Reads

/** Wins dated in the half-open `period`, by the `at` index. `end` may be Infinity ("and later"). */
export function winsIn(db: TwoHatsDatabase, period: Period): Promise<Win[]> {
  return db.wins.where('at').between(period.start, period.end, true, false).toArray();
}

/** Starred wins dated in `period`, by the `[starred+at]` index: the report's highlights. */
export function starredWinsIn(db: TwoHatsDatabase, period: Period): Promise<Win[]> {
  return db.wins.where('[starred+at]').between([1, period.start], [1, period.end], true, false).toArray();
}

/** The newest win dated before `instant`, or undefined: tells the timeline whether "Show earlier" has anything to show. */
export function latestWinBefore(db: TwoHatsDatabase, instant: number): Promise<Win | undefined> {
  return db.wins.where('at').below(instant).last();
}

/** The `limit` most recent wins (by date), e.g. to suggest tags the user already uses. */
export function recentWins(db: TwoHatsDatabase, limit: number): Promise<Win[]> {
  return db.wins.orderBy('at').reverse().limit(limit).toArray();
}

/** One lead's wins, by the `leadId` index: a suggestion is not offered twice for the same thing. */
export function winsOfLead(db: TwoHatsDatabase, leadId: string): Promise<Win[]> {
  return db.wins.where('leadId').equals(leadId).toArray();
}

/** How many weeks the timeline reads at a time: a quarter, the longest report period. */
export const TIMELINE_WINDOW_WEEKS = 12;

/** Where the timeline's window starts at first: the start of the week `TIMELINE_WINDOW_WEEKS − 1` weeks before this one. */
export function defaultWindowStart(now: number, timeZone: string, weekStartsOn: WeekStart): number {
  const thisWeek = weekContaining(now, timeZone, weekStartsOn).start;
  return addDaysIn(thisWeek, -7 * (TIMELINE_WINDOW_WEEKS - 1), timeZone);
}

/**
 * The start of the window after "Show earlier": `TIMELINE_WINDOW_WEEKS` more weeks, or, when the
 * next earlier win is further back than that (a long gap), the window of weeks ending with that
 * win's week, so the button never shows an empty stretch. Null when there is nothing earlier.
 */
export async function earlierWindowStart(db: TwoHatsDatabase, windowStart: number, timeZone: string, weekStartsOn: WeekStart): Promise<number | null> {
  const next = await latestWinBefore(db, windowStart);
  if (!next) return null;
  const plainStep = addDaysIn(windowStart, -7 * TIMELINE_WINDOW_WEEKS, timeZone);
  const weekOfNext = weekContaining(next.at, timeZone, weekStartsOn).start;
  return weekOfNext >= plainStep ? plainStep : addDaysIn(weekOfNext, -7 * (TIMELINE_WINDOW_WEEKS - 1), timeZone);
}

/**
 * Leads to link a win to, newest first, whose company or person contains every word of `text`
 * (in any case or width, as in the win search). There is no index on company or person, so this
 * walks the `createdAt` index from the newest lead and stops at `limit` matches: typically a few
 * hundred rows; the whole table only when nothing matches.
 */
export function findLeadsToLink(db: TwoHatsDatabase, text: string, limit: number): Promise<Lead[]> {
  const terms = searchKey(text).split(/\s+/u).filter((term) => term !== '');
  if (terms.length === 0) return Promise.resolve([]);
  return db.leads
    .orderBy('createdAt')
    .reverse()
    .filter((lead) => {
      const haystack = searchKey(`${lead.company}\n${lead.person}`);
      return terms.every((term) => haystack.includes(term));
    })
    .limit(limit)
    .toArray();
}
