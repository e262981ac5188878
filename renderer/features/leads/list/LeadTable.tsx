/**
 * The lead list as a real <table> (so screen readers announce rows and column headers), drawn
 * virtually: only the rows in view (plus a margin) are in the DOM, between two spacer rows, so
 * 20,000 leads cost what 40 cost. Rows have one height (text is cut with an ellipsis and shown
 * whole in a tooltip), which keeps the maths exact and the scroll bar honest.
 *
 * Keyboard: one row is in the tab order at a time (roving tabindex); Up/Down, Page Up/Down,
 * Home/End move it and Enter opens the lead. The focused lead is remembered by id, so sorting or
 * filtering keeps it.
 */
import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { isMarketingSourced, type SourceOrigins } from '../../../../shared/domain/leads';
import type { LeadFlag, LeadListRow, LeadSort, LeadSortKey } from '../../../../shared/domain/lead-list';
import { OPEN_STAGES, type Currency, type Language } from '../../../../shared/domain/model';
import { formatDate, formatMoney } from '../../../i18n/format';
import type { FlagLabels } from './lead-rows';

/** Row and header heights in px; the stylesheet uses the same numbers. */
export const ROW_HEIGHT = 44;
export const HEAD_HEIGHT = 40;

type ColumnId = 'company' | 'person' | 'source' | 'initiative' | 'stage' | 'value' | 'createdAt' | 'lastContact' | 'nextAction';

const COLUMNS: readonly { id: ColumnId; sort?: LeadSortKey; numeric?: boolean }[] = [
  { id: 'company', sort: 'company' },
  { id: 'person' },
  { id: 'source' },
  { id: 'initiative' },
  { id: 'stage', sort: 'stage' },
  { id: 'value', sort: 'value', numeric: true },
  { id: 'createdAt', sort: 'createdAt' },
  { id: 'lastContact', sort: 'lastContact' },
  { id: 'nextAction' },
];

export interface LeadTableProps {
  rows: readonly LeadListRow[];
  flags: ReadonlyMap<string, LeadFlag>;
  flagLabels: FlagLabels;
  initiativeNames: ReadonlyMap<string, string>;
  sort: LeadSort;
  onSort: (key: LeadSortKey) => void;
  onOpen: (leadId: string) => void;
  language: Language;
  currency: Currency;
  timeZone: string;
  sourceOrigins: SourceOrigins;
  now: number;
  height: number;
  /** Changes when the filters or the sort change: the list goes back to its top. */
  resetKey: string;
  /** Where the list was when the user left it, restored on return from a lead. */
  memory?: { get(): ListMemory; set(memory: ListMemory): void };
}

export interface ListMemory {
  scrollTop: number;
  activeId: string | null;
}

