/**
 * The weekly rhythm of a person who wears both hats: planned boxes (3–5 marketing boxes of
 * 60–120 min, a few sales boxes) and the time actually logged, which is mostly sales. Marketing
 * boxes are sometimes kept, sometimes started late, interrupted by a customer's call (the box is
 * split around a sales entry flagged `interruption`) or skipped, so about 60–75 % of the weekly
 * marketing budget is kept, as in the seeds ("marketing is always postponed").
 *
 * Everything is built per day in minutes after local midnight and turned into instants at the
 * end through the local calendar, so 09:00 stays 09:00 across DST changes.
 */
import type { Category, MarketingCategory, SalesCategory, TimeBox, TimeEntry, TimeEntrySource, WorkKind } from '../domain/model';
import { MINUTE } from './calendar';
import { sampleId, type Bilingual, type SampleContext, type SampleWeek } from './context';
import { monthName, type InitiativePlan, type InitiativeSample } from './initiatives-sample';
import { fakeCompany } from './names';
import type { Random } from './random';

export interface TimeSample {
  timeBoxes: TimeBox[];
  timeEntries: TimeEntry[];
}

interface BoxDraft {
  day: number;
  from: number;
  to: number;
  kind: WorkKind;
  category: Category;
  title: string;
  initiativeId?: string;
  seriesId?: string;
  id: string;
}

interface EntryDraft {
  from: number;
  to: number;
  kind: WorkKind;
  category: Category;
  source: TimeEntrySource;
  boxId?: string;
  initiativeId?: string;
  interruption?: true;
  note?: string;
}

interface MarketingTask {
  category: MarketingCategory;
  title: Bilingual;
  weight: number;
  plan?: InitiativePlan;
  /** Only on days before this one (e.g. a draft before the send day). */
  before?: number;
  /** Fixed placement (series and event boxes): day and start minute. */
  fixed?: { day: number; from: number; length: number };
  seriesId?: string;
}

const MORNING_STARTS = [570, 600, 630] as const; // 09:30–10:30
const AFTERNOON_STARTS = [780, 810, 840, 900, 930, 960] as const; // 13:00–16:00
const LUNCH_END = 780;
const LUNCH_START = 720;
const DAY_END = 1080; // 18:00
const BOX_LENGTHS = [60, 90, 90, 90, 120, 120, 120] as const;

/**
 * Sales work that fills the day around the boxes, logged one activity at a time (each call, each
 * follow-up mail batch) as the one-click logging invites. With the timer's pause segments this
 * makes ~23 entries a working day, ~110 a week: the density the benchmarks assume (520 weeks ≈
 * 60,000 entries). Lower the weights of the short activities here to make the log coarser.
 */
const SALES_FILL: readonly (readonly [{ category: SalesCategory | 'social' | 'analysis'; min: number; max: number; step: number }, number])[] = [
  [{ category: 'call', min: 5, max: 20, step: 5 }, 38],
  [{ category: 'follow-up', min: 5, max: 20, step: 5 }, 30],
  [{ category: 'admin', min: 10, max: 30, step: 5 }, 12],
  [{ category: 'proposal', min: 30, max: 60, step: 15 }, 12],
  [{ category: 'visit', min: 60, max: 120, step: 15 }, 5],
  // Marketing that was never planned: a quick social post, a glance at the analytics.
  [{ category: 'social', min: 10, max: 20, step: 5 }, 1.5],
  [{ category: 'analysis', min: 15, max: 30, step: 15 }, 1],
];
/** Unlogged minutes between activities (walking, coffee, reading mail). */
const FILL_GAPS = [0, 0, 0, 0, 5, 10] as const;

