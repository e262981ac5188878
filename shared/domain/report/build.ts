/**
 * buildReport: plain data in, the whole report out (types.ts has its shape, frame.ts the
 * periods it looks at and the rows that are enough). Pure: no clock, no database, no DOM.
 *
 * The report runs from results down to activity, as a manager reads it: revenue and pipeline
 * (against the goal), leads and conversion, time invested, leading indicators, wins, problems and
 * lessons, next period's plan; then the definitions. Every figure is computed the same way for
 * the previous period, as that period's own report would have shown it at its end (cut-off
 * min(cutoff, previous.end)), from today's data, so corrections made since apply to both sides.
 *
 * Cost: O(n log n) in the rows passed. Each lead's facts are worked out once; each figure family
 * is one linear pass (or a sort) over the rows that can count in it.
 */
import type { Period } from '../calendar';
import { indexLeadEvents, inPeriod } from '../leads';
import type { BreakdownRow, DaysToWon, InitiativeBreakdownRow } from '../leads';
import { SOURCE_IDS, WIN_TYPES } from '../model';
import type { Initiative, SourceId, TimeBox, Win } from '../model';
import { ratio } from '../ratio';
import { budgetedMs, overlapMs, planVsActual } from '../time';
import { reportWins, winsInPeriod } from '../wins';
import { amount, optionalAmount, plainRatio, rate } from './figures';
import { periodInfo, reportFrame } from './frame';
import { goalProgress } from './goal';
import { indicators } from './indicators';
import { leadContext, leadPeriod } from './lead-figures';
import type { LeadPeriod } from './lead-figures';
import { definitions, headline } from './narrative';
import { problems } from './problems';
import { categoryRows, timePeriod, weeklyPoints } from './time-figures';
import type {
  BreakdownCounts,
  BreakdownFigures,
  DaysToWonRow,
  InitiativeRow,
  PlannedInitiative,
  PlanSection,
  Report,
  ReportInput,
  ReportWin,
  SourceRow,
} from './types';
import { REPORT_LIST_LIMIT, REPORT_VERSION } from './types';

const counts = (row: BreakdownRow | undefined): BreakdownCounts => ({
  leads: row?.leads ?? 0,
  opportunities: row?.opportunities ?? 0,
  won: row?.won ?? 0,
  revenue: row?.revenue ?? 0,
});

function figuresOf(row: BreakdownRow | undefined, previous: BreakdownRow | undefined): BreakdownFigures {
  return {
    ...counts(row),
    leadToOpportunity: plainRatio(row?.leadToOpportunity ?? ratio(0, 0)),
    closed: row?.closed ?? 0,
    winRate: plainRatio(row?.winRate ?? ratio(0, 0)),
    missingValue: row?.missingValue ?? 0,
    previous: counts(previous),
  };
}

const hasActivity = (row: BreakdownRow | undefined) => row !== undefined && row.leads + row.closed > 0;
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sourceRows(current: LeadPeriod, previous: LeadPeriod): SourceRow[] {
  const before = new Map(previous.bySource.map((row) => [row.source, row]));
  return current.bySource
    .filter((row) => hasActivity(row) || hasActivity(before.get(row.source)))
    .map((row) => ({ source: row.source, origin: row.origin, ...figuresOf(row, before.get(row.source)) }));
}

