import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../shared/domain/calendar';
import { indexLeadEvents } from '../../../shared/domain/leads';
import {
  boardColumns,
  daysInStage,
  defaultDirection,
  filterLeadRows,
  isFiltering,
  leadFlags,
  leadListRow,
  leadName,
  needsStageDialog,
  neighbourStage,
  nextSort,
  sortLeadRows,
  type LeadListFilter,
  type LeadListRow,
} from '../../../shared/domain/lead-list';
import type { Lead, LeadEvent, LeadStage } from '../../../shared/domain/model';
import { generateSampleData, SAMPLE_SIZES } from '../../../shared/sample';

const T = Date.UTC(2026, 10, 16, 1, 0); // Monday 2026-11-16 10:00 in Tokyo
const H = 3_600_000;
const TZ = 'Asia/Tokyo';

let n = 0;
function lead(change: Partial<Lead> = {}): Lead {
  n++;
  return { id: `lead-${String(n).padStart(3, '0')}`, createdAt: T, company: `Company ${n}`, person: '', source: 'newsletter', stage: 'new', updatedAt: T, ...change };
}
const stage = (l: Lead, at: number, from: LeadStage | null, to: LeadStage): LeadEvent => ({ id: `${l.id}-s${at}`, leadId: l.id, at, type: 'stage', from, to });
const contact = (l: Lead, at: number): LeadEvent => ({ id: `${l.id}-c${at}`, leadId: l.id, at, type: 'contact', channel: 'call' });

function rowsOf(leads: Lead[], events: LeadEvent[] = []): LeadListRow[] {
  const index = indexLeadEvents(events);
  return leads.map((l) => leadListRow(l, index));
}

const NO_FILTER: LeadListFilter = { text: '', sources: [], stages: [], initiativeId: null };
const compare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;
const names = (rows: readonly LeadListRow[]) => rows.map((r) => r.lead.company);

describe('a lead row', () => {
  it('knows its first and last contact and when it entered its stage', () => {
    const l = lead({ stage: 'opportunity', createdAt: T });
    const [row] = rowsOf([l], [stage(l, T, null, 'new'), contact(l, T + 2 * H), stage(l, T + 3 * H, 'new', 'contacted'), contact(l, T + 50 * H), stage(l, T + 60 * H, 'contacted', 'opportunity')]);
    expect(row).toMatchObject({ firstContactAt: T + 2 * H, lastContactAt: T + 50 * H, stageSince: T + 60 * H });
  });

  it('a lead without history has been in its stage since it was created, and never contacted', () => {
    const l = lead({ stage: 'new' });
    expect(rowsOf([l])[0]).toMatchObject({ firstContactAt: null, lastContactAt: T, stageSince: T });
  });

  it('takes the last move INTO the current stage (a reopened deal counts from its reopening)', () => {
    const l = lead({ stage: 'proposal' });
    const events = [stage(l, T, null, 'new'), stage(l, T + H, 'new', 'proposal'), stage(l, T + 2 * H, 'proposal', 'lost'), stage(l, T + 9 * H, 'lost', 'proposal')];
    expect(rowsOf([l], events)[0]?.stageSince).toBe(T + 9 * H);
  });

  it('falls back to the creation when the history disagrees with the stage on the row', () => {
    const l = lead({ stage: 'won', createdAt: T });
    expect(rowsOf([l], [stage(l, T, null, 'new'), stage(l, T + H, 'new', 'contacted')])[0]?.stageSince).toBe(T);
  });

  it('is found by company, person, email, source detail and note, in any case or width', () => {
    const l = lead({ company: 'ＡＣＭＥ 株式会社', person: 'Yamada', email: 'y@acme.example', sourceDetail: 'Quote button', note: 'ﾒﾙﾏｶﾞ読者' });
    const text = rowsOf([l])[0]!.searchText;
    for (const word of ['acme', 'yamada', 'y@acme', 'quote', 'メルマガ']) expect(text).toContain(word);
  });

  it('is named by its company, or its person when there is none', () => {
    expect(leadName({ company: ' ', person: ' Sato ' })).toBe('Sato');
    expect(leadName({ company: 'ACME', person: 'Sato' })).toBe('ACME');
  });

  it('counts whole days in the stage, never negative', () => {
    expect(daysInStage({ stageSince: T }, T + 2 * DAY_MS - 1)).toBe(1);
    expect(daysInStage({ stageSince: T }, T + 2 * DAY_MS)).toBe(2);
    expect(daysInStage({ stageSince: T + H }, T)).toBe(0);
  });
});

