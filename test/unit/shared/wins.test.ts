import { describe, expect, it } from 'vitest';
import {
  filterWins,
  groupWinsByWeek,
  isCountUnit,
  isMarketingSourcedLead,
  normalizeTags,
  normalizeWinDraft,
  reportWins,
  searchKey,
  suggestedWin,
  validateWinDraft,
  WIN_LIMITS,
  winsInPeriod,
} from '../../../shared/domain/wins';
import type { WinDraft } from '../../../shared/domain/wins';
import { DEFAULT_SOURCE_ORIGINS, WIN_TYPES } from '../../../shared/domain/model';
import type { Lead, Win, WinType } from '../../../shared/domain/model';
import { DAY_MS, monthContaining } from '../../../shared/domain/calendar';

// Instants are written WITH their offset and zones are passed explicitly, so the file means the
// same in both test runs (TZ=Asia/Tokyo and TZ=America/Los_Angeles).
const TOKYO = 'Asia/Tokyo';
const LA = 'America/Los_Angeles';

const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad fixture ${iso}`);
  return ms;
};

let n = 0;
function win(when: string, extra: Partial<Win> = {}): Win {
  n += 1;
  const instant = at(when);
  return { id: `w${String(n).padStart(3, '0')}`, at: instant, title: `win ${n}`, type: 'other', tags: [], starred: 0, createdAt: instant, updatedAt: instant, ...extra };
}

const NOW = at('2026-10-07T12:00+09:00');
const draft = (extra: Partial<WinDraft> = {}): WinDraft => ({
  at: at('2026-10-07T10:30+09:00'),
  title: 'メルマガ読者から見積依頼',
  type: 'inquiry',
  tags: ['メルマガ'],
  starred: 1,
  ...extra,
});

describe('validateWinDraft', () => {
  it('accepts a complete draft', () => {
    expect(validateWinDraft(draft({ amount: 35, unit: 'opens', note: '件名を変えた号' }), NOW)).toEqual({});
  });

  it('requires a title that is more than whitespace (including the ideographic space)', () => {
    expect(validateWinDraft(draft({ title: '' }), NOW)).toEqual({ title: 'validation.required' });
    expect(validateWinDraft(draft({ title: ' \u3000\t' }), NOW)).toEqual({ title: 'validation.required' });
  });

  it('limits the title to 200 characters after trimming, counting an emoji as one', () => {
    expect(validateWinDraft(draft({ title: `  ${'あ'.repeat(200)}  ` }), NOW)).toEqual({});
    expect(validateWinDraft(draft({ title: '😀'.repeat(200) }), NOW)).toEqual({});
    expect(validateWinDraft(draft({ title: 'a'.repeat(201) }), NOW)).toEqual({ title: 'validation.tooLong' });
  });

  it('allows a date up to one day after now, and not beyond', () => {
    expect(validateWinDraft(draft({ at: NOW + DAY_MS }), NOW)).toEqual({});
    expect(validateWinDraft(draft({ at: NOW + DAY_MS + 1 }), NOW)).toEqual({ at: 'wins.futureDate' });
    expect(validateWinDraft(draft({ at: at('2027-10-07T10:30+09:00') }), NOW)).toEqual({ at: 'wins.futureDate' });
    expect(validateWinDraft(draft({ at: at('2016-10-07T10:30+09:00') }), NOW)).toEqual({});
    expect(validateWinDraft(draft({ at: Number.NaN }), NOW)).toEqual({ at: 'validation.invalid' });
  });

  it('rejects an unknown type', () => {
    expect(validateWinDraft(draft({ type: 'bogus' as WinType }), NOW)).toEqual({ type: 'validation.invalid' });
  });

  it('wants a finite amount, not negative for a count, and not absurd', () => {
    expect(validateWinDraft(draft({ amount: Number.NaN }), NOW)).toEqual({ amount: 'validation.number' });
    expect(validateWinDraft(draft({ amount: Number.POSITIVE_INFINITY }), NOW)).toEqual({ amount: 'validation.number' });
    expect(validateWinDraft(draft({ amount: -5, unit: 'opens' }), NOW)).toEqual({ amount: 'validation.nonNegative' });
    expect(validateWinDraft(draft({ amount: -5 }), NOW)).toEqual({ amount: 'validation.nonNegative' });
    expect(validateWinDraft(draft({ amount: -5, unit: '件' }), NOW)).toEqual({ amount: 'validation.nonNegative' });
    expect(validateWinDraft(draft({ amount: 0, unit: '件' }), NOW)).toEqual({});
    // A change in a rate may be negative ("bounce rate −5 %"), in any width.
    expect(validateWinDraft(draft({ amount: -5, unit: '％' }), NOW)).toEqual({});
    expect(validateWinDraft(draft({ amount: -0.3, unit: 'pt' }), NOW)).toEqual({});
    expect(validateWinDraft(draft({ amount: 2e12, unit: '円' }), NOW)).toEqual({ amount: 'validation.tooLarge' });
  });

  it('limits tags after normalising them: 20 at most, each up to 50 characters', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `tag${i}`);
    expect(validateWinDraft(draft({ tags: twenty }), NOW)).toEqual({});
    // Duplicates that differ in case or width collapse before counting.
    expect(validateWinDraft(draft({ tags: [...twenty, 'TAG0', 'ｔａｇ１', '  '] }), NOW)).toEqual({});
    expect(validateWinDraft(draft({ tags: [...twenty, 'tag20'] }), NOW)).toEqual({ tags: 'wins.tooManyTags' });
    expect(validateWinDraft(draft({ tags: ['x'.repeat(51)] }), NOW)).toEqual({ tags: 'validation.tooLong' });
    expect(WIN_LIMITS.tags).toBe(20);
  });

  it('checks unit and note lengths', () => {
    expect(validateWinDraft(draft({ unit: 'u'.repeat(21) }), NOW)).toEqual({ unit: 'validation.tooLong' });
    expect(validateWinDraft(draft({ note: 'n'.repeat(2001) }), NOW)).toEqual({ note: 'validation.tooLong' });
  });

  it('reports every wrong field at once', () => {
    expect(validateWinDraft(draft({ title: '', at: NOW + 2 * DAY_MS, amount: -1 }), NOW)).toEqual({
      title: 'validation.required',
      at: 'wins.futureDate',
      amount: 'validation.nonNegative',
    });
  });
});

describe('normalizeTags and normalizeWinDraft', () => {
  it('trims, drops empty tags and keeps the first spelling of case- or width-variants', () => {
    expect(normalizeTags(['  メルマガ ', 'ﾒﾙﾏｶﾞ', 'Newsletter', 'newsletter', 'ＮＥＷＳＬＥＴＴＥＲ', '', '   ', '展示会'])).toEqual([
      'メルマガ',
      'Newsletter',
      '展示会',
    ]);
    expect(normalizeTags([])).toEqual([]);
  });

  it('trims text fields and removes empty optional ones', () => {
    expect(
      normalizeWinDraft(draft({ title: '  見積依頼 ', note: '   ', unit: ' 件 ', initiativeId: '', tags: ['a', 'A '], amount: 1 })),
    ).toEqual({ at: draft().at, title: '見積依頼', type: 'inquiry', tags: ['a'], starred: 1, unit: '件', amount: 1 });
  });

  it('tells count units from relative ones', () => {
    expect(isCountUnit(undefined)).toBe(true);
    expect(isCountUnit('opens')).toBe(true);
    expect(isCountUnit('円')).toBe(true);
    expect(isCountUnit('%')).toBe(false);
    expect(isCountUnit(' ポイント ')).toBe(false);
    expect(isCountUnit('ＰＴ')).toBe(false);
  });
});

describe('winsInPeriod', () => {
  it('keeps wins in the half-open period', () => {
    const october = monthContaining(at('2026-10-15T12:00+09:00'), TOKYO);
    const first = win('2026-10-01T00:00+09:00');
    const last = win('2026-10-31T23:59:59.999+09:00');
    const before = win('2026-09-30T23:59:59.999+09:00');
    const after = win('2026-11-01T00:00+09:00');
    expect(winsInPeriod([before, first, after, last], october)).toEqual([first, last]);
    expect(winsInPeriod([], october)).toEqual([]);
  });
});

describe('groupWinsByWeek', () => {
  const mon = win('2026-09-28T09:00+09:00');
  const sun = win('2026-10-04T23:30+09:00');
  const nextMon = win('2026-10-05T00:10+09:00');
  const prevSun = win('2026-09-27T23:59+09:00');
  const all = [mon, prevSun, nextMon, sun];

  it('groups by Monday weeks in Tokyo, newest week first and newest win first', () => {
    expect(groupWinsByWeek(all, TOKYO, 1)).toEqual([
      { weekStart: '2026-10-05', wins: [nextMon] },
      { weekStart: '2026-09-28', wins: [sun, mon] },
      { weekStart: '2026-09-21', wins: [prevSun] },
    ]);
  });

  it('puts the same instants in other weeks in another zone or with Sunday weeks', () => {
    // In LA, Mon 5 Oct 00:10 Tokyo is Sun 4 Oct 08:10, and Sun 27 Sep 23:59 Tokyo is Sun 27 Sep 07:59.
    expect(groupWinsByWeek(all, LA, 1)).toEqual([
      { weekStart: '2026-09-28', wins: [nextMon, sun] },
      { weekStart: '2026-09-21', wins: [mon, prevSun] },
    ]);
    // Sunday weeks in Tokyo: Sun 27 Sep starts a week, and so does Sun 4 Oct.
    expect(groupWinsByWeek(all, TOKYO, 0)).toEqual([
      { weekStart: '2026-10-04', wins: [nextMon, sun] },
      { weekStart: '2026-09-27', wins: [mon, prevSun] },
    ]);
  });

  it('breaks ties by creation and then id, and skips a win with no valid date', () => {
    const a = win('2026-10-06T10:00+09:00', { id: 'a', createdAt: 1 });
    const b = win('2026-10-06T10:00+09:00', { id: 'b', createdAt: 2 });
    const c = win('2026-10-06T10:00+09:00', { id: 'c', createdAt: 2 });
    const broken = { ...a, id: 'broken', at: Number.NaN };
    expect(groupWinsByWeek([a, broken, b, c], TOKYO, 1)).toEqual([{ weekStart: '2026-10-05', wins: [c, b, a] }]);
    expect(groupWinsByWeek([], TOKYO, 1)).toEqual([]);
  });
});

describe('filterWins', () => {
  const newsletter = win('2026-10-01T10:00+09:00', {
    title: 'メルマガ読者（ＡＢＣ商事）から見積依頼',
    type: 'inquiry',
    initiativeId: 'nov-newsletter',
    starred: 1,
    tags: ['メルマガ'],
  });
  const show = win('2026-10-02T10:00+09:00', {
    title: '展示会で名刺交換したｶﾌﾞｼｷｶﾞｲｼｬ東京と商談設定',
    type: 'meeting-booked',
    initiativeId: 'autumn-show',
    tags: ['展示会'],
    note: 'Decision maker attended',
  });
  const blog = win('2026-10-03T10:00+09:00', {
    title: 'Blog post published',
    type: 'content-published',
    tags: ['SEO', 'Blog'],
  });
  const all = [newsletter, show, blog];

  it('returns everything with an empty filter or no chip selected', () => {
    expect(filterWins(all, {})).toEqual(all);
    expect(filterWins(all, { types: [], text: '  ' })).toEqual(all);
  });

  it('filters by type, initiative and star', () => {
    expect(filterWins(all, { types: ['inquiry', 'content-published'] })).toEqual([newsletter, blog]);
    expect(filterWins(all, { initiativeId: 'autumn-show' })).toEqual([show]);
    expect(filterWins(all, { starredOnly: true })).toEqual([newsletter]);
    expect(filterWins(all, { starredOnly: false })).toEqual(all);
    expect(filterWins(all, { types: ['inquiry'], initiativeId: 'autumn-show' })).toEqual([]);
  });

  it('matches text in title, note and tags, regardless of case and width (NFKC)', () => {
    // Half-width query finds full-width text, and the other way round.
    expect(filterWins(all, { text: 'abc' })).toEqual([newsletter]);
    expect(filterWins(all, { text: 'ａｂｃ商事' })).toEqual([newsletter]);
    expect(filterWins(all, { text: 'ﾒﾙﾏｶﾞ' })).toEqual([newsletter]);
    expect(filterWins(all, { text: 'カブシキガイシャ' })).toEqual([show]);
    expect(filterWins(all, { text: 'ｶﾌﾞｼｷ' })).toEqual([show]);
    // Note and tags.
    expect(filterWins(all, { text: 'DECISION' })).toEqual([show]);
    expect(filterWins(all, { text: 'seo' })).toEqual([blog]);
  });

  it('wants every word, separated by any space including the ideographic one', () => {
    expect(filterWins(all, { text: 'メルマガ\u3000見積' })).toEqual([newsletter]);
    expect(filterWins(all, { text: '見積 blog' })).toEqual([]);
    expect(filterWins(all, { text: 'blog  published' })).toEqual([blog]);
  });

  it('does not fold hiragana into katakana, nor match across fields', () => {
    expect(filterWins(all, { text: 'めるまが' })).toEqual([]);
    // Title ends "published", the first tag is "SEO": no match for the joined "publishedseo".
    expect(filterWins(all, { text: 'publishedseo' })).toEqual([]);
  });

  it('normalises with NFKC and lower case', () => {
    expect(searchKey('ＡＢＣ１２３')).toBe('abc123');
    expect(searchKey('ﾒﾙﾏｶﾞ')).toBe('メルマガ');
    expect(searchKey('a\u3000b')).toBe('a b');
  });
});

describe('reportWins', () => {
  const october = monthContaining(at('2026-10-15T12:00+09:00'), TOKYO);
  const late = win('2026-10-20T10:00+09:00', { type: 'deal', starred: 1 });
  const early = win('2026-10-02T10:00+09:00', { type: 'inquiry', starred: 1 });
  const plain = win('2026-10-10T10:00+09:00', { type: 'inquiry' });
  const outside = win('2026-11-01T00:00+09:00', { type: 'deal', starred: 1 });

  it('lists the starred wins of the period oldest first and counts every type', () => {
    const report = reportWins([late, outside, plain, early], october);
    expect(report.starred).toEqual([early, late]);
    expect(report.total).toBe(3);
    expect(report.countsByType).toEqual({
      inquiry: 2,
      reply: 0,
      'meeting-booked': 0,
      'content-published': 0,
      spike: 0,
      referral: 0,
      deal: 1,
      other: 0,
    });
  });

  it('has every type at zero for an empty period', () => {
    const report = reportWins([outside], october);
    expect(report.starred).toEqual([]);
    expect(report.total).toBe(0);
    expect(Object.keys(report.countsByType)).toEqual([...WIN_TYPES]);
    expect(Object.values(report.countsByType).every((count) => count === 0)).toBe(true);
  });
});

describe('suggestedWin', () => {
  const lead = (extra: Partial<Lead> = {}): Lead => ({
    id: 'lead-1',
    createdAt: at('2026-10-08T14:00+09:00'),
    company: 'ABC商事',
    person: '山田',
    source: 'newsletter',
    stage: 'new',
    updatedAt: 0,
    ...extra,
  });
  const context = { sourceOrigins: DEFAULT_SOURCE_ORIGINS };

  it('suggests an inquiry for a marketing-sourced lead, dated when the lead was created', () => {
    expect(suggestedWin({ kind: 'lead-added', lead: lead({ initiativeId: 'nov-newsletter' }) }, context)).toEqual({
      type: 'inquiry',
      at: at('2026-10-08T14:00+09:00'),
      titleKey: 'wins.suggested.leadAdded',
      titleParams: { company: 'ABC商事', person: '山田', source: 'newsletter' },
      leadId: 'lead-1',
      initiativeId: 'nov-newsletter',
      tags: [],
      starred: 0,
    });
  });

  it('suggests nothing for a new lead of sales origin, unless an initiative claims it', () => {
    expect(suggestedWin({ kind: 'lead-added', lead: lead({ source: 'outbound' }) }, context)).toBeNull();
    expect(suggestedWin({ kind: 'lead-added', lead: lead({ source: 'outbound', initiativeId: 'i' }) }, context)?.type).toBe('inquiry');
    // The user's own origin setting decides.
    expect(suggestedWin({ kind: 'lead-added', lead: lead() }, { sourceOrigins: { ...DEFAULT_SOURCE_ORIGINS, newsletter: 'sales' } })).toBeNull();
    expect(isMarketingSourcedLead(lead({ source: 'referral' }), DEFAULT_SOURCE_ORIGINS)).toBe(false);
  });

  it('suggests a booked meeting when a lead becomes an opportunity, whatever its source', () => {
    const when = at('2026-10-20T16:00+09:00');
    expect(suggestedWin({ kind: 'lead-opportunity', lead: lead({ source: 'outbound' }), at: when }, context)).toEqual({
      type: 'meeting-booked',
      at: when,
      titleKey: 'wins.suggested.opportunity',
      titleParams: { company: 'ABC商事', person: '山田', source: 'outbound' },
      leadId: 'lead-1',
      tags: [],
      starred: 0,
    });
  });

  it('suggests a deal with its value when a lead is won', () => {
    const when = at('2026-11-02T11:00+09:00');
    const suggestion = suggestedWin({ kind: 'lead-won', lead: lead({ value: 1_200_000, initiativeId: 'nov-newsletter' }), at: when }, context);
    expect(suggestion).toMatchObject({
      type: 'deal',
      at: when,
      titleKey: 'wins.suggested.won',
      titleParams: { company: 'ABC商事', value: 1_200_000 },
      amount: 1_200_000,
      initiativeId: 'nov-newsletter',
    });
    // No value, no amount.
    expect(suggestedWin({ kind: 'lead-won', lead: lead(), at: when }, context)).not.toHaveProperty('amount');
  });

  it('does not suggest a second win of the same type for the same lead', () => {
    const existingWins = [win('2026-10-08T15:00+09:00', { type: 'inquiry', leadId: 'lead-1' })];
    expect(suggestedWin({ kind: 'lead-added', lead: lead() }, { ...context, existingWins })).toBeNull();
    expect(suggestedWin({ kind: 'lead-won', lead: lead(), at: NOW }, { ...context, existingWins })?.type).toBe('deal');
  });
});
