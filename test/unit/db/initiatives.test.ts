import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { allGoals, deleteGoal, goalFor, leadsWithHistorySince, restoreGoal, upsertGoal } from '../../../renderer/db/goals';
import {
  activeInitiatives,
  archiveInitiative,
  createInitiative,
  deleteInitiative,
  initiativeReferences,
  initiativeRows,
  leadCountsByInitiative,
  listInitiatives,
  restoreInitiative,
  totalReferences,
  unarchiveInitiative,
  updateInitiative,
} from '../../../renderer/db/initiatives';
import { changeStage, createLead } from '../../../renderer/db/leads';
import { addEntry, createBox } from '../../../renderer/db/time';
import { initiativeResults, type InitiativeDraft } from '../../../shared/domain/initiative-results';
import type { Initiative, Win } from '../../../shared/domain/model';

const T = Date.UTC(2026, 10, 16, 1, 0); // Monday 2026-11-16 10:00 in Tokyo
const H = 3_600_000;
const DAY = 24 * H;

let db: TwoHatsDatabase;
beforeEach(async () => {
  db = new TwoHatsDatabase(`initiatives-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const draft: InitiativeDraft = { name: ' Nov newsletter ', channel: 'newsletter', status: 'running', start: T - 15 * DAY, end: T + 15 * DAY, cost: 50_000, plannedHours: 6 };

async function create(change: Partial<InitiativeDraft> = {}): Promise<Initiative> {
  const result = await createInitiative(db, { ...draft, ...change }, T);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.initiative;
}

function win(id: string, at: number, initiativeId?: string): Win {
  return { id, at, title: `win ${id}`, type: 'inquiry', initiativeId, tags: [], starred: 0, createdAt: at, updatedAt: at };
}

describe('initiatives in the database', () => {
  it('creates a trimmed, active initiative', async () => {
    const initiative = await create();
    expect(initiative).toMatchObject({ name: 'Nov newsletter', archived: 0, createdAt: T, updatedAt: T, cost: 50_000 });
    expect(await db.initiatives.get(initiative.id)).toEqual(initiative);
  });

  it('refuses an invalid draft and writes nothing', async () => {
    expect(await createInitiative(db, { ...draft, name: ' ', end: draft.start }, T)).toEqual({
      ok: false,
      errors: { name: 'initiatives.error.nameRequired', end: 'initiatives.error.endBeforeStart' },
    });
    expect(await db.initiatives.count()).toBe(0);
  });

  it('edits: a cleared optional field is removed, an absent one kept; archived and createdAt never change', async () => {
    const initiative = await create({ goal: '3 inquiries', targetNumber: 3 });
    await archiveInitiative(db, initiative.id, T + H);
    const result = await updateInitiative(db, initiative.id, { name: 'Nov newsletter (quote button)', cost: undefined, status: 'done' }, T + 2 * H);
    expect(result.ok).toBe(true);
    const stored = await db.initiatives.get(initiative.id);
    expect(stored).toMatchObject({ name: 'Nov newsletter (quote button)', status: 'done', goal: '3 inquiries', targetNumber: 3, archived: 1, createdAt: T, updatedAt: T + 2 * H });
    expect(stored).not.toHaveProperty('cost');
    const bad = await updateInitiative(db, initiative.id, { plannedHours: 0.1 }, T + 3 * H);
    expect(bad).toEqual({ ok: false, errors: { plannedHours: 'validation.quarterHour' } });
    expect((await db.initiatives.get(initiative.id))?.updatedAt).toBe(T + 2 * H);
  });

  it('lists by archived and by status through the indexes, newest period first', async () => {
    const older = await create({ name: 'Oct newsletter', start: T - 45 * DAY, end: T - 15 * DAY, status: 'done' });
    const current = await create();
    const idea = await create({ name: 'Case studies', status: 'idea', start: T + 30 * DAY, end: T + 120 * DAY });
    await archiveInitiative(db, older.id, T);
    const names = (rows: Initiative[]) => rows.map((i) => i.name);
    expect(names(await listInitiatives(db, { archived: 'active' }))).toEqual(['Case studies', 'Nov newsletter']);
    expect(names(await listInitiatives(db, { archived: 'archived' }))).toEqual(['Oct newsletter']);
    expect(names(await listInitiatives(db, { archived: 'all' }))).toEqual(['Case studies', 'Nov newsletter', 'Oct newsletter']);
    expect(names(await listInitiatives(db, { archived: 'all', status: 'done' }))).toEqual(['Oct newsletter']);
    expect(names(await listInitiatives(db, { archived: 'active', status: 'done' }))).toEqual([]);
    expect(names(await listInitiatives(db, { archived: 'active', status: 'idea' }))).toEqual(['Case studies']);
    expect((await activeInitiatives(db)).map((i) => i.id)).toEqual([idea.id, current.id]);
    await unarchiveInitiative(db, older.id, T + H);
    expect(names(await listInitiatives(db, { archived: 'archived' }))).toEqual([]);
  });

  it('delete keeps the rows that point at it, says how many, and undo puts it back exactly', async () => {
    const initiative = await create();
    const lead = await createLead(db, { company: 'ACME', person: '', source: 'newsletter', initiativeId: initiative.id }, T);
    const box = await createBox(db, { kind: 'marketing', category: 'newsletter', title: 'Draft', start: T, end: T + H, initiativeId: initiative.id }, T);
    await addEntry(db, { kind: 'marketing', category: 'newsletter', start: T, end: T + H, initiativeId: initiative.id }, T);
    await db.wins.add(win('w1', T, initiative.id));
    if (!lead.ok || !box.ok) throw new Error();

    const refs = await initiativeReferences(db, initiative.id);
    expect(refs).toEqual({ leads: 1, timeBoxes: 1, timeEntries: 1, wins: 1 });
    expect(totalReferences(refs)).toBe(4);

    const deleted = await deleteInitiative(db, initiative.id);
    expect(deleted).toEqual(initiative);
    expect(await db.initiatives.get(initiative.id)).toBeUndefined();
    // Nothing else changed: the links are kept for undo and for history.
    expect((await db.leads.get(lead.lead.id))?.initiativeId).toBe(initiative.id);
    expect((await db.timeBoxes.get(box.value.id))?.initiativeId).toBe(initiative.id);
    expect(await initiativeReferences(db, initiative.id)).toEqual(refs);
    expect(await deleteInitiative(db, initiative.id)).toBeUndefined();

    await restoreInitiative(db, deleted!);
    expect(await db.initiatives.get(initiative.id)).toEqual(initiative);
    expect((await initiativeRows(db, initiative.id))?.leads).toHaveLength(1);
  });

  it('counts leads per initiative from the index', async () => {
    const a = await create({ name: 'A' });
    const b = await create({ name: 'B' });
    for (const company of ['X', 'Y', 'Z']) await createLead(db, { company, person: '', source: 'newsletter', initiativeId: a.id }, T);
    await createLead(db, { company: 'Other', person: '', source: 'outbound' }, T);
    const counts = await leadCountsByInitiative(db, [a.id, b.id]);
    expect(counts.get(a.id)).toBe(3);
    expect(counts.get(b.id)).toBe(0);
    expect(await leadCountsByInitiative(db, [])).toEqual(new Map());
  });

  it('reads what an initiative produced: its leads with their history, entries direct and through boxes, wins', async () => {
    const initiative = await create();
    const other = await create({ name: 'Other' });
    const won = await createLead(db, { company: 'ACME', person: '', source: 'newsletter', initiativeId: initiative.id }, T);
    const fresh = await createLead(db, { company: 'Beta', person: '', source: 'newsletter', initiativeId: initiative.id }, T + H);
    await createLead(db, { company: 'Gamma', person: '', source: 'newsletter', initiativeId: other.id }, T);
    if (!won.ok || !fresh.ok) throw new Error();
    await changeStage(db, won.lead.id, 'opportunity', {}, T + DAY, T + DAY);
    await changeStage(db, won.lead.id, 'won', { value: 600_000 }, T + 2 * DAY, T + 2 * DAY);

    const box = await createBox(db, { kind: 'marketing', category: 'newsletter', title: 'Draft', start: T, end: T + 2 * H, initiativeId: initiative.id }, T);
    if (!box.ok) throw new Error();
    await addEntry(db, { kind: 'marketing', category: 'newsletter', start: T, end: T + H, boxId: box.value.id }, T);
    await addEntry(db, { kind: 'sales', category: 'call', start: T + H, end: T + 1.25 * H, boxId: box.value.id, interruption: true }, T);
    await addEntry(db, { kind: 'marketing', category: 'newsletter', start: T + 1.25 * H, end: T + 2 * H, boxId: box.value.id, initiativeId: initiative.id }, T);
    await addEntry(db, { kind: 'marketing', category: 'content', start: T - 20 * DAY, end: T - 20 * DAY + H, initiativeId: initiative.id }, T);
    await addEntry(db, { kind: 'marketing', category: 'content', start: T, end: T + H, initiativeId: other.id }, T);
    await db.wins.bulkAdd([win('w1', T, initiative.id), win('w2', T + H, initiative.id), win('w3', T, other.id)]);

    const rows = await initiativeRows(db, initiative.id);
    expect(rows).not.toBeNull();
    expect(rows!.leads.map((l) => l.company).sort()).toEqual(['ACME', 'Beta']);
    expect(rows!.boxEntries).toHaveLength(3);
    expect(rows!.entries).toHaveLength(2);
    const results = initiativeResults(rows!, T + 3 * DAY);
    expect(results).toMatchObject({ leads: 2, opportunities: 1, won: 1, revenue: 600_000, costPerLead: 25_000, costPerOpportunity: 50_000 });
    expect(results.hours).toMatchObject({ marketingMs: 2.75 * H, spentMs: 2.75 * H, interruptionMs: 0.25 * H, entries: 4 });
    expect(results.wins.count).toBe(2);
    expect(await initiativeRows(db, 'nope')).toBeNull();
  });
});

describe('goals in the database', () => {
  it('one goal per period: upsert edits in place and returns the previous row for undo', async () => {
    const first = await upsertGoal(db, { fiscalYear: 2026, quarter: 3, revenue: 30_000_000 }, T);
    expect(first).toMatchObject({ ok: true, previous: undefined });
    if (!first.ok) throw new Error();
    const second = await upsertGoal(db, { fiscalYear: 2026, quarter: 3, revenue: 36_000_000, assumptions: { winRate: 0.3, averageDealValue: undefined } }, T + H);
    if (!second.ok) throw new Error();
    expect(second.goal.id).toBe(first.goal.id);
    expect(second.previous).toEqual(first.goal);
    expect(second.goal.assumptions).toEqual({ winRate: 0.3 });
    await upsertGoal(db, { fiscalYear: 2026, quarter: null, revenue: 120_000_000 }, T);
    await upsertGoal(db, { fiscalYear: 2025, quarter: 4, revenue: 20_000_000 }, T);
    expect(await db.goals.count()).toBe(3);
    expect((await allGoals(db)).map((g) => [g.fiscalYear, g.quarter])).toEqual([[2025, 4], [2026, null], [2026, 3]]);
    expect((await goalFor(db, 2026, null))?.revenue).toBe(120_000_000);
    expect(await goalFor(db, 2026, 1)).toBeUndefined();

    // Undo of the edit puts the first version back.
    await restoreGoal(db, second.previous, second.goal.id);
    expect(await goalFor(db, 2026, 3)).toEqual(first.goal);
  });

  it('refuses a zero goal and writes nothing', async () => {
    expect(await upsertGoal(db, { fiscalYear: 2026, quarter: 3, revenue: 0 }, T)).toEqual({ ok: false, errors: { revenue: 'initiatives.error.goalRequired' } });
    expect(await db.goals.count()).toBe(0);
  });

  it('undo of a new goal removes it; delete returns the row and undo restores it', async () => {
    const created = await upsertGoal(db, { fiscalYear: 2026, quarter: 3, revenue: 30_000_000 }, T);
    if (!created.ok) throw new Error();
    await restoreGoal(db, created.previous, created.goal.id);
    expect(await db.goals.count()).toBe(0);

    const again = await upsertGoal(db, { fiscalYear: 2026, quarter: 3, revenue: 30_000_000 }, T);
    if (!again.ok) throw new Error();
    const deleted = await deleteGoal(db, again.goal.id);
    expect(deleted).toEqual(again.goal);
    expect(await db.goals.count()).toBe(0);
    await restoreGoal(db, deleted);
    expect(await goalFor(db, 2026, 3)).toEqual(again.goal);
  });
});

describe('leads with history since an instant', () => {
  it('reads leads created since then, and older leads with events since then with their whole history', async () => {
    const since = T;
    const old = await createLead(db, { company: 'Old deal', person: '', source: 'referral', createdAt: T - 400 * DAY }, T - 400 * DAY);
    const quiet = await createLead(db, { company: 'Quiet', person: '', source: 'seo', createdAt: T - 100 * DAY }, T - 100 * DAY);
    if (!old.ok || !quiet.ok) throw new Error();
    await changeStage(db, old.lead.id, 'opportunity', {}, T - 300 * DAY, T - 300 * DAY);
    await changeStage(db, old.lead.id, 'won', { value: 1_000_000 }, T + DAY, T + DAY);
    const recent = await createLead(db, { company: 'Recent', person: '', source: 'newsletter', createdAt: T + H }, T + H);
    if (!recent.ok) throw new Error();

    const { leads, events } = await leadsWithHistorySince(db, since);
    expect(leads.map((l) => l.company).sort()).toEqual(['Old deal', 'Recent']);
    // The old deal's opportunity event from 300 days ago is there, so it counts as a won deal.
    expect(events.filter((e) => e.leadId === old.lead.id).map((e) => e.type === 'stage' && e.to)).toEqual(['new', 'opportunity', 'won']);
    expect(events.filter((e) => e.leadId === recent.lead.id)).toHaveLength(1);
    expect(events.some((e) => e.leadId === quiet.lead.id)).toBe(false);
  });
});
