/**
 * The report's tables as plain data, in the report's language: the same rows are drawn on screen,
 * printed in the PDF and written to the CSV, so the three can never disagree. A cell carries the
 * text as shown and, for the CSV, the plain value (money in major units, hours as a number).
 */
import { dayKey } from '../../../shared/domain/calendar';
import type { LeadStage, SourceId } from '../../../shared/domain/model';
import type { Ratio } from '../../../shared/domain/ratio';
import type {
  AmountFigure,
  FollowUpNote,
  LossNote,
  RatioFigure,
  Report,
  SparkPoint,
  WonDealNote,
} from '../../../shared/domain/report';
import { INSUFFICIENT, type Need, type PaceLine } from '../../../shared/domain/funnel';
import { currencyFractionDigits } from '../../i18n/format';
import { DASH, type ReportFormat } from './report-format';

export type CellTone = 'marketing' | 'sales' | 'muted' | 'good' | 'bad';

export interface Cell {
  text: string;
  /** The CSV value when it differs from the text (a plain number). */
  csv?: string | number | null;
  tone?: CellTone;
  /** Drawn as a sparkline (indicators). */
  spark?: SparkPoint[];
}

export interface Column {
  label: string;
  numeric?: boolean;
  /** Short values (dates, stages, kinds) that read badly broken over two lines. */
  nowrap?: boolean;
}

export interface ReportTable {
  id: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** Sentences under the table (missing values, "showing 100 of 180"…). */
  notes: string[];
  /** A list that may run over several pages: rows never split, the header repeats. */
  long?: boolean;
  /** Written to the CSV only (the document draws a chart of it instead). */
  csvOnly?: boolean;
}

const HOUR_MS = 3_600_000;
const cell = (text: string, extra: Omit<Cell, 'text'> = {}): Cell => ({ text, ...extra });
const round2 = (n: number) => Math.round(n * 100) / 100;

type Kind = 'money' | 'count' | 'hours' | 'days' | 'decimal';

function value(f: ReportFormat, kind: Kind, v: number | null): Cell {
  if (v === null) return cell(DASH, { csv: null });
  switch (kind) {
    case 'money':
      return cell(f.money(v), { csv: v / 10 ** currencyFractionDigits(f.currency) });
    case 'count':
      return cell(f.count(v), { csv: v });
    case 'hours':
      return cell(f.hours(v), { csv: round2(v / HOUR_MS) });
    case 'days':
      return cell(f.t('report.pipeline.days', { value: f.decimal(v, 1) }), { csv: round2(v) });
    case 'decimal':
      return cell(f.decimal(v, 1), { csv: round2(v) });
  }
}

function ratioCell(f: ReportFormat, r: Pick<Ratio, 'numerator' | 'denominator'>, part: 'count' | 'hours' | 'money' = 'count'): Cell {
  const text = part === 'hours' ? f.hoursRatio(r) : part === 'money' ? f.moneyRatio(r) : f.ratio(r);
  return cell(text);
}

/** label | this period | previous | change (relative). */
function amountRow(f: ReportFormat, label: string, figure: AmountFigure<number | null>, kind: Kind): Cell[] {
  return [cell(label), value(f, kind, figure.value), value(f, kind, figure.previous), cell(f.change(figure.change), { csv: figure.change })];
}

/** label | this period | previous | change (points). */
function ratioRow(f: ReportFormat, label: string, figure: RatioFigure, part: 'count' | 'hours' | 'money' = 'count'): Cell[] {
  return [cell(label), ratioCell(f, figure.value, part), ratioCell(f, figure.previous, part), cell(f.points(figure.change), { csv: figure.change })];
}

function figureColumns(f: ReportFormat): Column[] {
  return [
    { label: f.t('report.table.figure') },
    { label: f.t('report.table.thisPeriod'), numeric: true },
    { label: f.t('report.table.previous'), numeric: true },
    { label: f.t('report.table.change'), numeric: true },
  ];
}

function more(f: ReportFormat, shown: number, total: number): string[] {
  return total > shown ? [f.t('report.table.more', { shown: f.count(shown), total: f.count(total) })] : [];
}

