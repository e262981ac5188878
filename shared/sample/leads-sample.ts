/**
 * Leads and their history. About 38 leads a week (the benchmark's 20,000 over ten years), from
 * realistically weighted sources: newsletter readers after each send, trade-show cards in show
 * weeks, webinar sign-ups, forms, downloads, SEO, referrals and the person's own outbound calls.
 *
 * Each lead's whole future is drawn when it is created (first contact, opportunity, proposal,
 * won / lost / dropped) and then cut at `now`, so recent leads are naturally still open and old
 * ones have closed, exactly as in a real database. Lead fields are derived from the events that
 * survived the cut, so Lead.stage always equals the last stage event.
 */
import type { ContactChannel, Lead, LeadEvent, LeadStage, LossReason, SourceId } from '../domain/model';
import { DAY_MS, MINUTE } from './calendar';
import { sampleId, type Bilingual, type SampleContext } from './context';
import type { InitiativePlan, InitiativeSample, PlanKind } from './initiatives-sample';
import { fakeCompany, fakePerson, fakeTitle } from './names';
import type { Random } from './random';

export interface LeadSample {
  leads: Lead[];
  leadEvents: LeadEvent[];
}

/** Model parameters, exported so goals and tests can reason about the expected volumes. */
export const LEAD_MODEL = {
  baseLeadsPerWeek: 36,
  showLeads: 55,
  webinarLeads: 10,
  minValue: 300_000,
  maxValue: 3_000_000,
  /** Of opportunities: won, lost, dropped, the rest stays open. */
  wonShare: 0.37,
  lostShare: 0.38,
  droppedShare: 0.1,
} as const;

/** How often a lead from each source becomes an opportunity (商談化率): intent differs by channel. */
const OPPORTUNITY_RATE: Record<SourceId, number> = {
  'web-form': 0.45,
  'document-download': 0.17,
  newsletter: 0.32,
  webinar: 0.28,
  'trade-show': 0.2,
  seo: 0.22,
  'web-ad': 0.15,
  social: 0.12,
  referral: 0.55,
  'existing-customer': 0.6,
  outbound: 0.14,
  other: 0.2,
};

const SOURCE_DETAILS: Partial<Record<SourceId, readonly Bilingual[]>> = {
  'web-form': [{ ja: 'お問い合わせフォーム', en: 'contact form' }, { ja: '見積依頼フォーム', en: 'quote request form' }],
  'document-download': [{ ja: '製品カタログ', en: 'product brochure' }, { ja: '導入事例集', en: 'case studies' }, { ja: '価格表', en: 'price list' }],
  newsletter: [{ ja: '見積ボタン', en: 'quote button' }, { ja: '記事内リンク', en: 'article link' }, { ja: 'メルマガへの返信', en: 'reply to the newsletter' }],
  webinar: [{ ja: '参加者アンケート', en: 'attendee survey' }, { ja: '個別相談の申込', en: 'asked for a consultation' }],
  seo: [{ ja: 'ブログ記事', en: 'blog post' }, { ja: '比較記事', en: 'comparison article' }],
  'web-ad': [{ ja: '資料請求', en: 'document request' }, { ja: '検索広告', en: 'search ad' }],
  social: [{ ja: 'LinkedIn', en: 'LinkedIn' }, { ja: 'X（旧Twitter）', en: 'X (Twitter)' }],
  referral: [{ ja: '既存顧客の紹介', en: 'customer referral' }, { ja: '取引先の紹介', en: 'partner referral' }],
  'existing-customer': [{ ja: '追加発注', en: 'additional order' }, { ja: '別部署からの相談', en: 'another department' }],
  outbound: [{ ja: 'テレアポ', en: 'cold call' }, { ja: '新規開拓メール', en: 'cold e-mail' }],
};

const NOTES: readonly Bilingual[] = [
  { ja: '生産管理システムの入れ替えを検討中', en: 'Looking to replace their production system' },
  { ja: '来期の予算で検討したい', en: 'Wants to budget for it next fiscal year' },
  { ja: '現在はエクセルで管理、属人化が課題', en: 'Runs on spreadsheets; one person knows everything' },
  { ja: '補助金の活用を希望', en: 'Hoping to use a subsidy' },
  { ja: '他社製品と比較検討中', en: 'Comparing us with a competitor' },
];