const SALES_NOTES: Record<SalesCategory, readonly ((company: string) => Bilingual)[]> = {
  visit: [
    (c) => ({ ja: `${c} 訪問（製品デモ）`, en: `${c}: on-site demo` }),
    (c) => ({ ja: `${c} 訪問（見積説明）`, en: `${c}: walked through the quote` }),
    (c) => ({ ja: `${c} 定期訪問`, en: `${c}: regular visit` }),
  ],
  call: [
    (c) => ({ ja: `${c}へ電話（日程調整）`, en: `Call ${c} to set a date` }),
    () => ({ ja: '見込み客へのフォロー電話', en: 'Follow-up calls to prospects' }),
    () => ({ ja: '新規開拓の電話', en: 'Cold calls' }),
  ],
  proposal: [
    (c) => ({ ja: `${c} 向け提案書作成`, en: `Proposal for ${c}` }),
    (c) => ({ ja: `${c} 見積書作成`, en: `Quote for ${c}` }),
  ],
  'follow-up': [
    (c) => ({ ja: `${c} へお礼メール・資料送付`, en: `Thank-you mail and documents to ${c}` }),
    () => ({ ja: '問い合わせへの返信', en: 'Replying to inquiries' }),
  ],
  admin: [
    () => ({ ja: '営業日報・社内報告', en: 'Sales report and internal admin' }),
    () => ({ ja: '受注処理・請求書の確認', en: 'Order processing and invoices' }),
  ],
};

const INTERRUPTION_NOTES: readonly ((company: string) => Bilingual)[] = [
  (c) => ({ ja: `${c}から至急の電話`, en: `Urgent call from ${c}` }),
  (c) => ({ ja: `${c}の納期確認に対応`, en: `${c} asked about a delivery date` }),
  (c) => ({ ja: `${c}から見積の修正依頼`, en: `${c} needed a revised quote` }),
  () => ({ ja: '上司から営業資料の急ぎ依頼', en: 'Boss needed sales figures right away' }),
];

export function generateTime(ctx: SampleContext, rng: Random, init: InitiativeSample): TimeSample {
  const timeBoxes: TimeBox[] = [];
  const timeEntries: TimeEntry[] = [];
  const ids = { box: 0, entry: 0 };
  const seoSeries = new Map<InitiativePlan, string>();
  init.ofKind('seo').forEach((plan, i) => seoSeries.set(plan, sampleId('series', i + 1)));
  const salesMeetingSeries = sampleId('series', 0);

  for (const week of [...ctx.weeks, ctx.nextWeek]) {
    // One stream per week: a week's data does not depend on how many weeks came before it.
    const r = rng.fork(`week-${week.monday}`);
    const pressure = Math.min(1, Math.max(0, r.normal(0.5, 0.2) + (isMonthEndWeek(ctx, week) ? 0.15 : 0)));
    const showDays = showDaysIn(ctx, init, week);
    const workdays: number[] = [];
    for (let d = week.monday; d < week.monday + 5; d++) if (ctx.isWorkday(d) && !showDays.has(d)) workdays.push(d);

    const boxes = planWeek(ctx, r, init, week, workdays, pressure, seoSeries, salesMeetingSeries);
    boxes.sort((a, b) => a.day - b.day || a.from - b.from);
    const plannedAt = Math.min(ctx.now, ctx.cal.at(week.monday - 3, 17 * 60));
    for (const box of boxes) {
      box.id = sampleId('box', ++ids.box);
      const row: TimeBox = {
        id: box.id,
        kind: box.kind,
        category: box.category,
        title: box.title,
        start: ctx.cal.at(box.day, box.from),
        end: ctx.cal.at(box.day, box.to),
        createdAt: plannedAt,
        updatedAt: plannedAt,
      };
      if (box.initiativeId) row.initiativeId = box.initiativeId;
      if (box.seriesId) row.seriesId = box.seriesId;
      timeBoxes.push(row);
    }
    if (week.index >= ctx.weeks.length) continue; // next week: a plan, nothing done yet

    for (let day = week.monday; day < week.monday + 7 && day <= ctx.nowDay; day++) {
      const drafts = showDays.has(day)
        ? showDay(ctx, init, day)
        : ctx.isWorkday(day)
          ? workday(ctx, r, pressure, boxes.filter((b) => b.day === day))
          : offDay(ctx, r, day);
      drafts.sort((a, b) => a.from - b.from);
      for (const draft of drafts) {
        const start = ctx.cal.at(day, draft.from);
        const end = ctx.cal.at(day, draft.to);
        // Nothing actual after now: an entry still under way today is not logged yet.
        if (end > ctx.now) continue;
        // A timer entry is saved when it stops; manual ones are typed in a little later.
        const createdAt = Math.min(ctx.now, draft.source === 'timer' ? end : end + r.int(1, 90) * MINUTE);
        const entry: TimeEntry = {
          id: sampleId('entry', ++ids.entry),
          kind: draft.kind,
          category: draft.category,
          start,
          end,
          source: draft.source,
          createdAt,
          updatedAt: createdAt,
        };
        if (draft.note) entry.note = draft.note;
        if (draft.boxId) entry.boxId = draft.boxId;
        if (draft.initiativeId) entry.initiativeId = draft.initiativeId;
        if (draft.interruption) entry.interruption = true;
        timeEntries.push(entry);
      }
    }
  }
  return { timeBoxes, timeEntries };
}

