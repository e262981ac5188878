/**
 * Small text helpers of the lead screens: a lead's display name, error keys turned into messages
 * (with the limits the messages mention), and relative dates ("3 days ago").
 */
import { useTranslation } from 'react-i18next';
import { LEAD_LIMITS } from '../../../../shared/domain/lead-input';
import type { Lead } from '../../../../shared/domain/model';
import type { Language } from '../../../../shared/domain/model/settings';

/** What a lead is called in one line: its company, or the person when there is no company. */
export function leadName(lead: Pick<Lead, 'company' | 'person'>): string {
  return lead.company || lead.person;
}

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/**
 * A translator for keys that are data (validation results, keys built from ids). Keys are still
 * checked where they are written (shared/domain returns only keys that exist).
 */
export function useLooseT(): LooseT {
  const { t } = useTranslation();
  return t as unknown as LooseT;
}

/** The longest text each field accepts, for "Use at most {{max}} characters". */
const MAX_LENGTH: Record<string, number> = {
  company: LEAD_LIMITS.name,
  person: LEAD_LIMITS.name,
  title: LEAD_LIMITS.name,
  sourceDetail: LEAD_LIMITS.name,
  email: LEAD_LIMITS.email,
  phone: LEAD_LIMITS.phone,
  note: LEAD_LIMITS.text,
  decisionMoment: LEAD_LIMITS.text,
  lesson: LEAD_LIMITS.text,
  dropReason: LEAD_LIMITS.text,
};

/** Turns a field's error key into its message in the user's language (null when there is none). */
export function useErrorText(): (key: string | undefined | null, field?: string, params?: Record<string, unknown>) => string | null {
  const t = useLooseT();
  return (key, field, params) => (key ? t(key, { max: field ? MAX_LENGTH[field] : undefined, ...params }) : null);
}

const relativeFormats = new Map<Language, Intl.RelativeTimeFormat>();

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000],
  ['month', 30 * 86_400_000],
  ['year', 365 * 86_400_000],
];

/** "3 days ago" / "3 日前", "in 2 hours" / "2 時間後"; under a minute reads "just now". */
export function formatRelative(instant: number, now: number, language: Language, justNow: string): string {
  const diff = instant - now;
  const size = Math.abs(diff);
  if (size < 60_000) return justNow;
  let format = relativeFormats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    relativeFormats.set(language, format);
  }
  let unit = STEPS[0]!;
  for (const step of STEPS) if (size >= step[1]) unit = step;
  // Rounded, as people say it: 2 h 59 min ago is "3 hours ago".
  return format.format(Math.round(diff / unit[1]), unit[0]);
}
