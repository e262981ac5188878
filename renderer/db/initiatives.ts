/**
 * 施策 Initiatives: writes (create, edit, archive, delete with undo) and the indexed reads of the
 * initiatives screen and of one initiative's page.
 *
 * Deleting an initiative leaves the rows that point at it alone: leads, boxes, entries and wins
 * keep its id, and show "deleted initiative". Clearing their ids instead would make undo a
 * multi-table rewrite, and silently rewrite history the user may have reported on; keeping them
 * makes undo exact (put the row back) and nothing is lost. The confirm dialog says how many rows
 * point at it, and offers archiving, which hides it from pickers but keeps every figure.
 */
import {
  normalizeInitiativeDraft,
  validateInitiativeDraft,
  type InitiativeDraft,
  type InitiativeErrors,
  type InitiativeRows,
} from '../../shared/domain/initiative-results';
import type { Initiative, InitiativeStatus, Lead, LeadEvent } from '../../shared/domain/model';
import type { TwoHatsDatabase } from './database';
import { leadHistory } from './leads';
import { newId } from './time';

export type InitiativeWriteResult = { ok: true; initiative: Initiative } | { ok: false; errors: InitiativeErrors };

export async function createInitiative(db: TwoHatsDatabase, draft: InitiativeDraft, now: number): Promise<InitiativeWriteResult> {
  const clean = normalizeInitiativeDraft(draft);
  const errors = validateInitiativeDraft(clean);
  if (Object.keys(errors).length) return { ok: false, errors };
  const initiative: Initiative = { ...clean, id: newId(), archived: 0, createdAt: now, updatedAt: now };
  await db.initiatives.add(initiative);
  return { ok: true, initiative };
}

/**
 * Edits the fields the form shows. An optional field set to undefined in `change` is removed
 * (the user cleared it); one absent from `change` is kept.
 */
export async function updateInitiative(db: TwoHatsDatabase, id: string, change: Partial<InitiativeDraft>, now: number): Promise<InitiativeWriteResult> {
  return db.transaction('rw', db.initiatives, async () => {
    const current = await db.initiatives.get(id);
    if (!current) throw new Error(`No initiative ${id}`);
    const next = normalizeInitiativeDraft({ ...current, ...change });
    const errors = validateInitiativeDraft(next);
    if (Object.keys(errors).length) return { ok: false, errors } as const;
    const initiative: Initiative = { ...next, id, archived: current.archived, createdAt: current.createdAt, updatedAt: now };
    await db.initiatives.put(initiative);
    return { ok: true, initiative } as const;
  });
}

/** Archives (hides from pickers and the active list, keeps every figure) or brings back. */
export async function setInitiativeArchived(db: TwoHatsDatabase, id: string, archived: boolean, now: number): Promise<Initiative | undefined> {
  return db.transaction('rw', db.initiatives, async () => {
    const current = await db.initiatives.get(id);
    if (!current) return undefined;
    const next: Initiative = { ...current, archived: archived ? 1 : 0, updatedAt: now };
    await db.initiatives.put(next);
    return next;
  });
}

export const archiveInitiative = (db: TwoHatsDatabase, id: string, now: number) => setInitiativeArchived(db, id, true, now);
export const unarchiveInitiative = (db: TwoHatsDatabase, id: string, now: number) => setInitiativeArchived(db, id, false, now);

export interface InitiativeReferences {
  leads: number;
  timeBoxes: number;
  timeEntries: number;
  wins: number;
}

export const totalReferences = (refs: InitiativeReferences): number => refs.leads + refs.timeBoxes + refs.timeEntries + refs.wins;

/** How many rows point at the initiative, by the initiativeId index of each table (counts only). */
export async function initiativeReferences(db: TwoHatsDatabase, id: string): Promise<InitiativeReferences> {
  const [leads, timeBoxes, timeEntries, wins] = await Promise.all([
    db.leads.where('initiativeId').equals(id).count(),
    db.timeBoxes.where('initiativeId').equals(id).count(),
    db.timeEntries.where('initiativeId').equals(id).count(),
    db.wins.where('initiativeId').equals(id).count(),
  ]);
  return { leads, timeBoxes, timeEntries, wins };
}

