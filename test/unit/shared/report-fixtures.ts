// The report's hand-computed scenario: autumn 2026 at a small company in Tokyo.
//
// Instants are ISO strings WITH their offset (+09:00), so the fixtures mean the same thing in
// every process time zone (the shared tests run in Tokyo and in Los Angeles). Calendar:
// 2026-10-01 is a Thursday, 2026-11-01 a Sunday, 2026-12-01 a Tuesday. Tokyo has no DST; in
// Los Angeles DST ends on Sunday 2026-11-01 at 02:00 (that day is 25 h long).
//
// Settings: 8 h/week budget, weeks start on Monday, fiscal year starts in April (FY2026 Q3 is
// Oct–Dec 2026), SLA 24 business hours, stale after 60 days, default stage probabilities and
// source origins (outbound, referral and existing customer are sales origin).
//
// The expected figures are worked out in report.test.ts next to each assertion.
import type {
  Goal,
  Initiative,
  Lead,
  LeadEvent,
  LeadStage,
  MetricDefinition,
  MetricEntry,
  SourceId,
  TimeBox,
  TimeEntry,
  Win,
} from '../../../shared/domain/model';
import { DEFAULT_SOURCE_ORIGINS, DEFAULT_STAGE_PROBABILITIES } from '../../../shared/domain/model';
import type { ReportInput, ReportReadPlan, ReportSettings } from '../../../shared/domain/report';

export const TOKYO = 'Asia/Tokyo';
export const LA = 'America/Los_Angeles';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** 'YYYY-MM-DD HH:mm' in Tokyo (JST, +09:00) → epoch ms. */
export const jst = (local: string): number => {
  const ms = Date.parse(`${local.replace(' ', 'T')}:00+09:00`);
  if (Number.isNaN(ms)) throw new Error(`bad fixture ${local}`);
  return ms;
};

export const SETTINGS: ReportSettings = {
  weeklyBudgetHours: 8,
  fiscalYearStartMonth: 4,
  weekStartsOn: 1,
  currency: 'JPY',
  stageProbabilities: { ...DEFAULT_STAGE_PROBABILITIES },
  sourceOrigins: { ...DEFAULT_SOURCE_ORIGINS },
  followUpSlaHours: 24,
  staleLeadDays: 60,
};

// ---------------------------------------------------------------------------------------------
// Time

let n = 0;
function entry(kind: TimeEntry['kind'], category: TimeEntry['category'], from: string, to: string, extra: Partial<TimeEntry> = {}): TimeEntry {
  return { id: `E${++n}`, kind, category, start: jst(from), end: jst(to), source: 'manual', createdAt: 0, updatedAt: 0, ...extra };
}
function box(id: string, kind: TimeBox['kind'], category: TimeBox['category'], from: string, to: string, extra: Partial<TimeBox> = {}): TimeBox {
  return { id, kind, category, title: id, start: jst(from), end: jst(to), createdAt: 0, updatedAt: 0, ...extra };
}

/**
 * E1  marketing content    Oct 31 23:00 – Nov 1 01:00   crosses the month boundary: 1 h each side
 * E2  marketing newsletter Nov 10 10:00 – 10:40         in box B1 (entry has no initiative; B1's is nl-nov)
 * E3  sales call           Nov 10 10:40 – 11:10         the interruption (flagged), inside B1
 * E4  marketing newsletter Nov 10 11:10 – 11:30         back to B1: B1 has 60 of 90 min → not kept
 * E5  marketing newsletter Nov 12 14:00 – 16:00         B2 is 150 min: 120 / 150 = exactly 80 % → kept
 * E6  sales call           Nov 17 09:30 – 10:00         not flagged, but inside B3: 30 more minutes lost
 * E7  marketing event      Nov 30 23:00 – Dec 1 01:00   covers B5; 1 h in November, 1 h in December
 * E8  sales visit          Nov 5  09:00 – 17:00
 * E9  sales proposal       Nov 20 13:00 – 18:00
 * E10 marketing seo        Nov 25 15:00 – 18:00         initiative seo-blog
 * E11 marketing content    Oct 15 10:00 – 14:00         covers B0
 * E12 sales visit          Oct 16 09:00 – 19:00
 * E13 marketing content    Dec 2  10:00 – 11:00
 */
