/**
 * The shape of a report: what `buildReport` takes and what it returns.
 *
 * The returned object is plain JSON on purpose: a report is saved as a snapshot when it is sent
 * (SavedReport.snapshot) and reopened later, and must then show exactly what was sent. So: no
 * Maps, no functions, no class instances, and no optional fields: a value that is absent is
 * `null`, never `undefined` or a missing key (JSON drops undefined, which would make "absent"
 * mean two things). `version` says which shape a stored snapshot has.
 *
 * Units: instants and durations in epoch ms; money as integers in the currency's minor unit;
 * rates as Ratio (numerator, denominator, value null where the denominator is 0); shares and
 * changes as fractions (0.25 is 25 %). Text the user typed (names, lessons) is kept as typed;
 * everything else the renderer says is named by an i18n key.
 */
import type { CalendarPeriodKind, DayKey, Half, Period, PeriodSpec, Quarter } from '../calendar';
import type { FunnelCounts, FunnelNeeds, FunnelPace, FunnelRates, ReverseFunnel } from '../funnel';
import type { SourceOrigins, StageProbabilities } from '../leads';
import type {
  BuiltinMetric,
  Currency,
  Goal,
  Initiative,
  InitiativeChannel,
  InitiativeStatus,
  Lead,
  LeadEvent,
  LeadStage,
  LossReason,
  MarketingCategory,
  MetricDefinition,
  MetricEntry,
  MetricPeriod,
  Settings,
  SourceId,
  SourceOrigin,
  TimeBox,
  TimeEntry,
  Win,
  WinType,
} from '../model';
import type { Ratio } from '../ratio';

export const REPORT_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Input

/** The settings a report depends on (and records, so a snapshot explains its own figures). */
export type ReportSettings = Pick<
  Settings,
  | 'weeklyBudgetHours'
  | 'fiscalYearStartMonth'
  | 'weekStartsOn'
  | 'currency'
  | 'stageProbabilities'
  | 'sourceOrigins'
  | 'followUpSlaHours'
  | 'staleLeadDays'
>;

/**
 * Everything a report is computed from. Rows may be more than the report needs (every row of
 * every table works); `reportReadPlan` says which rows are enough, so the database layer reads
 * by index instead of whole tables.
 */
export interface ReportInput {
  /** The period reported on, `[start, end)`. */
  period: Period;
  /**
   * What the user picked ("November", "this quarter"). Used to step to the next period and to
   * the sparkline's earlier periods by calendar steps; when absent, the period is treated as a
   * custom range. Must resolve to `period` when given.
   */
  spec?: PeriodSpec;
  /** The period compared against: usually `resolvePeriod(previousPeriod(spec))`. */
  previous: Period;
  /** When the report is built. */
  now: number;
  /**
   * The instant the report's figures are "as of": min(now, period.end). Events after it are not
   * counted in the period; conversions and follow-ups are judged at it.
   */
  cutoff: number;
  /** IANA zone of the user's calendar; never the machine's. */
  timeZone: string;
  settings: ReportSettings;
  entries: readonly TimeEntry[];
  boxes: readonly TimeBox[];
  leads: readonly Lead[];
  leadEvents: readonly LeadEvent[];
  initiatives: readonly Initiative[];
  wins: readonly Win[];
  metricDefinitions: readonly MetricDefinition[];
  metricEntries: readonly MetricEntry[];
  goals: readonly Goal[];
}

// ---------------------------------------------------------------------------------------------
// Figures

/**
 * A quantity (count, money, duration, days) this period and last.
 * - `delta` = value − previous (null when either is null);
 * - `change` = delta / |previous|, the relative change; null when previous is 0 or null
 *   (growth from nothing has no percentage).
 */
export interface AmountFigure<V extends number | null = number> {
  kind: 'amount';
  value: V;
  previous: V;
  delta: number | null;
  change: number | null;
}

/**
 * A rate this period and last, each with numerator and denominator ("3 / 12 = 25 %").
 * `change` is the difference of the two values in fraction units (0.05 = +5 points), not a
 * relative change: "win rate +50 %" for 20 % → 30 % would mislead. null when either value is
 * null (a denominator of 0 on either side).
 */
export interface RatioFigure {
  kind: 'ratio';
  value: Ratio;
  previous: Ratio;
  change: number | null;
}

