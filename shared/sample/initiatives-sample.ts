/**
 * 施策: the marketing initiatives the rest of the sample hangs on. A monthly newsletter, an SEO
 * blog series per half year, a trade show or two per year, a webinar per quarter and a short
 * web-ad test each June. Time boxes, leads, wins and metrics all refer to these plans.
 */
import type { Initiative, InitiativeChannel } from '../domain/model';
import { DAY_MS } from './calendar';
import { sampleId, type Bilingual, type SampleContext } from './context';
import type { Random } from './random';

export type PlanKind = 'newsletter' | 'seo' | 'show' | 'webinar' | 'ads' | 'idea';

/** An initiative plus what the other generators need to know about it. */
export interface InitiativePlan {
  initiative: Initiative;
  kind: PlanKind;
  /** Newsletter: send day; show: first of its days; webinar: its day. Day number. */
  keyDay: number;
  /** How many days the show runs (shows only). */
  days: number;
  /** Month 1–12 the plan is named after (newsletters). */
  month: number;
  topic: Bilingual;
}

type PlanDraft = Omit<InitiativePlan, 'initiative'>;
type InitiativeFields = Omit<Initiative, 'id' | 'status' | 'archived' | 'createdAt' | 'updatedAt'>;

export interface InitiativeSample {
  initiatives: Initiative[];
  plans: InitiativePlan[];
  /** The plan of this kind whose period holds the instant, if any. */
  runningAt(kind: PlanKind, instant: number): InitiativePlan | undefined;
  ofKind(kind: PlanKind): readonly InitiativePlan[];
}

export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function monthName(ctx: SampleContext, month: number): string {
  return ctx.lang === 'ja' ? `${month}月` : (MONTHS_EN[month - 1] ?? '');
}

const SEO_TOPICS: readonly Bilingual[] = [
  { ja: '生産管理をエクセルから卒業する', en: 'Moving production planning off spreadsheets' },
  { ja: '設備保全のはじめ方', en: 'Getting started with equipment maintenance' },
  { ja: '在庫を減らす発注の基本', en: 'Ordering basics that cut inventory' },
  { ja: '中小製造業のDX入門', en: 'Digital basics for small manufacturers' },
  { ja: '品質記録の電子化', en: 'Going paperless with quality records' },
  { ja: '多品種少量生産の段取り改善', en: 'Faster changeovers for high-mix production' },
];

const WEBINAR_TOPICS: readonly Bilingual[] = [
  { ja: '30分でわかる生産スケジューラ', en: 'Production scheduling in 30 minutes' },
  { ja: '事例で学ぶ工場の見える化', en: 'Shop-floor visibility: customer stories' },
  { ja: '属人化しない設備保全', en: 'Maintenance that does not depend on one person' },
  { ja: '補助金を使ったIT導入の進め方', en: 'Funding your first IT project with subsidies' },
];

const SHOW_NAMES: readonly Bilingual[] = [
  { ja: 'ものづくり技術展', en: 'Manufacturing Tech Expo' },
  { ja: '工場DX EXPO', en: 'Factory DX Expo' },
  { ja: '関西 設備・保全フェア', en: 'Kansai Maintenance Fair' },
  { ja: '中部 製造業ソリューション展', en: 'Chubu Manufacturing Solutions Show' },
];

/** The n-th given weekday (0 = Sunday) of a month, as a day number. */
function nthWeekday(ctx: SampleContext, year: number, month: number, weekday: number, n: number): number {
  const first = ctx.cal.dayNumber(year, month, 1);
  const offset = (weekday - ctx.cal.weekday(first) + 7) % 7;
  let day = first + offset + 7 * (n - 1);
  while (!ctx.isWorkday(day)) day++;
  return day;
}

/** Fiscal year (April start) a month belongs to, named by the year it starts in (2025年度 = Apr 2025–Mar 2026). */
export function fiscalYearOf(year: number, month: number): number {
  return month >= 4 ? year : year - 1;
}