export function sourceName(f: ReportFormat, source: SourceId): string {
  return f.t(`leads.source.${source}`);
}

function stageName(f: ReportFormat, stage: LeadStage): string {
  return f.t(`leads.stage.${stage}`);
}

/** Where a lead came from: its initiative, else its source. */
function leadOrigin(f: ReportFormat, note: { initiativeId: string | null; initiativeName: string | null; source: SourceId }): string {
  if (note.initiativeId !== null) return note.initiativeName ?? f.t('report.pipeline.deletedInitiative');
  return sourceName(f, note.source);
}

function leadName(note: { company: string; person: string }): string {
  return [note.company, note.person].filter((s) => s.trim() !== '').join(' · ') || DASH;
}

// ---------------------------------------------------------------------------------------------
// Results

export function resultsTables(report: Report, f: ReportFormat): ReportTable[] {
  const { t } = f;
  const r = report.results;
  const notes: string[] = [];
  if (r.marketingRevenueMissingValue > 0) notes.push(t('report.results.missingRevenue', { count: r.marketingRevenueMissingValue }));
  if (r.pipelineMissingValue > 0) notes.push(t('report.results.missingPipeline', { count: r.pipelineMissingValue }));
  const tables: ReportTable[] = [
    {
      id: 'results-figures',
      caption: t('report.results.figures'),
      columns: figureColumns(f),
      rows: [
        amountRow(f, t('report.results.marketingRevenue'), r.marketingRevenue, 'money'),
        amountRow(f, t('report.results.marketingDeals'), r.marketingDeals, 'count'),
        amountRow(f, t('report.results.totalRevenue'), r.totalRevenue, 'money'),
        amountRow(f, t('report.results.totalDeals'), r.totalDeals, 'count'),
        ratioRow(f, t('report.results.marketingRevenueShare'), r.marketingRevenueShare, 'money'),
        amountRow(f, t('report.results.pipeline'), r.pipeline, 'money'),
        amountRow(f, t('report.results.weightedPipeline'), r.weightedPipeline, 'money'),
        amountRow(f, t('report.results.pipelineOpportunities'), r.pipelineOpportunities, 'count'),
      ],
      notes,
    },
  ];
  const goal = r.goal;
  if (goal) {
    const period = goal.quarter === null ? t('report.results.goalPeriodYear', { year: String(goal.fiscalYear) }) : t('report.results.goalPeriodQuarter', { year: String(goal.fiscalYear), quarter: goal.quarter });
    const need = (n: Need, kind: Kind) => (n === INSUFFICIENT ? cell(DASH, { csv: null }) : value(f, kind, n));
    const expected = (n: Need, kind: Kind) => (n === INSUFFICIENT ? cell(DASH, { csv: null }) : value(f, kind === 'money' ? 'money' : 'decimal', n));
    const line = (label: string, p: PaceLine, kind: Kind): Cell[] => [
      cell(label),
      need(p.need, kind),
      expected(p.expected, kind),
      value(f, kind, p.actual),
      need(p.remaining, kind),
      p.onPace === null ? cell(DASH) : cell(t(p.onPace ? 'report.results.onPace' : 'report.results.behind'), { tone: p.onPace ? 'good' : 'bad' }),
    ];
    const rateText = (v: number | null, source: 'history' | 'assumption' | 'none', kind: 'money' | 'percent') =>
      `${kind === 'money' ? f.money(v) : f.percent(v)} (${t(`report.results.rateSource.${source}`)})`;
    tables.push({
      id: 'results-goal',
      caption: t('report.results.goalTitle', { goal: f.money(goal.revenue), period }),
      columns: [
        { label: t('report.results.step') },
        { label: t('report.results.need'), numeric: true },
        { label: t('report.results.expected'), numeric: true },
        { label: t('report.results.actual'), numeric: true },
        { label: t('report.results.remaining'), numeric: true },
        { label: t('report.results.status') },
      ],
      rows: [
        line(t('report.results.revenue'), goal.pace.revenue, 'money'),
        line(t('report.results.deals'), goal.pace.deals, 'count'),
        line(t('report.results.opportunities'), goal.pace.opportunities, 'count'),
        line(t('report.results.leads'), goal.pace.leads, 'count'),
      ],
      notes: [
        `${t('report.results.goalProgress')}: ${f.moneyRatio(goal.progress)}`,
        t('report.results.paceCaption', { elapsed: f.percent(goal.pace.elapsed) }),
        t('report.results.rates', {
          average: rateText(goal.rates.averageDealValue.value, goal.rates.averageDealValue.source, 'money'),
          winRate: rateText(goal.rates.winRate.value, goal.rates.winRate.source, 'percent'),
          leadRate: rateText(goal.rates.leadToOpportunityRate.value, goal.rates.leadToOpportunityRate.source, 'percent'),
        }),
      ],
    });
    const goalMonths = goal.quarter === null ? 12 : 3;
    const target = goal.periodTarget;
    if (target && target.months < goalMonths) {
      tables.push({
        id: 'results-goal-period',
        caption: t('report.results.periodTarget'),
        columns: [{ label: t('report.results.step') }, { label: t('report.results.need'), numeric: true }, { label: t('report.results.actual'), numeric: true }],
        rows: [
          [cell(t('report.results.deals')), need(target.need.deals, 'count'), value(f, 'count', target.actual.deals)],
          [cell(t('report.results.opportunities')), need(target.need.opportunities, 'count'), value(f, 'count', target.actual.opportunities)],
          [cell(t('report.results.leads')), need(target.need.leads, 'count'), value(f, 'count', target.actual.leads)],
        ],
        notes: [],
      });
    }
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Pipeline

export function pipelineTables(report: Report, f: ReportFormat): ReportTable[] {
  const { t } = f;
  const p = report.pipeline;
  const figureRows = [
    amountRow(f, t('report.pipeline.leads'), p.leads, 'count'),
    amountRow(f, t('report.pipeline.marketingLeads'), p.marketingLeads, 'count'),
    ratioRow(f, t('report.pipeline.leadToOpportunity'), p.leadToOpportunity),
    ratioRow(f, t('report.pipeline.marketingLeadToOpportunity'), p.marketingLeadToOpportunity),
    amountRow(f, t('report.pipeline.newOpportunities'), p.newOpportunities, 'count'),
    amountRow(f, t('report.pipeline.marketingNewOpportunities'), p.marketingNewOpportunities, 'count'),
    ratioRow(f, t('report.pipeline.winRate'), p.winRate),
    ratioRow(f, t('report.pipeline.marketingWinRate'), p.marketingWinRate),
    ratioRow(f, t('report.pipeline.sla'), p.sla),
    amountRow(f, t('report.pipeline.daysToWon'), p.daysToWon, 'days'),
  ];
  const tables: ReportTable[] = [
    {
      id: 'pipeline-figures',
      caption: t('report.pipeline.figures'),
      columns: figureColumns(f),
      rows: figureRows,
      notes: p.slaPending > 0 ? [t('report.pipeline.slaPending', { count: p.slaPending })] : [],
    },
  ];
  const breakdownColumns = (first: string): Column[] => [
    { label: first },
    { label: t('report.pipeline.leadsColumn'), numeric: true },
    { label: t('report.pipeline.opportunitiesColumn'), numeric: true },
    { label: t('report.pipeline.rateColumn'), numeric: true },
    { label: t('report.pipeline.wonColumn'), numeric: true },
    { label: t('report.pipeline.revenueColumn'), numeric: true },
    { label: t('report.pipeline.winRateColumn'), numeric: true },
  ];
  if (p.bySource.length > 0) {
    tables.push({
      id: 'pipeline-by-source',
      caption: t('report.pipeline.bySource'),
      columns: [...breakdownColumns(t('report.pipeline.source')).slice(0, 1), { label: t('report.pipeline.origin'), nowrap: true }, ...breakdownColumns('').slice(1)],
      rows: p.bySource.map((row) => [
        cell(sourceName(f, row.source)),
        cell(t(`kind.${row.origin}`), { tone: row.origin }),
        value(f, 'count', row.leads),
        value(f, 'count', row.opportunities),
        ratioCell(f, row.leadToOpportunity),
        value(f, 'count', row.won),
        value(f, 'money', row.revenue),
        ratioCell(f, row.winRate),
      ]),
      notes: [],
    });
  }
  if (p.byInitiative.length > 0) {
    tables.push({
      id: 'pipeline-by-initiative',
      caption: t('report.pipeline.byInitiative'),
      columns: [
        { label: t('report.pipeline.initiative') },
        { label: t('report.pipeline.leadsColumn'), numeric: true },
        { label: t('report.pipeline.opportunitiesColumn'), numeric: true },
        { label: t('report.pipeline.wonColumn'), numeric: true },
        { label: t('report.pipeline.revenueColumn'), numeric: true },
        { label: t('report.pipeline.hoursColumn'), numeric: true },
        { label: t('report.pipeline.costPerLeadColumn'), numeric: true },
      ],
      rows: p.byInitiative.map((row) => [
        cell(row.initiativeId === null ? t('report.pipeline.noInitiative') : (row.name ?? t('report.pipeline.deletedInitiative')), {
          tone: row.initiativeId === null ? 'muted' : undefined,
        }),
        value(f, 'count', row.leads),
        value(f, 'count', row.opportunities),
        value(f, 'count', row.won),
        value(f, 'money', row.revenue),
        value(f, 'hours', row.marketingMs),
        row.costPerLead === null ? cell(DASH, { csv: null }) : cell(f.moneyPer(row.costPerLead), { csv: row.costPerLead.denominator === 0 ? null : row.costPerLead.numerator / row.costPerLead.denominator / 10 ** currencyFractionDigits(f.currency) }),
      ]),
      notes: [],
    });
  }
  if (p.daysToWonBySource.length > 0) {
    tables.push({
      id: 'pipeline-days-to-won',
      caption: t('report.pipeline.daysBySource'),
      columns: [
        { label: t('report.pipeline.source') },
        { label: t('report.pipeline.medianColumn'), numeric: true },
        { label: t('report.pipeline.dealsColumn'), numeric: true },
        { label: t('report.pipeline.previousColumn'), numeric: true },
      ],
      rows: p.daysToWonBySource.map((row) => [
        cell(sourceName(f, row.source)),
        value(f, 'days', row.medianDays.value),
        value(f, 'count', row.count),
        value(f, 'days', row.medianDays.previous),
      ]),
      notes: [],
    });
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Time invested

export function timeTables(report: Report, f: ReportFormat): ReportTable[] {
  const { t } = f;
  const s = report.time;
  const tables: ReportTable[] = [
    {
      id: 'time-figures',
      caption: t('report.time.figures'),
      columns: figureColumns(f),
      rows: [
        amountRow(f, t('report.time.budget'), s.budget, 'hours'),
        amountRow(f, t('report.time.marketing'), s.marketing, 'hours'),
        amountRow(f, t('report.time.sales'), s.sales, 'hours'),
        ratioRow(f, t('report.time.budgetKept'), s.budgetKept, 'hours'),
        ratioRow(f, t('report.time.share'), s.share, 'hours'),
        ratioRow(f, t('report.time.boxesKept'), s.boxesKept),
        amountRow(f, t('report.time.interruptionLoss'), s.interruptionLoss, 'hours'),
        amountRow(f, t('report.time.interruptions'), s.interruptions, 'count'),
        amountRow(f, t('report.time.planned'), s.planned, 'hours'),
        amountRow(f, t('report.time.loggedInBoxes'), s.loggedInBoxes, 'hours'),
      ],
      notes: [],
    },
    {
      id: 'time-weekly',
      caption: t('report.time.weekly'),
      columns: [
        { label: t('report.time.week') },
        { label: t('report.time.legendMarketing'), numeric: true },
        { label: t('report.time.legendSales'), numeric: true },
        { label: t('report.time.legendBudget'), numeric: true },
      ],
      rows: s.weekly.map((w) => [cell(f.date(w.weekStart)), value(f, 'hours', w.marketingMs), value(f, 'hours', w.salesMs), value(f, 'hours', w.budgetMs)]),
      notes: [],
      csvOnly: true,
    },
  ];
  if (s.marketingByCategory.length > 0) {
    tables.push({
      id: 'time-by-category',
      caption: t('report.time.byCategory'),
      columns: [{ label: t('report.time.category') }, { label: t('report.table.thisPeriod'), numeric: true }, { label: t('report.table.previous'), numeric: true }],
      rows: s.marketingByCategory.map((row) => [cell(t(`category.${row.category}`)), value(f, 'hours', row.ms), value(f, 'hours', row.previous)]),
      notes: [],
    });
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Leading indicators

export function indicatorTables(report: Report, f: ReportFormat): ReportTable[] {
  const { t } = f;
  const { metrics, ratios } = report.indicators;
  const tables: ReportTable[] = [];
  if (metrics.length > 0) {
    tables.push({
      id: 'indicators-metrics',
      caption: t('report.indicators.metrics'),
      columns: [
        { label: t('report.indicators.metric') },
        { label: t('report.table.thisPeriod'), numeric: true },
        { label: t('report.table.previous'), numeric: true },
        { label: t('report.table.change'), numeric: true },
        { label: t('report.indicators.trend') },
      ],
      rows: metrics.map((m) => {
        const name = m.name ?? (m.builtin ? t(`metrics.builtin.${m.builtin}`) : DASH);
        const unit = m.unit || (m.builtin ? t(`metrics.builtinUnit.${m.builtin}`) : '');
        const label = unit ? `${name} (${unit})` : name;
        const partial = m.coverage > 0 && m.coverage < 1 ? ` · ${t('report.indicators.coverage', { share: f.percent(m.coverage) })}` : '';
        const points = m.sparkline.map((p) => (p.value === null ? t('report.indicators.noValue') : f.decimal(p.value, 1))).join(', ');
        return [
          cell(`${label}${partial}`),
          value(f, 'decimal', m.figure.value),
          value(f, 'decimal', m.figure.previous),
          cell(f.change(m.figure.change), { csv: m.figure.change }),
          cell(t('report.indicators.trendLabel', { count: m.sparkline.length, values: points }), { spark: m.sparkline, csv: m.sparkline.map((p) => (p.value === null ? '' : round2(p.value))).join(' ') }),
        ];
      }),
      notes: [],
    });
  }
  if (ratios.length > 0) {
    tables.push({
      id: 'indicators-ratios',
      caption: t('report.indicators.ratios'),
      columns: figureColumns(f).map((c, i) => (i === 0 ? { label: t('report.indicators.rate') } : c)),
      rows: ratios.map((r) => ratioRow(f, (f.t as unknown as (key: string) => string)(r.labelKey), r.figure)),
      notes: [],
    });
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Wins

export function winsTables(report: Report, f: ReportFormat): ReportTable[] {
  const { t } = f;
  const w = report.wins;
  return [
    {
      id: 'wins-figures',
      caption: t('report.section.wins'),
      columns: figureColumns(f),
      rows: [amountRow(f, t('report.wins.total'), w.total, 'count'), [cell(t('report.wins.starred')), value(f, 'count', w.starredCount), cell(DASH), cell(DASH)]],
      notes: [],
    },
    {
      id: 'wins-starred',
      caption: t('report.wins.starred'),
      columns: [
        { label: t('report.wins.date'), nowrap: true },
        { label: t('report.wins.win') },
        { label: t('report.wins.type'), nowrap: true },
        { label: t('report.wins.initiative') },
        { label: t('report.wins.amount'), numeric: true },
        { label: t('report.wins.note') },
      ],
      rows: w.starred.map((win) => [
        cell(f.date(win.at)),
        cell(win.title),
        cell(t(`wins.type.${win.type}`)),
        cell(win.initiativeId === null ? '' : (win.initiativeName ?? t('report.pipeline.deletedInitiative'))),
        win.amount === null ? cell('') : cell(`${f.decimal(win.amount, 2)}${win.unit ? ` ${win.unit}` : ''}`, { csv: win.amount }),
        cell(win.note ?? ''),
      ]),
      notes: [...(w.starred.length === 0 ? [t('report.wins.starredNone')] : []), ...more(f, w.starred.length, w.starredCount)],
      long: true,
    },
    {
      id: 'wins-by-type',
      caption: t('report.wins.byType'),
      columns: [{ label: t('report.wins.type'), nowrap: true }, { label: t('report.wins.count'), numeric: true }],
      rows: w.byType.map((row) => [cell(t(`wins.type.${row.type}`)), value(f, 'count', row.count)]),
      notes: [],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Problems and lessons

function lossWords(f: ReportFormat, loss: LossNote): string {
  const { t } = f;
  return [
    loss.lesson ? t('report.problems.lesson', { text: loss.lesson }) : null,
    loss.decisionMoment ? t('report.problems.decision', { text: loss.decisionMoment }) : null,
    loss.dropReason ? t('report.problems.dropReason', { text: loss.dropReason }) : null,
  ]
    .filter(Boolean)
    .join(' / ');
}

export function lossReasonName(f: ReportFormat, reason: LossNote['lossReason'] | 'unspecified'): string {
  return reason === null || reason === 'unspecified' ? f.t('report.problems.unspecified') : f.t(`leads.lossReason.${reason}`);
}

export function problemTables(report: Report, f: ReportFormat, staleDays: number): ReportTable[] {
  const { t } = f;
  const p = report.problems;
  const won = (d: WonDealNote): Cell[] => [
    cell(f.date(d.at)),
    cell(leadName(d)),
    cell(leadOrigin(f, d)),
    value(f, 'money', d.value),
    cell(d.decisionMoment ?? t('report.problems.noDecision'), { tone: d.decisionMoment ? undefined : 'muted' }),
  ];
  const lessons = p.losses.filter((loss) => loss.lesson || loss.decisionMoment || loss.dropReason);
  const deals = p.lossReasons.reduce((n, r) => n + r.deals, 0);
  const leads = p.lossReasons.reduce((n, r) => n + r.leads, 0);
  const followUp = (n: FollowUpNote): Cell[] => [cell(leadName(n)), cell(leadOrigin(f, n)), cell(stageName(f, n.stage)), cell(f.date(n.since))];
  return [
    {
      id: 'problems-won',
      caption: t('report.problems.wonDeals'),
      columns: [
        { label: t('report.problems.date'), nowrap: true },
        { label: t('report.problems.company') },
        { label: t('report.problems.origin') },
        { label: t('report.problems.value'), numeric: true },
        { label: t('report.problems.decisionMoment') },
      ],
      rows: p.wonDeals.map(won),
      notes: [...(p.wonDeals.length === 0 ? [t('report.table.none')] : []), ...more(f, p.wonDeals.length, p.wonDealsTotal)],
      long: true,
    },
    {
      id: 'problems-loss-reasons',
      caption: t('report.problems.lossReasons'),
      columns: [{ label: t('report.problems.reason'), nowrap: true }, { label: t('report.problems.lostDeals'), numeric: true }, { label: t('report.problems.lostLeads'), numeric: true }],
      rows: p.lossReasons.filter((r) => r.deals + r.leads > 0).map((r) => [cell(lossReasonName(f, r.reason)), value(f, 'count', r.deals), value(f, 'count', r.leads)]),
      notes: [p.lossesTotal > 0 ? t('report.problems.lossSummary', { total: f.count(p.lossesTotal), deals: f.count(deals), leads: f.count(leads) }) : t('report.table.none')],
    },
    {
      id: 'problems-lessons',
      caption: t('report.problems.lessons'),
      columns: [
        { label: t('report.problems.date'), nowrap: true },
        { label: t('report.problems.company') },
        { label: t('report.problems.reason'), nowrap: true },
        { label: t('report.problems.words') },
      ],
      rows: lessons.map((loss) => [
        cell(f.date(loss.at)),
        cell(leadName(loss)),
        cell(`${t(loss.kind === 'deal' ? 'report.problems.kindDeal' : 'report.problems.kindLead')} · ${lossReasonName(f, loss.lossReason)}`),
        cell(lossWords(f, loss)),
      ]),
      notes: [...(lessons.length === 0 ? [t('report.problems.lessonsNone')] : []), ...more(f, p.losses.length, p.lossesTotal)],
      long: true,
    },
    {
      id: 'problems-overdue',
      caption: t('report.problems.overdue'),
      columns: [{ label: t('report.problems.lead') }, { label: t('report.problems.origin') }, { label: t('report.problems.stage'), nowrap: true }, { label: t('report.problems.due'), nowrap: true }],
      rows: p.overdue.map(followUp),
      notes: [...(p.overdue.length === 0 ? [t('report.problems.overdueNone')] : []), ...more(f, p.overdue.length, p.overdueTotal)],
      long: true,
    },
    {
      id: 'problems-stale',
      caption: t('report.problems.stale', { days: staleDays }),
      columns: [{ label: t('report.problems.lead') }, { label: t('report.problems.origin') }, { label: t('report.problems.stage'), nowrap: true }, { label: t('report.problems.lastContact'), nowrap: true }],
      rows: p.stale.map(followUp),
      notes: [...(p.stale.length === 0 ? [t('report.problems.staleNone')] : []), ...more(f, p.stale.length, p.staleTotal)],
      long: true,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Next period's plan

export function planTables(report: Report, f: ReportFormat, nextName: string): ReportTable[] {
  const { t } = f;
  const p = report.plan;
  return [
    {
      id: 'plan-initiatives',
      caption: t('report.plan.initiatives', { period: nextName }),
      columns: [
        { label: t('report.plan.name') },
        { label: t('report.plan.channel'), nowrap: true },
        { label: t('report.plan.status'), nowrap: true },
        { label: t('report.plan.period') },
        { label: t('report.plan.goal') },
        { label: t('report.plan.plannedHours'), numeric: true },
        { label: t('report.plan.cost'), numeric: true },
      ],
      rows: p.initiatives.map((i) => [
        cell(i.name),
        cell(t(`initiatives.channel.${i.channel}`)),
        cell(t(`initiatives.status.${i.status}`)),
        cell(f.dayRange(dayKey(i.start, f.timeZone), dayKey(Math.max(i.start, i.end - 1), f.timeZone))),
        cell(i.goal ?? (i.targetNumber !== null ? f.decimal(i.targetNumber, 2) : '')),
        i.plannedHours === null ? cell('') : cell(t('report.unit.hours', { value: f.decimal(i.plannedHours, 1) }), { csv: i.plannedHours }),
        value(f, 'money', i.cost),
      ]),
      notes: [
        ...(p.initiatives.length === 0 ? [t('report.plan.initiativesNone')] : []),
        t('report.plan.hours', { planned: f.hours(p.plannedMarketingMs), boxes: f.count(p.plannedBoxes), budget: f.hours(p.budgetMs) }),
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Definitions (footnotes)

const PERCENT_PARAMS = new Set(['new', 'contacted', 'opportunity', 'proposal', 'won', 'lost', 'dropped', 'share']);

/** What an empty report still states: its period, its cut-off, and the budget its plan cites. */
const EMPTY_REPORT_DEFINITIONS = new Set(['report.definition.period', 'report.definition.cutoff', 'report.definition.budgetedHours']);

/** The footnotes in the report's language, with the settings they cite formatted. */
export function definitionTexts(report: Report, f: ReportFormat): string[] {
  const text = f.t as unknown as (key: string, params: Record<string, string>) => string;
  const notes = report.isEmpty ? report.definitions.filter((note) => EMPTY_REPORT_DEFINITIONS.has(note.key)) : report.definitions;
  return notes.map((note) => {
    const params: Record<string, string> = {};
    for (const [name, raw] of Object.entries(note.params)) {
      if (typeof raw === 'string') params[name] = raw;
      else if (name === 'cutoff') params[name] = f.dateTime(raw);
      else if (PERCENT_PARAMS.has(name)) params[name] = f.percent(raw);
      else params[name] = f.decimal(raw, 2);
    }
    return text(note.key, params);
  });
}
