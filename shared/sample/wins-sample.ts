/**
 * 小さな成功: one to three small wins a week, taken from what actually happened in the sample
 * (a newsletter reader's quote request, a deal won from a marketing lead, a page-view jump, a
 * webinar held), so each win points at a real lead or initiative and its numbers match.
 */
import type { Lead, LeadEvent, Win, WinType } from '../domain/model';
import { MINUTE } from './calendar';
import { sampleId, type Bilingual, type SampleContext } from './context';
import { monthName, type InitiativeSample } from './initiatives-sample';
import type { MetricSample } from './metrics-sample';
import type { Random } from './random';

interface Candidate {
  weight: number;
  at: number;
  type: WinType;
  title: Bilingual;
  tags: Bilingual[];
  initiativeId?: string;
  leadId?: string;
  amount?: number;
  unit?: Bilingual;
  note?: Bilingual;
}

const TAG = {
  newsletter: { ja: 'メルマガ', en: 'newsletter' },
  seo: { ja: 'SEO', en: 'SEO' },
  show: { ja: '展示会', en: 'trade show' },
  webinar: { ja: 'ウェビナー', en: 'webinar' },
  deal: { ja: '受注', en: 'deal' },
  referral: { ja: '紹介', en: 'referral' },
} as const;

const STAR_CHANCE: Record<WinType, number> = {
  inquiry: 0.45,
  reply: 0.2,
  'meeting-booked': 0.35,
  'content-published': 0.15,
  spike: 0.3,
  referral: 0.3,
  deal: 0.65,
  other: 0.3,
};

export function generateWins(
  ctx: SampleContext,
  rng: Random,
  init: InitiativeSample,
  leads: readonly Lead[],
  leadEvents: readonly LeadEvent[],
  metrics: MetricSample,
): Win[] {
  const leadsByWeek: Lead[][] = ctx.weeks.map(() => []);
  const leadById = new Map<string, Lead>();
  for (const lead of leads) {
    leadById.set(lead.id, lead);
    const w = ctx.weekIndexOf(lead.createdAt);
    if (w >= 0) (leadsByWeek[w] as Lead[]).push(lead);
  }
  const wonByWeek: { lead: Lead; at: number }[][] = ctx.weeks.map(() => []);
  const meetingsByWeek: { lead: Lead; at: number }[][] = ctx.weeks.map(() => []);
  for (const event of leadEvents) {
    if (event.type !== 'stage' || (event.to !== 'won' && event.to !== 'opportunity')) continue;
    const w = ctx.weekIndexOf(event.at);
    const lead = leadById.get(event.leadId);
    if (w < 0 || !lead || !lead.initiativeId) continue; // only wins marketing can claim
    (event.to === 'won' ? wonByWeek : meetingsByWeek)[w]?.push({ lead, at: event.at });
  }

  const wins: Win[] = [];
  let n = 0;
  for (const week of ctx.weeks) {
    const r = rng.fork(`wins-${week.monday}`);
    const w = week.index;
    const candidates = weekCandidates(ctx, r, init, week.monday, leadsByWeek[w] ?? [], wonByWeek[w] ?? [], meetingsByWeek[w] ?? [], metrics, w);
    const count = r.weighted<number>([[0, 0.1], [1, 0.3], [2, 0.35], [3, 0.25]]);
    const chosen: Candidate[] = [];
    const pool = candidates.filter((c) => c.at <= ctx.now);
    for (let i = 0; i < count && pool.length > 0; i++) {
      const pick = r.weighted(pool.map((c) => [c, c.weight] as const));
      pool.splice(pool.indexOf(pick), 1);
      chosen.push(pick);
    }
    chosen.sort((a, b) => a.at - b.at);
    for (const c of chosen) {
      const starred = r.chance(STAR_CHANCE[c.type]) ? 1 : 0;
      const win: Win = { id: sampleId('win', ++n), at: c.at, title: ctx.text(c.title), type: c.type, tags: c.tags.map((t) => ctx.text(t)), starred, createdAt: c.at, updatedAt: c.at };
      if (c.initiativeId) win.initiativeId = c.initiativeId;
      if (c.leadId) win.leadId = c.leadId;
      if (c.amount !== undefined) win.amount = c.amount;
      if (c.unit) win.unit = ctx.text(c.unit);
      if (c.note) win.note = ctx.text(c.note);
      wins.push(win);
    }
  }
  return wins;
}

