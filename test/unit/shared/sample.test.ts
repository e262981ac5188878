import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_METRICS,
  LOSS_REASONS,
  OPEN_STAGES,
  OPPORTUNITY_STAGES,
  isCategoryOfKind,
  type LeadEvent,
  type LeadStage,
} from '../../../shared/domain/model';
import { SAMPLE_SIZES, generateSampleData, isSampleId, type SampleData, type SampleOptions } from '../../../shared/sample';

const DAY = 86_400_000;
// Wednesday 19 November 2025, 14:30 in Tokyo: mid-week, mid-quarter (fiscal Q3), after a trade show.
const NOW = Date.UTC(2025, 10, 19, 5, 30);
const base: SampleOptions = { seed: 42, now: NOW, timeZone: 'Asia/Tokyo', weeks: SAMPLE_SIZES.quarter, language: 'ja' };

const cache = new Map<string, SampleData>();
function sample(overrides: Partial<SampleOptions> = {}): SampleData {
  const options = { ...base, ...overrides };
  const key = JSON.stringify(options);
  let data = cache.get(key);
  if (!data) {
    data = generateSampleData(options);
    cache.set(key, data);
  }
  return data;
}

function local(instant: number, timeZone: string) {
  const d = new TZDate(instant, timeZone);
  return { weekday: d.getDay(), minutes: d.getHours() * 60 + d.getMinutes(), date: d.getDate(), month: d.getMonth() + 1 };
}

/**
 * Every invariant the domain types promise, checked row by row. Problems are collected rather
 * than asserted one by one: ten years is ~200,000 rows, and a million `expect` calls take seconds.
 */