/** A period as the report prints it: the instants, and the calendar facts for its label. */
export interface PeriodInfo {
  start: number;
  end: number;
  kind: CalendarPeriodKind | 'custom';
  /** First and last calendar day touched, 'YYYY-MM-DD' in the report's zone. */
  firstDay: DayKey;
  lastDay: DayKey;
  /** Calendar days (fractional only for a custom range that cuts a day). */
  days: number;
  /** The fiscal year, quarter and half of the period's first instant (year named by its start). */
  fiscalYear: number;
  fiscalQuarter: Quarter;
  fiscalHalf: Half;
}

// ---------------------------------------------------------------------------------------------
// Sections, from results down to activity

export interface PeriodTarget {
  /** 0-based month of the goal period the report period starts in, and how many months it spans. */
  firstMonth: number;
  months: number;
  /** Needed in the report period: the goal's per-month spread over those months. */
  need: FunnelNeeds;
  /** Done in the report period (all sources), by the cut-off. */
  actual: FunnelCounts;
}

export interface GoalProgress {
  goalId: string;
  fiscalYear: number;
  quarter: Quarter | null;
  /** The goal's own period (a fiscal quarter or year). */
  period: Period;
  /** G, minor unit. */
  revenue: number;
  /** Revenue won (all sources) in the goal period by the cut-off / G. */
  progress: Ratio;
  /** The last 12 months before the cut-off, from which A, W and R come when there is enough. */
  history: {
    window: Period;
    averageDealValue: { value: number | null; deals: number; missingValue: number };
    winRate: Ratio;
    leadToOpportunityRate: Ratio;
  };
  rates: FunnelRates;
  funnel: ReverseFunnel;
  /** Done in the goal period by the cut-off (all sources). */
  actual: FunnelCounts;
  pace: FunnelPace;
  /** The report period's share of the goal, when the report covers whole months of it; else null. */
  periodTarget: PeriodTarget | null;
}

export interface ResultsSection {
  /** Marketing-sourced revenue: deals won in the period from marketing-sourced leads. */
  marketingRevenue: AmountFigure;
  marketingDeals: AmountFigure;
  /** Marketing-sourced won deals without a value (counted as 0). */
  marketingRevenueMissingValue: number;
  /** Every won deal in the period, whatever its source: the context for the marketing figure. */
  totalRevenue: AmountFigure;
  totalDeals: AmountFigure;
  /** Marketing-sourced revenue / total revenue. */
  marketingRevenueShare: RatioFigure;
  /** Marketing-sourced pipeline at the end of the period (or the cut-off), plain and weighted. */
  pipeline: AmountFigure;
  weightedPipeline: AmountFigure;
  pipelineOpportunities: AmountFigure;
  /** Open opportunities without a value (counted as 0). */
  pipelineMissingValue: number;
  /** null when no revenue goal covers the period. */
  goal: GoalProgress | null;
}

export interface BreakdownCounts {
  leads: number;
  opportunities: number;
  won: number;
  revenue: number;
}

/** Leads/opportunities follow the cohort; closed, won and revenue the closing date (see leads.ts). */
export interface BreakdownFigures extends BreakdownCounts {
  leadToOpportunity: Ratio;
  closed: number;
  winRate: Ratio;
  missingValue: number;
  /** The same counts for the previous period. */
  previous: BreakdownCounts;
}

export interface SourceRow extends BreakdownFigures {
  source: SourceId;
  origin: SourceOrigin;
}

export interface InitiativeRow extends BreakdownFigures {
  /** null: leads linked to no initiative (a last row, so the table adds up). */
  initiativeId: string | null;
  /** null for the no-initiative row, or an id no initiative row was passed for. */
  name: string | null;
  channel: InitiativeChannel | null;
  status: InitiativeStatus | null;
  /** Marketing time logged for the initiative in the period (the entry's link, else its box's). */
  marketingMs: number;
  plannedHours: number | null;
  /** The initiative's whole cost, minor unit. */
  cost: number | null;
  /** Leads linked to the initiative, created by the cut-off, whenever: its lifetime leads. */
  leadsToDate: number;
  /** cost / leadsToDate ("¥300,000 / 12 = ¥25,000"); null when no cost is recorded. */
  costPerLead: Ratio | null;
}

export interface DaysToWonRow {
  source: SourceId;
  medianDays: AmountFigure<number | null>;
  count: number;
  previousCount: number;
}