const CONTACT_NOTES: Record<ContactChannel, readonly Bilingual[]> = {
  call: [{ ja: '日程調整の電話', en: 'Call to set a date' }, { ja: '検討状況の確認', en: 'Checked how the review is going' }],
  email: [{ ja: '資料を送付', en: 'Sent documents' }, { ja: 'お礼メール', en: 'Thank-you e-mail' }],
  visit: [{ ja: '現地調査', en: 'Site survey' }, { ja: '製品デモ', en: 'Product demo' }],
  meeting: [{ ja: 'オンライン打合せ（要件ヒアリング）', en: 'Online meeting: requirements' }, { ja: '決裁者同席の打合せ', en: 'Meeting with the decision maker' }],
};

const DECISION_MOMENTS: readonly Bilingual[] = [
  { ja: '同じ業種の導入事例があった', en: 'We had a case study from their industry' },
  { ja: 'デモで現場担当者が使えると判断した', en: 'Their shop-floor staff could use it in the demo' },
  { ja: 'メルマガで継続的に情報を得ていて信頼感があった', en: 'Months of newsletters had built trust' },
  { ja: '展示会で実機を見て比較できた', en: 'They compared the real thing at the trade show' },
  { ja: '見積の早さと丁寧なフォロー', en: 'A fast quote and careful follow-up' },
  { ja: '補助金申請までサポートした', en: 'We helped with the subsidy application' },
  { ja: '紹介元の顧客の評価が決め手', en: 'The referring customer vouched for us' },
  { ja: '導入後のサポート体制を評価された', en: 'Our after-sales support won them over' },
];

const REJECTION_MOMENTS: readonly Bilingual[] = [
  { ja: '他社のほうが初期費用が安かった', en: 'The competitor was cheaper up front' },
  { ja: '既存システムとの連携を重視された', en: 'Integration with their current system mattered most' },
  { ja: '社内の優先順位が下がった', en: 'It dropped down their priorities' },
];

const LOSS_LESSONS: Record<LossReason, readonly Bilingual[]> = {
  price: [{ ja: '初回提案で費用対効果を数字で示す', en: 'Show the return in numbers in the first proposal' }, { ja: '段階導入のプランも用意する', en: 'Offer a phased plan as well' }],
  timing: [{ ja: '予算時期（年度末）に合わせて再提案する', en: 'Re-propose before their budget round (fiscal year end)' }],
  competitor: [{ ja: '競合比較表を事前に用意する', en: 'Have a competitor comparison ready' }, { ja: '導入事例を早めに見せる', en: 'Show case studies earlier' }],
  'no-need': [{ ja: '初回ヒアリングで課題の緊急度を確認する', en: 'Check how urgent the problem is in the first call' }],
  'no-response': [{ ja: '提案後1週間以内に次のアポを確定する', en: 'Book the next meeting within a week of the proposal' }],
  other: [{ ja: '決裁者を早めに巻き込む', en: 'Involve the decision maker early' }],
};

const DROP_REASONS: readonly Bilingual[] = [
  { ja: '情報収集のみで検討予定なし', en: 'Only gathering information' },
  { ja: '担当者が異動', en: 'Our contact moved to another role' },
  { ja: '連絡がつかない', en: 'Cannot reach them' },
  { ja: '長期間進展なし', en: 'No progress for months' },
  { ja: '予算化の見込みなし', en: 'No budget in sight' },
];

interface LeadDraft {
  createdAt: number;
  source: SourceId;
  plan?: InitiativePlan;
  detail?: Bilingual;
}

