/**
 * The words around the figures, as keys and facts: the headline and the footnoted definitions.
 */
import { DEFAULT_STAGE_PROBABILITIES, LEAD_STAGES } from '../model';
import { BOX_KEPT_SHARE } from '../time';
import { HISTORY_MONTHS } from '../funnel';
import type { DefinitionNote, HeadlineFact, Report } from './types';

export const HEADLINE_MAX = 5;

type Body = Omit<Report, 'headline' | 'definitions'>;

/**
 * Up to five facts, in the order a manager reads a report: money first, then the leads that
 * bring it, then the time that brings the leads, then the evidence and the open problems.
 * A fact whose figures are empty is skipped, so a quiet month says less rather than "0".
 * Nothing is said for an empty period: the renderer says the period has no data.
 */
export function headline(report: Body): HeadlineFact[] {
  if (report.isEmpty) return [];
  const { results, pipeline, time, wins, problems } = report;
  const facts: HeadlineFact[] = [];
  if (results.marketingDeals.value > 0) {
    facts.push({
      key: 'revenue',
      params: {
        revenue: results.marketingRevenue.value,
        deals: results.marketingDeals.value,
        previous: results.marketingRevenue.previous,
        change: results.marketingRevenue.change,
      },
    });
  }
  if (results.goal) {
    facts.push({
      key: 'goal',
      params: {
        progress: results.goal.progress.value,
        revenue: results.goal.actual.revenue,
        goal: results.goal.revenue,
        onPace: results.goal.pace.revenue.onPace,
      },
    });
  }
  if (pipeline.marketingLeads.value > 0) {
    const rate = pipeline.marketingLeadToOpportunity.value;
    facts.push({ key: 'leads', params: { leads: pipeline.marketingLeads.value, opportunities: rate.numerator, rate: rate.value } });
  }
  if (time.marketing.value + time.sales.value > 0) {
    facts.push({ key: 'share', params: { share: time.share.value.value, logged: time.marketing.value, budget: time.budget.value } });
  }
  const top = problems.wonDeals
    .filter((deal) => deal.marketingSourced && deal.value !== null && deal.value > 0)
    .sort((a, b) => (b.value as number) - (a.value as number) || a.at - b.at)[0];
  if (top) {
    facts.push({ key: 'topDeal', params: { value: top.value as number, company: top.company, initiative: top.initiativeName, source: top.source } });
  }
  if (results.pipelineOpportunities.value > 0) {
    facts.push({
      key: 'pipeline',
      params: { plain: results.pipeline.value, weighted: results.weightedPipeline.value, opportunities: results.pipelineOpportunities.value },
    });
  }
  if (wins.total.value > 0) facts.push({ key: 'wins', params: { starred: wins.starredCount, total: wins.total.value } });
  if (problems.overdueTotal + problems.staleTotal > 0) {
    facts.push({ key: 'followUp', params: { overdue: problems.overdueTotal, stale: problems.staleTotal } });
  }
  return facts.slice(0, HEADLINE_MAX);
}

const note = (name: string, params: Record<string, number | string> = {}): DefinitionNote => ({ key: `report.definition.${name}`, params });

/** The definitions the report's figures follow (DOMAIN.md "Definitions"), with the settings they cite. */
export function definitions(report: Body): DefinitionNote[] {
  const { settings } = report;
  const probabilities: Record<string, number> = {};
  for (const stage of LEAD_STAGES) probabilities[stage] = settings.stageProbabilities[stage] ?? DEFAULT_STAGE_PROBABILITIES[stage];
  const notes: DefinitionNote[] = [
    note('period', { timeZone: report.timeZone }),
    note('cutoff', { cutoff: report.cutoff }),
    note('cohort'),
    note('marketingSourcedLead'),
    note('marketingRevenue'),
    note('pipeline'),
    note('weightedPipeline', probabilities),
  ];
  if (report.results.goal) notes.push(note('reverseFunnel', { historyMonths: HISTORY_MONTHS }));
  notes.push(
    note('opportunity'),
    note('leadToOpportunityRate'),
    note('winRate'),
    note('firstContact'),
    note('businessTime'),
    note('slaMet', { slaHours: settings.followUpSlaHours }),
    note('daysToWon'),
    note('staleLead', { staleDays: settings.staleLeadDays }),
    note('marketingHours'),
    note('marketingShare'),
    note('budgetedHours', { weeklyBudgetHours: settings.weeklyBudgetHours }),
    note('budgetKept'),
    note('boxesKept', { share: BOX_KEPT_SHARE }),
    note('interruptions'),
  );
  if (report.indicators.metrics.length > 0) notes.push(note('metricsProRata'));
  notes.push(note('ratios'));
  return notes;
}
