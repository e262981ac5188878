import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import {
  createWin,
  defaultWindowStart,
  deleteWin,
  earlierWindowStart,
  findLeadsToLink,
  latestWinBefore,
  recentWins,
  restoreWin,
  setWinStarred,
  starredWinsIn,
  updateWin,
  winsIn,
  winsOfLead,
} from '../../../renderer/db/wins';
import { weekContaining } from '../../../shared/domain/calendar';
import type { Lead, Win } from '../../../shared/domain/model';
import { DEFAULT_SOURCE_ORIGINS } from '../../../shared/domain/model';
import type { WinDraft } from '../../../shared/domain/wins';
import type { TFunction } from 'i18next';
import { i18next } from '../../../renderer/i18n';
import { en } from '../../../renderer/i18n/en';
import { ja } from '../../../renderer/i18n/ja';
import { featuresEn } from '../../../renderer/i18n/features.en';
import { featuresJa } from '../../../renderer/i18n/features.ja';
import { useCapture } from '../../../renderer/stores/capture';
import { useToasts } from '../../../renderer/stores/toasts';
import { formatWinAmount, parseAmountInput, toAmountInput, toStoredAmount } from '../../../renderer/features/wins/amount';
import { offerSuggestedWin } from '../../../renderer/features/wins/suggest';
import { winErrorMessage } from '../../../renderer/features/wins/win-errors';
import { draftFromForm, formChanged, formFromPrefill, leadName, splitTagText } from '../../../renderer/features/wins/win-form';

const TZ = 'Asia/Tokyo';
const MON = Date.UTC(2026, 10, 16, 0, 0); // Mon 2026-11-16 09:00 JST
const H = 3_600_000;
const D = 24 * H;