function initiativeRows(args: {
  current: LeadPeriod;
  previous: LeadPeriod;
  initiatives: ReadonlyMap<string, Initiative>;
  hours: ReadonlyMap<string, number>;
  leadsToDate: ReadonlyMap<string, number>;
  period: Period;
}): InitiativeRow[] {
  const { current, initiatives, hours, leadsToDate, period } = args;
  const tallies = new Map<string | null, InitiativeBreakdownRow>(current.byInitiative.map((row) => [row.initiativeId, row]));
  const before = new Map<string | null, InitiativeBreakdownRow>(args.previous.byInitiative.map((row) => [row.initiativeId, row]));
  const ids = new Set<string>();
  for (const row of current.byInitiative) if (row.initiativeId !== null && hasActivity(row)) ids.add(row.initiativeId);
  for (const [id, ms] of hours) if (ms > 0) ids.add(id);
  // Initiatives under way in the period appear even with nothing to show yet: that is news too.
  for (const initiative of initiatives.values()) {
    if (initiative.archived === 0 && initiative.status !== 'idea' && initiative.start < period.end && initiative.end > period.start) {
      ids.add(initiative.id);
    }
  }
  const rows: InitiativeRow[] = [...ids].map((id) => {
    const initiative = initiatives.get(id);
    const toDate = leadsToDate.get(id) ?? 0;
    const cost = initiative?.cost !== undefined && Number.isFinite(initiative.cost) ? initiative.cost : null;
    return {
      initiativeId: id,
      name: initiative?.name ?? null,
      channel: initiative?.channel ?? null,
      status: initiative?.status ?? null,
      ...figuresOf(tallies.get(id), before.get(id)),
      marketingMs: hours.get(id) ?? 0,
      plannedHours: initiative?.plannedHours ?? null,
      cost,
      leadsToDate: toDate,
      costPerLead: cost === null ? null : ratio(cost, toDate),
    };
  });
  const startOf = (row: InitiativeRow) => (row.initiativeId === null ? Infinity : (initiatives.get(row.initiativeId)?.start ?? Infinity));
  rows.sort(
    (a, b) =>
      b.revenue - a.revenue ||
      b.leads - a.leads ||
      b.marketingMs - a.marketingMs ||
      startOf(a) - startOf(b) ||
      compareIds(a.initiativeId as string, b.initiativeId as string),
  );
  const none = tallies.get(null);
  if (hasActivity(none)) {
    rows.push({
      initiativeId: null,
      name: null,
      channel: null,
      status: null,
      ...figuresOf(none, before.get(null)),
      marketingMs: 0,
      plannedHours: null,
      cost: null,
      leadsToDate: 0,
      costPerLead: null,
    });
  }
  return rows;
}

function daysToWonRows(current: Record<SourceId, DaysToWon>, previous: Record<SourceId, DaysToWon>): DaysToWonRow[] {
  const sources = new Set<SourceId>([...SOURCE_IDS, ...(Object.keys(current) as SourceId[]), ...(Object.keys(previous) as SourceId[])]);
  const rows: DaysToWonRow[] = [];
  for (const source of sources) {
    const now = current[source] ?? { medianDays: null, count: 0 };
    const before = previous[source] ?? { medianDays: null, count: 0 };
    if (now.count === 0 && before.count === 0) continue;
    rows.push({ source, medianDays: optionalAmount(now.medianDays, before.medianDays), count: now.count, previousCount: before.count });
  }
  return rows;
}

function reportWin(win: Win, initiatives: ReadonlyMap<string, Initiative>): ReportWin {
  const initiativeId = win.initiativeId || null;
  return {
    id: win.id,
    at: win.at,
    title: win.title,
    type: win.type,
    initiativeId,
    initiativeName: initiativeId === null ? null : (initiatives.get(initiativeId)?.name ?? null),
    leadId: win.leadId || null,
    amount: win.amount !== undefined && Number.isFinite(win.amount) ? win.amount : null,
    unit: win.unit || null,
    tags: [...win.tags],
    note: win.note || null,
  };
}

function plan(input: ReportInput, next: Period): PlanSection {
  const initiatives: PlannedInitiative[] = input.initiatives
    .filter((i) => i.archived === 0 && (i.status === 'planned' || i.status === 'running') && i.start < next.end && i.end > next.start)
    .sort((a, b) => a.start - b.start || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || compareIds(a.id, b.id))
    .map((i) => ({
      id: i.id,
      name: i.name,
      channel: i.channel,
      status: i.status,
      start: i.start,
      end: i.end,
      goal: i.goal || null,
      targetNumber: i.targetNumber ?? null,
      plannedHours: i.plannedHours ?? null,
      cost: i.cost ?? null,
    }));
  const boxes = input.boxes.filter((b: TimeBox) => b.kind === 'marketing' && overlapMs(b, next) > 0);
  return {
    initiatives,
    plannedMarketingMs: planVsActual(boxes, [], next).plannedMs,
    plannedBoxes: boxes.length,
    budgetMs: budgetedMs(input.settings.weeklyBudgetHours, next, input.timeZone),
  };
}