export const ENTRIES: TimeEntry[] = [
  entry('marketing', 'content', '2026-10-31 23:00', '2026-11-01 01:00'),
  entry('marketing', 'newsletter', '2026-11-10 10:00', '2026-11-10 10:40', { boxId: 'B1' }),
  entry('sales', 'call', '2026-11-10 10:40', '2026-11-10 11:10', { interruption: true }),
  entry('marketing', 'newsletter', '2026-11-10 11:10', '2026-11-10 11:30', { boxId: 'B1' }),
  entry('marketing', 'newsletter', '2026-11-12 14:00', '2026-11-12 16:00', { boxId: 'B2', initiativeId: 'nl-nov' }),
  entry('sales', 'call', '2026-11-17 09:30', '2026-11-17 10:00'),
  entry('marketing', 'event', '2026-11-30 23:00', '2026-12-01 01:00', { boxId: 'B5' }),
  entry('sales', 'visit', '2026-11-05 09:00', '2026-11-05 17:00'),
  entry('sales', 'proposal', '2026-11-20 13:00', '2026-11-20 18:00'),
  entry('marketing', 'seo', '2026-11-25 15:00', '2026-11-25 18:00', { initiativeId: 'seo-blog' }),
  entry('marketing', 'content', '2026-10-15 10:00', '2026-10-15 14:00', { boxId: 'B0' }),
  entry('sales', 'visit', '2026-10-16 09:00', '2026-10-16 19:00'),
  entry('marketing', 'content', '2026-12-02 10:00', '2026-12-02 11:00'),
];

/**
 * B0 marketing Oct 15 10:00–12:00 (kept)           B4 sales Nov 19 10:00–12:00 (never counted)
 * B1 marketing Nov 10 10:00–11:30, nl-nov          B5 marketing Nov 30 23:00 – Dec 1 01:00 (kept)
 * B2 marketing Nov 12 14:00–16:30, nl-nov          B6 marketing Dec 8 10:00–11:30 (December's plan)
 * B3 marketing Nov 17 09:00–10:00 (nothing logged) B7 marketing Dec 10 14:00–16:00 (December's plan)
 */
export const BOXES: TimeBox[] = [
  box('B0', 'marketing', 'content', '2026-10-15 10:00', '2026-10-15 12:00'),
  box('B1', 'marketing', 'newsletter', '2026-11-10 10:00', '2026-11-10 11:30', { initiativeId: 'nl-nov' }),
  box('B2', 'marketing', 'newsletter', '2026-11-12 14:00', '2026-11-12 16:30', { initiativeId: 'nl-nov' }),
  box('B3', 'marketing', 'seo', '2026-11-17 09:00', '2026-11-17 10:00'),
  box('B4', 'sales', 'visit', '2026-11-19 10:00', '2026-11-19 12:00'),
  box('B5', 'marketing', 'event', '2026-11-30 23:00', '2026-12-01 01:00'),
  box('B6', 'marketing', 'newsletter', '2026-12-08 10:00', '2026-12-08 11:30'),
  box('B7', 'marketing', 'webinar', '2026-12-10 14:00', '2026-12-10 16:00'),
];

// ---------------------------------------------------------------------------------------------
// Initiatives

function initiative(id: string, name: string, channel: Initiative['channel'], status: Initiative['status'], from: string, to: string, extra: Partial<Initiative> = {}): Initiative {
  return { id, name, channel, status, start: jst(`${from} 00:00`), end: jst(`${to} 00:00`), archived: 0, createdAt: 0, updatedAt: 0, ...extra };
}

