/**
 * The reads and writes of one lead's page, quick add and business-card mode, on top of
 * `./leads.ts` (which owns creating, editing, stage changes and contacts). What is added here:
 * undo for the writes that lack one (a logged contact, a batch of business cards), editing the
 * outcome of a closed deal, and saving a batch of business cards in which some people become new
 * leads and others are logged as contacts of leads that already exist, all or nothing.
 */
import {
  LEAD_LIMITS,
  normalizeLeadDraft,
  validateLeadDraft,
  validateStageDetails,
  type LeadDraft,
  type LeadErrors,
  type StageDetails,
} from '../../shared/domain/lead-input';
import type { ContactChannel, Initiative, Lead, LeadEvent, Win } from '../../shared/domain/model';
import type { TwoHatsDatabase } from './database';
import { changeStage, createLeads, deleteLead, leadHistory, logContact, updateLead } from './leads';

const OUTCOME_KEYS = ['decisionMoment', 'lossReason', 'lesson', 'dropReason'] as const;

// ---------------------------------------------------------------------------------------------
// Reads

export interface LeadDetailData {
  lead: Lead;
  /** The lead's events in time order (stage changes and contacts), by the [leadId+at] index. */
  events: LeadEvent[];
  /** The linked initiative, or null (none, or it was deleted). */
  initiative: Initiative | null;
}

/** Everything the lead page shows: the lead, its history and its initiative. null if there is no such lead. */
export async function readLeadDetail(db: TwoHatsDatabase, id: string): Promise<LeadDetailData | null> {
  const lead = await db.leads.get(id);
  if (!lead) return null;
  const [events, initiative] = await Promise.all([leadHistory(db, id), lead.initiativeId ? db.initiatives.get(lead.initiativeId) : undefined]);
  return { lead, events, initiative: initiative ?? null };
}

