import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { followUps } from '../../../renderer/db/follow-ups';
import { changeStage, createLead, logContact } from '../../../renderer/db/leads';

const TZ = 'Asia/Tokyo';
const MON = Date.UTC(2026, 10, 16, 1, 0); // Mon 10:00 JST
const H = 3_600_000;
const D = 24 * H;
const rules = { followUpSlaHours: 24, staleLeadDays: 60, timeZone: TZ };

let db: TwoHatsDatabase;
beforeEach(async () => {
  db = new TwoHatsDatabase(`follow-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function lead(company: string, createdAt: number) {
  const result = await createLead(db, { company, person: '', source: 'newsletter', createdAt }, createdAt);
  if (!result.ok) throw new Error('invalid');
  return result.lead;
}

describe('follow-ups for Today', () => {
  it('lists new leads past the SLA (business days) and stale open leads, overdue first', async () => {
    await lead('Fresh', MON); // due Tue 10:00
    const overdue = await lead('Overdue', MON - 3 * D); // Fri 10:00 → due Mon 10:00
    const contacted = await lead('Contacted', MON - 3 * D);
    await logContact(db, contacted.id, { channel: 'call', at: MON - 2 * D }, MON);
    const stale = await lead('Stale', MON - 100 * D);
    await logContact(db, stale.id, { channel: 'email', at: MON - 90 * D }, MON);
    const closed = await lead('Closed', MON - 100 * D);
    await changeStage(db, closed.id, 'dropped', { dropReason: 'no budget' }, MON - 99 * D, MON);

    const items = await followUps(db, rules, MON + H);
    expect(items.map((i) => [i.lead.company, i.reason])).toEqual([
      ['Overdue', 'overdue'],
      ['Stale', 'stale'],
    ]);
    expect(items[0]!.since).toBe(MON);
    expect(items[1]!.since).toBe(MON - 90 * D);
    expect(items.find((i) => i.lead.id === overdue.id)).toBeDefined();
  });

  it('one click "contacted" takes a lead off the list', async () => {
    const overdue = await lead('Overdue', MON - 3 * D);
    expect(await followUps(db, rules, MON + H)).toHaveLength(1);
    await logContact(db, overdue.id, { channel: 'call', at: MON + H }, MON + H);
    expect(await followUps(db, rules, MON + 2 * H)).toEqual([]);
  });

  it('an empty database has nothing to follow up', async () => {
    expect(await followUps(db, rules, MON)).toEqual([]);
  });
});