function weekCandidates(
  ctx: SampleContext,
  r: Random,
  init: InitiativeSample,
  monday: number,
  weekLeads: readonly Lead[],
  won: readonly { lead: Lead; at: number }[],
  meetings: readonly { lead: Lead; at: number }[],
  metrics: MetricSample,
  w: number,
): Candidate[] {
  const { cal } = ctx;
  const list: Candidate[] = [];
  // Logged a little after the fact during working hours, or the next working morning
  // (a candidate that lands after now is left out by the caller).
  const soon = (t: number) => {
    const delay = r.step(5, 90, 5);
    const day = cal.dayOf(t);
    const minute = (t - cal.startOfDay(day)) / MINUTE;
    if (ctx.isWorkday(day) && minute >= 510 && minute + delay <= 1140) return t + delay * MINUTE;
    let next = day + 1;
    while (!ctx.isWorkday(next)) next++;
    return cal.at(next, 540 + delay);
  };
  const inWeek = (day: number) => day >= monday && day < monday + 7;

  const newsletterLeads = weekLeads.filter((l) => l.source === 'newsletter' && l.initiativeId);
  const nl = newsletterLeads.length > 0 ? r.pick(newsletterLeads) : undefined;
  if (nl) {
    list.push({
      weight: 3,
      at: soon(nl.createdAt),
      type: 'inquiry',
      title: { ja: `メルマガ読者（${nl.company}）から見積依頼`, en: `A newsletter reader (${nl.company}) asked for a quote` },
      tags: [TAG.newsletter],
      initiativeId: nl.initiativeId as string,
      leadId: nl.id,
    });
  }
  const blogLeads = weekLeads.filter((l) => (l.source === 'seo' || l.source === 'web-form') && l.initiativeId);
  const blog = blogLeads.length > 0 ? r.pick(blogLeads) : undefined;
  if (blog) {
    list.push({
      weight: 1.5,
      at: soon(blog.createdAt),
      type: 'inquiry',
      title: { ja: `ブログ記事を読んだ${blog.company}から問い合わせ`, en: `${blog.company} got in touch after reading the blog` },
      tags: [TAG.seo],
      initiativeId: blog.initiativeId as string,
      leadId: blog.id,
    });
  }
  const deal = won.length > 0 ? r.pick(won) : undefined;
  if (deal && deal.lead.value !== undefined) {
    const yen = deal.lead.value;
    list.push({
      weight: 4,
      at: soon(deal.at),
      type: 'deal',
      title: {
        ja: `施策経由の${deal.lead.company}から受注（${groupDigits(yen / 10_000)}万円）`,
        en: `Won ${deal.lead.company}, a marketing lead (¥${groupDigits(yen)})`,
      },
      tags: [TAG.deal],
      initiativeId: deal.lead.initiativeId as string,
      leadId: deal.lead.id,
      amount: yen,
      unit: { ja: '円', en: 'JPY' },
    });
  }
  const meeting = meetings.length > 0 ? r.pick(meetings) : undefined;
  if (meeting) {
    const from: Bilingual =
      meeting.lead.source === 'trade-show'
        ? { ja: '展示会で名刺交換した', en: 'met at the trade show' }
        : meeting.lead.source === 'webinar'
          ? { ja: 'ウェビナー参加者の', en: 'a webinar attendee' }
          : { ja: '施策経由の', en: 'a marketing lead' };
    list.push({
      weight: 2,
      at: soon(meeting.at),
      type: 'meeting-booked',
      title: { ja: `${from.ja}${meeting.lead.company}と商談設定`, en: `Meeting booked with ${meeting.lead.company} (${from.en})` },
      tags: meeting.lead.source === 'trade-show' ? [TAG.show] : meeting.lead.source === 'webinar' ? [TAG.webinar] : [],
      initiativeId: meeting.lead.initiativeId as string,
      leadId: meeting.lead.id,
    });
  }
  const referrals = weekLeads.filter((l) => l.source === 'referral');
  const ref = referrals.length > 0 ? r.pick(referrals) : undefined;
  if (ref) {
    list.push({
      weight: 1,
      at: soon(ref.createdAt),
      type: 'referral',
      title: { ja: `既存顧客から${ref.company}をご紹介いただいた`, en: `A customer introduced us to ${ref.company}` },
      tags: [TAG.referral],
      leadId: ref.id,
    });
  }

  for (const plan of init.ofKind('newsletter')) {
    if (!inWeek(plan.keyDay)) continue;
    const sent = metrics.weekly.emailsSent[w];
    const m = monthName(ctx, plan.month);
    const c: Candidate = {
      weight: 2,
      at: cal.at(plan.keyDay, 10 * 60 + 30),
      type: 'content-published',
      title: { ja: `${m}号メルマガを配信`, en: `Sent the ${m} newsletter` },
      tags: [TAG.newsletter],
      initiativeId: plan.initiative.id,
    };
    if (sent !== undefined) {
      c.amount = sent;
      c.unit = { ja: '通', en: 'emails' };
    }
    list.push(c);
    list.push({
      weight: 0.5,
      at: cal.at(plan.keyDay + 1, 9 * 60 + 40),
      type: 'reply',
      title: { ja: '休眠顧客からメルマガに返信があった', en: 'A dormant customer replied to the newsletter' },
      tags: [TAG.newsletter],
      initiativeId: plan.initiative.id,
    });
  }
  const seo = init.runningAt('seo', cal.at(monday + 2, 720));
  if (seo) {
    list.push({
      weight: 0.8,
      at: cal.at(monday + 3, 16 * 60),
      type: 'content-published',
      title: { ja: `ブログ記事を公開（${seo.topic.ja}）`, en: `Published a blog post (${seo.topic.en})` },
      tags: [TAG.seo],
      initiativeId: seo.initiative.id,
    });
  }
  for (const plan of init.ofKind('webinar')) {
    if (!inWeek(plan.keyDay)) continue;
    list.push({
      weight: 5,
      at: cal.at(plan.keyDay, 17 * 60),
      type: 'other',
      title: { ja: `ウェビナー「${plan.topic.ja}」を開催`, en: `Held the webinar "${plan.topic.en}"` },
      tags: [TAG.webinar],
      initiativeId: plan.initiative.id,
      note: { ja: '参加者アンケートの満足度が高かった', en: 'The attendee survey was very positive' },
    });
  }
  for (const plan of init.ofKind('show')) {
    if (!inWeek(plan.keyDay)) continue;
    const cards = weekLeads.filter((l) => l.initiativeId === plan.initiative.id).length;
    list.push({
      weight: 5,
      at: cal.at(plan.keyDay + plan.days - 1, 18 * 60 + 30),
      type: 'other',
      title: { ja: `展示会で名刺${cards}枚を獲得`, en: `Collected ${cards} business cards at the trade show` },
      tags: [TAG.show],
      initiativeId: plan.initiative.id,
      amount: cards,
      unit: { ja: '枚', en: 'cards' },
    });
  }
  const views = metrics.weekly.pageViews[w];
  const before = w > 0 ? metrics.weekly.pageViews[w - 1] : undefined;
  if (views !== undefined && before !== undefined && views >= before * 1.2) {
    const pct = Math.round((views / before - 1) * 100);
    list.push({
      weight: 3,
      at: cal.at(monday + 4, 17 * 60 + 40),
      type: 'spike',
      title: { ja: `サイトのPVが前週比+${pct}%`, en: `Page views up ${pct} % on last week` },
      tags: [TAG.seo],
      amount: pct,
      unit: { ja: '%', en: '%' },
    });
  }
  return list;
}

/** 1234567 → "1,234,567", without Intl: the output must not depend on the machine's ICU data. */
function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