/** The last workday of a month falls in this week: closing deals pushes marketing aside. */
function isMonthEndWeek(ctx: SampleContext, week: SampleWeek): boolean {
  const first = ctx.cal.civil(week.monday);
  const last = ctx.cal.civil(week.monday + 6);
  return first.month !== last.month || last.day >= 25;
}

function showDaysIn(ctx: SampleContext, init: InitiativeSample, week: SampleWeek): Set<number> {
  const days = new Set<number>();
  for (const plan of init.ofKind('show')) {
    for (let d = plan.keyDay; d < plan.keyDay + plan.days; d++) {
      if (d >= week.monday && d < week.monday + 7 && ctx.isWorkday(d)) days.add(d);
    }
  }
  return days;
}

/** What marketing work this week could hold, weighted by what is running. */
function marketingTasks(ctx: SampleContext, init: InitiativeSample, week: SampleWeek, workdays: readonly number[], seoSeries: Map<InitiativePlan, string>): MarketingTask[] {
  const mid = week.start + 2.5 * 86_400_000;
  const first = ctx.cal.civil(week.monday);
  const last = ctx.cal.civil(week.monday + 4);
  const tasks: MarketingTask[] = [];

  const newsletter = init.runningAt('newsletter', mid);
  if (newsletter) {
    const m = monthName(ctx, newsletter.month);
    const daysToSend = newsletter.keyDay - week.monday;
    // Written in the days before the send; sent on the send day's morning.
    if (daysToSend > 0 && daysToSend <= 11) {
      tasks.push({ category: 'newsletter', weight: 6, plan: newsletter, before: newsletter.keyDay, title: { ja: `${m}号メルマガ執筆`, en: `${m} newsletter draft` } });
    }
    if (daysToSend >= 0 && daysToSend < 5) {
      tasks.push({
        category: 'newsletter',
        weight: 100,
        plan: newsletter,
        fixed: { day: newsletter.keyDay, from: 600, length: 60 },
        title: { ja: `${m}号メルマガ 最終確認・配信`, en: `${m} newsletter: final check and send` },
      });
    }
  }
  const seo = init.runningAt('seo', mid);
  if (seo) {
    const seriesId = seoSeries.get(seo);
    const wednesday = week.monday + 2;
    if (seriesId && workdays.includes(wednesday)) {
      tasks.push({
        category: 'seo',
        weight: 100, // the weekly writing slot is always planned
        plan: seo,
        seriesId,
        fixed: { day: wednesday, from: 600, length: 90 },
        title: { ja: `ブログ執筆（${seo.topic.ja}）`, en: `Blog writing (${seo.topic.en})` },
      });
    }
    tasks.push({ category: 'seo', weight: 1, plan: seo, title: { ja: 'キーワード調査・記事構成', en: 'Keyword research and outline' } });
  }
  const show = init.runningAt('show', mid);
  if (show) {
    if (show.keyDay >= week.monday + 5) {
      tasks.push({ category: 'event', weight: 3, plan: show, title: { ja: '展示会準備：ブース・配布資料', en: 'Trade show prep: booth and handouts' } });
      tasks.push({ category: 'event', weight: 2, plan: show, title: { ja: '展示会の来場案内メール作成', en: 'Trade show invitation e-mail' } });
    } else if (show.keyDay + show.days <= week.monday) {
      tasks.push({ category: 'event', weight: 4, plan: show, title: { ja: '展示会 来場者フォロー', en: 'Trade show: follow up visitors' } });
    }
  }
  const webinar = init.runningAt('webinar', mid);
  if (webinar) {
    if (webinar.keyDay >= week.monday + 5) {
      tasks.push({ category: 'webinar', weight: 3, plan: webinar, title: { ja: 'ウェビナー資料作成', en: 'Webinar slides' } });
      tasks.push({ category: 'webinar', weight: 2, plan: webinar, title: { ja: 'ウェビナー告知（メール・SNS）', en: 'Promote the webinar (mail, social)' } });
    } else if (webinar.keyDay >= week.monday) {
      tasks.push({
        category: 'webinar',
        weight: 100, // the event itself is not optional
        plan: webinar,
        fixed: { day: webinar.keyDay, from: 900, length: 90 },
        title: { ja: `ウェビナー開催「${webinar.topic.ja}」`, en: `Webinar live: ${webinar.topic.en}` },
      });
      tasks.push({ category: 'webinar', weight: 3, plan: webinar, title: { ja: 'ウェビナー リハーサル', en: 'Webinar rehearsal' } });
    } else {
      tasks.push({ category: 'webinar', weight: 3, plan: webinar, title: { ja: 'ウェビナー参加者フォロー', en: 'Follow up webinar attendees' } });
    }
  }
  const ads = init.runningAt('ads', mid);
  if (ads) tasks.push({ category: 'ads', weight: 2, plan: ads, title: { ja: '広告レポート確認・入札調整', en: 'Ad report and bid changes' } });

  tasks.push({ category: 'social', weight: 1, title: { ja: 'SNS投稿をまとめて作成', en: 'Batch social posts' } });
  tasks.push({
    category: 'analysis',
    weight: first.day <= 7 ? 3 : 1,
    title: { ja: 'アクセス解析・数字の振り返り', en: 'Web analytics and numbers review' },
  });
  tasks.push({
    category: 'planning',
    weight: last.day >= 22 || first.month !== last.month ? 3 : 0.5,
    title: { ja: '来月の施策計画', en: "Next month's marketing plan" },
  });
  tasks.push({ category: 'content', weight: 1, title: { ja: '導入事例の原稿作成', en: 'Customer story draft' } });
  tasks.push({ category: 'content', weight: 0.7, title: { ja: '製品カタログの改訂', en: 'Product brochure update' } });
  return tasks;
}