let db: TwoHatsDatabase;
beforeEach(async () => {
  db = new TwoHatsDatabase(`wins-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const draft = (over: Partial<WinDraft> = {}): WinDraft => ({ at: MON, title: 'A newsletter reader asked for a quote', type: 'inquiry', tags: [], starred: 0, ...over });

async function created(over: Partial<WinDraft> = {}, now = MON + H): Promise<Win> {
  const result = await createWin(db, draft(over), now);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.win;
}

describe('createWin', () => {
  it('saves a normalised win with its bookkeeping', async () => {
    const result = await createWin(
      db,
      draft({ title: '  Quote request  ', tags: [' newsletter', 'Newsletter', 'ｎｅｗｓｌｅｔｔｅｒ', '', 'quote'], unit: '  ', note: '   ', amount: 35, starred: 1 }),
      MON + H,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await db.wins.get(result.win.id);
    expect(stored).toEqual(result.win);
    expect(stored).toMatchObject({ title: 'Quote request', tags: ['newsletter', 'quote'], amount: 35, starred: 1, createdAt: MON + H, updatedAt: MON + H });
    // Empty optional strings are not stored: "no note" is one state, not two.
    expect(stored).not.toHaveProperty('unit');
    expect(stored).not.toHaveProperty('note');
    expect(typeof stored?.id).toBe('string');
  });

  it('refuses a wrong draft with one key per field, and saves nothing', async () => {
    const result = await createWin(
      db,
      draft({ title: '   ', at: MON + 2 * 365 * D, amount: -3, unit: 'opens', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }),
      MON,
    );
    expect(result).toEqual({
      ok: false,
      errors: { title: 'validation.required', at: 'wins.futureDate', amount: 'validation.nonNegative', tags: 'wins.tooManyTags' },
    });
    expect(await createWin(db, draft({ amount: Number.NaN }), MON)).toEqual({ ok: false, errors: { amount: 'validation.number' } });
    expect(await createWin(db, draft({ at: Number.NaN }), MON)).toEqual({ ok: false, errors: { at: 'validation.invalid' } });
    expect(await db.wins.count()).toBe(0);
  });

  it('allows a negative change in a relative unit and a date a few hours ahead (another zone)', async () => {
    await created({ amount: -5, unit: '%' }, MON);
    await created({ at: MON + 20 * H }, MON);
    expect(await db.wins.count()).toBe(2);
  });
});

describe('updateWin', () => {
  it('replaces the fields, keeps id and createdAt, and returns the previous row for undo', async () => {
    const win = await created({ note: 'from the Nov issue', amount: 3, unit: 'inquiries' });
    const result = await updateWin(db, win.id, draft({ title: 'Quote request (Nov issue)', starred: 1 }), MON + 2 * H);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.previous).toEqual(win);
    const stored = await db.wins.get(win.id);
    expect(stored).toEqual({ ...draft({ title: 'Quote request (Nov issue)', starred: 1 }), id: win.id, createdAt: win.createdAt, updatedAt: MON + 2 * H });
    // Cleared optional fields are gone.
    expect(stored).not.toHaveProperty('note');
    expect(stored).not.toHaveProperty('amount');

    await restoreWin(db, result.previous);
    expect(await db.wins.get(win.id)).toEqual(win);
  });

  it('refuses a wrong edit and leaves the row untouched', async () => {
    const win = await created();
    expect(await updateWin(db, win.id, draft({ title: '' }), MON + H)).toEqual({ ok: false, errors: { title: 'validation.required' } });
    expect(await updateWin(db, win.id, draft({ at: MON + 400 * D }), MON + H)).toEqual({ ok: false, errors: { at: 'wins.futureDate' } });
    expect(await db.wins.get(win.id)).toEqual(win);
  });

  it('keeps an unchanged date even if it was saved ahead of the clock', async () => {
    // Saved at 09:00 with a date 20 h ahead; edited the day before that date would be "too far" from a slow clock.
    const win = await created({ at: MON + 20 * H }, MON);
    const result = await updateWin(db, win.id, draft({ at: MON + 20 * H, title: 'renamed' }), MON - 10 * H);
    expect(result.ok).toBe(true);
  });

  it('throws for a win that no longer exists', async () => {
    await expect(updateWin(db, 'nope', draft(), MON)).rejects.toThrow('No win nope');
  });
});

describe('star, delete and undo', () => {
  it('stars and unstars, touching updatedAt only when something changes', async () => {
    const win = await created();
    expect(await setWinStarred(db, win.id, 1, MON + 5 * H)).toMatchObject({ starred: 1, updatedAt: MON + 5 * H });
    expect(await setWinStarred(db, win.id, 1, MON + 6 * H)).toMatchObject({ starred: 1, updatedAt: MON + 5 * H });
    expect(await setWinStarred(db, win.id, 0, MON + 7 * H)).toMatchObject({ starred: 0, updatedAt: MON + 7 * H });
    expect(await setWinStarred(db, 'gone', 1, MON)).toBeUndefined();
  });

  it('deletes a win and restores it exactly', async () => {
    const win = await created({ starred: 1, tags: ['newsletter'] });
    const deleted = await deleteWin(db, win.id);
    expect(deleted).toEqual(win);
    expect(await db.wins.count()).toBe(0);
    expect(await deleteWin(db, win.id)).toBeUndefined();
    await restoreWin(db, deleted!);
    expect(await db.wins.get(win.id)).toEqual(win);
    // Back in the indexes too.
    expect(await starredWinsIn(db, { start: MON, end: MON + D })).toEqual([win]);
  });
});

describe('reads by index', () => {
  it('reads a period half-open, and "and later" with an infinite end', async () => {
    const before = await created({ at: MON - 1, title: 'Sunday' });
    const start = await created({ at: MON, title: 'Monday' });
    const end = await created({ at: MON + 7 * D, title: 'next Monday' }, MON + 7 * D);
    const titles = (wins: Win[]) => wins.map((w) => w.title).sort();
    expect(titles(await winsIn(db, { start: MON, end: MON + 7 * D }))).toEqual(['Monday']);
    expect(titles(await winsIn(db, { start: MON, end: Infinity }))).toEqual(['Monday', 'next Monday']);
    expect(await latestWinBefore(db, MON)).toEqual(before);
    expect(await latestWinBefore(db, MON - 1)).toBeUndefined();
    expect((await recentWins(db, 2)).map((w) => w.id)).toEqual([end.id, start.id]);
  });

  it('reads starred wins of a period by [starred+at]', async () => {
    await created({ at: MON, starred: 1, title: 'starred in' });
    await created({ at: MON + H, starred: 0, title: 'not starred' });
    await created({ at: MON - D, starred: 1, title: 'starred before' });
    expect((await starredWinsIn(db, { start: MON, end: MON + 7 * D })).map((w) => w.title)).toEqual(['starred in']);
  });

  it('reads one lead’s wins by leadId', async () => {
    await created({ leadId: 'lead-1', title: 'first' });
    await created({ leadId: 'lead-2', title: 'other lead' });
    await created({ title: 'no lead' });
    expect((await winsOfLead(db, 'lead-1')).map((w) => w.title)).toEqual(['first']);
  });
});

describe('the timeline window', () => {
  it('starts 11 weeks before the start of this week', () => {
    const thursday = MON + 3 * D + 5 * H;
    const mondayMidnight = MON - 9 * H;
    expect(defaultWindowStart(thursday, TZ, 1)).toBe(mondayMidnight - 77 * D);
    // Week starting on Sunday: the week of Thursday the 19th starts on Sunday the 15th.
    expect(defaultWindowStart(thursday, TZ, 0)).toBe(mondayMidnight - D - 77 * D);
  });

  it('"Show earlier" adds 12 weeks, or jumps over a long gap to the next earlier win, or says there is nothing', async () => {
    const windowStart = defaultWindowStart(MON, TZ, 1);
    expect(await earlierWindowStart(db, windowStart, TZ, 1)).toBeNull();

    // A win 3 weeks before the window: the next 12 weeks include it.
    await created({ at: windowStart - 20 * D, title: 'three weeks earlier' });
    expect(await earlierWindowStart(db, windowStart, TZ, 1)).toBe(windowStart - 84 * D);

    // Only a win a year earlier: the window ends with that win's week.
    await db.wins.clear();
    const yearAgo = windowStart - 365 * D;
    await created({ at: yearAgo, title: 'a year earlier' });
    const start = await earlierWindowStart(db, windowStart, TZ, 1);
    const weekOfWin = weekContaining(yearAgo, TZ, 1).start;
    expect(start).toBe(weekOfWin - 77 * D);
    expect((await winsIn(db, { start: start!, end: windowStart })).map((w) => w.title)).toEqual(['a year earlier']);
  });

  it('keeps wall-clock week starts across a DST change', () => {
    const ny = 'America/New_York';
    // Mon 2026-11-16 00:00 EST; 11 weeks earlier is Mon 2026-08-31 00:00 EDT.
    const monday = Date.UTC(2026, 10, 16, 5, 0);
    expect(new Date(defaultWindowStart(monday + 3 * H, ny, 1)).toISOString()).toBe('2026-08-31T04:00:00.000Z');
  });
});

describe('findLeadsToLink', () => {
  const lead = (id: string, company: string, person: string, createdAt: number): Lead => ({
    id,
    company,
    person,
    createdAt,
    source: 'newsletter',
    stage: 'new',
    updatedAt: createdAt,
  });

  beforeEach(async () => {
    await db.leads.bulkAdd([
      lead('a', 'ACME', '山田 太郎', MON),
      lead('b', '株式会社サンプル', '佐藤 花子', MON + H),
      lead('c', 'Acme Trading', 'John Smith', MON + 2 * H),
      lead('d', 'ｱｸﾒ商事', '', MON + 3 * H),
    ]);
  });

  it('matches company or person, any case or width, every word, newest first', async () => {
    expect((await findLeadsToLink(db, 'acme', 10)).map((l) => l.id)).toEqual(['c', 'a']);
    expect((await findLeadsToLink(db, 'ＡＣＭＥ　山田', 10)).map((l) => l.id)).toEqual(['a']);
    expect((await findLeadsToLink(db, '佐藤', 10)).map((l) => l.id)).toEqual(['b']);
    expect((await findLeadsToLink(db, 'アクメ', 10)).map((l) => l.id)).toEqual(['d']);
  });

  it('stops at the limit and finds nothing for blank text', async () => {
    expect((await findLeadsToLink(db, 'a', 1)).map((l) => l.id)).toEqual(['c']);
    expect(await findLeadsToLink(db, '   ', 10)).toEqual([]);
    expect(await findLeadsToLink(db, 'nobody', 10)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The capture's form model, the number field and the suggested wins (renderer/features/wins):
// the pieces between what the user types and what renderer/db/wins.ts saves.

describe('the number of a win', () => {
  it('reads what people type: signs, dashes, full width, thousands, a unit after the number', () => {
    expect(parseAmountInput('')).toEqual({ ok: true, value: undefined, unit: '' });
    expect(parseAmountInput('  ')).toEqual({ ok: true, value: undefined, unit: '' });
    expect(parseAmountInput('+35 opens')).toEqual({ ok: true, value: 35, unit: 'opens' });
    expect(parseAmountInput('１２件')).toEqual({ ok: true, value: 12, unit: '件' });
    expect(parseAmountInput('−5%')).toEqual({ ok: true, value: -5, unit: '%' });
    expect(parseAmountInput('1,200,000')).toEqual({ ok: true, value: 1_200_000, unit: '' });
    expect(parseAmountInput('0.3 pt')).toEqual({ ok: true, value: 0.3, unit: 'pt' });
    expect(parseAmountInput('-0')).toEqual({ ok: true, value: 0, unit: '' });
  });

  it('refuses what is not a number rather than guessing', () => {
    for (const text of ['abc', '1,2', '1.2.3', '35.', '++3', 'opens 35', '--']) expect(parseAmountInput(text), text).toEqual({ ok: false });
  });

  it('stores money in minor units and shows it back in major units', () => {
    expect(toStoredAmount(12.5, 'USD')).toBe(1250);
    expect(toStoredAmount(1200000, 'jpy')).toBe(1_200_000);
    expect(toStoredAmount(12.5, 'opens')).toBe(12.5);
    expect(toAmountInput(1250, 'USD')).toBe('12.5');
    expect(toAmountInput(35, 'opens')).toBe('35');
    expect(toAmountInput(undefined, 'USD')).toBe('');
  });

  it('formats counts plainly, changes with their sign, money as money', () => {
    expect(formatWinAmount(35, 'opens', 'en')).toBe('35 opens');
    expect(formatWinAmount(12, '件', 'ja')).toBe('12件');
    expect(formatWinAmount(18, '%', 'en')).toBe('+18%');
    expect(formatWinAmount(-0.3, 'pt', 'en')).toBe('-0.3 pt');
    expect(formatWinAmount(1_200_000, 'JPY', 'en')).toBe('¥1,200,000');
    expect(formatWinAmount(1250, 'USD', 'en')).toBe('$12.50');
    expect(formatWinAmount(1234.5, undefined, 'en')).toBe('1,234.5');
  });
});

describe('the win form', () => {
  const empty = () => formFromPrefill(null, MON, TZ);

  it('opens empty, dated now, and saves the moment of saving when the date is left alone', () => {
    const form = empty();
    expect(form).toMatchObject({ title: '', type: 'other', starred: false, when: '2026-11-16T09:00', fixedAt: null, whenTouched: false });
    const result = draftFromForm({ ...form, title: 'Quote request' }, TZ, MON + 90_000);
    expect(result).toEqual({ ok: true, draft: { at: MON + 90_000, title: 'Quote request', type: 'other', tags: [], starred: 0 } });
  });

  it('keeps the exact instant of a prefill or an edited win, and reads a changed date in the user’s zone', () => {
    const prefilled = formFromPrefill({ at: MON + 1234, title: 'x', type: 'deal', amount: 1250, unit: 'USD', starred: 1, tags: ['a'] }, MON + H, TZ);
    expect(prefilled).toMatchObject({ when: '2026-11-16T09:00', fixedAt: MON + 1234, amount: '12.5', unit: 'USD', starred: true, type: 'deal' });
    expect(draftFromForm(prefilled, TZ, MON + H)).toMatchObject({ ok: true, draft: { at: MON + 1234, amount: 1250, unit: 'USD' } });
    const moved = { ...prefilled, when: '2026-11-15T18:30', whenTouched: true };
    expect(draftFromForm(moved, TZ, MON + H)).toMatchObject({ ok: true, draft: { at: MON - 14.5 * H } });
  });

  it('keeps a tag still being typed and a unit typed into the number field', () => {
    const form = { ...empty(), title: 't', tags: ['newsletter'], tagText: 'Newsletter, opens', amount: '+35 opens' };
    expect(draftFromForm(form, TZ, MON)).toMatchObject({ ok: true, draft: { tags: ['newsletter', 'opens'], amount: 35, unit: 'opens' } });
    // Two different units: the user must choose.
    expect(draftFromForm({ ...form, unit: 'clicks' }, TZ, MON)).toEqual({ ok: false, errors: { amount: 'validation.finite' } });
  });

  it('reports every wrong field at once', () => {
    const form = { ...empty(), title: ' ', when: '2028-11-16T09:00', whenTouched: true, amount: 'abc' };
    expect(draftFromForm(form, TZ, MON)).toEqual({ ok: false, errors: { title: 'validation.required', at: 'wins.futureDate', amount: 'validation.finite' } });
    expect(draftFromForm({ ...empty(), title: 'x', when: '', whenTouched: true }, TZ, MON)).toEqual({ ok: false, errors: { at: 'validation.invalid' } });
    expect(draftFromForm({ ...empty(), title: 'x', amount: '-3', unit: 'inquiries' }, TZ, MON)).toEqual({ ok: false, errors: { amount: 'validation.nonNegative' } });
  });

  it('tells a changed form from an untouched one', () => {
    const form = empty();
    expect(formChanged(form, { ...form })).toBe(false);
    // Focusing the date and leaving it as it was is not a change worth keeping.
    expect(formChanged(form, { ...form, whenTouched: true })).toBe(false);
    expect(formChanged(form, { ...form, title: 'a' })).toBe(true);
    expect(formChanged(form, { ...form, tagText: 'a' })).toBe(true);
    expect(formChanged(form, { ...form, when: '2026-11-15T09:00', whenTouched: true })).toBe(true);
  });

  it('splits tags at ASCII, full-width and Japanese commas', () => {
    expect(splitTagText('a, b，c、 d\n e ,, ')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('maps every rule key to a message that exists, in both languages', async () => {
    await setUpI18n('ja');
    const t = i18next.t.bind(i18next) as TFunction;
    const cases: [keyof WinDraft, string][] = [
      ['title', 'validation.required'],
      ['title', 'validation.tooLong'],
      ['tags', 'validation.tooLong'],
      ['amount', 'validation.number'],
      ['amount', 'validation.finite'],
      ['amount', 'validation.nonNegative'],
      ['amount', 'validation.tooLarge'],
      ['at', 'validation.invalid'],
      ['at', 'wins.futureDate'],
      ['tags', 'wins.tooManyTags'],
    ];
    for (const language of ['ja', 'en'] as const) {
      await i18next.changeLanguage(language);
      for (const [field, key] of cases) {
        const message = winErrorMessage(t, field, key);
        expect(message, `${language} ${field} ${key}`).not.toMatch(/^(validation|wins)\./);
        expect(message).not.toContain('{{');
      }
    }
    expect(winErrorMessage(t, 'title', 'validation.tooLong')).toBe('Use at most 200 characters.');
    expect(winErrorMessage(t, 'tags', 'wins.tooManyTags')).toBe('Use at most 20 tags.');
  });
});

describe('suggested wins', () => {
  const lead = (over: Partial<Lead> = {}): Lead => ({
    id: 'lead-1',
    createdAt: MON,
    company: 'ACME',
    person: '山田 太郎',
    source: 'newsletter',
    stage: 'new',
    updatedAt: MON,
    ...over,
  });
  const context = () => ({ db, sourceOrigins: DEFAULT_SOURCE_ORIGINS, currency: 'JPY' as const });

  beforeEach(async () => {
    await setUpI18n('en');
    useToasts.setState({ toasts: [] });
    useCapture.setState({ open: false, prefill: null });
  });

  it('offers a new marketing lead as an inquiry; one click opens the capture prefilled', async () => {
    const offered = await offerSuggestedWin({ kind: 'lead-added', lead: lead({ initiativeId: 'ini-1' }) }, context());
    expect(offered).toEqual({ title: 'New lead from Newsletter: ACME · 山田 太郎', type: 'inquiry', at: MON, leadId: 'lead-1', initiativeId: 'ini-1', tags: [], starred: 0 });
    const [toast] = useToasts.getState().toasts;
    expect(toast).toMatchObject({ message: 'A lead from marketing came in: ACME · 山田 太郎. Log it as a win?', tone: 'info', action: { label: 'Log as a win' } });
    // Offered, not forced: nothing is open or saved until the user says so.
    expect(useCapture.getState().open).toBe(false);
    expect(await db.wins.count()).toBe(0);
    await toast!.action!.run();
    expect(useCapture.getState()).toMatchObject({ open: true, prefill: offered });
  });

  it('offers nothing for a new lead of sales origin', async () => {
    expect(await offerSuggestedWin({ kind: 'lead-added', lead: lead({ source: 'outbound' }) }, context())).toBeNull();
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('offers a won deal with its value as money, titled in the user’s language', async () => {
    await i18next.changeLanguage('ja');
    const offered = await offerSuggestedWin({ kind: 'lead-won', lead: lead({ source: 'outbound', value: 1_200_000, stage: 'won' }), at: MON + 5 * D }, context());
    expect(offered).toMatchObject({ title: 'ACME · 山田 太郎から受注', type: 'deal', at: MON + 5 * D, amount: 1_200_000, unit: 'JPY' });
    expect(useToasts.getState().toasts[0]?.message).toBe('ACME · 山田 太郎から受注しました。小さな成功として記録しますか？');
  });

  it('does not offer the same kind of win twice for one lead', async () => {
    await created({ leadId: 'lead-1', type: 'meeting-booked', title: 'Meeting booked with ACME' });
    expect(await offerSuggestedWin({ kind: 'lead-opportunity', lead: lead(), at: MON + D }, context())).toBeNull();
    expect(await offerSuggestedWin({ kind: 'lead-won', lead: lead(), at: MON + 2 * D }, context())).toMatchObject({ type: 'deal', title: 'Won the deal with ACME · 山田 太郎' });
  });

  it('names a lead with only a company or only a person', () => {
    expect(leadName({ company: 'ACME', person: '' })).toBe('ACME');
    expect(leadName({ company: ' ', person: '佐藤 花子' })).toBe('佐藤 花子');
  });
});

/** i18next as the app sets it up, with the core and the feature messages of both languages. */
async function setUpI18n(language: 'ja' | 'en'): Promise<void> {
  if (!i18next.isInitialized) {
    await i18next.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng: language, fallbackLng: false, interpolation: { escapeValue: false } });
    i18next.addResourceBundle('en', 'translation', featuresEn, true, true);
    i18next.addResourceBundle('ja', 'translation', featuresJa, true, true);
  }
  await i18next.changeLanguage(language);
}
