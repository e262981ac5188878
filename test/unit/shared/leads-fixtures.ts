// Builders for the lead tests. Instants are ISO strings WITH their offset, so the fixtures mean
// the same thing in every process time zone (the shared tests run in Tokyo and Los Angeles).
import type { ContactChannel, Lead, LeadEvent, LeadStage, SourceId } from '../../../shared/domain/model';

export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad fixture ${iso}`);
  return ms;
};

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const TOKYO = 'Asia/Tokyo';
export const BERLIN = 'Europe/Berlin';
export const NEW_YORK = 'America/New_York';
export const CAIRO = 'Africa/Cairo';

const instant = (t: number | string): number => (typeof t === 'string' ? at(t) : t);

let counter = 0;

export function lead(id: string, createdAt: number | string, extra: Partial<Lead> = {}): Lead {
  const created = instant(createdAt);
  return {
    id,
    createdAt: created,
    company: `Company ${id}`,
    person: `Person ${id}`,
    source: 'web-form',
    stage: 'new',
    updatedAt: created,
    ...extra,
  };
}

export function stage(leadId: string, when: number | string, from: LeadStage | null, to: LeadStage): LeadEvent {
  counter += 1;
  return { id: `s${counter}`, leadId, at: instant(when), type: 'stage', from, to };
}

export function contact(leadId: string, when: number | string, channel: ContactChannel = 'call'): LeadEvent {
  counter += 1;
  return { id: `c${counter}`, leadId, at: instant(when), type: 'contact', channel };
}

/**
 * A lead and its stage history as the app writes it: a creation event (from null) then one event
 * per move, each `from` the previous stage. The lead's cached stage is the last one.
 */
export function leadWithHistory(
  id: string,
  createdAt: string,
  moves: readonly (readonly [string, LeadStage])[],
  extra: Partial<Lead> & { source?: SourceId } = {},
): { lead: Lead; events: LeadEvent[] } {
  const events: LeadEvent[] = [stage(id, createdAt, null, 'new')];
  let current: LeadStage = 'new';
  for (const [when, to] of moves) {
    events.push(stage(id, when, current, to));
    current = to;
  }
  return { lead: lead(id, createdAt, { stage: current, ...extra }), events };
}

/** Deterministic shuffle (reversal plus interleave) to check that input order does not matter. */
export function scramble<T>(items: readonly T[]): T[] {
  const reversed = [...items].reverse();
  const out: T[] = [];
  for (let i = 0; i < reversed.length; i += 2) out.push(reversed[i] as T);
  for (let i = 1; i < reversed.length; i += 2) out.push(reversed[i] as T);
  return out;
}

// ---------------------------------------------------------------------------------------------
// November 2025 in Tokyo: the scenario the period figures are checked against, by hand.
// Tokyo has no DST, so every day is 24 h; 2025-11-01 is a Saturday.

export const NOV_2025 = { start: at('2025-11-01T00:00:00+09:00'), end: at('2025-12-01T00:00:00+09:00') };
export const DEC_10 = at('2025-12-10T12:00:00+09:00');
export const NOV_29 = at('2025-11-29T12:00:00+09:00');

/**
 * Fourteen leads. In brief (cohort = created in November):
 * L1  newsletter   cohort, created at the period's first instant; → won 11-28, ¥1,000,000
 * L2  web-form     created at the period's END instant: December's cohort
 * L3  outbound     cohort (sales origin); opportunity → lost 11-25 (a lost deal)
 * L4  seo          cohort; contacted → lost 11-20 without being an opportunity (a lost lead)
 * L5  existing     cohort (sales origin); new → won 11-14, skipping every stage; ¥300,000
 * L6  trade-show   cohort, initiative show-nov; contacted late (SLA missed); opportunity 12-05
 * L7  web-ad       cohort, Friday 18:00, never contacted
 * L8  referral     October's cohort (sales origin); won 11-18, ¥800,000
 * L9  newsletter   September's cohort; in proposal since October, ¥1,500,000
 * L10 webinar      October's cohort; opportunity since October, NO value
 * L11 download     October's cohort; opportunity → dropped 11-21 (a dropped deal = lost)
 * L12 newsletter   cohort, initiative nl-nov; contact log same day; opportunity 11-30 23:00, ¥400,000
 * L13 outbound     cohort, initiative show-nov (so marketing-sourced); opportunity 11-17, ¥600,000
 * L14 seo          October's cohort; won at the period's last millisecond, NO value
 */
export function novemberScenario(): { leads: Lead[]; events: LeadEvent[] } {
  const t = (day: string, time = '10:00:00') => `2025-${day}T${time}+09:00`;
  const built = [
    leadWithHistory('L1', t('11-01', '00:00:00'), [[t('11-03'), 'contacted'], [t('11-10'), 'opportunity'], [t('11-20'), 'proposal'], [t('11-28', '00:00:00'), 'won']], { source: 'newsletter', value: 1_000_000 }),
    leadWithHistory('L2', t('12-01', '00:00:00'), [[t('12-01'), 'contacted']], { source: 'web-form' }),
    leadWithHistory('L3', t('11-05'), [[t('11-05', '11:00:00'), 'contacted'], [t('11-12'), 'opportunity'], [t('11-25'), 'lost']], { source: 'outbound', value: 500_000 }),
    leadWithHistory('L4', t('11-06', '09:00:00'), [[t('11-06', '12:00:00'), 'contacted'], [t('11-20'), 'lost']], { source: 'seo' }),
    leadWithHistory('L5', t('11-10', '09:00:00'), [[t('11-14', '09:00:00'), 'won']], { source: 'existing-customer', value: 300_000 }),
    leadWithHistory('L6', t('11-12'), [[t('11-14'), 'contacted'], [t('12-05'), 'opportunity']], { source: 'trade-show', initiativeId: 'show-nov', value: 2_000_000 }),
    leadWithHistory('L7', t('11-28', '18:00:00'), [], { source: 'web-ad' }),
    leadWithHistory('L8', t('10-20'), [[t('10-21'), 'contacted'], [t('10-25'), 'opportunity'], [t('11-18'), 'won']], { source: 'referral', value: 800_000 }),
    leadWithHistory('L9', t('09-01'), [[t('09-02'), 'contacted'], [t('09-10'), 'opportunity'], [t('10-01'), 'proposal']], { source: 'newsletter', value: 1_500_000 }),
    leadWithHistory('L10', t('10-01'), [[t('10-10'), 'opportunity']], { source: 'webinar' }),
    leadWithHistory('L11', t('10-05'), [[t('10-08'), 'opportunity'], [t('11-21'), 'dropped']], { source: 'document-download', value: 700_000 }),
    leadWithHistory('L12', t('11-20'), [[t('11-30', '23:00:00'), 'opportunity']], { source: 'newsletter', initiativeId: 'nl-nov', value: 400_000 }),
    leadWithHistory('L13', t('11-13'), [[t('11-13', '11:00:00'), 'contacted'], [t('11-17'), 'opportunity']], { source: 'outbound', initiativeId: 'show-nov', value: 600_000 }),
    leadWithHistory('L14', t('10-01', '23:59:59.999'), [[t('10-05'), 'opportunity'], [t('11-30', '23:59:59.999'), 'won']], { source: 'seo' }),
  ];
  const events = built.flatMap((b) => b.events);
  events.push(contact('L12', t('11-20', '15:00:00'), 'email'));
  return { leads: built.map((b) => b.lead), events };
}
