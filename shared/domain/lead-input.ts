/**
 * Validation of what the user types about a lead, and of the details a closing stage asks for.
 * Error values are i18n keys, so the renderer shows them in the user's language.
 */
import type { Lead, LeadStage, LossReason } from './model';
import { LOSS_REASONS, SOURCE_IDS } from './model';

export const LEAD_LIMITS = {
  name: 120,
  text: 2000,
  email: 254,
  phone: 40,
  /** Integer minor units; a trillion yen is past any deal a small company makes. */
  maxValue: 1e12,
} as const;

export type LeadDraft = Pick<Lead, 'company' | 'person' | 'source'> &
  Partial<Pick<Lead, 'title' | 'email' | 'phone' | 'sourceDetail' | 'initiativeId' | 'value' | 'expectedCloseAt' | 'nextActionAt' | 'note' | 'createdAt'>>;

export type LeadErrors = Partial<Record<keyof LeadDraft | 'name', string>>;

// Loose on purpose: one @, something on both sides, a dot in the domain. Real validation is
// the reply; a strict pattern would refuse addresses that work.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateMoney(value: number | undefined): string | null {
  if (value === undefined) return null;
  if (!Number.isFinite(value)) return 'validation.number';
  if (!Number.isInteger(value)) return 'validation.integer';
  if (value < 0) return 'leads.error.negativeValue';
  if (value > LEAD_LIMITS.maxValue) return 'leads.error.absurdValue';
  return null;
}

export function validateLeadDraft(draft: LeadDraft): LeadErrors {
  const errors: LeadErrors = {};
  const company = draft.company.trim();
  const person = draft.person.trim();
  if (!company && !person) errors.name = 'leads.error.nameRequired';
  if (company.length > LEAD_LIMITS.name) errors.company = 'validation.tooLong';
  if (person.length > LEAD_LIMITS.name) errors.person = 'validation.tooLong';
  if (!(SOURCE_IDS as readonly string[]).includes(draft.source)) errors.source = 'validation.invalid';
  const email = draft.email?.trim();
  if (email && (email.length > LEAD_LIMITS.email || !EMAIL.test(email))) errors.email = 'leads.error.email';
  if (draft.phone && draft.phone.trim().length > LEAD_LIMITS.phone) errors.phone = 'validation.tooLong';
  if ((draft.note?.length ?? 0) > LEAD_LIMITS.text) errors.note = 'validation.tooLong';
  if ((draft.sourceDetail?.length ?? 0) > LEAD_LIMITS.name) errors.sourceDetail = 'validation.tooLong';
  const value = validateMoney(draft.value);
  if (value) errors.value = value;
  if (draft.expectedCloseAt !== undefined && draft.createdAt !== undefined && draft.expectedCloseAt < draft.createdAt) {
    errors.expectedCloseAt = 'leads.error.closeBeforeCreation';
  }
  return errors;
}

/** Trims text fields and drops empty optional ones, so "" never reaches the database. */
export function normalizeLeadDraft<T extends LeadDraft>(draft: T): T {
  const out: Record<string, unknown> = { ...draft, company: draft.company.trim(), person: draft.person.trim() };
  for (const key of ['title', 'email', 'phone', 'sourceDetail', 'note', 'initiativeId'] as const) {
    const value = draft[key];
    if (typeof value === 'string' && value.trim()) out[key] = value.trim();
    else delete out[key];
  }
  return out as T;
}

/** What moving to a closing stage asks for (DOMAIN: the decision moment and loss reasons feed the lessons). */
export interface StageDetails {
  value?: number;
  decisionMoment?: string;
  lossReason?: LossReason;
  lesson?: string;
  dropReason?: string;
}

export function validateStageDetails(to: LeadStage, details: StageDetails): Partial<Record<keyof StageDetails, string>> {
  const errors: Partial<Record<keyof StageDetails, string>> = {};
  if (to === 'won') {
    if (details.value === undefined) errors.value = 'leads.error.valueRequired';
    else {
      const money = validateMoney(details.value);
      if (money) errors.value = money;
    }
  }
  if (to === 'lost' && (!details.lossReason || !(LOSS_REASONS as readonly string[]).includes(details.lossReason))) {
    errors.lossReason = 'leads.error.lossReasonRequired';
  }
  if (to === 'dropped' && !details.dropReason?.trim()) errors.dropReason = 'leads.error.dropReasonRequired';
  for (const key of ['decisionMoment', 'lesson', 'dropReason'] as const) {
    if ((details[key]?.length ?? 0) > LEAD_LIMITS.text) errors[key] = 'validation.tooLong';
  }
  return errors;
}