export function generateLeads(ctx: SampleContext, rng: Random, init: InitiativeSample): LeadSample {
  const leads: Lead[] = [];
  const leadEvents: LeadEvent[] = [];
  const ids = { lead: 0, event: 0 };
  // Companies that bought, by the week they bought in: repeat business comes from them.
  const wonByWeek: string[][] = ctx.weeks.map(() => []);
  const customers: string[] = [];

  for (const week of ctx.weeks) {
    if (week.index > 0) customers.push(...(wonByWeek[week.index - 1] as string[]));
    const r = rng.fork(`leads-${week.monday}`);
    const drafts = weekLeads(ctx, r, init, week.monday).filter((d) => d.createdAt <= ctx.now);
    drafts.sort((a, b) => a.createdAt - b.createdAt);
    for (const draft of drafts) {
      const id = sampleId('lead', ++ids.lead);
      const company = fakeCompany(r, ctx.lang);
      const customerPick = r.float();
      const companyName = draft.source === 'existing-customer' && customers.length > 0 ? (customers[Math.floor(customerPick * customers.length)] as string) : company.name;
      const person = fakePerson(r, ctx.lang, company);
      const lead: Lead = {
        id,
        createdAt: draft.createdAt,
        company: companyName,
        person: person.name,
        source: draft.source,
        stage: 'new',
        updatedAt: draft.createdAt,
      };
      const title = fakeTitle(r, ctx.lang);
      if (r.chance(0.65)) lead.title = title;
      // Forms always carry an e-mail; cards and calls mostly do.
      if (draft.source !== 'outbound' || r.chance(0.6)) lead.email = person.email;
      if (draft.detail) lead.sourceDetail = ctx.text(draft.detail);
      if (draft.plan) lead.initiativeId = draft.plan.initiative.id;
      const note = r.pick(NOTES);
      if (r.chance(0.2)) lead.note = ctx.text(note);

      const events = simulate(ctx, r, lead);
      for (const event of events) {
        event.id = sampleId('event', ++ids.event);
        leadEvents.push(event);
      }
      if (lead.stage === 'won') {
        const wonWeek = ctx.weekIndexOf(lead.updatedAt);
        if (wonWeek >= 0) (wonByWeek[wonWeek] as string[]).push(companyName);
      }
      leads.push(lead);
    }
  }
  return { leads, leadEvents };
}

/** The week's leads: when they arrived and from where. */
function weekLeads(ctx: SampleContext, r: Random, init: InitiativeSample, monday: number): LeadDraft[] {
  const { cal } = ctx;
  const workdays: number[] = [];
  for (let d = monday; d < monday + 5; d++) if (ctx.isWorkday(d)) workdays.push(d);
  const drafts: LeadDraft[] = [];
  const mid = cal.at(monday + 2, 720);
  const newsletter = init.runningAt('newsletter', mid);
  const sendDay = newsletter?.keyDay ?? -1;
  const sendWeek = sendDay >= monday && sendDay < monday + 7;
  const afterSend = sendDay >= monday - 7 && sendDay < monday;
  const ads = init.runningAt('ads', mid);
  // Holiday weeks (New Year, Obon) are quiet.
  const volume = (0.3 + 0.7 * workdays.length / 5) * LEAD_MODEL.baseLeadsPerWeek;
  const weights: (readonly [SourceId, number])[] = [
    ['web-form', 14],
    ['document-download', 14],
    ['newsletter', sendWeek ? 22 : afterSend ? 10 : 4],
    ['seo', 12],
    ['web-ad', ads ? 10 : 1],
    ['social', 4],
    ['referral', 6],
    ['existing-customer', 7],
    ['outbound', workdays.length > 0 ? 12 : 0],
    ['other', 2],
  ];
  const count = r.count(volume, 6);
  for (let i = 0; i < count; i++) {
    const source = r.weighted(weights);
    const salesOrigin = source === 'referral' || source === 'existing-customer' || source === 'outbound';
    let day: number;
    let minute: number;
    if (salesOrigin && workdays.length > 0) {
      // The person logs these during the working day.
      day = r.pick(workdays);
      minute = r.step(540, 1065, 5);
    } else {
      // Web leads arrive whenever the reader is online, evenings and weekends included.
      day = monday + r.weighted<number>([[0, 1], [1, 1], [2, 1], [3, 1], [4, 1], [5, 0.3], [6, 0.3]]);
      if (source === 'newsletter' && sendWeek && day < sendDay) day = sendDay + r.int(0, 2);
      const hour = r.weighted<[number, number]>([[[0, 8], 0.05], [[8, 12], 0.35], [[12, 19], 0.4], [[19, 24], 0.2]]);
      minute = r.int(hour[0] * 60, hour[1] * 60 - 1);
    }
    const createdAt = cal.at(day, minute);
    const draft: LeadDraft = { createdAt, source };
    const link = linkedPlan(source, r.float());
    const plan = link ? init.runningAt(link, createdAt) : undefined;
    if (plan) draft.plan = plan;
    const details = SOURCE_DETAILS[source];
    const detail = details ? r.pick(details) : undefined;
    if (detail && (source === 'newsletter' || source === 'web-ad' || r.chance(0.6))) draft.detail = detail;
    drafts.push(draft);
  }

  // Trade show: the cards collected at the booth, typed in that evening or in the next days.
  for (const show of init.ofKind('show')) {
    if (show.keyDay < monday || show.keyDay >= monday + 7) continue;
    const cards = r.count(LEAD_MODEL.showLeads, 15);
    for (let i = 0; i < cards; i++) {
      const day = show.keyDay + r.weighted<number>([[0, 1], [1, 1], [2, 1], [5, 0.8], [6, 0.5]]);
      const minute = day < show.keyDay + show.days ? r.step(1080, 1260, 5) : r.step(540, 1065, 5);
      drafts.push({ createdAt: cal.at(day, minute), source: 'trade-show', plan: show, detail: { ja: `${show.topic.ja} ブース来訪`, en: `${show.topic.en} booth visit` } });
    }
  }
  // Webinar: attendees who asked for a follow-up, from the end of the session to the next day.
  for (const webinar of init.ofKind('webinar')) {
    if (webinar.keyDay < monday || webinar.keyDay >= monday + 7) continue;
    const signups = r.count(LEAD_MODEL.webinarLeads, 3);
    for (let i = 0; i < signups; i++) {
      const next = r.chance(0.3);
      const day = next ? webinar.keyDay + 1 : webinar.keyDay;
      const minute = next ? r.step(540, 1065, 5) : r.step(990, 1140, 5);
      const detail = r.pick(SOURCE_DETAILS.webinar ?? []);
      drafts.push({ createdAt: cal.at(day, minute), source: 'webinar', plan: webinar, detail });
    }
  }
  return drafts;
}

