import { describe, expect, it } from 'vitest';
import {
  initiativeHours,
  initiativeResults,
  moneyInputText,
  normalizeGoalDraft,
  normalizeInitiativeDraft,
  parseMoneyInput,
  parseNumberInput,
  parsePercentInput,
  percentInputText,
  sourceOfChannel,
  validateGoalDraft,
  validateInitiativeDraft,
  type InitiativeDraft,
  type InitiativeRows,
} from '../../../shared/domain/initiative-results';
import { INITIATIVE_CHANNELS, type TimeEntry, type Win } from '../../../shared/domain/model';
import { at, HOUR, lead, leadWithHistory, MINUTE } from './leads-fixtures';

const NOV_1 = at('2026-11-01T00:00:00+09:00');
const DEC_1 = at('2026-12-01T00:00:00+09:00');
const NOW = at('2026-11-20T12:00:00+09:00');

const draft: InitiativeDraft = { name: ' Nov newsletter ', channel: 'newsletter', status: 'running', start: NOV_1, end: DEC_1 };

describe('initiative drafts', () => {
  it('accepts a complete draft and trims it', () => {
    const full = { ...draft, goal: ' 3 inquiries ', targetNumber: 3, plannedHours: 7.75, cost: 50_000 };
    expect(validateInitiativeDraft(full)).toEqual({});
    expect(normalizeInitiativeDraft(full)).toEqual({ ...full, name: 'Nov newsletter', goal: '3 inquiries' });
  });

  it('drops an empty goal and absent numbers', () => {
    const clean = normalizeInitiativeDraft({ ...draft, goal: '   ', cost: undefined, plannedHours: undefined });
    expect(clean).not.toHaveProperty('goal');
    expect(clean).not.toHaveProperty('cost');
    expect(clean).not.toHaveProperty('plannedHours');
  });

  it.each([
    [{ name: '   ' }, 'name', 'initiatives.error.nameRequired'],
    [{ name: 'x'.repeat(121) }, 'name', 'validation.tooLong'],
    [{ channel: 'radio' as never }, 'channel', 'validation.invalid'],
    [{ status: 'paused' as never }, 'status', 'validation.invalid'],
    [{ end: NOV_1 }, 'end', 'initiatives.error.endBeforeStart'],
    [{ end: NOV_1 - 1 }, 'end', 'initiatives.error.endBeforeStart'],
    [{ start: Number.NaN }, 'start', 'initiatives.error.date'],
    [{ plannedHours: 2000.25 }, 'plannedHours', 'validation.range'],
    [{ plannedHours: -0.25 }, 'plannedHours', 'validation.range'],
    [{ plannedHours: 1.1 }, 'plannedHours', 'validation.quarterHour'],
    [{ cost: -1 }, 'cost', 'initiatives.error.negative'],
    [{ cost: 1.5 }, 'cost', 'validation.integer'],
    [{ cost: 1e13 }, 'cost', 'initiatives.error.tooLarge'],
    [{ targetNumber: 2.5 }, 'targetNumber', 'validation.integer'],
    [{ targetNumber: -1 }, 'targetNumber', 'validation.range'],
    [{ goal: 'x'.repeat(2001) }, 'goal', 'validation.tooLong'],
  ])('refuses %o', (change, field, key) => {
    expect(validateInitiativeDraft({ ...draft, ...change })).toEqual({ [field]: key });
  });

  it('allows the limits themselves: 120 characters (a kanji counts once), 0 and 2000 hours, cost 0', () => {
    expect(validateInitiativeDraft({ ...draft, name: '施'.repeat(120), plannedHours: 2000, cost: 0 })).toEqual({});
    expect(validateInitiativeDraft({ ...draft, name: '𠮷'.repeat(120), plannedHours: 0 })).toEqual({});
  });

  it('maps every channel to a lead source', () => {
    for (const channel of INITIATIVE_CHANNELS) expect(sourceOfChannel(channel)).toBeTruthy();
    expect(sourceOfChannel('newsletter')).toBe('newsletter');
    expect(sourceOfChannel('content')).toBe('document-download');
  });
});

describe('goal drafts', () => {
  const goal = { fiscalYear: 2026, quarter: 3 as const, revenue: 30_000_000 };
  it('accepts a goal with and without assumptions', () => {
    expect(validateGoalDraft(goal)).toEqual({});
    expect(validateGoalDraft({ ...goal, quarter: null, assumptions: { averageDealValue: 1_000_000, winRate: 0.3, leadToOpportunityRate: 1 } })).toEqual({});
  });

  it.each([
    [{ revenue: 0 }, 'revenue', 'initiatives.error.goalRequired'],
    [{ revenue: -5 }, 'revenue', 'initiatives.error.negative'],
    [{ revenue: 1.5 }, 'revenue', 'validation.integer'],
    [{ fiscalYear: 1999 }, 'fiscalYear', 'validation.invalid'],
    [{ quarter: 5 as never }, 'quarter', 'validation.invalid'],
    [{ assumptions: { averageDealValue: 0 } }, 'averageDealValue', 'initiatives.error.positive'],
    [{ assumptions: { winRate: 0 } }, 'winRate', 'initiatives.error.percent'],
    [{ assumptions: { winRate: 1.01 } }, 'winRate', 'initiatives.error.percent'],
    [{ assumptions: { leadToOpportunityRate: Number.NaN } }, 'leadToOpportunityRate', 'initiatives.error.percent'],
  ])('refuses %o', (change, field, key) => {
    expect(validateGoalDraft({ ...goal, ...change })).toEqual({ [field]: key });
  });

  it('drops absent assumptions, and the object when none is left', () => {
    expect(normalizeGoalDraft({ ...goal, assumptions: { winRate: undefined } })).toEqual(goal);
    expect(normalizeGoalDraft({ ...goal, assumptions: { winRate: 0.3, averageDealValue: undefined } })).toEqual({ ...goal, assumptions: { winRate: 0.3 } });
  });
});

