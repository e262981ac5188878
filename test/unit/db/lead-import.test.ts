import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { changeStage, createLead, createLeads, leadHistory, logContact } from '../../../renderer/db/leads';
import { deleteImport, existingLeadKeys, importLeads, initiativesForExport, leadsForExport, restoreRemovedLeads } from '../../../renderer/db/lead-import';
import { emailKey, nameKey } from '../../../shared/csv/duplicates';
import type { Lead } from '../../../shared/domain/model';

const T = Date.UTC(2026, 10, 16, 1, 0);
const H = 3_600_000;

let db: TwoHatsDatabase;
beforeEach(async () => {
  db = new TwoHatsDatabase(`lead-import-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('CSV import in the database', () => {
  it('undo removes exactly the imported leads and all their events, in one go, and redo puts them back', async () => {
    const kept = await createLead(db, { company: 'Kept', person: 'K', source: 'other' }, T);
    if (!kept.ok) throw new Error();
    const imported = await importLeads(
      db,
      Array.from({ length: 30 }, (_, i) => ({ company: `Co ${i}`, person: `P ${i}`, source: 'newsletter' as const, createdAt: T - i * H })),
      T,
    );
    if (!imported.ok) throw new Error();
    const ids = imported.leads.map((l) => l.id);
    expect(ids.every((id) => id.startsWith(imported.batch.prefix) && /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(30);
    // The user already called one of them, and moved another to a proposal, before pressing undo.
    await logContact(db, ids[3] as string, { channel: 'call', at: T + H }, T + H);
    await changeStage(db, ids[4] as string, 'proposal', {}, T + 2 * H, T + 2 * H);

    const removed = await deleteImport(db, imported.batch);
    expect(removed.leads).toHaveLength(30);
    expect(removed.events).toHaveLength(30 + 2 + 1);
    expect(await db.leads.count()).toBe(1);
    expect(await db.leadEvents.count()).toBe(1);
    expect(await leadHistory(db, kept.lead.id)).toHaveLength(1);

    await restoreRemovedLeads(db, removed);
    expect(await db.leads.count()).toBe(31);
    expect(await db.leadEvents.count()).toBe(34);
    expect((await db.leads.get(ids[3] as string))?.stage).toBe('contacted');
    expect((await db.leads.get(ids[4] as string))?.stage).toBe('proposal');
  });

  it('undo is all or nothing: a failure inside leaves every lead in place', async () => {
    const imported = await importLeads(db, [{ company: 'A', person: '', source: 'other' }], T);
    if (!imported.ok) throw new Error();
    const original = db.leadEvents.bulkDelete.bind(db.leadEvents);
    db.leadEvents.bulkDelete = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.leadEvents.bulkDelete;
    await expect(deleteImport(db, imported.batch)).rejects.toThrow('disk full');
    db.leadEvents.bulkDelete = original;
    expect(await db.leads.count()).toBe(1);
    expect(await db.leadEvents.count()).toBe(1);
  });

  it('two imports are undone separately', async () => {
    const a = await importLeads(db, [{ company: 'A', person: '', source: 'other' }], T);
    const b = await importLeads(db, [{ company: 'B', person: '', source: 'other' }], T);
    if (!a.ok || !b.ok) throw new Error();
    expect(a.batch.prefix).not.toBe(b.batch.prefix);
    expect((await deleteImport(db, a.batch)).leads.map((l) => l.company)).toEqual(['A']);
    expect((await db.leads.toArray()).map((l) => l.company)).toEqual(['B']);
    expect(await deleteImport(db, a.batch)).toEqual({ leads: [], events: [] });
  });

  it('knows the duplicate keys of saved leads', async () => {
    await createLeads(
      db,
      [
        { company: 'ＡＣＭＥ Corp', person: 'John  Smith', email: 'John@Acme.Example', source: 'other' },
        { company: '株式会社サンプル', person: '', source: 'other' },
      ],
      T,
    );
    const keys = await existingLeadKeys(db);
    expect(keys.emails.has(emailKey('john@acme.example') as string)).toBe(true);
    expect(keys.names.has(nameKey('acme corp', 'johnsmith') as string)).toBe(true);
    expect(keys.names.has(nameKey('株式会社 サンプル', '') as string)).toBe(true);
    expect(keys.emails.size).toBe(1);
  });

  it('exports leads oldest first and initiatives by start', async () => {
    await createLeads(
      db,
      [
        { company: 'Late', person: '', source: 'other', createdAt: T },
        { company: 'Early', person: '', source: 'other', createdAt: T - H },
      ],
      T,
    );
    await db.initiatives.bulkAdd([
      { id: 'b', name: 'B', channel: 'seo', status: 'running', start: T, end: T + H, archived: 0, createdAt: T, updatedAt: T },
      { id: 'a', name: 'A', channel: 'seo', status: 'done', start: T - H, end: T, archived: 1, createdAt: T, updatedAt: T },
    ]);
    expect((await leadsForExport(db)).map((l) => l.company)).toEqual(['Early', 'Late']);
    expect((await initiativesForExport(db)).map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('importLeads: createLeads in chunks', () => {
  const drafts = Array.from({ length: 2500 }, (_, i) => ({ company: `Co ${i}`, person: `P ${i}`, source: 'newsletter' as const, email: ` u${i}@x.example `, note: '', createdAt: T - i * H }));

  it('writes the same rows as createLeads, in one transaction, with progress', async () => {
    const progress: number[] = [];
    const imported = await importLeads(db, drafts, T, (done) => progress.push(done));
    if (!imported.ok) throw new Error();
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(await db.leads.count()).toBe(2500);
    expect(await db.leadEvents.count()).toBe(2500);
    // Read back in pages of 2,000: every lead once, the export oldest first.
    expect((await existingLeadKeys(db)).emails.size).toBe(2500);
    const exported = await leadsForExport(db);
    expect(exported).toHaveLength(2500);
    expect(exported.every((lead, i) => i === 0 || (exported[i - 1] as Lead).createdAt <= lead.createdAt)).toBe(true);

    const other = new TwoHatsDatabase(`lead-import-ref-${Math.random()}`);
    await other.open();
    const reference = await createLeads(other, drafts.slice(0, 3), T);
    if (!reference.ok) throw new Error();
    const strip = ({ id: _id, ...rest }: Lead) => rest;
    expect(imported.leads.slice(0, 3).map(strip)).toEqual(reference.leads.map(strip));
    const eventShape = async (d: TwoHatsDatabase, id: string) => (await leadHistory(d, id)).map(({ id: _e, leadId: _l, ...rest }) => rest);
    expect(await eventShape(db, imported.leads[1]!.id)).toEqual(await eventShape(other, reference.leads[1]!.id));
    other.close();
    await Dexie.delete(other.name);
  });

  it('writes nothing when any row is invalid, even one in the last chunk', async () => {
    const bad = [...drafts.slice(0, 2400), { company: '', person: ' ', source: 'other' as const }];
    const result = await importLeads(db, bad, T);
    expect(result).toEqual({ ok: false, rowErrors: [{ row: 2400, errors: { name: 'leads.error.nameRequired' } }] });
    expect(await db.leads.count()).toBe(0);
    expect(await db.leadEvents.count()).toBe(0);
  });

  it('and undo removes thousands of imported leads with their events at once', async () => {
    const imported = await importLeads(db, drafts, T);
    if (!imported.ok) throw new Error();
    const removed = await deleteImport(db, imported.batch);
    expect(removed.leads).toHaveLength(2500);
    expect(removed.events).toHaveLength(2500);
    expect(await db.leadEvents.count()).toBe(0);
  });
});