export function LeadTable(props: LeadTableProps) {
  const { rows, sort, onSort, onOpen, height, memory, resetKey } = props;
  const { t } = useTranslation();
  const helpId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(() => memory?.get().activeId ?? null);
  const pendingFocus = useRef<string | null>(null);

  // TanStack Virtual returns a new object each render by design (see its docs); the React
  // Compiler lint cannot know that its values are fresh, and no memo here depends on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    initialOffset: () => memory?.get().scrollTop ?? 0,
    getItemKey: (index) => rows[index]?.lead.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const activeIndex = useMemo(() => (activeId === null ? -1 : rows.findIndex((row) => row.lead.id === activeId)), [rows, activeId]);
  const first = items[0];
  const last = items[items.length - 1];
  // The row in the tab order: the active one when drawn, else the first one drawn.
  const tabbable = first && last && activeIndex >= first.index && activeIndex <= last.index ? activeIndex : (first?.index ?? -1);

  // Remember where the user was when leaving for a lead, and come back there with the row that
  // was opened focused. (On mount, and when React shows a kept tree again: both run this effect.)
  const latest = useRef({ activeId, memory });
  useLayoutEffect(() => {
    latest.current = { activeId, memory };
  });
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const left = latest.current.memory?.get();
    if (scroller && left) {
      if (left.scrollTop && scroller.scrollTop !== left.scrollTop) scroller.scrollTop = left.scrollTop;
      pendingFocus.current = left.activeId;
    }
    return () => latest.current.memory?.set({ scrollTop: scroller?.scrollTop ?? 0, activeId: latest.current.activeId });
  }, []);

  // Other filters or another order: start from the top (a data change elsewhere keeps the place).
  const shownKey = useRef(resetKey);
  useLayoutEffect(() => {
    if (shownKey.current === resetKey) return;
    shownKey.current = resetKey;
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  // Focus the row a key moved to once the virtualizer has drawn it.
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`tr[data-lead-id="${CSS.escape(id)}"]`);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (!target) return;
      const targetIndex = rows.indexOf(target);
      setActiveId(target.lead.id);
      pendingFocus.current = target.lead.id;
      virtualizer.scrollToIndex(targetIndex, { align: 'auto' });
    },
    [rows, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const row = event.currentTarget;
    if (event.target !== row || event.altKey || event.metaKey) return;
    const index = rows.findIndex((r) => r.lead.id === row.dataset.leadId);
    const page = Math.max(1, Math.floor((height - HEAD_HEIGHT) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'PageDown':
        moveTo(index + page);
        break;
      case 'PageUp':
        moveTo(index - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter':
        if (row.dataset.leadId) onOpen(row.dataset.leadId);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const sortLabel = (id: ColumnId) => t(`leadBoard.list.columns.${id}`);
  const padTop = first ? first.start - HEAD_HEIGHT : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <div ref={scrollRef} className="lead-table__scroller" style={{ height }} data-testid="lead-table-scroller">
      <p id={helpId} className="visually-hidden">
        {t('leadBoard.list.help')}
      </p>
      <table className="lead-table" role="grid" aria-readonly="true" aria-label={t('leadBoard.list.label')} aria-describedby={helpId} aria-rowcount={rows.length + 1}>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.id} className={`lead-table__col--${column.id}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const sorted = column.sort !== undefined && sort.key === column.sort;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {column.sort ? (
                    <button
                      type="button"
                      className={`lead-table__sort${sorted ? ' lead-table__sort--active' : ''}`}
                      title={t('leadBoard.list.sortBy', { column: sortLabel(column.id) })}
                      onClick={() => column.sort && onSort(column.sort)}
                    >
                      <span className="lead-table__sort-label">{sortLabel(column.id)}</span>
                      <span className="lead-table__sort-mark" aria-hidden="true">
                        {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    <span className="lead-table__head-label">{sortLabel(column.id)}</span>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr className="lead-table__spacer" aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <LeadTableRow
                key={row.lead.id}
                row={row}
                index={item.index}
                tabbable={item.index === tabbable}
                flag={props.flags.get(row.lead.id)}
                flagLabels={props.flagLabels}
                initiativeName={row.lead.initiativeId ? props.initiativeNames.get(row.lead.initiativeId) : undefined}
                language={props.language}
                currency={props.currency}
                timeZone={props.timeZone}
                marketing={isMarketingSourced(row.lead, props.sourceOrigins)}
                nextActionPast={row.lead.nextActionAt !== undefined && row.lead.nextActionAt < props.now && OPEN_STAGES.includes(row.lead.stage)}
                onOpen={onOpen}
                onFocusRow={setActiveId}
                onKeyDown={onKeyDown}
              />
            );
          })}
          {padBottom > 0 ? (
            <tr className="lead-table__spacer" aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: LeadListRow;
  index: number;
  tabbable: boolean;
  flag: LeadFlag | undefined;
  flagLabels: FlagLabels;
  initiativeName: string | undefined;
  language: Language;
  currency: Currency;
  timeZone: string;
  marketing: boolean;
  nextActionPast: boolean;
  onOpen: (leadId: string) => void;
  onFocusRow: (leadId: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => void;
}

const LeadTableRow = memo(function LeadTableRow({
  row,
  index,
  tabbable,
  flag,
  flagLabels,
  initiativeName,
  language,
  currency,
  timeZone,
  marketing,
  nextActionPast,
  onOpen,
  onFocusRow,
  onKeyDown,
}: RowProps) {
  const { t } = useTranslation();
  const { lead } = row;
  const source = t(`leads.source.${lead.source}`);
  const sourceText = lead.sourceDetail ? `${source} · ${lead.sourceDetail}` : source;
  const value = lead.value !== undefined ? formatMoney(lead.value, currency, language) : null;
  const created = formatDate(lead.createdAt, language, timeZone);
  const lastContact = row.firstContactAt === null ? null : formatDate(row.lastContactAt, language, timeZone);
  const nextAction = lead.nextActionAt !== undefined ? formatDate(lead.nextActionAt, language, timeZone) : null;
  return (
    <tr
      role="row"
      data-lead-id={lead.id}
      aria-rowindex={index + 2}
      tabIndex={tabbable ? 0 : -1}
      className={`lead-table__row${flag ? ` lead-table__row--${flag}` : ''}`}
      onClick={() => onOpen(lead.id)}
      onFocus={() => onFocusRow(lead.id)}
      onKeyDown={onKeyDown}
    >
      <td className="lead-table__company" title={lead.company}>
        <div className="lead-table__flex">
          <span className="lead-table__text">{lead.company || '—'}</span>
          {flag ? (
            <span className={`lead-flag lead-flag--${flag}`} title={flagLabels[flag].long}>
              <span aria-hidden="true">{flagLabels[flag].short}</span>
              <span className="visually-hidden">{flagLabels[flag].long}</span>
            </span>
          ) : null}
        </div>
      </td>
      <td title={lead.person}>
        <span className="lead-table__text">{lead.person}</span>
      </td>
      <td title={sourceText}>
        <span className="lead-table__text">
          <span className={`source-dot source-dot--${marketing ? 'marketing' : 'sales'}`} aria-hidden="true" />
          {source}
          {lead.sourceDetail ? <span className="muted"> · {lead.sourceDetail}</span> : null}
        </span>
      </td>
      <td title={initiativeName}>
        <span className="lead-table__text">{initiativeName ?? ''}</span>
      </td>
      <td>
        <span className={`stage-pill stage-pill--${lead.stage}`}>{t(`leads.stage.${lead.stage}`)}</span>
      </td>
      <td className="num">{value ?? <span className="muted">—</span>}</td>
      <td className="num lead-table__date">{created}</td>
      <td className="num lead-table__date">{lastContact ?? <span className="muted">{t('leadBoard.list.noContact')}</span>}</td>
      <td className={`num lead-table__date${nextActionPast ? ' lead-table__past' : ''}`} title={nextActionPast ? t('leadBoard.list.overdueAction') : undefined}>
        {nextAction ?? ''}
      </td>
    </tr>
  );
});
