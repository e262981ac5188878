/**
 * Time boxes and time entries: indexed range reads and the writes the planner and the time log
 * make. Boxes and entries are at most 24 h long, so "overlaps [a, b)" is an index range on
 * `start` from a − 24 h to b plus a cheap filter: a week never reads the whole table.
 */
import { addDaysIn, type Period } from '../../shared/domain/calendar';
import { isCategoryOfKind, type TimeBox, type TimeEntry } from '../../shared/domain/model';
import { MAX_ENTRY_MS, splitEntry, trimEntry, validateEntry, type EntryError } from '../../shared/domain/time';
import type { TwoHatsDatabase } from './database';

export const MAX_BOX_MS = MAX_ENTRY_MS;
export const MAX_TITLE_LENGTH = 200;

export const newId = (): string => crypto.randomUUID();

// The end filter runs after toArray(): a Dexie .filter() would turn IndexedDB's one getAll()
// into a cursor walk, about twice as slow on a quarter of entries (test/bench/time.spec.ts).
export async function boxesOverlapping(db: TwoHatsDatabase, period: Period): Promise<TimeBox[]> {
  const boxes = await db.timeBoxes.where('start').between(period.start - MAX_BOX_MS, period.end, true, false).toArray();
  return boxes.filter((box) => box.end > period.start);
}

export async function entriesOverlapping(db: TwoHatsDatabase, period: Period): Promise<TimeEntry[]> {
  const entries = await db.timeEntries.where('start').between(period.start - MAX_ENTRY_MS, period.end, true, false).toArray();
  return entries.filter((entry) => entry.end > period.start);
}

export type BoxDraft = Pick<TimeBox, 'kind' | 'category' | 'title' | 'start' | 'end'> & Partial<Pick<TimeBox, 'initiativeId' | 'note'>>;
export type BoxError = EntryError | 'title-too-long' | 'category-mismatch';

export function validateBox(draft: BoxDraft): BoxError | null {
  if (!isCategoryOfKind(draft.kind, draft.category)) return 'category-mismatch';
  if (draft.title.length > MAX_TITLE_LENGTH) return 'title-too-long';
  return validateEntry(draft);
}

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: BoxError };

export async function createBox(db: TwoHatsDatabase, draft: BoxDraft, now: number): Promise<WriteResult<TimeBox>> {
  const error = validateBox(draft);
  if (error) return { ok: false, error };
  const box: TimeBox = { ...draft, title: draft.title.trim(), id: newId(), createdAt: now, updatedAt: now };
  await db.timeBoxes.add(box);
  return { ok: true, value: box };
}

export async function updateBox(db: TwoHatsDatabase, id: string, change: Partial<BoxDraft>, now: number): Promise<WriteResult<TimeBox>> {
  return db.transaction('rw', db.timeBoxes, async () => {
    const current = await db.timeBoxes.get(id);
    if (!current) throw new Error(`No time box ${id}`);
    const next: TimeBox = { ...current, ...change, updatedAt: now };
    const error = validateBox(next);
    if (error) return { ok: false, error } as const;
    await db.timeBoxes.put(next);
    return { ok: true, value: next } as const;
  });
}

/** Deletes a box and returns it, so the caller can offer undo with `restoreRows`. */
export async function deleteBox(db: TwoHatsDatabase, id: string): Promise<TimeBox | undefined> {
  return db.transaction('rw', db.timeBoxes, async () => {
    const box = await db.timeBoxes.get(id);
    if (box) await db.timeBoxes.delete(id);
    return box;
  });
}

export async function restoreBoxes(db: TwoHatsDatabase, boxes: TimeBox[]): Promise<void> {
  await db.timeBoxes.bulkPut(boxes);
}

/**
 * "Repeat weekly": copies of a box for the next `weeks` weeks at the same local wall-clock time
 * (so a 10:00 box stays at 10:00 across a DST change), sharing one series id.
 */
export async function repeatBoxWeekly(db: TwoHatsDatabase, id: string, weeks: number, timeZone: string, now: number): Promise<TimeBox[]> {
  return db.transaction('rw', db.timeBoxes, async () => {
    const box = await db.timeBoxes.get(id);
    if (!box) return [];
    const seriesId = box.seriesId ?? newId();
    if (!box.seriesId) await db.timeBoxes.update(id, { seriesId, updatedAt: now });
    const copies: TimeBox[] = [];
    for (let week = 1; week <= weeks; week++) {
      copies.push({
        ...box,
        id: newId(),
        seriesId,
        start: addDaysIn(box.start, 7 * week, timeZone),
        end: addDaysIn(box.end, 7 * week, timeZone),
        createdAt: now,
        updatedAt: now,
      });
    }
    await db.timeBoxes.bulkAdd(copies);
    return copies;
  });
}

/**
 * Copies one week's plan into another at the same weekdays and wall-clock times. Boxes already
 * there with the same kind, title and times are skipped, so copying twice does not double them.
 */