export function generateInitiatives(ctx: SampleContext, rng: Random): InitiativeSample {
  const { cal, now } = ctx;
  const rangeStart = (ctx.weeks[0] as { start: number }).start;
  // Planned initiatives reach about two months past now ("planned next").
  const horizon = now + 70 * DAY_MS;
  const firstDay = cal.civil((ctx.weeks[0] as { monday: number }).monday);
  const lastDay = cal.civil(cal.dayOf(horizon));
  const drafts: { plan: PlanDraft; fields: InitiativeFields }[] = [];
  const add = (plan: PlanDraft, fields: InitiativeFields) => {
    if (fields.end <= rangeStart || fields.start > horizon) return;
    drafts.push({ plan, fields });
  };

  // Walk the months from six before the range: the longest plan (an SEO half year) that started
  // before the first week still runs in it.
  const startMonthIndex = firstDay.year * 12 + (firstDay.month - 1) - 6;
  const endMonthIndex = lastDay.year * 12 + (lastDay.month - 1);
  for (let mi = startMonthIndex; mi <= endMonthIndex; mi++) {
    const year = Math.floor(mi / 12);
    const month = (mi % 12) + 1;
    // One stream per month: the plan of a given month is the same whatever the sample's length.
    const r = rng.fork(`month-${year}-${month}`);
    const monthStart = cal.startOfDay(cal.dayNumber(year, month, 1));
    const nextMonthStart = cal.startOfDay(cal.dayNumber(year, month + 1, 1));
    const label = ctx.lang === 'ja' ? `${year}年${month}月号メルマガ` : `Newsletter ${monthName(ctx, month)} ${year}`;
    add(
      { kind: 'newsletter', keyDay: nthWeekday(ctx, year, month, 2, 2), days: 1, month, topic: { ja: label, en: label } },
      {
        name: label,
        channel: 'newsletter',
        start: monthStart,
        end: nextMonthStart,
        goal: ctx.text({ ja: '開封率25%以上・問い合わせ3件', en: '25 % open rate, 3 inquiries' }),
        targetNumber: 3,
        plannedHours: r.pick([4, 5, 5, 6]),
      },
    );

    const fiscalYear = fiscalYearOf(year, month);
    // SEO series: one per fiscal half (April and October).
    if (month === 4 || month === 10) {
      const half = fiscalYear * 2 + (month === 10 ? 1 : 0);
      const topic = SEO_TOPICS[half % SEO_TOPICS.length] as Bilingual;
      const fields: InitiativeFields = {
        name: ctx.text({ ja: `SEOブログ連載「${topic.ja}」`, en: `SEO blog series: ${topic.en}` }),
        channel: 'seo',
        start: monthStart,
        end: cal.startOfDay(cal.dayNumber(year, month + 6, 1)),
        goal: ctx.text({ ja: '記事6本・自然検索流入+20%', en: '6 posts, +20 % organic traffic' }),
        targetNumber: 6,
        plannedHours: 30,
      };
      // Some halves pay a freelance writer; most are written in-house.
      if (r.chance(0.3)) fields.cost = r.step(50_000, 120_000, 10_000);
      add({ kind: 'seo', keyDay: cal.dayNumber(year, month, 1), days: 1, month, topic }, fields);
    }
    // Webinar: the second month of each fiscal quarter, third Thursday.
    if (month === 5 || month === 8 || month === 11 || month === 2) {
      const day = nthWeekday(ctx, year, month, 4, 3);
      const fiscalQuarter = Math.floor((month + 8) % 12 / 3); // May → 0, Aug → 1, Nov → 2, Feb → 3
      const topic = WEBINAR_TOPICS[(fiscalYear * 4 + fiscalQuarter) % WEBINAR_TOPICS.length] as Bilingual;
      const fields: InitiativeFields = {
        name: ctx.text({ ja: `ウェビナー「${topic.ja}」`, en: `Webinar: ${topic.en}` }),
        channel: 'webinar',
        start: cal.startOfDay(day - 28),
        end: cal.startOfDay(day + 14),
        goal: ctx.text({ ja: '参加30名・個別相談3件', en: '30 attendees, 3 follow-up meetings' }),
        targetNumber: 30,
        plannedHours: 16,
      };
      if (r.chance(0.5)) fields.cost = r.pick([10_000, 15_000, 30_000]);
      add({ kind: 'webinar', keyDay: day, days: 1, month, topic }, fields);
    }
    // Trade shows: every October, and some years a second one in February.
    if (month === 10 || (month === 2 && r.chance(0.5))) {
      const day = nthWeekday(ctx, year, month, 3, 2);
      const topic = r.pick(SHOW_NAMES);
      add(
        { kind: 'show', keyDay: day, days: 3, month, topic },
        {
          name: ctx.text({ ja: `${topic.ja} ${year} 出展`, en: `${topic.en} ${year}` }),
          channel: 'trade-show',
          // Preparation starts six weeks ahead; the follow-up runs three weeks after.
          start: cal.startOfDay(day - 42),
          end: cal.startOfDay(day + 21),
          goal: ctx.text({ ja: '名刺150枚・商談10件', en: '150 business cards, 10 meetings' }),
          targetNumber: 150,
          plannedHours: 40,
          cost: r.step(400_000, 900_000, 50_000),
        },
      );
    }
    // A two-month search-ad test each June.
    if (month === 6) {
      add(
        { kind: 'ads', keyDay: cal.dayNumber(year, month, 1), days: 1, month, topic: { ja: '', en: '' } },
        {
          name: ctx.text({ ja: `${year}年 リスティング広告テスト`, en: `Search ads test ${year}` }),
          channel: 'web-ad',
          start: monthStart,
          end: cal.startOfDay(cal.dayNumber(year, month + 2, 1)),
          goal: ctx.text({ ja: '資料請求20件・CPA 1万円以下', en: '20 document requests at ≤ ¥10,000 each' }),
          targetNumber: 20,
          plannedHours: 6,
          cost: r.step(200_000, 400_000, 50_000),
        },
      );
    }
  }
  // One idea not yet scheduled, so the "idea" status shows up in the list.
  const ideaDay = cal.dayNumber(lastDay.year, lastDay.month + 1, 1);
  drafts.push({
    plan: { kind: 'idea', keyDay: ideaDay, days: 1, month: lastDay.month, topic: { ja: '', en: '' } },
    fields: {
    name: ctx.text({ ja: '導入事例集の制作', en: 'Customer case-study booklet' }),
    channel: 'content' satisfies InitiativeChannel,
    start: cal.startOfDay(ideaDay),
    end: cal.startOfDay(ideaDay + 90),
    goal: ctx.text({ ja: '事例3社分・展示会で配布', en: 'Three customer stories, handed out at shows' }),
    },
  });

  const ordered = drafts
    .map((draft, order) => ({ ...draft, order }))
    .sort((a, b) => a.fields.start - b.fields.start || a.order - b.order);
  const plans: InitiativePlan[] = ordered.map(({ plan, fields }, i) => {
    const status = plan.kind === 'idea' ? 'idea' : fields.end <= now ? 'done' : fields.start <= now ? 'running' : 'planned';
    // Planned a few weeks ahead; never "created" after now.
    const createdAt = Math.min(now - (plan.kind === 'idea' ? 3 * DAY_MS : 0), fields.start - 21 * DAY_MS);
    const updatedAt = Math.min(now, Math.max(createdAt, status === 'done' ? fields.end + 2 * DAY_MS : fields.start));
    const initiative: Initiative = {
      id: sampleId('initiative', i + 1),
      ...fields,
      status,
      // Old finished initiatives get archived, as a tidy user would.
      archived: status === 'done' && fields.end < now - 730 * DAY_MS ? 1 : 0,
      createdAt,
      updatedAt,
    };
    return { ...plan, initiative };
  });

  const byKind = new Map<PlanKind, InitiativePlan[]>();
  for (const plan of plans) {
    const list = byKind.get(plan.kind) ?? [];
    list.push(plan);
    byKind.set(plan.kind, list);
  }
  return {
    initiatives: plans.map((p) => p.initiative),
    plans,
    ofKind: (kind) => byKind.get(kind) ?? [],
    runningAt(kind, instant) {
      const list = byKind.get(kind);
      if (!list) return undefined;
      // Plans of one kind never overlap and are sorted by start: binary search the last start ≤ instant.
      let lo = 0;
      let hi = list.length - 1;
      let found: InitiativePlan | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const plan = list[mid] as InitiativePlan;
        if (plan.initiative.start <= instant) {
          found = plan;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found && instant < found.initiative.end ? found : undefined;
    },
  };
}