/** Which running initiative a lead from this source is credited to (u: a draw in [0, 1)). */
function linkedPlan(source: SourceId, u: number): PlanKind | undefined {
  switch (source) {
    case 'newsletter':
      return u < 0.85 ? 'newsletter' : undefined;
    case 'seo':
      return u < 0.85 ? 'seo' : undefined;
    case 'web-ad':
      return 'ads';
    case 'document-download':
      return u < 0.4 ? 'seo' : undefined;
    case 'web-form':
      return u < 0.25 ? 'seo' : undefined;
    default:
      return undefined;
  }
}

type EventDraft = LeadEvent;

/**
 * Draws the lead's future and keeps what happened by `now`. Mutates the lead's derived fields
 * (stage, value, reasons, dates) to match the events kept.
 */
function simulate(ctx: SampleContext, r: Random, lead: Lead): EventDraft[] {
  const { cal, now } = ctx;
  const events: EventDraft[] = [];
  let last = lead.createdAt;
  let stopped = false;
  let lastContact = lead.createdAt;

  const stage = (to: LeadStage, at: number): boolean => {
    if (stopped || at > now) {
      stopped = true;
      return false;
    }
    events.push({ id: '', leadId: lead.id, at, type: 'stage', from: events.length === 0 ? null : lead.stage, to });
    lead.stage = to;
    last = at;
    return true;
  };
  const contact = (channel: ContactChannel, at: number): boolean => {
    const note = r.pick(CONTACT_NOTES[channel]);
    const withNote = r.chance(0.35);
    if (stopped || at > now) {
      stopped = true;
      return false;
    }
    const event: EventDraft = { id: '', leadId: lead.id, at, type: 'contact', channel };
    if (withNote) event.note = ctx.text(note);
    events.push(event);
    last = at;
    lastContact = at;
    return true;
  };
  /** A working-hours moment `min`–`max` days after the last event, strictly after it. */
  const later = (min: number, max: number): number => {
    let day = cal.dayOf(last) + r.int(min, max);
    while (!ctx.isWorkday(day)) day++;
    const at = cal.at(day, r.step(540, 1065, 5));
    return at > last ? at : last + r.int(10, 120) * MINUTE;
  };
  const value = () => Math.round(r.logUniform(LEAD_MODEL.minValue, LEAD_MODEL.maxValue) / 10_000) * 10_000;

  stage('new', lead.createdAt);

  // Repeat orders from customers sometimes skip the whole funnel: new → won.
  if (lead.source === 'existing-customer' && r.chance(0.08)) {
    const amount = value();
    const moment = r.pick(DECISION_MOMENTS);
    if (stage('won', later(1, 10))) {
      lead.value = amount;
      lead.decisionMoment = ctx.text(moment);
    }
    return finish(ctx, r, lead, events, lastContact);
  }

  const firstContact = firstContactAt(ctx, r, lead);
  const becomesOpportunity = r.chance(OPPORTUNITY_RATE[lead.source]);
  const channel = lead.source === 'outbound' ? 'call' : r.weighted<ContactChannel>([['email', 0.5], ['call', 0.45], ['meeting', 0.05]]);
  if (firstContact === undefined) {
    // Never followed up: some get cleaned out later, the rest rot.
    const reason = r.pick(DROP_REASONS);
    if (r.chance(0.6) && stage('dropped', later(45, 120))) lead.dropReason = ctx.text(reason);
    return finish(ctx, r, lead, events, lastContact);
  }
  if (!contact(channel, firstContact)) return finish(ctx, r, lead, events, lastContact);
  // Referrals often go straight to a real conversation, skipping "contacted".
  const skipContacted = becomesOpportunity && lead.source === 'referral' && r.chance(0.4);
  const expected = value();
  if (skipContacted) {
    if (stage('opportunity', firstContact + MINUTE)) lead.value = expected;
  } else {
    stage('contacted', firstContact + MINUTE);
  }

  if (!becomesOpportunity) {
    const u = r.float();
    const reason = r.weighted<LossReason>([['no-need', 0.4], ['timing', 0.3], ['no-response', 0.2], ['price', 0.1]]);
    const lesson = r.pick(LOSS_LESSONS[reason]);
    const dropReason = r.pick(DROP_REASONS);
    if (u < 0.2) {
      if (stage('lost', later(5, 40))) {
        lead.lossReason = reason;
        lead.lesson = ctx.text(lesson);
      }
    } else if (u < 0.6) {
      if (r.chance(0.5)) contact('email', later(7, 30));
      if (stage('dropped', later(30, 120))) lead.dropReason = ctx.text(dropReason);
    } else {
      // Nurtured by e-mail now and then; stays open.
      const touches = r.int(0, 2);
      for (let i = 0; i < touches; i++) contact('email', later(20, 90));
    }
    return finish(ctx, r, lead, events, lastContact);
  }

  if (lead.stage !== 'opportunity') {
    if (r.chance(0.4)) contact(r.pick(['call', 'email'] as const), later(1, 7));
    const meetingAt = later(3, 21);
    const meetingChannel = r.weighted<ContactChannel>([['meeting', 0.6], ['visit', 0.4]]);
    if (contact(meetingChannel, meetingAt) && stage('opportunity', meetingAt + MINUTE)) lead.value = expected;
  }
  const closeIn = r.int(30, 90);
  if (lead.stage === 'opportunity') lead.expectedCloseAt = cal.startOfDay(cal.dayOf(last) + closeIn);

  if (r.chance(0.75)) {
    if (r.chance(0.5)) contact(r.pick(['call', 'email', 'visit'] as const), later(2, 10));
    const proposalAt = later(5, 25);
    if (contact('email', proposalAt)) stage('proposal', proposalAt + MINUTE);
  }
  const u = r.float();
  const touches = r.int(0, 2);
  for (let i = 0; i < touches; i++) contact(r.pick(['call', 'email', 'meeting'] as const), later(3, 14));
  const closeAt = later(7, 45);
  const finalValue = Math.min(LEAD_MODEL.maxValue, Math.max(LEAD_MODEL.minValue, Math.round((expected * r.range(0.85, 1.1)) / 10_000) * 10_000));
  const moment = r.pick(DECISION_MOMENTS);
  const rejection = r.pick(REJECTION_MOMENTS);
  const lossReason = r.weighted<LossReason>([['price', 0.3], ['competitor', 0.28], ['timing', 0.2], ['no-need', 0.1], ['no-response', 0.07], ['other', 0.05]]);
  const lesson = r.pick(LOSS_LESSONS[lossReason]);
  const dropReason = r.pick(DROP_REASONS);
  const explainsLoss = r.chance(0.5);
  if (u < LEAD_MODEL.wonShare) {
    if (stage('won', closeAt)) {
      lead.value = finalValue;
      lead.decisionMoment = ctx.text(moment);
    }
  } else if (u < LEAD_MODEL.wonShare + LEAD_MODEL.lostShare) {
    if (stage('lost', closeAt)) {
      lead.lossReason = lossReason;
      lead.lesson = ctx.text(lesson);
      if (explainsLoss) lead.decisionMoment = ctx.text(rejection);
    }
  } else if (u < LEAD_MODEL.wonShare + LEAD_MODEL.lostShare + LEAD_MODEL.droppedShare) {
    if (stage('dropped', closeAt)) lead.dropReason = ctx.text(dropReason);
  }
  return finish(ctx, r, lead, events, lastContact);
}