export async function copyWeekPlan(db: TwoHatsDatabase, from: Period, to: Period, timeZone: string, now: number): Promise<TimeBox[]> {
  const days = Math.round((to.start - from.start) / (24 * 3_600_000));
  return db.transaction('rw', db.timeBoxes, async () => {
    const source = (await boxesOverlapping(db, from)).filter((box) => box.start >= from.start && box.start < from.end);
    const existing = await boxesOverlapping(db, to);
    const key = (box: Pick<TimeBox, 'kind' | 'title' | 'start' | 'end'>) => `${box.kind}|${box.title}|${box.start}|${box.end}`;
    const taken = new Set(existing.map(key));
    const copies: TimeBox[] = [];
    for (const box of source) {
      const { seriesId: _series, ...rest } = box;
      const copy: TimeBox = { ...rest, id: newId(), start: addDaysIn(box.start, days, timeZone), end: addDaysIn(box.end, days, timeZone), createdAt: now, updatedAt: now };
      if (!taken.has(key(copy))) copies.push(copy);
    }
    await db.timeBoxes.bulkAdd(copies);
    return copies;
  });
}

export type EntryDraft = Pick<TimeEntry, 'kind' | 'category' | 'start' | 'end'> & Partial<Pick<TimeEntry, 'note' | 'boxId' | 'initiativeId' | 'interruption'>>;
export type EntryWriteError = EntryError | 'category-mismatch';
export type EntryWriteResult = { ok: true; value: TimeEntry } | { ok: false; error: EntryWriteError };

function validateEntryDraft(draft: EntryDraft): EntryWriteError | null {
  if (!isCategoryOfKind(draft.kind, draft.category)) return 'category-mismatch';
  return validateEntry(draft);
}

/** Entries that overlap `span` (other than `exceptId`): the time log offers to trim them. */
export async function overlappingEntries(db: TwoHatsDatabase, span: Period, exceptId?: string): Promise<TimeEntry[]> {
  return (await entriesOverlapping(db, span)).filter((entry) => entry.id !== exceptId);
}

export async function addEntry(db: TwoHatsDatabase, draft: EntryDraft, now: number): Promise<EntryWriteResult> {
  const error = validateEntryDraft(draft);
  if (error) return { ok: false, error };
  const entry: TimeEntry = { ...draft, id: newId(), source: 'manual', createdAt: now, updatedAt: now };
  await db.timeEntries.add(entry);
  return { ok: true, value: entry };
}

export async function updateEntry(db: TwoHatsDatabase, id: string, change: Partial<EntryDraft>, now: number): Promise<EntryWriteResult> {
  return db.transaction('rw', db.timeEntries, async () => {
    const current = await db.timeEntries.get(id);
    if (!current) throw new Error(`No time entry ${id}`);
    const next: TimeEntry = { ...current, ...change, updatedAt: now };
    const error = validateEntryDraft(next);
    if (error) return { ok: false, error } as const;
    await db.timeEntries.put(next);
    return { ok: true, value: next } as const;
  });
}

/**
 * Makes room for `span` by trimming the entries that overlap it (an entry inside is removed, one
 * across is cut in two). Returns what was there before, for undo. One transaction with the write
 * that needs the room, so the log is never left with double-counted time.
 */
export async function trimOverlaps(db: TwoHatsDatabase, span: Period, exceptId: string | undefined, now: number): Promise<TimeEntry[]> {
  return db.transaction('rw', db.timeEntries, async () => {
    const before = await overlappingEntries(db, span, exceptId);
    for (const entry of before) {
      const pieces = trimEntry(entry, span, { newId: newId(), now });
      await db.timeEntries.delete(entry.id);
      await db.timeEntries.bulkAdd(pieces);
    }
    return before;
  });
}

export async function splitEntryAt(db: TwoHatsDatabase, id: string, at: number, now: number): Promise<boolean> {
  return db.transaction('rw', db.timeEntries, async () => {
    const entry = await db.timeEntries.get(id);
    if (!entry) return false;
    const result = splitEntry(entry, at, { newId: newId(), now });
    if (!result.ok) return false;
    await db.timeEntries.bulkPut(result.entries);
    return true;
  });
}

export async function deleteEntry(db: TwoHatsDatabase, id: string): Promise<TimeEntry | undefined> {
  return db.transaction('rw', db.timeEntries, async () => {
    const entry = await db.timeEntries.get(id);
    if (entry) await db.timeEntries.delete(id);
    return entry;
  });
}

/** Undo for deletes, trims and splits: puts the previous rows back and removes what replaced them. */
export async function restoreEntries(db: TwoHatsDatabase, previous: TimeEntry[], replacementIds: string[] = []): Promise<void> {
  await db.transaction('rw', db.timeEntries, async () => {
    await db.timeEntries.bulkDelete(replacementIds);
    await db.timeEntries.bulkPut(previous);
  });
}
