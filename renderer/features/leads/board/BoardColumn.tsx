/**
 * One stage of the board: its header (count, total, weighted total) and its cards.
 *
 * The cards are virtualised (@tanstack/react-virtual) rather than capped with "show more":
 * an open stage can hold thousands of leads with years of data, and a closed one far more once
 * "show all" is on; a cap would hide the very leads a user scrolls for, and "show more" would
 * grow the DOM without bound. Cards have a fixed height per column kind, so positions are exact.
 */
import { memo, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { CLOSED_WINDOW_DAYS, type BoardColumn as Column, type LeadFlag } from '../../../../shared/domain/lead-list';
import { isMarketingSourced, type SourceOrigins } from '../../../../shared/domain/leads';
import type { LeadStage } from '../../../../shared/domain/model';
import { formatMoney, formatNumber, formatPercent } from '../../../i18n/format';
import { CARD_GAP, CARD_HEIGHT, LeadCard, type CardContext } from './LeadCard';

export interface ColumnContext extends CardContext {
  sourceOrigins: SourceOrigins;
  /** The column hands its virtualizer up, so keyboard moves can scroll a card into view. */
  register(stage: LeadStage, virtualizer: Virtualizer<HTMLDivElement, Element> | null): void;
  onToggleAll(stage: LeadStage): void;
}

interface BoardColumnProps {
  column: Column;
  context: ColumnContext;
  flags: ReadonlyMap<string, LeadFlag>;
  probability: number;
  now: number;
  /** The card that should be in the tab order, if it is in this column. */
  activeId: string | null;
  showAll: boolean;
  /** A card is being dragged over this column (from another one). */
  dropTarget: boolean;
  draggingId: string | null;
}

export const BoardColumn = memo(function BoardColumn({ column, context, flags, probability, now, activeId, showAll, dropTarget, draggingId }: BoardColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { stage, open, rows } = column;
  const { language, currency } = context;
  const size = CARD_HEIGHT[open ? 'open' : 'closed'] + CARD_GAP;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => size,
    overscan: 6,
    getItemKey: (index) => rows[index]?.lead.id ?? index,
  });
  const { register } = context;
  useEffect(() => {
    register(stage, virtualizer);
    return () => register(stage, null);
  }, [register, stage, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const rendered = new Set(items.map((item) => rows[item.index]?.lead.id));
  // One card per column is in the tab order: the active one if it is here, else the first drawn.
  const tabbableId = activeId !== null && rendered.has(activeId) ? activeId : (rows[items[0]?.index ?? -1]?.lead.id ?? null);
  const stageName = t(`leads.stage.${stage}`);
  const total = formatMoney(column.value, currency, language);
  const hasClosedToggle = !open && (showAll || column.hidden > 0);
  // "¥0" would read as deals worth nothing; a column whose leads have no value yet says so.
  const noValues = rows.length > 0 && column.missingValue === rows.length;

  return (
    <section
      className={`lead-column lead-column--${stage}${open ? '' : ' lead-column--closed'}${dropTarget ? ' lead-column--target' : ''}`}
      data-drop-stage={stage}
      aria-labelledby={headingId}
    >
      <header className="lead-column__head">
        <h2 id={headingId} className="lead-column__title">
          <span className={`stage-dot stage-dot--${stage}`} aria-hidden="true" />
          <span className="lead-column__name">{stageName}</span>
          <span className="lead-column__count">{formatNumber(rows.length, language, 0)}</span>
        </h2>
        {noValues ? (
          <p className="lead-column__sums lead-column__sums--none">{t('leadBoard.board.noValues')}</p>
        ) : (
          <p className="lead-column__sums">
            <span className="visually-hidden">{t('leadBoard.board.total')} </span>
            <span className="lead-column__total">{total}</span>
            {open && column.missingValue ? <span className="lead-column__missing">{t('leadBoard.board.missingValue', { count: column.missingValue })}</span> : null}
          </p>
        )}
        {open ? (
          <p className="lead-column__sub" title={t('leadBoard.board.weightedTitle', { percent: formatPercent(probability, language) })}>
            {noValues ? '\u00a0' : `${t('leadBoard.board.weighted')} ${formatMoney(column.weighted, currency, language)}`}
          </p>
        ) : (
          <p className="lead-column__sub">
            <span title={t('leadBoard.board.windowTitle', { days: CLOSED_WINDOW_DAYS })}>
              {showAll ? t('leadBoard.board.all') : t('leadBoard.board.window', { days: CLOSED_WINDOW_DAYS })}
            </span>
            {hasClosedToggle ? (
              <button type="button" className="lead-column__toggle" aria-pressed={showAll} onClick={() => context.onToggleAll(stage)}>
                {showAll ? t('leadBoard.board.showRecent') : t('leadBoard.board.showAll', { n: formatNumber(rows.length + column.hidden, language, 0) })}
              </button>
            ) : null}
          </p>
        )}
      </header>
      <div ref={scrollRef} className="lead-column__body">
        {rows.length === 0 ? (
          <p className="lead-column__empty">{open || showAll ? t('leadBoard.board.empty') : t('leadBoard.board.emptyRecent', { days: CLOSED_WINDOW_DAYS })}</p>
        ) : (
          <ul
            className="lead-column__list"
            aria-label={t('leadBoard.board.columnList', { stage: stageName, n: formatNumber(rows.length, language, 0) })}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <li
                  key={row.lead.id}
                  className="lead-column__item"
                  aria-setsize={rows.length}
                  aria-posinset={item.index + 1}
                  style={{ transform: `translateY(${item.start}px)`, height: size - CARD_GAP }}
                >
                  <LeadCard
                    row={row}
                    open={open}
                    marketing={isMarketingSourced(row.lead, context.sourceOrigins)}
                    flag={flags.get(row.lead.id)}
                    now={now}
                    tabbable={row.lead.id === tabbableId}
                    dragging={row.lead.id === draggingId}
                    language={language}
                    currency={currency}
                    timeZone={context.timeZone}
                    flagLabels={context.flagLabels}
                    keysId={context.keysId}
                    onKeyDown={context.onKeyDown}
                    onOpen={context.onOpen}
                    onFocusCard={context.onFocusCard}
                    onMenu={context.onMenu}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
});