export const INITIATIVES: Initiative[] = [
  initiative('nl-nov', 'Nov newsletter', 'newsletter', 'done', '2026-11-01', '2026-12-01', { cost: 50_000, plannedHours: 6 }),
  initiative('show-oct', 'Autumn trade show', 'trade-show', 'done', '2026-10-14', '2026-10-17', { cost: 300_000 }),
  initiative('seo-blog', 'SEO blog series', 'seo', 'running', '2026-09-01', '2027-03-01'),
  initiative('nl-dec', 'Dec newsletter', 'newsletter', 'planned', '2026-12-01', '2027-01-01', { goal: '3 quote requests', targetNumber: 3, plannedHours: 6, cost: 50_000 }),
  initiative('webinar-dec', 'December webinar', 'webinar', 'planned', '2026-12-10', '2026-12-11', { plannedHours: 10 }),
  initiative('idea-x', 'Podcast?', 'other', 'idea', '2026-12-01', '2027-01-01'),
  initiative('ads-old', 'Old ads', 'web-ad', 'planned', '2026-12-01', '2027-01-01', { archived: 1 }),
  initiative('q1-show', 'Spring trade show', 'trade-show', 'planned', '2027-02-10', '2027-02-13'),
];

// ---------------------------------------------------------------------------------------------
// Leads

let e = 0;
type Move = readonly [string, LeadStage | 'contact'];

/** A lead as the app writes it: a creation event (from null to new), then one event per move or contact. */
function lead(id: string, created: string, source: SourceId, moves: readonly Move[], extra: Partial<Lead> = {}): { lead: Lead; events: LeadEvent[] } {
  const events: LeadEvent[] = [{ id: `ev${++e}`, leadId: id, at: jst(created), type: 'stage', from: null, to: 'new' }];
  let stage: LeadStage = 'new';
  for (const [when, to] of moves) {
    if (to === 'contact') events.push({ id: `ev${++e}`, leadId: id, at: jst(when), type: 'contact', channel: 'call' });
    else {
      events.push({ id: `ev${++e}`, leadId: id, at: jst(when), type: 'stage', from: stage, to });
      stage = to;
    }
  }
  return {
    lead: { id, createdAt: jst(created), company: `Company ${id}`, person: `Person ${id}`, source, stage, updatedAt: 0, ...extra },
    events,
  };
}

/**
 * November's cohort (A*), older leads (B*, C*) and one December lead (D1).
 * A1 newsletter, nl-nov    Mon 11-02 10:00; contacted 15:00, opp 11-09, proposal 11-16, WON 11-26 ¥1.2M (24 days)
 * A2 web-form             Wed 11-04 09:00; contact log 11:00; new → WON 11-20 (skips stages) ¥600k (16 days)
 * A3 seo                  Fri 11-06 18:00; contacted Mon 11-09 17:00 (due Mon 18:00: met); LOST 11-13, never an opportunity
 * A4 trade-show, show-oct Thu 11-05 10:00; contacted Mon 11-09 (due Fri 11-06 10:00: missed); opp 11-18; ¥2M open
 * A5 outbound (sales)     Wed 11-11 10:00; contacted 12:00; opp 11-13; proposal 11-20; ¥900k open
 * A6 web-ad               Fri 11-27 18:00; never contacted (due Mon 11-30 18:00: overdue at the cut-off)
 * A7 newsletter, nl-nov   Mon 11-30 20:00; contacted Tue 12-01 09:00, opp 12-02 (both after Tokyo's cut-off)
 * A8 document-download    Mon 11-16 09:00; contacted 10:00; opp 11-25; DROPPED Sat 11-28 (a lost deal) ¥400k
 * A9 referral (sales)     Wed 11-18 10:00; contacted 11:00; LOST 11-24, never an opportunity
 * B1 newsletter           Thu 09-10; opp 09-20; proposal 10-05; LOST 11-19 ¥1.5M (price)
 * B2 trade-show, show-oct Thu 10-15 10:00; contacted 14:00; opp 10-22; WON Tue 11-10 ¥800k (26 days)
 * B3 existing (sales)     Thu 10-01 10:00; new → opp Mon 10-05; WON 11-25 ¥3M (55 days)
 * B4 webinar              Tue 10-20 10:00; contact log 15:00; new → opp 10-28; NO value, open
 * B5 seo                  Mon 06-01; contacted 06-02; last contact 07-01: stale
 * B6 web-form             Mon 08-03; contacted; opp 08-10; proposal 11-20 (+ contact); ¥500k open
 * C1 newsletter           Fri 10-02 10:00; contacted 15:00; opp 10-06; WON 10-20 ¥700k (18 days)
 * C2 web-form             Thu 10-08 10:00; contacted 16:00; nothing since
 * C3 social               Mon 10-26 10:00; new → opp Fri 10-30 (first contact: SLA missed); LOST Sat 10-31
 * D1 web-form             Wed 12-02 10:00; never contacted
 */