function planWeek(
  ctx: SampleContext,
  r: Random,
  init: InitiativeSample,
  week: SampleWeek,
  workdays: readonly number[],
  pressure: number,
  seoSeries: Map<InitiativePlan, string>,
  salesMeetingSeries: string,
): BoxDraft[] {
  const boxes: BoxDraft[] = [];
  if (workdays.length === 0) return boxes;
  const fits = (day: number, from: number, to: number) => boxes.every((b) => b.day !== day || b.to <= from || b.from >= to);
  const place = (draft: Omit<BoxDraft, 'id' | 'day' | 'from' | 'to'>, length: number, fixed?: { day: number; from: number }, before?: number) => {
    if (fixed) {
      if (fits(fixed.day, fixed.from, fixed.from + length)) boxes.push({ ...draft, id: '', day: fixed.day, from: fixed.from, to: fixed.from + length });
      return;
    }
    const days = before === undefined ? workdays : workdays.filter((d) => d < before);
    for (let attempt = 0; attempt < 8 && days.length > 0; attempt++) {
      const day = r.pick(days);
      const from = r.chance(0.4) ? r.pick(MORNING_STARTS) : r.pick(AFTERNOON_STARTS);
      const limit = from < LUNCH_START ? LUNCH_START : DAY_END;
      const to = Math.min(from + length, limit);
      if (to - from >= 60 && fits(day, from, to)) {
        boxes.push({ ...draft, id: '', day, from, to });
        return;
      }
    }
  };

  // The weekly sales meeting: a sales series box every Monday morning.
  const monday = week.monday;
  if (workdays.includes(monday)) {
    place({ kind: 'sales', category: 'admin', title: ctx.text({ ja: '週次営業会議', en: 'Weekly sales meeting' }), seriesId: salesMeetingSeries }, 60, { day: monday, from: 540 });
  }

  const tasks = marketingTasks(ctx, init, week, workdays, seoSeries);
  // A heavy sales week plans fewer marketing boxes, too.
  const count = r.weighted<number>([[3, 0.2 + 0.3 * pressure], [4, 0.45], [5, 0.45 - 0.3 * pressure]]);
  for (let i = 0; i < count && tasks.length > 0; i++) {
    const task = r.weighted(tasks.map((t) => [t, t.weight] as const));
    tasks.splice(tasks.indexOf(task), 1);
    const length = task.fixed?.length ?? r.pick(BOX_LENGTHS);
    const draft: Omit<BoxDraft, 'id' | 'day' | 'from' | 'to'> = { kind: 'marketing', category: task.category, title: ctx.text(task.title) };
    if (task.plan) draft.initiativeId = task.plan.initiative.id;
    if (task.seriesId) draft.seriesId = task.seriesId;
    place(draft, length, task.fixed, task.before);
  }

  const salesCount = r.weighted<number>([[0, 0.2], [1, 0.4], [2, 0.3], [3, 0.1]]);
  for (let i = 0; i < salesCount; i++) {
    const company = fakeCompany(r, ctx.lang).name;
    const kind = r.weighted<'visit' | 'proposal' | 'call'>([['visit', 0.5], ['proposal', 0.35], ['call', 0.15]]);
    const title =
      kind === 'visit'
        ? { ja: `${company} 訪問`, en: `Visit ${company}` }
        : kind === 'proposal'
          ? { ja: `提案書作成（${company}）`, en: `Proposal for ${company}` }
          : { ja: '見積フォローの電話', en: 'Quote follow-up calls' };
    const length = kind === 'visit' ? r.pick([90, 120, 150]) : kind === 'proposal' ? r.pick([60, 90, 120]) : 60;
    place({ kind: 'sales', category: kind, title: ctx.text(title) }, length);
  }
  return boxes;
}

