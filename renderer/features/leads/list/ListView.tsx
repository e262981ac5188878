/**
 * The lead list: every lead, filtered and sorted, in a virtual table that stays smooth with
 * 20,000 leads. The rows come from the shared lead store (read once, then kept current); the list
 * is sorted once per sort order and data change, and only filtered while the user types, at a
 * deferred priority so typing never waits for the table.
 */
import { useCallback, useDeferredValue, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { filterLeadRows, isFiltering, nextSort, sortLeadRows, type LeadSortKey } from '../../../../shared/domain/lead-list';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { useLanguage, useSettings, useSystem } from '../../../app/services';
import { useNow } from '../../../app/useNow';
import { useLeadsUi } from '../../../stores/leads';
import { FilterBar } from './FilterBar';
import { LeadTable, type ListMemory } from './LeadTable';
import { LoadState } from './LoadState';
import { minuteOf, textCompare, useFlagLabels, useInitiatives, useLeadFlags, useLeadRows, useListFilter } from './lead-rows';
import { useFillHeight } from './useFillHeight';
import './list.css';

// Where the list was scrolled and which row had focus, kept while the app runs so coming back
// from a lead lands where the user left. UI state only: an id and a pixel offset, never rows.
let left: ListMemory = { scrollTop: 0, activeId: null };
const memory = {
  get: () => left,
  set: (next: ListMemory) => {
    left = next;
  },
};

export default function ListView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const now = minuteOf(useNow(60_000));
  const [, navigate] = useLocation();
  const { data, error, retry } = useLeadRows();
  const initiatives = useInitiatives();
  const { filters, filter } = useListFilter(true);
  const setFilters = useLeadsUi((s) => s.setFilters);
  const openDialog = useLeadsUi((s) => s.open);
  const flags = useLeadFlags(data, now);
  const flagLabels = useFlagLabels();
  const tableRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(tableRef, 320);

  const sorted = useMemo(() => (data ? sortLeadRows(data.rows, filters.sort, textCompare(language)) : []), [data, filters.sort, language]);
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterLeadRows(sorted, deferredFilter), [sorted, deferredFilter]);
  const initiativeNames = useMemo(() => new Map((initiatives ?? []).map((i) => [i.id, i.name])), [initiatives]);
  const total = data?.rows.length ?? 0;

  const onSort = useCallback((key: LeadSortKey) => setFilters({ sort: nextSort(useLeadsUi.getState().filters.sort, key) }), [setFilters]);
  const onOpen = useCallback((id: string) => navigate(`/lead/${id}`), [navigate]);
  const clearFilters = () => setFilters({ text: '', sources: [], stages: [], initiativeId: null });

  return (
    <>
      <FilterBar withStages shown={shown.length} total={total} initiatives={initiatives} />
      <div ref={tableRef} className="lead-list" aria-busy={data === null}>
        {data === null ? (
          <LoadState error={error} retry={retry} />
        ) : total === 0 ? (
          <EmptyState title={t('leadBoard.noneTitle')} body={t('leadBoard.noneBody')}>
            <Button variant="primary" onClick={() => openDialog({ type: 'quick-add' })}>
              {t('leads.quickAdd')}
            </Button>
          </EmptyState>
        ) : shown.length === 0 && isFiltering(deferredFilter) ? (
          <EmptyState title={t('leadBoard.list.emptyTitle')} body={t('leadBoard.list.emptyBody')}>
            <Button onClick={clearFilters}>{t('leadBoard.filters.clear')}</Button>
          </EmptyState>
        ) : (
          <LeadTable
            rows={shown}
            flags={flags}
            flagLabels={flagLabels}
            initiativeNames={initiativeNames}
            sort={filters.sort}
            onSort={onSort}
            onOpen={onOpen}
            language={language}
            currency={settings.currency}
            timeZone={timeZone}
            sourceOrigins={settings.sourceOrigins}
            now={now}
            height={height}
            memory={memory}
            resetKey={JSON.stringify([deferredFilter, filters.sort])}
          />
        )}
        {data !== null && error ? <LoadState error={error} retry={retry} /> : null}
      </div>
    </>
  );
}