export interface PipelineSection {
  /** Leads created in the period (cohort), all sources and marketing-sourced. */
  leads: AmountFigure;
  marketingLeads: AmountFigure;
  /** 商談化率 over the period's cohort, all and marketing-sourced. */
  leadToOpportunity: RatioFigure;
  marketingLeadToOpportunity: RatioFigure;
  /** Leads that became opportunities in the period, whenever they were created. */
  newOpportunities: AmountFigure;
  marketingNewOpportunities: AmountFigure;
  /** 成約率 by closing date, all and marketing-sourced. */
  winRate: RatioFigure;
  marketingWinRate: RatioFigure;
  /** SLA met, judged at the cut-off; `slaPending` leads are neither met nor missed yet. */
  sla: RatioFigure;
  slaPending: number;
  /** Every source with something in the period or the previous one, in the fixed source order. */
  bySource: SourceRow[];
  /** By revenue, then leads, then hours, then start; the no-initiative row last. */
  byInitiative: InitiativeRow[];
  /** Median days from creation to won, over the deals won in the period. */
  daysToWon: AmountFigure<number | null>;
  daysToWonBySource: DaysToWonRow[];
}

export interface WeekPoint {
  /** Start of the whole week (for the label), even when the period cuts it. */
  weekStart: number;
  /** The part of the week inside the period. */
  start: number;
  end: number;
  marketingMs: number;
  salesMs: number;
  /** The weekly budget pro rata for the part inside the period. */
  budgetMs: number;
}

export interface TimeSection {
  /** Budgeted marketing time for the whole period (weekly budget × calendar days / 7). */
  budget: AmountFigure;
  marketing: AmountFigure;
  sales: AmountFigure;
  /** Marketing / budget; 0 / 0 (—) when no time at all was logged: untracked is not 0 % kept. */
  budgetKept: RatioFigure;
  share: RatioFigure;
  /** Boxes kept, over the planned marketing boxes that started in the period and have ended. */
  boxesKept: RatioFigure;
  interruptionLoss: AmountFigure;
  /** Entries flagged as interruptions that started in the period. */
  interruptions: AmountFigure;
  /** Planned marketing time inside the period (boxes, union) and the part of it logged as marketing. */
  planned: AmountFigure;
  loggedInBoxes: AmountFigure;
  weekly: WeekPoint[];
  /** Marketing time by category, in the fixed category order, categories with time in either period. */
  marketingByCategory: { category: MarketingCategory; ms: number; previous: number }[];
}

export interface SparkPoint {
  start: number;
  end: number;
  /** null when no entry covers any day of the point's period. */
  value: number | null;
  coverage: number;
}

export interface MetricRow {
  metricId: string;
  /** Built-in metrics are named by i18n (`metrics.builtin.<id>`) unless the user renamed them. */
  builtin: BuiltinMetric | null;
  name: string | null;
  unit: string;
  period: MetricPeriod;
  /** Pro rata roll-up (weeks split across periods by days); value null without data. */
  figure: AmountFigure<number | null>;
  coverage: number;
  previousCoverage: number;
  /** The same kind of period, oldest first, ending with the report period. */
  sparkline: SparkPoint[];
}

export interface DerivedRatioRow {
  id: string;
  labelKey: string;
  numerator: BuiltinMetric;
  denominator: BuiltinMetric;
  figure: RatioFigure;
  numeratorCoverage: number;
  denominatorCoverage: number;
}

export interface IndicatorsSection {
  metrics: MetricRow[];
  ratios: DerivedRatioRow[];
}

export interface ReportWin {
  id: string;
  at: number;
  title: string;
  type: WinType;
  initiativeId: string | null;
  initiativeName: string | null;
  leadId: string | null;
  amount: number | null;
  unit: string | null;
  tags: string[];
  note: string | null;
}

export interface WinsSection {
  total: AmountFigure;
  starredCount: number;
  /** Starred wins, oldest first (the report tells the period's story in order); at most REPORT_LIST_LIMIT. */
  starred: ReportWin[];
  /** Every type, zeros included, in the fixed type order. */
  byType: { type: WinType; count: number }[];
}

interface LeadNote {
  leadId: string;
  company: string;
  person: string;
  source: SourceId;
  marketingSourced: boolean;
  initiativeId: string | null;
  initiativeName: string | null;
}

export interface WonDealNote extends LeadNote {
  at: number;
  value: number | null;
  /** 決め手, as the user wrote it. */
  decisionMoment: string | null;
}