/** First contact: mostly within hours, some the next day, some late (past the SLA), some never. */
function firstContactAt(ctx: SampleContext, r: Random, lead: Lead): number | undefined {
  const { cal } = ctx;
  const t0 = lead.createdAt;
  const day = cal.dayOf(t0);
  const minute = Math.round((t0 - cal.startOfDay(day)) / MINUTE);
  const inHours = ctx.isWorkday(day) && minute >= 540 && minute < 1050;
  const u = r.float();
  const sameDay = r.step(10, 180, 5);
  const morning = r.step(540, 690, 5);
  const anytime = r.step(540, 1065, 5);
  const lateDays = r.int(2, 6);
  // The person's own calls and customers' requests are handled at once.
  if (lead.source === 'outbound') return t0 + 2 * MINUTE;
  const fast = lead.source === 'existing-customer' || lead.source === 'referral' ? 0.8 : 0.5;
  const nextWorkday = (from: number, skip: number) => {
    let d = from;
    for (let left = skip; left > 0; ) {
      d++;
      if (ctx.isWorkday(d)) left--;
    }
    return d;
  };
  if (u < fast) return inHours ? t0 + sameDay * MINUTE : cal.at(nextWorkday(day, 1), morning);
  if (u < fast + 0.25) return cal.at(nextWorkday(day, 1), anytime);
  if (u < 0.93) return cal.at(nextWorkday(day, lateDays), anytime);
  return undefined;
}

