/**
 * 小さな成功 The wins timeline: grouped by week (the user's week start and time zone), newest
 * first, with filters (type, initiative, starred, text), inline star, edit and undoable delete.
 *
 * It reads a window of weeks by the `at` index — the last 12 at first, a quarter, the longest
 * report period — and "Show earlier" widens it 12 weeks at a time (or jumps a long gap straight to
 * the next earlier win). Years of wins are thousands of rows; the screen draws and filters only
 * the window, so opening it costs the same in the first month and the fifth year.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDaysToKey, dayKey, instantOfDayKey, weekContaining } from '../../../shared/domain/calendar';
import { WIN_TYPES, type Initiative, type Lead, type Win } from '../../../shared/domain/model';
import { filterWins, groupWinsByWeek } from '../../../shared/domain/wins';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import type { TFunction } from 'i18next';
import type { TwoHatsDatabase } from '../../db/database';
import { useDb, useLanguage, useSettings, useSystem } from '../../app/services';
import { useNow } from '../../app/useNow';
import { reportWriteError } from '../../app/write-errors';
import { defaultWindowStart, deleteWin, earlierWindowStart, latestWinBefore, restoreWin, setWinStarred, starredWinsIn, winsIn } from '../../db/wins';
import { formatDate } from '../../i18n/format';
import { useToasts } from '../../stores/toasts';
import { CaptureButton } from './CaptureDialog';
import { captureKeysLabel } from './shortcut';
import { WinItem, winItemLabels } from './WinItem';
import { WinFormDialog } from './WinFormDialog';
import { filtersActive, useWinsUi, type WinFilters } from './wins-store';
import './wins.css';

/** Weeks drawn in the first frame; a screenful even for a busy week. */
const FIRST_WEEKS = 3;