describe('filtering the list', () => {
  const a = lead({ company: 'Alpha Trading', source: 'newsletter', stage: 'new', initiativeId: 'ini-1', note: 'asked for a quote' });
  const b = lead({ company: 'Beta Works', source: 'webinar', stage: 'opportunity' });
  const c = lead({ company: 'ガンマ工業', person: '佐藤', source: 'referral', stage: 'won', email: 'sato@gamma.example' });
  const rows = rowsOf([a, b, c]);

  it('returns the very same array when nothing filters', () => {
    expect(filterLeadRows(rows, NO_FILTER)).toBe(rows);
    expect(filterLeadRows(rows, { ...NO_FILTER, text: '   ' })).toBe(rows);
    expect(isFiltering({ ...NO_FILTER, text: ' ' })).toBe(false);
  });

  it('by sources (any of them), stages (any) and initiative', () => {
    expect(names(filterLeadRows(rows, { ...NO_FILTER, sources: ['newsletter', 'referral'] }))).toEqual(['Alpha Trading', 'ガンマ工業']);
    expect(names(filterLeadRows(rows, { ...NO_FILTER, stages: ['opportunity', 'won'] }))).toEqual(['Beta Works', 'ガンマ工業']);
    expect(names(filterLeadRows(rows, { ...NO_FILTER, initiativeId: 'ini-1' }))).toEqual(['Alpha Trading']);
    expect(names(filterLeadRows(rows, { ...NO_FILTER, sources: ['webinar'], stages: ['new'] }))).toEqual([]);
  });

  it('by words that must all appear, in any order, case or width', () => {
    expect(names(filterLeadRows(rows, { ...NO_FILTER, text: 'QUOTE alpha' }))).toEqual(['Alpha Trading']);
    expect(names(filterLeadRows(rows, { ...NO_FILTER, text: 'ＳＡＴＯ＠' }))).toEqual(['ガンマ工業']);
    expect(names(filterLeadRows(rows, { ...NO_FILTER, text: '佐藤\u3000ガンマ' }))).toEqual(['ガンマ工業']);
    expect(names(filterLeadRows(rows, { ...NO_FILTER, text: 'alpha beta' }))).toEqual([]);
  });

  it('never matches across two fields', () => {
    const l = lead({ company: 'Foo', person: 'Bar' });
    expect(filterLeadRows(rowsOf([l]), { ...NO_FILTER, text: 'foobar' })).toEqual([]);
  });

  it('keeps the order it is given', () => {
    const reversed = [...rows].reverse();
    expect(names(filterLeadRows(reversed, { ...NO_FILTER, sources: ['newsletter', 'referral'] }))).toEqual(['ガンマ工業', 'Alpha Trading']);
  });
});

describe('sorting the list', () => {
  const x = lead({ company: 'Item 10', createdAt: T + 2 * H, value: 300, stage: 'proposal' });
  const y = lead({ company: 'item 2', createdAt: T + H, stage: 'new' });
  const z = lead({ company: '', person: 'Abe', createdAt: T + 3 * H, value: 100, stage: 'won' });
  const w = lead({ company: 'Zeta', createdAt: T, value: 300, stage: 'contacted' });
  const rows = rowsOf([x, y, z, w], [contact(x, T + 10 * H), contact(w, T + 20 * H)]);
  const sorted = (key: Parameters<typeof nextSort>[1], direction: 'asc' | 'desc') => sortLeadRows(rows, { key, direction }, compare).map((r) => leadName(r.lead));

  it('by name in the language’s order, digits by value, the person standing in for a missing company', () => {
    expect(sorted('company', 'asc')).toEqual(['Abe', 'item 2', 'Item 10', 'Zeta']);
    expect(sorted('company', 'desc')).toEqual(['Zeta', 'Item 10', 'item 2', 'Abe']);
  });

  it('by value, leads without one last in both directions, ties newest first', () => {
    expect(sorted('value', 'desc')).toEqual(['Item 10', 'Zeta', 'Abe', 'item 2']);
    expect(sorted('value', 'asc')).toEqual(['Abe', 'Item 10', 'Zeta', 'item 2']);
  });

  it('by creation, stage (funnel order) and last contact', () => {
    expect(sorted('createdAt', 'desc')).toEqual(['Abe', 'Item 10', 'item 2', 'Zeta']);
    expect(sorted('stage', 'asc')).toEqual(['item 2', 'Zeta', 'Item 10', 'Abe']);
    // Never contacted: the creation stands in (Abe T+3h, item 2 T+1h).
    expect(sorted('lastContact', 'desc')).toEqual(['Zeta', 'Item 10', 'Abe', 'item 2']);
  });

  it('returns a copy and leaves the input alone', () => {
    const before = [...rows];
    sortLeadRows(rows, { key: 'value', direction: 'asc' }, compare);
    expect(rows).toEqual(before);
  });

  it('a header click flips the same column and starts another at its natural direction', () => {
    expect(nextSort({ key: 'value', direction: 'desc' }, 'value')).toEqual({ key: 'value', direction: 'asc' });
    expect(nextSort({ key: 'value', direction: 'desc' }, 'company')).toEqual({ key: 'company', direction: 'asc' });
    expect(defaultDirection('createdAt')).toBe('desc');
    expect(defaultDirection('stage')).toBe('asc');
  });
});