export interface LossNote extends LeadNote {
  /** 'deal': lost or dropped after being an opportunity (counts in 成約率); 'lead': before. */
  kind: 'deal' | 'lead';
  stage: 'lost' | 'dropped';
  at: number;
  value: number | null;
  lossReason: LossReason | null;
  decisionMoment: string | null;
  lesson: string | null;
  dropReason: string | null;
}

export interface FollowUpNote extends LeadNote {
  stage: LeadStage;
  createdAt: number;
  /** Overdue: when first contact was due. Stale: the last contact. */
  since: number;
}

export interface ProblemsSection {
  /** Deals won in the period (all sources), by closing date. */
  wonDeals: WonDealNote[];
  wonDealsTotal: number;
  /** Deals and leads lost or dropped in the period, by date. */
  losses: LossNote[];
  lossesTotal: number;
  /** Every reason in the fixed order plus 'unspecified', for lost deals and for lost leads. */
  lossReasons: { reason: LossReason | 'unspecified'; deals: number; leads: number }[];
  /** Leads past their first-contact SLA at the cut-off, oldest due first. */
  overdue: FollowUpNote[];
  overdueTotal: number;
  /** Open leads with no contact for the stale period at the cut-off (not also overdue), oldest first. */
  stale: FollowUpNote[];
  staleTotal: number;
}

export interface PlannedInitiative {
  id: string;
  name: string;
  channel: InitiativeChannel;
  status: InitiativeStatus;
  start: number;
  end: number;
  goal: string | null;
  targetNumber: number | null;
  plannedHours: number | null;
  cost: number | null;
}

export interface PlanSection {
  /** Initiatives planned or running that overlap the next period (archived ones left out), by start. */
  initiatives: PlannedInitiative[];
  /** Planned marketing time inside the next period (union of boxes, clipped). */
  plannedMarketingMs: number;
  /** Marketing boxes overlapping the next period. */
  plannedBoxes: number;
  /** The next period's marketing budget. */
  budgetMs: number;
}

/**
 * The report's conclusion as facts, not prose: the renderer turns each key into a sentence in
 * the report's language (`report.headline.<key>`). Durations in ms, money in the minor unit,
 * shares and changes as fractions (null: "—").
 */
export type HeadlineFact =
  | { key: 'revenue'; params: { revenue: number; deals: number; previous: number; change: number | null } }
  | { key: 'goal'; params: { progress: number | null; revenue: number; goal: number; onPace: boolean | null } }
  | { key: 'leads'; params: { leads: number; opportunities: number; rate: number | null } }
  | { key: 'share'; params: { share: number | null; logged: number; budget: number } }
  | { key: 'topDeal'; params: { value: number; company: string; initiative: string | null; source: SourceId } }
  | { key: 'pipeline'; params: { plain: number; weighted: number; opportunities: number } }
  | { key: 'wins'; params: { starred: number; total: number } }
  | { key: 'followUp'; params: { overdue: number; stale: number } };

export type HeadlineKey = HeadlineFact['key'];

/** A footnote: the definition's i18n key (`report.definition.<name>`) and the settings it cites. */
export interface DefinitionNote {
  key: string;
  params: Record<string, number | string>;
}

export interface ReportSettingsSnapshot {
  weeklyBudgetHours: number;
  fiscalYearStartMonth: number;
  weekStartsOn: number;
  followUpSlaHours: number;
  staleLeadDays: number;
  stageProbabilities: StageProbabilities;
  sourceOrigins: SourceOrigins;
}

export interface Report {
  version: typeof REPORT_VERSION;
  generatedAt: number;
  cutoff: number;
  timeZone: string;
  currency: Currency;
  settings: ReportSettingsSnapshot;
  period: PeriodInfo;
  previous: PeriodInfo;
  next: PeriodInfo;
  /** No time entry, lead (created or moved), win or metric value in the period: say so, show no zeros. */
  isEmpty: boolean;
  /** 0–5 facts, most important first (results before activity). */
  headline: HeadlineFact[];
  results: ResultsSection;
  pipeline: PipelineSection;
  time: TimeSection;
  indicators: IndicatorsSection;
  wins: WinsSection;
  problems: ProblemsSection;
  plan: PlanSection;
  /** The definitions the figures above follow, for the footnotes. */
  definitions: DefinitionNote[];
}

/** Lists in a report (wins, deals, losses, follow-ups) stop here; each has its total beside it. */
export const REPORT_LIST_LIMIT = 100;

/** Points of a metric's sparkline: the report period and the 11 before it. */
export const SPARKLINE_POINTS = 12;
