import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { loadSettings, resetSettings, updateSettings } from '../../../renderer/db/settings';

let db: TwoHatsDatabase;
beforeEach(async () => {
  db = new TwoHatsDatabase(`settings-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('settings in the database', () => {
  it('reads defaults before anything is saved', async () => {
    expect((await loadSettings(db, 5)).weeklyBudgetHours).toBe(8);
  });

  it('saves a valid change and keeps the other fields', async () => {
    await updateSettings(db, { language: 'ja' }, 1);
    const result = await updateSettings(db, { weeklyBudgetHours: 10.5 }, 2);
    expect(result.ok).toBe(true);
    const stored = await loadSettings(db, 3);
    expect(stored).toMatchObject({ language: 'ja', weeklyBudgetHours: 10.5, updatedAt: 2 });
  });

  it('saves nothing when the change is invalid', async () => {
    await updateSettings(db, { followUpSlaHours: 48 }, 1);
    const result = await updateSettings(db, { followUpSlaHours: 0 }, 2);
    expect(result).toEqual({ ok: false, errors: { followUpSlaHours: 'validation.range' } });
    expect((await db.settings.get('app'))?.followUpSlaHours).toBe(48);
  });

  it('two quick edits of different fields both survive', async () => {
    await Promise.all([updateSettings(db, { staleLeadDays: 30 }, 1), updateSettings(db, { currency: 'USD' }, 1)]);
    expect(await loadSettings(db, 2)).toMatchObject({ staleLeadDays: 30, currency: 'USD' });
  });

  it('reset restores the defaults', async () => {
    await updateSettings(db, { weeklyBudgetHours: 20, weekStartsOn: 0 }, 1);
    await resetSettings(db, 2);
    expect(await loadSettings(db, 3)).toMatchObject({ weeklyBudgetHours: 8, weekStartsOn: 1 });
  });
});
