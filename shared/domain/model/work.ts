/** Time: the two kinds of work, their activity categories, planned boxes and logged entries. */

export const WORK_KINDS = ['sales', 'marketing'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const SALES_CATEGORIES = ['visit', 'call', 'proposal', 'follow-up', 'admin'] as const;
export const MARKETING_CATEGORIES = [
  'content',
  'newsletter',
  'seo',
  'event',
  'webinar',
  'social',
  'ads',
  'analysis',
  'planning',
] as const;
export type SalesCategory = (typeof SALES_CATEGORIES)[number];
export type MarketingCategory = (typeof MARKETING_CATEGORIES)[number];
export type Category = SalesCategory | MarketingCategory;

export const CATEGORIES_BY_KIND: Record<WorkKind, readonly Category[]> = {
  sales: SALES_CATEGORIES,
  marketing: MARKETING_CATEGORIES,
};

export function isCategoryOfKind(kind: WorkKind, category: string): category is Category {
  return (CATEGORIES_BY_KIND[kind] as readonly string[]).includes(category);
}

/** A planned block of time for one kind of work. Instants are epoch milliseconds, `end` exclusive. */
export interface TimeBox {
  id: string;
  kind: WorkKind;
  category: Category;
  title: string;
  start: number;
  end: number;
  initiativeId?: string;
  /** Boxes created by "repeat weekly" share a series id. */
  seriesId?: string;
  note?: string;
  createdAt: number;
  updatedAt: number;
}

export type TimeEntrySource = 'timer' | 'manual' | 'import';

/** Time actually spent. `[start, end)`, may cross midnight. */
export interface TimeEntry {
  id: string;
  kind: WorkKind;
  category: Category;
  start: number;
  end: number;
  note?: string;
  /** The planned box this entry was logged against, if any. */
  boxId?: string;
  initiativeId?: string;
  /** True for a sales entry that interrupted a marketing box. */
  interruption?: boolean;
  source: TimeEntrySource;
  createdAt: number;
  updatedAt: number;
}

/**
 * The focus timer, stored as instants (never as a ticking count) so that a reload, a crash or
 * a sleeping laptop can neither lose nor invent time. There is at most one, with id 'current'.
 */
export interface RunningTimer {
  id: 'current';
  kind: WorkKind;
  category: Category;
  note?: string;
  boxId?: string;
  initiativeId?: string;
  /** Start of the segment now running; null while paused. */
  runningSince: number | null;
  /** When the timer was first started (segments before a pause are already entries). */
  startedAt: number;
  /** When the user last showed a sign of life (input, resume): used to ask about long gaps. */
  lastActivityAt: number;
  /** Set on a sales timer that interrupted a marketing box: what "Back to the box" resumes. */
  interrupted?: {
    boxId?: string;
    category: MarketingCategory;
    initiativeId?: string;
    note?: string;
  };
}