describe('the board', () => {
  const now = T + 200 * DAY_MS;
  const mk = (s: LeadStage, sinceDaysAgo: number, value?: number) => {
    const l = lead({ stage: s, createdAt: now - 400 * DAY_MS, value });
    return { l, events: [stage(l, l.createdAt, null, 'new'), ...(s === 'new' ? [] : [stage(l, now - sinceDaysAgo * DAY_MS, 'new', s)])] };
  };
  const items = [
    mk('new', 3, 1000),
    mk('new', 10),
    mk('opportunity', 5, 2000),
    mk('opportunity', 50, 3001),
    mk('won', 10, 5000),
    mk('won', 89.9, 7000),
    mk('won', 91, 9000),
    mk('lost', 400, 100),
  ];
  const rows = rowsOf(
    items.map((i) => i.l),
    items.flatMap((i) => i.events),
  );
  const byStage = (columns: ReturnType<typeof boardColumns>) => Object.fromEntries(columns.map((c) => [c.stage, c]));

  it('has one column per stage, in funnel order', () => {
    expect(boardColumns(rows, { now, showAll: new Set() }).map((c) => c.stage)).toEqual(['new', 'contacted', 'opportunity', 'proposal', 'won', 'lost', 'dropped']);
  });

  it('sums values and weights them by the stage’s probability; counts the leads without a value', () => {
    const c = byStage(boardColumns(rows, { now, showAll: new Set(), stageProbabilities: { opportunity: 0.25 } }));
    expect(c.new).toMatchObject({ value: 1000, weighted: 50, missingValue: 1 });
    expect(c.opportunity).toMatchObject({ value: 5001, weighted: 1250, missingValue: 0 });
    expect(c.proposal).toMatchObject({ rows: [], value: 0, weighted: 0 });
  });

  it('shows closed stages of the last 90 days unless asked for all', () => {
    const recent = byStage(boardColumns(rows, { now, showAll: new Set() }));
    expect(recent.won).toMatchObject({ hidden: 1, value: 12000 });
    expect(recent.won?.rows).toHaveLength(2);
    expect(recent.lost).toMatchObject({ rows: [], hidden: 1 });
    const all = byStage(boardColumns(rows, { now, showAll: new Set(['won']) }));
    expect(all.won).toMatchObject({ hidden: 0, value: 21000 });
    expect(all.lost?.hidden).toBe(1);
  });

  it('puts the longest waiting first in open stages, the latest closed first in closed ones', () => {
    const c = byStage(boardColumns(rows, { now, showAll: new Set(['won']) }));
    expect(c.opportunity?.rows.map((r) => r.lead.value)).toEqual([3001, 2000]);
    expect(c.won?.rows.map((r) => r.lead.value)).toEqual([5000, 7000, 9000]);
  });

  it('moves to the neighbouring stage, and only closing stages ask for details', () => {
    expect(neighbourStage('new', -1)).toBeNull();
    expect(neighbourStage('proposal', 1)).toBe('won');
    expect(neighbourStage('dropped', 1)).toBeNull();
    expect(['new', 'contacted', 'opportunity', 'proposal', 'won', 'lost', 'dropped'].filter((s) => needsStageDialog(s as LeadStage))).toEqual(['won', 'lost', 'dropped']);
  });
});

