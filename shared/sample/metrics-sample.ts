/**
 * The leading indicators the person types in each week (and the webinar count each month).
 * Where a metric also exists as leads (inquiries, document downloads, trade-show cards) it is
 * derived from the sample leads, so the Metrics screen and the Leads screen tell the same story.
 */
import type { BuiltinMetric, Lead, MetricDefinition, MetricEntry } from '../domain/model';
import { BUILTIN_METRICS } from '../domain/model';
import { DAY_MS } from './calendar';
import { SAMPLE_ID_PREFIX, sampleId, type Bilingual, type SampleContext } from './context';
import type { InitiativeSample } from './initiatives-sample';
import type { Random } from './random';

export interface MetricSample {
  metricDefinitions: MetricDefinition[];
  metricEntries: MetricEntry[];
  /** Per sampled week (undefined where not recorded yet): used by the wins. */
  weekly: { pageViews: (number | undefined)[]; emailsSent: (number | undefined)[] };
}

const UNITS: Record<BuiltinMetric, Bilingual> = {
  'business-cards': { ja: '枚', en: 'cards' },
  'emails-sent': { ja: '通', en: 'emails' },
  'email-opens': { ja: '件', en: 'opens' },
  'page-views': { ja: 'PV', en: 'views' },
  inquiries: { ja: '件', en: 'inquiries' },
  'document-downloads': { ja: '件', en: 'downloads' },
  'webinar-attendees': { ja: '名', en: 'attendees' },
};

export function metricId(metric: BuiltinMetric): string {
  return `${SAMPLE_ID_PREFIX}metric-${metric}`;
}

export function generateMetrics(ctx: SampleContext, rng: Random, init: InitiativeSample, leads: readonly Lead[]): MetricSample {
  const { cal, now } = ctx;
  const firstWeek = ctx.weeks[0] as { start: number };
  const metricDefinitions: MetricDefinition[] = BUILTIN_METRICS.map((builtin, order) => ({
    id: metricId(builtin),
    builtin,
    unit: ctx.text(UNITS[builtin]),
    period: builtin === 'webinar-attendees' ? 'month' : 'week',
    archived: 0,
    order,
    createdAt: firstWeek.start,
  }));

  // Lead counts by week and source, in one pass.
  const weeks = ctx.weeks.length;
  const inquiries = new Array<number>(weeks).fill(0);
  const downloads = new Array<number>(weeks).fill(0);
  const showCards = new Array<number>(weeks).fill(0);
  const webinarSignups = new Map<string, number>();
  for (const lead of leads) {
    const w = ctx.weekIndexOf(lead.createdAt);
    if (w < 0) continue;
    if (lead.source === 'web-form') inquiries[w] = (inquiries[w] ?? 0) + 1;
    else if (lead.source === 'document-download') downloads[w] = (downloads[w] ?? 0) + 1;
    else if (lead.source === 'trade-show') showCards[w] = (showCards[w] ?? 0) + 1;
    else if (lead.source === 'webinar' && lead.initiativeId) webinarSignups.set(lead.initiativeId, (webinarSignups.get(lead.initiativeId) ?? 0) + 1);
  }

  const metricEntries: MetricEntry[] = [];
  let n = 0;
  const push = (metric: BuiltinMetric, period: string, value: number, updatedAt: number) => {
    metricEntries.push({ id: sampleId('metric-entry', ++n), metricId: metricId(metric), period, value, updatedAt });
  };
  const pageViews: (number | undefined)[] = new Array<number | undefined>(weeks).fill(undefined);
  const emailsSent: (number | undefined)[] = new Array<number | undefined>(weeks).fill(undefined);
  const newsletters = init.ofKind('newsletter');

  for (const week of ctx.weeks) {
    // Weekly numbers are typed in on Friday evening; the current week has none before then.
    const recordedAt = cal.at(week.monday + 4, 17 * 60 + 30);
    if (recordedAt > now) continue;
    const r = rng.fork(`metrics-${week.monday}`);
    const w = week.index;
    // The audience grows over the years: ten years ago the list and the site were a quarter of today's.
    const yearsAgo = (now - week.start) / (365 * DAY_MS);
    const growth = Math.max(0.25, 1 - 0.075 * yearsAgo);
    const { month } = cal.civil(week.monday + 2);
    const season = month === 8 || month === 12 || month === 1 ? 0.75 : 1;
    const sendsNewsletter = newsletters.some((p) => p.keyDay >= week.monday && p.keyDay < week.monday + 7);

    const listSize = Math.round(2600 * growth * r.range(0.97, 1.03));
    const stepMails = r.int(15, 90);
    const sent = (sendsNewsletter ? listSize : 0) + stepMails;
    const opens = Math.min(sent - 1, Math.round((sendsNewsletter ? listSize * r.range(0.2, 0.33) : 0) + stepMails * r.range(0.25, 0.5)));
    const spike = r.chance(0.05) ? r.range(1.3, 1.7) : 1;
    const views = Math.round(3200 * growth * season * (sendsNewsletter ? 1.2 : 1) * spike * r.normal(1, 0.08));
    const cards = Math.round((showCards[w] ?? 0) * r.range(1.2, 1.5)) + r.count(5, 2.5);

    const period = cal.isoDate(week.monday);
    push('business-cards', period, cards, recordedAt);
    push('emails-sent', period, sent, recordedAt);
    push('email-opens', period, Math.max(0, opens), recordedAt);
    push('page-views', period, views, recordedAt);
    push('inquiries', period, inquiries[w] ?? 0, recordedAt);
    push('document-downloads', period, downloads[w] ?? 0, recordedAt);
    pageViews[w] = views;
    emailsSent[w] = sent;
  }

  // Webinar attendees: one monthly entry for each month that held a webinar.
  const rangeStart = firstWeek.start;
  for (const webinar of init.ofKind('webinar')) {
    const heldAt = cal.at(webinar.keyDay, 16 * 60 + 30);
    if (heldAt < rangeStart || heldAt > now) continue;
    const r = rng.fork(`webinar-${webinar.keyDay}`);
    const signups = webinarSignups.get(webinar.initiative.id) ?? 0;
    const attendees = Math.max(8, Math.round(signups * r.range(2.5, 4)));
    const { year, month } = cal.civil(webinar.keyDay);
    push('webinar-attendees', cal.isoDate(cal.dayNumber(year, month, 1)), attendees, heldAt);
  }
  return { metricDefinitions, metricEntries, weekly: { pageViews, emailsSent } };
}