/** A day at the show booth: one long marketing entry, logged by hand in the evening. */
function showDay(ctx: SampleContext, init: InitiativeSample, day: number): EntryDraft[] {
  const plan = init.runningAt('show', ctx.cal.at(day, 720));
  const entry: EntryDraft = {
    from: 510,
    to: 1050,
    kind: 'marketing',
    category: 'event',
    source: 'manual',
    note: ctx.text({ ja: '展示会ブース対応', en: 'Staffing the trade show booth' }),
  };
  if (plan) entry.initiativeId = plan.initiative.id;
  return [entry];
}

/** Weekends are off, except the odd Saturday spent finishing a proposal at home. */
function offDay(ctx: SampleContext, r: Random, day: number): EntryDraft[] {
  if (ctx.cal.weekday(day) !== 6 || !r.chance(0.03)) return [];
  const from = r.pick([600, 630, 660]);
  return [{ from, to: from + r.pick([60, 90, 120]), kind: 'sales', category: 'proposal', source: 'manual', note: ctx.text({ ja: '週末に提案書を仕上げ', en: 'Finished a proposal over the weekend' }) }];
}

function workday(ctx: SampleContext, r: Random, pressure: number, boxes: readonly BoxDraft[]): EntryDraft[] {
  const entries: EntryDraft[] = [];
  // Japanese office hours in practice: in by about 8:30, out between 18:00 and 19:30.
  const dayStart = 510 + r.pick([-15, 0, 0, 15, 30]);
  const dayEnd = DAY_END + r.pick([0, 15, 30, 60, 90]) + (pressure > 0.7 ? 45 : 0);
  const lunch = r.chance(0.8) ? [LUNCH_START, LUNCH_END] : [LUNCH_START + 30, LUNCH_END + 30];

  for (const box of boxes) {
    if (box.kind === 'sales') {
      // Sales boxes are appointments with customers: nearly always kept.
      if (r.chance(0.92)) entries.push({ from: box.from, to: box.to, kind: 'sales', category: box.category, source: 'manual', boxId: box.id, note: box.title });
      continue;
    }
    realizeMarketingBox(ctx, r, pressure, box, entries);
  }

  // Fill the rest of the day with sales work, leaving unlogged gaps (mail, walking, coffee).
  const busy = entries.map((e) => [e.from, e.to] as const);
  busy.push([lunch[0] as number, lunch[1] as number]);
  busy.sort((a, b) => a[0] - b[0]);
  let cursor = dayStart;
  const free: [number, number][] = [];
  for (const [from, to] of busy) {
    if (from > cursor) free.push([cursor, Math.min(from, dayEnd)]);
    cursor = Math.max(cursor, to);
  }
  if (cursor < dayEnd) free.push([cursor, dayEnd]);

  for (const [a, b] of free) {
    let at = a;
    while (b - at >= 10) {
      at += r.pick(FILL_GAPS);
      const kind = r.weighted(SALES_FILL);
      const length = Math.min(r.step(kind.min, kind.max, kind.step), b - at);
      if (length < 5) break;
      const marketing = kind.category === 'social' || kind.category === 'analysis';
      const entry: EntryDraft = { from: at, to: at + length, kind: marketing ? 'marketing' : 'sales', category: kind.category, source: 'manual' };
      const company = fakeCompany(r, ctx.lang).name;
      const withNote = r.chance(0.5);
      if (withNote && !marketing) entry.note = ctx.text(r.pick(SALES_NOTES[kind.category as SalesCategory])(company));
      entries.push(entry);
      at += length;
    }
  }
  return entries;
}