export default function WinsScreen() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { weekStartsOn } = useSettings();
  const { timeZone } = useSystem();
  const now = useNow(60_000);
  const show = useToasts((s) => s.show);
  const { filters, setFilters, clearFilters, windowStart: chosenStart, setWindowStart, editingId, edit, closeEdit } = useWinsUi();
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const windowStart = chosenStart ?? defaultWindowStart(now, timeZone, weekStartsOn);
  const { starredOnly } = filters;
  const wins = useLiveQuery(
    () => (starredOnly ? starredWinsIn(db, { start: windowStart, end: Infinity }) : winsIn(db, { start: windowStart, end: Infinity })),
    [db, windowStart, starredOnly],
  );
  const earlier = useLiveQuery(async () => (await latestWinBefore(db, windowStart)) ?? null, [db, windowStart]);
  const names = useNames(wins);
  // The id travels with the row: while the query for a new id runs, the old answer is not taken for it.
  const edited = useLiveQuery(async () => (editingId ? { id: editingId, win: (await db.wins.get(editingId)) ?? null } : null), [db, editingId]);
  const editing = edited && edited.id === editingId ? edited.win : undefined;

  // The win being edited was deleted meanwhile (another window, an undo): nothing left to edit.
  useEffect(() => {
    if (editingId && editing === null) closeEdit();
  }, [editingId, editing, closeEdit]);

  // "/" puts the cursor in the search, as in most desktop lists.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog[open]')) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const text = useDeferredValue(filters.text);
  const filtered = useMemo(
    () => (wins ? filterWins(wins, { types: filters.types, initiativeId: filters.initiativeId ?? undefined, text }) : []),
    [wins, filters.types, filters.initiativeId, text],
  );
  const allWeeks = useMemo(() => groupWinsByWeek(filtered, timeZone, weekStartsOn), [filtered, timeZone, weekStartsOn]);
  // The first weeks draw at once; the rest of a heavy quarter follows in the background, so the
  // screen (and typing in the search) never waits for hundreds of rows. A stale rest is shown only
  // for weeks older than the fresh ones, so no week is ever drawn twice.
  const firstWeeks = useMemo(() => allWeeks.slice(0, FIRST_WEEKS), [allWeeks]);
  const restWeeks = useMemo(() => allWeeks.slice(FIRST_WEEKS), [allWeeks]);
  const deferredRest = useDeferredValue(restWeeks);
  const weeks = useMemo(() => {
    const oldestFirst = firstWeeks[firstWeeks.length - 1]?.weekStart;
    if (oldestFirst === undefined) return firstWeeks;
    return [...firstWeeks, ...deferredRest.filter((week) => week.weekStart < oldestFirst)];
  }, [firstWeeks, deferredRest]);
  const thisWeek = dayKey(weekContaining(now, timeZone, weekStartsOn).start, timeZone);
  const lastWeek = addDaysToKey(thisWeek, -7);
  const since = formatDate(windowStart, language, timeZone);
  const active = filtersActive(filters);
  const noWinsAtAll = wins !== undefined && wins.length === 0 && !active && earlier === null;

  const labels = useMemo(() => winItemLabels(t), [t]);
  // Stable handlers, so typing in the search redraws only the rows that change.
  const toggleStar = useCallback(
    (win: Win) => void toggleWinStar(db, win, starredOnly, (message, undo) => show({ message, tone: 'info', action: { label: t('common.undo'), run: undo } }), t),
    [db, starredOnly, show, t],
  );
  const editWin = useCallback((win: Win) => edit(win.id), [edit]);
  const deleteAndOfferUndo = useCallback(
    (win: Win) => {
      const next = neighbourOf(list.current, win.id);
      void deleteWin(db, win.id).then((removed) => {
        if (!removed) return;
        focusWinOrList(list.current, next);
        show({
          message: t('wins.timeline.deleted', { title: removed.title }),
          tone: 'info',
          action: { label: t('common.undo'), run: () => restoreWin(db, removed).catch(reportWriteError) },
        });
      }, reportWriteError);
    },
    [db, show, t],
  );

  const showEarlier = async () => {
    try {
      const start = await earlierWindowStart(db, windowStart, timeZone, weekStartsOn);
      if (start !== null) setWindowStart(start);
    } catch (error) {
      // A read, not a write: nothing the user typed is at stake, and the button stays to try again.
      console.error('Could not read earlier wins', error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('wins.title')}
        subtitle={t('wins.subtitle')}
        actions={
          <div className="wins-header-actions">
            <CaptureButton />
            <span className="muted wins-header-actions__keys">{t('wins.shortcut', { keys: captureKeysLabel })}</span>
          </div>
        }
      />
      {/* Nothing to filter before the first win. */}
      {noWinsAtAll ? null : (
        <Filters filters={filters} initiatives={names.filterInitiatives} searchRef={search} onChange={setFilters} onClear={clearFilters} />
      )}

      {wins === undefined || earlier === undefined ? (
        <p className="screen-loading" role="status">
          {t('wins.timeline.loading')}
        </p>
      ) : noWinsAtAll ? (
        <EmptyState title={t('wins.timeline.emptyTitle')} body={t('wins.timeline.emptyBody')}>
          <div className="wins-header-actions">
            <CaptureButton />
            <span className="muted">{t('wins.shortcut', { keys: captureKeysLabel })}</span>
          </div>
        </EmptyState>
      ) : (
        <>
          <p className="wins-summary muted" role="status">
            {active
              ? t('wins.timeline.summaryFiltered', { shown: filtered.length, total: wins.length, date: since })
              : t('wins.timeline.summary', { count: wins.length, date: since })}
          </p>
          {filtered.length === 0 ? (
            active ? (
              <EmptyState title={t('wins.timeline.noMatchTitle')} body={t('wins.timeline.noMatchBody', { date: since })}>
                <div className="button-row">
                  <Button onClick={clearFilters}>{t('wins.timeline.clearFilters')}</Button>
                  {earlier ? <Button onClick={() => void showEarlier()}>{t('wins.timeline.showEarlier')}</Button> : null}
                </div>
              </EmptyState>
            ) : (
              <EmptyState title={t('wins.timeline.emptyWindowTitle', { date: since })} body={t('wins.timeline.emptyWindowBody')}>
                <div className="button-row">
                  <CaptureButton />
                  {earlier ? <Button onClick={() => void showEarlier()}>{t('wins.timeline.showEarlier')}</Button> : null}
                </div>
              </EmptyState>
            )
          ) : (
            <div className="wins-timeline" ref={list} tabIndex={-1}>
              {weeks.map((week) => {
                const start = instantOfDayKey(week.weekStart, timeZone);
                const starred = week.wins.filter((w) => w.starred === 1).length;
                const headingId = `wins-week-${week.weekStart}`;
                return (
                  <section key={week.weekStart} className="wins-week" aria-labelledby={headingId}>
                    <header className="wins-week__head">
                      <h2 id={headingId}>
                        {week.weekStart === thisWeek
                          ? t('wins.timeline.thisWeek')
                          : week.weekStart === lastWeek
                            ? t('wins.timeline.lastWeek')
                            : t('wins.timeline.week', { date: formatDate(start, language, timeZone) })}
                      </h2>
                      {week.weekStart === thisWeek || week.weekStart === lastWeek ? (
                        <span className="muted">{t('wins.timeline.week', { date: formatDate(start, language, timeZone) })}</span>
                      ) : null}
                      <span className="muted wins-week__count">
                        {t('wins.timeline.weekCount', { count: week.wins.length })}
                        {starred > 0 ? ` · ${t('wins.timeline.weekStarred', { count: starred })}` : ''}
                      </span>
                    </header>
                    <ol className="wins-week__list">
                      {week.wins.map((win) => (
                        <WinItem
                          key={win.id}
                          win={win}
                          lead={win.leadId ? names.leads.get(win.leadId) : undefined}
                          initiative={win.initiativeId ? names.initiatives.get(win.initiativeId) : undefined}
                          language={language}
                          timeZone={timeZone}
                          labels={labels}
                          onToggleStar={toggleStar}
                          onEdit={editWin}
                          onDelete={deleteAndOfferUndo}
                        />
                      ))}
                    </ol>
                  </section>
                );
              })}
            </div>
          )}
          <div className="wins-more">
            {earlier ? (
              <>
                <Button onClick={() => void showEarlier()}>{t('wins.timeline.showEarlier')}</Button>
                <span className="muted">{t('wins.timeline.nextEarlier', { date: formatDate(earlier.at, language, timeZone) })}</span>
              </>
            ) : wins.length > 0 ? (
              <span className="muted">{t('wins.timeline.allShown')}</span>
            ) : null}
          </div>
        </>
      )}

      {editing ? <WinFormDialog key={editing.id} mode={{ kind: 'edit', win: editing }} onClose={closeEdit} /> : null}
    </>
  );
}

