import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { filterWins, groupWinsByWeek, normalizeTags, reportWins } from '../../../shared/domain/wins';
import type { WinFilter } from '../../../shared/domain/wins';
import { WIN_TYPES } from '../../../shared/domain/model';
import type { WeekStart, Win } from '../../../shared/domain/model';
import { dayKey, weekContaining } from '../../../shared/domain/calendar';

const zones = fc.constantFrom('Asia/Tokyo', 'Europe/Berlin', 'America/Los_Angeles', 'Australia/Lord_Howe', 'UTC');
const weekStarts = fc.constantFrom<WeekStart>(0, 1, 2, 3, 4, 5, 6);

/** ASCII letters and digits to their full-width forms (U+FF01 block). */
const fullWidth = (text: string) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
// Katakana and their half-width spellings, voiced ones as two characters (ｶﾞ).
const KANA: readonly (readonly [string, string])[] = [
  ['メ', 'ﾒ'], ['ル', 'ﾙ'], ['マ', 'ﾏ'], ['ガ', 'ｶﾞ'], ['カ', 'ｶ'], ['ブ', 'ﾌﾞ'], ['シ', 'ｼ'], ['キ', 'ｷ'],
  ['イ', 'ｲ'], ['ャ', 'ｬ'], ['パ', 'ﾊﾟ'], ['ー', 'ｰ'], ['ド', 'ﾄﾞ'], ['ン', 'ﾝ'], ['ポ', 'ﾎﾟ'], ['ソ', 'ｿ'],
];
const kanaWords = fc.array(fc.constantFrom(...KANA), { minLength: 1, maxLength: 8 });

const wins = fc.array(
  fc.record({
    id: fc.uuid(),
    at: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    title: fc.string({ maxLength: 12 }),
    type: fc.constantFrom(...WIN_TYPES),
    initiativeId: fc.option(fc.constantFrom('i1', 'i2'), { nil: undefined }),
    tags: fc.array(fc.constantFrom('seo', 'メルマガ', 'Show'), { maxLength: 3 }),
    starred: fc.constantFrom<0 | 1>(0, 1),
    createdAt: fc.integer({ min: 0, max: 10 }),
    updatedAt: fc.constant(0),
  }),
  { maxLength: 40 },
);

const winWith = (title: string): Win => ({ id: 'w', at: 0, title, type: 'other', tags: [], starred: 0, createdAt: 0, updatedAt: 0 });

describe('search is width-insensitive', () => {
  it('finds ASCII text with a full-width query and full-width text with an ASCII query', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z]{1,12}$/), fc.nat(), fc.nat(), (text, a, b) => {
        const [from, to] = [a % text.length, b % text.length].sort((x, y) => x - y) as [number, number];
        const query = text.slice(from, to + 1);
        expect(filterWins([winWith(text)], { text: fullWidth(query) })).toHaveLength(1);
        expect(filterWins([winWith(fullWidth(text))], { text: query.toUpperCase() })).toHaveLength(1);
      }),
    );
  });

  it('finds full-width katakana with a half-width query and the other way round', () => {
    fc.assert(
      fc.property(kanaWords, (pairs) => {
        const full = pairs.map(([f]) => f).join('');
        const half = pairs.map(([, h]) => h).join('');
        expect(filterWins([winWith(`【${full}】`)], { text: half })).toHaveLength(1);
        expect(filterWins([winWith(half)], { text: full })).toHaveLength(1);
      }),
    );
  });
});

describe('filter, group and report properties', () => {
  const filters = fc.record({
    types: fc.option(fc.subarray([...WIN_TYPES]), { nil: undefined }),
    initiativeId: fc.option(fc.constantFrom('i1', 'i2'), { nil: undefined }),
    starredOnly: fc.option(fc.boolean(), { nil: undefined }),
    text: fc.option(fc.constantFrom('SEO', 'ﾒﾙﾏｶﾞ', 'a', 'show'), { nil: undefined }),
  });

  it('a combined filter is the intersection of its parts, in input order', () => {
    fc.assert(
      fc.property(wins, filters, (list, filter: WinFilter) => {
        const parts: WinFilter[] = [
          { types: filter.types },
          { initiativeId: filter.initiativeId },
          { starredOnly: filter.starredOnly },
          { text: filter.text },
        ];
        const expected = list.filter((w) => parts.every((part) => filterWins([w], part).length === 1));
        expect(filterWins(list, filter)).toEqual(expected);
      }),
    );
  });

  it('groups every win once, in the week containing it, weeks strictly newest first', () => {
    fc.assert(
      fc.property(wins, zones, weekStarts, (list, tz, weekStartsOn) => {
        const weeks = groupWinsByWeek(list, tz, weekStartsOn);
        expect(weeks.flatMap((w) => w.wins).map((w) => w.id).sort()).toEqual(list.map((w) => w.id).sort());
        for (const week of weeks) {
          for (const w of week.wins) expect(dayKey(weekContaining(w.at, tz, weekStartsOn).start, tz)).toBe(week.weekStart);
          for (let i = 1; i < week.wins.length; i++) expect((week.wins[i - 1] as Win).at).toBeGreaterThanOrEqual((week.wins[i] as Win).at);
        }
        for (let i = 1; i < weeks.length; i++) expect((weeks[i - 1] as { weekStart: string }).weekStart > (weeks[i] as { weekStart: string }).weekStart).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('counts by type add up to the total', () => {
    fc.assert(
      fc.property(wins, (list) => {
        const report = reportWins(list, { start: Date.UTC(2024, 0, 1), end: Date.UTC(2026, 0, 1) });
        expect(Object.values(report.countsByType).reduce((a, b) => a + b, 0)).toBe(report.total);
        expect(report.starred.every((w) => w.starred === 1)).toBe(true);
      }),
    );
  });

  it('normalising tags twice changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 })), (tags) => {
        const once = normalizeTags(tags);
        expect(normalizeTags(once)).toEqual(once);
      }),
    );
  });
});