/**
 * Kept, started late, interrupted or skipped: a busier sales week (higher pressure) skips and
 * interrupts more. An interrupted box becomes marketing / sales (interruption) / marketing.
 */
function realizeMarketingBox(ctx: SampleContext, r: Random, pressure: number, box: BoxDraft, entries: EntryDraft[]): void {
  const base = { kind: 'marketing' as const, category: box.category, source: 'timer' as const, boxId: box.id };
  // The focus timer saves a segment at each pause: a long stretch becomes a few entries.
  const focus = (from: number, to: number) => {
    let at = from;
    while (to - at >= 5) {
      const run = to - at > 45 ? r.step(25, 45, 5) : to - at;
      const entry: EntryDraft = { ...base, from: at, to: at + run };
      if (box.initiativeId) entry.initiativeId = box.initiativeId;
      entries.push(entry);
      at += run + (at + run < to ? r.pick([0, 5, 5]) : 0);
    }
  };
  const late = r.pick([0, 0, 0, 5, 10]);
  const early = r.pick([0, 0, 0, 0, 5, 10]);
  const u = r.float();
  const skipped = 0.06 + 0.12 * pressure;
  const interrupted = skipped + 0.14 + 0.12 * pressure;
  const startedLate = interrupted + 0.1;
  const length = box.to - box.from;
  if (u < skipped) return; // the slot goes to sales work in the fill
  if (u < interrupted) {
    const cut = box.from + r.step(20, length - 30, 5);
    const lost = r.step(15, 60, 5);
    const company = fakeCompany(r, ctx.lang).name;
    const resume = r.chance(0.8);
    focus(box.from + Math.min(late, cut - box.from - 10), cut);
    const back = Math.min(cut + lost, box.to);
    entries.push({
      from: cut,
      to: back,
      kind: 'sales',
      category: r.weighted<SalesCategory>([['call', 0.6], ['follow-up', 0.25], ['proposal', 0.15]]),
      source: 'timer',
      interruption: true,
      note: ctx.text(r.pick(INTERRUPTION_NOTES)(company)),
    });
    if (resume && box.to - early - back >= 15) focus(back, box.to - early);
    return;
  }
  if (u < startedLate) {
    const delay = r.step(30, Math.min(60, length - 30), 15);
    focus(box.from + delay, box.to - early);
    return;
  }
  focus(box.from + late, box.to - early);
}