export function buildReport(input: ReportInput): Report {
  const { settings, timeZone, now } = input;
  const frame = reportFrame({ period: input.period, spec: input.spec, previous: input.previous, cutoff: input.cutoff, timeZone, settings });
  const { period, previous, observed, cutoff } = frame;
  const initiatives = new Map(input.initiatives.map((i) => [i.id, i]));

  // Leads, for both periods.
  const ctx = leadContext(input.leads, indexLeadEvents(input.leadEvents), settings, timeZone);
  const leadsNow = leadPeriod(ctx, period, observed, cutoff);
  const leadsBefore = leadPeriod(ctx, previous, frame.previousObserved, frame.previousCutoff);

  // Time, for both periods.
  const timeArgs = { entries: input.entries, boxes: input.boxes, now, weeklyBudgetHours: settings.weeklyBudgetHours, timeZone };
  const timeNow = timePeriod({ ...timeArgs, period, observed });
  const timeBefore = timePeriod({ ...timeArgs, period: previous, observed: frame.previousObserved });

  // Initiative hours (the entry's own link, else its box's) and lifetime leads.
  const boxInitiative = new Map<string, string>();
  for (const box of input.boxes) if (box.initiativeId) boxInitiative.set(box.id, box.initiativeId);
  const hours = new Map<string, number>();
  for (const entry of input.entries) {
    if (entry.kind !== 'marketing') continue;
    const id = entry.initiativeId || (entry.boxId ? boxInitiative.get(entry.boxId) : undefined);
    const ms = id ? overlapMs(entry, observed) : 0;
    if (id && ms > 0) hours.set(id, (hours.get(id) ?? 0) + ms);
  }
  const leadsToDate = new Map<string, number>();
  for (const lead of input.leads) {
    if (lead.initiativeId && lead.createdAt <= cutoff) leadsToDate.set(lead.initiativeId, (leadsToDate.get(lead.initiativeId) ?? 0) + 1);
  }

  const metrics = indicators({
    definitions: input.metricDefinitions,
    entries: input.metricEntries,
    sparkline: frame.sparkline,
    previous,
    timeZone,
  });
  const winsNow = reportWins(input.wins, observed);
  const winsBefore = winsInPeriod(input.wins, frame.previousObserved).length;

  const isEmpty =
    timeNow.totals.totalMs === 0 &&
    leadsNow.leads === 0 &&
    !input.leadEvents.some((event) => inPeriod(event.at, observed)) &&
    winsNow.total === 0 &&
    !metrics.hasData;

  const previousSpecPeriod = frame.sparkline[frame.sparkline.length - 2] as Period;
  const previousKind = previousSpecPeriod.start === previous.start && previousSpecPeriod.end === previous.end ? frame.spec.kind : 'custom';

  const body: Omit<Report, 'headline' | 'definitions'> = {
    version: REPORT_VERSION,
    generatedAt: now,
    cutoff,
    timeZone,
    currency: settings.currency,
    settings: {
      weeklyBudgetHours: settings.weeklyBudgetHours,
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      weekStartsOn: settings.weekStartsOn,
      followUpSlaHours: settings.followUpSlaHours,
      staleLeadDays: settings.staleLeadDays,
      stageProbabilities: { ...settings.stageProbabilities },
      sourceOrigins: { ...settings.sourceOrigins },
    },
    period: periodInfo(period, frame.spec.kind, timeZone, settings.fiscalYearStartMonth),
    previous: periodInfo(previous, previousKind, timeZone, settings.fiscalYearStartMonth),
    next: periodInfo(frame.next, frame.spec.kind, timeZone, settings.fiscalYearStartMonth),
    isEmpty,
    results: {
      marketingRevenue: amount(leadsNow.marketingRevenue.revenue, leadsBefore.marketingRevenue.revenue),
      marketingDeals: amount(leadsNow.marketingRevenue.deals, leadsBefore.marketingRevenue.deals),
      marketingRevenueMissingValue: leadsNow.marketingRevenue.missingValue,
      totalRevenue: amount(leadsNow.all.revenue, leadsBefore.all.revenue),
      totalDeals: amount(leadsNow.all.deals, leadsBefore.all.deals),
      marketingRevenueShare: rate(
        ratio(leadsNow.marketingRevenue.revenue, leadsNow.all.revenue),
        ratio(leadsBefore.marketingRevenue.revenue, leadsBefore.all.revenue),
      ),
      pipeline: amount(leadsNow.pipeline.plain, leadsBefore.pipeline.plain),
      weightedPipeline: amount(leadsNow.pipeline.weighted, leadsBefore.pipeline.weighted),
      pipelineOpportunities: amount(leadsNow.pipeline.count, leadsBefore.pipeline.count),
      pipelineMissingValue: leadsNow.pipeline.missingValue,
      goal: goalProgress({
        ctx,
        goals: input.goals,
        period,
        observed,
        cutoff,
        history: frame.history,
        timeZone,
        fiscalYearStartMonth: settings.fiscalYearStartMonth,
        periodActual: leadsNow.all,
      }),
    },
    pipeline: {
      leads: amount(leadsNow.leads, leadsBefore.leads),
      marketingLeads: amount(leadsNow.marketingLeads, leadsBefore.marketingLeads),
      leadToOpportunity: rate(leadsNow.leadToOpportunity, leadsBefore.leadToOpportunity),
      marketingLeadToOpportunity: rate(leadsNow.marketingLeadToOpportunity, leadsBefore.marketingLeadToOpportunity),
      newOpportunities: amount(leadsNow.all.opportunities, leadsBefore.all.opportunities),
      marketingNewOpportunities: amount(leadsNow.marketingActual.opportunities, leadsBefore.marketingActual.opportunities),
      winRate: rate(leadsNow.winRate, leadsBefore.winRate),
      marketingWinRate: rate(leadsNow.marketingWinRate, leadsBefore.marketingWinRate),
      sla: rate(leadsNow.sla, leadsBefore.sla),
      slaPending: leadsNow.sla.pending,
      bySource: sourceRows(leadsNow, leadsBefore),
      byInitiative: initiativeRows({ current: leadsNow, previous: leadsBefore, initiatives, hours, leadsToDate, period }),
      daysToWon: optionalAmount(leadsNow.daysToWon.overall.medianDays, leadsBefore.daysToWon.overall.medianDays),
      daysToWonBySource: daysToWonRows(leadsNow.daysToWon.bySource, leadsBefore.daysToWon.bySource),
    },
    time: {
      budget: amount(timeNow.budgetMs, timeBefore.budgetMs),
      marketing: amount(timeNow.totals.marketingMs, timeBefore.totals.marketingMs),
      sales: amount(timeNow.totals.salesMs, timeBefore.totals.salesMs),
      budgetKept: rate(timeNow.budgetKept, timeBefore.budgetKept),
      share: rate(timeNow.share, timeBefore.share),
      boxesKept: rate(timeNow.boxesKept, timeBefore.boxesKept),
      interruptionLoss: amount(timeNow.interruptionLossMs, timeBefore.interruptionLossMs),
      interruptions: amount(timeNow.interruptions, timeBefore.interruptions),
      planned: amount(timeNow.plan.plannedMs, timeBefore.plan.plannedMs),
      loggedInBoxes: amount(timeNow.plan.loggedInBoxesMs, timeBefore.plan.loggedInBoxesMs),
      weekly: weeklyPoints({
        entries: input.entries,
        period,
        observed,
        timeZone,
        weekStartsOn: settings.weekStartsOn,
        weeklyBudgetHours: settings.weeklyBudgetHours,
      }),
      marketingByCategory: categoryRows(timeNow, timeBefore),
    },
    indicators: metrics.section,
    wins: {
      total: amount(winsNow.total, winsBefore),
      starredCount: winsNow.starred.length,
      starred: winsNow.starred.slice(0, REPORT_LIST_LIMIT).map((win) => reportWin(win, initiatives)),
      byType: WIN_TYPES.map((type) => ({ type, count: winsNow.countsByType[type] })),
    },
    problems: problems({ ctx, won: leadsNow.won, observed, cutoff, staleLeadDays: settings.staleLeadDays, initiatives }),
    plan: plan(input, frame.next),
  };
  return { ...body, headline: headline(body), definitions: definitions(body) };
}