describe('reading typed numbers', () => {
  it.each([
    ['', 0, undefined],
    ['50000', 0, 50_000],
    ['50,000', 0, 50_000],
    ['¥50,000', 0, 50_000],
    ['￥５０，０００', 0, 50_000],
    ['50000円', 0, 50_000],
    ['JPY 50000', 0, 50_000],
    ['12.50', 2, 1250],
    ['$12.5', 2, 1250],
    ['12', 2, 1200],
    ['0.07', 2, 7],
    ['50000.00', 0, 50_000],
    ['19.99', 2, 1999],
  ])('money %j with %i decimals is %o minor units', (text, digits, value) => {
    expect(parseMoneyInput(text, digits)).toEqual({ ok: true, value });
  });

  it.each([
    ['-5', 0, 'initiatives.error.negative'],
    ['abc', 0, 'initiatives.error.money'],
    ['1.5', 0, 'initiatives.error.wholeAmount'],
    ['1.234', 2, 'initiatives.error.money'],
    ['1e5', 0, 'initiatives.error.money'],
    ['99999999999999999999', 0, 'initiatives.error.tooLarge'],
  ])('money %j with %i decimals is refused', (text, digits, error) => {
    expect(parseMoneyInput(text, digits)).toEqual({ ok: false, error });
  });

  it('money round-trips through the input text', () => {
    for (const [minor, digits] of [[0, 0], [50_000, 0], [1250, 2], [7, 2], [100, 2]] as const) {
      expect(parseMoneyInput(moneyInputText(minor, digits), digits)).toEqual({ ok: true, value: minor });
    }
    expect(moneyInputText(7, 2)).toBe('0.07');
    expect(moneyInputText(undefined, 0)).toBe('');
  });

  it('numbers and percentages', () => {
    expect(parseNumberInput('７．５')).toEqual({ ok: true, value: 7.5 });
    expect(parseNumberInput(' ')).toEqual({ ok: true, value: undefined });
    expect(parseNumberInput('7h')).toEqual({ ok: false, error: 'validation.number' });
    expect(parsePercentInput('30')).toEqual({ ok: true, value: 0.3 });
    expect(parsePercentInput('30 %')).toEqual({ ok: true, value: 0.3 });
    expect(parsePercentInput('１２．５％')).toEqual({ ok: true, value: 0.125 });
    expect(parsePercentInput('0')).toEqual({ ok: false, error: 'initiatives.error.percent' });
    expect(parsePercentInput('101')).toEqual({ ok: false, error: 'initiatives.error.percent' });
    expect(percentInputText(0.3)).toBe('30');
    expect(percentInputText(0.125)).toBe('12.5');
    expect(percentInputText(undefined)).toBe('');
  });
});

function entry(id: string, start: number, minutes: number, extra: Partial<TimeEntry> = {}): TimeEntry {
  return { id, kind: 'marketing', category: 'newsletter', start, end: start + minutes * MINUTE, source: 'timer', createdAt: start, updatedAt: start, ...extra };
}

function win(id: string, when: number, title: string): Win {
  return { id, at: when, title, type: 'inquiry', initiativeId: 'ini', tags: [], starred: 0, createdAt: when, updatedAt: when };
}

const T = at('2026-11-10T10:00:00+09:00');

