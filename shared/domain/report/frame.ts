/**
 * The periods a report looks at, worked out once from its input, and the rows that are enough to
 * compute it (`reportReadPlan`), so the database layer reads by index rather than whole tables.
 *
 * Besides the period and the previous one, a report looks at: the next period (its plan), the
 * 11 periods before it (metric sparklines), the 12 months before the cut-off (the reverse
 * funnel's rates), and the fiscal year holding the period's start (goals live inside it).
 */
import { tz } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import {
  addDaysToKey,
  addMonthsToKey,
  calendarDaysIn,
  dayKey,
  fiscalHalfOf,
  fiscalQuarterOf,
  fiscalYearContaining,
  fiscalYearOf,
  resolvePeriod,
  shiftPeriod,
} from '../calendar';
import type { CalendarSettings, DayKey, Period, PeriodSpec } from '../calendar';
import { HISTORY_MONTHS } from '../funnel';
import { OPEN_STAGES } from '../model';
import type { LeadStage } from '../model';
import { MAX_ENTRY_MS } from '../time';
import type { PeriodInfo } from './types';
import { SPARKLINE_POINTS } from './types';

export interface ReportFrame {
  period: Period;
  previous: Period;
  next: Period;
  /** What the user picked, or the period as a custom range. */
  spec: PeriodSpec;
  cutoff: number;
  /** min(cutoff, previous.end): the previous period as its own report saw it at its end. */
  previousCutoff: number;
  /** Where events count as "in the period": `[start, min(end, cutoff + 1))` (see `observedWindow`). */
  observed: Period;
  previousObserved: Period;
  /** SPARKLINE_POINTS periods of the same kind, oldest first, the last being `period`. */
  sparkline: Period[];
  /** `[cutoff − 12 months, cutoff)`: the reverse funnel's history (as funnel.ts computes it). */
  history: Period;
  /** The fiscal year containing the period's first instant. */
  fiscalYear: Period;
}

/**
 * The part of `period` whose events have happened by `cutoff`. An event AT the cut-off has
 * happened (as in leads.ts, where `at <= cutoff` counts), hence the + 1 ms, which instants in
 * whole milliseconds make exact; the period's own end stays exclusive. Empty when the cut-off
 * is before the period.
 */
export function observedWindow(period: Period, cutoff: number): Period {
  return { start: period.start, end: Math.max(period.start, Math.min(period.end, cutoff + 1)) };
}

function assertPeriod(name: string, period: Period): void {
  if (!Number.isFinite(period.start) || !Number.isFinite(period.end) || period.end < period.start) {
    throw new RangeError(`${name} is not a period: [${period.start}, ${period.end})`);
  }
}

export function reportFrame(args: {
  period: Period;
  spec?: PeriodSpec | undefined;
  previous: Period;
  cutoff: number;
  timeZone: string;
  settings: CalendarSettings;
}): ReportFrame {
  const { period, previous, cutoff, timeZone, settings } = args;
  assertPeriod('period', period);
  assertPeriod('previous', previous);
  if (!Number.isFinite(cutoff)) throw new RangeError(`cutoff is not an instant: ${cutoff}`);
  const spec: PeriodSpec = args.spec ?? { kind: 'custom', start: period.start, end: period.end };
  const resolved = resolvePeriod(spec, timeZone, settings);
  if (resolved.start !== period.start || resolved.end !== period.end) {
    // A caller passing November's spec with October's instants is a bug that would quietly
    // mislabel every figure; say so at once.
    throw new RangeError('spec does not resolve to period');
  }
  const at = (steps: number) => resolvePeriod(shiftPeriod(spec, steps, timeZone), timeZone, settings);
  const sparkline: Period[] = [];
  for (let step = 1 - SPARKLINE_POINTS; step < 0; step++) sparkline.push(at(step));
  sparkline.push({ start: period.start, end: period.end });
  const previousCutoff = Math.min(cutoff, previous.end);
  return {
    period: { start: period.start, end: period.end },
    previous: { start: previous.start, end: previous.end },
    next: at(1),
    spec,
    cutoff,
    previousCutoff,
    observed: observedWindow(period, cutoff),
    previousObserved: observedWindow(previous, previousCutoff),
    sparkline,
    history: { start: addMonths(cutoff, -HISTORY_MONTHS, { in: tz(timeZone) }).getTime(), end: cutoff },
    fiscalYear: fiscalYearContaining(period.start, timeZone, settings.fiscalYearStartMonth),
  };
}