function problemsIn(data: SampleData, options: SampleOptions): string[] {
  const { now } = options;
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok && problems.length < 20) problems.push(message);
  };
  const int = (n: number | undefined) => n !== undefined && Number.isInteger(n);
  for (const [table, rows] of Object.entries(data) as [string, { id: string }[]][]) {
    const ids = new Set(rows.map((r) => r.id));
    check(ids.size === rows.length, `${table}: ids not unique`);
    for (const id of ids) check(isSampleId(id), `${table}: ${id} lacks the sample prefix`);
  }
  const initiatives = new Map(data.initiatives.map((i) => [i.id, i]));
  const leads = new Map(data.leads.map((l) => [l.id, l]));
  const boxes = new Map(data.timeBoxes.map((b) => [b.id, b]));

  for (const i of data.initiatives) {
    check(i.start < i.end, `${i.id}: start ≥ end`);
    check(i.createdAt <= now && i.updatedAt <= now && i.updatedAt >= i.createdAt, `${i.id}: created/updated`);
    if (i.status === 'done') check(i.end <= now, `${i.id}: done before its end`);
    if (i.status === 'running') check(i.start <= now && now < i.end, `${i.id}: running outside its period`);
    if (i.status === 'planned') check(i.start > now, `${i.id}: planned but started`);
    if (i.cost !== undefined) check(int(i.cost), `${i.id}: cost not an integer`);
  }

  const twoWeeksAhead = now + 14 * DAY;
  const marketingBoxes = data.timeBoxes.filter((b) => b.kind === 'marketing').sort((a, b) => a.start - b.start);
  for (const b of data.timeBoxes) {
    check(b.start < b.end && b.end - b.start <= 24 * 3_600_000, `${b.id}: bad length`);
    check(isCategoryOfKind(b.kind, b.category), `${b.id}: ${b.kind}/${b.category}`);
    check(b.createdAt <= now, `${b.id}: created after now`);
    check(b.end <= twoWeeksAhead, `${b.id}: planned beyond next week`);
    if (b.initiativeId) check(initiatives.has(b.initiativeId), `${b.id}: unknown initiative`);
  }
  const sortedBoxes = [...data.timeBoxes].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sortedBoxes.length; i++) check(sortedBoxes[i]!.start >= sortedBoxes[i - 1]!.end, `${sortedBoxes[i]!.id}: boxes overlap`);

  const entries = [...data.timeEntries].sort((a, b) => a.start - b.start);
  let box = 0; // a pointer into the marketing boxes, sorted like the entries
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    check(e.start < e.end && e.end - e.start <= 24 * 3_600_000, `${e.id}: bad length`);
    check(e.end <= now, `${e.id}: ends after now`);
    check(e.createdAt >= e.end && e.createdAt <= now, `${e.id}: createdAt`);
    check(isCategoryOfKind(e.kind, e.category), `${e.id}: ${e.kind}/${e.category}`);
    if (i > 0) check(e.start >= entries[i - 1]!.end, `${e.id}: overlaps ${entries[i - 1]!.id}`);
    if (e.initiativeId) check(initiatives.has(e.initiativeId), `${e.id}: unknown initiative`);
    if (e.boxId) {
      const b = boxes.get(e.boxId);
      check(b !== undefined && b.start <= e.start && e.end <= b.end && b.kind === e.kind, `${e.id}: outside its box`);
    }
    if (e.interruption) {
      while (box < marketingBoxes.length && marketingBoxes[box]!.end <= e.start) box++;
      const b = marketingBoxes[box];
      check(e.kind === 'sales' && b !== undefined && b.start <= e.start && e.end <= b.end, `${e.id}: interruption outside a marketing box`);
    }
  }

  const eventsByLead = new Map<string, LeadEvent[]>();
  for (const ev of data.leadEvents) {
    check(leads.has(ev.leadId), `${ev.id}: unknown lead`);
    check(ev.at <= now, `${ev.id}: after now`);
    const list = eventsByLead.get(ev.leadId) ?? [];
    list.push(ev);
    eventsByLead.set(ev.leadId, list);
  }
  for (const lead of data.leads) {
    check(lead.createdAt <= now, `${lead.id}: created after now`);
    if (lead.initiativeId) check(initiatives.has(lead.initiativeId), `${lead.id}: unknown initiative`);
    const events = eventsByLead.get(lead.id) ?? [];
    const first = events[0];
    check(first?.type === 'stage' && first.from === null && first.to === 'new' && first.at === lead.createdAt, `${lead.id}: does not start as new`);
    let stage: LeadStage | null = null;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i]!;
      if (i > 0) check(ev.at >= events[i - 1]!.at, `${ev.id}: out of order`);
      if (ev.type === 'stage') {
        check(ev.from === stage, `${ev.id}: from ${ev.from} but the lead was ${stage}`);
        stage = ev.to;
      }
    }
    check(lead.stage === stage, `${lead.id}: stage ${lead.stage} but last event says ${stage}`);
    check(lead.updatedAt === events[events.length - 1]?.at, `${lead.id}: updatedAt`);
    if (lead.value !== undefined) check(int(lead.value), `${lead.id}: value not an integer`);
    if (lead.stage === 'won') {
      check(int(lead.value) && lead.value! >= 300_000 && lead.value! <= 3_000_000, `${lead.id}: won value ${lead.value}`);
      check(Boolean(lead.decisionMoment), `${lead.id}: won without a decision moment`);
    }
    if (lead.stage === 'lost') check((LOSS_REASONS as readonly string[]).includes(lead.lossReason ?? '') && Boolean(lead.lesson), `${lead.id}: lost without reason/lesson`);
    if (lead.stage === 'dropped') check(Boolean(lead.dropReason), `${lead.id}: dropped without reason`);
  }

  for (const w of data.wins) {
    check(w.at <= now && w.createdAt <= now, `${w.id}: after now`);
    check(w.starred === 0 || w.starred === 1, `${w.id}: starred`);
    check(w.title.length > 0, `${w.id}: no title`);
    if (w.initiativeId) check(initiatives.has(w.initiativeId), `${w.id}: unknown initiative`);
    if (w.leadId) check(leads.has(w.leadId), `${w.id}: unknown lead`);
  }

  const definitions = new Map(data.metricDefinitions.map((d) => [d.id, d]));
  check(JSON.stringify(data.metricDefinitions.map((d) => d.builtin)) === JSON.stringify(BUILTIN_METRICS), 'metric definitions are the built-ins');
  const byPeriod = new Map<string, Map<string, number>>();
  for (const m of data.metricEntries) {
    const def = definitions.get(m.metricId);
    check(def !== undefined, `${m.id}: unknown metric`);
    check(/^\d{4}-\d{2}-\d{2}$/.test(m.period), `${m.id}: period ${m.period}`);
    check(int(m.value) && m.value >= 0, `${m.id}: value ${m.value}`);
    check(m.updatedAt <= now, `${m.id}: after now`);
    // The period is the first day of its week (Monday) or month, in the user's calendar.
    const [y, mo, d] = m.period.split('-').map(Number) as [number, number, number];
    if (def?.period === 'week') check(new TZDate(y, mo - 1, d, 12, 0, options.timeZone).getDay() === 1, `${m.id}: week ${m.period} is not a Monday`);
    else check(d === 1, `${m.id}: month ${m.period} is not a first day`);
    const map = byPeriod.get(m.period) ?? new Map<string, number>();
    map.set(m.metricId, m.value);
    byPeriod.set(m.period, map);
  }
  for (const [period, values] of byPeriod) {
    const sent = values.get('sample-metric-emails-sent');
    if (sent !== undefined) check((values.get('sample-metric-email-opens') ?? Infinity) < sent, `${period}: opens ≥ sends`);
  }
  for (const g of data.goals) check(int(g.revenue) && g.revenue > 0 && g.updatedAt <= now, `${g.id}: revenue/updatedAt`);
  return problems;
}

