import 'fake-indexeddb/auto';
import Dexie, { RangeSet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { changeStage, createLead, createLeads, deleteLead, logContact, restoreLead, updateLead } from '../../../renderer/db/leads';
import { leadChangesOf, LeadRowsStore, readAllLeadRows, undoStageChange } from '../../../renderer/db/lead-queries';
import type { LeadListRow } from '../../../shared/domain/lead-list';
import type { Lead } from '../../../shared/domain/model';

const T = Date.UTC(2026, 10, 16, 1, 0); // Monday 10:00 in Tokyo
const H = 3_600_000;

let db: TwoHatsDatabase;
let store: LeadRowsStore | undefined;
beforeEach(async () => {
  db = new TwoHatsDatabase(`lead-queries-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  store?.release();
  store = undefined;
  db.close();
  await Dexie.delete(db.name);
});

async function addLead(company: string, at = T, extra: Partial<Parameters<typeof createLead>[1]> = {}): Promise<Lead> {
  const result = await createLead(db, { company, person: '', source: 'newsletter', createdAt: at, ...extra }, at);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.lead;
}

/** Subscribes like a view does and waits for the first read. */
async function openStore(): Promise<LeadRowsStore> {
  store = new LeadRowsStore(db, 0);
  store.subscribe(() => {});
  await store.settled();
  return store;
}

function rowOf(s: LeadRowsStore, id: string): LeadListRow | undefined {
  return s.getSnapshot().data?.byId.get(id);
}

describe('reading every lead with its facts', () => {
  it('reads every event, page after page', async () => {
    const drafts = Array.from({ length: 9_000 }, (_, i) => ({ company: `Lead ${i}`, person: '', source: 'web-form' as const, createdAt: T + i }));
    const created = await createLeads(db, drafts, T + H);
    expect(created.ok).toBe(true);
    const { data, eventLead } = await readAllLeadRows(db);
    expect(data.rows).toHaveLength(9_000);
    expect(eventLead.size).toBe(9_000);
    expect(data.events.byLead.size).toBe(9_000);
  });

  it('computes first and last contact and when the lead entered its stage, from the events', async () => {
    const a = await addLead('ACME');
    const b = await addLead('Beta', T + H);
    await logContact(db, a.id, { channel: 'call', at: T + 2 * H }, T + 2 * H);
    await logContact(db, a.id, { channel: 'email', at: T + 30 * H }, T + 30 * H);
    await changeStage(db, a.id, 'opportunity', {}, T + 40 * H, T + 40 * H);
    const { data, eventLead } = await readAllLeadRows(db);
    expect(data.rows).toHaveLength(2);
    expect(data.byId.get(a.id)).toMatchObject({ firstContactAt: T + 2 * H, lastContactAt: T + 30 * H, stageSince: T + 40 * H });
    expect(data.byId.get(a.id)?.lead.stage).toBe('opportunity');
    // Never contacted: the last contact is the creation, and the stage began then.
    expect(data.byId.get(b.id)).toMatchObject({ firstContactAt: null, lastContactAt: T + H, stageSince: T + H });
    expect(data.events.byLead.get(a.id)?.contacts).toEqual([T + 2 * H, T + 30 * H]);
    expect(eventLead.size).toBe(await db.leadEvents.count());
  });

  it('an empty database gives no rows', async () => {
    const { data } = await readAllLeadRows(db);
    expect(data.rows).toEqual([]);
  });
});

describe('what a committed transaction changed', () => {
  const parts = (table: string, tree: RangeSet) => ({ [`idb://twohats/${table}/`]: tree });

  it('names the primary keys of the leads and events written', () => {
    const changes = leadChangesOf({ ...parts('leads', new RangeSet().addKeys(['a', 'b'])), ...parts('leadEvents', new RangeSet().addKey('e1')) }, 'twohats');
    expect(changes).toEqual({ all: false, leadIds: new Set(['a', 'b']), eventIds: new Set(['e1']) });
  });

  it('asks for everything when a range was written (clear, bulk write)', () => {
    expect(leadChangesOf(parts('leadEvents', new RangeSet(-Infinity, [[[]]])), 'twohats')).toEqual({ all: true });
    expect(leadChangesOf(parts('leads', new RangeSet('a', 'm')), 'twohats')).toEqual({ all: true });
  });

  it('ignores other tables and other databases', () => {
    expect(leadChangesOf(parts('wins', new RangeSet().addKey('w')), 'twohats')).toBeNull();
    expect(leadChangesOf({ 'idb://other/leads/': new RangeSet().addKey('a') }, 'twohats')).toBeNull();
    expect(leadChangesOf(parts('leads', new RangeSet()), 'twohats')).toBeNull();
  });

  it('reads a plain tree as it arrives from another window', () => {
    const plain = JSON.parse(JSON.stringify(new RangeSet().addKeys(['x', 'y']))) as RangeSet;
    expect(leadChangesOf(parts('leads', plain), 'twohats')).toEqual({ all: false, leadIds: new Set(['x', 'y']), eventIds: new Set() });
  });
});

describe('the store the board and list subscribe to', () => {
  it('loads once, then follows stage changes, contacts and edits by reading only the leads concerned', async () => {
    const a = await addLead('ACME');
    const b = await addLead('Beta');
    const s = await openStore();
    expect(s.getSnapshot().data?.rows).toHaveLength(2);
    const fullReads = vi.spyOn(db.leadEvents, 'orderBy');
    const rowOfB = rowOf(s, b.id);

    await changeStage(db, a.id, 'contacted', {}, T + H, T + H);
    await s.settled();
    expect(rowOf(s, a.id)).toMatchObject({ firstContactAt: T + H, stageSince: T + H, lead: { stage: 'contacted' } });

    await logContact(db, a.id, { channel: 'visit', at: T + 50 * H }, T + 50 * H);
    await s.settled();
    expect(rowOf(s, a.id)?.lastContactAt).toBe(T + 50 * H);
    expect(s.getSnapshot().data?.events.byLead.get(a.id)?.contacts).toEqual([T + 50 * H]);

    await updateLead(db, a.id, { company: 'ACME Holdings', note: 'ＱＵＯＴＥ asked' }, T + 51 * H);
    await s.settled();
    expect(rowOf(s, a.id)?.lead.company).toBe('ACME Holdings');
    expect(rowOf(s, a.id)?.searchText).toContain('quote asked');

    expect(fullReads).not.toHaveBeenCalled();
    // Rows of other leads are the same objects: memoised cards and rows do not redraw.
    expect(rowOf(s, b.id)).toBe(rowOfB);
  });

  it('adds a new lead at the end and removes a deleted one; undo of the delete brings it back', async () => {
    const a = await addLead('ACME');
    const s = await openStore();
    const c = await addLead('Gamma', T + 2 * H);
    await s.settled();
    expect(s.getSnapshot().data?.rows.map((r) => r.lead.company)).toEqual(['ACME', 'Gamma']);

    const removed = await deleteLead(db, a.id);
    await s.settled();
    expect(rowOf(s, a.id)).toBeUndefined();
    expect(s.getSnapshot().data?.events.byLead.has(a.id)).toBe(false);
    expect(s.getSnapshot().data?.rows.map((r) => r.lead.id)).toEqual([c.id]);

    await restoreLead(db, removed!);
    await s.settled();
    expect(rowOf(s, a.id)?.lead.company).toBe('ACME');
  });

  it('reads everything again after a bulk write of 50 leads or more', async () => {
    await addLead('ACME');
    const s = await openStore();
    const fullReads = vi.spyOn(db.leadEvents, 'orderBy');
    const drafts = Array.from({ length: 60 }, (_, i) => ({ company: `Card ${i}`, person: '', source: 'trade-show' as const, createdAt: T + i }));
    const result = await createLeads(db, drafts, T + H);
    expect(result.ok).toBe(true);
    await s.settled();
    expect(fullReads).toHaveBeenCalledTimes(1);
    expect(s.getSnapshot().data?.rows).toHaveLength(61);
  });

  it('keeps every change made in quick succession, even while a read is under way', async () => {
    const leads = await Promise.all(['A', 'B', 'C'].map((name, i) => addLead(name, T + i)));
    const s = await openStore();
    await Promise.all(leads.map((lead, i) => changeStage(db, lead.id, i === 0 ? 'contacted' : 'opportunity', {}, T + H, T + H)));
    await addLead('D', T + 5);
    await s.settled();
    const stages = s.getSnapshot().data?.rows.map((r) => `${r.lead.company}:${r.lead.stage}`).sort();
    expect(stages).toEqual(['A:contacted', 'B:opportunity', 'C:opportunity', 'D:new']);
  });

  it('tells its subscribers, and forgets everything when released', async () => {
    await addLead('ACME');
    store = new LeadRowsStore(db, 0);
    const heard = vi.fn();
    const unsubscribe = store.subscribe(heard);
    await store.settled();
    expect(heard).toHaveBeenCalled();
    unsubscribe();
    store.release();
    expect(store.getSnapshot().data).toBeNull();
    await addLead('Beta');
    await store.settled();
    expect(store.getSnapshot().data).toBeNull();
  });

  it('reports a failed read and keeps the last good rows', async () => {
    await addLead('ACME');
    const s = await openStore();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(db.leadEvents, 'orderBy').mockImplementationOnce(() => {
      throw new Error('disk gone');
    });
    s.reload();
    await s.settled();
    expect(s.getSnapshot().error).toBeInstanceOf(Error);
    expect(s.getSnapshot().data?.rows).toHaveLength(1);
    expect(errors).toHaveBeenCalled();
    s.reload();
    await s.settled();
    expect(s.getSnapshot().error).toBeNull();
  });
});

describe('undo of a stage change', () => {
  it('removes the stage event and restores the lead, so no first contact is left behind', async () => {
    const lead = await addLead('ACME');
    const moved = await changeStage(db, lead.id, 'contacted', {}, T + H, T + H);
    if (!moved.ok) throw new Error();
    expect(await undoStageChange(db, lead, moved.lead)).toBe(true);
    expect(await db.leads.get(lead.id)).toEqual(lead);
    const { data } = await readAllLeadRows(db);
    expect(data.byId.get(lead.id)).toMatchObject({ firstContactAt: null, stageSince: T });
  });

  it('restores what closing set (value, reason, lesson) and removes what it added', async () => {
    const lead = await addLead('ACME', T, { value: 100 });
    const lost = await changeStage(db, lead.id, 'lost', { lossReason: 'price', lesson: 'too dear', value: 90 }, T + H, T + H);
    if (!lost.ok) throw new Error();
    expect(await undoStageChange(db, lead, lost.lead)).toBe(true);
    const back = await db.leads.get(lead.id);
    expect(back).toEqual(lead);
    expect(back).not.toHaveProperty('lossReason');
  });

  it('refuses when the lead moved or was edited since, and changes nothing', async () => {
    const lead = await addLead('ACME');
    const moved = await changeStage(db, lead.id, 'contacted', {}, T + H, T + H);
    if (!moved.ok) throw new Error();
    await updateLead(db, lead.id, { note: 'called back' }, T + 2 * H);
    const events = await db.leadEvents.count();
    expect(await undoStageChange(db, lead, moved.lead)).toBe(false);
    expect(await db.leadEvents.count()).toBe(events);
    expect((await db.leads.get(lead.id))?.stage).toBe('contacted');

    const again = await changeStage(db, lead.id, 'opportunity', {}, T + 3 * H, T + 3 * H);
    if (!again.ok) throw new Error();
    expect(await undoStageChange(db, lead, moved.lead)).toBe(false);
  });
});