export function periodInfo(period: Period, kind: PeriodInfo['kind'], timeZone: string, fiscalYearStartMonth: number): PeriodInfo {
  const firstDay = dayKey(period.start, timeZone);
  // The day of the last instant inside; an empty period touches only its start's day.
  const lastDay = period.end > period.start ? dayKey(period.end - 1, timeZone) : firstDay;
  return {
    start: period.start,
    end: period.end,
    kind,
    firstDay,
    lastDay,
    days: calendarDaysIn(period, timeZone),
    fiscalYear: fiscalYearOf(period.start, timeZone, fiscalYearStartMonth),
    fiscalQuarter: fiscalQuarterOf(period.start, timeZone, fiscalYearStartMonth).quarter,
    fiscalHalf: fiscalHalfOf(period.start, timeZone, fiscalYearStartMonth).half,
  };
}

// ---------------------------------------------------------------------------------------------
// What to read

/** `[from, to)` over an index of instants; `to` null: no upper bound. */
export interface InstantRange {
  from: number;
  to: number | null;
}

/** Inclusive range of metric period keys ('YYYY-MM-DD' compare as strings). */
export interface DayKeyRange {
  from: DayKey;
  to: DayKey;
}

/**
 * The rows that are enough for `buildReport` to give the same report as with every row. Each
 * table is read over the listed ranges of the named index (ranges are sorted and disjoint); then
 * the union of the rows is passed in.
 *
 * Why each range:
 * - timeEntries (`start`): entries overlapping the period and the previous one, and the windows
 *   of the boxes starting in them, which may end up to 24 h after the period. Entries and boxes
 *   are at most 24 h long (MAX_ENTRY_MS), so overlap is a `start` range widened by 24 h.
 * - timeBoxes (`start`): boxes starting in either period (boxes kept, interruptions), boxes
 *   overlapping them (planned time) and the next period (its plan), and the boxes whose window
 *   holds an entry of the period (an entry's initiative may come from its box).
 * - leads: a lead's figures need its whole history, so leads are chosen first and then every
 *   event of every chosen lead is read (`[leadId+at]`). Chosen are:
 *   1. leads created from the earliest of the history window, the fiscal year and both periods
 *      up to the cut-off (`createdAt`): cohorts, the funnel's 12 months, the goal period;
 *   2. leads with an event from that same instant on, with no end (`at` on leadEvents): deals
 *      closed and opportunities made in any of those windows, and leads that were open at a
 *      cut-off but have moved since;
 *   3. leads open now (`stage` in OPEN_STAGES): with 2., every lead open at either cut-off,
 *      for the pipeline and the stale / overdue lists, however old;
 *   4. leads linked to an initiative (`initiativeId`) that a lead, entry or box read above refers
 *      to, or that overlaps the period: the initiative rows' lifetime leads (cost per lead).
 * - wins (`at`): both periods.
 * - metricEntries (`period` key): the sparkline's periods and the previous period; a weekly row
 *   keyed up to 6 days before a period, or a monthly row keyed on any day of a month it touches,
 *   reaches into it.
 * - goals (`fiscalYear`): the fiscal year holding the period's start (a goal is chosen only if it
 *   contains that instant).
 * - initiatives and metricDefinitions: every row (a few hundred at most in ten years; the rows
 *   name the initiatives and metrics the report mentions).
 */
