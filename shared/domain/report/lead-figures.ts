/**
 * The lead figures of one period, computed with leads.ts and funnel.ts (never re-derived here).
 *
 * Speed: every lead's facts are worked out once (`leadFacts`), and each figure is then handed
 * only the leads that can count in it (a superset: the figure itself applies the definition).
 * Over 20,000 leads that is a few linear passes instead of one full pass per figure.
 */
import type { Period } from '../calendar';
import { funnelActuals } from '../funnel';
import type { FunnelCounts } from '../funnel';
import {
  breakdownByInitiative,
  breakdownBySource,
  inPeriod,
  isMarketingSourced,
  leadFacts,
  leadToOpportunityRate,
  marketingPipeline,
  marketingRevenue,
  medianDaysToWon,
  slaMet,
  winRate,
} from '../leads';
import type {
  DaysToWon,
  InitiativeBreakdownRow,
  LeadEventIndex,
  LeadFacts,
  PipelineSum,
  RevenueSum,
  SlaResult,
  SourceBreakdownRow,
  SourceOrigins,
  StageProbabilities,
} from '../leads';
import type { Lead, SourceId } from '../model';
import type { Ratio } from '../ratio';

export interface LeadContext {
  index: LeadEventIndex;
  facts: readonly LeadFacts[];
  /** Parallel to `facts`. */
  marketing: readonly boolean[];
  sourceOrigins: SourceOrigins;
  stageProbabilities: StageProbabilities;
  slaHours: number;
  timeZone: string;
}

export function leadContext(
  leads: readonly Lead[],
  index: LeadEventIndex,
  settings: { sourceOrigins: SourceOrigins; stageProbabilities: StageProbabilities; followUpSlaHours: number },
  timeZone: string,
): LeadContext {
  const facts = leads.map((lead) => leadFacts(lead, index));
  return {
    index,
    facts,
    marketing: leads.map((lead) => isMarketingSourced(lead, settings.sourceOrigins)),
    sourceOrigins: settings.sourceOrigins,
    stageProbabilities: settings.stageProbabilities,
    slaHours: settings.followUpSlaHours,
    timeZone,
  };
}

export interface LeadPeriod {
  leads: number;
  marketingLeads: number;
  leadToOpportunity: Ratio;
  marketingLeadToOpportunity: Ratio;
  winRate: Ratio;
  marketingWinRate: Ratio;
  sla: SlaResult;
  pipeline: PipelineSum;
  marketingRevenue: RevenueSum;
  /** All sources: leads created, opportunities made, deals won and revenue in the period. */
  all: FunnelCounts;
  marketingActual: FunnelCounts;
  bySource: SourceBreakdownRow[];
  byInitiative: InitiativeBreakdownRow[];
  daysToWon: { overall: DaysToWon; bySource: Record<SourceId, DaysToWon> };
  /** Facts of the deals won in the period, by closing date. */
  won: LeadFacts[];
}

/**
 * `period` as reported, `observed` the part of it up to the cut-off (frame.ts), `cutoff` the
 * instant conversions and follow-ups are judged at.
 */
export function leadPeriod(ctx: LeadContext, period: Period, observed: Period, cutoff: number): LeadPeriod {
  const { index, facts, marketing } = ctx;
  const cohort: Lead[] = [];
  const marketingCohort: Lead[] = [];
  const closed: Lead[] = [];
  const marketingClosed: Lead[] = [];
  const relevant: Lead[] = [];
  const marketingRelevant: Lead[] = [];
  const pipelineCandidates: Lead[] = [];
  const won: LeadFacts[] = [];
  facts.forEach((f, i) => {
    const isMarketing = marketing[i] as boolean;
    const created = inPeriod(f.lead.createdAt, observed) && f.lead.createdAt <= cutoff;
    const closedHere = f.close !== null && inPeriod(f.close.at, observed);
    const becameOpportunity = f.opportunityAt !== null && inPeriod(f.opportunityAt, observed);
    if (created) {
      cohort.push(f.lead);
      if (isMarketing) marketingCohort.push(f.lead);
    }
    if (closedHere) {
      closed.push(f.lead);
      if (isMarketing) marketingClosed.push(f.lead);
      if (f.close?.outcome === 'won') won.push(f);
    }
    if (created || closedHere || becameOpportunity) {
      relevant.push(f.lead);
      if (isMarketing) marketingRelevant.push(f.lead);
    }
    // Open in the pipeline at an instant means an opportunity by then.
    if (isMarketing && f.opportunityAt !== null && f.opportunityAt <= Math.min(cutoff, period.end)) pipelineCandidates.push(f.lead);
  });
  won.sort((a, b) => (a.close?.at ?? 0) - (b.close?.at ?? 0) || (a.lead.id < b.lead.id ? -1 : a.lead.id > b.lead.id ? 1 : 0));
  return {
    leads: cohort.length,
    marketingLeads: marketingCohort.length,
    leadToOpportunity: leadToOpportunityRate(cohort, index, observed, cutoff),
    marketingLeadToOpportunity: leadToOpportunityRate(marketingCohort, index, observed, cutoff),
    winRate: winRate(closed, index, observed),
    marketingWinRate: winRate(marketingClosed, index, observed),
    sla: slaMet(cohort, index, observed, ctx.slaHours, ctx.timeZone, cutoff),
    pipeline: marketingPipeline(pipelineCandidates, index, period, cutoff, ctx.sourceOrigins, ctx.stageProbabilities),
    marketingRevenue: marketingRevenue(marketingClosed, index, observed, ctx.sourceOrigins),
    all: funnelActuals(relevant, index, observed, cutoff),
    marketingActual: funnelActuals(marketingRelevant, index, observed, cutoff),
    bySource: breakdownBySource(relevant, index, observed, cutoff, ctx.sourceOrigins),
    byInitiative: breakdownByInitiative(relevant, index, observed, cutoff),
    daysToWon: medianDaysToWon(closed, index, observed),
    won,
  };
}