/** Deletes the initiative row only (see the module comment) and returns it for undo. */
export async function deleteInitiative(db: TwoHatsDatabase, id: string): Promise<Initiative | undefined> {
  return db.transaction('rw', db.initiatives, async () => {
    const initiative = await db.initiatives.get(id);
    if (initiative) await db.initiatives.delete(id);
    return initiative;
  });
}

export async function restoreInitiative(db: TwoHatsDatabase, initiative: Initiative): Promise<void> {
  await db.initiatives.put(initiative);
}

// ---------------------------------------------------------------------------------------------
// Reads

export type ArchiveFilter = 'active' | 'archived' | 'all';
export const ARCHIVE_FILTERS: readonly ArchiveFilter[] = ['active', 'archived', 'all'];

/** Newest period first; ties by name so the list never jumps. */
export function compareInitiatives(a: Initiative, b: Initiative): number {
  return b.start - a.start || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The initiatives the list shows: by the `archived` index, or by the `status` index when a status
 * is picked (then filtered on archived; one status of a few dozen initiatives is a short read).
 * "All" without a status is the whole table, which is exactly what it shows.
 */
export async function listInitiatives(db: TwoHatsDatabase, filter: { archived: ArchiveFilter; status?: InitiativeStatus | null }): Promise<Initiative[]> {
  const archivedValue = filter.archived === 'active' ? 0 : filter.archived === 'archived' ? 1 : null;
  let rows: Initiative[];
  if (filter.status) {
    rows = await db.initiatives.where('status').equals(filter.status).toArray();
    if (archivedValue !== null) rows = rows.filter((i) => i.archived === archivedValue);
  } else if (archivedValue !== null) {
    rows = await db.initiatives.where('archived').equals(archivedValue).toArray();
  } else {
    rows = await db.initiatives.toArray();
  }
  return rows.sort(compareInitiatives);
}

/** Initiatives to offer in pickers (lead forms, boxes, wins): not archived, newest first. */
export async function activeInitiatives(db: TwoHatsDatabase): Promise<Initiative[]> {
  return listInitiatives(db, { archived: 'active' });
}

/** Leads sourced per initiative: one index count per initiative, no lead row is read. */
export async function leadCountsByInitiative(db: TwoHatsDatabase, ids: readonly string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(ids.map((id) => db.leads.where('initiativeId').equals(id).count()));
  return new Map(ids.map((id, i) => [id, counts[i] ?? 0]));
}

/** Everything an initiative's page needs to say what it produced, each through its index. */
export async function initiativeRows(db: TwoHatsDatabase, id: string): Promise<(InitiativeRows & { initiative: Initiative }) | null> {
  return db.transaction('r', [db.initiatives, db.leads, db.leadEvents, db.timeEntries, db.timeBoxes, db.wins], async () => {
    const initiative = await db.initiatives.get(id);
    if (!initiative) return null;
    const [leads, entries, boxes, wins] = await Promise.all([
      db.leads.where('initiativeId').equals(id).toArray(),
      db.timeEntries.where('initiativeId').equals(id).toArray(),
      db.timeBoxes.where('initiativeId').equals(id).toArray(),
      db.wins.where('initiativeId').equals(id).toArray(),
    ]);
    const boxIds = boxes.map((box) => box.id);
    const [boxEntries, events] = await Promise.all([
      boxIds.length ? db.timeEntries.where('boxId').anyOf(boxIds).toArray() : Promise.resolve([]),
      eventsOf(db, leads),
    ]);
    return { initiative, leads, events, entries, boxes, boxEntries, wins };
  });
}

async function eventsOf(db: TwoHatsDatabase, leads: readonly Lead[]): Promise<LeadEvent[]> {
  const lists = await Promise.all(leads.map((lead) => leadHistory(db, lead.id)));
  return lists.flat();
}
