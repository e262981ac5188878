/**
 * What the CSV import and export need from the database: writing an import (all or nothing, in
 * chunks), undoing and redoing it, the keys of saved leads for duplicate detection, and the rows an
 * export writes.
 */
import { keysOfLeads, type ExistingKeys } from '../../shared/csv/duplicates';
import { normalizeLeadDraft, validateLeadDraft, type LeadDraft, type LeadErrors } from '../../shared/domain/lead-input';
import type { Initiative, Lead, LeadEvent } from '../../shared/domain/model';
import type { TwoHatsDatabase } from './database';
import { newId } from './time';

/** Rows per write: small enough that each stretch of main-thread work stays short. */
const WRITE_CHUNK = 1000;

/**
 * One import: its rows' ids all start with `prefix`, so the whole import is one key range in both
 * tables (undo reads and deletes it with a handful of requests instead of one per row).
 */
export interface ImportBatch {
  prefix: string;
  /** The import's `now`: every imported lead has it as updatedAt until someone edits it. */
  at: number;
  count: number;
}

/**
 * Ids for one import: a random UUID whose last group (48 bits) is replaced by a sequence number.
 * Still UUID-shaped and unique (74 random bits per import), and sorted together.
 */
function batchIds(): { prefix: string; next: () => string } {
  const prefix = newId().slice(0, 24);
  let n = 0;
  return { prefix, next: () => prefix + (n++).toString(16).padStart(12, '0') };
}

class InvalidRows extends Error {
  constructor(readonly rowErrors: { row: number; errors: LeadErrors }[]) {
    super('Invalid rows');
  }
}

export type ImportResult = { ok: true; batch: ImportBatch; leads: Lead[] } | { ok: false; rowErrors: { row: number; errors: LeadErrors }[] };

/**
 * `createLeads` (leads.ts) for files: the same checks, the same rows (each lead with its creation
 * stage event) and the same all-or-nothing transaction, but written in chunks of 1,000 inside that
 * one transaction. A single bulkAdd of 50,000 leads and their events clones every row on the main
 * thread in one go and froze the window for seconds; between chunks the browser gets a turn (each
 * chunk waits for IndexedDB), so the progress bar moves. Any failure rolls back everything.
 */
export async function importLeads(db: TwoHatsDatabase, drafts: readonly LeadDraft[], now: number, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
  const ids = batchIds();
  const leads: Lead[] = [];
  try {
    await db.transaction('rw', db.leads, db.leadEvents, async () => {
      for (let start = 0; start < drafts.length; start += WRITE_CHUNK) {
        const chunk: Lead[] = [];
        const rowErrors: { row: number; errors: LeadErrors }[] = [];
        drafts.slice(start, start + WRITE_CHUNK).forEach((draft, i) => {
          const clean = normalizeLeadDraft(draft);
          const errors = validateLeadDraft(clean);
          if (Object.keys(errors).length) rowErrors.push({ row: start + i, errors });
          else chunk.push({ ...clean, id: ids.next(), createdAt: clean.createdAt ?? now, stage: 'new', updatedAt: now });
        });
        // Throwing aborts the transaction: nothing of the earlier chunks stays either.
        if (rowErrors.length) throw new InvalidRows(rowErrors);
        await db.leads.bulkAdd(chunk);
        await db.leadEvents.bulkAdd(chunk.map((lead): LeadEvent => ({ id: ids.next(), leadId: lead.id, at: lead.createdAt, type: 'stage', from: null, to: 'new' })));
        leads.push(...chunk);
        onProgress?.(Math.min(drafts.length, start + WRITE_CHUNK), drafts.length);
      }
    });
  } catch (error) {
    if (error instanceof InvalidRows) return { ok: false, rowErrors: error.rowErrors };
    throw error;
  }
  return { ok: true, batch: { prefix: ids.prefix, at: now, count: leads.length }, leads };
}

export interface RemovedLeads {
  leads: Lead[];
  events: LeadEvent[];
}

/**
 * Undo of an import: deletes its leads with all their events (including contacts and stage
 * changes logged on them since) in one transaction, and returns what it removed for redo.
 */
export async function deleteImport(db: TwoHatsDatabase, batch: Pick<ImportBatch, 'prefix' | 'at'>): Promise<RemovedLeads> {
  return db.transaction('rw', db.leads, db.leadEvents, async () => {
    const leads = await db.leads.where(':id').startsWith(batch.prefix).toArray();
    const ownEvents = await db.leadEvents.where(':id').startsWith(batch.prefix).toArray();
    // A lead nobody touched since the import has only its creation event. Touched ones (any write
    // to a lead sets updatedAt) may have more, with ids of their own: look those up by lead.
    const touched = leads.filter((lead) => lead.updatedAt !== batch.at || lead.stage !== 'new');
    const later = (await Promise.all(touched.map((lead) => db.leadEvents.where('[leadId+at]').between([lead.id, -Infinity], [lead.id, Infinity], true, true).toArray())))
      .flat()
      .filter((event) => !event.id.startsWith(batch.prefix));
    await db.leadEvents.where(':id').startsWith(batch.prefix).delete();
    await db.leadEvents.bulkDelete(later.map((e) => e.id));
    await db.leads.where(':id').startsWith(batch.prefix).delete();
    return { leads, events: [...ownEvents, ...later] };
  });
}

/** Puts removed leads and their events back (redo after an undone import). */
export async function restoreRemovedLeads(db: TwoHatsDatabase, removed: RemovedLeads, onProgress?: (done: number, total: number) => void): Promise<void> {
  await db.transaction('rw', db.leads, db.leadEvents, async () => {
    for (let start = 0; start < removed.leads.length; start += WRITE_CHUNK) {
      await db.leads.bulkPut(removed.leads.slice(start, start + WRITE_CHUNK));
      onProgress?.(Math.min(removed.leads.length, start + WRITE_CHUNK), removed.leads.length);
    }
    for (let start = 0; start < removed.events.length; start += WRITE_CHUNK) await db.leadEvents.bulkPut(removed.events.slice(start, start + WRITE_CHUNK));
  });
}

const PAGE = 2000;

/**
 * Every row of a table, 2,000 at a time by primary key: one request per page (a cursor would be one
 * per row), and each page is turned into objects in a task of its own, so 50,000 leads never make
 * one long task.
 */
async function readAllInPages<T extends { id: string }>(table: TwoHatsDatabase['leads'] | TwoHatsDatabase['initiatives']): Promise<T[]> {
  const rows: T[] = [];
  let last: string | null = null;
  for (;;) {
    const page = (await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(PAGE).toArray()) as unknown as T[];
    rows.push(...page);
    if (page.length < PAGE) return rows;
    last = (page[page.length - 1] as T).id;
  }
}

/**
 * Email and company+person keys of every saved lead. This reads the whole leads table: the keys
 * are normalised (NFKC, case, whitespace) and no index holds them normalised, so there is no
 * narrower query. It runs once per file and again only when leads change.
 */
export async function existingLeadKeys(db: TwoHatsDatabase): Promise<ExistingKeys> {
  return keysOfLeads(await readAllInPages<Lead>(db.leads));
}

/** Every lead, oldest first, for the export. */
export async function leadsForExport(db: TwoHatsDatabase): Promise<Lead[]> {
  return (await readAllInPages<Lead>(db.leads)).sort((a, b) => a.createdAt - b.createdAt);
}

/** Every initiative, by start, for the export and for initiative names. */
export function initiativesForExport(db: TwoHatsDatabase): Promise<Initiative[]> {
  return db.initiatives.orderBy('start').toArray();
}