/** Initiatives a new lead can be linked to: not archived (by the `archived` index), by name. */
export async function activeInitiatives(db: TwoHatsDatabase): Promise<Initiative[]> {
  const rows = await db.initiatives.where('archived').equals(0).toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** The wins already recorded about a lead (by the `leadId` index), so a win is not suggested twice. */
export function winsOfLead(db: TwoHatsDatabase, leadId: string): Promise<Win[]> {
  return db.wins.where('leadId').equals(leadId).toArray();
}

// ---------------------------------------------------------------------------------------------
// Contacts with undo

/** What logging a contact changed, so that exactly that can be undone. */
export interface LoggedContact {
  leadId: string;
  /** The events the contact wrote: the contact, and the move new → contacted when there was one. */
  added: LeadEvent[];
}

/** `logContact`, returning what it wrote, for undo. */
export async function logContactUndoable(
  db: TwoHatsDatabase,
  leadId: string,
  contact: { channel: ContactChannel; at: number; note?: string },
  now: number,
): Promise<LoggedContact> {
  return db.transaction('rw', db.leads, db.leadEvents, async () => {
    const before = new Set((await leadHistory(db, leadId)).map((e) => e.id));
    await logContact(db, leadId, contact, now);
    const added = (await leadHistory(db, leadId)).filter((e) => !before.has(e.id));
    return { leadId, added };
  });
}

/** Puts the lead's cached stage back in line with its last stage event (the history is the truth). */
async function syncStage(db: TwoHatsDatabase, leadId: string, now: number): Promise<void> {
  const lead = await db.leads.get(leadId);
  if (!lead) return;
  const stages = (await leadHistory(db, leadId)).filter((e) => e.type === 'stage');
  const last = stages[stages.length - 1];
  if (last && last.to !== lead.stage) await db.leads.put({ ...lead, stage: last.to, updatedAt: now });
}

/**
 * Undoes a logged contact: removes the events it wrote, and the lead goes back to the stage its
 * remaining history ends in (a contact that moved it out of 'new' takes that move with it).
 */
export async function undoLoggedContact(db: TwoHatsDatabase, logged: LoggedContact, now: number): Promise<void> {
  await db.transaction('rw', db.leads, db.leadEvents, async () => {
    await db.leadEvents.bulkDelete(logged.added.map((e) => e.id));
    await syncStage(db, logged.leadId, now);
  });
}

/**
 * Deletes one contact-log entry and returns it for undo. The stage is left as it is: a move out
 * of 'new' is a stage event of its own, and the user may have meant it.
 */
export async function deleteContact(db: TwoHatsDatabase, eventId: string): Promise<LeadEvent | undefined> {
  return db.transaction('rw', db.leadEvents, async () => {
    const event = await db.leadEvents.get(eventId);
    if (!event || event.type !== 'contact') return undefined;
    await db.leadEvents.delete(eventId);
    return event;
  });
}

export async function restoreEvents(db: TwoHatsDatabase, events: readonly LeadEvent[]): Promise<void> {
  await db.leadEvents.bulkPut([...events]);
}

// ---------------------------------------------------------------------------------------------
// Undoing a stage change

/**
 * Undo of a stage change: the lead goes back to the stage it was in, with the value and closing
 * details it had then. Undo is a change back, not an erasure: the history keeps both moves (and
 * rates read the final stage), because both moves did happen and hiding one would make the
 * history lie about what the user saw.
 */
export async function revertStageChange(db: TwoHatsDatabase, before: Lead, now: number): Promise<Lead> {
  return db.transaction('rw', db.leads, db.leadEvents, async () => {
    const details: StageDetails = {};
    for (const key of ['value', ...OUTCOME_KEYS] as const) if (before[key] !== undefined) Object.assign(details, { [key]: before[key] });
    const result = await changeStage(db, before.id, before.stage, details, now, now);
    if (!result.ok) throw new Error(`Cannot move lead ${before.id} back to ${before.stage}`);
    const lead: Lead = { ...result.lead };
    for (const key of ['value', ...OUTCOME_KEYS] as const) {
      if (before[key] === undefined) delete lead[key];
      else Object.assign(lead, { [key]: before[key] });
    }
    await db.leads.put(lead);
    return lead;
  });
}

// ---------------------------------------------------------------------------------------------
// Editing a lead and its outcome

/** What a closed deal records besides its value: the decision moment, the loss reason, the lesson, why it was dropped. */
export type OutcomeDetails = Pick<StageDetails, 'decisionMoment' | 'lossReason' | 'lesson' | 'dropReason'>;

export type LeadEditErrors = LeadErrors & Partial<Record<keyof OutcomeDetails, string>>;
export type LeadEditResult = { ok: true; lead: Lead } | { ok: false; errors: LeadEditErrors };

/**
 * Saves the edit form: the lead's fields (through `updateLead`) and, for a closed lead, what its
 * closing recorded, in one transaction. The outcome is validated as the stage asks (a won deal
 * keeps a value, a lost one a reason, a dropped one its why); an emptied text is removed.
 */
export async function saveLeadEdit(
  db: TwoHatsDatabase,
  id: string,
  change: Partial<LeadDraft>,
  outcome: OutcomeDetails | null,
  now: number,
): Promise<LeadEditResult> {
  return db.transaction('rw', db.leads, async () => {
    const current = await db.leads.get(id);
    if (!current) throw new Error(`No lead ${id}`);
    const value = 'value' in change ? change.value : current.value;
    // Both halves are checked before anything is written, so every message shows at once.
    const errors: LeadEditErrors = {
      ...validateLeadDraft(normalizeLeadDraft({ ...current, ...change })),
      ...(outcome ? validateStageDetails(current.stage, { ...outcome, value }) : {}),
    };
    if (Object.keys(errors).length > 0) return { ok: false, errors } as const;
    const result = await updateLead(db, id, change, now);
    if (!result.ok) return { ok: false, errors: result.errors as LeadErrors } as const;
    if (!outcome) return result;
    const lead: Lead = { ...result.lead };
    for (const key of OUTCOME_KEYS) {
      const text = outcome[key]?.trim();
      if (text) (lead as unknown as Record<string, string>)[key] = text;
      else delete lead[key];
    }
    await db.leads.put(lead);
    return { ok: true, lead } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Business cards

/** One card of a batch: a new lead, or a person logged as a contact of a lead that exists. */
export type CardInput =
  | { kind: 'lead'; draft: LeadDraft }
  | { kind: 'contact'; leadId: string; person: string; company?: string; email?: string; note: string };

export type CardErrors = LeadErrors & { lead?: string };

export interface SavedCards {
  leads: Lead[];
  contacts: LoggedContact[];
}

/**
 * Saves a batch of business cards exchanged at `at`: every card or none. Card rows become leads
 * created at `at` (through `createLeads`); contact rows log a meeting at `at` on the chosen lead.
 * Returns the errors per row (index into `cards`) and writes nothing when any row is wrong.
 */
export async function saveBusinessCards(
  db: TwoHatsDatabase,
  cards: readonly CardInput[],
  at: number,
  now: number,
): Promise<{ ok: true; saved: SavedCards } | { ok: false; rowErrors: { row: number; errors: CardErrors }[] }> {
  const targets = await db.leads.bulkGet(cards.map((c) => (c.kind === 'contact' ? c.leadId : '')));
  const rowErrors: { row: number; errors: CardErrors }[] = [];
  cards.forEach((card, row) => {
    let errors: CardErrors;
    if (card.kind === 'lead') {
      errors = validateLeadDraft(normalizeLeadDraft({ ...card.draft, createdAt: at }));
    } else {
      errors = {};
      if (!card.person.trim() && !card.company?.trim()) errors.name = 'leads.error.nameRequired';
      if (card.person.trim().length > LEAD_LIMITS.name) errors.person = 'validation.tooLong';
      if (card.note.length > LEAD_LIMITS.text) errors.note = 'validation.tooLong';
      if (!card.leadId || !targets[row]) errors.lead = 'leadForm.cards.error.chooseLead';
    }
    if (Object.keys(errors).length) rowErrors.push({ row, errors });
  });
  if (rowErrors.length) return { ok: false, rowErrors };

  return db.transaction('rw', db.leads, db.leadEvents, async () => {
    const drafts = cards.flatMap((c) => (c.kind === 'lead' ? [{ ...c.draft, createdAt: at }] : []));
    const created = drafts.length ? await createLeads(db, drafts, now) : { ok: true as const, leads: [] };
    // Validated above with the same rules; reaching this means they changed under us.
    if (!created.ok) throw new Error('Business cards changed while saving');
    const contacts: LoggedContact[] = [];
    for (const card of cards) {
      if (card.kind === 'contact') contacts.push(await logContactUndoable(db, card.leadId, { channel: 'meeting', at, note: card.note }, now));
    }
    return { ok: true, saved: { leads: created.leads, contacts } } as const;
  });
}

/** Takes a saved batch back (its Undo): deletes the leads it created and the contacts it logged. */
export async function removeBusinessCards(db: TwoHatsDatabase, saved: SavedCards, now: number): Promise<void> {
  await db.transaction('rw', db.leads, db.leadEvents, async () => {
    for (const lead of saved.leads) await deleteLead(db, lead.id);
    for (const contact of saved.contacts) await undoLoggedContact(db, contact, now);
  });
}
