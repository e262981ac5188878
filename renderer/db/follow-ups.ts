/**
 * The leads Today asks the user about: new leads past the follow-up rule (SLA) and open leads
 * with no contact for the stale period. Reads open leads by the stage index and only their events.
 */
import { indexLeadEvents, isOverdueForFirstContact, isStale, followUpDueAt, lastContactAt } from '../../shared/domain/leads';
import type { Lead } from '../../shared/domain/model';
import type { TwoHatsDatabase } from './database';
import { eventsOfLeads, openLeads } from './leads';

export interface FollowUp {
  lead: Lead;
  reason: 'overdue' | 'stale';
  /** When first contact was due (overdue) or the last contact (stale). */
  since: number;
}

export async function followUps(
  db: TwoHatsDatabase,
  rules: { followUpSlaHours: number; staleLeadDays: number; timeZone: string },
  now: number,
): Promise<FollowUp[]> {
  const leads = await openLeads(db);
  const index = indexLeadEvents(await eventsOfLeads(db, leads.map((l) => l.id)));
  const result: FollowUp[] = [];
  for (const lead of leads) {
    if (isOverdueForFirstContact(lead, index, rules.followUpSlaHours, now, rules.timeZone)) {
      result.push({ lead, reason: 'overdue', since: followUpDueAt(lead, rules.followUpSlaHours, rules.timeZone) });
    } else if (isStale(lead, index, rules.staleLeadDays, now)) {
      result.push({ lead, reason: 'stale', since: lastContactAt(lead, index, now) });
    }
  }
  // Overdue first (they are the fresh leads that rot fastest), oldest first within each.
  return result.sort((a, b) => (a.reason === b.reason ? a.since - b.since : a.reason === 'overdue' ? -1 : 1));
}