const BUILT = [
  lead('A1', '2026-11-02 10:00', 'newsletter', [['2026-11-02 15:00', 'contacted'], ['2026-11-09 10:00', 'opportunity'], ['2026-11-16 10:00', 'proposal'], ['2026-11-26 10:00', 'won']], {
    initiativeId: 'nl-nov',
    value: 1_200_000,
    decisionMoment: 'Months of newsletters had built trust',
  }),
  lead('A2', '2026-11-04 09:00', 'web-form', [['2026-11-04 11:00', 'contact'], ['2026-11-20 09:00', 'won']], { value: 600_000, decisionMoment: 'A fast quote' }),
  lead('A3', '2026-11-06 18:00', 'seo', [['2026-11-09 17:00', 'contact'], ['2026-11-09 17:00', 'contacted'], ['2026-11-13 10:00', 'lost']], {
    lossReason: 'no-need',
    lesson: 'Check how urgent the problem is in the first call',
  }),
  lead('A4', '2026-11-05 10:00', 'trade-show', [['2026-11-09 10:00', 'contacted'], ['2026-11-18 10:00', 'opportunity']], { initiativeId: 'show-oct', value: 2_000_000 }),
  lead('A5', '2026-11-11 10:00', 'outbound', [['2026-11-11 12:00', 'contacted'], ['2026-11-13 10:00', 'opportunity'], ['2026-11-20 10:00', 'proposal']], { value: 900_000 }),
  lead('A6', '2026-11-27 18:00', 'web-ad', []),
  lead('A7', '2026-11-30 20:00', 'newsletter', [['2026-12-01 09:00', 'contact'], ['2026-12-01 09:00', 'contacted'], ['2026-12-02 10:00', 'opportunity']], {
    initiativeId: 'nl-nov',
    value: 700_000,
  }),
  lead('A8', '2026-11-16 09:00', 'document-download', [['2026-11-16 10:00', 'contact'], ['2026-11-16 10:00', 'contacted'], ['2026-11-25 10:00', 'opportunity'], ['2026-11-28 10:00', 'dropped']], {
    value: 400_000,
    dropReason: 'No budget in sight',
  }),
  lead('A9', '2026-11-18 10:00', 'referral', [['2026-11-18 11:00', 'contacted'], ['2026-11-24 10:00', 'lost']], { lossReason: 'timing' }),
  lead('B1', '2026-09-10 10:00', 'newsletter', [['2026-09-10 14:00', 'contacted'], ['2026-09-20 10:00', 'opportunity'], ['2026-10-05 10:00', 'proposal'], ['2026-11-19 10:00', 'lost']], {
    value: 1_500_000,
    lossReason: 'price',
    lesson: 'Show the return in numbers in the first proposal',
    decisionMoment: 'The competitor was cheaper up front',
  }),
  lead('B2', '2026-10-15 10:00', 'trade-show', [['2026-10-15 14:00', 'contacted'], ['2026-10-22 10:00', 'opportunity'], ['2026-11-10 10:00', 'won']], { initiativeId: 'show-oct', value: 800_000 }),
  lead('B3', '2026-10-01 10:00', 'existing-customer', [['2026-10-05 10:00', 'opportunity'], ['2026-11-25 10:00', 'won']], { value: 3_000_000 }),
  lead('B4', '2026-10-20 10:00', 'webinar', [['2026-10-20 15:00', 'contact'], ['2026-10-28 10:00', 'opportunity']]),
  lead('B5', '2026-06-01 10:00', 'seo', [['2026-06-02 10:00', 'contacted'], ['2026-07-01 10:00', 'contact']]),
  lead('B6', '2026-08-03 10:00', 'web-form', [['2026-08-03 14:00', 'contacted'], ['2026-08-10 10:00', 'opportunity'], ['2026-11-20 10:00', 'proposal'], ['2026-11-20 10:00', 'contact']], { value: 500_000 }),
  lead('C1', '2026-10-02 10:00', 'newsletter', [['2026-10-02 15:00', 'contacted'], ['2026-10-06 10:00', 'opportunity'], ['2026-10-20 10:00', 'won']], { value: 700_000 }),
  lead('C2', '2026-10-08 10:00', 'web-form', [['2026-10-08 16:00', 'contacted']]),
  lead('C3', '2026-10-26 10:00', 'social', [['2026-10-30 10:00', 'opportunity'], ['2026-10-31 10:00', 'lost']], { value: 900_000, lossReason: 'competitor' }),
  lead('D1', '2026-12-02 10:00', 'web-form', []),
];
export const LEADS: Lead[] = BUILT.map((b) => b.lead);
export const LEAD_EVENTS: LeadEvent[] = BUILT.flatMap((b) => b.events);