/** Stars or unstars; under "Starred only" the row disappears, so that is said, with undo. */
async function toggleWinStar(
  db: TwoHatsDatabase,
  win: Win,
  starredOnly: boolean,
  notify: (message: string, undo: () => Promise<void>) => void,
  t: TFunction,
): Promise<void> {
  try {
    const next = win.starred === 1 ? 0 : 1;
    await setWinStarred(db, win.id, next, Date.now());
    if (next === 0 && starredOnly) {
      notify(t('wins.timeline.unstarred', { title: win.title }), () => setWinStarred(db, win.id, 1, Date.now()).then(() => undefined, reportWriteError));
    }
  } catch (error) {
    reportWriteError(error);
  }
}

/** The id of the win shown after `id` (or before it, for the last one): where the cursor goes after a delete. */
function neighbourOf(container: HTMLElement | null, id: string): string | undefined {
  const ids = [...(container?.querySelectorAll<HTMLElement>('[data-win-id]') ?? [])].map((element) => element.dataset.winId);
  const index = ids.indexOf(id);
  return ids[index + 1] ?? ids[index - 1];
}

/** After a delete, the cursor moves to the neighbour's star instead of falling to the page. */
function focusWinOrList(container: HTMLElement | null, winId: string | undefined): void {
  requestAnimationFrame(() => {
    const target = winId ? container?.querySelector<HTMLElement>(`[data-win-id="${winId}"] .win__star`) : null;
    (target ?? container)?.focus();
  });
}

