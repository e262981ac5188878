/** Small wins and the leading indicators (metrics) recorded as evidence that marketing works. */

export const WIN_TYPES = [
  'inquiry',
  'reply',
  'meeting-booked',
  'content-published',
  'spike',
  'referral',
  'deal',
  'other',
] as const;
export type WinType = (typeof WIN_TYPES)[number];

export interface Win {
  id: string;
  at: number;
  title: string;
  type: WinType;
  initiativeId?: string;
  leadId?: string;
  /** "+35 opens": a number with a unit. */
  amount?: number;
  unit?: string;
  tags: string[];
  /** 0 or 1 ("show in the report"); IndexedDB cannot index booleans. */
  starred: 0 | 1;
  note?: string;
  createdAt: number;
  updatedAt: number;
}

export const BUILTIN_METRICS = [
  'business-cards',
  'emails-sent',
  'email-opens',
  'page-views',
  'inquiries',
  'document-downloads',
  'webinar-attendees',
] as const;
export type BuiltinMetric = (typeof BUILTIN_METRICS)[number];

export type MetricPeriod = 'week' | 'month';

export interface MetricDefinition {
  id: string;
  /** Built-in metrics are named by i18n until the user renames them. */
  builtin?: BuiltinMetric;
  name?: string;
  unit: string;
  period: MetricPeriod;
  archived: 0 | 1;
  order: number;
  createdAt: number;
}

export interface MetricEntry {
  id: string;
  metricId: string;
  /** First calendar day of the week or month, as 'YYYY-MM-DD' in the user's calendar. */
  period: string;
  value: number;
  updatedAt: number;
}

/** A report exactly as it was exported: reopening shows what was sent, even after data changed. */
export interface SavedReport {
  id: string;
  createdAt: number;
  periodStart: number;
  periodEnd: number;
  language: 'ja' | 'en';
  title: string;
  /** The computed report object at export time (shape owned by shared/domain/report.ts). */
  snapshot: unknown;
  comment: string;
  plan: string;
}
