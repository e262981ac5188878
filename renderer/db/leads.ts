/**
 * Leads and their events. Every stage change writes a stage event with its instant in the same
 * transaction as the lead, so rates can be computed for any past period and the lead's `stage`
 * always equals its last stage event.
 */
import type { Period } from '../../shared/domain/calendar';
import {
  normalizeLeadDraft,
  validateLeadDraft,
  validateStageDetails,
  type LeadDraft,
  type LeadErrors,
  type StageDetails,
} from '../../shared/domain/lead-input';
import { OPEN_STAGES, type ContactChannel, type Lead, type LeadEvent, type LeadStage } from '../../shared/domain/model';
import type { TwoHatsDatabase } from './database';
import { newId } from './time';

export type LeadWriteResult = { ok: true; lead: Lead } | { ok: false; errors: LeadErrors | Partial<Record<keyof StageDetails, string>> };

function stageEvent(leadId: string, at: number, from: LeadStage | null, to: LeadStage): LeadEvent {
  return { id: newId(), leadId, at, type: 'stage', from, to };
}

export async function createLead(db: TwoHatsDatabase, draft: LeadDraft, now: number): Promise<LeadWriteResult> {
  const clean = normalizeLeadDraft(draft);
  const errors = validateLeadDraft(clean);
  if (Object.keys(errors).length) return { ok: false, errors };
  const createdAt = clean.createdAt ?? now;
  const lead: Lead = { ...clean, id: newId(), createdAt, stage: 'new', updatedAt: now };
  await db.transaction('rw', db.leads, db.leadEvents, async () => {
    await db.leads.add(lead);
    await db.leadEvents.add(stageEvent(lead.id, createdAt, null, 'new'));
  });
  return { ok: true, lead };
}

/**
 * Adds many leads at once (business cards from one meeting, a CSV import): all of them or none.
 * Returns the per-row errors when any row is invalid, and writes nothing then.
 */
export async function createLeads(
  db: TwoHatsDatabase,
  drafts: LeadDraft[],
  now: number,
): Promise<{ ok: true; leads: Lead[] } | { ok: false; rowErrors: { row: number; errors: LeadErrors }[] }> {
  const clean = drafts.map((d) => normalizeLeadDraft(d));
  const rowErrors = clean.map((d, row) => ({ row, errors: validateLeadDraft(d) })).filter((r) => Object.keys(r.errors).length > 0);
  if (rowErrors.length) return { ok: false, rowErrors };
  const leads: Lead[] = clean.map((d) => ({ ...d, id: newId(), createdAt: d.createdAt ?? now, stage: 'new', updatedAt: now }));
  await db.transaction('rw', db.leads, db.leadEvents, async () => {
    await db.leads.bulkAdd(leads);
    await db.leadEvents.bulkAdd(leads.map((lead) => stageEvent(lead.id, lead.createdAt, null, 'new')));
  });
  return { ok: true, leads };
}

/** Edits everything but the stage (which has its own history). */
export async function updateLead(db: TwoHatsDatabase, id: string, change: Partial<LeadDraft>, now: number): Promise<LeadWriteResult> {
  return db.transaction('rw', db.leads, async () => {
    const current = await db.leads.get(id);
    if (!current) throw new Error(`No lead ${id}`);
    const next = normalizeLeadDraft({ ...current, ...change });
    const errors = validateLeadDraft(next);
    if (Object.keys(errors).length) return { ok: false, errors } as const;
    const lead: Lead = { ...next, id, stage: current.stage, createdAt: next.createdAt ?? current.createdAt, updatedAt: now };
    await db.leads.put(lead);
    return { ok: true, lead } as const;
  });
}

/**
 * Moves a lead to a stage at `at` (now, or when it really happened). Won asks for the value and
 * the decision moment, lost for a reason and the lesson, dropped for why.
 */