function expectValid(data: SampleData, options: SampleOptions): void {
  expect(problemsIn(data, options)).toEqual([]);
}

describe('generateSampleData', () => {
  it('gives byte-identical output for the same options', () => {
    const a = generateSampleData(base);
    const b = generateSampleData({ ...base });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives different data for a different seed', () => {
    const a = sample();
    const b = sample({ seed: 43 });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(a.timeEntries.map((e) => e.start)).not.toEqual(b.timeEntries.map((e) => e.start));
    expect(a.leads.map((l) => l.createdAt)).not.toEqual(b.leads.map((l) => l.createdAt));
  });

  it('changes only the words between ja and en', () => {
    const ja = sample();
    const en = sample({ language: 'en' });
    const shape = (d: SampleData) => ({
      entries: d.timeEntries.map((e) => [e.kind, e.category, e.start, e.end, e.boxId ?? '']),
      boxes: d.timeBoxes.map((b) => [b.category, b.start, b.end]),
      leads: d.leads.map((l) => [l.source, l.stage, l.createdAt, l.value ?? 0]),
      events: d.leadEvents.length,
      wins: d.wins.map((w) => [w.type, w.at]),
      metrics: d.metricEntries.map((m) => [m.period, m.value]),
    });
    expect(shape(en)).toEqual(shape(ja));
    expect(ja.leads[0]!.company).toMatch(/株式会社|有限会社/);
    expect(en.leads[0]!.company).toMatch(/^[A-Za-z ,.]+$/);
    expect(ja.timeBoxes.some((b) => /メルマガ/.test(b.title))).toBe(true);
    expect(en.timeBoxes.some((b) => /newsletter/.test(b.title))).toBe(true);
  });

  it('produces valid rows (ja, Tokyo, a quarter)', () => {
    expectValid(sample(), base);
  });

  it('produces valid rows for other seeds and time zones', () => {
    for (const [seed, timeZone] of [
      [1, 'America/New_York'],
      [2, 'Asia/Kolkata'],
      [3, 'Australia/Lord_Howe'], // a 30-minute DST shift
      [4, 'Pacific/Auckland'],
      [5, 'America/Santiago'], // DST changes at midnight: some days start at 01:00
    ] as const) {
      const options = { ...base, seed, timeZone, language: 'en' as const };
      expectValid(generateSampleData(options), options);
    }
  });

  it('handles edge instants for now: a Monday midnight, a Saturday, New Year', () => {
    for (const now of [
      Date.UTC(2025, 10, 16, 15, 0), // Monday 17 Nov 2025 00:00 in Tokyo: the week has just begun
      Date.UTC(2025, 10, 22, 3, 0), // Saturday noon
      Date.UTC(2026, 0, 1, 1, 0), // New Year's Day (a company holiday)
    ]) {
      const options = { ...base, now, weeks: 3 };
      const data = generateSampleData(options);
      expect(problemsIn(data, options)).toEqual([]);
      expect(data.timeBoxes.some((b) => b.start > now)).toBe(true);
    }
  });

  it('keeps local working hours across a DST change (Europe/Berlin)', () => {
    // Thursday 3 April 2025, 11:00 in Berlin: the 13 weeks span the change on 30 March.
    const now = Date.UTC(2025, 3, 3, 9, 0);
    const options: SampleOptions = { ...base, now, timeZone: 'Europe/Berlin', language: 'en' };
    const data = generateSampleData(options);
    expectValid(data, options);
    const before = data.timeBoxes.filter((b) => b.start < Date.UTC(2025, 2, 30));
    const after = data.timeBoxes.filter((b) => b.start > Date.UTC(2025, 2, 31));
    expect(before.length).toBeGreaterThan(10);
    expect(after.length).toBeGreaterThan(5);
    // The weekly series boxes stay at the same wall-clock time on both sides of the change.
    const series = data.timeBoxes.filter((b) => b.seriesId && b.kind === 'sales');
    const wallTimes = new Set(series.map((b) => local(b.start, 'Europe/Berlin').minutes));
    expect(wallTimes).toEqual(new Set([9 * 60]));
    expect(new Set(series.map((b) => local(b.start, 'UTC').minutes)).size).toBe(2);
    for (const e of data.timeEntries) {
      const start = local(e.start, 'Europe/Berlin').minutes;
      expect(start).toBeGreaterThanOrEqual(8 * 60);
      expect(local(e.end, 'Europe/Berlin').minutes).toBeLessThanOrEqual(21 * 60);
    }
  });

  it('draws each week on its own, so a quarter is the tail of a year', () => {
    const quarter = sample();
    const year = sample({ weeks: SAMPLE_SIZES.year });
    const from = quarter.timeEntries[0]!.start;
    const times = (d: SampleData) => d.timeEntries.filter((e) => e.start >= from).map((e) => [e.kind, e.category, e.start, e.end]);
    expect(times(year)).toEqual(times(quarter));
    const firstLead = quarter.leads[0]!.createdAt;
    const leadTimes = (d: SampleData) => d.leads.filter((l) => l.createdAt >= firstLead).map((l) => [l.source, l.createdAt]);
    expect(leadTimes(year)).toEqual(leadTimes(quarter));
  });

  it('is checked by a validator that does catch broken rows', () => {
    const broken = structuredClone(sample());
    const lead = broken.leads.find((l) => l.stage === 'won')!;
    lead.stage = 'proposal';
    const [a, b] = broken.timeEntries;
    b!.start = a!.start;
    broken.wins[0]!.leadId = 'sample-lead-missing';
    const problems = problemsIn(broken, base).join('\n');
    expect(problems).toContain(`${lead.id}: stage proposal`);
    expect(problems).toContain(`${b!.id}: overlaps`);
    expect(problems).toContain('unknown lead');
  });

  it('rejects impossible options', () => {
    expect(() => generateSampleData({ ...base, weeks: 0 })).toThrow(RangeError);
    expect(() => generateSampleData({ ...base, weeks: 2.5 })).toThrow(RangeError);
    expect(() => generateSampleData({ ...base, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('a quarter of sample data', () => {
  const data = sample();
  const tz = base.timeZone;

  it('has roughly the expected counts', () => {
    const weeks = SAMPLE_SIZES.quarter;
    expect(SAMPLE_SIZES).toEqual({ quarter: 13, year: 52, tenYears: 520 });
    expect(data.timeEntries.length).toBeGreaterThan(weeks * 80);
    expect(data.timeEntries.length).toBeLessThan(weeks * 130);
    expect(data.leads.length).toBeGreaterThan(weeks * 30);
    expect(data.leads.length).toBeLessThan(weeks * 46);
    expect(data.wins.length).toBeGreaterThanOrEqual(weeks);
    expect(data.wins.length).toBeLessThanOrEqual(weeks * 3);
    expect(data.metricEntries.length).toBeGreaterThanOrEqual(12 * 6);
    expect(data.goals).toHaveLength(2);
  });

  it('works Monday to Friday in office hours, never at the weekend except rarely', () => {
    let weekend = 0;
    for (const e of data.timeEntries) {
      const start = local(e.start, tz);
      if (start.weekday === 0 || start.weekday === 6) weekend++;
      expect(start.minutes).toBeGreaterThanOrEqual(8 * 60);
      expect(local(e.end, tz).minutes).toBeLessThanOrEqual(21 * 60);
    }
    expect(weekend / data.timeEntries.length).toBeLessThan(0.01);
    const current = data.timeBoxes.filter((b) => b.start > NOW);
    expect(current.length, 'boxes planned for the rest of this week and next week').toBeGreaterThan(3);
  });

  it('plans 3–5 marketing boxes of 60–120 minutes a week and keeps most of the budget', () => {
    const perWeek = new Map<number, number>();
    for (const b of data.timeBoxes.filter((x) => x.kind === 'marketing')) {
      const minutes = (b.end - b.start) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(60);
      expect(minutes).toBeLessThanOrEqual(120);
      const monday = Math.floor((b.start + 3 * DAY) / (7 * DAY));
      perWeek.set(monday, (perWeek.get(monday) ?? 0) + 1);
    }
    const counts = [...perWeek.values()];
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    const average = counts.reduce((s, n) => s + n, 0) / counts.length;
    expect(average).toBeGreaterThanOrEqual(3);
    expect(data.timeEntries.filter((e) => e.interruption).length).toBeGreaterThan(3);
    expect(data.timeBoxes.some((b) => b.seriesId)).toBe(true);
  });

  it('splits an interrupted box around the sales entry', () => {
    const interruption = data.timeEntries.find((e) => e.interruption)!;
    const box = data.timeBoxes.find((b) => b.kind === 'marketing' && b.start <= interruption.start && interruption.end <= b.end)!;
    const inBox = data.timeEntries.filter((e) => e.boxId === box.id);
    expect(inBox.every((e) => e.kind === 'marketing')).toBe(true);
    expect(inBox.some((e) => e.end <= interruption.start)).toBe(true);
  });

  it('has one newsletter per month, a webinar per quarter and initiatives in every status', () => {
    const channels = data.initiatives.map((i) => i.channel);
    expect(channels.filter((c) => c === 'newsletter').length).toBeGreaterThanOrEqual(4);
    expect(channels).toContain('trade-show');
    expect(channels).toContain('webinar');
    expect(channels).toContain('seo');
    const statuses = new Set(data.initiatives.map((i) => i.status));
    expect([...statuses].sort()).toEqual(['done', 'idea', 'planned', 'running']);
    expect(data.initiatives.some((i) => (i.cost ?? 0) > 0)).toBe(true);
  });

  it('links many leads to the initiative running when they came in', () => {
    const initiatives = new Map(data.initiatives.map((i) => [i.id, i]));
    const linked = data.leads.filter((l) => l.initiativeId);
    expect(linked.length / data.leads.length).toBeGreaterThan(0.2);
    for (const lead of linked) {
      const i = initiatives.get(lead.initiativeId!)!;
      expect(lead.createdAt >= i.start && lead.createdAt < i.end, lead.id).toBe(true);
    }
    const show = data.leads.filter((l) => l.source === 'trade-show');
    expect(show.length).toBeGreaterThan(20);
  });

  it('follows up most leads within a business day, not all', () => {
    const firstContact = new Map<string, number>();
    for (const ev of data.leadEvents) {
      if (firstContact.has(ev.leadId)) continue;
      if (ev.type === 'contact' || (ev.type === 'stage' && ev.from !== null)) firstContact.set(ev.leadId, ev.at);
    }
    let met = 0;
    let late = 0;
    for (const lead of data.leads) {
      const at = firstContact.get(lead.id);
      if (at === undefined) continue;
      // Business hours between creation and first contact (Mon–Fri, whole days), hour by hour.
      let hours = 0;
      for (let t = lead.createdAt; t < at && hours <= 24; t += 3_600_000) {
        const day = local(t, tz).weekday;
        if (day !== 0 && day !== 6) hours++;
      }
      if (hours <= 24) met++;
      else late++;
    }
    expect(met / (met + late)).toBeGreaterThan(0.6);
    expect(late).toBeGreaterThan(0);
  });

  it('has open, stale, won, lost and dropped leads', () => {
    const stages = new Set(data.leads.map((l) => l.stage));
    for (const s of ['new', 'contacted', 'opportunity', 'proposal', 'won', 'lost', 'dropped']) expect(stages).toContain(s);
    const lastContact = new Map<string, number>();
    for (const ev of data.leadEvents) lastContact.set(ev.leadId, ev.at);
    const stale = data.leads.filter((l) => OPEN_STAGES.includes(l.stage) && NOW - (lastContact.get(l.id) ?? l.createdAt) > 60 * DAY);
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.length).toBeLessThan(data.leads.length * 0.15);
  });

  it('takes its counted metrics from the leads', () => {
    const inquiries = data.metricEntries.filter((m) => m.metricId === 'sample-metric-inquiries');
    expect(inquiries.length).toBeGreaterThan(10);
    const total = inquiries.reduce((s, m) => s + m.value, 0);
    const formLeads = data.leads.filter((l) => l.source === 'web-form').length;
    // The current week's leads are not typed in yet.
    expect(total).toBeLessThanOrEqual(formLeads);
    expect(total).toBeGreaterThan(formLeads * 0.8);
  });

  it('sets revenue goals for the fiscal year and its current quarter', () => {
    const [year, quarter] = data.goals;
    expect(year).toMatchObject({ fiscalYear: 2025, quarter: null });
    expect(quarter).toMatchObject({ fiscalYear: 2025, quarter: 3 }); // Oct–Dec
    expect(quarter!.revenue).toBeLessThan(year!.revenue);
  });

  it('records typed small wins tied to leads and initiatives', () => {
    expect(data.wins.some((w) => w.leadId && w.initiativeId)).toBe(true);
    expect(data.wins.some((w) => w.starred === 1)).toBe(true);
    expect(new Set(data.wins.map((w) => w.type)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('ten years of sample data (the benchmark size)', () => {
  it('has ~60k entries and ~20k leads, all valid', { timeout: 60_000 }, () => {
    const options: SampleOptions = { ...base, weeks: SAMPLE_SIZES.tenYears, seed: 2025 };
    const started = performance.now();
    const data = generateSampleData(options);
    const ms = performance.now() - started;
    console.log(`generateSampleData(520 weeks): ${ms.toFixed(0)} ms, ${data.timeEntries.length} entries, ${data.leads.length} leads, ${data.leadEvents.length} events`);
    expect(data.timeEntries.length).toBeGreaterThan(50_000);
    expect(data.timeEntries.length).toBeLessThan(70_000);
    expect(data.leads.length).toBeGreaterThan(18_000);
    expect(data.leads.length).toBeLessThan(22_000);
    expectValid(data, options);

    // Over a decade the funnel settles: 25–35 % of leads become opportunities, 30–40 % of those are won.
    const opportunities = new Set(
      data.leadEvents.filter((e) => e.type === 'stage' && OPPORTUNITY_STAGES.includes(e.to)).map((e) => e.leadId),
    );
    const won = data.leads.filter((l) => l.stage === 'won').length;
    expect(opportunities.size / data.leads.length).toBeGreaterThan(0.25);
    expect(opportunities.size / data.leads.length).toBeLessThan(0.35);
    expect(won / opportunities.size).toBeGreaterThan(0.3);
    expect(won / opportunities.size).toBeLessThan(0.42);
    expect(data.leadEvents.some((e) => e.type === 'stage' && e.from === 'new' && e.to === 'won'), 'some leads skip stages').toBe(true);

    // About 60–75 % of the 8 h weekly marketing budget is kept.
    const marketingHours = data.timeEntries.filter((e) => e.kind === 'marketing').reduce((s, e) => s + (e.end - e.start), 0) / 3_600_000;
    const kept = marketingHours / (8 * SAMPLE_SIZES.tenYears);
    expect(kept).toBeGreaterThan(0.6);
    expect(kept).toBeLessThan(0.8);

    const trade = data.initiatives.filter((i) => i.channel === 'trade-show').length;
    expect(trade).toBeGreaterThanOrEqual(10);
    expect(trade).toBeLessThanOrEqual(20);
    expect(data.initiatives.filter((i) => i.channel === 'webinar').length).toBeGreaterThanOrEqual(39);
    const sources = new Set(data.leads.map((l) => l.source));
    expect(sources.size).toBeGreaterThanOrEqual(11);
  });
});