/**
 * Leads left open for months get cleaned out, as the seeds recommend; a few are left to rot so
 * the stale list has something on it. Then the follow-up fields for what is still open.
 */
function finish(ctx: SampleContext, r: Random, lead: Lead, events: EventDraft[], lastContact: number): EventDraft[] {
  const { now, cal } = ctx;
  const lastEvent = events[events.length - 1];
  const open = lead.stage === 'new' || lead.stage === 'contacted' || lead.stage === 'opportunity' || lead.stage === 'proposal';
  const keep = r.float();
  const cleanupDays = r.int(40, 80);
  const reason = r.pick(DROP_REASONS);
  const nextIn = r.int(-5, 14);
  if (open && lastEvent) {
    const keepOpen = now - lead.createdAt < 365 * DAY_MS ? 0.08 : 0.005;
    let day = cal.dayOf(lastEvent.at) + cleanupDays;
    while (!ctx.isWorkday(day)) day++;
    const at = cal.at(day, 10 * 60); // a clean-up session on a working morning
    if (keep >= keepOpen && at <= now && at > lastEvent.at) {
      const opportunity = lead.stage === 'opportunity' || lead.stage === 'proposal';
      events.push({ id: '', leadId: lead.id, at, type: 'stage', from: lead.stage, to: opportunity ? 'lost' : 'dropped' });
      if (opportunity) {
        lead.stage = 'lost';
        lead.lossReason = 'no-response';
        lead.lesson = ctx.text((LOSS_LESSONS['no-response'] as readonly Bilingual[])[0] as Bilingual);
      } else {
        lead.stage = 'dropped';
        lead.dropReason = ctx.text(reason);
      }
      delete lead.expectedCloseAt;
    }
  }
  const final = events[events.length - 1];
  lead.updatedAt = final ? final.at : lead.createdAt;
  const stillOpen = lead.stage === 'new' || lead.stage === 'contacted' || lead.stage === 'opportunity' || lead.stage === 'proposal';
  if (!stillOpen) delete lead.expectedCloseAt;
  // A next step for leads someone is actually working on; some of them already overdue.
  if (stillOpen && now - lastContact < 45 * DAY_MS) lead.nextActionAt = cal.startOfDay(cal.dayOf(lastContact) + 7 + nextIn) + 10 * 60 * MINUTE;
  return events;
}
