/**
 * What the board and the list share: the live lead rows (see renderer/db/lead-queries.ts), the
 * follow-up flags at the current minute, the initiatives' names, and the filters of the store.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { leadFlags, type LeadFlag, type LeadListFilter, type LeadListRow } from '../../../../shared/domain/lead-list';
import type { Initiative, Language } from '../../../../shared/domain/model';
import { useDb, useSettings, useSystem } from '../../../app/services';
import { leadRowsStore, type LeadRowsData, type LeadRowsState } from '../../../db/lead-queries';
import { useLeadsUi, type LeadFilters } from '../../../stores/leads';

export function useLeadRows(): LeadRowsState & { retry: () => void } {
  const store = leadRowsStore(useDb());
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const retry = useCallback(() => store.reload(), [store]);
  return { ...state, retry };
}

/** Overdue and stale leads at `now` (pass a minute-rounded instant: this walks the open leads). */
export function useLeadFlags(data: LeadRowsData | null, now: number): ReadonlyMap<string, LeadFlag> {
  const settings = useSettings();
  const { timeZone } = useSystem();
  const { followUpSlaHours, staleLeadDays } = settings;
  return useMemo(
    () => (data ? leadFlags(data.rows, data.events, { followUpSlaHours, staleLeadDays, timeZone }, now) : new Map<string, LeadFlag>()),
    [data, followUpSlaHours, staleLeadDays, timeZone, now],
  );
}

export type FlagLabels = Readonly<Record<LeadFlag, { short: string; long: string }>>;

/** The badges' words: short on the badge, the full sentence for its tooltip and screen readers. */
export function useFlagLabels(): FlagLabels {
  const { t } = useTranslation();
  const { staleLeadDays } = useSettings();
  return useMemo(
    () => ({
      overdue: { short: t('leadBoard.overdue'), long: t('leadBoard.overdueLong') },
      stale: { short: t('leadBoard.stale'), long: t('leadBoard.staleLong', { days: staleLeadDays }) },
    }),
    [t, staleLeadDays],
  );
}

/** Every initiative, newest first, for the filter and the list's names (a few hundred rows at most). */
export function useInitiatives(): Initiative[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.initiatives.orderBy('start').reverse().toArray(), [db]);
}

const collators = new Map<Language, Intl.Collator>();

/** Names compare as the user's language orders them, digits by value ("Item 2" before "Item 10"). */
export function textCompare(language: Language): (a: string, b: string) => number {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
    collators.set(language, collator);
  }
  return collator.compare;
}

/** The store's filters as the pure filter takes them; the board leaves stages to its columns. */
export function useListFilter(withStages: boolean): { filters: LeadFilters; filter: LeadListFilter } {
  const filters = useLeadsUi((s) => s.filters);
  const filter = useMemo(
    () => ({ text: filters.text, sources: filters.sources, stages: withStages ? filters.stages : [], initiativeId: filters.initiativeId }),
    [filters.text, filters.sources, filters.stages, filters.initiativeId, withStages],
  );
  return { filters, filter };
}

/** The minute `now` is in: flags and "days in stage" change by the minute at most. */
export function minuteOf(now: number): number {
  return Math.floor(now / 60_000) * 60_000;
}

export type { LeadListRow };