describe('follow-up flags', () => {
  const rules = { followUpSlaHours: 24, staleLeadDays: 60, timeZone: TZ };

  it('flags a new lead past its follow-up rule as overdue, an open lead without contact for 60 days as stale', () => {
    const fresh = lead({ createdAt: T });
    const late = lead({ createdAt: T - 3 * DAY_MS });
    const quiet = lead({ stage: 'contacted', createdAt: T - 100 * DAY_MS });
    const closed = lead({ stage: 'lost', createdAt: T - 100 * DAY_MS });
    const events = [
      stage(quiet, quiet.createdAt, null, 'new'),
      contact(quiet, quiet.createdAt + H),
      stage(quiet, quiet.createdAt + 2 * H, 'new', 'contacted'),
      stage(closed, closed.createdAt, null, 'new'),
      stage(closed, closed.createdAt + H, 'new', 'lost'),
    ];
    const rows = rowsOf([fresh, late, quiet, closed], events);
    const flags = leadFlags(rows, indexLeadEvents(events), rules, T + H);
    expect([...flags]).toEqual([
      [late.id, 'overdue'],
      [quiet.id, 'stale'],
    ]);
  });

  it('an overdue lead is not also called stale', () => {
    const old = lead({ createdAt: T - 100 * DAY_MS });
    const flags = leadFlags(rowsOf([old]), indexLeadEvents([]), rules, T);
    expect(flags.get(old.id)).toBe('overdue');
  });
});

describe('with ten years of data (≈20,000 leads)', () => {
  // Once is enough: the figures do not depend on the zone, and the data take seconds to make.
  it.skipIf(process.env.TZ !== 'Asia/Tokyo')('rows, sorts, filters and the board take milliseconds (printed, not asserted)', { timeout: 120_000 }, () => {
    const data = generateSampleData({ seed: 7, now: Date.UTC(2026, 10, 18, 6), timeZone: TZ, weeks: SAMPLE_SIZES.tenYears, language: 'ja' });
    const time = <R>(fn: () => R): [R, number] => {
      const t0 = performance.now();
      const result = fn();
      return [result, performance.now() - t0];
    };
    const [index, indexMs] = time(() => indexLeadEvents(data.leadEvents));
    const [rows, rowsMs] = time(() => data.leads.map((l) => leadListRow(l, index)));
    const ja = new Intl.Collator('ja', { numeric: true, sensitivity: 'base' }).compare;
    const [byCompany, companyMs] = time(() => sortLeadRows(rows, { key: 'company', direction: 'asc' }, ja));
    const [, valueMs] = time(() => sortLeadRows(rows, { key: 'value', direction: 'desc' }, ja));
    const [, createdMs] = time(() => sortLeadRows(rows, { key: 'createdAt', direction: 'desc' }, ja));
    const word = data.leads[123]!.company.replace(/株式会社|有限会社/g, '').slice(0, 2);
    const [found, textMs] = time(() => filterLeadRows(byCompany, { ...NO_FILTER, text: word }));
    const [, sourceMs] = time(() => filterLeadRows(byCompany, { ...NO_FILTER, sources: ['newsletter', 'webinar'], stages: ['won', 'lost'] }));
    const now = Date.UTC(2026, 10, 18, 6);
    const [, boardMs] = time(() => boardColumns(rows, { now, showAll: new Set() }));
    const [, boardAllMs] = time(() => boardColumns(rows, { now, showAll: new Set(['won', 'lost', 'dropped']) }));
    const [flags, flagsMs] = time(() => leadFlags(rows, index, { followUpSlaHours: 24, staleLeadDays: 60, timeZone: TZ }, now));
    console.log(
      `${rows.length} leads, ${data.leadEvents.length} events: index ${indexMs.toFixed(0)} ms, rows ${rowsMs.toFixed(0)} ms, ` +
        `sort by company ${companyMs.toFixed(0)} ms / value ${valueMs.toFixed(0)} ms / created ${createdMs.toFixed(0)} ms, ` +
        `filter "${word}" ${textMs.toFixed(1)} ms (${found.length} found), filter sources+stages ${sourceMs.toFixed(1)} ms, ` +
        `board ${boardMs.toFixed(1)} ms (all closed ${boardAllMs.toFixed(1)} ms), flags ${flagsMs.toFixed(1)} ms (${flags.size} flagged)`,
    );
    expect(rows).toHaveLength(data.leads.length);
    expect(found.length).toBeGreaterThan(0);
  });
});
