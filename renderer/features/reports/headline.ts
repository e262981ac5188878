/**
 * The headline: the report's facts (shared/domain/report/narrative.ts) as sentences in the
 * report's language, conclusion first. The model picks and orders the facts; this only words them.
 */
import type { HeadlineFact, Report } from '../../../shared/domain/report';
import type { ReportFormat } from './report-format';

export function headlineSentence(fact: HeadlineFact, f: ReportFormat): string {
  const { t } = f;
  switch (fact.key) {
    case 'revenue': {
      const p = fact.params;
      const comparison = p.change !== null ? t('report.headline.comparisonChange', { change: f.change(p.change) }) : t('report.headline.comparisonNew');
      return t('report.headline.revenue', { count: p.deals, deals: f.count(p.deals), revenue: f.money(p.revenue), comparison });
    }
    case 'goal': {
      const p = fact.params;
      const pace = t(p.onPace === null ? 'report.headline.paceUnknown' : p.onPace ? 'report.headline.paceOn' : 'report.headline.paceBehind');
      return t('report.headline.goal', { revenue: f.money(p.revenue), goal: f.money(p.goal), progress: f.percent(p.progress), pace });
    }
    case 'leads': {
      const p = fact.params;
      return t('report.headline.leads', { count: p.leads, leads: f.count(p.leads), opportunities: f.count(p.opportunities), rate: f.percent(p.rate) });
    }
    case 'share': {
      const p = fact.params;
      return t('report.headline.share', { share: f.percent(p.share), logged: f.hours(p.logged), budget: f.hours(p.budget) });
    }
    case 'topDeal': {
      const p = fact.params;
      return t('report.headline.topDeal', { value: f.money(p.value), company: p.company, origin: p.initiative ?? t(`leads.source.${p.source}`) });
    }
    case 'pipeline': {
      const p = fact.params;
      return t('report.headline.pipeline', { count: p.opportunities, opportunities: f.count(p.opportunities), plain: f.money(p.plain), weighted: f.money(p.weighted) });
    }
    case 'wins': {
      const p = fact.params;
      return t('report.headline.wins', { count: p.total, total: f.count(p.total), starred: f.count(p.starred) });
    }
    case 'followUp': {
      const p = fact.params;
      return t('report.headline.followUp', { overdue: f.count(p.overdue), stale: f.count(p.stale) });
    }
  }
}

/** The headline as sentences; an empty period has none (the report says it has no data instead). */
export function headlineSentences(report: Pick<Report, 'headline' | 'isEmpty'>, f: ReportFormat): string[] {
  if (report.isEmpty) return [];
  const sentences = report.headline.map((fact) => headlineSentence(fact, f));
  return sentences.length > 0 ? sentences : [f.t('report.headline.none')];
}