/** Names of the leads and initiatives the shown wins point at, read by key; and the initiatives to filter by. */
function useNames(wins: Win[] | undefined) {
  const db = useDb();
  const leadIds = useMemo(() => [...new Set((wins ?? []).flatMap((w) => (w.leadId ? [w.leadId] : [])))].sort(), [wins]);
  const initiativeIds = useMemo(() => [...new Set((wins ?? []).flatMap((w) => (w.initiativeId ? [w.initiativeId] : [])))].sort(), [wins]);
  const leadKey = leadIds.join('|');
  const initiativeKey = initiativeIds.join('|');
  const leads = useLiveQuery(async () => (await db.leads.bulkGet(leadIds)).filter((l): l is Lead => l !== undefined), [db, leadKey]);
  const referenced = useLiveQuery(
    async () => (await db.initiatives.bulkGet(initiativeIds)).filter((i): i is Initiative => i !== undefined),
    [db, initiativeKey],
  );
  const current = useLiveQuery(() => db.initiatives.where('archived').equals(0).toArray(), [db]);
  return useMemo(() => {
    const initiatives = new Map<string, Initiative>();
    for (const initiative of [...(current ?? []), ...(referenced ?? [])]) initiatives.set(initiative.id, initiative);
    const filterInitiatives = [...initiatives.values()].sort((a, b) => b.start - a.start || a.name.localeCompare(b.name));
    return { leads: new Map((leads ?? []).map((l) => [l.id, l])), initiatives, filterInitiatives };
  }, [leads, referenced, current]);
}

function Filters({
  filters,
  initiatives,
  searchRef,
  onChange,
  onClear,
}: {
  filters: WinFilters;
  initiatives: Initiative[];
  searchRef: RefObject<HTMLInputElement | null>;
  onChange: (change: Partial<WinFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const selectedInitiativeMissing = filters.initiativeId !== null && !initiatives.some((i) => i.id === filters.initiativeId);
  return (
    <div role="search" className="wins-filters" aria-label={t('wins.timeline.filters')}>
      <div className="wins-filters__row">
        <div className="field wins-filters__search">
          <label className="field__label" htmlFor="wins-search">
            {t('wins.timeline.search')}
          </label>
          <input
            ref={searchRef}
            id="wins-search"
            className="input"
            type="search"
            value={filters.text}
            placeholder={t('wins.timeline.searchPlaceholder')}
            title={t('wins.timeline.searchKey')}
            aria-keyshortcuts="/"
            onChange={(e) => onChange({ text: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="wins-initiative">
            {t('wins.timeline.initiative')}
          </label>
          <select
            id="wins-initiative"
            className="input"
            value={filters.initiativeId ?? ''}
            onChange={(e) => onChange({ initiativeId: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{t('wins.timeline.allInitiatives')}</option>
            {selectedInitiativeMissing ? <option value={filters.initiativeId ?? ''}>…</option> : null}
            {initiatives.map((initiative) => (
              <option key={initiative.id} value={initiative.id}>
                {initiative.archived ? t('wins.capture.archived', { name: initiative.name }) : initiative.name}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox wins-filters__starred">
          <input type="checkbox" checked={filters.starredOnly} onChange={(e) => onChange({ starredOnly: e.target.checked })} />
          <span aria-hidden="true" className="star star--on">
            ★
          </span>
          {t('wins.timeline.starredOnly')}
        </label>
        {filtersActive(filters) ? (
          <Button variant="ghost" onClick={onClear}>
            {t('wins.timeline.clearFilters')}
          </Button>
        ) : null}
      </div>
      <div className="wins-filters__types" role="group" aria-labelledby="wins-types-label">
        <span id="wins-types-label" className="field__label">
          {t('wins.timeline.types')}
        </span>
        {WIN_TYPES.map((type) => {
          const on = filters.types.includes(type);
          return (
            <button
              key={type}
              type="button"
              className={on ? 'type-chip type-chip--on' : 'type-chip'}
              aria-pressed={on}
              onClick={() => onChange({ types: on ? filters.types.filter((x) => x !== type) : [...filters.types, type] })}
            >
              {t(`wins.type.${type}`)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
