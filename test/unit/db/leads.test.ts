import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { changeStage, createLead, createLeads, deleteLead, leadHistory, logContact, openLeads, restoreLead, updateLead } from '../../../renderer/db/leads';
import { becameOpportunityAt, firstContactAt, stageAt } from '../../../shared/domain/leads';

const T = Date.UTC(2026, 10, 16, 1, 0);
const H = 3_600_000;

let db: TwoHatsDatabase;
beforeEach(async () => {
  db = new TwoHatsDatabase(`leads-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const draft = { company: '株式会社サンプル', person: '山田 太郎', source: 'newsletter' as const, sourceDetail: ' quote button ', email: 'yamada@example.jp', note: '' };

describe('leads in the database', () => {
  it('creates a lead with its first stage event, trimmed and without empty fields', async () => {
    const result = await createLead(db, draft, T);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lead).toMatchObject({ stage: 'new', createdAt: T, sourceDetail: 'quote button' });
    expect(result.lead).not.toHaveProperty('note');
    expect(await leadHistory(db, result.lead.id)).toMatchObject([{ type: 'stage', from: null, to: 'new', at: T }]);
  });

  it.each([
    [{ company: ' ', person: '' }, 'name', 'leads.error.nameRequired'],
    [{ value: -1 }, 'value', 'leads.error.negativeValue'],
    [{ value: 1e13 }, 'value', 'leads.error.absurdValue'],
    [{ value: 1.5 }, 'value', 'validation.integer'],
    [{ email: 'not-an-email' }, 'email', 'leads.error.email'],
    [{ createdAt: T, expectedCloseAt: T - 1 }, 'expectedCloseAt', 'leads.error.closeBeforeCreation'],
  ])('refuses %o and writes nothing', async (change, field, key) => {
    const result = await createLead(db, { ...draft, ...change }, T);
    expect(result).toEqual({ ok: false, errors: { [field]: key } });
    expect(await db.leads.count()).toBe(0);
    expect(await db.leadEvents.count()).toBe(0);
  });

  it('a contact moves a new lead to contacted, and first contact is that instant', async () => {
    const created = await createLead(db, draft, T);
    if (!created.ok) throw new Error();
    await logContact(db, created.lead.id, { channel: 'call', at: T + 2 * H, note: 'asked for a quote' }, T + 3 * H);
    const events = await leadHistory(db, created.lead.id);
    expect(events.map((e) => e.type).sort()).toEqual(['contact', 'stage', 'stage']);
    expect(firstContactAt(events)).toBe(T + 2 * H);
    expect((await db.leads.get(created.lead.id))?.stage).toBe('contacted');
  });

  it('won needs a value, lost a reason, dropped a why; each stage change is an event', async () => {
    const created = await createLead(db, draft, T);
    if (!created.ok) throw new Error();
    const id = created.lead.id;
    expect(await changeStage(db, id, 'won', {}, T + H, T + H)).toEqual({ ok: false, errors: { value: 'leads.error.valueRequired' } });
    expect(await changeStage(db, id, 'lost', {}, T + H, T + H)).toEqual({ ok: false, errors: { lossReason: 'leads.error.lossReasonRequired' } });
    expect(await changeStage(db, id, 'dropped', { dropReason: '  ' }, T + H, T + H)).toEqual({ ok: false, errors: { dropReason: 'leads.error.dropReasonRequired' } });
    await changeStage(db, id, 'opportunity', {}, T + 24 * H, T + 24 * H);
    const won = await changeStage(db, id, 'won', { value: 600_000, decisionMoment: '導入事例が決め手' }, T + 48 * H, T + 48 * H);
    expect(won).toMatchObject({ ok: true, lead: { stage: 'won', value: 600_000, decisionMoment: '導入事例が決め手' } });
    const events = await leadHistory(db, id);
    expect(stageAt(events, T + 30 * H)).toBe('opportunity');
    expect(becameOpportunityAt(events)).toBe(T + 24 * H);
    expect(events.filter((e) => e.type === 'stage')).toHaveLength(3);
  });

  it('business cards from one meeting: all or nothing', async () => {
    const bad = await createLeads(db, [draft, { ...draft, company: '', person: '' }], T);
    expect(bad).toEqual({ ok: false, rowErrors: [{ row: 1, errors: { name: 'leads.error.nameRequired' } }] });
    expect(await db.leads.count()).toBe(0);
    const good = await createLeads(db, [draft, { ...draft, person: '佐藤 花子', source: 'trade-show' }], T);
    expect(good.ok).toBe(true);
    expect(await db.leadEvents.count()).toBe(2);
    expect((await openLeads(db)).length).toBe(2);
  });

  it('stage changes at the creation instant still keep their order', async () => {
    const created = await createLead(db, draft, T);
    if (!created.ok) throw new Error();
    await changeStage(db, created.lead.id, 'opportunity', {}, T, T);
    await changeStage(db, created.lead.id, 'proposal', {}, T, T);
    const events = await leadHistory(db, created.lead.id);
    expect(stageAt(events, T + H)).toBe('proposal');
    expect(events.map((e) => e.at)).toEqual([T, T + 1, T + 2]);
  });

  it('edits keep the stage; delete takes the history and undo brings it back', async () => {
    const created = await createLead(db, draft, T);
    if (!created.ok) throw new Error();
    await changeStage(db, created.lead.id, 'contacted', {}, T + H, T + H);
    expect(await updateLead(db, created.lead.id, { value: 300_000, person: '山田 次郎' }, T + 2 * H)).toMatchObject({ ok: true, lead: { stage: 'contacted', value: 300_000 } });
    const deleted = await deleteLead(db, created.lead.id);
    expect(await db.leadEvents.count()).toBe(0);
    await restoreLead(db, deleted!);
    expect(await leadHistory(db, created.lead.id)).toHaveLength(2);
  });
});