// ---------------------------------------------------------------------------------------------
// Wins

function win(id: string, when: string, type: Win['type'], starred: 0 | 1, extra: Partial<Win> = {}): Win {
  return { id, at: jst(when), title: `Win ${id}`, type, tags: [], starred, createdAt: 0, updatedAt: 0, ...extra };
}

export const WINS: Win[] = [
  win('W1', '2026-11-12 15:00', 'inquiry', 1, { title: 'Newsletter reader asked for a quote', initiativeId: 'nl-nov', leadId: 'A1', tags: ['newsletter'] }),
  win('W2', '2026-11-20 12:00', 'deal', 1, { leadId: 'A2', amount: 600_000, unit: 'JPY' }),
  win('W3', '2026-11-25 18:00', 'content-published', 0),
  win('W4', '2026-11-30 23:30', 'spike', 0, { amount: 35, unit: 'opens', note: 'after the send' }),
  win('W5', '2026-10-20 12:00', 'deal', 1),
  win('W6', '2026-12-01 00:00', 'meeting-booked', 1),
];

// ---------------------------------------------------------------------------------------------
// Metrics

function metric(id: string, period: MetricDefinition['period'], order: number, extra: Partial<MetricDefinition> = {}): MetricDefinition {
  return { id, unit: 'count', period, archived: 0, order, createdAt: 0, ...extra };
}

export const METRIC_DEFINITIONS: MetricDefinition[] = [
  metric('m-cards', 'week', 0, { builtin: 'business-cards' }),
  metric('m-opens', 'week', 1, { builtin: 'email-opens' }),
  metric('m-sent', 'week', 2, { builtin: 'emails-sent' }),
  metric('m-pv', 'month', 3, { builtin: 'page-views' }),
  metric('m-old', 'month', 4, { name: 'Seminar sign-ups', archived: 1 }),
];

let m = 0;
const value = (metricId: string, period: string, v: number): MetricEntry => ({ id: `M${++m}`, metricId, period, value: v, updatedAt: 0 });

/**
 * Weekly keys are Mondays. The week of 10-26 (Oct 26 – Nov 1) straddles the month end: 70 opens
 * give 60 to October (6 days) and 10 to November (1 day); the week of 11-30 gives 1/7 of its 140
 * (20) to November; the week of 09-28 gives 30 to September (3 days) and 40 to October (4 days).
 */
export const METRIC_ENTRIES: MetricEntry[] = [
  ...(
    [
      ['2026-09-28', 70],
      ['2026-10-05', 80],
      ['2026-10-12', 90],
      ['2026-10-19', 100],
      ['2026-10-26', 70],
      ['2026-11-02', 100],
      ['2026-11-09', 120],
      ['2026-11-16', 90],
      ['2026-11-23', 110],
      ['2026-11-30', 140],
    ] as const
  ).map(([period, v]) => value('m-opens', period, v)),
  value('m-sent', '2026-10-05', 1000),
  value('m-sent', '2026-10-19', 1000),
  value('m-sent', '2026-11-02', 1000),
  value('m-sent', '2026-11-16', 1000),
  value('m-pv', '2026-10-01', 3000),
  value('m-pv', '2026-11-01', 3600),
  value('m-cards', '2026-10-12', 55),
  value('m-cards', '2026-11-09', 7),
];