export async function changeStage(db: TwoHatsDatabase, id: string, to: LeadStage, details: StageDetails, at: number, now: number): Promise<LeadWriteResult> {
  const errors = validateStageDetails(to, details);
  if (Object.keys(errors).length) return { ok: false, errors };
  return db.transaction('rw', db.leads, db.leadEvents, async () => {
    const current = await db.leads.get(id);
    if (!current) throw new Error(`No lead ${id}`);
    if (current.stage === to) return { ok: true, lead: current } as const;
    // Stage events of one lead never share an instant, so their order is never left to ids.
    const lastStageAt = Math.max(current.createdAt, ...(await leadHistory(db, id)).filter((e) => e.type === 'stage').map((e) => e.at));
    const lead: Lead = { ...current, stage: to, updatedAt: now };
    if (details.value !== undefined) lead.value = details.value;
    if (details.decisionMoment?.trim()) lead.decisionMoment = details.decisionMoment.trim();
    if (details.lossReason) lead.lossReason = details.lossReason;
    if (details.lesson?.trim()) lead.lesson = details.lesson.trim();
    if (details.dropReason?.trim()) lead.dropReason = details.dropReason.trim();
    await db.leads.put(lead);
    await db.leadEvents.add(stageEvent(id, Math.max(at, lastStageAt + 1), current.stage, to));
    return { ok: true, lead } as const;
  });
}

/**
 * Logs a call, email, visit or meeting. A lead still 'new' becomes 'contacted' in the same
 * transaction: that is what "one-click contacted" on Today means.
 */
export async function logContact(
  db: TwoHatsDatabase,
  leadId: string,
  contact: { channel: ContactChannel; at: number; note?: string },
  now: number,
): Promise<void> {
  await db.transaction('rw', db.leads, db.leadEvents, async () => {
    const lead = await db.leads.get(leadId);
    if (!lead) throw new Error(`No lead ${leadId}`);
    const at = Math.max(contact.at, lead.createdAt);
    const event: LeadEvent = { id: newId(), leadId, at, type: 'contact', channel: contact.channel };
    if (contact.note?.trim()) event.note = contact.note.trim();
    await db.leadEvents.add(event);
    if (lead.stage === 'new') {
      // 1 ms after the creation event at the latest, so the two stage events keep their order.
      await db.leadEvents.add(stageEvent(leadId, Math.max(at, lead.createdAt + 1), 'new', 'contacted'));
      await db.leads.put({ ...lead, stage: 'contacted', updatedAt: now });
    }
  });
}

export interface DeletedLead {
  lead: Lead;
  events: LeadEvent[];
}

/** Deletes a lead with its history; returns both for undo. */
export async function deleteLead(db: TwoHatsDatabase, id: string): Promise<DeletedLead | undefined> {
  return db.transaction('rw', db.leads, db.leadEvents, async () => {
    const lead = await db.leads.get(id);
    if (!lead) return undefined;
    const events = await leadHistory(db, id);
    await db.leadEvents.bulkDelete(events.map((e) => e.id));
    await db.leads.delete(id);
    return { lead, events };
  });
}

export async function restoreLead(db: TwoHatsDatabase, deleted: DeletedLead): Promise<void> {
  await db.transaction('rw', db.leads, db.leadEvents, async () => {
    await db.leads.put(deleted.lead);
    await db.leadEvents.bulkPut(deleted.events);
  });
}

/** One lead's events in time order, by the [leadId+at] index. */
export function leadHistory(db: TwoHatsDatabase, leadId: string): Promise<LeadEvent[]> {
  return db.leadEvents.where('[leadId+at]').between([leadId, -Infinity], [leadId, Infinity]).toArray();
}

export function leadsCreatedIn(db: TwoHatsDatabase, period: Period): Promise<Lead[]> {
  return db.leads.where('createdAt').between(period.start, period.end, true, false).toArray();
}

export function openLeads(db: TwoHatsDatabase): Promise<Lead[]> {
  return db.leads.where('stage').anyOf([...OPEN_STAGES]).toArray();
}

/** Events of many leads, grouped, for the follow-up rules on Today. */
export async function eventsOfLeads(db: TwoHatsDatabase, leadIds: readonly string[]): Promise<LeadEvent[]> {
  if (leadIds.length === 0) return [];
  // One read transaction for all of them: hundreds of auto-transactions cost far more.
  const lists = await db.transaction('r', db.leadEvents, () => Promise.all(leadIds.map((id) => leadHistory(db, id))));
  return lists.flat();
}
