/**
 * Revenue goals (one per fiscal year, and one per fiscal quarter) and the lead reads the reverse
 * funnel needs: the leads of the last 12 months and of the goal's period, with their histories.
 */
import { normalizeGoalDraft, validateGoalDraft, type GoalDraft, type GoalErrors } from '../../shared/domain/initiative-results';
import type { Goal, Lead, LeadEvent } from '../../shared/domain/model';
import type { TwoHatsDatabase } from './database';
import { leadHistory } from './leads';
import { newId } from './time';

export type GoalWriteResult = { ok: true; goal: Goal; previous: Goal | undefined } | { ok: false; errors: GoalErrors };

/** Every goal, by fiscal year (index), years before their quarters. Goals are a handful of rows. */
export async function allGoals(db: TwoHatsDatabase): Promise<Goal[]> {
  const goals = await db.goals.orderBy('fiscalYear').toArray();
  return goals.sort((a, b) => a.fiscalYear - b.fiscalYear || (a.quarter ?? 0) - (b.quarter ?? 0));
}

/** The goal of one fiscal year (quarter null) or one fiscal quarter, if set. */
export async function goalFor(db: TwoHatsDatabase, fiscalYear: number, quarter: Goal['quarter']): Promise<Goal | undefined> {
  const ofYear = await db.goals.where('fiscalYear').equals(fiscalYear).toArray();
  // The newest wins should an import ever have brought two for the same period.
  return ofYear.filter((g) => g.quarter === quarter).sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/**
 * Sets the goal of a period: edits the one already there (keeping its id) or adds one. Returns
 * what was there before, so the caller can offer undo with `restoreGoal`.
 */
export async function upsertGoal(db: TwoHatsDatabase, draft: GoalDraft, now: number): Promise<GoalWriteResult> {
  const clean = normalizeGoalDraft(draft);
  const errors = validateGoalDraft(clean);
  if (Object.keys(errors).length) return { ok: false, errors };
  return db.transaction('rw', db.goals, async () => {
    const previous = await goalFor(db, clean.fiscalYear, clean.quarter);
    const goal: Goal = { ...clean, id: previous?.id ?? newId(), updatedAt: now };
    await db.goals.put(goal);
    return { ok: true, goal, previous } as const;
  });
}

export async function deleteGoal(db: TwoHatsDatabase, id: string): Promise<Goal | undefined> {
  return db.transaction('rw', db.goals, async () => {
    const goal = await db.goals.get(id);
    if (goal) await db.goals.delete(id);
    return goal;
  });
}

/** Undo for a delete or an edit: puts the earlier row back (or removes a goal that was new). */
export async function restoreGoal(db: TwoHatsDatabase, previous: Goal | undefined, replacedId?: string): Promise<void> {
  await db.transaction('rw', db.goals, async () => {
    if (previous) await db.goals.put(previous);
    else if (replacedId) await db.goals.delete(replacedId);
  });
}

/**
 * The leads that anything since `since` is about, with their whole histories: leads created
 * since then (createdAt index) and older leads with an event since then ('at' index), e.g. a deal
 * created two years ago and won last month. A lead's events are never dated before its creation,
 * so a lead created since `since` has all its events in the 'at' range already; only the older
 * ones need their full history (by [leadId+at]) to know whether they were ever opportunities.
 */
export async function leadsWithHistorySince(db: TwoHatsDatabase, since: number): Promise<{ leads: Lead[]; events: LeadEvent[] }> {
  return db.transaction('r', db.leads, db.leadEvents, async () => {
    const [created, recent] = await Promise.all([
      db.leads.where('createdAt').aboveOrEqual(since).toArray(),
      db.leadEvents.where('at').aboveOrEqual(since).toArray(),
    ]);
    const createdIds = new Set(created.map((lead) => lead.id));
    const olderIds = [...new Set(recent.map((e) => e.leadId).filter((id) => !createdIds.has(id)))];
    const older = (await db.leads.bulkGet(olderIds)).filter((lead): lead is Lead => lead !== undefined);
    const histories = await Promise.all(older.map((lead) => leadHistory(db, lead.id)));
    const events = new Map<string, LeadEvent>();
    for (const event of recent) if (createdIds.has(event.leadId)) events.set(event.id, event);
    for (const event of histories.flat()) events.set(event.id, event);
    return { leads: [...created, ...older], events: [...events.values()] };
  });
}