export interface ReportReadPlan {
  timeEntries: InstantRange[];
  timeBoxes: InstantRange[];
  leadsCreated: InstantRange[];
  leadsWithEvents: InstantRange[];
  leadsInStages: readonly LeadStage[];
  leadsOfInitiatives: 'referenced-or-overlapping';
  /** Range the initiatives of rule 4 "overlap the period" over. */
  initiativesOverlapping: Period;
  leadEvents: 'every-event-of-every-lead-read';
  wins: InstantRange[];
  metricEntries: DayKeyRange[];
  goalFiscalYears: number[];
  initiatives: 'all';
  metricDefinitions: 'all';
}

function mergeRanges(ranges: readonly InstantRange[]): InstantRange[] {
  const sorted = ranges.filter((r) => r.to === null || r.to > r.from).sort((a, b) => a.from - b.from);
  const merged: InstantRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || range.from <= last.to)) {
      last.to = last.to === null || range.to === null ? null : Math.max(last.to, range.to);
    } else merged.push({ ...range });
  }
  return merged;
}

function mergeKeyRanges(ranges: readonly DayKeyRange[]): DayKeyRange[] {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: DayKeyRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= addDaysToKey(last.to, 1)) {
      if (range.to > last.to) last.to = range.to;
    } else merged.push({ ...range });
  }
  return merged;
}

/**
 * Metric keys whose entries can reach into `period`: weekly rows keyed from 6 days before it,
 * monthly rows keyed on any day of a month it touches (metrics.ts reads a monthly key that is not
 * the 1st as its month, so the upper bound is the last day of the month of the period's end).
 */
export function metricKeysFor(period: Period, timeZone: string): DayKeyRange {
  const first = dayKey(period.start, timeZone);
  const weekBefore = addDaysToKey(first, -6);
  const monthStart = `${first.slice(0, 8)}01`;
  const endMonth = `${dayKey(period.end, timeZone).slice(0, 8)}01`;
  return { from: weekBefore < monthStart ? weekBefore : monthStart, to: addDaysToKey(addMonthsToKey(endMonth, 1), -1) };
}

/** The earliest instant whose leads (created, or with an event) the report may look at. */
export function leadsFrom(frame: ReportFrame): number {
  return Math.min(frame.history.start, frame.fiscalYear.start, frame.previous.start, frame.period.start);
}

/**
 * Which rows `buildReport` needs for `period` (see ReportReadPlan). `spec` is the same optional
 * spec the report is built with: the sparkline's earlier periods are calendar steps from it.
 */
export function reportReadPlan(
  period: Period,
  previous: Period,
  settings: CalendarSettings,
  timeZone: string,
  now: number,
  spec?: PeriodSpec,
): ReportReadPlan {
  const frame = reportFrame({ period, spec, previous, cutoff: Math.min(now, period.end), timeZone, settings });
  const { next } = frame;
  const from = leadsFrom(frame);
  const pad = MAX_ENTRY_MS;
  const sparkStart = (frame.sparkline[0] as Period).start;
  return {
    timeEntries: mergeRanges([
      { from: previous.start - pad, to: previous.end + pad },
      { from: period.start - pad, to: period.end + pad },
    ]),
    timeBoxes: mergeRanges([
      { from: previous.start - pad, to: previous.end },
      { from: period.start - pad, to: period.end },
      { from: next.start - pad, to: next.end },
    ]),
    leadsCreated: [{ from, to: frame.cutoff + 1 }],
    leadsWithEvents: [{ from, to: null }],
    leadsInStages: OPEN_STAGES,
    leadsOfInitiatives: 'referenced-or-overlapping',
    initiativesOverlapping: { start: period.start, end: period.end },
    leadEvents: 'every-event-of-every-lead-read',
    wins: mergeRanges([
      { from: previous.start, to: previous.end },
      { from: period.start, to: period.end },
    ]),
    metricEntries: mergeKeyRanges([
      metricKeysFor({ start: sparkStart, end: period.end }, timeZone),
      metricKeysFor(previous, timeZone),
    ]),
    goalFiscalYears: [fiscalYearOf(period.start, timeZone, settings.fiscalYearStartMonth)],
    initiatives: 'all',
    metricDefinitions: 'all',
  };
}