describe('initiative hours', () => {
  it('counts direct and box entries once each, never clipped, and leaves interruptions out', () => {
    const direct = entry('e1', T, 60, { initiativeId: 'ini' });
    const both = entry('e2', T + 2 * HOUR, 30, { initiativeId: 'ini', boxId: 'box' });
    const inBox = entry('e3', T + 3 * HOUR, 45, { boxId: 'box' });
    const interruption = entry('e4', T + 4 * HOUR, 15, { boxId: 'box', kind: 'sales', category: 'call', interruption: true });
    const followUp = entry('e5', T + 24 * HOUR, 20, { initiativeId: 'ini', kind: 'sales', category: 'follow-up' });
    const creditedElsewhere = entry('e6', T + 5 * HOUR, 50, { boxId: 'box', initiativeId: 'other' });
    // Months before the initiative's period: still its time.
    const early = entry('e7', T - 60 * 24 * HOUR, 10, { initiativeId: 'ini' });
    const hours = initiativeHours({
      initiative: { id: 'ini', plannedHours: 4 },
      entries: [direct, both, followUp, early],
      boxEntries: [both, inBox, interruption, creditedElsewhere],
    });
    expect(hours).toEqual({
      marketingMs: (60 + 30 + 45 + 10) * MINUTE,
      salesMs: 20 * MINUTE,
      interruptionMs: 15 * MINUTE,
      spentMs: (60 + 30 + 45 + 10 + 20) * MINUTE,
      entries: 6,
      planned: { numerator: 2.75, denominator: 4, value: 2.75 / 4 },
    });
  });

  it('no planned hours: no ratio; zero planned: a ratio with no value', () => {
    expect(initiativeHours({ initiative: { id: 'ini' }, entries: [], boxEntries: [] }).planned).toBeNull();
    expect(initiativeHours({ initiative: { id: 'ini', plannedHours: 0 }, entries: [], boxEntries: [] }).planned).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});

describe('what an initiative produced', () => {
  const empty: InitiativeRows = { initiative: { id: 'ini', cost: 50_000 }, leads: [], events: [], entries: [], boxes: [], boxEntries: [], wins: [] };

  it('with nothing yet: zeros, and no cost per lead (never a division by zero)', () => {
    const results = initiativeResults(empty, NOW);
    expect(results).toMatchObject({ leads: 0, opportunities: 0, won: 0, revenue: 0, costPerLead: null, costPerOpportunity: null, costPerDeal: null });
    expect(results.leadToOpportunity).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(results.winRate).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(results.wins).toEqual({ count: 0, latest: [] });
  });

  it('counts leads, opportunities (skipped stages too), deals, revenue and cost per result', () => {
    const a = leadWithHistory('a', '2026-11-02T10:00:00+09:00', [['2026-11-05T10:00:00+09:00', 'opportunity'], ['2026-11-15T10:00:00+09:00', 'won']], { value: 600_000, initiativeId: 'ini' });
    // new → won straight away: was an opportunity (DOMAIN).
    const b = leadWithHistory('b', '2026-11-03T10:00:00+09:00', [['2026-11-04T10:00:00+09:00', 'won']], { initiativeId: 'ini' });
    const c = leadWithHistory('c', '2026-11-03T11:00:00+09:00', [['2026-11-06T10:00:00+09:00', 'proposal'], ['2026-11-18T10:00:00+09:00', 'lost']], { initiativeId: 'ini' });
    // Lost without ever being an opportunity: a lost lead, not a lost deal.
    const d = leadWithHistory('d', '2026-11-04T10:00:00+09:00', [['2026-11-08T10:00:00+09:00', 'lost']], { initiativeId: 'ini' });
    const e = leadWithHistory('e', '2026-11-05T10:00:00+09:00', [['2026-11-09T10:00:00+09:00', 'proposal']], { initiativeId: 'ini', value: 1_000_000 });
    const f = { lead: lead('f', '2026-11-19T10:00:00+09:00', { initiativeId: 'ini' }), events: [] };
    const all = [a, b, c, d, e, f];
    const results = initiativeResults(
      {
        ...empty,
        leads: all.map((x) => x.lead),
        events: all.flatMap((x) => x.events),
        wins: [win('w1', T, 'old'), win('w2', T + 3 * HOUR, 'newest'), win('w3', T + HOUR, 'middle'), win('w4', T - HOUR, 'oldest')],
      },
      NOW,
    );
    expect(results).toMatchObject({ leads: 6, opportunities: 4, closed: 3, won: 2, revenue: 600_000, wonWithoutValue: 1, openOpportunities: 1 });
    expect(results.leadToOpportunity).toMatchObject({ numerator: 4, denominator: 6 });
    expect(results.winRate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(results.costPerLead).toBe(Math.round(50_000 / 6));
    expect(results.costPerOpportunity).toBe(12_500);
    expect(results.costPerDeal).toBe(25_000);
    expect(results.wins.count).toBe(4);
    expect(results.wins.latest.map((w) => w.title)).toEqual(['newest', 'middle', 'old']);
  });

  it('without a cost there is no cost per lead, however many leads', () => {
    const results = initiativeResults({ ...empty, initiative: { id: 'ini' }, leads: [lead('x', NOV_1, { initiativeId: 'ini' })] }, NOW);
    expect(results.costPerLead).toBeNull();
    expect(results.leads).toBe(1);
  });

  it('a cost of 0 is a cost: ¥0 per lead', () => {
    const results = initiativeResults({ ...empty, initiative: { id: 'ini', cost: 0 }, leads: [lead('x', NOV_1, { initiativeId: 'ini' })] }, NOW);
    expect(results.costPerLead).toBe(0);
  });

  it('what happens after now is not counted yet', () => {
    const late = leadWithHistory('late', '2026-11-02T10:00:00+09:00', [['2026-11-25T10:00:00+09:00', 'won']], { value: 1, initiativeId: 'ini' });
    const results = initiativeResults({ ...empty, leads: [late.lead], events: late.events }, NOW);
    expect(results).toMatchObject({ opportunities: 0, won: 0, revenue: 0 });
  });
});
