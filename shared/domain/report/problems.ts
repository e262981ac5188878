/**
 * Problems and lessons: why deals were won (決め手) and lost, and the leads rotting at the cut-off.
 */
import type { Period } from '../calendar';
import { CLOSED_LOST_STAGES, followUpDueAt, inPeriod, isMarketingSourced, isOverdueForFirstContact, isStale, lastContactAt, leadStageAt } from '../leads';
import type { LeadFacts, StageEvent } from '../leads';
import { LOSS_REASONS, OPEN_STAGES } from '../model';
import type { Initiative, Lead, LossReason } from '../model';
import type { LeadContext } from './lead-figures';
import type { FollowUpNote, LossNote, ProblemsSection, WonDealNote } from './types';
import { REPORT_LIST_LIMIT } from './types';

type Names = ReadonlyMap<string, Initiative>;

function note(lead: Lead, marketingSourced: boolean, initiatives: Names) {
  const initiativeId = lead.initiativeId || null;
  return {
    leadId: lead.id,
    company: lead.company,
    person: lead.person,
    source: lead.source,
    marketingSourced,
    initiativeId,
    initiativeName: initiativeId === null ? null : (initiatives.get(initiativeId)?.name ?? null),
  };
}

const valueOf = (lead: Lead): number | null => (lead.value !== undefined && Number.isFinite(lead.value) ? lead.value : null);
const text = (value: string | undefined): string | null => (value !== undefined && value.trim() !== '' ? value : null);

/**
 * When a lead that was never an opportunity was lost or dropped: the start of the final run of
 * lost/dropped moves (lost → dropped is still the day it was lost), as leads.ts dates a lost deal.
 * null while it is open, and for deals (leads.ts `close` dates those).
 */
function lostLeadAt(facts: LeadFacts): { at: number; event: StageEvent } | null {
  if (facts.opportunityAt !== null) return null;
  const stages = facts.stages;
  let i = stages.length - 1;
  if (i < 0 || !CLOSED_LOST_STAGES.includes((stages[i] as StageEvent).to)) return null;
  while (i > 0 && CLOSED_LOST_STAGES.includes((stages[i - 1] as StageEvent).to)) i--;
  const event = stages[i] as StageEvent;
  return { at: event.at, event };
}

const byAtThenId = (a: { at: number; leadId: string }, b: { at: number; leadId: string }) =>
  a.at - b.at || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0);

export function problems(args: {
  ctx: LeadContext;
  won: readonly LeadFacts[];
  observed: Period;
  cutoff: number;
  staleLeadDays: number;
  initiatives: Names;
}): ProblemsSection {
  const { ctx, observed, cutoff, initiatives } = args;
  const isMarketing = (lead: Lead) => isMarketingSourced(lead, ctx.sourceOrigins);

  const wonDeals: WonDealNote[] = args.won.map((f) => ({
    ...note(f.lead, isMarketing(f.lead), initiatives),
    at: (f.close as { at: number }).at,
    value: valueOf(f.lead),
    decisionMoment: text(f.lead.decisionMoment),
  }));

  const losses: LossNote[] = [];
  const reasons = new Map<LossReason | 'unspecified', { deals: number; leads: number }>(
    [...LOSS_REASONS, 'unspecified' as const].map((r) => [r, { deals: 0, leads: 0 }]),
  );
  const overdue: FollowUpNote[] = [];
  const stale: FollowUpNote[] = [];
  for (const f of ctx.facts) {
    const { lead } = f;
    const deal = f.close !== null && f.close.outcome === 'lost' && inPeriod(f.close.at, observed) ? f.close : null;
    const lostLead = deal ? null : lostLeadAt(f);
    const loss = deal ?? (lostLead && inPeriod(lostLead.at, observed) ? lostLead : null);
    if (loss) {
      const reason = lead.lossReason && (LOSS_REASONS as readonly string[]).includes(lead.lossReason) ? lead.lossReason : 'unspecified';
      const tally = reasons.get(reason) as { deals: number; leads: number };
      if (deal) tally.deals++;
      else tally.leads++;
      losses.push({
        ...note(lead, isMarketing(lead), initiatives),
        kind: deal ? 'deal' : 'lead',
        stage: loss.event.to === 'dropped' ? 'dropped' : 'lost',
        at: loss.at,
        value: valueOf(lead),
        lossReason: reason === 'unspecified' ? null : reason,
        decisionMoment: text(lead.decisionMoment),
        lesson: text(lead.lesson),
        dropReason: text(lead.dropReason),
      });
    }
    // Follow-ups at the cut-off: open leads created by then (leads.ts judges both rules).
    if (lead.createdAt > cutoff) continue;
    // Most leads ended long before the cut-off: their last move is to a closed stage, made by
    // then. Skipping them here saves three history walks each on a ten-year database.
    const last = f.stages[f.stages.length - 1];
    if (last && last.at <= cutoff && !OPEN_STAGES.includes(last.to)) continue;
    const stage = leadStageAt(lead, ctx.index, cutoff);
    if (stage === null || !OPEN_STAGES.includes(stage)) continue;
    const base = { ...note(lead, isMarketing(lead), initiatives), stage, createdAt: lead.createdAt };
    if (isOverdueForFirstContact(lead, ctx.index, ctx.slaHours, cutoff, ctx.timeZone)) {
      overdue.push({ ...base, since: followUpDueAt(lead, ctx.slaHours, ctx.timeZone) });
    } else if (isStale(lead, ctx.index, args.staleLeadDays, cutoff)) {
      stale.push({ ...base, since: lastContactAt(lead, ctx.index, cutoff) });
    }
  }
  const bySince = (a: FollowUpNote, b: FollowUpNote) => a.since - b.since || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0);
  losses.sort(byAtThenId);
  overdue.sort(bySince);
  stale.sort(bySince);
  return {
    wonDeals: wonDeals.slice(0, REPORT_LIST_LIMIT),
    wonDealsTotal: wonDeals.length,
    losses: losses.slice(0, REPORT_LIST_LIMIT),
    lossesTotal: losses.length,
    lossReasons: [...reasons].map(([reason, t]) => ({ reason, deals: t.deals, leads: t.leads })),
    overdue: overdue.slice(0, REPORT_LIST_LIMIT),
    overdueTotal: overdue.length,
    stale: stale.slice(0, REPORT_LIST_LIMIT),
    staleTotal: stale.length,
  };
}