// ---------------------------------------------------------------------------------------------
// Goals: FY2026 Q3 (the later of two rows for it wins) and the whole FY2026.

const assumptions = { averageDealValue: 1_000_000, winRate: 0.5, leadToOpportunityRate: 0.25 };
export const GOALS: Goal[] = [
  { id: 'g-q3', fiscalYear: 2026, quarter: 3, revenue: 12_000_000, assumptions, updatedAt: 2 },
  { id: 'g-q3-old', fiscalYear: 2026, quarter: 3, revenue: 99_000_000, assumptions, updatedAt: 1 },
  { id: 'g-fy', fiscalYear: 2026, quarter: null, revenue: 40_000_000, assumptions, updatedAt: 2 },
];

/** Every row of the scenario, for a report over `period`. */
export function scenario(): Omit<ReportInput, 'period' | 'previous' | 'now' | 'cutoff' | 'timeZone' | 'spec'> {
  return {
    settings: SETTINGS,
    entries: ENTRIES,
    boxes: BOXES,
    leads: LEADS,
    leadEvents: LEAD_EVENTS,
    initiatives: INITIATIVES,
    wins: WINS,
    metricDefinitions: METRIC_DEFINITIONS,
    metricEntries: METRIC_ENTRIES,
    goals: GOALS,
  };
}

/** No rows at all: a user who has entered nothing. */
export function emptyRows(): Omit<ReportInput, 'period' | 'previous' | 'now' | 'cutoff' | 'timeZone' | 'spec'> {
  return { settings: SETTINGS, entries: [], boxes: [], leads: [], leadEvents: [], initiatives: [], wins: [], metricDefinitions: [], metricEntries: [], goals: [] };
}

// ---------------------------------------------------------------------------------------------
// The database layer's side of `reportReadPlan`, simulated on arrays: read each table over the
// plan's ranges (as IndexedDB index ranges would), then the two follow-up reads for leads.

type Rows = ReturnType<typeof scenario>;

export function readByPlan(plan: ReportReadPlan, rows: Rows): Rows {
  const inRanges = (x: number, ranges: readonly { from: number; to: number | null }[]) =>
    ranges.some((r) => x >= r.from && (r.to === null || x < r.to));
  const entries = rows.entries.filter((row) => inRanges(row.start, plan.timeEntries));
  const boxes = rows.boxes.filter((row) => inRanges(row.start, plan.timeBoxes));
  const ids = new Set<string>();
  for (const lead of rows.leads) if (inRanges(lead.createdAt, plan.leadsCreated) || plan.leadsInStages.includes(lead.stage)) ids.add(lead.id);
  for (const event of rows.leadEvents) if (inRanges(event.at, plan.leadsWithEvents)) ids.add(event.leadId);
  // Rule 4: leads of the initiatives referred to by what was read, or overlapping the period.
  const initiativeIds = new Set<string>();
  for (const lead of rows.leads) if (ids.has(lead.id) && lead.initiativeId) initiativeIds.add(lead.initiativeId);
  for (const row of [...entries, ...boxes]) if (row.initiativeId) initiativeIds.add(row.initiativeId);
  for (const i of rows.initiatives) {
    if (i.start < plan.initiativesOverlapping.end && i.end > plan.initiativesOverlapping.start) initiativeIds.add(i.id);
  }
  for (const lead of rows.leads) if (lead.initiativeId && initiativeIds.has(lead.initiativeId)) ids.add(lead.id);
  return {
    ...rows,
    entries,
    boxes,
    leads: rows.leads.filter((lead) => ids.has(lead.id)),
    leadEvents: rows.leadEvents.filter((event) => ids.has(event.leadId)),
    wins: rows.wins.filter((win) => inRanges(win.at, plan.wins)),
    metricEntries: rows.metricEntries.filter((row) => plan.metricEntries.some((r) => row.period >= r.from && row.period <= r.to)),
    goals: rows.goals.filter((goal) => plan.goalFiscalYears.includes(goal.fiscalYear)),
  };
}
