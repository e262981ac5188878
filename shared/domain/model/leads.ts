/** Leads: where each came from, the stages it went through, and the events that moved it. */

export const LEAD_STAGES = ['new', 'contacted', 'opportunity', 'proposal', 'won', 'lost', 'dropped'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const OPEN_STAGES: readonly LeadStage[] = ['new', 'contacted', 'opportunity', 'proposal'];
/** Reaching any of these makes a lead an opportunity, even when it skipped stages. */
export const OPPORTUNITY_STAGES: readonly LeadStage[] = ['opportunity', 'proposal', 'won'];

export const DEFAULT_STAGE_PROBABILITIES: Record<LeadStage, number> = {
  new: 0.05,
  contacted: 0.1,
  opportunity: 0.3,
  proposal: 0.6,
  won: 1,
  lost: 0,
  dropped: 0,
};

export const SOURCE_IDS = [
  'web-form',
  'document-download',
  'newsletter',
  'webinar',
  'trade-show',
  'seo',
  'web-ad',
  'social',
  'referral',
  'existing-customer',
  'outbound',
  'other',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];
export type SourceOrigin = 'marketing' | 'sales';

/** Outbound, existing customer and referral are sales origin by default (DOMAIN.md). */
export const DEFAULT_SOURCE_ORIGINS: Record<SourceId, SourceOrigin> = {
  'web-form': 'marketing',
  'document-download': 'marketing',
  newsletter: 'marketing',
  webinar: 'marketing',
  'trade-show': 'marketing',
  seo: 'marketing',
  'web-ad': 'marketing',
  social: 'marketing',
  referral: 'sales',
  'existing-customer': 'sales',
  outbound: 'sales',
  other: 'marketing',
};

export const LOSS_REASONS = ['price', 'timing', 'competitor', 'no-need', 'no-response', 'other'] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

export const CONTACT_CHANNELS = ['call', 'email', 'visit', 'meeting'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface Lead {
  id: string;
  createdAt: number;
  company: string;
  person: string;
  title?: string;
  email?: string;
  phone?: string;
  source: SourceId;
  /** Intent differs widely within one channel: "quote button", "document request". */
  sourceDetail?: string;
  initiativeId?: string;
  /** Current stage; the history is in LeadEvent rows. */
  stage: LeadStage;
  /** Expected or won value, integer in the currency's minor unit. */
  value?: number;
  expectedCloseAt?: number;
  nextActionAt?: number;
  note?: string;
  /** 決め手: what made the customer choose (or reject) us. */
  decisionMoment?: string;
  lossReason?: LossReason;
  lesson?: string;
  dropReason?: string;
  updatedAt: number;
}

export type LeadEvent =
  | {
      id: string;
      leadId: string;
      at: number;
      type: 'stage';
      from: LeadStage | null;
      to: LeadStage;
    }
  | {
      id: string;
      leadId: string;
      at: number;
      type: 'contact';
      channel: ContactChannel;
      note?: string;
    };

export const INITIATIVE_CHANNELS = [
  'newsletter',
  'seo',
  'trade-show',
  'webinar',
  'social',
  'web-ad',
  'content',
  'other',
] as const;
export type InitiativeChannel = (typeof INITIATIVE_CHANNELS)[number];

export const INITIATIVE_STATUSES = ['idea', 'planned', 'running', 'done'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** 施策: a marketing effort with a channel, a goal and a period. */
export interface Initiative {
  id: string;
  name: string;
  channel: InitiativeChannel;
  status: InitiativeStatus;
  /** Period `[start, end)` as instants. */
  start: number;
  end: number;
  goal?: string;
  targetNumber?: number;
  plannedHours?: number;
  /** Integer in the currency's minor unit. */
  cost?: number;
  /** 0 or 1: IndexedDB cannot index booleans. */
  archived: 0 | 1;
  createdAt: number;
  updatedAt: number;
}

/** A revenue goal for a fiscal year (quarter null) or one fiscal quarter (1–4). */
export interface Goal {
  id: string;
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4 | null;
  revenue: number;
  /** The user's assumptions, used where there is too little history. */
  assumptions?: { averageDealValue?: number; winRate?: number; leadToOpportunityRate?: number };
  updatedAt: number;
}
