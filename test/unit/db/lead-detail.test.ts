import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import {
  activeInitiatives,
  deleteContact,
  logContactUndoable,
  readLeadDetail,
  removeBusinessCards,
  restoreEvents,
  revertStageChange,
  saveBusinessCards,
  saveLeadEdit,
  undoLoggedContact,
  winsOfLead,
} from '../../../renderer/db/lead-detail';
import { changeStage, createLead, leadHistory } from '../../../renderer/db/leads';
import { parseMoneyInput, moneyInputText } from '../../../renderer/features/leads/detail/money';
import { readPastInstant } from '../../../renderer/features/leads/detail/past-instant';
import { firstContactAt } from '../../../shared/domain/leads';
import type { Initiative, Lead } from '../../../shared/domain/model';

const T = Date.UTC(2026, 10, 16, 1, 0); // Monday 10:00 in Tokyo
const H = 3_600_000;

let db: TwoHatsDatabase;
beforeEach(async () => {
  db = new TwoHatsDatabase(`lead-detail-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const draft = { company: 'ACME', person: '山田 太郎', source: 'newsletter' as const };

async function newLead(change: Partial<typeof draft> & { value?: number } = {}): Promise<Lead> {
  const result = await createLead(db, { ...draft, ...change }, T);
  if (!result.ok) throw new Error('invalid draft');
  return result.lead;
}

const initiative = (id: string, name: string, archived: 0 | 1): Initiative => ({
  id,
  name,
  channel: 'newsletter',
  status: 'running',
  start: T,
  end: T + 30 * 24 * H,
  archived,
  createdAt: T,
  updatedAt: T,
});

describe('reading a lead page', () => {
  it('returns the lead, its history in time order and its initiative', async () => {
    await db.initiatives.add(initiative('ini-1', 'Nov newsletter', 0));
    const result = await createLead(db, { ...draft, initiativeId: 'ini-1' }, T);
    if (!result.ok) throw new Error();
    await logContactUndoable(db, result.lead.id, { channel: 'call', at: T + 2 * H }, T + 2 * H);
    const detail = await readLeadDetail(db, result.lead.id);
    expect(detail?.initiative?.name).toBe('Nov newsletter');
    expect(detail?.lead.stage).toBe('contacted');
    expect(detail?.events.map((e) => e.at)).toEqual([T, T + 2 * H, T + 2 * H]);
  });

  it('is null for a lead that does not exist, and a deleted initiative reads as none', async () => {
    expect(await readLeadDetail(db, 'nope')).toBeNull();
    const result = await createLead(db, { ...draft, initiativeId: 'gone' }, T);
    if (!result.ok) throw new Error();
    expect((await readLeadDetail(db, result.lead.id))?.initiative).toBeNull();
  });

  it('offers only initiatives that are not archived, by name', async () => {
    await db.initiatives.bulkAdd([initiative('b', 'Webinar', 0), initiative('a', 'Archived', 1), initiative('c', 'Blog', 0)]);
    expect((await activeInitiatives(db)).map((i) => i.name)).toEqual(['Blog', 'Webinar']);
  });

  it('finds the wins recorded about a lead', async () => {
    const lead = await newLead();
    await db.wins.bulkAdd([
      { id: 'w1', at: T, title: 'Inquiry', type: 'inquiry', leadId: lead.id, tags: [], starred: 0, createdAt: T, updatedAt: T },
      { id: 'w2', at: T, title: 'Other', type: 'inquiry', leadId: 'other', tags: [], starred: 0, createdAt: T, updatedAt: T },
    ]);
    expect((await winsOfLead(db, lead.id)).map((w) => w.id)).toEqual(['w1']);
  });
});

describe('contacts with undo', () => {
  it('undoing the first contact takes the move to contacted with it', async () => {
    const lead = await newLead();
    const logged = await logContactUndoable(db, lead.id, { channel: 'email', at: T + H, note: ' sent the price list ' }, T + H);
    expect(logged.added.map((e) => e.type).sort()).toEqual(['contact', 'stage']);
    expect(logged.added.find((e) => e.type === 'contact')).toMatchObject({ note: 'sent the price list', channel: 'email' });
    await undoLoggedContact(db, logged, T + 2 * H);
    expect((await db.leads.get(lead.id))?.stage).toBe('new');
    expect(await leadHistory(db, lead.id)).toHaveLength(1);
    expect(firstContactAt(await leadHistory(db, lead.id))).toBeNull();
  });

  it('undoing a later contact removes only that contact', async () => {
    const lead = await newLead();
    await logContactUndoable(db, lead.id, { channel: 'call', at: T + H }, T + H);
    const second = await logContactUndoable(db, lead.id, { channel: 'visit', at: T + 5 * H }, T + 5 * H);
    expect(second.added).toHaveLength(1);
    await undoLoggedContact(db, second, T + 6 * H);
    expect((await db.leads.get(lead.id))?.stage).toBe('contacted');
    expect((await leadHistory(db, lead.id)).filter((e) => e.type === 'contact')).toHaveLength(1);
  });

  it('deletes a contact-log entry (never a stage event) and restores it', async () => {
    const lead = await newLead();
    const logged = await logContactUndoable(db, lead.id, { channel: 'call', at: T + H }, T + H);
    const contact = logged.added.find((e) => e.type === 'contact')!;
    const stage = logged.added.find((e) => e.type === 'stage')!;
    expect(await deleteContact(db, stage.id)).toBeUndefined();
    const removed = await deleteContact(db, contact.id);
    expect(removed).toEqual(contact);
    expect((await leadHistory(db, lead.id)).some((e) => e.type === 'contact')).toBe(false);
    // The move out of 'new' stays: it is a stage event of its own.
    expect((await db.leads.get(lead.id))?.stage).toBe('contacted');
    await restoreEvents(db, [removed!]);
    expect(await leadHistory(db, lead.id)).toContainEqual(contact);
  });
});

describe('undoing a stage change', () => {
  it('moves back with the value and details the lead had, and the history keeps both moves', async () => {
    const lead = await newLead({ value: 500_000 });
    await changeStage(db, lead.id, 'proposal', {}, T + H, T + H);
    const before = (await db.leads.get(lead.id))!;
    await changeStage(db, lead.id, 'won', { value: 600_000, decisionMoment: '事例' }, T + 2 * H, T + 2 * H);
    const reverted = await revertStageChange(db, before, T + 3 * H);
    expect(reverted).toMatchObject({ stage: 'proposal', value: 500_000 });
    expect(reverted).not.toHaveProperty('decisionMoment');
    expect(await db.leads.get(lead.id)).toEqual(reverted);
    const moves = (await leadHistory(db, lead.id)).flatMap((e) => (e.type === 'stage' ? [`${e.from}>${e.to}`] : []));
    expect(moves).toEqual(['null>new', 'new>proposal', 'proposal>won', 'won>proposal']);
  });

  it('moves a reopened deal back to lost with its reason', async () => {
    const lead = await newLead();
    await changeStage(db, lead.id, 'lost', { lossReason: 'timing', lesson: '半年後に再提案' }, T + H, T + H);
    const before = (await db.leads.get(lead.id))!;
    await changeStage(db, lead.id, 'contacted', {}, T + 2 * H, T + 2 * H);
    expect(await revertStageChange(db, before, T + 3 * H)).toMatchObject({ stage: 'lost', lossReason: 'timing', lesson: '半年後に再提案' });
  });
});

describe('editing a lead and its outcome', () => {
  it('saves the fields and an emptied field is removed', async () => {
    const lead = await newLead();
    const result = await saveLeadEdit(db, lead.id, { email: 'yamada@example.jp', phone: '03-1234-5678', value: 1_200_000 }, null, T + H);
    expect(result).toMatchObject({ ok: true, lead: { email: 'yamada@example.jp', value: 1_200_000, stage: 'new', updatedAt: T + H } });
    const cleared = await saveLeadEdit(db, lead.id, { email: '' }, null, T + 2 * H);
    expect(cleared.ok && cleared.lead).not.toHaveProperty('email');
  });

  it('reports the errors of both halves at once and writes nothing', async () => {
    const lead = await newLead({ value: 600_000 });
    await changeStage(db, lead.id, 'won', { value: 600_000 }, T + H, T + H);
    const before = await db.leads.get(lead.id);
    const result = await saveLeadEdit(db, lead.id, { email: 'nope', value: undefined }, { decisionMoment: 'x'.repeat(2001) }, T + 2 * H);
    expect(result).toEqual({ ok: false, errors: { email: 'leads.error.email', value: 'leads.error.valueRequired', decisionMoment: 'validation.tooLong' } });
    expect(await db.leads.get(lead.id)).toEqual(before);
  });

  it('edits the outcome of a closed deal: a lost deal keeps a reason, emptied texts are removed', async () => {
    const lead = await newLead();
    await changeStage(db, lead.id, 'lost', { lossReason: 'price', lesson: 'too expensive' }, T + H, T + H);
    expect(await saveLeadEdit(db, lead.id, {}, { lossReason: undefined, lesson: '' }, T + 2 * H)).toEqual({
      ok: false,
      errors: { lossReason: 'leads.error.lossReasonRequired' },
    });
    const saved = await saveLeadEdit(db, lead.id, {}, { lossReason: 'competitor', lesson: '  ', decisionMoment: ' 他社の導入実績 ' }, T + 2 * H);
    expect(saved.ok).toBe(true);
    const row = await db.leads.get(lead.id);
    expect(row).toMatchObject({ lossReason: 'competitor', decisionMoment: '他社の導入実績', stage: 'lost' });
    expect(row).not.toHaveProperty('lesson');
  });
});

describe('business cards', () => {
  const card = (person: string, company: string) => ({
    kind: 'lead' as const,
    draft: { person, company, source: 'trade-show' as const, sourceDetail: 'Interop Tokyo 2026', note: 'Business card exchanged at Interop Tokyo 2026' },
  });
  const AT = T - 48 * H;

  it('saves every card as a lead created at the exchange, and a person as a contact of an existing lead', async () => {
    const existing = await newLead();
    const result = await saveBusinessCards(
      db,
      [card('佐藤 花子', 'Beta'), card('Kim', 'Gamma'), { kind: 'contact', leadId: existing.id, person: '鈴木 一郎', note: '鈴木 一郎 · CTO' }],
      T + H,
      T + 2 * H,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.rowErrors));
    expect(result.saved.leads.map((l) => [l.person, l.createdAt, l.source, l.sourceDetail])).toEqual([
      ['佐藤 花子', T + H, 'trade-show', 'Interop Tokyo 2026'],
      ['Kim', T + H, 'trade-show', 'Interop Tokyo 2026'],
    ]);
    expect(await db.leads.count()).toBe(3);
    const history = await leadHistory(db, existing.id);
    expect(history.filter((e) => e.type === 'contact')).toMatchObject([{ channel: 'meeting', note: '鈴木 一郎 · CTO', at: T + H }]);
    expect((await db.leads.get(existing.id))?.stage).toBe('contacted');
  });

  it('writes nothing when any row is wrong, and says which rows', async () => {
    const existing = await newLead();
    const result = await saveBusinessCards(
      db,
      [card('佐藤 花子', 'Beta'), card('', ''), { kind: 'contact', leadId: '', person: 'x', note: '' }, { kind: 'contact', leadId: 'deleted', person: '', note: '' }],
      AT,
      T,
    );
    expect(result).toEqual({
      ok: false,
      rowErrors: [
        { row: 1, errors: { name: 'leads.error.nameRequired' } },
        { row: 2, errors: { lead: 'leadForm.cards.error.chooseLead' } },
        { row: 3, errors: { name: 'leads.error.nameRequired', lead: 'leadForm.cards.error.chooseLead' } },
      ],
    });
    expect(await db.leads.count()).toBe(1);
    expect(await leadHistory(db, existing.id)).toHaveLength(1);
  });

  it('a write that fails half-way leaves nothing behind', async () => {
    const existing = await newLead();
    // The contact's write fails (a full disk) after the new lead was written in the same transaction.
    const cards = [card('佐藤 花子', 'Beta'), { kind: 'contact' as const, leadId: existing.id, person: 'x', note: '' }];
    const original = db.leadEvents.add.bind(db.leadEvents);
    let calls = 0;
    db.leadEvents.add = ((...args: Parameters<typeof original>) => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
      return original(...args);
    }) as typeof original;
    await expect(saveBusinessCards(db, cards, AT, T)).rejects.toThrow('disk full');
    db.leadEvents.add = original;
    expect(await db.leads.count()).toBe(1);
    expect(await db.leadEvents.count()).toBe(1);
  });

  it('undo removes the new leads and the logged contacts', async () => {
    const existing = await newLead();
    const result = await saveBusinessCards(db, [card('佐藤 花子', 'Beta'), { kind: 'contact', leadId: existing.id, person: 'x', note: 'n' }], AT, T);
    if (!result.ok) throw new Error();
    await removeBusinessCards(db, result.saved, T + H);
    expect((await db.leads.toArray()).map((l) => l.id)).toEqual([existing.id]);
    expect(await leadHistory(db, existing.id)).toHaveLength(1);
    expect((await db.leads.get(existing.id))?.stage).toBe('new');
  });
});

describe('money typed in a form', () => {
  it.each([
    ['1,200,000', 'JPY', 1_200_000],
    ['１，２００，０００', 'JPY', 1_200_000],
    ['¥600000', 'JPY', 600_000],
    ['￥ 600,000 円', 'JPY', 600_000],
    ['120万', 'JPY', 1_200_000],
    ['1.5万円', 'JPY', 15_000],
    ['1億2000万', 'JPY', 120_000_000],
    ['$1,234.5', 'USD', 123_450],
    ['1234.56', 'USD', 123_456],
    ['0', 'JPY', 0],
  ] as const)('reads %s (%s) as %d minor units', (text, currency, value) => {
    expect(parseMoneyInput(text, currency)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'JPY', { ok: true, value: undefined }],
    ['   ', 'JPY', { ok: true, value: undefined }],
    ['-5', 'JPY', { ok: false, error: 'leads.error.negativeValue' }],
    ['1.5', 'JPY', { ok: false, error: 'leadForm.error.moneyDecimals' }],
    ['1.234', 'USD', { ok: false, error: 'leadForm.error.moneyDecimals' }],
    ['12,34', 'JPY', { ok: false, error: 'leadForm.error.moneyFormat' }],
    ['abc', 'JPY', { ok: false, error: 'leadForm.error.moneyFormat' }],
    ['1e5', 'JPY', { ok: false, error: 'leadForm.error.moneyFormat' }],
    ['2000000000000', 'JPY', { ok: false, error: 'leads.error.absurdValue' }],
  ] as const)('refuses or empties %j (%s)', (text, currency, expected) => {
    expect(parseMoneyInput(text, currency)).toEqual(expected);
  });

  it('writes a stored value back as the text it would read again', () => {
    for (const [value, currency] of [
      [1_200_000, 'JPY'],
      [123_450, 'USD'],
      [5, 'USD'],
    ] as const) {
      const text = moneyInputText(value, currency);
      expect(parseMoneyInput(text, currency)).toEqual({ ok: true, value });
    }
    expect(moneyInputText(1_200_000, 'JPY')).toBe('1,200,000');
    expect(moneyInputText(123_450, 'USD')).toBe('1,234.50');
  });
});

describe('when something happened, as typed (minutes only)', () => {
  const created = Date.UTC(2026, 10, 17, 1, 0, 20); // 10:00:20 in Tokyo
  const now = Date.UTC(2026, 10, 17, 3, 30, 45); // 12:30:45
  const lower = { at: created, key: 'leadForm.error.beforeCreation' };
  const read = (value: string) => readPastInstant(value, 'Asia/Tokyo', now, lower);

  it('reads a time between the lead’s creation and now', () => {
    expect(read('2026-11-17T11:15')).toEqual({ ok: true, at: Date.UTC(2026, 10, 17, 2, 15) });
  });

  it('takes the minute of a bound as the bound itself', () => {
    expect(read('2026-11-17T10:00')).toEqual({ ok: true, at: created });
    expect(read('2026-11-17T12:30')).toEqual({ ok: true, at: Date.UTC(2026, 10, 17, 3, 30) });
    expect(readPastInstant('2026-11-17T12:30', 'Asia/Tokyo', Date.UTC(2026, 10, 17, 3, 30, 0), lower)).toEqual({ ok: true, at: Date.UTC(2026, 10, 17, 3, 30) });
  });

  it('refuses the future, before the bound, and an incomplete value', () => {
    expect(read('2026-11-17T12:31')).toEqual({ ok: false, key: 'leadForm.error.inFuture' });
    expect(read('2026-11-17T09:59')).toEqual({ ok: false, key: 'leadForm.error.beforeCreation', bound: created });
    expect(read('2026-11-17')).toEqual({ ok: false, key: 'leadForm.error.dateInvalid' });
    expect(read('')).toEqual({ ok: false, key: 'leadForm.error.dateInvalid' });
  });

  it('reads the wall clock of the user’s zone', () => {
    const la = readPastInstant('2026-11-16T17:15', 'America/Los_Angeles', now, lower);
    expect(la).toEqual({ ok: true, at: Date.UTC(2026, 10, 17, 1, 15) });
  });
});
